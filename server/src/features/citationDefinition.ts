/**
 * Go to definition from a citation (`Resolution 999 (Geneva, 2022)`, `Resolution ITU-R 56
 * (Rev. Geneva, 2015) of the Radiocommunication Assembly`) to the number line of that
 * resolution in the user's reference documents or in an open document. The text of the
 * cited revision comes first, then the others, most recent first.
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

/**
 * The clause `label` of the first section opened by `head` (`resolves`, `instructs`,
 * `considering`; with `modifier` for `considering further`) in a located text: for a
 * citation of a clause of another resolution (`resolves 2 of Resolution 92 (…)`).
 */
export function clauseInReference(loc: ReferenceLocation, head: string, label: string, modifier: 'further' | 'also' | null = null): Location | null {
  const norm = (l: string) => l.replace(/\s+/g, '').replace(/\)$/, '').toLowerCase();
  const want = norm(label);
  for (const s of loc.resolution.sections) {
    if (s.head !== head || (modifier !== null && s.modifier !== modifier)) continue;
    const c = s.clauses.find((k) => norm(k.label) === want);
    if (c) return { uri: loc.uri, range: c.range };
  }
  return null;
}
