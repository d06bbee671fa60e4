/**
 * Citations of other ITU texts in the prose of a document (SPEC §3):
 *
 *   Resolution 43 (Rev. Dubai, 2014) of the World Telecommunication Development Conference
 *   Resolutions 17 and 26 (Rev. Johannesburg, 2008)
 *   Resolution ITU-R 56 (Rev. Geneva, 2015) of the Radiocommunication Assembly
 *   Resolution 238 (WRC-15), Recommendation 207 (Rev. WRC-15)
 *   Decision 5 (Rev. Dubai, 2018) of the Plenipotentiary Conference
 *   Recommendation ITU-T A.7, Recommendations ITU-T Y.3001 and Y.3011
 *
 * Two stages. {@link findCitations} reads the text only (no reference data) and records
 * what is written, including malformed forms (`Rev.Hammamet 2016`, `Resolution No. 5`,
 * `ITU-T Rec. A7`); it is what `Analysis.citations` holds. {@link resolveCitations} then
 * uses the reference data to decide which body issued each cited text, which meeting the
 * parenthesis names, the catalogue entry, and the document's own meeting (the "as of"
 * point for revisions and suppressions). Its result is cached per analysis and data.
 *
 * The number line and history line of a resolution are not citations; everything else
 * (cover included, for hover) is scanned. Rules ignore citations in cover text: a
 * foreword is not resolution text (SPEC §6).
 *
 * All regular expressions are sticky or anchored and free of nested unbounded
 * quantifiers: scanning is linear in the text.
 */
import { movedRange, movedRangeOrNull, rangeIn } from '../model/content';
import type { Content, Range, ResDocument, Resolution } from '../model/types';
import type { Meeting, MeetingBody, RecommendationEntry, ResolutionEntry, Version } from '../data/schema';
import { foldKey, type ReferenceData } from '../data/reference';
import { detachedUnit, unitFacts, type TextUnit } from './texts';
import { ContentSlot } from '../util/memo';
import type { Analysis } from './analysis';
import { anchorShape } from '../util/shapes';

export type CitedType = 'Resolution' | 'Recommendation' | 'Decision' | 'Opinion';
export type Sector = 'ITU-T' | 'ITU-R' | 'ITU-D';

/** The parenthesis after a cited number: `(Rev. Hammamet, 2016)`, `(WRC-15)`. */
export interface CitedMeeting {
  /** text inside the parentheses */
  raw: string;
  /** range of the text inside the parentheses */
  range: Range;
  rev: boolean;
  /** `Rev.`, `Rev`, `rev.` as written, '' when absent */
  revText: string;
  /** white space written after the Rev token */
  revSpace: string;
  /** place as written (trimmed); for the WRC form the canonical `WRC-15` */
  place: string;
  year: number | null;
  wrcForm: boolean;
  /** `WRC`, `WARC`, `RRC` for the WRC form */
  wrcPrefix: string | null;
  /** a comma separates place and year (always true when one of them is missing) */
  comma: boolean;
  /** the separator between `WRC` and the year as written (`-`, ` `, '') */
  wrcSeparator: string;
  /** the well-formed content: `Rev. Hammamet, 2016`, `WRC-15`; '' when place or year is missing */
  canonical: string;
}

export interface CitedItem {
  /** as written: `17`, `ITU-R 56`, `A.7`, `A7` */
  text: string;
  /** the number for lookups: `17`, `56`, `A.7` (a missing dot restored) */
  number: string;
  range: Range;
  /** the item's own parenthesis when each item has one (`Resolutions 17 (…) and 26 (…)`) */
  meeting: CitedMeeting | null;
  /** `ITU-R` written before this number */
  ituR: boolean;
  /** for Recommendations: the dot between series and number is missing (`A7`) */
  missingDot: boolean;
  /** the revision number of an RA resolution written `ITU-R 56-2` (`2`), or null */
  revisionSuffix: string | null;
}

export type BodyPhraseKind = MeetingBody | 'self' | 'other';

export interface BodyPhrase {
  /** from `of` to the end of the phrase */
  text: string;
  range: Range;
  body: BodyPhraseKind;
  /** for `of this assembly`: the noun (`assembly` / `conference`) and its range */
  selfNoun: string | null;
  selfNounRange: Range | null;
}

export type RecommendationForm =
  /** `Recommendation ITU-T A.7` */
  | 'standard'
  /** `ITU-T Recommendation A.7`, `ITU-T Rec. A.7` */
  | 'sector-first'
  /** `Rec. ITU-T A.7` */
  | 'abbreviated'
  /** `Recommendation A.7` (no sector) */
  | 'no-sector';

