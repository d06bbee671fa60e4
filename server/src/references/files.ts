/**
 * Walking a reference folder and reading its files, safely: the folder may hold anything
 * (symbolic-link loops, links out of the folder, pipes, devices, unreadable, binary or
 * huge files). Nothing here throws for a bad entry: each one is skipped with a reason,
 * and the walk goes on. Nothing is executed and nothing is fetched: only `node:fs`.
 */
import { constants, promises as fsp, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import { isWordFileName, isWordOwnerFile, type DocxReader } from './docx';

/** The extensions of resolution texts (the editor's language, plain `.txt`, and Word's `.docx`). */
export const REFERENCE_EXTENSIONS = ['.itures', '.resolution', '.res.txt', '.itu.txt', '.txt', '.docx'];

/** The files the editor's language is for, and that `reslint FOLDER` lints: `.itures`, `.resolution`, `*.res.txt`, `*.itu.txt`. */
export function isResolutionFileName(name: string): boolean {
  return /\.(itures|resolution|res\.txt|itu\.txt)$/i.test(name);
}

export function isReferenceFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return REFERENCE_EXTENSIONS.some((e) => lower.endsWith(e)) && !isWordOwnerFile(name);
}

export interface Limits {
  /** larger text files are skipped (default 5 MB) */
  maxFileBytes: number;
  /** larger Word files are skipped (default 20 MB: pictures and fonts make most of a .docx) */
  maxWordFileBytes: number;
  /** at most this many files per configured folder (default 5,000) */
  maxFiles: number;
  /** folders nested deeper are not entered (default 24) */
  maxDepth: number;
  /** folders watched per configured folder (default 1,000) */
  maxWatchedDirs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxWordFileBytes: 20 * 1024 * 1024,
  maxFiles: 5000,
  maxDepth: 24,
  maxWatchedDirs: 1000,
};

/** The file-system calls the indexer makes; tests may replace some. */
export interface IndexerFs {
  stat(p: string): Promise<Stats>;
  realpath(p: string): Promise<string>;
  readdir(p: string): Promise<Dirent[]>;
  /** reads at most `max + 1` bytes of a regular file, without blocking on pipes */
  readBounded(p: string, max: number): Promise<Buffer>;
}

async function readBounded(p: string, max: number): Promise<Buffer> {
  // O_NONBLOCK: opening a FIFO that slipped in between stat and open must not hang a thread.
  const fh = await fsp.open(p, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
    const size = Math.min(st.size, max + 1);
    const buf = Buffer.alloc(size);
    let off = 0;
    while (off < size) {
      const { bytesRead } = await fh.read(buf, off, size - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return buf.subarray(0, off);
  } finally {
    await fh.close();
  }
}

export const NODE_FS: IndexerFs = {
  stat: (p) => fsp.stat(p),
  realpath: (p) => fsp.realpath(p),
  readdir: (p) => fsp.readdir(p, { withFileTypes: true }),
  readBounded,
};

/** A short, human reason for a file-system error. */
export function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'not found (a broken link, or it was removed)';
    case 'ENOTDIR':
      return 'not a folder';
    case 'EAGAIN':
    case 'EWOULDBLOCK':
      return 'not readable without blocking';
    case 'ENOTFILE':
      return 'not a regular file';
    case 'EISDIR':
      return 'a folder, not a file';
    default:
      return code ? `${code}: ${(e as Error).message}` : String((e as Error)?.message ?? e);
  }
}

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

/** UTF-8 (BOM or not) or UTF-16 with a BOM; refuses binary content (NUL bytes). */
export function decodeText(buf: Buffer): Decoded {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(buf.subarray(2)) };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(buf.subarray(2)) };
  if (buf.includes(0)) return { ok: false, reason: 'binary file (it contains NUL bytes)' };
  let text = new TextDecoder('utf-8').decode(buf);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

