/**
 * MOD proposals (SPEC §2): the changes a delegation proposes to an existing resolution,
 * shown as insertions and deletions against the reference text.
 *
 * The comparison is structural first, then word by word:
 * 1. Both texts are parsed (`parse`). Each is cut into blocks — the header of a
 *    resolution (number line, title, history, preamble), each section (a call and its
 *    clauses), each annex, and other text — and each block into units, one per raw line
 *    (a clause's own line, its continuation paragraphs and sub-items are units of their own).
 * 2. Blocks are aligned in order: sections by their call text (an edited call is still
 *    the same section when the head is the same and the words mostly are), annexes by
 *    their heading, headers with headers. A section of the reference with no partner is
 *    deleted as a whole; a new section is inserted as a whole.
 * 3. Inside two aligned blocks, units are aligned: identical lines anchor the alignment
 *    (`diffArrays`), and between anchors lines are paired by label and by how many words
 *    they share, so a clause that was relabelled (`b)` → `c)`) still pairs with itself and
 *    a rewritten clause keeps its label's partner. Unpaired lines are deleted or inserted.
 * 4. Paired lines are compared word by word (`diffArrays` on tokens: words, spaces,
 *    punctuation; a footnote reference or a footnote body is one token).
 *
 * Output: the text form (`modText`) uses the notation documented in docs/word.md —
 * `[+inserted+]` and `[-deleted-]`, the proposal symbol line `MOD\t<identifier>` first
 * and a `Reasons:` paragraph last; the Word form (`modDocx`, in modDocx.ts) writes real
 * tracked changes.
 *
 * What is left out of the comparison: the reference's cover material (a foreword before
 * the resolution), bookmarks (`[bookmark: …]`), blank lines and spaces at either end of a line, and the
 * proposal lines of either text (symbol lines and `Reasons:` paragraphs; the edited text's
 * identifier and reasons are reused). When the edited text is itself a proposal, its
 * cover material (the contribution's introduction) is kept, before the symbol line,
 * unmarked; a plain resolution's front matter is left out like the reference's.
 */
import { diffArrays } from 'diff';
import type { ResDocument } from '../model/types';
import { parse } from '../parser/parse';

export type SegmentKind = 'same' | 'ins' | 'del';

export interface Segment {
  kind: SegmentKind;
  text: string;
}

export type LineStatus = 'same' | 'changed' | 'inserted' | 'deleted';

export interface ModLine {
  status: LineStatus;
  /** the line's text in pieces; one segment for a same, inserted or deleted line */
  segments: Segment[];
  /** raw line number in the reference (null for an inserted line) */
  baseLine: number | null;
  /** raw line number in the edited text (null for a deleted line) */
  editedLine: number | null;
}

export interface Comparison {
  base: ResDocument;
  edited: ResDocument;
  /** the edited text's cover lines when it is a proposal (its introduction), else none */
  cover: number[];
  lines: ModLine[];
  /** the identifier of the edited text's first proposal, when it was one ('' otherwise) */
  identifier: string;
  /** raw `Reasons:` lines of the edited text's proposals */
  reasons: string[];
  stats: { insertedWords: number; deletedWords: number; changedLines: number; insertedLines: number; deletedLines: number };
}

export type ModSymbol = 'MOD' | '(MOD)';

export interface ModOptions {
  symbol?: ModSymbol;
  /** e.g. `APT/4202A10/1`; defaults to the edited text's own identifier */
  identifier?: string;
  /** the text after `Reasons:`; defaults to the edited text's reasons */
  reasons?: string;
}

// ---- units and blocks -------------------------------------------------------------

type UnitKind = 'number' | 'title' | 'history' | 'preamble' | 'call' | 'clause' | 'cont' | 'sub' | 'annex' | 'line';

interface Unit {
  line: number;
  kind: UnitKind;
  /** the clause / sub-item label as written, or the bullet; null when none */
  label: string | null;
  /** the line as compared and written: bookmarks removed, spaces trimmed */
  text: string;
  bag: Map<string, number>;
  size: number;
}

type BlockKind = 'header' | 'section' | 'annex' | 'other';

interface Block {
  kind: BlockKind;
  /** the call text (sections), the heading (annexes) */
  key: string;
  /** the call's head (sections) */
  head: string;
  units: Unit[];
  bag: Map<string, number>;
  size: number;
}