export interface Citation {
  /** `text`: resolutions, decisions, opinions and WRC Recommendations; `recommendation`: ITU-T/R/D Recommendations */
  family: 'text' | 'recommendation';
  type: CitedType;
  /** the keyword as written: `Resolution`, `Resolutions`, `Rec.` */
  keyword: string;
  keywordRange: Range;
  plural: boolean;
  /** `No. ` before the number (to be removed) */
  noRange: Range | null;
  /** `ITU-R ` written before the first number of a resolution (with its trailing space) */
  ituRRange: Range | null;
  /** Recommendations: the sector written, and the form */
  sector: Sector | null;
  sectorRange: Range | null;
  recForm: RecommendationForm | null;
  /** the range of what a well-formed Recommendation citation replaces (`ITU-T Rec. A.7` → whole) */
  headRange: Range;
  items: CitedItem[];
  /** the parenthesis shared by all items (the only one, after the last item) */
  meeting: CitedMeeting | null;
  bodyPhrase: BodyPhrase | null;
  /** a body abbreviation written before the keyword: `WTSA Resolution 1`, `Council Resolution 1333` */
  prefixBody: BodyPhraseKind | null;
  /** from the keyword (or prefix) to the end of the body phrase */
  range: Range;
  unit: TextUnit;
  /** index of the resolution the text is in, -1 outside any */
  resolution: number;
}

// ---------------------------------------------------------------------------
// stage 1: the text

const START_RE =
  /\b(?:(ITU-[TRD])[ \t]+(Recommendations?|Rec\.)|(?:(WTSA|PP|WTDC|WRC|RA|Council)[ \t]+)?(Resolutions?|Decisions?|Opinions?|Recommendations?|Rec\.))(?=[ \t])/g;
const WS_RE = /[ \t]+/y;
const NO_RE = /No\.?[ \t]*(?=\d)/y;
const SECTOR_RE = /(ITU-[TRD])[ \t]+/y;
const TEXT_ITEM_RE = /(ITU-R[ \t]+)?(\d{1,4}[A-Z]?)(-\d{1,2})?(?![\w/]|[.,]\d|-\w)/y;
const REC_ITEM_RE = /([A-Z]{1,3})(\.?)(\d{1,4}(?:\.\d{1,3})?)(?![\w/]|\.\d)/y;
const PAREN_RE = /[ \t]*\(([^()]{1,80})\)/y;
const SEP_RE = /[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+)/y;
const OF_RE = /[ \t]+of[ \t]+/y;

const BODY_PHRASES: [RegExp, BodyPhraseKind][] = [
  [/(?:this|the present)[ \t]+(assembly|conference|Assembly|Conference)\b/y, 'self'],
  [/(?:the[ \t]+)?Plenipotentiary[ \t]+Conference(?:[ \t]+\(PP\))?/y, 'PP'],
  [/(?:the[ \t]+)?World[ \t]+Telecommunication[ \t]+Development[ \t]+Conference(?:[ \t]+\(WTDC\))?/y, 'WTDC'],
  [/(?:the[ \t]+)?World[ \t]+Telecommunication[ \t]+Standardi[sz]ation[ \t]+Assembly(?:[ \t]+\(WTSA\))?/y, 'WTSA'],
  [/(?:the[ \t]+)?World[ \t]+Radiocommunication[ \t]+Conference(?:[ \t]+\(WRC\))?/y, 'WRC'],
  [/(?:the[ \t]+)?(?:ITU[ \t]+)?Radiocommunication[ \t]+Assembly(?:[ \t]+\(RA\))?/y, 'RA'],
  [/(?:the[ \t]+)?(?:ITU[ \t]+)?Council\b/y, 'other'],
  [/(?:the[ \t]+)?World[ \t]+Conference[ \t]+on[ \t]+International[ \t]+Telecommunications\b/y, 'other'],
  [/(WTSA|PP|WTDC|WRC|RA)\b(?!-)/y, 'ABBR' as BodyPhraseKind],
];

