/**
 * The index of the user's reference documents (setting `references`: folders and files of
 * resolution texts), and of the resolutions in the documents open in the editor.
 *
 * - Indexing runs in the background: the walk and the reads are asynchronous and the
 *   indexer yields to the event loop between files, so the server keeps answering. Until a
 *   folder is indexed, the data simply lacks its entries.
 * - Each configured folder is watched; a burst of changes re-walks it (unchanged files,
 *   by size and modification time, are not read again) and `onChange` is called when the
 *   entries changed, so that the server re-lints the open documents.
 * - Open documents: `updateOpenDocument` is cheap when the number lines, titles, history
 *   lines and preambles did not change (a fingerprint proportional to the number of
 *   resolutions); otherwise their entries are re-extracted and applied after a short quiet
 *   period (not on every keystroke).
 * - `dataFor(roots)` is the built-in data extended with the entries of those roots and of
 *   the open documents; it is rebuilt only when those entries changed.
 *
 * Safety (hostile folders): see files.ts. Only `node:fs` is used: nothing is fetched and
 * nothing from the workspace is executed.
 */
import { realpathSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadReferenceData, type ReferenceData, type ReferenceExtension } from '../data/reference';
import type { MeetingBody, ResolutionEntry } from '../data/schema';
import type { Range, ResDocument } from '../model/types';
import { parse } from '../parser/parse';
import { extractResolutions, headerSignature, type IndexedResolution } from './extract';
import { bundledDocxReader, isWordFileName, type DocxReader } from './docx';
import { DEFAULT_LIMITS, NODE_FS, readReferenceFile, reasonOf, statFile, walk, type IndexerFs, type Limits } from './files';
import { buildExtension, entryKey, extensionKey } from './merge';
import { FolderWatcher } from './watcher';

export interface ReferenceIndexOptions {
  log?: (msg: string) => void;
  /** called after the entries changed (a folder was indexed or re-indexed, an open document's header changed) */
  onChange?: () => void;
  /** the data the documents extend (default: the built-in data) */
  base?: ReferenceData;
  /** watch the configured folders (default true) */
  watch?: boolean;
  /** quiet period after file changes (default 200 ms) */
  debounceMs?: number;
  /** quiet period after an open document's header changed (default 400 ms; 0 applies at once) */
  openDebounceMs?: number;
  limits?: Partial<Limits>;
  /** file-system calls (tests replace some to simulate errors) */
  fs?: Partial<IndexerFs>;
  /**
   * converts a Word file to text (default: dist/docxText.js next to the running bundle,
   * references/docx.ts); null, or none found, skips Word files with a reason
   */
  readDocx?: DocxReader | null;
}

interface FileEntry {
  mtimeMs: number;
  size: number;
  resolutions: IndexedResolution[];
}

interface Root {
  /** as configured (absolute) */
  path: string;
  /** paths of the indexed files */
  files: string[];
  indexed: boolean;
  running: Promise<void> | null;
  again: boolean;
  watcher: FolderWatcher | null;
  /** the name filter the watcher was made with ('' for none) */
  watchMode: string;
  /** skip messages already logged (a re-walk does not repeat them) */
  reported: Set<string>;
}

interface OpenDoc {
  /** the real path of the file, when it is one */
  fsPath: string | null;
  signature: string;
  doc: ResDocument;
  resolutions: IndexedResolution[];
}

/** Where a resolution of a reference document is. */
export interface ReferenceLocation {
  uri: string;
  range: Range;
  resolution: IndexedResolution;
}

export class ReferenceIndex {
  private readonly log: (msg: string) => void;
  private readonly base: ReferenceData;
  private readonly fs: IndexerFs;
  private readonly limits: Limits;
  private readonly readDocx: DocxReader | null;
  private readonly roots = new Map<string, Root>();
  private readonly files = new Map<string, FileEntry>();
  private readonly open = new Map<string, OpenDoc>();
  /** open documents' entries as applied to the data (lags `open` by the quiet period) */
  private openApplied: IndexedResolution[] = [];
  private openApplyTimer: NodeJS.Timeout | null = null;
  private generation = 0;
  private readonly cache = new Map<string, { generation: number; key: string; data: ReferenceData }>();
  private disposed = false;

