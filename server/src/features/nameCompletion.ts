/**
 * Completion of names (SPEC §4): addressees after `instructs ` (and invites, requests,
 * encourages, urges, `resolves to instruct` …), and study group numbers after `Study Group `,
 * for the document's sector and study period.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { CompletionContext, CompletionProvider } from './completion';
import type { Body } from '../data/schema';
import type { ReferenceData, Sector } from '../data/reference';
import { governedYear, resolutionContext, type ResolutionContext } from '../analyzer/names';

const ADDRESSING = /^[ \t]*(?:resolves[ \t]+to[ \t]+(?:instruct|invite|request|encourage|urge|call[ \t]+upon)|instructs|invites|requests|encourages|urges|calls[ \t]+upon)[ \t]+/;
const STUDY_GROUP = /(?:(ITU-[TRD])[ \t]+)?Study[ \t]+Group[ \t]+(\d{0,2})$/;

const ARTICLE_KINDS = new Set(['official', 'council', 'advisory-group', 'group', 'bureau', 'sector', 'conference', 'assembly']);

/** The addressee as it follows the call: `the Director of …`, `Member States`. */
export function addresseeText(b: Body): string {
  if (b.id === 'STUDY-GROUPS') return 'study groups';
  return ARTICLE_KINDS.has(b.kind) ? `the ${b.canonical}` : b.canonical;
}

function contextAt(ctx: CompletionContext): ResolutionContext {
  const res = ctx.analysis.doc.resolutions;
  let found = res.find((r) => r.range.start.line <= ctx.position.line && ctx.position.line <= r.range.end.line);
  // a line typed past the end of the last resolution still belongs to it
  if (!found) for (const r of res) if (r.range.start.line <= ctx.position.line) found = r;
  return resolutionContext(found);
}

function studyGroupItems(data: ReferenceData, sector: Sector, rc: ResolutionContext): { number: number; title: string; period: string }[] {
  const year = governedYear(data, rc, sector);
  if (year === null) return [];
  const period = data.studyPeriodsFor(sector, year).map((p) => p.period).pop() ?? '';
  return data.studyGroupsFor(sector, year).map((g) => ({ number: g.number, title: g.title, period }));
}

export const nameCompletion: CompletionProvider = (ctx) => {
  const { before, data, position } = ctx;
  const rc = contextAt(ctx);
  const sg = STUDY_GROUP.exec(before);
  if (sg) {
    const sector = (sg[1] as Sector | undefined) ?? rc.sector;
    if (!sector) return null;
    const from = before.length - sg[2].length;
    const range = { start: { line: position.line, character: from }, end: { line: position.line, character: before.length } };
    return studyGroupItems(data, sector, rc).map(
      (g): CompletionItem => ({
        label: String(g.number),
        kind: CompletionItemKind.EnumMember,
        detail: g.title,
        documentation: `${sector} Study Group ${g.number}, study period ${g.period}`,
        sortText: String(g.number).padStart(3, '0'),
        textEdit: { range, newText: String(g.number) },
      }),
    );
  }
  const call = ADDRESSING.exec(before);
  if (call) {
    const from = call[0].length;
    const range = { start: { line: position.line, character: from }, end: { line: position.line, character: before.length } };
    const items: CompletionItem[] = [];
    if (rc.sector) {
      for (const g of studyGroupItems(data, rc.sector, rc)) {
        const text = `Study Group ${g.number}`;
        items.push({
          label: text,
          kind: CompletionItemKind.EnumMember,
          detail: g.title,
          documentation: `${rc.sector} Study Group ${g.number}, study period ${g.period}`,
          sortText: `1-${String(g.number).padStart(3, '0')}`,
          filterText: text,
          textEdit: { range, newText: text },
        });
      }
    }
    for (const b of data.addressees()) {
      const texts = [addresseeText(b)];
      if (b.id === 'STUDY-GROUPS' && rc.sector) {
        const sector = data.bodyByAbbreviation(rc.sector);
        if (sector) texts.push(`study groups of the ${sector.canonical}`);
      }
      for (const text of texts) {
        items.push({
          label: text,
          kind: CompletionItemKind.Value,
          detail: b.abbreviation ?? undefined,
          documentation: `${b.canonical} · ${b.source}`,
          sortText: `0-${text.replace(/^the /, '')}`,
          filterText: text,
          textEdit: { range, newText: text },
        });
      }
    }
    return items;
  }
  return null;
};
