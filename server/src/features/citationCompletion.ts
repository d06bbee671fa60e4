/**
 * Completion of citations (SPEC §3): after `Resolution ` the resolution numbers of the
 * document's own body with their titles, inserting the number with the revision that was
 * the latest as of the document's meeting (`18 (Rev. Hammamet, 2016)`); after
 * `Resolution ITU-R ` the Radiocommunication Assembly's; after `Decision ` / `Opinion `
 * the same for those texts; after `Recommendation ITU-T ` (ITU-R, ITU-D) the
 * Recommendations of that sector. In a WRC text `Recommendation ` completes WRC
 * Recommendations.
 *
 * The item lists depend only on the data, the body and the "as of" meeting: they are
 * built once per data object and cached (WeakMap), so a keystroke costs a lookup.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { CompletionContext, CompletionProvider } from './completion';
import type { ReferenceData } from '../data/reference';
import type { MeetingBody, ResolutionEntry } from '../data/schema';
import {
  BODY_NAMES,
  latestAsOf,
  meetingLabel,
  meetingOrder,
  resolveCitations,
  versionLabel,
  type CitedType,
  type DocContext,
  type Sector,
} from '../analyzer/citations';

const TEXT_RE = /\b(Resolution|Decision|Opinion|Recommendation)s?[ \t]+(?:No\.?[ \t]*)?(ITU-R[ \t]+)?(\d{0,4})$/;
const REC_RE = /\bRecommendations?[ \t]+(ITU-[TRD])[ \t]+([A-Z]{0,3}\.?[\d.]{0,8})$/;

const ALL_BODIES: MeetingBody[] = ['WTSA', 'PP', 'WTDC', 'WRC'];

type AsOf = { id?: string; year: number; start?: string } | null;

/** The insert text: `18 (Rev. Hammamet, 2016)`; null when the text did not exist yet or was suppressed as of the meeting. */
export function citationInsert(data: ReferenceData, e: ResolutionEntry, asOf: AsOf): { text: string; meeting: string | null } | null {
  const point = asOf ?? { year: Number.MAX_SAFE_INTEGER };
  if (e.suppressed) {
    const s = data.meetingById(e.suppressed);
    if (s) {
      const o = meetingOrder(s, point);
      if (o !== null && o <= 0) return null;
    }
  }
  const number = e.body === 'RA' ? e.number.replace(/^ITU-R\s*/i, '') : e.number;
  const latest = latestAsOf(data, e, point);
  if (latest) return { text: `${number} (${versionLabel(latest.meeting, latest.version.kind)})`, meeting: meetingLabel(latest.meeting) };
  // listed versions all after the meeting: the text did not exist yet when the list is complete
  if (e.versions.length > 0 && e.versions[0].kind === 'new') {
    const first = data.meetingById(e.versions[0].meeting);
    if (first && asOf && meetingOrder(first, asOf) === 1) return null;
  }
  return { text: number, meeting: null };
}

function sortKey(n: string): string {
  const m = /^(\d+)(.*)$/.exec(n);
  return m ? m[1].padStart(5, '0') + m[2] : n;
}

function recSortKey(n: string): string {
  return n.replace(/\d+/g, (d) => d.padStart(5, '0'));
}

const textCache = new WeakMap<ReferenceData, Map<string, CompletionItem[]>>();
const recCache = new WeakMap<ReferenceData, Map<string, CompletionItem[]>>();

