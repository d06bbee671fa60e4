/**
 * Built-in reference data: meetings, names of bodies, study groups, resolutions and
 * ITU Recommendations (server/data/*.json), loaded once and indexed for the rules.
 *
 * The JSON files are pulled in with `import`/`require` so esbuild bundles them: the
 * product never reads them from disk or the network at run time. resolutions.json and
 * recommendations.json are optional (another data set fills them); a missing file or an
 * empty array is treated as "no entries".
 *
 * Every lookup that takes a name or a place is tolerant of what Word exports: non-breaking
 * spaces and hyphens, repeated spaces, letter case and accents (`Florianopolis` finds
 * `Florianópolis`). Abbreviations are matched case-sensitively (`RA` is not `ra`).
 */

import type {
  Body,
  Meeting,
  MeetingBody,
  NamedGroup,
  RecommendationEntry,
  ResolutionEntry,
  StudyGroup,
  StudyPeriod,
  Version,
} from './schema';
import { BoundedMemo } from '../util/memo';
import meetingsFile from '../../data/meetings.json';
import bodiesFile from '../../data/bodies.json';
import studyGroupsFile from '../../data/studygroups.json';

export type Sector = StudyPeriod['sector'];
export type ResolutionType = ResolutionEntry['type'];

/** The contents of the data files, as parsed JSON. Every part may be missing. */
export interface ReferenceFiles {
  meetings?: { meetings?: Meeting[] };
  bodies?: { bodies?: Body[] };
  studygroups?: { periods?: StudyPeriod[]; groups?: NamedGroup[] };
  resolutions?: { resolutions?: ResolutionEntry[] };
  recommendations?: { recommendations?: RecommendationEntry[] };
  /** never built in: only reference documents give a text's clauses */
  outlines?: TextOutline[];
}

/** What a user reference document may add or override (see {@link ReferenceData.extend}). */
export interface ReferenceExtension {
  meetings?: Meeting[];
  resolutions?: ResolutionEntry[];
  recommendations?: RecommendationEntry[];
  outlines?: TextOutline[];
}

/**
 * The parts and clause labels of one revision of a text, and its paragraph numbers, as a
 * reference document gives them: what references to its clauses (`resolves 3 of
 * Resolution 18 (…)`, `9.5.2 of Resolution 1 (…)`) are checked against. Labels and numbers
 * only: a keystroke in an open document's clause text changes no outline.
 */
export interface TextOutline {
  body: MeetingBody;
  type: ResolutionType;
  number: string;
  /** the meeting of the text's own revision (its number line) */
  meeting: string;
  /** the document it was read from */
  source: string;
  sections: OutlineSection[];
  /** the numbers of its numbered paragraphs (`9.5.2`), when it numbers them */
  paragraphs: string[];
}

export interface OutlineSection {
  /** canonical head: `resolves`, `instructs`, `considering` */
  head: string;
  modifier: 'further' | 'also' | null;
  /** the call as written (`instructs the Director of the Telecommunication Standardization Bureau`) */
  call: string;
  /** clause labels as written, in order */
  labels: string[];
}

/** How a name string relates to a body, for a matcher that scans text. */
export type NameRole = 'canonical' | 'variant' | 'wrong' | 'abbreviation';

export interface BodyName {
  text: string;
  role: NameRole;
  body: Body;
}

export interface WrongName {
  /** the wrong form as stored in the data */
  wrong: string;
  body: Body;
  /** the body's canonical name, which should replace it */
  canonical: string;
}

// ---------------------------------------------------------------------------
// normalization

const SPACE_LIKE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]+/g;
const HYPHEN_LIKE = /[\u2010\u2011\u2012\u2013\u2212\u00ad]/g;
const COMBINING = /[\u0300-\u036f]/g;

/** Plain spaces and hyphens, single spaces, trimmed; case and accents kept. */
export function cleanText(s: string): string {
  return s.replace(SPACE_LIKE, ' ').replace(HYPHEN_LIKE, '-').replace(/ {2,}/g, ' ').trim();
}

/** {@link cleanText}, then lower case and accents removed: the key of tolerant lookups. */
export function foldKey(s: string): string {
  return FOLDED.get(s, foldKeyOf);
}

