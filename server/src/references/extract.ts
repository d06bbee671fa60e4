/**
 * What a reference document contributes: for each resolution in a parsed document, its
 * type and number, the body that adopted it, the meetings of its history line, its title
 * and where its number line and clause labels are (for go-to-definition).
 *
 * Pure functions over the document model and the built-in data: no I/O.
 */
import type { Meeting, MeetingBody, ResolutionEntry, Version } from '../data/schema';
import type { ReferenceData } from '../data/reference';
import type { MeetingRef, Range, ResDocument, Resolution } from '../model/types';
import { clauseText } from '../model/content';

/** A clause of a reference document, by section. */
export interface IndexedClause {
  label: string;
  range: Range;
  /** the clause's text (its sub-items included), for a hover on a reference to it */
  text: string;
}

export interface IndexedSection {
  /** the call as written (`resolves to invite the Telecommunication Standardization Advisory Group`) */
  call: string;
  /** canonical head (`resolves`, `instructs`, `considering`) */
  head: string;
  modifier: 'further' | 'also' | null;
  range: Range;
  clauses: IndexedClause[];
}

/** One resolution found in a reference document. */
export interface IndexedResolution {
  uri: string;
  body: MeetingBody;
  type: ResolutionEntry['type'];
  /** as written on the number line: `92`, `ITU-R 56` */
  number: string;
  /** the number line, white space made single: `RESOLUTION 92 (Rev. Geneva, 2022)` */
  label: string;
  title: string;
  /** the meeting of the number line (the text's own revision), when known */
  meeting: Meeting | null;
  /** history line meetings (or the number line's), oldest first */
  versions: Version[];
  /** the last meeting up to which `versions` is complete: the text's own when it has a history line or is a first adoption */
  completeTo: string | null;
  /** meetings the document names that the built-in data does not know (indexed files only) */
  newMeetings: Meeting[];
  /** the number line */
  range: Range;
  /** the whole resolution */
  fullRange: Range;
  sections: IndexedSection[];
  /** the numbered paragraphs of its annexes and sections (`9.5.2`), as Resolution 1 numbers them */
  paragraphs: IndexedClause[];
}

export interface ExtractOptions {
  /** may a document define meetings unknown to the built-in data (see {@link resolveMeeting}) */
  allowNewMeetings: boolean;
  /** one line per thing that could not be used */
  log?: (msg: string) => void;
}

const BODY_NAMES: Record<MeetingBody, string> = {
  WTSA: 'World Telecommunication Standardization Assembly',
  PP: 'Plenipotentiary Conference',
  WTDC: 'World Telecommunication Development Conference',
  RA: 'Radiocommunication Assembly',
  WRC: 'World Radiocommunication Conference',
};

export function bodyName(body: MeetingBody): string {
  return BODY_NAMES[body];
}

/**
 * The adopting body: the preamble's, else what the number line implies (`ITU-R 56` is an
 * RA text, `(WRC-15)` a WRC one), else the only body that met at that place and year.
 */
function adoptingBody(res: Resolution, data: ReferenceData): MeetingBody | null {
  const p = res.preamble?.body;
  if (p && p !== 'unknown') return p;
  const nl = res.numberLine;
  if (/^ITU-R\b/i.test(nl.number)) return 'RA';
  const m = nl.meeting;
  if (!m) return null;
  if (m.wrcForm) return /^WRC/i.test(m.place) ? 'WRC' : null;
  if (m.year === null) return null;
  const bodies = new Set(data.findMeetings(m.place, m.year).map((x) => x.body));
  return bodies.size === 1 ? [...bodies][0] : null;
}

/**
 * The meeting a `(Place, Year)` or `(WRC-15)` names for `body`. An unknown place and year
 * becomes a new meeting only when allowed and when the data knows no meeting of that body
 * in that year (a wrong place for a known meeting is a typo, not a new meeting).
 */
