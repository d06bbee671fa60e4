import type { Clause, Content, Range, ResDocument, Section } from '../model/types';
import { factsOf, type TextFacts } from '../util/memo';
import { anchorShape } from '../util/shapes';
import { emptyContent } from '../model/document';

export type TextKind =
  | 'cover'
  | 'proposal'
  | 'reasons'
  | 'number'
  | 'title'
  | 'history'
  | 'preamble'
  | 'call'
  | 'clause'
  | 'continuation'
  | 'subitem'
  | 'paragraph'
  | 'annex'
  | 'footnote';

/** One run of prose with its place in the model: what text rules (typography, spelling) read. */
export interface TextUnit {
  content: Content;
  kind: TextKind;
  /** index of the resolution, -1 outside any */
  resolution: number;
  section: Section | null;
  clause: Clause | null;
  /** what the per-line scans found in this text (util/memo.ts), looked up when first needed: unitFacts */
  facts: TextFacts | null;
}

/**
 * A span of a text unit that an analysis found (a body, a study group, an abbreviation, a
 * repeat): the shape every mention shares, so that rules and editor features place and
 * compare them alike.
 */
export interface UnitSpan {
  unit: TextUnit;
  /** index of the resolution, -1 outside any */
  resolution: number;
  /** [from, to) in unit.content.text */
  from: number;
  to: number;
  /** the span in raw coordinates */
  range: Range;
}

/**
 * A unit for a per-line memo to scan in (a ContentSlot): the line's content without its place
 * in a model, so that a memoised result never keeps an earlier model alive. The results are
 * placed in the real unit when they are used.
 */
export function detachedUnit(content: Content, kind: TextKind): TextUnit {
  return new Unit(content, kind, -1, null, null);
}

/** A text unit: a class, so that every unit has one hidden class and the loops over units stay optimised. */
class Unit implements TextUnit {
  facts: TextFacts | null = null;
  constructor(
    public content: Content,
    public kind: TextKind,
    public resolution: number,
    public section: Section | null,
    public clause: Clause | null,
  ) {}
}

/** The facts record of a unit's text: looked up once per unit, then each scan reads its slot. */
export function unitFacts(u: TextUnit): TextFacts {
  return (u.facts ??= u.content.facts ?? factsOf(u.content.text));
}

/** Every text run of the document in line order. */
export function collectTexts(doc: ResDocument): TextUnit[] {
  // the loops and the sort in functions of their own (code compiled on the fly for a long
  // loop is kept and entered again on the next lint, and was thrown away at the code after it)
  const out = gatherTexts(doc);
  out.sort(byPlace);
  return out;
}

const byPlace = (a: TextUnit, b: TextUnit): number => a.content.line - b.content.line || a.content.column - b.content.column;

function gatherTexts(doc: ResDocument): TextUnit[] {
  const out: TextUnit[] = [];
  const push = (content: Content, kind: TextKind, resolution = -1, section: Section | null = null, clause: Clause | null = null) =>
    out.push(new Unit(content, kind, resolution, section, clause));
  for (const p of doc.cover) push(p.content, 'cover');
  for (const pr of doc.proposals) {
    for (const p of pr.paragraphs) push(p.content, 'proposal');
    for (const p of pr.reasons) push(p.content, 'reasons');
  }
  doc.resolutions.forEach((res, ri) => {
    push(res.numberLine.content, 'number', ri);
    if (res.title) for (const l of res.title.lines) push(l, 'title', ri);
    if (res.history) push(res.history.content, 'history', ri);
    if (res.preamble) push(res.preamble.content, 'preamble', ri);
    for (const s of res.sections) {
      push(s.call.content, 'call', ri, s);
      for (const c of s.clauses) {
        push(c.content, 'clause', ri, s, c);
        for (const k of c.continuations) push(k, 'continuation', ri, s, c);
        for (const si of c.subItems) push(si.content, 'subitem', ri, s, c);
      }
    }
    for (const p of res.paragraphs) push(p.content, 'paragraph', ri);
    for (const a of res.annexes) {
      push(a.heading, 'annex', ri);
      if (a.title) push(a.title, 'annex', ri);
      for (const p of a.paragraphs) push(p.content, 'annex', ri);
    }
  });
  // footnotes belong to the resolution whose lines hold them (both lists are in line order)
  let ri = 0;
  for (const f of doc.footnotes) {
    const line = f.range.start.line;
    while (ri < doc.resolutions.length && doc.resolutions[ri].range.end.line < line) ri++;
    const r = doc.resolutions[ri];
    push(f.content, 'footnote', r && r.range.start.line <= line ? ri : -1);
  }
  return out;
}

// the shape of a text unit (util/shapes.ts)
anchorShape('texts.Unit', () => new Unit(emptyContent(), 'cover', -1, null, null));