  constructor(private readonly opts: ReferenceIndexOptions = {}) {
    this.log = opts.log ?? (() => {});
    this.base = opts.base ?? loadReferenceData();
    this.fs = { ...NODE_FS, ...opts.fs };
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.readDocx = opts.readDocx === undefined ? bundledDocxReader() : opts.readDocx;
  }

  // ---- configured folders and files -----------------------------------------

  /** Starts indexing (and watching) the roots not seen before. Returns at once. */
  ensure(roots: readonly string[]): void {
    for (const r of roots) {
      const p = path.resolve(r);
      if (this.roots.has(p) || this.disposed) continue;
      const root: Root = { path: p, files: [], indexed: false, running: null, again: false, watcher: null, watchMode: '', reported: new Set() };
      this.roots.set(p, root);
      this.reindex(root);
    }
  }

  /** Resolves when every root is indexed and no re-index is pending (tests, CLI). */
  async whenIdle(): Promise<void> {
    for (;;) {
      const running = [...this.roots.values()].map((r) => r.running).filter((x): x is Promise<void> => !!x);
      if (!running.length) return;
      await Promise.all(running);
    }
  }

  /**
   * The text of an indexed Word reference file, converted again (for the read-only view that
   * go to definition opens: features/wordView.ts); null when `file` is not one.
   */
  async wordText(file: string): Promise<string | null> {
    if (!isWordFileName(file)) return null;
    // the path came back through a URI: on Windows its drive letter may have changed case
    if (!this.files.has(file)) {
      const lower = file.toLowerCase();
      const found = process.platform === 'win32' ? [...this.files.keys()].find((f) => f.toLowerCase() === lower) : undefined;
      if (!found) return null;
      file = found;
    }
    const s = await statFile(file, this.fs);
    if (!s.ok) return null;
    const read = await readReferenceFile(file, s.st, this.fs, this.limits, this.readDocx);
    return read.ok ? read.text : null;
  }

  /** Whether every one of these roots has been indexed once. */
  isIndexed(roots: readonly string[]): boolean {
    return roots.every((r) => this.roots.get(path.resolve(r))?.indexed);
  }

  private reindex(root: Root): void {
    if (root.running) {
      root.again = true;
      return;
    }
    root.running = (async () => {
      do {
        root.again = false;
        let changed = false;
        try {
          changed = await this.indexRoot(root);
        } catch (e) {
          // a bug, not a bad file: keep what we had
          this.log(`reslint: reference documents: indexing ${root.path} failed: ${(e as Error)?.stack ?? String(e)}`);
        }
        const first = !root.indexed;
        root.indexed = true;
        if ((changed || first) && !this.disposed) {
          this.generation++;
          this.opts.onChange?.();
        }
      } while (root.again && !this.disposed);
      root.running = null;
    })();
  }

  private skip(root: Root, p: string, reason: string): void {
    const msg = `reslint: reference documents: skipped ${p}: ${reason}`;
    if (root.reported.has(msg)) return;
    root.reported.add(msg);
    this.log(msg);
  }