interface LineInfo {
  kind: UnitKind;
  label: string | null;
  /** this line opens a new block */
  block?: { kind: BlockKind; key: string; head: string };
}

const BOOKMARK_RE = /\[bookmark:[^\]]*\]/g;

/** A raw line as it enters the comparison: bookmarks removed, spaces trimmed at both ends. */
export function cleanForMod(raw: string): string {
  return raw.replace(BOOKMARK_RE, '').trim();
}

const WORD_RE = /[\p{L}\p{N}]+/gu;

function bagOf(text: string, into = new Map<string, number>()): { bag: Map<string, number>; size: number } {
  let size = 0;
  const plain = text.replace(/\[footnoteRef:\d+\]\S*/g, ' ').replace(/\[\d+: [^\]]*\]/g, ' ');
  for (const m of plain.toLowerCase().matchAll(WORD_RE)) {
    into.set(m[0], (into.get(m[0]) ?? 0) + 1);
    size++;
  }
  return { bag: into, size };
}

/** Dice coefficient of two word multisets (1 = same words, 0 = none shared). */
function dice(a: Map<string, number>, sa: number, b: Map<string, number>, sb: number): number {
  if (sa === 0 && sb === 0) return 1;
  if (sa === 0 || sb === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [w, n] of small) {
    const m = large.get(w);
    if (m) common += Math.min(n, m);
  }
  return (2 * common) / (sa + sb);
}

/** What each raw line is, from the model. */
function lineInfos(doc: ResDocument): { infos: (LineInfo | undefined)[]; excluded: Set<number> } {
  const infos: (LineInfo | undefined)[] = new Array(doc.lines.length).fill(undefined);
  const excluded = new Set<number>();
  const set = (line: number, info: LineInfo) => {
    if (!infos[line]) infos[line] = info;
  };
  const hasBody = doc.resolutions.length > 0 || doc.proposals.length > 0;
  if (hasBody) for (const p of doc.cover) excluded.add(p.range.start.line);
  for (const p of doc.proposals) {
    excluded.add(p.symbolRange.start.line);
    for (const r of p.reasons) excluded.add(r.range.start.line);
  }
  for (const r of doc.resolutions) {
    set(r.numberLine.range.start.line, { kind: 'number', label: null, block: { kind: 'header', key: '', head: '' } });
    for (const l of r.title?.lines ?? []) set(l.line, { kind: 'title', label: null });
    if (r.history) set(r.history.range.start.line, { kind: 'history', label: null });
    if (r.preamble) set(r.preamble.range.start.line, { kind: 'preamble', label: null });
    for (const s of r.sections) {
      set(s.call.range.start.line, {
        kind: 'call',
        label: null,
        block: { kind: 'section', key: normalizeSpace(s.call.text), head: `${s.call.head}${s.call.toVerb ? ' to ' + s.call.toVerb : ''}` },
      });
      for (const c of s.clauses) {
        const label = c.label?.text ?? null;
        set(c.range.start.line, { kind: 'clause', label });
        for (const k of c.continuations) set(k.line, { kind: 'cont', label });
        for (const it of c.subItems) set(it.range.start.line, { kind: 'sub', label: it.label?.text ?? it.bullet });
      }
    }
    for (const a of r.annexes) {
      set(a.heading.line, { kind: 'annex', label: null, block: { kind: 'annex', key: normalizeSpace(a.heading.text), head: a.kind } });
    }
  }
  return { infos, excluded };
}

function normalizeSpace(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').replace(/\u2011/g, '-').trim();
}

function blocksOf(doc: ResDocument): Block[] {
  const { infos, excluded } = lineInfos(doc);
  const blocks: Block[] = [];
  let cur: Block | null = null;
  for (let i = 0; i < doc.lines.length; i++) {
    if (excluded.has(i)) continue;
    const text = cleanForMod(doc.lines[i]);
    if (text.trim() === '') continue;
    const info = infos[i] ?? { kind: 'line' as const, label: null };
    if (info.block || !cur) {
      const b = info.block ?? { kind: 'other' as const, key: '', head: '' };
      cur = { kind: b.kind, key: b.key, head: b.head, units: [], bag: new Map(), size: 0 };
      blocks.push(cur);
    }
    const words = bagOf(info.label && text.trimStart().startsWith(info.label) ? text.trimStart().slice(info.label.length) : text);
    cur.units.push({ line: i, kind: info.kind, label: info.label, text, bag: words.bag, size: words.size });
    cur.size += bagOf(text, cur.bag).size;
  }
  return blocks;
}

