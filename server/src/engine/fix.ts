/** Applying fixes to text: the first fix of each finding, skipping edits that overlap. */
import type { Position } from '../model/types';
import type { Finding, TextEdit } from '../rules/types';

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function offsetAt(starts: number[], text: string, p: Position): number {
  const base = starts[Math.min(p.line, starts.length - 1)] ?? text.length;
  return Math.min(base + p.character, text.length);
}

/** Applies edits (non-overlapping ones; later overlapping ones are dropped). */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: number } {
  const starts = lineStarts(text);
  const withOffsets = edits
    .map((e, i) => ({ from: offsetAt(starts, text, e.range.start), to: offsetAt(starts, text, e.range.end), newText: e.newText, i }))
    .sort((a, b) => a.from - b.from || a.to - b.to || a.i - b.i);
  const chosen: typeof withOffsets = [];
  let lastEnd = -1;
  for (const e of withOffsets) {
    if (e.from < lastEnd || (e.from === lastEnd && e.from === e.to && chosen.length && chosen[chosen.length - 1].from === e.from)) continue;
    chosen.push(e);
    lastEnd = e.to;
  }
  let out = '';
  let pos = 0;
  for (const e of chosen) {
    out += text.slice(pos, e.from) + e.newText;
    pos = e.to;
  }
  out += text.slice(pos);
  return { text: out, applied: chosen.length };
}

/**
 * The edits of the first fix of every fixable finding, as one fix-all applies them: a fix
 * whose edits overlap an edit already taken waits for the next round.
 */
export function fixAllEdits(findings: Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const cmp = (a: Position, b: Position) => a.line - b.line || a.character - b.character;
  const clash = (e: TextEdit) =>
    taken.some((t) => cmp(e.range.start, t.range.end) < 0 && cmp(t.range.start, e.range.end) < 0) ||
    taken.some((t) => cmp(e.range.start, t.range.start) === 0 && cmp(e.range.end, t.range.end) === 0);
  for (const f of findings) {
    const fix = f.fixes?.[0];
    if (!fix || fix.edits.some(clash)) continue;
    taken.push(...fix.edits);
  }
  return taken;
}
