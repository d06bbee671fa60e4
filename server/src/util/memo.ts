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
    const v = compute(text);
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(text, v);
    return v;
  }
}
