/**
 * Go to definition from a citation (`Resolution 999 (Geneva, 2022)`, `Resolution ITU-R 56
 * (Rev. Geneva, 2015) of the Radiocommunication Assembly`) to the number line of that
 * resolution in the user's reference documents or in an open document. The text of the
 * cited revision comes first, then the others, most recent first. Find all references from
 * a citation lists the document's other citations of the same text. (From the clause part
 * of `resolves 3 of Resolution 18 (…)`: citedClause.ts.)
 */
import type { Location } from 'vscode-languageserver';
import type { Analysis } from '../analyzer/analysis';
import { resolveCitations, type ResolvedItem } from '../analyzer/citations';
import type { ReferenceData } from '../data/reference';
import type { MeetingBody, ResolutionEntry } from '../data/schema';
import { containsPos } from '../model/content';
import type { Position } from '../model/types';
import type { ReferenceLocation } from '../references/indexer';

export interface CitationDefinitionContext {
  analysis: Analysis;
  data: ReferenceData;
  position: Position;
  /** the places that define a text (see ReferenceIndex.locate / Workspace.locateReference) */
  locate(body: MeetingBody, type: ResolutionEntry['type'], number: string, meetingId: string | null): ReferenceLocation[];
}

/** The cited text under the cursor: its number, or anywhere in a citation of one text. */
export function citedItemAt(analysis: Analysis, data: ReferenceData, pos: Position): ResolvedItem | undefined {
  let inCitation: ResolvedItem[] = [];
  for (const r of resolveCitations(analysis, data).items) {
    if (containsPos(r.item.range, pos)) return r;
    if (containsPos(r.citation.range, pos)) inCitation.push(r);
  }
  // `Resolutions 17 and 26 (…)`: only the numbers choose; elsewhere in it, the first one
  inCitation = inCitation.filter((r) => r.citation.items.length === 1 || r.item === r.citation.items[0]);
  return inCitation[0];
}

/** Locations of the cited resolution's text, or null when the cursor is on no such citation. */
export function citationDefinition(ctx: CitationDefinitionContext): Location[] | null {
  const r = citedItemAt(ctx.analysis, ctx.data, ctx.position);
  if (!r || r.citation.family !== 'text' || !r.body) return null;
  const found = ctx.locate(r.body, r.citation.type, r.item.number, r.cited?.id ?? null);
  if (!found.length) return null;
  return found.map((f) => ({ uri: f.uri, range: f.range }));
}

/** What one cited text is, for finding its other citations: the body, the kind of text and its number. */
function citedKey(r: ResolvedItem): string | null {
  const c = r.citation;
  if (c.family === 'recommendation') return c.sector ? `rec|${c.sector}|${r.item.number}` : null;
  return r.body ? `text|${r.body}|${c.type}|${r.item.number.replace(/\s+/g, ' ')}` : null;
}

/**
 * Find all references on a citation: every citation of the same text in the document (its
 * number in each), with, as its declaration, its number line in the reference documents.
 * Null when the cursor is on no citation whose text can be told.
 */
export function citationReferences(ctx: CitationDefinitionContext & { uri: string; includeDeclaration: boolean }): Location[] | null {
  const at = citedItemAt(ctx.analysis, ctx.data, ctx.position);
  const key = at && citedKey(at);
  if (!at || !key) return null;
  const out: Location[] = [];
  if (ctx.includeDeclaration && at.citation.family === 'text' && at.body) {
    for (const f of ctx.locate(at.body, at.citation.type, at.item.number, at.cited?.id ?? null)) out.push({ uri: f.uri, range: f.range });
  }
  for (const r of resolveCitations(ctx.analysis, ctx.data).items) if (citedKey(r) === key) out.push({ uri: ctx.uri, range: r.item.range });
  return out;
}