const WRC_MEETING_RE = /^(WRC|WARC|RRC)([- \t]?)(\d{2,4})$/;
const REV_RE = /^(Rev|rev|REV)(\.?)([ \t]*)/;
const PLACE_YEAR_RE = /^([^\d,;()]*?)[ \t]*(,?)[ \t]*((?:19|20)\d\d)?$/;

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Parses the inside of a parenthesis as a meeting; null when it does not look like one. */
export function parseCitedMeeting(raw: string): Omit<CitedMeeting, 'range'> | null {
  let s = raw.trim();
  if (!s) return null;
  let revText = '';
  let revSpace = '';
  const r = REV_RE.exec(s);
  // `Rev` must end the word: `Reykjavik` is a place
  if (r && (r[2] || r[3] || s.length === 3)) {
    revText = r[1] + r[2];
    revSpace = r[3];
    s = s.slice(r[0].length);
  }
  const rev = revText !== '';
  const w = WRC_MEETING_RE.exec(s);
  if (w) {
    const yy = parseInt(w[3], 10);
    const year = w[3].length === 4 ? yy : yy >= 50 ? 1900 + yy : 2000 + yy;
    const place = `${w[1]}-${w[3]}`;
    return {
      raw,
      rev,
      revText,
      revSpace,
      place,
      year,
      wrcForm: true,
      wrcPrefix: w[1],
      comma: true,
      wrcSeparator: w[2],
      canonical: `${rev ? 'Rev. ' : ''}${place}`,
    };
  }
  const m = PLACE_YEAR_RE.exec(s);
  if (!m) return null;
  const place = m[1].trim();
  const year = m[3] ? parseInt(m[3], 10) : null;
  if (!rev && year === null) {
    // a bare parenthesis is a meeting only when it reads like a place name: `(Hammamet)`, `(Buenos Aires)`
    if (!/^[A-Z][a-zà-ÿ]+(?:[ -][A-Za-zà-ÿ]+){0,3}$/.test(place) || /^(?:See|Rev|Annex|Appendix)/.test(place)) return null;
  }
  if (!place && year === null) return null;
  const comma = m[2] === ',' || !place || year === null;
  return {
    raw,
    rev,
    revText,
    revSpace,
    place,
    year,
    wrcForm: false,
    wrcPrefix: null,
    comma,
    wrcSeparator: '',
    canonical: place && year !== null ? `${rev ? 'Rev. ' : ''}${place}, ${year}` : '',
  };
}

function meetingAt(c: Content, text: string, at: number): { meeting: CitedMeeting; end: number } | null {
  const p = sticky(PAREN_RE, text, at);
  if (!p) return null;
  const parsed = parseCitedMeeting(p[1]);
  if (!parsed) return null;
  const innerStart = at + p[0].length - p[1].length - 1;
  return { meeting: { ...parsed, range: rangeIn(c, innerStart, innerStart + p[1].length) }, end: at + p[0].length };
}

function typeOf(keyword: string): CitedType {
  if (keyword.startsWith('Res')) return 'Resolution';
  if (keyword.startsWith('Dec')) return 'Decision';
  if (keyword.startsWith('Opi')) return 'Opinion';
  return 'Recommendation';
}

/** Finds the citations in one run of text. */
export function scanCitations(unit: TextUnit, out: Citation[]): void {
  const c = unit.content;
  const text = c.text;
  if (text.length < 8) return;
  // most lines cite nothing: a plain search is cheaper than the regular expression
  if (text.indexOf('Res') < 0 && text.indexOf('Rec') < 0 && text.indexOf('Dec') < 0 && text.indexOf('Opin') < 0) return;
  START_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = START_RE.exec(text))) {
    const found = parseAt(unit, m);
    if (found) {
      out.push(found.citation);
      START_RE.lastIndex = Math.max(found.end, m.index + m[0].length);
    }
  }
}

