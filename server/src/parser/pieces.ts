/**
 * Where a long text can be cut into pieces that parse and lint on their own with exactly
 * the findings the whole text gets (engine/pieces.ts lints them on several threads).
 *
 * Every rule judges one resolution at a time, and a number line starts a fresh resolution
 * whatever came before it, so a cut just before a number line is invisible to the rules,
 * except where something outside a resolution looks across it. The plan therefore cuts
 * only:
 *
 * - in a document without proposals (a proposal's symbol line holds the resolutions that
 *   follow it, and its reasons take their context from them);
 * - before a number line, never inside a resolution;
 * - when text stands before the first resolution (a foreword, whose citations are judged as
 *   of the first resolution with a meeting), only after a resolution whose number line names
 *   a meeting by place and year;
 * - in a document without block or next-line `reslint-disable` directives (they reach across
 *   lines; `reslint-disable-line` stays on its line and is fine).
 *
 * A text that offers no such cut is linted whole. The equivalence is tested
 * (test/engine/pieces.test.ts): the findings of the pieces equal those of the whole.
 */
import { cleanLine } from './lines';
import { numberLine, proposalStart } from './parse';
import { parseMeeting } from './patterns';
import { trimmedStart } from '../model/content';
import type { ResDocument } from '../model/types';

export interface Piece {
  /** line number of the piece's first line in the whole text */
  firstLine: number;
  /** [start, end) of the piece in the whole text (line terminators included) */
  start: number;
  end: number;
}

export interface PieceOptions {
  /** how many pieces at most (the threads there are to lint them) */
  count: number;
  /** no piece smaller than this many characters (a piece costs a message and a parse) */
  minChars?: number;
  /**
   * the caller looks at the directives of each piece it parses (spanningDirective) and lints
   * the text whole when one reaches across lines: the text is not searched for them here
   */
  directivesChecked?: boolean;
}

/** After `reslint-`: a directive that reaches beyond its own line. */
const SPANNING_DIRECTIVE = /disable-next-line|disable(?!-line)|enable/y;

/**
 * Whether the text holds a block or next-line directive, found by `reslint-` first: a plain
 * search is much faster than a pattern over megabytes.
 */
function hasSpanningDirective(text: string): boolean {
  for (let i = text.indexOf('reslint-'); i !== -1; i = text.indexOf('reslint-', i + 8)) {
    SPANNING_DIRECTIVE.lastIndex = i + 8;
    if (SPANNING_DIRECTIVE.test(text)) return true;
  }
  return false;
}

/** Whether a parsed piece holds a directive that reaches beyond its own line. */
export function spanningDirective(doc: ResDocument): boolean {
  for (const d of doc.directives) if (d.kind !== 'disable-line') return true;
  return false;
}

/** The pieces to lint a text in, or null when it is best linted whole. */
export function planPieces(text: string, options: PieceOptions): Piece[] | null {
  const count = Math.floor(options.count);
  const minChars = options.minChars ?? 256 * 1024;
  if (count < 2 || text.length < 2 * minChars) return null;
  if (!options.directivesChecked && hasSpanningDirective(text)) return null;
  const cuts = cutPoints(text);
  if (cuts === null || cuts.length === 0) return null;
  // the first cut at or after each share of the text
  const pieces: Piece[] = [];
  let start = 0;
  let firstLine = 0;
  let k = 0;
  const share = text.length / count;
  for (let p = 1; p < count; p++) {
    const target = Math.max(p * share, start + minChars);
    while (k < cuts.length && cuts[k].offset < target) k++;
    if (k >= cuts.length) break;
    const cut = cuts[k++];
    if (text.length - cut.offset < minChars) break;
    pieces.push({ firstLine, start, end: cut.offset });
    start = cut.offset;
    firstLine = cut.line;
  }
  if (pieces.length === 0) return null;
  pieces.push({ firstLine, start, end: text.length });
  return pieces;
}

interface Cut {
  line: number;
  offset: number;
}

/** Offsets of the lines before which the text may be cut; null when no cut is safe. */
function cutPoints(text: string): Cut[] | null {
  const cuts: Cut[] = [];
  // text before the first resolution needs a resolution with a meeting before any cut
  let coverText = false;
  let seenResolution = false;
  let contextKnown = false;
  const lineEnd = text.includes('\r') ? /\r\n|\r|\n/g : null;
  let line = 0;
  let at = 0;
  while (at <= text.length) {
    let end: number;
    let next: number;
    if (lineEnd) {
      lineEnd.lastIndex = at;
      const m = lineEnd.exec(text);
      end = m ? m.index : text.length;
      next = m ? m.index + m[0].length : text.length + 1;
    } else {
      // only \n ends lines: a plain search
      const nl = text.indexOf('\n', at);
      end = nl === -1 ? text.length : nl;
      next = end + 1;
    }
    const kind = lineKind(text, at, end, line);
    if (kind === 'proposal') return null;
    if (kind === 'number') {
      if (seenResolution && (!coverText || contextKnown)) cuts.push({ line, offset: at });
      seenResolution = true;
      if (!contextKnown && namesMeeting(text, at, end, line)) contextKnown = true;
    } else if (kind === 'text' && !seenResolution) coverText = true;
    line++;
    at = next;
  }
  return cuts;
}

type LineKind = 'blank' | 'number' | 'proposal' | 'text';

/** What the parser makes of a line, as far as cutting goes. */
function lineKind(text: string, start: number, end: number, line: number): LineKind {
  // the first character that is not a space decides most lines: only a letter that a
  // proposal symbol (`(`, A, M, S, N) or a number line (R, D, O in either case) starts with,
  // or a character that line cleaning removes or replaces (`[`, `<`, anything not ASCII),
  // needs a closer look
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i === end) return 'blank';
  const r = text.charCodeAt(i);
  const lower = r | 0x20;
  const maybe = r === 65 || r === 77 || r === 83 || r === 78 || r === 40 || lower === 114 || lower === 100 || lower === 111 || r === 91 || r === 60 || r > 127;
  if (!maybe) return 'text';
  // cleanLine hands a line without special characters back as it is
  const t = cleanLine(text.slice(start, end), line).content.text;
  const ts = trimmedStart(t);
  if (ts >= t.length) return 'blank';
  const first = t.charCodeAt(ts);
  if (proposalStart(t, first)) return 'proposal';
  return numberLine(t, first) ? 'number' : 'text';
}

/** The number line at [start, end) names its meeting by place and year (`(Rev. Hammamet, 2016)`). */
function namesMeeting(text: string, start: number, end: number, line: number): boolean {
  const t = cleanLine(text.slice(start, end), line).content.text;
  const nm = numberLine(t, t.charCodeAt(trimmedStart(t)));
  if (!nm || nm[4] === undefined) return false;
  const m = parseMeeting(nm[4], 0);
  return !!m && !m.wrcForm && !!m.place && m.year !== null;
}
