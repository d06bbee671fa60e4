import type { Content, Directive, Footnote, FootnoteRef, Range, Trace } from '../model/types';
import { LineMemo } from '../util/memo';

/** Splits text into lines (\n, \r\n or \r), without terminators. */
export function splitLines(text: string): string[] {
  // splitting on one character is much faster than on a pattern; \r is rare
  if (text.indexOf('\r') < 0) return text.split('\n');
  return text.split(/\r\n|\r|\n/);
}

export interface CleanLine {
  content: Content;
  traces: Trace[];
  footnotes: Footnote[];
  footnoteRefs: FootnoteRef[];
  directives: Directive[];
}

const NO_SHIFTS: number[] = [];
const NO_TRACES: Trace[] = [];
const NO_FOOTNOTES: Footnote[] = [];
const NO_REFS: FootnoteRef[] = [];
const NO_DIRECTIVES: Directive[] = [];

const DIRECTIVE_RE = /^<!--\s*reslint-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->/;
/** Where a directive's description starts: `<!-- reslint-disable-line rule -- why -->`. */
export const DESCRIPTION_RE = /(?:^|\s)--(?:\s|$)/;
const RULE_ID_G = /[^\s,]+/g;

/** Characters that trigger the slow path: `[`, `<`, NBSP, narrow NBSP, U+2010, U+2011, soft hyphen, BOM. */
const SPECIAL_RE = /[[<\u00a0\u202f\u2010\u2011\u00ad\ufeff]/;
/** What Word prints between two footnote marks (`1, 1bis`). */
const MARK_SEPARATOR = /^[ \t\u00a0]*,[ \t\u00a0]*$/;
const SPECIAL_G = /[[<\u00a0\u202f\u2010\u2011\u00ad\ufeff]/g;
/** Characters that remove or may remove text: traces, directives, soft hyphens, BOM. */
const REMOVING_RE = /[[<\u00ad\ufeff]/;
/** Non-breaking spaces and hyphens: replaced one for one, so columns do not move. */
const SUBSTITUTED_G = /[\u00a0\u202f\u2010\u2011]/g;
const substitute = (ch: string): string => (ch === '\u00a0' || ch === '\u202f' ? ' ' : '-');
const substituteAll = (raw: string): string => raw.replace(SUBSTITUTED_G, substitute);
/**
 * The text of a line with only non-breaking spaces and hyphens to replace, per line text: a
 * text imported from Word has them on most lines, and a line seen before costs a lookup
 * instead of a new string (less for the garbage collector).
 */
const SUBSTITUTED = new LineMemo<string>(20000);

/**
 * Cleans one raw line: removes Word's traces (bookmarks, footnote markers, inline
 * footnote bodies), soft hyphens and reslint directives, and normalises non-breaking
 * spaces and hyphens to plain ones. The mapping back to raw columns is kept.
 */
export function cleanLine(raw: string, line: number, depth = 0): CleanLine {
  if (!SPECIAL_RE.test(raw)) {
    // most lines: nothing removed. The empty lists are shared (nothing adds to a clean line's lists).
    return { content: { line, column: 0, text: raw, shifts: NO_SHIFTS }, traces: NO_TRACES, footnotes: NO_FOOTNOTES, footnoteRefs: NO_REFS, directives: NO_DIRECTIVES };
  }
  if (!REMOVING_RE.test(raw)) {
    // only non-breaking spaces and hyphens (most lines of a text imported from Word): one
    // replacement, and the columns stay where they are
    return { content: { line, column: 0, text: SUBSTITUTED.get(raw, substituteAll), shifts: NO_SHIFTS }, traces: NO_TRACES, footnotes: NO_FOOTNOTES, footnoteRefs: NO_REFS, directives: NO_DIRECTIVES };
  }
  const traces: Trace[] = [];
  const footnotes: Footnote[] = [];
  const footnoteRefs: FootnoteRef[] = [];
  const directives: Directive[] = [];
  let out = '';
  const shifts: number[] = [];
  let removed = 0;
  const remove = (from: number, to: number) => {
    removed += to - from;
    shifts.push(out.length, removed);
  };
  let i = 0;
  const n = raw.length;
  // matching `]` of every `[`, computed once for the line when a footnote body needs it
  let closers: Int32Array | null = null;
  // the next `]` and `-->` at or after the current position (searched again only when passed),
  // so that thousands of unclosed `[bookmark:` or `<!-- reslint-` on a line stay linear
  let nextClose = -2;
  let nextCommentEnd = -2;
  // plain runs are copied in one slice; `flush` appends the run before position i
  let runStart = 0;
  const flush = () => {
    if (i > runStart) out += raw.slice(runStart, i);
  };
  // the end of a `[+inserted+]` mark whose opening was removed
  let pendingClose = -1;
  // where the last footnote reference ended, in the raw line and in the cleaned text
  let refEnd = -1;
  let refOut = -1;
  while (i < n) {
    if (i === pendingClose) {
      flush();
      remove(i, i + 2);
      i = runStart = i + 2;
      pendingClose = -1;
      continue;
    }
    let ch = raw.charCodeAt(i);
    if (ch !== 0x5b && ch !== 0x3c && ch !== 0xa0 && ch !== 0x202f && ch !== 0x2011 && ch !== 0x2010 && ch !== 0xad && ch !== 0xfeff) {
      // jump to the next special character (or the pending close) with the regex engine
      SPECIAL_G.lastIndex = i;
      const next = SPECIAL_G.exec(raw);
      const to = next ? next.index : n;
      i = pendingClose >= 0 && pendingClose < to ? pendingClose : to;
      if (i >= n || i === pendingClose) continue;
      ch = raw.charCodeAt(i);
    }
    flush();
    if (ch === 0x5b /* [ */ && (raw.charCodeAt(i + 1) === 0x2d || raw.charCodeAt(i + 1) === 0x2b) && pendingClose < 0) {
      // MOD marks (reslint mod): `[-deleted-]` is not part of the text; `[+inserted+]` is
      const del = raw.charCodeAt(i + 1) === 0x2d;
      const close = raw.indexOf(del ? '-]' : '+]', i + 2);
      if (close > 0) {
        traces.push({ kind: 'annotation', value: del ? 'del' : 'ins', range: r(line, i, close + 2) });
        remove(i, i + 2);
        if (del) {
          remove(i + 2, close + 2);
          i = runStart = close + 2;
        } else {
          pendingClose = close;
          i = runStart = i + 2;
        }
        continue;
      }
    }
    if (ch === 0x5b /* [ */) {
      const rest = raw.startsWith('[bookmark:', i) ? 1 : raw.startsWith('[footnoteRef:', i) ? 2 : 0;
      if (rest === 1) {
        if (nextClose !== -1 && nextClose < i) nextClose = raw.indexOf(']', i);
        const close = nextClose;
        if (close > 0) {
          traces.push({ kind: 'bookmark', value: raw.slice(i + 10, close).trim(), range: r(line, i, close + 1) });
          remove(i, close + 1);
          i = runStart = close + 1;
          continue;
        }
      } else if (rest === 2) {
        const m = /^\[footnoteRef:(\d+)\](\d*(?:bis|ter|quater)?|\*{1,3})/.exec(raw.slice(i, i + 40));
        if (m) {
          const end = i + m[0].length;
          traces.push({ kind: 'footnoteRef', value: m[1], range: r(line, i, end) });
          footnoteRefs.push({ id: m[1], range: r(line, i, end) });
          if (refEnd >= 0 && out.length > refOut && MARK_SEPARATOR.test(raw.slice(refEnd, i))) {
            // `(Hammamet, 2016)¹, ¹ᵇⁱˢ`: the comma Word prints between two marks goes with them
            out = out.slice(0, refOut);
            if (shifts.length >= 2 && shifts[shifts.length - 2] === refOut) shifts.length -= 2;
            remove(refEnd, end);
          } else remove(i, end);
          i = runStart = refEnd = end;
          refOut = out.length;
          continue;
        }
      } else {
        // inline footnote body: `[1: 1\tThese include …]`
        const m = depth < MAX_FOOTNOTE_DEPTH ? /^\[(\d+): ?/.exec(raw.slice(i, i + 12)) : null;
        if (m) {
          const close = (closers ??= matchBrackets(raw))[i];
          if (close > 0) {
            const bodyStart = i + m[0].length;
            const inner = cleanLine(raw.slice(bodyStart, close), line, depth + 1);
            const content: Content = shiftContent(inner.content, bodyStart);
            footnotes.push({ id: m[1], range: r(line, i, close + 1), content });
            traces.push({ kind: 'footnoteBody', value: m[1], range: r(line, i, close + 1) });
            remove(i, close + 1);
            i = runStart = close + 1;
            continue;
          }
        }
      }
    } else if (ch === 0x3c /* < */ && raw.startsWith('<!--', i)) {
      if (nextCommentEnd !== -1 && nextCommentEnd < i + 4) nextCommentEnd = raw.indexOf('-->', i + 4);
      const m = nextCommentEnd < 0 ? null : DIRECTIVE_RE.exec(raw.slice(i, nextCommentEnd + 3));
      if (m) {
        const end = i + m[0].length;
        // the rule ids, each with its place; after ` -- ` comes a description (as ESLint reads it)
        const listStart = end - 3 - m[2].length;
        const cut = m[2].search(DESCRIPTION_RE);
        const list = cut < 0 ? m[2] : m[2].slice(0, cut);
        const rules: string[] = [];
        const ruleRanges: Range[] = [];
        for (const t of list.matchAll(RULE_ID_G)) {
          rules.push(t[0]);
          ruleRanges.push(r(line, listStart + t.index, listStart + t.index + t[0].length));
        }
        directives.push({
          kind: m[1] as Directive['kind'],
          line: m[1] === 'disable-next-line' ? line + 1 : line,
          range: r(line, i, end),
          rules,
          ruleRanges,
        });
        // the comment takes the white space after it along, so `word <!-- … --> word` reads `word word`
        let skip = end;
        if (out.length === 0 || out.endsWith(' ') || out.endsWith('\t')) while (skip < n && (raw[skip] === ' ' || raw[skip] === '\t')) skip++;
        remove(i, skip);
        i = runStart = skip;
        continue;
      }
    } else if (ch === 0xa0 || ch === 0x202f) {
      out += ' ';
      i = runStart = i + 1;
      continue;
    } else if (ch === 0x2011 || ch === 0x2010) {
      out += '-';
      i = runStart = i + 1;
      continue;
    } else if (ch === 0xad || ch === 0xfeff) {
      remove(i, i + 1);
      i = runStart = i + 1;
      continue;
    }
    // a `[` or `<` that opens no trace: part of the text
    runStart = i;
    i++;
  }
  flush();
  // merge shifts recorded at the same index (consecutive removals)
  const merged: number[] = [];
  for (let k = 0; k < shifts.length; k += 2) {
    if (merged.length && merged[merged.length - 2] === shifts[k]) merged[merged.length - 1] = shifts[k + 1];
    else merged.push(shifts[k], shifts[k + 1]);
  }
  return { content: { line, column: 0, text: out, shifts: merged }, traces, footnotes, footnoteRefs, directives };
}

function shiftContent(c: Content, by: number): Content {
  return { line: c.line, column: c.column + by, text: c.text, shifts: c.shifts };
}

/**
 * Footnote bodies are read inside footnote bodies this deep at most: Word does not nest
 * them, and reading a hostile line of thousands of nested `[1: ` must neither recurse
 * without bound nor take quadratic time.
 */
const MAX_FOOTNOTE_DEPTH = 2;

/** For each `[` of a line, the index of its matching `]` (-1 when unclosed); one pass. */
function matchBrackets(s: string): Int32Array {
  const out = new Int32Array(s.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 0x5b) stack.push(i);
    else if (ch === 0x5d && stack.length) out[stack.pop()!] = i;
  }
  return out;
}

function r(line: number, from: number, to: number) {
  return { start: { line, character: from }, end: { line, character: to } };
}