/** The items for one body, type and as-of meeting (cached per data object). */
export function textItems(data: ReferenceData, bodies: MeetingBody[], type: CitedType, asOf: AsOf, withBody: boolean, prefix = ''): CompletionItem[] {
  let perData = textCache.get(data);
  if (!perData) textCache.set(data, (perData = new Map()));
  const key = `${bodies.join(',')}|${type}|${asOf ? (asOf.id ?? asOf.year) : ''}|${withBody}|${prefix}`;
  const hit = perData.get(key);
  if (hit) return hit;
  const items: CompletionItem[] = [];
  for (const body of bodies) {
    for (const e of data.resolutionsByBody(body)) {
      if (e.type !== type) continue;
      const ins = citationInsert(data, e, asOf);
      if (!ins) continue;
      const number = body === 'RA' ? e.number.replace(/^ITU-R\s*/i, '') : e.number;
      items.push({
        label: number,
        labelDetails: { description: withBody ? body : (ins.meeting ?? undefined) },
        kind: CompletionItemKind.Reference,
        detail: e.title,
        documentation: `${type} ${body === 'RA' ? 'ITU-R ' : ''}${number} of the ${BODY_NAMES[body]}${ins.meeting ? `, latest revision ${ins.meeting}` : ''}`,
        insertText: prefix + (withBody ? `${ins.text} of the ${BODY_NAMES[body]}` : ins.text),
        sortText: `${sortKey(number)}|${body}`,
        filterText: number,
      });
    }
  }
  items.sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));
  perData.set(key, items);
  return items;
}

/** The Recommendations of a sector (cached per data object). */
export function recommendationItems(data: ReferenceData, sector: Sector): CompletionItem[] {
  let perData = recCache.get(data);
  if (!perData) recCache.set(data, (perData = new Map()));
  const hit = perData.get(sector);
  if (hit) return hit;
  const items: CompletionItem[] = data.recommendations
    .filter((r) => r.sector === sector)
    .map((r) => ({
      label: r.number,
      kind: CompletionItemKind.Reference,
      detail: r.title,
      insertText: r.number,
      sortText: recSortKey(r.number),
      filterText: r.number,
    }))
    .sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
  perData.set(sector, items);
  return items;
}

/** The document context of the line being typed: its resolution's, or the nearest one above. */
function contextAt(ctx: CompletionContext): DocContext {
  const res = ctx.analysis.doc.resolutions;
  const line = ctx.position.line;
  let ri = res.findIndex((r) => r.range.start.line <= line && line <= r.range.end.line);
  if (ri < 0) for (let i = 0; i < res.length; i++) if (res[i].range.start.line <= line) ri = i;
  return resolveCitations(ctx.analysis, ctx.data).docContext(ri);
}

function withRange(items: CompletionItem[], line: number, from: number, to: number): CompletionItem[] {
  const range = { start: { line, character: from }, end: { line, character: to } };
  return items.map((it) => ({ ...it, textEdit: { range, newText: it.insertText ?? it.label } }));
}

export const citationCompletion: CompletionProvider = (ctx) => {
  const before = ctx.before;
  const rec = REC_RE.exec(before);
  if (rec) {
    const typed = rec[2];
    const items = recommendationItems(ctx.data, rec[1] as Sector);
    return withRange(items, ctx.position.line, ctx.position.character - typed.length, ctx.position.character);
  }
  const m = TEXT_RE.exec(before);
  if (!m) return null;
  const type = m[1] as CitedType;
  const ituR = !!m[2];
  const typed = m[3];
  const doc = contextAt(ctx);
  const asOf = doc.meeting ?? (doc.year !== null ? { year: doc.year } : null);
  let bodies: MeetingBody[];
  let withBody = false;
  if (ituR) {
    if (type !== 'Resolution') return null;
    bodies = ['RA'];
  } else if (type === 'Recommendation') {
    // WRC Recommendations; elsewhere `Recommendation ` is followed by a sector
    if (doc.body !== 'WRC') return null;
    bodies = ['WRC'];
  } else if (doc.body) {
    bodies = [doc.body];
  } else {
    bodies = ALL_BODIES;
    withBody = true;
  }
  // in a Radiocommunication Assembly text, `Resolution ` goes on with `ITU-R N`
  const prefix = !ituR && bodies.length === 1 && bodies[0] === 'RA' ? 'ITU-R ' : '';
  const items = textItems(ctx.data, bodies, type, asOf, withBody, prefix);
  return withRange(items, ctx.position.line, ctx.position.character - typed.length, ctx.position.character);
};
