/**
 * References to clauses of the same resolution: `considering e) above`, `resolves 2`,
 * `recognizing c) and d)`, `instructs the Director of the Telecommunication
 * Standardization Bureau 1`; and references to a clause of a cited text: `resolves 3 of
 * Resolution 18 (Rev. Hammamet, 2016)`, `Resolution 18 (Rev. Hammamet, 2016), resolves 3`
 * (ExternalClauseRef, tied to the citation that names the text).
 */
import { posAt, rangeIn } from '../model/content';
import type { Clause, Content, Position, Range, ResDocument, Section } from '../model/types';
import type { Citation } from './citations';
import { LATIN_SUFFIXES } from '../model/vocabulary';
import { unitFacts, type TextUnit } from './texts';
import { TextSlot } from '../util/memo';

export interface ClauseRef {
  /** index of the resolution */
  resolution: number;
  /** the whole reference, e.g. `considering e)` */
  range: Range;
  /** the label part only */
  labelRange: Range;
  head: string;
  modifier: 'further' | 'also' | null;
  /** addressee when the reference names one */
  addressee: string | null;
  /** label normalised: `e)`, `2`, `a bis)` → `abis)` */
  label: string;
  /** candidate sections (same head and modifier) */
  sections: Section[];
  /** the clause referred to, when it exists */
  target: Clause | null;
  targetSection: Section | null;
  /** `above` or `below` written after it (or after the list it ends), with its range */
  direction: 'above' | 'below' | null;
  directionRange: Range | null;
}

/**
 * A reference to a clause of another text: the clause part (`resolves 3`) and the citation
 * of the text it belongs to. The clause is looked up in the reference documents (rule
 * citation-clause, hover, go to definition), never in this document.
 */
export interface ExternalClauseRef {
  /** a clause of a call (`resolves 3`), or a numbered paragraph (`9.5.2 of Resolution 1`: head '', label `9.5.2`) */
  kind: 'clause' | 'paragraph';
  /** index of the resolution the reference is written in */
  resolution: number;
  /** the clause part, e.g. `resolves 3` (for `resolves 1 and 3`: from the head to that label) */
  range: Range;
  labelRange: Range;
  head: string;
  modifier: 'further' | 'also' | null;
  /** label normalised: `e)`, `2`, `a bis)` → `abis)` */
  label: string;
  /** the call as written when the reference names its addressee (`instructs the Director of the Telecommunication Standardization Bureau 3 of …`) */
  call: string | null;
  /** the citation of the text (one text: `of Resolutions 18 and 20` names no one clause) */
  citation: Citation;
}

/** A reference to another text's clause as scanned, before its citation is found. */
export interface PendingExternalRef {
  ref: Omit<ExternalClauseRef, 'citation'>;
  /** where the citation's keyword starts */
  citationAt: Position;
}

/** The calls a reference to a clause names it by (`considering e)`, `resolves 2`). */
export const CLAUSE_REF_HEADS: readonly string[] = [
  'taking into account',
  'bearing in mind',
  'considering',
  'recognizing',
  'noting',
  'recalling',
  'emphasizing',
  'observing',
  'acknowledging',
  'resolves',
  'decides',
  'instructs',
  'invites',
  'encourages',
  'requests',
  'urges',
];
const SUF = `(?:[ \\t]?(?:${LATIN_SUFFIXES.join('|')}))?`;
const LABEL = `(?:[a-z]{1,2}${SUF}\\)|\\d{1,2}${SUF}(?![\\w.\\-/]|[ \\t]?\\())`;
// `resolves 2`, `resolves further 2`, `further resolves 2` (the call written either way)
const REF_RE = new RegExp(`\\b(?:(further)[ \\t]+)?(${CLAUSE_REF_HEADS.join('|')})(?:[ \\t]+(further|also))?[ \\t]+(${LABEL})`, 'g');
const LABEL_AT_START = new RegExp(`^(${LABEL})`);
const MORE_RE = new RegExp(`^(?:[ \\t]*(?:,|and|or|to|-|\\u2013)[ \\t]*)(${LABEL})`);
// each run of white space has one place to go (three optional runs in a row backtracked cubically)
export const EXTERNAL_AFTER_RE = /^[ \t]*(?:(?:above|below)[ \t]*)?(?:,[ \t]*)?of[ \t]+(?!this[ \t]+resolution)/;
const EXTERNAL_BEFORE_RE = /(?:Resolution|Decision|Recommendation)s?[ \t]+(?:ITU-R[ \t]+)?\d+[A-Z]?[ \t]*(?:\([^()]*\))?[ \t]*(?:of[^,;]{0,90})?,?[ \t]*$/;