function parseAt(unit: TextUnit, m: RegExpExecArray): { citation: Citation; end: number } | null {
  const c = unit.content;
  const text = c.text;
  const start = m.index;
  const sectorFirst = m[1] as Sector | undefined;
  const keyword = sectorFirst ? m[2] : m[4];
  const keywordStart = sectorFirst ? start + m[0].length - m[2].length : start + m[0].length - m[4].length;
  const prefix = (m[3] as string | undefined) ?? null;
  const type = typeOf(keyword);
  const plural = keyword.endsWith('s');
  let p = start + m[0].length;
  const ws = sticky(WS_RE, text, p);
  if (!ws) return null;
  p += ws[0].length;

  let noRange: Range | null = null;
  const no = sticky(NO_RE, text, p);
  if (no) {
    noRange = rangeIn(c, p, p + no[0].length);
    p += no[0].length;
  }

  let sector: Sector | null = sectorFirst ?? null;
  let sectorRange: Range | null = sectorFirst ? rangeIn(c, start, start + sectorFirst.length) : null;
  let recForm: RecommendationForm | null = null;
  let family: Citation['family'] = 'text';
  let ituRRange: Range | null = null;
  if (type === 'Recommendation') {
    const sm = sticky(SECTOR_RE, text, p);
    if (sectorFirst) {
      recForm = 'sector-first';
      family = 'recommendation';
    } else if (sm) {
      sector = sm[1] as Sector;
      sectorRange = rangeIn(c, p, p + sm[1].length);
      recForm = keyword === 'Rec.' ? 'abbreviated' : 'standard';
      family = 'recommendation';
      p += sm[0].length;
    } else if (sticky(REC_ITEM_RE, text, p)) {
      recForm = 'no-sector';
      family = 'recommendation';
    } else if (keyword === 'Rec.') {
      return null;
    }
  } else if (keyword === 'Rec.') {
    return null;
  }
  const items: CitedItem[] = [];
  const itemMeetings: (CitedMeeting | null)[] = [];
  let firstItemEnd = p;
  let end = p;
  for (;;) {
    let item: CitedItem | null = null;
    let q = p;
    if (family === 'recommendation') {
      // the sector may be repeated before a further number: `Recommendations ITU-T A.1 and ITU-T A.2`
      if (items.length > 0 && sector && recForm === 'standard') {
        const again = sticky(SECTOR_RE, text, q);
        if (again && again[1] === sector && sticky(REC_ITEM_RE, text, q + again[0].length)) q += again[0].length;
      }
      const im = sticky(REC_ITEM_RE, text, q);
      if (im) {
        const missingDot = im[2] === '' && !im[3].includes('.');
        item = {
          text: im[0],
          number: `${im[1]}.${im[3]}`,
          range: rangeIn(c, q, q + im[0].length),
          meeting: null,
          ituR: false,
          missingDot,
          revisionSuffix: null,
        };
        // a bare letter+digits after the first item is ordinary text (`and E2E`), not a series number
        if (missingDot && items.length > 0) item = null;
        else q += im[0].length;
      }
    } else {
      const im = sticky(TEXT_ITEM_RE, text, q);
      if (im) {
        if (im[1] && type !== 'Resolution') return null;
        if (im[1] && items.length === 0) ituRRange = rangeIn(c, q, q + im[1].length);
        item = {
          text: im[0],
          number: im[2],
          range: rangeIn(c, q, q + im[0].length),
          meeting: null,
          ituR: !!im[1],
          missingDot: false,
          revisionSuffix: im[3] ? im[3].slice(1) : null,
        };
        q += im[0].length;
      }
    }
    if (!item) break;
    let own: CitedMeeting | null = null;
    if (family === 'text') {
      const mt = meetingAt(c, text, q);
      if (mt) {
        own = mt.meeting;
        q = mt.end;
      }
    }
    // after a first item with its own parenthesis, a further item counts only with its own
    if (items.length > 0 && itemMeetings[0] && !own) break;
    if (items.length === 0) firstItemEnd = p + item.text.length;
    items.push(item);
    itemMeetings.push(own);
    end = q;
    p = q;
    const sep = sticky(SEP_RE, text, p);
    if (!sep) break;
    p += sep[0].length;
  }
  if (items.length === 0) return null;

  let shared: CitedMeeting | null = null;
  const withMeeting = itemMeetings.filter(Boolean).length;
  if (withMeeting === 1 && itemMeetings[items.length - 1]) {
    shared = itemMeetings[items.length - 1];
  } else {
    items.forEach((it, i) => (it.meeting = itemMeetings[i]));
  }

  let bodyPhrase: BodyPhrase | null = null;
  if (family === 'text') {
    const of = sticky(OF_RE, text, end);
    if (of) {
      const at = end + of[0].length;
      for (const [re, kind] of BODY_PHRASES) {
        const bm = sticky(re, text, at);
        if (!bm) continue;
        let body = kind;
        let selfNoun: string | null = null;
        let selfNounRange: Range | null = null;
        if (kind === 'self') {
          selfNoun = bm[1];
          const nounAt = at + bm[0].length - bm[1].length;
          selfNounRange = rangeIn(c, nounAt, nounAt + bm[1].length);
        }
        if ((kind as string) === 'ABBR') body = bm[1] as MeetingBody;
        const phraseEnd = at + bm[0].length;
        const ofStart = end + of[0].length - of[0].trimStart().length;
        bodyPhrase = { text: text.slice(ofStart, phraseEnd), range: rangeIn(c, ofStart, phraseEnd), body, selfNoun, selfNounRange };
        end = phraseEnd;
        break;
      }
    }
  }
  const headStart = sectorFirst ? start : keywordStart;
  const citation: Citation = {
    family,
    type,
    keyword,
    keywordRange: rangeIn(c, keywordStart, keywordStart + keyword.length),
    plural,
    noRange,
    ituRRange,
    sector,
    sectorRange,
    recForm,
    headRange: rangeIn(c, headStart, firstItemEnd),
    items,
    meeting: shared,
    bodyPhrase,
    prefixBody: prefix === 'Council' ? 'other' : (prefix as MeetingBody | null),
    range: rangeIn(c, start, end),
    unit,
    resolution: unit.resolution,
  };
  return { citation, end };
}