// ---- alignment ----------------------------------------------------------------------

type Pair = [number | null, number | null];

/**
 * Monotone alignment of two sequences maximizing the summed score of the matched
 * pairs (score null: may not match). Gaps list deletions before insertions.
 */
function align(n: number, m: number, score: (i: number, j: number) => number | null): Pair[] {
  const W = m + 1;
  const best = new Float64Array((n + 1) * W);
  const sc = new Float64Array(n * m).fill(-1);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) sc[i * m + j] = score(i, j) ?? -1;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      let b = Math.max(best[(i + 1) * W + j], best[i * W + j + 1]);
      const s = sc[i * m + j];
      if (s > 0) b = Math.max(b, s + best[(i + 1) * W + j + 1]);
      best[i * W + j] = b;
    }
  }
  const out: Pair[] = [];
  let i = 0;
  let j = 0;
  const dels: Pair[] = [];
  const inss: Pair[] = [];
  const flush = () => {
    out.push(...dels, ...inss);
    dels.length = 0;
    inss.length = 0;
  };
  while (i < n || j < m) {
    if (i < n && j < m) {
      const s = sc[i * m + j];
      if (s > 0 && Math.abs(s + best[(i + 1) * W + j + 1] - best[i * W + j]) < 1e-9) {
        flush();
        out.push([i++, j++]);
        continue;
      }
      if (best[(i + 1) * W + j] >= best[i * W + j + 1]) dels.push([i++, null]);
      else inss.push([null, j++]);
    } else if (i < n) dels.push([i++, null]);
    else inss.push([null, j++]);
  }
  flush();
  return out;
}

function blockScore(a: Block, b: Block): number | null {
  if (a.kind !== b.kind) return null;
  const content = dice(a.bag, a.size, b.bag, b.size);
  switch (a.kind) {
    case 'header':
    case 'other':
      return 1 + content;
    case 'section':
    case 'annex': {
      if (a.key === b.key) return 2 + content;
      const ka = bagOf(a.key);
      const kb = bagOf(b.key);
      const keySim = dice(ka.bag, ka.size, kb.bag, kb.size);
      if (a.head === b.head && (keySim >= 0.5 || content >= 0.5)) return keySim + content;
      return content >= 0.6 ? content : null;
    }
  }
}

const PROSE = new Set<UnitKind>(['clause', 'cont', 'sub', 'line']);

function unitScore(a: Unit, b: Unit): number | null {
  if (a.text === b.text) return 3;
  const sim = dice(a.bag, a.size, b.bag, b.size);
  if (a.kind !== b.kind) {
    if (!(PROSE.has(a.kind) && PROSE.has(b.kind))) return null;
    return sim >= 0.5 ? 0.8 * sim : null;
  }
  if (a.label === b.label) {
    // the header's parts pair by their kind alone
    if (a.kind === 'number' || a.kind === 'history' || a.kind === 'preamble' || a.kind === 'call') return 1 + sim;
    return sim >= 0.2 ? 0.5 + 0.5 * sim : null;
  }
  return sim >= 0.5 ? sim : null;
}

function alignUnits(a: Unit[], b: Unit[]): Pair[] {
  const out: Pair[] = [];
  let i = 0;
  let j = 0;
  let hunkA: number[] = [];
  let hunkB: number[] = [];
  const flush = () => {
    if (hunkA.length || hunkB.length) {
      const ha = hunkA;
      const hb = hunkB;
      for (const [x, y] of align(ha.length, hb.length, (p, q) => unitScore(a[ha[p]], b[hb[q]]))) {
        out.push([x === null ? null : ha[x], y === null ? null : hb[y]]);
      }
    }
    hunkA = [];
    hunkB = [];
  };
  for (const c of diffArrays(
    a.map((u) => u.text),
    b.map((u) => u.text),
  )) {
    const count = c.count ?? c.value.length;
    if (c.removed) for (let k = 0; k < count; k++) hunkA.push(i++);
    else if (c.added) for (let k = 0; k < count; k++) hunkB.push(j++);
    else {
      flush();
      for (let k = 0; k < count; k++) out.push([i++, j++]);
    }
  }
  flush();
  return out;
}

// ---- words --------------------------------------------------------------------------

