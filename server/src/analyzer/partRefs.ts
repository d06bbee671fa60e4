/**
 * References to a section, annex, appendix or attachment of the same resolution:
 * `see Section 2`, `Section 3 below`, `Section 7 of this resolution`, `Annex 2 to this
 * resolution`, `the annex to this resolution`, `Annexes 1 and 2 to this resolution`.
 *
 * Which ones count, so that another text's parts are never taken for this one's:
 * - with `above`/`below`, or `to`/`of`/`in` `this resolution` (or `the present
 *   resolution`): always;
 * - with nothing after (`as indicated in Section 9`): only a Section or Annex, only in a
 *   resolution that has parts of that kind, and not right after another text's name
 *   (`Resolution 1 (…), Annex 2`, `RR Appendix 4`);
 * - never with another `to`/`of`/`in` or a bracket after (`Annex 2 to Resolution 76 (…)`,
 *   `Annex A (ITU-T Documentation) to Section 1bis`, `Section 2 of Article 5`).
 */
import { rangeIn } from '../model/content';
import type { Annex, Range, ResDocument, Resolution } from '../model/types';
import { unitFacts, type TextUnit } from './texts';
import { TextSlot } from '../util/memo';

export type PartWord = 'section' | 'annex' | 'appendix' | 'attachment';

export interface PartRef {
  /** index of the resolution */
  resolution: number;
  word: PartWord;
  /** `Section 3`, `Annex 2`; the whole `the annex` for an unnumbered reference */
  range: Range;
  /** `3`, `1bis`, `A`; null for `the annex to this resolution` */
  number: string | null;
  /** `the annexes to this resolution` */
  plural: boolean;
  /** how it says it is this resolution's: `above`/`below`, `this` (`to this resolution`) or nothing */
  scope: 'above' | 'below' | 'this' | 'implicit';
  /** the `above` or `below` word */
  directionRange: Range | null;
  /** named alone, without `the` before it: `the annex` can take its place (`in Annex 1 to this resolution`) */
  alone: boolean;
  /** the part of that kind and number (the first, if several) */
  target: Annex | null;
  /** the resolution's parts of the same kind, in order (shared by its references) */
  siblings: readonly PartOf[];
}

/** A part of a resolution with its kind word and number. */
export interface PartOf {
  annex: Annex;
  word: PartWord | 'part';
  number: string | null;
}

/** A part's kind word and number from its heading (`ANNEX 2 (to Resolution 92)` → annex, `2`; `SECTION 1 bis` → section, `1bis`). */
export function partHeading(a: Annex): { word: PartWord | 'part'; number: string | null } {
  const m = /^[ \t]*([A-Za-z]+)(?:[ \t]+([0-9IVXA-Z]{1,5})(?:[ \t]?(bis|ter|quater))?\b)?/.exec(a.heading.text);
  const word = (m?.[1].toLowerCase() ?? 'annex') as PartWord | 'part';
  return { word, number: m?.[2] ? m[2] + (m[3] ?? '') : null };
}

/** How a part is named in a message: `Section 3`, `Annex A`, `the annex`. */
export function partName(word: PartWord | 'part', number: string | null): string {
  return number ? `${word[0].toUpperCase()}${word.slice(1)} ${number}` : `the ${word}`;
}

interface Found {
  word: PartWord;
  number: string | null;
  plural: boolean;
  start: number;
  end: number;
  scope: PartRef['scope'];
  dirStart: number;
  alone: boolean;
}

const NUM = String.raw`(?:\d{1,2}(?:bis|ter|quater)?|[A-Z]|[IVX]{2,5})(?![\w\u2011\-/]|\.\d)`;
const WORDS = String.raw`(Sections?|Annex(?:es)?|Appendix|Appendices|Attachments?|section|sections|annex|annexes|appendix|appendices|attachments?)`;
const NUMBERED_RE = new RegExp(String.raw`\b${WORDS}[ \t]+(${NUM})`, 'g');
/** `, 2`, ` and 3`, ` to Section 9`: more parts of the same kind */
const MORE_RE = new RegExp(String.raw`^(?:[ \t]*,[ \t]*|[ \t]+(?:and|or|to)[ \t]+|[ \t]*[-\u2013][ \t]*)(?:${WORDS}[ \t]+)?(${NUM})`);
const THE_RE = /\bthe[ \t]+([Aa]nnex|[Aa]nnexes|[Aa]ppendix|[Aa]ppendices|[Aa]ttachments?)[ \t]+(?:to|of)[ \t]+(?:this|the[ \t]+present)[ \t]+[Rr]esolution\b/g;
const DIRECTION_RE = /^[ \t]+(above|below)\b/;
const THIS_RE = /^[ \t]+(?:to|of|in)[ \t]+(?:this|the[ \t]+present)[ \t]+[Rr]esolution\b/;
/** after the number: another text's part, or a heading's bracket */
const OTHER_AFTER_RE = /^(?:[ \t]*\(|[ \t]+(?:to|of|in)[ \t]+\S)/;
/** just before: another text named (`Resolution 1 (Rev. Hammamet, 2016), Annex 2`, `RR Appendix 4`, `Article 5, Section 2`) */
export const OTHER_BEFORE_RE = /(?:\)|\b(?:RR|Regulations|Constitution|Convention|Recommendation[ \t]+ITU[-\u2011][TRD][ \t]+[A-Z]{0,2}\.?\d[\w.]*|(?:Resolution|Decision|Article|Report|Question|No\.)[ \t]+[\w.\u2011-]+))[ \t]*(?:,[ \t]*)?$/;