const foldKeyOf = (s: string): string => cleanText(s).normalize('NFD').replace(COMBINING, '').toLowerCase();
/**
 * the keys of the names and places looked up (a few hundred: places, bodies, groups), each
 * folded once; not a per-line memo, so the benchmark's "nothing found again" keeps it
 */
const FOLDED = new BoundedMemo<string>(5000);

/** Key for abbreviations: plain hyphens, no spaces around them, case kept. */
function abbrKey(s: string): string {
  // a match starts only where white space does (`(?<!\s)`): a long run without a hyphen is tried once, not from each of its characters
  return cleanText(s).replace(/(?<!\s)\s*-\s*/g, '-');
}

/** Key for meeting short names: `WRC-15`, `wrc 15`, `WRC‑2015` all give `WRC-15`/`WRC-2015`. */
function meetingAbbrKey(s: string): string {
  return cleanText(s).toUpperCase().replace(/\s*-\s*|\s+/g, '-');
}

function resolutionNumberKey(n: string): string {
  return cleanText(n).replace(/^ITU-R\s*/i, '').replace(/\s+/g, '').toUpperCase();
}

function recommendationNumberKey(n: string): string {
  return cleanText(n)
    .replace(/^(ITU-[TRD])\s*/i, '')
    .replace(/\s+/g, '')
    .toUpperCase();
}

function resolutionKey(body: MeetingBody, type: ResolutionType, number: string): string {
  return `${body}|${type}|${resolutionNumberKey(number)}`;
}