const SKIPPED_KINDS = new Set(['number', 'history', 'call', 'preamble']);

/** Every citation of the document, in line order. */
export function findCitations(doc: ResDocument, units: TextUnit[]): Citation[] {
  void doc;
  const out: Citation[] = [];
  for (const u of units) {
    if (SKIPPED_KINDS.has(u.kind)) continue;
    const known = BY_CONTENT.get(unitFacts(u), u.content, (content) => {
      const found: Citation[] = [];
      scanCitations(detachedUnit(content, u.kind), found);
      return found.length ? found : NO_CITATIONS;
    });
    // the same line at the same place as in an earlier model: its citations, placed in this unit
    for (const c of known) out.push({ ...c, unit: u, resolution: u.resolution });
  }
  return out;
}

const NO_CITATIONS: readonly Citation[] = [];
/** The citations found in each line's content (only the edited lines are scanned again). */
const BY_CONTENT = new ContentSlot<readonly Citation[]>(NO_CITATIONS, moveCitations);

/**
 * Citations found at one place, for the same text elsewhere: every range moved by `lines`
 * and `columns`, the rest copied. Written out field by field, not walked generically: a
 * text repeated in a long document moves its citations at every repetition. (A required
 * field added to Citation, CitedItem, CitedMeeting or BodyPhrase without a line here does
 * not compile; test/engine/memo.test.ts compares this with the generic moveRanges.)
 */
export function moveCitations(list: readonly Citation[], lines: number, columns: number): readonly Citation[] {
  const meeting = (m: CitedMeeting | null): CitedMeeting | null =>
    m === null
      ? null
      : {
          raw: m.raw,
          range: movedRange(m.range, lines, columns),
          rev: m.rev,
          revText: m.revText,
          revSpace: m.revSpace,
          place: m.place,
          year: m.year,
          wrcForm: m.wrcForm,
          wrcPrefix: m.wrcPrefix,
          comma: m.comma,
          wrcSeparator: m.wrcSeparator,
          canonical: m.canonical,
        };
  const out: Citation[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    const items: CitedItem[] = new Array(c.items.length);
    for (let k = 0; k < items.length; k++) {
      const it = c.items[k];
      items[k] = {
        text: it.text,
        number: it.number,
        range: movedRange(it.range, lines, columns),
        meeting: meeting(it.meeting),
        ituR: it.ituR,
        missingDot: it.missingDot,
        revisionSuffix: it.revisionSuffix,
      };
    }
    const b = c.bodyPhrase;
    out[i] = {
      family: c.family,
      type: c.type,
      keyword: c.keyword,
      keywordRange: movedRange(c.keywordRange, lines, columns),
      plural: c.plural,
      noRange: movedRangeOrNull(c.noRange, lines, columns),
      ituRRange: movedRangeOrNull(c.ituRRange, lines, columns),
      sector: c.sector,
      sectorRange: movedRangeOrNull(c.sectorRange, lines, columns),
      recForm: c.recForm,
      headRange: movedRange(c.headRange, lines, columns),
      items,
      meeting: meeting(c.meeting),
      bodyPhrase:
        b === null
          ? null
          : { text: b.text, range: movedRange(b.range, lines, columns), body: b.body, selfNoun: b.selfNoun, selfNounRange: movedRangeOrNull(b.selfNounRange, lines, columns) },
      prefixBody: c.prefixBody,
      range: movedRange(c.range, lines, columns),
      unit: c.unit,
      resolution: c.resolution,
    };
  }
  return out;
}

// ---------------------------------------------------------------------------
// stage 2: the reference data

export const BODY_NAMES: Record<MeetingBody, string> = {
  WTSA: 'World Telecommunication Standardization Assembly',
  PP: 'Plenipotentiary Conference',
  WTDC: 'World Telecommunication Development Conference',
  RA: 'Radiocommunication Assembly',
  WRC: 'World Radiocommunication Conference',
};

/** `assembly` or `conference`: how `of this …` names the body. */
export const BODY_NOUN: Record<MeetingBody, 'assembly' | 'conference'> = {
  WTSA: 'assembly',
  PP: 'conference',
  WTDC: 'conference',
  RA: 'assembly',
  WRC: 'conference',
};

/**
 * Bodies whose resolution numbers the data lists completely enough that a number absent
 * from it was never used. The other bodies' data is partial: absence proves nothing.
 */
export const COMPLETE_BODIES: ReadonlySet<MeetingBody> = new Set<MeetingBody>(['WTSA']);