export function isInside(child: string, parent: string): boolean {
  if (child === parent) return true;
  const rel = path.relative(parent, child);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface WalkResult {
  /** the candidate files, as paths under the walked folder */
  files: string[];
  /** the real paths of the folders entered (to watch) */
  dirs: string[];
}

/**
 * Every reference file under `root` (a folder given by its real path). Symbolic links are
 * followed only when they stay inside `root`; each real folder is entered once, so a link
 * loop ends the walk of that branch. `skip(path, reason)` is told of everything left out.
 * Yields to the event loop every few entries so that the server keeps answering.
 */
export async function walk(root: string, fs: IndexerFs, limits: Limits, skip: (p: string, reason: string) => void): Promise<WalkResult> {
  const files: string[] = [];
  const dirs: string[] = [];
  const seen = new Set<string>();
  const queue: { dir: string; depth: number }[] = [{ dir: root, depth: 0 }];
  let tooMany = false;
  let work = 0;
  while (queue.length) {
    const { dir, depth } = queue.shift()!;
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (e) {
      skip(dir, reasonOf(e));
      continue;
    }
    if (!isInside(real, root)) {
      skip(dir, `a link to ${real}, outside the reference folder (add that folder to the setting to index it)`);
      continue;
    }
    if (seen.has(real)) {
      skip(dir, `symbolic link loop: ${real} was already indexed`);
      continue;
    }
    seen.add(real);
    dirs.push(real);
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir);
    } catch (e) {
      skip(dir, reasonOf(e));
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      if (++work % 64 === 0) await new Promise<void>((r) => setImmediate(r));
      const p = path.join(dir, ent.name);
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        let st: Stats;
        try {
          st = await fs.stat(p);
        } catch (e) {
          if (isReferenceFileName(ent.name) || (e as NodeJS.ErrnoException)?.code === 'ELOOP') skip(p, reasonOf(e));
          continue;
        }
        isDir = st.isDirectory();
        isFile = st.isFile();
        if (!isDir && !isFile) {
          if (isReferenceFileName(ent.name)) skip(p, 'not a regular file (a link to a device, pipe or socket)');
          continue;
        }
        if (isFile && isReferenceFileName(ent.name)) {
          let target: string;
          try {
            target = await fs.realpath(p);
          } catch (e) {
            skip(p, reasonOf(e));
            continue;
          }
          if (!isInside(target, root)) {
            skip(p, `a link to ${target}, outside the reference folder`);
            continue;
          }
        }
      }
      if (isDir) {
        if (ent.name.startsWith('.') || SKIPPED_DIRS.has(ent.name)) continue;
        if (depth + 1 > limits.maxDepth) skip(p, `nested deeper than ${limits.maxDepth} folders`);
        else queue.push({ dir: p, depth: depth + 1 });
        continue;
      }
      if (!isReferenceFileName(ent.name)) continue;
      if (!isFile) {
        skip(p, 'not a regular file (a pipe, socket or device)');
        continue;
      }
      if (files.length >= limits.maxFiles) {
        if (!tooMany) skip(root, `more than ${limits.maxFiles} reference files; the rest are not indexed`);
        tooMany = true;
        continue;
      }
      files.push(p);
    }
  }
  return { files, dirs };
}

export type ReadResult = { ok: true; text: string; mtimeMs: number; size: number } | { ok: false; reason: string; mtimeMs: number; size: number };

/** Stat of a candidate file: its version key, or why it cannot be read. */
export async function statFile(p: string, fs: IndexerFs): Promise<{ ok: true; st: Stats } | { ok: false; reason: string }> {
  try {
    const st = await fs.stat(p);
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    return { ok: true, st };
  } catch (e) {
    return { ok: false, reason: reasonOf(e) };
  }
}

/**
 * Reads a reference file within the limits: a text file decoded, a Word file converted by
 * `readDocx` (the size limit is then the Word file's own).
 */
export async function readReferenceFile(p: string, st: Stats, fs: IndexerFs, limits: Limits, readDocx: DocxReader | null = null): Promise<ReadResult> {
  const base = { mtimeMs: st.mtimeMs, size: st.size };
  const word = isWordFileName(p);
  const max = word ? limits.maxWordFileBytes : limits.maxFileBytes;
  const mb = (max / (1024 * 1024)).toFixed(max % (1024 * 1024) ? 1 : 0);
  if (st.size > max) return { ok: false, reason: `larger than ${mb} MB (${st.size} bytes)`, ...base };
  let buf: Buffer;
  try {
    buf = await fs.readBounded(p, max);
  } catch (e) {
    return { ok: false, reason: reasonOf(e), ...base };
  }
  if (buf.length > max) return { ok: false, reason: `larger than ${mb} MB`, ...base };
  if (word) {
    if (!readDocx) return { ok: false, reason: 'a Word file, and the Word import is not available here (convert it with `reslint import`)', ...base };
    let text: string;
    try {
      text = await readDocx(buf);
    } catch (e) {
      return { ok: false, reason: `not a Word document that can be read: ${String((e as Error)?.message ?? e).replace(/^not a Word document: /, '')}`, ...base };
    }
    // its text is held to the limit of a text file
    if (text.length > limits.maxFileBytes) return { ok: false, reason: `its text is longer than ${(limits.maxFileBytes / (1024 * 1024)).toFixed(limits.maxFileBytes % (1024 * 1024) ? 1 : 0)} MB`, ...base };
    return { ok: true, text, ...base };
  }
  const d = decodeText(buf);
  if (!d.ok) return { ok: false, reason: d.reason, ...base };
  return { ok: true, text: d.text, ...base };
}
