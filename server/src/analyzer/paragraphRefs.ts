/**
 * References to numbered paragraphs of the same resolution's annexes and sections, as
 * Resolution 1 makes them: `in 7.1.5 above`, `see 9.5.2 below`, `in 1.2 to 1.7 above`,
 * `under 9.4.4 above`, `in 9.3.1 and 9.3.3 above`. Found only in a resolution that numbers
 * its paragraphs with dotted numbers (model Paragraph.number: `1.1`, not a list `1`, `2`),
 * after a word that introduces a reference (`in`, `see`, `under` …), and not when the
 * number belongs to another text (`clause 1.8.2.8 of Recommendation ITU-T A.1`,
 * `Recommendation ITU-T A.8, clause 3.1`) or is a quantity (`2.4 GHz`, `1.5 million`).
 */
import { posAt, rangeIn } from '../model/content';
import type { Annex, Paragraph, Range, ResDocument } from '../model/types';
import { unitFacts, type TextUnit } from './texts';
import { TextSlot } from '../util/memo';
import { EXTERNAL_AFTER_RE, type PendingExternalRef } from './clauseRefs';

export interface ParagraphRef {
  /** index of the resolution */
  resolution: number;
  /** the number as written */
  range: Range;
  number: string;
  /** `above` or `below` written after it (or after the list it ends), with its range */
  direction: 'above' | 'below' | null;
  directionRange: Range | null;
  /** the paragraph of that number, and the annex or section that holds it */
  target: Paragraph | null;
  targetAnnex: Annex | null;
}

const SUFFIX = '(?:bis|ter|quater|quinquies)?';
const NUMBER = String.raw`\d{1,2}${SUFFIX}(?:\.\d{1,3}${SUFFIX}){1,5}`;
/** what may follow a number that is not a paragraph's: more digits, a unit, a text it belongs to */
const NOT_A_REFERENCE = String.raw`(?![\w\-/%\u2011]|\.\d|[ \t]*(?:%|per[ \t]cent|[kMGT]?Hz\b|[kMG]?bit|dB\b|(?:million|billion|thousand|times|years?|months?|weeks?|days?|hours?|minutes?|seconds?|km|kg|CHF|USD)\b))`;
const FIRST_RE = new RegExp(String.raw`\b(?:[Ii]n|[Ss]ee|[Uu]nder|to|of|from|and|or|with|also|[Cc]f\.|paragraphs?|clauses?|§§?)[ \t]+(${NUMBER})${NOT_A_REFERENCE}`, 'g');
const MORE_RE = new RegExp(String.raw`^[ \t]*(?:,|and|or|to|-|\u2013)[ \t]*(${NUMBER})${NOT_A_REFERENCE}`);
const DIRECTION_RE = /^[ \t]+(above|below)\b/;
/** just before: another text named with its number (`Recommendation ITU-T A.8, clause 3.1`; not `the Recommendation as in 9.3.1`) */
const OTHER_TEXT_BEFORE_RE = /\b(?:Recommendations?|Resolutions?|Decisions?|Articles?|Rec\.)[ \t]+(?:ITU[-\u2011][TRD][ \t]+)?[A-Z]{0,2}\.?\d[^;()]{0,30}$/;

interface Found {
  number: string;
  start: number;
  end: number;
  direction: 'above' | 'below' | null;
  dirStart: number;
  /** another text's paragraph (`9.5.2 of Resolution 1 (…)`): where its citation's keyword starts; else -1 */
  citationAt: number;
}

const SLOT = new TextSlot<Found[]>();
const NONE: Found[] = [];