/** The document's own adopting body and meeting: the "as of" point of its citations. */
export interface DocContext {
  body: MeetingBody | null;
  /** the meeting in the data, when found */
  meeting: Meeting | null;
  /** the meeting's year (known even when the meeting is not in the data) */
  year: number | null;
  /** `Hammamet, 2016` / `WRC-15`, for messages; '' when unknown */
  label: string;
}

export type BodySource = 'phrase' | 'prefix' | 'self' | 'itu-r' | 'wrc-form' | 'meeting' | 'none';

export interface ResolvedItem {
  citation: Citation;
  item: CitedItem;
  /** the effective parenthesis (the item's own, or the shared one) */
  meeting: CitedMeeting | null;
  /** the issuing body; null when it cannot be told or is not one of the five (Council) */
  body: MeetingBody | null;
  bodySource: BodySource;
  /** meetings at the cited place and year (or of the WRC abbreviation), any body */
  candidates: readonly Meeting[];
  /** when the parenthesis names a place without a year: the meetings held there */
  atPlace: readonly Meeting[];
  /** the cited meeting of `body` */
  cited: Meeting | null;
  entry: ResolutionEntry | null;
  recommendation: RecommendationEntry | null;
  doc: DocContext;
}

export interface ResolvedCitations {
  items: ResolvedItem[];
  /** the items rules check: not in cover text */
  readonly checked: ResolvedItem[];
  /** per resolution index (and -1 for text outside any resolution) */
  docContext(resolution: number): DocContext;
}

const EMPTY_CONTEXT: DocContext = { body: null, meeting: null, year: null, label: '' };

/** `Hammamet, 2016` or `WRC-15`. */
export function meetingLabel(m: Meeting): string {
  if (m.body === 'WRC') return m.abbreviation ?? `WRC-${String(m.year).slice(2)}`;
  return `${m.place}, ${m.year}`;
}

/** What goes inside the parentheses of a citation of that version: `Rev. Hammamet, 2016`. */
export function versionLabel(m: Meeting, kind: Version['kind']): string {
  return `${kind === 'rev' ? 'Rev. ' : ''}${meetingLabel(m)}`;
}

/**
 * Order of meeting `a` relative to `b`: -1 before, 0 same, 1 after, null when it cannot
 * be told (same year, different bodies, dates unknown).
 */
export function meetingOrder(a: Meeting, b: { id?: string; year: number; start?: string }): -1 | 0 | 1 | null {
  if (b.id && a.id === b.id) return 0;
  if (a.year !== b.year) return a.year < b.year ? -1 : 1;
  if (a.start && b.start && a.start !== b.start) return a.start < b.start ? -1 : 1;
  return null;
}

/** The document meeting as an order point. */
export function asOfPoint(doc: DocContext): { id?: string; year: number; start?: string } | null {
  if (doc.meeting) return doc.meeting;
  return doc.year !== null ? { year: doc.year } : null;
}

function contextOf(res: Resolution | undefined, data: ReferenceData): DocContext {
  if (!res) return EMPTY_CONTEXT;
  let body: MeetingBody | null = null;
  const pre = res.preamble;
  if (pre && pre.body !== 'unknown') body = pre.body;
  const nl = res.numberLine;
  if (!body && /^ITU-R/i.test(nl.number)) body = 'RA';
  const refs = [pre?.meeting, nl.meeting].filter((m): m is NonNullable<typeof m> => !!m);
  for (const ref of refs) {
    if (ref.wrcForm) {
      const m = data.meetingByAbbreviation(ref.place);
      if (m && (!body || m.body === body)) return { body: m.body, meeting: m, year: m.year, label: meetingLabel(m) };
      continue;
    }
    if (ref.year === null || !ref.place) continue;
    const found = data.findMeetings(ref.place, ref.year);
    const m = body ? found.find((f) => f.body === body) : found.length === 1 ? found[0] : undefined;
    if (m) return { body: m.body, meeting: m, year: m.year, label: meetingLabel(m) };
    return { body, meeting: null, year: ref.year, label: `${ref.place}, ${ref.year}` };
  }
  return { body, meeting: null, year: null, label: '' };
}

type MeetingMemo = Map<string, { candidates: readonly Meeting[]; atPlace: readonly Meeting[] }>;

function lookupMeeting(meeting: CitedMeeting, data: ReferenceData, memo: MeetingMemo) {
  const key = `${meeting.wrcForm ? 'W' : 'P'}|${meeting.place}|${meeting.year}`;
  let hit = memo.get(key);
  if (hit) return hit;
  let candidates: readonly Meeting[] = [];
  let atPlace: readonly Meeting[] = [];
  if (meeting.wrcForm) {
    const m = data.meetingByAbbreviation(meeting.place);
    candidates = m ? [m] : [];
  } else if (meeting.place && meeting.year !== null) {
    candidates = data.findMeetings(meeting.place, meeting.year);
  } else if (meeting.place) {
    atPlace = meetingsAtPlace(data, meeting.place);
  }
  hit = { candidates, atPlace };
  memo.set(key, hit);
  return hit;
}

