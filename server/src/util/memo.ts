import type { Content } from '../model/types';

/**
 * Per-line memo for work that depends only on one line's text: re-linting after a keystroke
 * finds every other line's result here. Bounded: the map is emptied when it grows past its
 * limit, so memory stays flat however long the session.
 */
export class LineMemo<T> {
  private map = new Map<string, T>();
  constructor(private readonly limit = 20000) {}

  get(text: string, compute: (text: string) => T): T {
    const hit = this.map.get(text);
    if (hit !== undefined) return hit;
    return this.store(text, compute(text));
  }

  lookup(text: string): T | undefined {
    return this.map.get(text);
  }

  store(text: string, value: T): T {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(text, value);
    return value;
  }
}

/**
 * A LineMemo per owner object, for per-line work that also depends on the owner (the
 * reference data): each data object gets its own memo, dropped with it.
 */
export class OwnedLineMemo<O extends object, T> {
  private memos = new WeakMap<O, LineMemo<T>>();
  constructor(private readonly compute: (owner: O, text: string) => T) {}

  get(owner: O, text: string): T {
    let memo = this.memos.get(owner);
    if (!memo) this.memos.set(owner, (memo = new LineMemo<T>()));
    const hit = memo.lookup(text);
    return hit !== undefined ? hit : memo.store(text, this.compute(owner, text));
  }
}

/**
 * Per-line memo for results that carry positions: keyed by a content's text, and valid
 * only for a content at the same place (line, column and column mapping). After a
 * keystroke, every line the edit did not touch or move finds its result here; a moved
 * line is computed again. Bounded like LineMemo.
 */
export class ContentMemo<T> {
  private map = new Map<string, { line: number; column: number; shifts: number[]; value: T }>();
  /**
   * @param none the result that carries no position (nothing found): valid for the same
   *   text wherever it stands, which most lines are
   */
  constructor(
    private readonly none: T,
    private readonly limit = 20000,
  ) {}

  get(c: Content, compute: (c: Content) => T): T {
    const hit = this.map.get(c.text);
    if (hit !== undefined && (hit.value === this.none || (hit.line === c.line && hit.column === c.column && sameShifts(hit.shifts, c.shifts)))) return hit.value;
    const value = compute(c);
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(c.text, { line: c.line, column: c.column, shifts: c.shifts, value });
    return value;
  }
}

function sameShifts(a: number[], b: number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