/**
 * `instructs the Secretary-General 2 of Resolution 25 (…)`: a call with its addressee, then a
 * label and `of` a cited resolution or decision, whether or not this text has that call.
 * The addressee is bounded (no digit, comma or bracket, at most 110 characters).
 */
const ADDRESSED_EXTERNAL_RE = new RegExp(
  `\\b(instructs|invites|requests|encourages|urges)(?:[ \\t]+(further|also))?[ \\t]+((?:the[ \\t]|[A-Z])[^,;:()\\d\\n]{2,110}?)[ \\t]+(${LABEL})(?=[ \\t]*(?:,[ \\t]*)?of[ \\t]+(?:Resolution|Decision)[ \\t])`,
  'g',
);

/** `above` / `below` right after a reference's last label */
const DIRECTION_RE = /^[ \t]+(above|below)\b/;

const HEAD_IN_RE = new RegExp(`\\b(?:${CLAUSE_REF_HEADS.join('|')})\\b`);

export function normaliseLabel(l: string): string {
  return l.replace(/[ \t]/g, '');
}

export function sectionLabels(s: Section): Map<string, Clause> {
  const m = new Map<string, Clause>();
  for (const c of s.clauses) if (c.label) m.set(normaliseLabel(c.label.text), c);
  return m;
}

/**
 * References to clauses of the same resolution; those to another text's clause go to
 * `external` (when given), to be tied to their citations by {@link tieExternalRefs}.
 */
export function findClauseRefs(doc: ResDocument, units: TextUnit[], external?: PendingExternalRef[]): ClauseRef[] {
  const refs: ClauseRef[] = [];
  // addressed calls per resolution: a reference names one of its own resolution's sections
  const addressed: AddressedCalls[] = doc.resolutions.map((res) => {
    const byWord = new Map<string, Addressed[]>();
    for (const s of res.sections) {
      if (!s.call.addressee || s.call.text.length <= 12) continue;
      const needle = s.call.text + ' ';
      const word = needle.slice(0, needle.indexOf(' ') + 1);
      let list = byWord.get(word);
      if (!list) byWord.set(word, (list = []));
      list.push({ needle, section: s });
    }
    return [...byWord];
  });
  // each section's labels, made once for all the references that look into it
  const labels = new Map<Section, Map<string, Clause>>();
  const labelsOf = (s: Section) => {
    let m = labels.get(s);
    if (!m) labels.set(s, (m = sectionLabels(s)));
    return m;
  };
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.resolution < 0 || u.kind === 'call' || u.kind === 'footnote') continue;
    scanUnit(doc, u, u.resolution, refs, addressed[u.resolution], labelsOf, external);
  }
  return refs;
}

/**
 * Ties each reference to another text's clause to the citation that starts where the scan
 * expected it; a reference without one (`resolves 2 of the Constitution`) or whose citation
 * names several texts is dropped.
 */
export function tieExternalRefs(pending: readonly PendingExternalRef[], citations: readonly Citation[]): ExternalClauseRef[] {
  if (!pending.length) return [];
  const at = (p: Position) => `${p.line}:${p.character}`;
  const byStart = new Map<string, Citation>();
  for (const c of citations) byStart.set(at(c.keywordRange.start), c);
  const out: ExternalClauseRef[] = [];
  for (const p of pending) {
    const found = byStart.get(at(p.citationAt));
    if (found && found.family === 'text' && found.items.length === 1) out.push({ ...p.ref, citation: found });
  }
  return out;
}

