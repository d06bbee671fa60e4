/**
 * Watches a set of folders (one `fs.watch` per folder, not recursive: the indexer walks the
 * tree itself, with its loop and depth guards, and tells the watcher which folders to
 * watch) and calls back once per burst of changes, after a quiet period.
 *
 * Watchers do not keep the process alive, and a folder that vanishes or cannot be watched
 * is dropped with one log line.
 */
import { watch, type FSWatcher } from 'node:fs';

export class FolderWatcher {
  private watchers = new Map<string, FSWatcher>();
  private timer: NodeJS.Timeout | null = null;
  private disposed = false;
  private warnedLimit = false;

  constructor(
    private readonly onChanges: () => void,
    private readonly debounceMs: number,
    private readonly maxFolders: number,
    private readonly log: (msg: string) => void,
    /** only these names matter in a watched folder (a single configured file); null for all */
    private readonly onlyNames: Set<string> | null = null,
  ) {}

  /** Watches exactly these folders from now on (the others are released). Returns how many were added. */
  setFolders(dirs: Iterable<string>): number {
    if (this.disposed) return 0;
    let added = 0;
    const wanted = new Set(dirs);
    for (const [d, w] of this.watchers) {
      if (!wanted.has(d)) {
        w.close();
        this.watchers.delete(d);
      }
    }
    for (const d of wanted) {
      if (this.watchers.has(d)) continue;
      if (this.watchers.size >= this.maxFolders) {
        if (!this.warnedLimit) this.log(`reslint: reference documents: more than ${this.maxFolders} folders; changes in the others are not watched`);
        this.warnedLimit = true;
        break;
      }
      try {
        const w = watch(d, { persistent: false }, (_event, name) => {
          if (this.onlyNames && name && !this.onlyNames.has(name.toString())) return;
          this.poke();
        });
        w.on('error', (e) => {
          this.log(`reslint: reference documents: stopped watching ${d}: ${(e as Error).message}`);
          w.close();
          this.watchers.delete(d);
          this.poke();
        });
        this.watchers.set(d, w);
        added++;
      } catch (e) {
        this.log(`reslint: reference documents: cannot watch ${d}: ${(e as Error).message}`);
      }
    }
    return added;
  }

  get size(): number {
    return this.watchers.size;
  }

  /** A change was seen: call back after the quiet period. */
  poke(): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.disposed) this.onChanges();
    }, this.debounceMs);
    this.timer.unref?.();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }
}