  /** Walks a root and (re)reads its new or changed files. True when its entries changed. */
  private async indexRoot(root: Root): Promise<boolean> {
    const started = Date.now();
    let candidates: string[];
    let watchDirs: string[] = [];
    let onlyName: string | null = null;
    let st: Stats | null = null;
    let problem = '';
    try {
      st = await this.fs.stat(root.path);
    } catch (e) {
      problem = reasonOf(e);
    }
    const isDir = !!st?.isDirectory();
    if (isDir) {
      let real: string;
      try {
        real = await this.fs.realpath(root.path);
      } catch (e) {
        this.skip(root, root.path, reasonOf(e));
        return this.setFiles(root, []);
      }
      const found = await walk(real, this.fs, this.limits, (p, reason) => this.skip(root, p, reason));
      candidates = found.files;
      watchDirs = found.dirs;
    } else if (st?.isFile()) {
      // a single file, named in the setting: any extension
      candidates = [root.path];
      watchDirs = [path.dirname(root.path)];
      onlyName = path.basename(root.path);
    } else {
      this.skip(root, root.path, problem || 'neither a file nor a folder');
      candidates = [];
      // watch the parent so that the file or folder is picked up when it appears
      watchDirs = [path.dirname(root.path)];
      onlyName = path.basename(root.path);
    }
    if (this.opts.watch !== false && !this.disposed) {
      // a missing root is watched from its parent, by name; once it exists, folder by folder
      const mode = onlyName ?? '';
      if (root.watcher && root.watchMode !== mode) {
        root.watcher.dispose();
        root.watcher = null;
      }
      root.watchMode = mode;
      root.watcher ??= new FolderWatcher(
        () => this.reindex(root),
        this.opts.debounceMs ?? 200,
        this.limits.maxWatchedDirs,
        this.log,
        onlyName ? new Set([onlyName]) : null,
      );
      // A file written into a new folder between the walk and its watcher is seen by one more pass.
      if (root.watcher.setFolders(watchDirs) > 0 && root.indexed) root.again = true;
    }
    let changed = false;
    const kept: string[] = [];
    let count = 0;
    for (const file of candidates) {
      if (this.disposed) return false;
      const r = await this.indexFile(root, file);
      if (r.changed) changed = true;
      if (r.ok) kept.push(file);
      count += r.ok ? this.files.get(file)!.resolutions.length : 0;
      await new Promise<void>((res) => setImmediate(res));
    }
    if (this.setFiles(root, kept)) changed = true;
    if (changed || !root.indexed)
      this.log(`reslint: reference documents: ${root.path}: ${kept.length} file(s), ${count} resolution(s) indexed in ${Date.now() - started} ms`);
    return changed;
  }

  private setFiles(root: Root, files: string[]): boolean {
    const before = root.files.join('\n');
    root.files = files;
    return before !== files.join('\n');
  }

  private async indexFile(root: Root, file: string): Promise<{ ok: boolean; changed: boolean }> {
    const s = await statFile(file, this.fs);
    if (!s.ok) {
      this.skip(root, file, s.reason);
      return { ok: false, changed: this.files.delete(file) };
    }
    const prev = this.files.get(file);
    if (prev && prev.mtimeMs === s.st.mtimeMs && prev.size === s.st.size) return { ok: true, changed: false };
    const read = await readReferenceFile(file, s.st, this.fs, this.limits, this.readDocx);
    if (!read.ok) {
      this.skip(root, file, read.reason);
      return { ok: false, changed: this.files.delete(file) };
    }
    const uri = pathToFileURL(file).href;
    let resolutions: IndexedResolution[] = [];
    try {
      const doc = parse(read.text);
      resolutions = extractResolutions(doc, uri, this.base, { allowNewMeetings: true, log: (m) => this.log(`reslint: reference documents: ${m}`) });
    } catch (e) {
      this.skip(root, file, `could not be parsed: ${(e as Error).message}`);
    }
    const changed = !prev || JSON.stringify(stripRanges(prev.resolutions)) !== JSON.stringify(stripRanges(resolutions)) || rangesMoved(prev.resolutions, resolutions);
    this.files.set(file, { mtimeMs: read.mtimeMs, size: read.size, resolutions });
    return { ok: true, changed };
  }

  // ---- open documents -------------------------------------------------------

