#!/usr/bin/env bash
# Installs code-server (the VS Code workbench served to a browser) for the
# end-to-end tests, plus the Debian packages it and the tests need.
#
# Idempotent and cached: the finished install lives in
#   node_modules/.cache/code-server-$VERSION
# and carries a marker file written as the very last step; when the marker is
# there the script only checks the Debian packages and exits.
#
# Why not a plain `npm install code-server`: its postinstall refuses to run as
# root, needs libkrb5-dev for `kerberos`, runs `npx node-gyp` and downloads a
# ripgrep binary from the internet (unreachable on CI). The steps below do the
# same work offline (checked on Debian 12 with Node 20; 4.100.3 is the last
# code-server release whose install accepts Node 20).
#
# Environment:
#   CODE_SERVER_CACHE  parent folder of the install (default node_modules/.cache)
#   E2E_SKIP_APT=1     never call apt-get (fail if packages are missing)
set -euo pipefail
# Everything but the final path goes to stderr, so callers can read stdout.
exec 3>&1 1>&2

VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${CODE_SERVER_CACHE:-$ROOT/node_modules/.cache}"
DEST="$CACHE/code-server-$VERSION"
MARKER="$DEST/.e2e-install-complete"
DEBS=(libkrb5-dev ripgrep chromium)

log() { printf '[setup-code-server] %s\n' "$*" >&2; }
start=$SECONDS

# One installer at a time (two test runs started together must not interleave).
mkdir -p "$CACHE"
exec 9>"$CACHE/code-server-$VERSION.lock"
flock 9

# --- Debian packages ---------------------------------------------------------
missing=()
for p in "${DEBS[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ! command -v chromium >/dev/null 2>&1 && [[ ! " ${missing[*]-} " == *" chromium "* ]]; then
  missing+=(chromium)
fi
if ((${#missing[@]})); then
  if [[ "${E2E_SKIP_APT:-}" == 1 ]]; then
    log "missing Debian packages: ${missing[*]} (E2E_SKIP_APT=1, not installing)"; exit 1
  fi
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=(sudo -n); else
      log "missing Debian packages: ${missing[*]}; run as root or install them"; exit 1
    fi
  fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 update -q
  "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}"
fi

# --- code-server ---------------------------------------------------------------
if [[ -f "$MARKER" ]]; then
  log "cached: $DEST"
  echo "$DEST" >&3
  exit 0
fi

log "installing code-server@$VERSION into $DEST (takes a few minutes)"
rm -rf "$DEST" "$DEST.pack"
mkdir -p "$DEST.pack"
(cd "$DEST.pack" && npm pack "code-server@$VERSION" --silent >/dev/null && tar -xzf "code-server-$VERSION.tgz")
mv "$DEST.pack/package" "$DEST"
rm -rf "$DEST.pack"

export npm_config_yes=true npm_config_audit=false npm_config_fund=false \
  npm_config_update_notifier=false npm_config_loglevel=error
# node-gyp would download Node's headers from nodejs.org: use the installed ones.
if [[ "$(npm config get nodedir 2>/dev/null)" =~ ^(|undefined|null)$ ]]; then
  for d in "$(dirname "$(dirname "$(command -v node)")")" /usr /usr/local; do
    if [[ -f "$d/include/node/node_api.h" ]]; then export npm_config_nodedir="$d"; break; fi
  done
fi

log "step 1/3: code-server's own dependencies"
(cd "$DEST" && npm install --omit=dev --ignore-scripts && npm rebuild argon2)

log "step 2/3: VS Code's dependencies and native modules"
(
  cd "$DEST/lib/vscode"
  npm install --omit=dev --ignore-scripts
  npm rebuild @parcel/watcher @vscode/spdlog kerberos native-watchdog node-pty @vscode/deviceid
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
)

log "step 3/3: built-in extensions' dependencies"
(cd "$DEST/lib/vscode/extensions" && npm install --omit=dev --ignore-scripts)

# code-server writes a default config.yaml on first start: keep it inside the cache.
version="$(XDG_CONFIG_HOME="$DEST/.config" node "$DEST/out/node/entry.js" --version | grep -m1 "^$VERSION " || true)"
case "$version" in
  "$VERSION "*) ;;
  *) log "unexpected version output: $version"; exit 1 ;;
esac
date -u +%Y-%m-%dT%H:%M:%SZ > "$MARKER"
log "done in $((SECONDS - start)) s: $version"
echo "$DEST" >&3
