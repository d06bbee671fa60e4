/**
 * Hover on a citation (SPEC §3): the cited text's title and body, its status as of the
 * document's own meeting (in force, suppressed, superseded by a later revision), the
 * meetings that adopted and revised it (and up to which meeting that list is whole), and
 * the source of the catalogue entry.
 */
import { viewUri } from './wordView';
import { escape } from './markdown';
import type { HoverContext, HoverProvider } from './hover';
import { containsPos } from '../model/content';
import type { Position, Range } from '../model/types';
import type { ReferenceData } from '../data/reference';
import type { Meeting } from '../data/schema';
import {
  BODY_NAMES,
  asOfPoint,
  itemName,
  latestAsOf,
  meetingLabel,
  meetingOrder,
  resolveCitations,
  versionAt,
  versionLabel,
  type ResolvedItem,
} from '../analyzer/citations';


/** The cited item under the cursor: on its number, or elsewhere in a citation of one text. */
export function citationAt(ctx: { analysis: HoverContext['analysis']; data: ReferenceData; position: Position }): ResolvedItem | undefined {
  let inCitation: ResolvedItem | undefined;
  for (const r of resolveCitations(ctx.analysis, ctx.data).items) {
    if (containsPos(r.item.range, ctx.position)) return r;
    if (!inCitation && r.item === r.citation.items[0] && containsPos(r.citation.range, ctx.position)) inCitation = r;
  }
  return inCitation;
}

/** The status line: what the cited text was as of the document's meeting. */
function statusLine(r: ResolvedItem, data: ReferenceData): string | null {
  const e = r.entry;
  if (!e) return null;
  const asOf = asOfPoint(r.doc);
  const when = r.doc.label ? `as of this text's meeting (${r.doc.label})` : 'today';
  const point = asOf ?? { year: Number.MAX_SAFE_INTEGER };
  if (e.suppressed) {
    const s = data.meetingById(e.suppressed);
    if (s) {
      const o = meetingOrder(s, point);
      if (o !== null && o <= 0) return `**Suppressed** by the ${s.body} (${meetingLabel(s)}), ${when}.`;
    }
  }
  if (r.cited && asOf && meetingOrder(r.cited, asOf) === 1) {
    return `The cited revision (${meetingLabel(r.cited)}) is later than this text's meeting (${r.doc.label}).`;
  }
  const latest = latestAsOf(data, e, point);
  if (!latest) return e.versions.length ? `Not yet adopted ${when}.` : `In force ${when} (revision history not in the catalogue).`;
  const latestText = versionLabel(latest.meeting, latest.version.kind);
  if (r.cited && versionAt(e, r.cited) && r.cited.id !== latest.meeting.id && meetingOrder(latest.meeting, r.cited) === 1 && !latest.ambiguous) {
    return `In force ${when}; the cited revision is **superseded** by the ${latestText} revision.`;
  }
  return `In force ${when}; latest revision: ${latestText}${latest.ambiguous ? ' (a revision in the same year may be later)' : ''}.`;
}

function resolutionHover(r: ResolvedItem, data: ReferenceData): string {
  const lines: string[] = [];
  const cited = r.meeting ? ` (${escape(r.meeting.canonical || r.meeting.raw.trim())})` : '';
  const e = r.entry;
  lines.push(`**${escape(itemName(r))}${cited}**${r.body ? ` of the ${BODY_NAMES[r.body]}` : ''}`);
  if (e) lines.push(`*${escape(e.title)}*`);
  else if (r.body) lines.push(`Not in the built-in catalogue of ${r.body} texts.`);
  else lines.push('The issuing body cannot be told from this citation.');
  if (r.meeting && r.cited) lines.push(`Cited meeting: ${r.cited.body === 'WRC' ? '' : r.cited.body + ' '}${meetingLabel(r.cited)}${r.cited.start ? ` (${r.cited.start}${r.cited.end ? ` to ${r.cited.end}` : ''})` : ''}.`);
  const status = statusLine(r, data);
  if (status) lines.push(status);
  if (e && e.versions.length) {
    const history = e.versions
      .map((v) => data.meetingById(v.meeting))
      .filter((m): m is Meeting => !!m)
      .map((m) => meetingLabel(m));
    const complete = e.versions[0].kind === 'new';
    lines.push(`Adopted and revised: ${history.join('; ')}${complete ? '' : ' (earlier meetings not listed)'}.`);
    // how far the list is known to be whole: what "not adopted or revised at" rests on
    const until = e.completeTo ? data.meetingById(e.completeTo) : undefined;
    if (until) lines.push(`Every version up to ${meetingLabel(until)} is listed${e.completeToSource ? `, as its history line [prints](${viewUri(e.completeToSource)})` : ''}.`);
  }
  // a reference document in Word opens as its text (features/wordView.ts)
  if (e) lines.push(`[Source](${viewUri(e.source)})`);
  return lines.join('\n\n');
}

function recommendationHover(r: ResolvedItem): string {
  const lines: string[] = [];
  const rec = r.recommendation;
  const c = r.citation;
  lines.push(`**Recommendation ${c.sector ? c.sector + ' ' : ''}${escape(r.item.number)}**`);
  if (rec) {
    lines.push(`*${escape(rec.title)}*`);
    if (rec.status) lines.push(`Status: ${rec.status === 'in-force' ? 'in force' : rec.status}.`);
    lines.push(`[Source](${rec.source})`);
  } else if (!c.sector) {
    lines.push('The sector (ITU-T, ITU-R or ITU-D) is missing.');
  } else {
    lines.push(`Not in the built-in catalogue of ${c.sector} Recommendations.`);
  }
  return lines.join('\n\n');
}

/** The part of a citation a hover covers: from its keyword to its number and parenthesis. */
function hoverRange(r: ResolvedItem): Range {
  const c = r.citation;
  if (c.items.length === 1) {
    if (!c.bodyPhrase) return c.range;
    const end = r.meeting ? { line: r.meeting.range.end.line, character: r.meeting.range.end.character + 1 } : r.item.range.end;
    return { start: c.range.start, end };
  }
  return r.item.range;
}

export const citationHover: HoverProvider = (ctx) => {
  const r = citationAt(ctx);
  if (!r) return null;
  const markdown = r.citation.family === 'recommendation' ? recommendationHover(r) : resolutionHover(r, ctx.data);
  return { markdown, range: hoverRange(r) };
};