/** Tokens of a line: footnote references and bodies whole, words, runs of space, single other characters. */
export function tokenize(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '[') {
      const ref = /^\[footnoteRef:\d+\](?:\d+(?:bis|ter|quater)?|\*{1,3})?/.exec(s.slice(i, i + 40));
      if (ref) {
        out.push(ref[0]);
        i += ref[0].length;
        continue;
      }
      if (/^\[\d+: ?/.test(s.slice(i, i + 12))) {
        let depth = 0;
        let k = i;
        for (; k < s.length; k++) {
          if (s[k] === '[') depth++;
          else if (s[k] === ']' && --depth === 0) break;
        }
        if (k < s.length) {
          out.push(s.slice(i, k + 1));
          i = k + 1;
          continue;
        }
      }
    }
    const m = /^(?:[\p{L}\p{N}]+|[ \t\u00a0]+)/u.exec(s.slice(i, i + 200));
    if (m) {
      out.push(m[0]);
      i += m[0].length;
      continue;
    }
    const cp = s.codePointAt(i)!;
    const c = String.fromCodePoint(cp);
    out.push(c);
    i += c.length;
  }
  return out;
}

/** A joint between two changes small enough to fold into them: spaces, or up to three characters of punctuation and space. */
const JOINT = /^(?:[ \t\u00a0]+|[^\p{L}\p{N}[\]]{1,3})$/u;

/**
 * Word-level comparison of two lines, as readable segments (deletions before insertions).
 * `ignoreCase`: words differing only in case are the same (the edited form is kept).
 */
export function diffLine(a: string, b: string, ignoreCase = false): Segment[] {
  const ops: Segment[] = [];
  const comparator = ignoreCase ? (x: string, y: string) => x.toLowerCase() === y.toLowerCase() : undefined;
  for (const c of diffArrays(tokenize(a), tokenize(b), { comparator })) {
    ops.push({ kind: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value.join('') });
  }
  // a space (or a comma and a space) between two changes belongs to the change:
  // `[-old words-][+new text+]` reads better than `[-old-][+new+] [-words-][+text+]`
  for (let k = 1; k < ops.length - 1; k++) {
    const o = ops[k];
    if (o.kind === 'same' && JOINT.test(o.text) && ops[k - 1].kind !== 'same' && ops[k + 1].kind !== 'same') {
      ops.splice(k, 1, { kind: 'del', text: o.text }, { kind: 'ins', text: o.text });
      k++;
    }
  }
  const out: Segment[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ kind: 'del', text: del });
    if (ins) out.push({ kind: 'ins', text: ins });
    del = '';
    ins = '';
  };
  for (const o of ops) {
    if (o.kind === 'del') del += o.text;
    else if (o.kind === 'ins') ins += o.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last && last.kind === 'same') last.text += o.text;
      else out.push({ ...o });
    }
  }
  flush();
  return out;
}

function wordCount(s: string): number {
  return bagOf(s).size;
}

// ---- the comparison -----------------------------------------------------------------

/** Compares a reference resolution with an edited one (both plain text). */
export function compareTexts(baseText: string, editedText: string): Comparison {
  return compareDocuments(parse(baseText), parse(editedText));
}