  /** Called with each new model of an open document: cheap unless its headers changed. */
  updateOpenDocument(uri: string, fsPath: string | null, doc: ResDocument): void {
    const prev = this.open.get(uri);
    const signature = headerSignature(doc);
    if (prev && prev.signature === signature) {
      prev.doc = doc;
      return;
    }
    const resolutions = extractResolutions(doc, uri, this.base, { allowNewMeetings: false });
    // indexed files are known by their real paths; resolved once per opened document
    const realPath = prev ? prev.fsPath : fsPath ? realPathOf(fsPath) : null;
    this.open.set(uri, { fsPath: realPath, signature, doc, resolutions });
    if (prev && JSON.stringify(stripRanges(prev.resolutions)) === JSON.stringify(stripRanges(resolutions))) return;
    if (!prev && !resolutions.length) return;
    this.scheduleOpenApply();
  }

  closeDocument(uri: string): void {
    const prev = this.open.get(uri);
    if (!prev) return;
    this.open.delete(uri);
    if (prev.resolutions.length) this.scheduleOpenApply();
  }

  private scheduleOpenApply(): void {
    const delay = this.opts.openDebounceMs ?? 400;
    if (delay <= 0) {
      this.applyOpen();
      return;
    }
    if (this.openApplyTimer) clearTimeout(this.openApplyTimer);
    this.openApplyTimer = setTimeout(() => {
      this.openApplyTimer = null;
      this.applyOpen();
    }, delay);
    this.openApplyTimer.unref?.();
  }

  private applyOpen(): void {
    if (this.disposed) return;
    const next = [...this.open.values()].flatMap((o) => o.resolutions);
    if (JSON.stringify(stripRanges(next)) === JSON.stringify(stripRanges(this.openApplied))) {
      this.openApplied = next;
      return;
    }
    this.openApplied = next;
    this.generation++;
    this.opts.onChange?.();
  }

  // ---- the data --------------------------------------------------------------

  /** The files' and open documents' resolutions that apply to these roots (open documents last). */
  private found(roots: readonly string[]): IndexedResolution[] {
    const openPaths = new Set<string>();
    for (const o of this.open.values()) if (o.fsPath) openPaths.add(path.resolve(o.fsPath));
    const seen = new Set<string>();
    const out: IndexedResolution[] = [];
    for (const r of roots) {
      const root = this.roots.get(path.resolve(r));
      if (!root) continue;
      for (const f of root.files) {
        if (seen.has(f) || openPaths.has(f)) continue;
        seen.add(f);
        out.push(...(this.files.get(f)?.resolutions ?? []));
      }
    }
    out.push(...this.openApplied);
    return out;
  }

  /** What the documents add to the built-in data for a file whose setting lists `roots`. */
  extensionFor(roots: readonly string[]): ReferenceExtension {
    return buildExtension(this.base, this.found(roots));
  }

  /**
   * The built-in data extended by the documents of `roots` and the open documents. Starts
   * indexing roots not seen before. Cached: rebuilt only after the entries changed.
   */
  dataFor(roots: readonly string[]): ReferenceData {
    this.ensure(roots);
    const cacheKey = roots.map((r) => path.resolve(r)).join('\n');
    const cached = this.cache.get(cacheKey);
    if (cached && cached.generation === this.generation) return cached.data;
    const found = this.found(roots);
    if (!found.length) {
      this.cache.set(cacheKey, { generation: this.generation, key: '', data: this.base });
      return this.base;
    }
    const ext = buildExtension(this.base, found);
    const key = extensionKey(ext);
    if (cached && cached.key === key) {
      cached.generation = this.generation;
      return cached.data;
    }
    const data = this.base.extend(ext);
    this.cache.set(cacheKey, { generation: this.generation, key, data });
    return data;
  }

  // ---- go to definition --------------------------------------------------------

  /**
   * The places that define a resolution: the number lines of the texts in the reference
   * documents (of `roots`) and open documents. With `meetingId`, the texts of that revision
   * come first; then the most recent first.
   */
  locate(body: MeetingBody, type: ResolutionEntry['type'], number: string, roots: readonly string[], meetingId?: string | null): ReferenceLocation[] {
    const key = entryKey(body, type, number);
    const out = this.located(roots, (r) => entryKey(r.body, r.type, r.number) === key);
    const score = (r: IndexedResolution): number => (meetingId && r.meeting?.id === meetingId ? 1_000_000 : 0) + (r.meeting?.year ?? 0);
    out.sort((a, b) => score(b) - score(a));
    return out.map((r) => ({ uri: r.uri, range: r.range, resolution: r }));
  }