/** The paragraph numbers one line of text refers to (memoised per line). */
function scan(text: string): Found[] {
  let out: Found[] | null = null;
  FIRST_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIRST_RE.exec(text))) {
    if (OTHER_TEXT_BEFORE_RE.test(text.slice(Math.max(0, m.index - 50), m.index))) continue;
    const chain: Found[] = [];
    let start = m.index + m[0].length - m[1].length;
    chain.push({ number: m[1], start, end: start + m[1].length, direction: null, dirStart: -1, citationAt: -1 });
    let p = start + m[1].length;
    for (;;) {
      const mm = MORE_RE.exec(text.slice(p, p + 40));
      if (!mm) break;
      start = p + mm[0].length - mm[1].length;
      chain.push({ number: mm[1], start, end: start + mm[1].length, direction: null, dirStart: -1, citationAt: -1 });
      p = start + mm[1].length;
    }
    const d = DIRECTION_RE.exec(text.slice(p, p + 12));
    if (d) for (const f of chain) {
      f.direction = d[1] as 'above' | 'below';
      f.dirStart = p + d[0].length - d[1].length;
    }
    // `9.5.2 of Resolution 1 (…)`: another text's paragraphs (`of this resolution` stays here)
    const am = d ? null : EXTERNAL_AFTER_RE.exec(text.slice(p, p + 40));
    if (am) for (const f of chain) f.citationAt = p + am[0].length;
    FIRST_RE.lastIndex = p;
    (out ??= []).push(...chain);
  }
  return out ?? NONE;
}

export function findParagraphRefs(doc: ResDocument, units: TextUnit[]): ParagraphRef[] {
  // the numbered paragraphs of each resolution; one without any makes no such references
  const numbered = doc.resolutions.map((res) => {
    let m: Map<string, { p: Paragraph; a: Annex }> | null = null;
    let dotted = false;
    for (const a of res.annexes) {
      for (const p of a.paragraphs) {
        if (!p.number) continue;
        if (!(m ??= new Map()).has(p.number.text)) m.set(p.number.text, { p, a });
        dotted ||= p.number.text.includes('.');
      }
    }
    // a list numbered 1, 2, 3 is not what `in 2.4` refers to: only a resolution with dotted numbers counts
    return dotted ? m : null;
  });
  if (numbered.every((m) => !m)) return [];
  const out: ParagraphRef[] = [];
  for (const u of units) {
    if (u.resolution < 0 || u.kind === 'call') continue;
    const targets = numbered[u.resolution];
    if (!targets) continue;
    const c = u.content;
    for (const f of SLOT.get(unitFacts(u), c.text, scan)) {
      if (f.citationAt >= 0) continue;
      const t = targets.get(f.number) ?? null;
      out.push({
        resolution: u.resolution,
        range: rangeIn(c, f.start, f.end),
        number: f.number,
        direction: f.direction,
        directionRange: f.direction ? rangeIn(c, f.dirStart, f.dirStart + f.direction.length) : null,
        target: t?.p ?? null,
        targetAnnex: t?.a ?? null,
      });
    }
  }
  return out;
}

/**
 * References to numbered paragraphs of a cited text (`clause 9.5.2 of Resolution 1 (Rev.
 * Hammamet, 2016)`), in any resolution, to be tied to their citations (clauseRefs.ts
 * tieExternalRefs). Only asked for when they are needed: the rule citation-clause with
 * reference documents, hover, go to definition.
 */
export function findExternalParagraphRefs(units: TextUnit[]): PendingExternalRef[] {
  const out: PendingExternalRef[] = [];
  for (const u of units) {
    if (u.resolution < 0 || u.kind === 'call') continue;
    const c = u.content;
    for (const f of SLOT.get(unitFacts(u), c.text, scan)) {
      if (f.citationAt < 0) continue;
      out.push({
        ref: { kind: 'paragraph', resolution: u.resolution, range: rangeIn(c, f.start, f.end), labelRange: rangeIn(c, f.start, f.end), head: '', modifier: null, label: f.number, call: null },
        citationAt: posAt(c, f.citationAt),
      });
    }
  }
  return out;
}

/**
 * What there is beside a paragraph number that is missing: `9.5 has 9.5.1 to 9.5.6` for
 * `9.5.7`, from the numbers a text has (in order); '' when its parent has none.
 */
export function siblingsNote(number: string, numbers: readonly string[]): string {
  const parent = number.replace(/(?:bis|ter|quater|quinquies)$/, '').replace(/\.\d+$/, '');
  const siblings = numbers.filter((n) => n.startsWith(parent + '.') && !n.slice(parent.length + 1).includes('.'));
  if (!siblings.length) return '';
  return `${parent} has ${siblings.length > 2 ? `${siblings[0]} to ${siblings[siblings.length - 1]}` : siblings.join(' and ')}`;
}
