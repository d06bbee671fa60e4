import type { Content, Position, Range } from './types';

/** Raw column of index `i` of a content's cleaned text. */
export function columnAt(c: Content, i: number): number {
  const s = c.shifts;
  let extra = 0;
  // shifts are few (a handful per line at most): a linear scan is fastest
  for (let k = 0; k < s.length; k += 2) {
    if (s[k] <= i) extra = s[k + 1];
    else break;
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
  const shifts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const extra = columnAt(c, from + i) - base - i;
    if (extra !== (shifts.length ? shifts[shifts.length - 1] : 0)) shifts.push(i, extra);
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