function recommendationKey(sector: Sector, number: string): string {
  return `${sector}|${recommendationNumberKey(number)}`;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const BODY_ORDER: MeetingBody[] = ['PP', 'WTSA', 'WTDC', 'RA', 'WRC'];

// ---------------------------------------------------------------------------

export class ReferenceData {
  readonly meetings: readonly Meeting[];
  readonly bodies: readonly Body[];
  readonly studyPeriods: readonly StudyPeriod[];
  readonly namedGroups: readonly NamedGroup[];
  readonly resolutions: readonly ResolutionEntry[];
  readonly recommendations: readonly RecommendationEntry[];

  private readonly meetingIndex = new Map<string, Meeting>();
  private readonly meetingsByBodyIndex = new Map<MeetingBody, Meeting[]>();
  private readonly meetingsByPlaceYear = new Map<string, Meeting[]>();
  private readonly meetingAbbrIndex = new Map<string, Meeting>();
  private readonly placeKeys = new Map<string, string>();

  private readonly bodyIndex = new Map<string, Body>();
  private readonly bodyNameIndex = new Map<string, Body>();
  private readonly bodyAbbrIndex = new Map<string, Body>();
  private readonly wrongExact = new Map<string, WrongName>();
  private readonly wrongFolded = new Map<string, WrongName>();
  private readonly names: BodyName[] = [];

  private readonly groupsByYear = new Map<string, Map<number, StudyGroup>>();
  private readonly periodsBySector = new Map<Sector, StudyPeriod[]>();
  private readonly namedGroupIndex = new Map<string, NamedGroup>();

  private readonly resolutionIndex = new Map<string, ResolutionEntry>();
  private readonly resolutionsByBodyIndex = new Map<MeetingBody, ResolutionEntry[]>();
  private readonly recommendationIndex = new Map<string, RecommendationEntry>();
  readonly outlines: readonly TextOutline[];
  private readonly outlineIndex = new Map<string, TextOutline>();

  constructor(files: ReferenceFiles) {
    this.meetings = [...(files.meetings?.meetings ?? [])].sort(
      (a, b) => a.year - b.year || BODY_ORDER.indexOf(a.body) - BODY_ORDER.indexOf(b.body),
    );
    this.bodies = files.bodies?.bodies ?? [];
    this.studyPeriods = files.studygroups?.periods ?? [];
    this.namedGroups = files.studygroups?.groups ?? [];
    this.resolutions = files.resolutions?.resolutions ?? [];
    this.recommendations = files.recommendations?.recommendations ?? [];
    this.indexMeetings();
    this.indexBodies();
    this.indexStudyGroups();
    this.indexResolutions();
    this.outlines = files.outlines ?? [];
    // a later outline of the same revision wins (open documents come last)
    for (const o of this.outlines) this.outlineIndex.set(`${resolutionKey(o.body, o.type, o.number)}|${o.meeting}`, o);
  }

  /** Builds reference data from parsed files (tests, user reference documents). */
  static fromFiles(files: ReferenceFiles): ReferenceData {
    return new ReferenceData(files);
  }

  /**
   * A new ReferenceData with the given entries added; an entry with the same key as a
   * built-in one replaces it (meetings by id, resolutions by body/type/number,
   * Recommendations by sector/number). `this` is not changed.
   */
  extend(ext: ReferenceExtension): ReferenceData {
    const meetings = new Map(this.meetings.map((m) => [m.id, m] as const));
    for (const m of ext.meetings ?? []) meetings.set(m.id, m);
    const resolutions = new Map(
      this.resolutions.map((r) => [resolutionKey(r.body, r.type, r.number), r] as const),
    );
    for (const r of ext.resolutions ?? []) resolutions.set(resolutionKey(r.body, r.type, r.number), r);
    const recommendations = new Map(
      this.recommendations.map((r) => [recommendationKey(r.sector, r.number), r] as const),
    );
    for (const r of ext.recommendations ?? []) recommendations.set(recommendationKey(r.sector, r.number), r);
    return new ReferenceData({
      meetings: { meetings: [...meetings.values()] },
      bodies: { bodies: [...this.bodies] },
      studygroups: { periods: [...this.studyPeriods], groups: [...this.namedGroups] },
      resolutions: { resolutions: [...resolutions.values()] },
      recommendations: { recommendations: [...recommendations.values()] },
      outlines: [...this.outlines, ...(ext.outlines ?? [])],
    });
  }

  // ---- meetings -------------------------------------------------------------

  private indexMeetings(): void {
    for (const m of this.meetings) {
      this.meetingIndex.set(m.id, m);
      pushTo(this.meetingsByBodyIndex, m.body, m);
      for (const place of [m.place, ...(m.placeVariants ?? [])]) {
        const key = foldKey(place);
        if (!this.placeKeys.has(key)) this.placeKeys.set(key, m.place);
        pushTo(this.meetingsByPlaceYear, `${key}|${m.year}`, m);
      }
      this.meetingAbbrIndex.set(meetingAbbrKey(m.id), m);
      if (m.abbreviation) this.meetingAbbrIndex.set(meetingAbbrKey(m.abbreviation), m);
    }
  }

  meetingById(id: string): Meeting | undefined {
    return this.meetingIndex.get(id);
  }

  /** The meetings of one body, oldest first. */
  meetingsByBody(body: MeetingBody): readonly Meeting[] {
    return this.meetingsByBodyIndex.get(body) ?? [];
  }

  /** All meetings held at that place in that year (any body). */
  findMeetings(place: string, year: number): readonly Meeting[] {
    return this.meetingsByPlaceYear.get(`${foldKey(place)}|${year}`) ?? [];
  }

  /**
   * The meeting of `body` at `place` in `year`; with `body` null, the first such meeting
   * of any body (PP, WTSA, WTDC, RA, WRC order). Place spellings, accents, case and
   * non-breaking spaces are tolerated.
   */
  findMeeting(body: MeetingBody | null, place: string, year: number): Meeting | undefined {
    const found = this.findMeetings(place, year);
    return body === null ? found[0] : found.find((m) => m.body === body);
  }

  /** By short name or id: `WRC-15`, `WRC-2015`, `WTSA-20` (held 2022), `RA-07`. */
  meetingByAbbreviation(abbreviation: string): Meeting | undefined {
    return this.meetingAbbrIndex.get(meetingAbbrKey(abbreviation));
  }

  /** The place as ITU writes it (`Florianópolis` for `Florianopolis`), if any meeting was held there. */
  canonicalPlace(place: string): string | undefined {
    return this.placeKeys.get(foldKey(place));
  }

  /** The meeting of `body` held last in or before `year`. */
  latestMeetingOf(body: MeetingBody, year: number): Meeting | undefined {
    let found: Meeting | undefined;
    for (const m of this.meetingsByBody(body)) if (m.year <= year) found = m;
    return found;
  }

  // ---- bodies ---------------------------------------------------------------

  private indexBodies(): void {
    for (const b of this.bodies) {
      this.bodyIndex.set(b.id, b);
      this.names.push({ text: b.canonical, role: 'canonical', body: b });
      this.setOnce(this.bodyNameIndex, foldKey(b.canonical), b);
      for (const v of b.variants ?? []) {
        this.names.push({ text: v, role: 'variant', body: b });
        this.setOnce(this.bodyNameIndex, foldKey(v), b);
      }
      if (b.abbreviation) {
        this.names.push({ text: b.abbreviation, role: 'abbreviation', body: b });
        this.setOnce(this.bodyAbbrIndex, abbrKey(b.abbreviation), b);
      }
    }
    for (const b of this.bodies) {
      for (const w of b.wrong ?? []) {
        const entry: WrongName = { wrong: w, body: b, canonical: b.canonical };
        this.names.push({ text: w, role: 'wrong', body: b });
        this.wrongExact.set(cleanText(w), entry);
        // A case-insensitive match is only safe when no accepted name folds to the same key
        // (`Study Groups` is wrong, `study groups` is right).
        const folded = foldKey(w);
        if (!this.bodyNameIndex.has(folded)) this.wrongFolded.set(folded, entry);
      }
    }
    this.names.sort((a, b) => b.text.length - a.text.length || a.text.localeCompare(b.text));
  }

  private setOnce<V>(map: Map<string, V>, key: string, value: V): void {
    if (!map.has(key)) map.set(key, value);
  }

  bodyById(id: string): Body | undefined {
    return this.bodyIndex.get(id);
  }

  /** Case-insensitive exact match over canonical names and accepted variants. */
  bodyByName(name: string): Body | undefined {
    return this.bodyNameIndex.get(foldKey(name));
  }

  /** Exact (case-sensitive) abbreviation: `TSB`, `ITU-T` (also with a non-breaking hyphen). */
  bodyByAbbreviation(abbreviation: string): Body | undefined {
    return this.bodyAbbrIndex.get(abbrKey(abbreviation));
  }

  /**
   * A known wrong form (`Telecommunications Standardization Bureau`) and its canonical
   * name. Exact case first; case-insensitive when that cannot be confused with an
   * accepted name.
   */
  wrongName(name: string): WrongName | undefined {
    return this.wrongExact.get(cleanText(name)) ?? this.wrongFolded.get(foldKey(name));
  }

  /** Every name string (canonical, variants, wrong forms, abbreviations), longest first. */
  allBodyNames(): readonly BodyName[] {
    return this.names;
  }

  /** Bodies that may be addressed by instructs/invites/requests … */
  addressees(): readonly Body[] {
    return this.bodies.filter((b) => b.addressee);
  }

  // ---- study groups ---------------------------------------------------------

  private indexStudyGroups(): void {
    for (const p of this.studyPeriods) {
      pushTo(this.periodsBySector, p.sector, p);
      for (let year = p.start; year <= p.end; year++) {
        const key = `${p.sector}|${year}`;
        let groups = this.groupsByYear.get(key);
        if (!groups) this.groupsByYear.set(key, (groups = new Map()));
        for (const g of p.groups) {
          if (g.start !== undefined && g.start > year) continue;
          if (!groups.has(g.number)) groups.set(g.number, g);
        }
      }
    }
    for (const list of this.periodsBySector.values()) list.sort((a, b) => a.start - b.start);
    for (const g of this.namedGroups) {
      this.setOnce(this.namedGroupIndex, foldKey(g.name), g);
      if (g.abbreviation) this.setOnce(this.namedGroupIndex, foldKey(g.abbreviation), g);
    }
  }

  /** The study periods of a sector that include `year` (two when a period ended late). */
  studyPeriodsFor(sector: Sector, year: number): readonly StudyPeriod[] {
    return (this.periodsBySector.get(sector) ?? []).filter((p) => p.start <= year && year <= p.end);
  }

  /** Whether the data covers `year` for that sector at all. */
  hasStudyGroupData(sector: Sector, year: number): boolean {
    return this.groupsByYear.has(`${sector}|${year}`);
  }

  /** The study groups of a sector that existed in `year`, by number. Empty when unknown. */
  studyGroupsFor(sector: Sector, year: number): readonly StudyGroup[] {
    const groups = this.groupsByYear.get(`${sector}|${year}`);
    return groups ? [...groups.values()].sort((a, b) => a.number - b.number) : [];
  }

  /** Whether Study Group `number` of `sector` existed in `year`. */
  studyGroupExisted(sector: Sector, number: number, year: number): boolean {
    return this.groupsByYear.get(`${sector}|${year}`)?.has(number) ?? false;
  }

  /** A focus group or JCA by name or abbreviation (`FG IMT-2020`). */
  namedGroup(nameOrAbbreviation: string): NamedGroup | undefined {
    return this.namedGroupIndex.get(foldKey(nameOrAbbreviation));
  }

  // ---- resolutions and Recommendations ---------------------------------------

  private indexResolutions(): void {
    for (const r of this.resolutions) {
      this.resolutionIndex.set(resolutionKey(r.body, r.type, r.number), r);
      pushTo(this.resolutionsByBodyIndex, r.body, r);
    }
    for (const r of this.recommendations) this.recommendationIndex.set(recommendationKey(r.sector, r.number), r);
  }

  /** `resolution('RA', 'Resolution', '56')`; `ITU-R 56` is accepted as the number too. */
  resolution(body: MeetingBody, type: ResolutionType, number: string): ResolutionEntry | undefined {
    return this.resolutionIndex.get(resolutionKey(body, type, number));
  }

  /** The parts, clause labels and paragraph numbers of a text as revised at `meetingId`, when a reference document gives that revision. */
  outline(body: MeetingBody, type: ResolutionType, number: string, meetingId: string): TextOutline | undefined {
    return this.outlineIndex.size ? this.outlineIndex.get(`${resolutionKey(body, type, number)}|${meetingId}`) : undefined;
  }

  resolutionsByBody(body: MeetingBody): readonly ResolutionEntry[] {
    return this.resolutionsByBodyIndex.get(body) ?? [];
  }

  /**
   * The latest adoption or revision of `entry` made at a meeting held in or before
   * `year`: what a document of that year should cite. Undefined when the text did not
   * exist yet.
   */
  latestVersion(entry: ResolutionEntry, year: number): Version | undefined {
    let found: Version | undefined;
    for (const v of entry.versions) {
      const m = this.meetingById(v.meeting);
      if (m && m.year <= year) found = v;
    }
    return found;
  }

  /** Whether `entry` had been suppressed by a meeting held in or before `year`. */
  suppressedBy(entry: ResolutionEntry, year: number): Meeting | undefined {
    if (!entry.suppressed) return undefined;
    const m = this.meetingById(entry.suppressed);
    return m && m.year <= year ? m : undefined;
  }

  /** `recommendation('ITU-T', 'Y.3001')`; `ITU-T Y.3001` is accepted as the number too. */
  recommendation(sector: Sector, number: string): RecommendationEntry | undefined {
    return this.recommendationIndex.get(recommendationKey(sector, number));
  }
}

// ---------------------------------------------------------------------------
// the built-in data, loaded once

/**
 * `require` of a data file that may not exist yet. Inside try/catch esbuild bundles the
 * file when it exists and only warns when it does not.
 */
function optionalResolutions(): ReferenceFiles['resolutions'] {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('../../data/resolutions.json') as ReferenceFiles['resolutions'];
  } catch {
    return undefined;
  }
}

function optionalRecommendations(): ReferenceFiles['recommendations'] {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('../../data/recommendations.json') as ReferenceFiles['recommendations'];
  } catch {
    return undefined;
  }
}

/** The parsed built-in data files (resolutions and Recommendations may be absent). */
export function builtInFiles(): ReferenceFiles {
  return {
    meetings: meetingsFile as unknown as ReferenceFiles['meetings'],
    bodies: bodiesFile as unknown as ReferenceFiles['bodies'],
    studygroups: studyGroupsFile as unknown as ReferenceFiles['studygroups'],
    resolutions: optionalResolutions(),
    recommendations: optionalRecommendations(),
  };
}

let cached: ReferenceData | undefined;

/** The built-in reference data, indexed once and shared. */
export function loadReferenceData(): ReferenceData {
  return (cached ??= new ReferenceData(builtInFiles()));
}