interface RefMatch {
  index: number;
  head: string;
  modifier: 'further' | 'also' | null;
  labels: { label: string; start: number; end: number }[];
  /** for a clause of another text: where its citation's keyword starts; else -1 */
  citationAt: number;
  /** the call with its addressee, when the reference names one (`instructs the Secretary-General`) */
  call: string | null;
  /** `above` / `below` after the last label, and where that word starts; else null and -1 */
  direction: 'above' | 'below' | null;
  dirStart: number;
}

const REF_SLOT = new TextSlot<RefMatch[]>();
const NO_REFS: RefMatch[] = [];

/** The references to clauses written in one line of text, without resolving them (memoised per line). */
function scanRefs(text: string): RefMatch[] {
  let out: RefMatch[] | null = null;
  REF_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REF_RE.exec(text))) {
    const head = m[2];
    const modifier = ((m[1] ?? m[3]) as 'further' | 'also' | undefined) ?? null;
    const from = Math.max(0, m.index - 120);
    // `Resolution 18 …, resolves 2`: another text's clause
    const bm = EXTERNAL_BEFORE_RE.exec(text.slice(from, m.index));
    let citationAt = bm ? from + bm.index : -1;
    const labels: { label: string; start: number; end: number }[] = [];
    let labelStart = m.index + m[0].length - m[4].length;
    labels.push({ label: m[4], start: labelStart, end: m.index + m[0].length });
    let p = m.index + m[0].length;
    for (;;) {
      const mm = MORE_RE.exec(text.slice(p, p + 40));
      if (!mm) break;
      labelStart = p + mm[0].length - mm[1].length;
      // `resolves 1 to 3`: only the ends are checked
      labels.push({ label: mm[1], start: labelStart, end: p + mm[0].length });
      p += mm[0].length;
    }
    if (citationAt < 0) {
      // `resolves 2 of Resolution 18 (…)`
      const am = EXTERNAL_AFTER_RE.exec(text.slice(p, p + 40));
      if (am) citationAt = p + am[0].length;
    }
    const dm = DIRECTION_RE.exec(text.slice(p, p + 12));
    const direction = dm ? (dm[1] as 'above' | 'below') : null;
    const dirStart = dm ? p + dm[0].length - dm[1].length : -1;
    (out ??= []).push({ index: m.index, head, modifier, labels, citationAt, call: null, direction, dirStart });
  }
  if (text.includes(' of Resolution') || text.includes(' of Decision')) {
    ADDRESSED_EXTERNAL_RE.lastIndex = 0;
    while ((m = ADDRESSED_EXTERNAL_RE.exec(text))) {
      // `instructs the Director to report on 2 of …` is no clause: an addressee has no `to` verb,
      // nor another call (`instructs the Director and resolves 2 of …`: `resolves 2` is the reference)
      if (/[ \t]to[ \t]/.test(m[3]) || HEAD_IN_RE.test(m[3])) continue;
      const end = m.index + m[0].length;
      const am = EXTERNAL_AFTER_RE.exec(text.slice(end, end + 40));
      if (!am) continue;
      const call = `${m[1]}${m[2] ? ' ' + m[2] : ''} ${m[3].replace(/[ \t]+/g, ' ')}`;
      (out ??= []).push({ index: m.index, head: m[1], modifier: (m[2] as 'further' | 'also' | undefined) ?? null, labels: [{ label: m[4], start: end - m[4].length, end }], citationAt: end + am[0].length, call, direction: null, dirStart: -1 });
    }
  }
  return out ?? NO_REFS;
}

function pushExternal(c: Content, ri: number, m: RefMatch, out: PendingExternalRef[]): void {
  const citationAt = posAt(c, m.citationAt);
  for (const l of m.labels) {
    out.push({
      ref: {
        kind: 'clause',
        resolution: ri,
        range: rangeIn(c, m.index, l.end),
        labelRange: rangeIn(c, l.start, l.end),
        head: m.head,
        modifier: m.modifier,
        label: normaliseLabel(l.label),
        call: m.call,
      },
      citationAt,
    });
  }
}

interface Addressed {
  needle: string;
  section: Section;
}

