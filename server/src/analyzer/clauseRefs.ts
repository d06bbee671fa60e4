/**
 * References to clauses of the same resolution: `considering e) above`, `resolves 2`,
 * `recognizing c) and d)`, `instructs the Director of the Telecommunication
 * Standardization Bureau 1`.
 */
import { rangeIn } from '../model/content';
import type { Clause, Content, Range, ResDocument, Section } from '../model/types';
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
}

const HEADS = [
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
const REF_RE = new RegExp(`\\b(${HEADS.join('|')})(?:[ \\t]+(further|also))?[ \\t]+(${LABEL})`, 'g');
const LABEL_AT_START = new RegExp(`^(${LABEL})`);
const MORE_RE = new RegExp(`^(?:[ \\t]*(?:,|and|or|to|-|\\u2013)[ \\t]*)(${LABEL})`);
// each run of white space has one place to go (three optional runs in a row backtracked cubically)
const EXTERNAL_AFTER_RE = /^[ \t]*(?:(?:above|below)[ \t]*)?(?:,[ \t]*)?of[ \t]+(?!this[ \t]+resolution)/;
const EXTERNAL_BEFORE_RE = /(?:Resolution|Decision|Recommendation)s?[ \t]+(?:ITU-R[ \t]+)?\d+[A-Z]?[ \t]*(?:\([^()]*\))?[ \t]*(?:of[^,;]{0,90})?,?[ \t]*$/;

export function normaliseLabel(l: string): string {
  return l.replace(/[ \t]/g, '');
}

export function sectionLabels(s: Section): Map<string, Clause> {
  const m = new Map<string, Clause>();
  for (const c of s.clauses) if (c.label) m.set(normaliseLabel(c.label.text), c);
  return m;
}

export function findClauseRefs(doc: ResDocument, units: TextUnit[]): ClauseRef[] {
  const refs: ClauseRef[] = [];
  // addressed calls per resolution: a reference names one of its own resolution's sections
  const addressed: { needle: string; section: Section }[][] = doc.resolutions.map((res) =>
    res.sections.filter((s) => s.call.addressee && s.call.text.length > 12).map((s) => ({ needle: s.call.text + ' ', section: s })),
  );
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
    scanUnit(doc, u, u.resolution, refs, addressed[u.resolution], labelsOf);
  }
  return refs;
}

interface RefMatch {
  index: number;
  head: string;
  modifier: 'further' | 'also' | null;
  labels: { label: string; start: number; end: number }[];
}

const REF_SLOT = new TextSlot<RefMatch[]>();
const NO_REFS: RefMatch[] = [];

/** The references to clauses written in one line of text, without resolving them (memoised per line). */
function scanRefs(text: string): RefMatch[] {
  let out: RefMatch[] | null = null;
  REF_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REF_RE.exec(text))) {
    const head = m[1];
    const modifier = (m[2] as 'further' | 'also' | undefined) ?? null;
    const before = text.slice(Math.max(0, m.index - 120), m.index);
    if (EXTERNAL_BEFORE_RE.test(before)) continue; // `Resolution 18 …, resolves 2`: another text's clause
    const labels: { label: string; start: number; end: number }[] = [];
    let labelStart = m.index + m[0].length - m[3].length;
    labels.push({ label: m[3], start: labelStart, end: m.index + m[0].length });
    let p = m.index + m[0].length;
    for (;;) {
      const mm = MORE_RE.exec(text.slice(p, p + 40));
      if (!mm) break;
      labelStart = p + mm[0].length - mm[1].length;
      // `resolves 1 to 3`: only the ends are checked
      labels.push({ label: mm[1], start: labelStart, end: p + mm[0].length });
      p += mm[0].length;
    }
    if (EXTERNAL_AFTER_RE.test(text.slice(p, p + 40))) continue;
    (out ??= []).push({ index: m.index, head, modifier, labels });
  }
  return out ?? NO_REFS;
}

function scanUnit(
  doc: ResDocument,
  u: TextUnit,
  ri: number,
  out: ClauseRef[],
  addressed: { needle: string; section: Section }[],
  labelsOf: (s: Section) => Map<string, Clause>,
): void {
  const c = u.content;
  const text = c.text;
  if (text.length < 6) return;
  const res = doc.resolutions[ri];
  for (const m of REF_SLOT.get(unitFacts(u), text, scanRefs)) {
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
      });
    }
  }
  for (const a of addressed) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(a.needle, from);
      if (at < 0) break;
      from = at + a.needle.length;
      const lm = LABEL_AT_START.exec(text.slice(from, from + 12));
      if (!lm) continue;
      const label = normaliseLabel(lm[1]);
      const found = labelsOf(a.section).get(label) ?? null;
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
      });
    }
  }
}
