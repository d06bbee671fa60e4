/** Finding and reading the files the CLI is asked to check. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './errors';

export const RESOLUTION_PATTERNS = ['**/*.itures', '**/*.resolution', '**/*.res.txt', '**/*.itu.txt'];

/** Expands PATH arguments: files as given, folders searched, globs expanded; `-` kept. */
export async function expandPaths(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const a of args) {
    if (a === '-') {
      out.push('-');
      continue;
    }
    let st;
    try {
      st = await fs.stat(a);
    } catch {
      st = null;
    }
    if (st?.isDirectory()) {
      const found = await glob(RESOLUTION_PATTERNS, { cwd: a, absolute: false, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false });
      found.sort();
      out.push(...found.map((f) => path.join(a, f)));
      continue;
    }
    if (st) {
      out.push(a);
      continue;
    }
    if (isDynamicPattern(a)) {
      const found = await glob([a], { ignore: ['**/node_modules/**'], followSymbolicLinks: false });
      if (found.length === 0) throw new UsageError(`no files match ${a}`);
      found.sort();
      out.push(...found);
      continue;
    }
    throw new UsageError(`no such file or folder: ${a}`);
  }
  return [...new Set(out)];
}

export type Decoded = { ok: true; text: string; note?: string } | { ok: false; reason: string };

/** Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM; binary files refused. */
export function decode(buf: Buffer): Decoded {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(buf.subarray(2)), note: 'read as UTF-16' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(buf.subarray(2)), note: 'read as UTF-16' };
  // a zip (Word) file has NUL bytes in its first header: name it before calling it binary
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 3 && buf[3] === 4) return { ok: false, reason: 'a zip or Word file; convert it with "reslint import"' };
  const head = buf.subarray(0, Math.min(buf.length, 8192));
  if (head.includes(0)) return { ok: false, reason: 'binary file (it contains NUL bytes)' };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(buf), note: 'not valid UTF-8; read as Windows-1252' };
  }
}