  /** Every resolution of the open documents and of the reference documents of `roots` (workspace symbols). */
  resolutionsIn(roots: readonly string[]): ReferenceLocation[] {
    return this.located(roots, () => true).map((r) => ({ uri: r.uri, range: r.range, resolution: r }));
  }

  /** The resolutions that `keep` accepts: the open documents' current ones, then those of the files of `roots` that are not open. */
  private located(roots: readonly string[], keep: (r: IndexedResolution) => boolean): IndexedResolution[] {
    const out: IndexedResolution[] = [];
    for (const [uri, o] of this.open) {
      // the current model, not the one of the last header change: ranges move as one types
      const fresh = extractResolutions(o.doc, uri, this.base, { allowNewMeetings: false });
      for (const r of fresh) if (keep(r)) out.push(r);
    }
    const openPaths = new Set([...this.open.values()].map((o) => (o.fsPath ? path.resolve(o.fsPath) : '')));
    const seen = new Set<string>();
    for (const root of roots) {
      for (const f of this.roots.get(path.resolve(root))?.files ?? []) {
        if (seen.has(f) || openPaths.has(f)) continue;
        seen.add(f);
        for (const r of this.files.get(f)?.resolutions ?? []) if (keep(r)) out.push(r);
      }
    }
    return out;
  }

  /** Stops watching; pending work ends quietly. */
  dispose(): void {
    this.disposed = true;
    if (this.openApplyTimer) clearTimeout(this.openApplyTimer);
    for (const r of this.roots.values()) r.watcher?.dispose();
  }
}

function realPathOf(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/** A text's parts, clause labels and paragraph numbers (what an outline in the data holds). */
function outlineKey(r: IndexedResolution): string {
  let s = '';
  for (const sec of r.sections) s += `${sec.head}\u0003${sec.modifier ?? ''}\u0003${sec.call}\u0003${sec.clauses.map((c) => c.label).join('\u0004')}\u0002`;
  for (const p of r.paragraphs) s += `${p.label}\u0004`;
  return s;
}

/** Entries without their positions or clause texts: what the data is built from. */
function stripRanges(list: readonly IndexedResolution[]): unknown[] {
  return list.map((r) => [r.uri, r.body, r.type, r.number, r.title, r.meeting?.id ?? null, r.versions, r.newMeetings, outlineKey(r)]);
}

function rangesMoved(a: readonly IndexedResolution[], b: readonly IndexedResolution[]): boolean {
  if (a.length !== b.length) return true;
  return a.some((r, i) => JSON.stringify([r.range, r.sections]) !== JSON.stringify([b[i].range, b[i].sections]));
}

/**
 * The built-in data extended by the reference documents of `roots`, read once without
 * watching: for the command line, where one run lints files against a fixed set.
 */
export async function loadReferenceDocuments(roots: readonly string[], log?: (msg: string) => void): Promise<ReferenceData> {
  return (await loadReferences(roots, log)).data;
}

/**
 * The same, with what the documents add to the built-in data (`extension`, null when
 * nothing), which worker threads extend their own built-in data with (piecePool.ts).
 * `readDocx` reads Word files (default: references/docx.ts `bundledDocxReader`).
 */
export async function loadReferences(
  roots: readonly string[],
  log?: (msg: string) => void,
  readDocx?: DocxReader | null,
): Promise<{ data: ReferenceData; extension: ReferenceExtension | null }> {
  if (!roots.length) return { data: loadReferenceData(), extension: null };
  const index = new ReferenceIndex({ watch: false, log, readDocx });
  try {
    index.ensure(roots);
    await index.whenIdle();
    return { data: index.dataFor(roots), extension: index.extensionFor(roots) };
  } finally {
    index.dispose();
  }
}