function resolveOne(citation: Citation, item: CitedItem, doc: DocContext, data: ReferenceData, memo: MeetingMemo): ResolvedItem {
  const meeting = item.meeting ?? citation.meeting;
  let candidates: readonly Meeting[] = [];
  let atPlace: readonly Meeting[] = [];
  if (meeting) ({ candidates, atPlace } = lookupMeeting(meeting, data, memo));
  let body: MeetingBody | null = null;
  let bodySource: BodySource = 'none';
  const phrase = citation.bodyPhrase;
  if (citation.family === 'recommendation') {
    // ITU-T/R/D Recommendations have a sector, not a body
  } else if (phrase && phrase.body !== 'self') {
    body = phrase.body === 'other' ? null : phrase.body;
    bodySource = 'phrase';
  } else if (citation.prefixBody) {
    body = citation.prefixBody === 'other' ? null : (citation.prefixBody as MeetingBody);
    bodySource = 'prefix';
  } else if (phrase && phrase.body === 'self') {
    body = doc.body;
    bodySource = doc.body ? 'self' : 'none';
  } else if (item.ituR) {
    body = 'RA';
    bodySource = 'itu-r';
  } else if (meeting?.wrcForm) {
    body = 'WRC';
    bodySource = 'wrc-form';
  } else if (candidates.length > 0 || atPlace.length > 0) {
    body = soleBody(candidates.length > 0 ? candidates : atPlace);
    if (body) bodySource = 'meeting';
  }
  const cited = body ? (candidates.find((m) => m.body === body) ?? null) : null;
  let entry: ResolutionEntry | null = null;
  let recommendation: RecommendationEntry | null = null;
  if (citation.family === 'text' && body) entry = data.resolution(body, citation.type, item.number) ?? null;
  if (citation.family === 'recommendation' && citation.sector) recommendation = data.recommendation(citation.sector, item.number) ?? null;
  return { citation, item, meeting, body, bodySource, candidates, atPlace, cited, entry, recommendation, doc };
}

/**
 * The one body whose meetings these are, or null. Texts of a WRC are cited in the WRC form, so
 * a place and year shared with a WRC names the other body.
 */
function soleBody(meetings: readonly Meeting[]): MeetingBody | null {
  const bodies = new Set(meetings.map((m) => m.body));
  if (bodies.size > 1) bodies.delete('WRC');
  return bodies.size === 1 ? [...bodies][0] : null;
}

/** Resolves every citation of the analysis against the data. */
export function resolveCitationsUncached(analysis: Analysis, data: ReferenceData): ResolvedCitations {
  const contexts = new Map<number, DocContext>();
  const doc = analysis.doc;
  const contextFor = (ri: number): DocContext => {
    let ctx = contexts.get(ri);
    if (!ctx) {
      if (ri >= 0) ctx = contextOf(doc.resolutions[ri], data);
      else {
        // outside any resolution: the first resolution with a known meeting gives the context
        ctx = EMPTY_CONTEXT;
        for (let i = 0; i < doc.resolutions.length; i++) {
          const c = contextFor(i);
          if (c.body || c.year !== null) {
            ctx = c;
            break;
          }
        }
      }
      contexts.set(ri, ctx);
    }
    return ctx;
  };
  const items: ResolvedItem[] = [];
  const memo: MeetingMemo = new Map();
  for (const c of analysis.citations) {
    const ctx = contextFor(proposalResolution(doc, c));
    for (const it of c.items) items.push(resolveOne(c, it, ctx, data, memo));
  }
  return new Resolved(items, contextFor);
}

class Resolved implements ResolvedCitations {
  private _checked?: ResolvedItem[];
  constructor(
    readonly items: ResolvedItem[],
    readonly docContext: (resolution: number) => DocContext,
  ) {}
  /** the items rules check: not in cover text */
  get checked(): ResolvedItem[] {
    return (this._checked ??= this.items.filter((r) => r.citation.unit.kind !== 'cover'));
  }
}

/** The resolution that gives the context of a citation: its own, or the first of its proposal. */
function proposalResolution(doc: ResDocument, c: Citation): number {
  if (c.resolution >= 0) return c.resolution;
  const line = c.range.start.line;
  for (const p of doc.proposals) {
    if (p.range.start.line <= line && line <= p.range.end.line && p.resolutions.length > 0) return p.resolutions[0];
  }
  return -1;
}