export function resolveMeeting(
  ref: MeetingRef,
  body: MeetingBody,
  data: ReferenceData,
  allowNew: boolean,
  source: string,
): { meeting: Meeting; isNew: boolean } | null {
  if (ref.wrcForm) {
    const m = data.meetingByAbbreviation(ref.place);
    return m && m.body === body ? { meeting: m, isNew: false } : null;
  }
  if (ref.year === null || !ref.place) return null;
  const found = data.findMeeting(body, ref.place, ref.year);
  if (found) return { meeting: found, isNew: false };
  if (!allowNew) return null;
  if (data.meetingsByBody(body).some((m) => m.year === ref.year)) return null;
  const place = ref.place.replace(/\s+/g, ' ').trim();
  if (!/^\p{Lu}[\p{L}\p{M} .'-]{1,60}$/u.test(place)) return null;
  return { meeting: { id: `${body}-${ref.year}`, body, place, year: ref.year, source }, isNew: true };
}

function describe(ref: MeetingRef): string {
  return ref.raw.trim() || `${ref.place}, ${ref.year ?? '?'}`;
}

/** The resolutions of one parsed reference document. */
export function extractResolutions(doc: ResDocument, uri: string, data: ReferenceData, opts: ExtractOptions): IndexedResolution[] {
  const out: IndexedResolution[] = [];
  const log = opts.log ?? (() => {});
  for (const res of doc.resolutions) {
    const nl = res.numberLine;
    if (nl.draft || !nl.number || nl.number.startsWith('[')) continue;
    const line = nl.range.start.line + 1;
    const body = adoptingBody(res, data);
    if (!body) {
      log(`${uri}:${line}: ${nl.kind} ${nl.number}: cannot tell which body adopted it (no preamble, and the number line does not say); skipped`);
      continue;
    }
    const newMeetings: Meeting[] = [];
    const seen = new Set<string>();
    const versions: Version[] = [];
    const add = (ref: MeetingRef, kind: Version['kind']): Meeting | null => {
      const r = resolveMeeting(ref, body, data, opts.allowNewMeetings, uri);
      if (!r) {
        log(`${uri}:${ref.range.start.line + 1}: (${describe(ref)}) is not a known meeting of the ${BODY_NAMES[body]}; that version is left out`);
        return null;
      }
      if (r.isNew && !newMeetings.some((m) => m.id === r.meeting.id)) newMeetings.push(r.meeting);
      if (!seen.has(r.meeting.id)) {
        seen.add(r.meeting.id);
        versions.push({ meeting: r.meeting.id, kind, source: uri });
      }
      return r.meeting;
    };
    const history = res.history?.meetings ?? [];
    history.forEach((ref, i) => add(ref, i === 0 ? 'new' : 'rev'));
    const meeting = nl.meeting ? add(nl.meeting, 'rev') : null;
    if (!versions.length) {
      log(`${uri}:${line}: ${nl.kind} ${nl.number}: no meeting on its number line or history line; skipped`);
      continue;
    }
    versions.sort((a, b) => yearOf(a.meeting, data, newMeetings) - yearOf(b.meeting, data, newMeetings));
    // The history line lists every meeting that adopted or revised the text, the adoption
    // first. Under a `Rev.` number line, a single meeting (no history line, or one that
    // names only this meeting, as Resolution 1 keeps its earlier history in a footnote)
    // says only that this is a revision: the adoption is missing.
    const onlyRevision = !!nl.meeting?.rev && versions.length < 2;
    versions.forEach((v, i) => (v.kind = i === 0 && !onlyRevision ? 'new' : 'rev'));
    // a history line (or a number line without `Rev.`: a first adoption) gives the whole list
    const wholeHistory = history.length > 0 && !onlyRevision;
    const completeTo = wholeHistory || (nl.meeting && !nl.meeting.rev) ? versions[versions.length - 1].meeting : null;
    out.push({
      uri,
      body,
      type: nl.kind,
      number: normalizeNumber(nl.number, body),
      label: nl.content.text.replace(/\s+/g, ' ').trim(),
      title: res.title?.text.replace(/\s+/g, ' ').trim() ?? '',
      meeting,
      versions,
      completeTo,
      newMeetings,
      range: nl.range,
      fullRange: res.range,
      sections: res.sections.map((s) => ({
        call: s.call.text,
        head: s.call.head,
        modifier: s.call.modifier,
        range: s.call.range,
        clauses: s.clauses.filter((c) => c.label).map((c) => ({ label: c.label!.text, range: c.label!.range, text: clauseText(c) })),
      })),
      paragraphs: res.annexes.flatMap((a) =>
        a.paragraphs.filter((p) => p.number).map((p) => ({ label: p.number!.text, range: p.number!.range, text: p.content.text.slice(p.number!.text.length).trim() })),
      ),
    });
  }
  return out;
}

function yearOf(id: string, data: ReferenceData, extra: Meeting[]): number {
  return data.meetingById(id)?.year ?? extra.find((m) => m.id === id)?.year ?? 0;
}

/** `ITU-R 56` → `56` for RA texts (the data keys RA resolutions by their bare number). */
function normalizeNumber(n: string, body: MeetingBody): string {
  const clean = n.replace(/[\u00a0\s]+/g, ' ').trim();
  return body === 'RA' ? clean.replace(/^ITU-R\s*/i, '') : clean;
}

/**
 * A cheap fingerprint of what {@link extractResolutions} reads (number lines, titles,
 * history lines, preambles, calls, clause labels and paragraph numbers): when it is unchanged, the extracted entries are too, apart
 * from ranges. Proportional to the number of resolutions, not to the text.
 */
export function headerSignature(doc: ResDocument): string {
  let s = '';
  for (const r of doc.resolutions) {
    s += `${r.numberLine.range.start.line}\u0001${r.numberLine.content.text}\u0001${r.title?.text ?? ''}\u0001${r.history?.content.text ?? ''}\u0001${r.preamble?.body ?? ''}\u0002`;
    // the outline: what references to its clauses and paragraphs are checked against
    for (const sec of r.sections) {
      s += `${sec.call.head}\u0003${sec.call.modifier ?? ''}\u0003${sec.call.text}`;
      for (const c of sec.clauses) if (c.label) s += `\u0004${c.label.text}`;
    }
    for (const a of r.annexes) for (const p of a.paragraphs) if (p.number) s += `\u0005${p.number.text}`;
    s += '\u0002';
  }
  return s;
}
