import type { Clause, Content, Position, Range } from './types';

/** A clause's text as one reads it: its paragraphs and sub-items, one per line. */
export function clauseText(c: Clause): string {
  const parts = [c.content.text, ...c.continuations.map((k) => k.text), ...c.subItems.map((s) => `${s.label?.text ?? s.bullet ?? ''} ${s.content.text}`.trim())];
  return parts.join('\n');
}

/** Raw column of index `i` of a content's cleaned text. */
export function columnAt(c: Content, i: number): number {
  const s = c.shifts;
  let extra = 0;
  if (s.length <= 32) {
    // shifts are few (a handful per line at most): a linear scan is fastest
    for (let k = 0; k < s.length; k += 2) {
      if (s[k] <= i) extra = s[k + 1];
      else break;
    }
  } else {
    // a hostile line can carry thousands (footnote markers, soft hyphens): binary search
    // for the last pair whose index is <= i
    let lo = 0;
    let hi = s.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (s[2 * mid] <= i) {
        extra = s[2 * mid + 1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
  }
  return c.column + i + extra;
}

/** Raw column just after index `i - 1` (an exclusive end). */
export function endColumnAt(c: Content, i: number): number {
  if (i <= 0) return c.column;
  return columnAt(c, i - 1) + 1;
}

export function posAt(c: Content, i: number): Position {
  return { line: c.line, character: columnAt(c, i) };
}

/** Range of text[from, to) of a content, in raw coordinates. */
export function rangeIn(c: Content, from: number, to: number): Range {
  if (to <= from) {
    const p = posAt(c, from);
    return { start: p, end: { line: p.line, character: p.character } };
  }
  return {
    start: { line: c.line, character: columnAt(c, from) },
    end: { line: c.line, character: endColumnAt(c, to) },
  };
}

/** A range moved by whole lines and columns (a result found at one place, for another). */
export function movedRange(r: Range, lines: number, columns: number): Range {
  return { start: { line: r.start.line + lines, character: r.start.character + columns }, end: { line: r.end.line + lines, character: r.end.character + columns } };
}

/** movedRange, for a range that may be absent. */
export function movedRangeOrNull(r: Range | null, lines: number, columns: number): Range | null {
  return r === null ? null : movedRange(r, lines, columns);
}

/** Range of the whole content. */
export function contentRange(c: Content): Range {
  return rangeIn(c, 0, c.text.length);
}

/** Index of the last non-space character + 1 (length of the trimmed-right text). */
export function trimmedEnd(text: string): number {
  let e = text.length;
  while (e > 0) {
    const ch = text.charCodeAt(e - 1);
    if (ch === 32 || ch === 9) e--;
    else break;
  }
  return e;
}

/** Index of the first non-space character. */
export function trimmedStart(text: string): number {
  let s = 0;
  while (s < text.length) {
    const ch = text.charCodeAt(s);
    if (ch === 32 || ch === 9) s++;
    else break;
  }
  return s;
}

/** A sub-content: text[from, to) of `c`, keeping its mapping to raw columns. */
export function slice(c: Content, from: number, to: number = c.text.length): Content {
  if (from === 0 && to === c.text.length) return c;
  const text = c.text.slice(from, to);
  if (c.shifts.length === 0) return { line: c.line, column: c.column + from, text, shifts: [] };
  const base = columnAt(c, from);
  // the pairs inside the slice, relative to its start (one pass over the pairs, not one
  // lookup per character: lines with thousands of pairs made that quadratic)
  const s = c.shifts;
  const baseExtra = base - c.column - from;
  const shifts: number[] = [];
  let prev = 0;
  for (let k = 0; k < s.length; k += 2) {
    const at = s[k] - from;
    if (at <= 0) continue;
    if (at >= text.length) break;
    // of several pairs at one index, the last counts
    if (k + 2 < s.length && s[k + 2] === s[k]) continue;
    const extra = s[k + 1] - baseExtra;
    if (extra !== prev) {
      shifts.push(at, extra);
      prev = extra;
    }
  }
  return { line: c.line, column: base, text, shifts };
}

export function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function containsPos(r: Range, p: Position): boolean {
  return comparePos(r.start, p) <= 0 && comparePos(p, r.end) <= 0;
}

export function lineRange(line: number, text: string): Range {
  return { start: { line, character: 0 }, end: { line, character: text.length } };
}