/** {@link resolveCitationsUncached}, once per analysis and data. */
export function resolveCitations(analysis: Analysis, data: ReferenceData): ResolvedCitations {
  return analysis.memo('resolvedCitations', data, () => resolveCitationsUncached(analysis, data));
}

/** Citations that rules check: not in cover text (a foreword is not resolution text). */
export function checkedItems(analysis: Analysis, data: ReferenceData): ResolvedItem[] {
  return resolveCitations(analysis, data).checked;
}

/** A citation's display name: `Resolution 18`, `Resolution ITU-R 56`, `Recommendation ITU-T A.7`. */
export function itemName(r: { citation: Citation; item: CitedItem; body?: MeetingBody | null }): string {
  const c = r.citation;
  if (c.family === 'recommendation') return `Recommendation ${c.sector ? c.sector + ' ' : ''}${r.item.number}`;
  return `${c.type} ${r.item.ituR || r.body === 'RA' ? 'ITU-R ' : ''}${r.item.number}`;
}

/** The version of `entry` adopted at `meeting`, if the data lists it. */
export function versionAt(entry: ResolutionEntry, meeting: Meeting): Version | undefined {
  return entry.versions.find((v) => v.meeting === meeting.id);
}

/** Meetings held at a place (any year, any body), oldest first. The data holds a few dozen meetings. */
export function meetingsAtPlace(data: ReferenceData, place: string): Meeting[] {
  const key = foldKey(place);
  if (!key) return [];
  return data.meetings.filter((m) => foldKey(m.place) === key || (m.placeVariants ?? []).some((v) => foldKey(v) === key));
}

/** The resolved items grouped by the parenthesis they share (one group per written meeting). */
export function byMeeting(items: ResolvedItem[]): { meeting: CitedMeeting; items: ResolvedItem[] }[] {
  const groups = new Map<CitedMeeting, { meeting: CitedMeeting; items: ResolvedItem[] }>();
  const out: { meeting: CitedMeeting; items: ResolvedItem[] }[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = items[i];
    if (!r.meeting) continue;
    let g = groups.get(r.meeting);
    if (!g) groups.set(r.meeting, (g = { meeting: r.meeting, items: [] })), out.push(g);
    g.items.push(r);
  }
  return out;
}

/** The citations (not the items) of a list of resolved items, each once, with their items. */
export function byCitation(items: ResolvedItem[]): { citation: Citation; items: ResolvedItem[] }[] {
  const groups = new Map<Citation, { citation: Citation; items: ResolvedItem[] }>();
  const out: { citation: Citation; items: ResolvedItem[] }[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = items[i];
    let g = groups.get(r.citation);
    if (!g) groups.set(r.citation, (g = { citation: r.citation, items: [] })), out.push(g);
    g.items.push(r);
  }
  return out;
}

/** The years a body's meetings span in the data, or all bodies' when `body` is null. */
export function coveredYears(data: ReferenceData, body: MeetingBody | null): [number, number] | null {
  if (body) {
    const ms = data.meetingsByBody(body);
    return ms.length ? [ms[0].year, ms[ms.length - 1].year] : null;
  }
  // every body's data must cover the year for "no meeting at all" to be sure
  let lo = -Infinity;
  let hi = -Infinity;
  for (const b of Object.keys(BODY_NAMES) as MeetingBody[]) {
    const ms = data.meetingsByBody(b);
    if (!ms.length) return null;
    lo = Math.max(lo, ms[0].year);
    hi = Math.max(hi, ms[ms.length - 1].year);
  }
  return [lo, hi];
}

/**
 * The latest version of `entry` adopted at a meeting up to the document's own meeting.
 * `ambiguous` is true when a later version's meeting cannot be ordered against the
 * document's (same year, dates unknown): then "latest" cannot be told.
 */
export function latestAsOf(
  data: ReferenceData,
  entry: ResolutionEntry,
  asOf: { id?: string; year: number; start?: string },
): { version: Version; meeting: Meeting; ambiguous: boolean } | null {
  let version: Version | null = null;
  let meeting: Meeting | null = null;
  let ambiguous = false;
  for (const v of entry.versions) {
    const m = data.meetingById(v.meeting);
    if (!m) continue;
    const o = meetingOrder(m, asOf);
    if (o === null) ambiguous = true;
    else if (o <= 0) {
      version = v;
      meeting = m;
    }
  }
  return version && meeting ? { version, meeting, ambiguous } : null;
}

// the shape of resolved citations (util/shapes.ts)
anchorShape('citations.Resolved', () => new Resolved([], () => EMPTY_CONTEXT));
