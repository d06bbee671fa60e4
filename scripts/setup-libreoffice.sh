#!/bin/sh
# Installs what test/word/render.test.ts needs to render Word files the way a
# person would see them: LibreOffice Writer (headless, no GUI) and poppler's
# pdftoppm / pdftotext. Idempotent: does nothing when the tools are present.
# Debian/Ubuntu (apt) only; needs root or sudo. Called by .ci/run.
set -eu

missing=""
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui"
command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v pdftotext >/dev/null 2>&1 || case "$missing" in *poppler-utils*) ;; *) missing="$missing poppler-utils" ;; esac

if [ -z "$missing" ]; then
  echo "setup-libreoffice: soffice, pdftoppm and pdftotext already installed"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-libreoffice: apt-get not found; install LibreOffice Writer and poppler-utils by hand:$missing" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-libreoffice: need root (or sudo) to install:$missing" >&2
    exit 1
  fi
fi

echo "setup-libreoffice: installing$missing"
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing fonts-liberation >/dev/null
command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1
echo "setup-libreoffice: done"
