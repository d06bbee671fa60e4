/**
 * References to a clause of a cited text (`resolves 3 of Resolution 18 (Rev. Hammamet,
 * 2016)`) or to one of its numbered paragraphs (`9.5.2 of Resolution 1 (…)`), resolved
 * against the reference data: the cited text and revision, and that
 * revision's outline when a reference document gives it (data/reference.ts TextOutline).
 * Shared by the rule citation-clause and the editor features; memoised per document and
 * reference data.
 */
import type { Analysis } from './analysis';
import { itemName, resolveCitations, type ResolvedItem } from './citations';
import { normaliseLabel, type ExternalClauseRef } from './clauseRefs';
import type { OutlineSection, ReferenceData, TextOutline } from '../data/reference';

export interface ExternalClause {
  ref: ExternalClauseRef;
  /** the citation resolved (body, cited meeting, catalogue entry) */
  item: ResolvedItem | null;
  /** the cited revision's outline, when a reference document gives that revision */
  outline: TextOutline | null;
  /** the outline's parts the reference can mean: same head and modifier (and call, when it names an addressee) */
  sections: OutlineSection[];
  /** the part holding the clause, when the outline has it */
  section: OutlineSection | null;
  /** the outline has the clause (or, for a paragraph reference, the numbered paragraph) */
  found: boolean;
}

/** Every reference to a clause of a cited text in the document, resolved. */
export function externalClauses(analysis: Analysis, data: ReferenceData): ExternalClause[] {
  return analysis.memo('externalClauses', data, () => {
    const refs = analysis.externalClauseRefs;
    if (!refs.length) return [];
    const byCitation = new Map<unknown, ResolvedItem>();
    for (const r of resolveCitations(analysis, data).items) if (!byCitation.has(r.citation)) byCitation.set(r.citation, r);
    return refs.map((ref) => resolveOne(ref, byCitation.get(ref.citation) ?? null, data));
  });
}

function resolveOne(ref: ExternalClauseRef, item: ResolvedItem | null, data: ReferenceData): ExternalClause {
  const none: ExternalClause = { ref, item, outline: null, sections: [], section: null, found: false };
  if (!item || !item.body || !item.cited) return none;
  const outline = data.outline(item.body, item.citation.type, item.item.number, item.cited.id) ?? null;
  if (!outline) return none;
  if (ref.kind === 'paragraph') return { ref, item, outline, sections: [], section: null, found: outline.paragraphs.includes(ref.label) };
  const sections = partsFor(outline.sections, ref);
  const section = sections.find((s) => s.labels.some((l) => normaliseLabel(l) === ref.label)) ?? null;
  return { ref, item, outline, sections, section, found: !!section };
}

/**
 * The parts of a cited text a reference can mean: those with its head and modifier; when
 * the reference names the addressee (`instructs the Director of the Telecommunication
 * Standardization Bureau 3`) and the text has that very call, only that one.
 */
export function partsFor<S extends { head: string; modifier: 'further' | 'also' | null; call: string }>(sections: readonly S[], ref: Pick<ExternalClauseRef, 'head' | 'modifier' | 'call'>): S[] {
  const sameHead = sections.filter((s) => s.head === ref.head && s.modifier === ref.modifier);
  if (!ref.call || sameHead.length < 2) return sameHead;
  const call = callKey(ref.call);
  const same = sameHead.filter((s) => callKey(s.call) === call);
  return same.length ? same : sameHead;
}

function callKey(call: string): string {
  return call.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** How a reference names the part: `resolves`, `considering further`; `paragraph` for a numbered paragraph. */
export function partName(ref: ExternalClauseRef): string {
  if (ref.kind === 'paragraph') return 'paragraph';
  return ref.call ?? `${ref.head}${ref.modifier ? ' ' + ref.modifier : ''}`;
}

/** The cited text as the citation names it: `Resolution 18 (Rev. Hammamet, 2016)`. */
export function citedLabel(r: ResolvedItem): string {
  const m = r.meeting ? r.meeting.canonical || r.meeting.raw.trim() : '';
  return m ? `${itemName(r)} (${m})` : itemName(r);
}