export function compareDocuments(base: ResDocument, edited: ResDocument): Comparison {
  const ba = blocksOf(base);
  const bb = blocksOf(edited);
  const lines: ModLine[] = [];
  const stats = { insertedWords: 0, deletedWords: 0, changedLines: 0, insertedLines: 0, deletedLines: 0 };
  const deleted = (u: Unit) => {
    lines.push({ status: 'deleted', segments: [{ kind: 'del', text: u.text }], baseLine: u.line, editedLine: null });
    stats.deletedLines++;
    stats.deletedWords += wordCount(u.text);
  };
  const inserted = (u: Unit) => {
    lines.push({ status: 'inserted', segments: [{ kind: 'ins', text: u.text }], baseLine: null, editedLine: u.line });
    stats.insertedLines++;
    stats.insertedWords += wordCount(u.text);
  };
  for (const [x, y] of align(ba.length, bb.length, (i, j) => blockScore(ba[i], bb[j]))) {
    if (x !== null && y === null) ba[x].units.forEach(deleted);
    else if (x === null && y !== null) bb[y].units.forEach(inserted);
    else if (x !== null && y !== null) {
      const ua = ba[x].units;
      const ub = bb[y].units;
      for (const [p, q] of alignUnits(ua, ub)) {
        if (p !== null && q === null) deleted(ua[p]);
        else if (p === null && q !== null) inserted(ub[q]);
        else if (p !== null && q !== null) {
          const a = ua[p];
          const b = ub[q];
          // the number line shows in capitals: a change of case there is no change to see
          const ignoreCase = a.kind === 'number' && b.kind === 'number';
          if (a.text === b.text || (ignoreCase && a.text.toLowerCase() === b.text.toLowerCase())) {
            lines.push({ status: 'same', segments: [{ kind: 'same', text: b.text }], baseLine: a.line, editedLine: b.line });
            continue;
          }
          const segments = diffLine(a.text, b.text, ignoreCase);
          for (const s of segments) {
            if (s.kind === 'ins') stats.insertedWords += wordCount(s.text);
            if (s.kind === 'del') stats.deletedWords += wordCount(s.text);
          }
          stats.changedLines++;
          lines.push({ status: 'changed', segments, baseLine: a.line, editedLine: b.line });
        }
      }
    }
  }
  // a contribution's introduction stays before the symbol; a plain resolution's front matter goes
  const cover = edited.proposals.length > 0 ? edited.cover.map((p) => p.range.start.line).filter((l) => cleanForMod(edited.lines[l]) !== '') : [];
  const first = edited.proposals[0];
  return {
    base,
    edited,
    cover,
    lines,
    identifier: first?.identifier ?? '',
    reasons: edited.proposals.flatMap((p) => p.reasons.map((r) => cleanForMod(edited.lines[r.range.start.line]).trim())),
    stats,
  };
}

// ---- the text form ------------------------------------------------------------------

export const INS_OPEN = '[+';
export const INS_CLOSE = '+]';
export const DEL_OPEN = '[-';
export const DEL_CLOSE = '-]';

/** One line of the text form: `[+inserted+]`, `[-deleted-]`, the rest as it is. */
export function markLine(segments: Segment[]): string {
  return segments.map((s) => (s.kind === 'ins' ? INS_OPEN + s.text + INS_CLOSE : s.kind === 'del' ? DEL_OPEN + s.text + DEL_CLOSE : s.text)).join('');
}

/** The symbol line: `MOD<TAB>APT/4202A10/1`. */
export function symbolLine(cmp: Comparison, options: ModOptions): string {
  const id = options.identifier ?? cmp.identifier;
  return (options.symbol ?? 'MOD') + (id ? '\t' + id : '');
}

/** The `Reasons:` paragraphs (at least one line). */
export function reasonsLines(cmp: Comparison, options: ModOptions): string[] {
  if (options.reasons !== undefined) return [`Reasons:${options.reasons ? '\t' + options.reasons : ''}`];
  return cmp.reasons.length ? cmp.reasons : ['Reasons:'];
}

/** The MOD proposal as plain text, ending with a newline. */
export function modText(cmp: Comparison, options: ModOptions = {}): string {
  const out: string[] = [];
  for (const l of cmp.cover) out.push(cleanForMod(cmp.edited.lines[l]));
  out.push(symbolLine(cmp, options));
  for (const l of cmp.lines) out.push(markLine(l.segments));
  out.push(...reasonsLines(cmp, options));
  return out.join('\n') + '\n';
}

/**
 * Reads the marks of a MOD text back: `accepted` is the text with the insertions kept
 * and the deletions dropped (what the resolution becomes), `original` the reverse.
 * An unclosed mark runs to the end of its line. Lines that become empty are dropped.
 */
export function readMarks(text: string): { accepted: string[]; original: string[] } {
  const accepted: string[] = [];
  const original: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    let acc = '';
    let orig = '';
    let i = 0;
    while (i < line.length) {
      const open = line.startsWith(INS_OPEN, i) ? 'ins' : line.startsWith(DEL_OPEN, i) ? 'del' : null;
      if (open) {
        const close = line.indexOf(open === 'ins' ? INS_CLOSE : DEL_CLOSE, i + 2);
        const end = close < 0 ? line.length : close;
        const inner = line.slice(i + 2, end);
        if (open === 'ins') acc += inner;
        else orig += inner;
        i = close < 0 ? line.length : close + 2;
        continue;
      }
      acc += line[i];
      orig += line[i];
      i++;
    }
    if (acc.trim() !== '') accepted.push(acc);
    if (orig.trim() !== '') original.push(orig);
  }
  return { accepted, original };
}