const SLOT = new TextSlot<Found[]>();
const NONE: Found[] = [];

/** The kind a word names, and whether it is the plural: `Annexes` → annex, plural. */
export function wordOf(w: string): { word: PartWord; plural: boolean } {
  const l = w.toLowerCase();
  if (l.startsWith('section')) return { word: 'section', plural: l !== 'section' };
  if (l.startsWith('annex')) return { word: 'annex', plural: l !== 'annex' };
  if (l.startsWith('append')) return { word: 'appendix', plural: l !== 'appendix' };
  return { word: 'attachment', plural: l !== 'attachment' };
}

/** The part references one line of text makes (memoised per line). */
function scan(text: string): Found[] {
  // most lines name no part: one test of the first letters the words can have decides
  if (!/[Ss]ection|[Aa]nnex|[Aa]pp|[Aa]ttach/.test(text)) return NONE;
  let out: Found[] | null = null;
  NUMBERED_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBERED_RE.exec(text))) {
    const { word, plural } = wordOf(m[1]);
    let start = m.index + m[0].length - m[2].length;
    const chain: Found[] = [{ word, number: m[2], plural, start, end: start + m[2].length, scope: 'implicit', dirStart: -1, alone: false }];
    let p = start + m[2].length;
    for (;;) {
      const mm = MORE_RE.exec(text.slice(p, p + 32));
      if (!mm || (mm[1] && wordOf(mm[1]).word !== word)) break;
      start = p + mm[0].length - mm[2].length;
      chain.push({ word, number: mm[2], plural, start, end: start + mm[2].length, scope: 'implicit', dirStart: -1, alone: false });
      p = start + mm[2].length;
    }
    NUMBERED_RE.lastIndex = p;
    const tail = text.slice(p, p + 40);
    const d = DIRECTION_RE.exec(tail);
    let scope: Found['scope'];
    if (d) scope = d[1] as 'above' | 'below';
    else if (THIS_RE.test(tail)) scope = 'this';
    else if (OTHER_AFTER_RE.test(tail)) continue;
    else {
      // nothing after: a Section or an Annex, unless another text is named just before
      if (word !== 'section' && word !== 'annex') continue;
      if (OTHER_BEFORE_RE.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
      scope = 'implicit';
    }
    chain[0].alone = chain.length === 1 && !/\bthe[ \t]+$/i.test(text.slice(Math.max(0, m.index - 8), m.index));
    for (const f of chain) {
      f.scope = scope;
      // the first part named carries the range from its word (`Section 3`); the others their numbers
      if (f === chain[0]) f.start = m.index;
      if (d) f.dirStart = p + d[0].length - d[1].length;
    }
    (out ??= []).push(...chain);
  }
  THE_RE.lastIndex = 0;
  while ((m = THE_RE.exec(text))) {
    const { word, plural } = wordOf(m[1]);
    (out ??= []).push({ word, number: null, plural, start: m.index, end: m.index + 4 + m[1].length, scope: 'this', dirStart: -1, alone: false });
  }
  if (out && out.length > 1) out.sort((a, b) => a.start - b.start);
  return out ?? NONE;
}

/** A resolution's parts with their kind words and numbers, in order. */
export function partsOfResolution(res: Resolution): PartOf[] {
  return res.annexes.map((annex) => ({ annex, ...partHeading(annex) }));
}

export function findPartRefs(doc: ResDocument, units: TextUnit[]): PartRef[] {
  // the parts of each resolution, by kind, worked out at its first reference
  const parts: (Map<string, PartOf[]> | undefined)[] = [];
  const partsOf = (ri: number, word: PartWord): PartOf[] => {
    let m = parts[ri];
    if (!m) {
      m = new Map();
      for (const part of partsOfResolution(doc.resolutions[ri])) {
        let list = m.get(part.word);
        if (!list) m.set(part.word, (list = []));
        list.push(part);
      }
      parts[ri] = m;
    }
    return m.get(word) ?? [];
  };
  const out: PartRef[] = [];
  for (const u of units) {
    if (u.resolution < 0 || u.kind === 'call') continue;
    const c = u.content;
    const found = SLOT.get(unitFacts(u), c.text, scan);
    if (!found.length) continue;
    // a heading (`Section 1bis`) names its own part
    if (u.kind === 'annex' && doc.resolutions[u.resolution].annexes.some((a) => a.heading === c)) continue;
    for (const f of found) {
      const same = partsOf(u.resolution, f.word);
      // `see Section 2` counts only in a resolution that has sections
      if (f.scope === 'implicit' && !same.length) continue;
      const t = f.number === null ? (same.length === 1 ? same[0] : null) : same.find((p) => p.number === f.number);
      out.push({
        resolution: u.resolution,
        word: f.word,
        range: rangeIn(c, f.start, f.end),
        number: f.number,
        plural: f.plural,
        scope: f.scope,
        directionRange: f.dirStart >= 0 ? rangeIn(c, f.dirStart, f.dirStart + f.scope.length) : null,
        target: t?.annex ?? null,
        siblings: same,
        alone: f.alone,
      });
    }
  }
  return out;
}