/** A resolution's addressed calls grouped by their first word (`instructs `): a text without the word has none of them. */
type AddressedCalls = [word: string, calls: Addressed[]][];

function scanUnit(
  doc: ResDocument,
  u: TextUnit,
  ri: number,
  out: ClauseRef[],
  addressed: AddressedCalls,
  labelsOf: (s: Section) => Map<string, Clause>,
  external: PendingExternalRef[] | undefined,
): void {
  const c = u.content;
  const text = c.text;
  if (text.length < 6) return;
  const res = doc.resolutions[ri];
  const matches = REF_SLOT.get(unitFacts(u), text, scanRefs);
  let addressedExternal: RefMatch[] | null = null;
  for (const m of matches) {
    if (m.call) {
      (addressedExternal ??= []).push(m);
      continue;
    }
    if (m.citationAt >= 0) {
      if (external) pushExternal(c, ri, m, external);
      continue;
    }
    const sections = res.sections.filter((s) => s.call.head === m.head && s.call.modifier === m.modifier);
    for (const l of m.labels) {
      const label = normaliseLabel(l.label);
      let target: Clause | null = null;
      let targetSection: Section | null = null;
      for (const s of sections) {
        const found = labelsOf(s).get(label);
        if (found) {
          target = found;
          targetSection = s;
          break;
        }
      }
      out.push({
        resolution: ri,
        range: rangeIn(c, m.index, l.end),
        labelRange: rangeIn(c, l.start, l.end),
        head: m.head,
        modifier: m.modifier,
        addressee: null,
        label,
        sections,
        target,
        targetSection,
        direction: m.direction,
        directionRange: m.direction ? rangeIn(c, m.dirStart, m.dirStart + m.direction.length) : null,
      });
    }
  }
  const taken: number[] = [];
  for (const [word, calls] of addressed) {
    if (!text.includes(word)) continue;
    for (const a of calls) {
      let from = 0;
      for (;;) {
        const at = text.indexOf(a.needle, from);
        if (at < 0) break;
        from = at + a.needle.length;
        const lm = LABEL_AT_START.exec(text.slice(from, from + 12));
        if (!lm) continue;
        const label = normaliseLabel(lm[1]);
        const end = from + lm[1].length;
        // `instructs the Director of the Telecommunication Standardization Bureau 3 of Resolution 2 (…)`,
        // `Resolution 2 (…), instructs the Director of the Telecommunication Standardization Bureau 3`
        const am = EXTERNAL_AFTER_RE.exec(text.slice(end, end + 40));
        const bm = am ? null : EXTERNAL_BEFORE_RE.exec(text.slice(Math.max(0, at - 120), at));
        if (am || bm) {
          taken.push(at);
          external?.push({
            ref: {
              kind: 'clause',
              resolution: ri,
              range: rangeIn(c, at, end),
              labelRange: rangeIn(c, from, end),
              head: a.section.call.head,
              modifier: a.section.call.modifier,
              label,
              call: a.section.call.text,
            },
            citationAt: posAt(c, am ? end + am[0].length : Math.max(0, at - 120) + bm!.index),
          });
          continue;
        }
        const found = labelsOf(a.section).get(label) ?? null;
        const dm = DIRECTION_RE.exec(text.slice(end, end + 12));
        const dirStart = dm ? end + dm[0].length - dm[1].length : -1;
        out.push({
          resolution: ri,
          range: rangeIn(c, at, from + lm[1].length),
          labelRange: rangeIn(c, from, from + lm[1].length),
          head: a.section.call.head,
          modifier: a.section.call.modifier,
          addressee: a.section.call.addressee,
          label,
          sections: [a.section],
          target: found,
          targetSection: found ? a.section : null,
          direction: dm ? (dm[1] as 'above' | 'below') : null,
          directionRange: dm ? rangeIn(c, dirStart, dirStart + dm[1].length) : null,
        });
      }
    }
  }
  // an addressed reference to another text's clause with a call this text does not have (the loop above took those it has)
  if (addressedExternal && external) for (const m of addressedExternal) if (!taken.includes(m.index)) pushExternal(c, ri, m, external);
}
