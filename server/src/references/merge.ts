/**
 * From the resolutions found in the user's reference documents to a ReferenceExtension:
 * one entry per body/type/number, merged with the built-in entry of the same key.
 *
 * - versions: every meeting known from the built-in data or from any document (a user's
 *   2016 text does not hide the 2024 revision the data knows of), oldest first;
 * - title: from the most recent text (the user's document wins a tie with the data);
 * - suppressed: dropped when a document shows a revision adopted after the suppression;
 * - source: the document the title came from.
 */
import type { ReferenceData, ReferenceExtension, TextOutline } from '../data/reference';
import type { Meeting, MeetingBody, ResolutionEntry, Version } from '../data/schema';
import type { IndexedResolution } from './extract';

/** Same key as the data's resolution index: `ITU-R 56` and `56` are one RA text. */
export function entryKey(body: MeetingBody, type: string, number: string): string {
  const n = number
    .replace(/[\u00a0\u2000-\u200a\u202f\s]+/g, ' ')
    .replace(/[\u2010\u2011]/g, '-')
    .trim()
    .replace(/^ITU-R\s*/i, '')
    .replace(/\s+/g, '')
    .toUpperCase();
  return `${body}|${type}|${n}`;
}

export function buildExtension(base: ReferenceData, found: readonly IndexedResolution[]): ReferenceExtension {
  const meetings = new Map<string, Meeting>();
  for (const r of found) for (const m of r.newMeetings) if (!base.meetingById(m.id) && !meetings.has(m.id)) meetings.set(m.id, m);
  const yearOf = (id: string): number => base.meetingById(id)?.year ?? meetings.get(id)?.year ?? 0;

  const groups = new Map<string, IndexedResolution[]>();
  for (const r of found) {
    const k = entryKey(r.body, r.type, r.number);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }

  const resolutions: ResolutionEntry[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    const builtIn = base.resolution(first.body, first.type, first.number);
    const versions = new Map<string, Version>();
    for (const v of builtIn?.versions ?? []) versions.set(v.meeting, v);
    let best: { year: number; title: string; source: string } | null = null;
    if (builtIn?.versions.length) best = { year: yearOf(builtIn.versions[builtIn.versions.length - 1].meeting), title: builtIn.title, source: builtIn.source };
    let latestDocYear = 0;
    // complete up to the latest meeting any of them is complete to (a superset stays complete)
    let completeTo = builtIn?.completeTo;
    let completeToSource = builtIn?.completeToSource;
    for (const r of group) {
      if (r.completeTo && (!completeTo || yearOf(r.completeTo) > yearOf(completeTo))) {
        completeTo = r.completeTo;
        completeToSource = r.uri;
      }
      for (const v of r.versions) if (!versions.has(v.meeting)) versions.set(v.meeting, v);
      const year = r.meeting ? r.meeting.year : Math.max(...r.versions.map((v) => yearOf(v.meeting)));
      latestDocYear = Math.max(latestDocYear, year);
      // later documents in `found` win ties: the caller lists open documents last
      if (r.title && (!best || year >= best.year)) best = { year, title: r.title, source: r.uri };
    }
    const sorted = [...versions.values()].sort((a, b) => yearOf(a.meeting) - yearOf(b.meeting));
    const entry: ResolutionEntry = {
      body: first.body,
      type: first.type,
      number: builtIn?.number ?? first.number,
      title: best?.title ?? builtIn?.title ?? '',
      versions: sorted,
      source: best?.source ?? first.uri,
    };
    if (builtIn?.suppressed && !(latestDocYear > yearOf(builtIn.suppressed))) entry.suppressed = builtIn.suppressed;
    if (completeTo) entry.completeTo = completeTo;
    if (completeTo && completeToSource) entry.completeToSource = completeToSource;
    resolutions.push(entry);
  }
  return { meetings: [...meetings.values()], resolutions, outlines: outlinesOf(found) };
}

/** The outline of each text whose own revision is known, for references to its clauses. */
export function outlinesOf(found: readonly IndexedResolution[]): TextOutline[] {
  const out: TextOutline[] = [];
  for (const r of found) {
    if (!r.meeting || (!r.sections.length && !r.paragraphs.length)) continue;
    out.push({
      body: r.body,
      type: r.type,
      number: r.number,
      meeting: r.meeting.id,
      source: r.uri,
      sections: r.sections.map((s) => ({ head: s.head, modifier: s.modifier, call: s.call, labels: s.clauses.map((c) => c.label) })),
      paragraphs: r.paragraphs.map((p) => p.label),
    });
  }
  return out;
}

/** A stable text of an extension: equal texts give equal data (no rebuild needed). */
export function extensionKey(ext: ReferenceExtension): string {
  return JSON.stringify([ext.meetings ?? [], ext.resolutions ?? [], ext.outlines ?? []]);
}
