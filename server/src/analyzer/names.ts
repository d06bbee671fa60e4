/**
 * Names of bodies and study groups in the prose of a document (SPEC §4).
 *
 * - Body mentions: canonical names, accepted variants, known wrong forms and
 *   abbreviations from the reference data (bodies and named groups), plus "near misses":
 *   capitalised multi-word names within a small edit distance of an accepted name
 *   (`Telecomunication Standardization Bureau`).
 * - Study group mentions: `Study Group 13`, `ITU-T Study Group 13`, `SG13`, `SG 13`,
 *   `study group 13`, `Study Groups 2 and 3`, with the sector written or inferred from the
 *   document (WTSA → ITU-T, WTDC → ITU-D, RA → ITU-R); and the generic `Study Groups`
 *   written with capitals.
 *
 * Speed: the matcher is built once per ReferenceData (a Map from the first word of every
 * name to the names starting with it, and first/last-word maps for near misses); a text
 * is scanned word by word with Map lookups, so the cost per keystroke does not grow with
 * the size of the data.
 */
import { movedRange, rangeIn } from '../model/content';
import type { Range, ResDocument, Resolution } from '../model/types';
import type { Body, NamedGroup } from '../data/schema';
import type { NameRole, ReferenceData, Sector } from '../data/reference';
import { distance } from '../rules/util';
import { detachedUnit, unitFacts, type TextUnit, type UnitSpan } from './texts';
import { ContentSlot, LineMemo, OwnedTextSlot, ownerId } from '../util/memo';
import { anchorShape } from '../util/shapes';
import { emptyContent } from '../model/document';

// ---------------------------------------------------------------------------
// results

export type MentionRole = NameRole | 'case' | 'near';

export interface BodyMention extends UnitSpan {
  /** as written */
  text: string;
  /** the body, or null for a named group that is not also a body */
  body: Body | null;
  group: NamedGroup | null;
  /**
   * canonical / variant / abbreviation: an accepted form; wrong: a known wrong form;
   * case: an accepted name written with other capitals; near: close to an accepted name
   */
  role: MentionRole;
  /** for wrong / case / near: accepted names to write instead, best first */
  suggestions: string[];
  /** for near: the suggestion is unique (safe to apply) */
  unambiguous: boolean;
}

export type StudyGroupForm = 'full' | 'short' | 'lower';

/** The span is the whole mention, sector prefix included. */
export interface StudyGroupMention extends UnitSpan {
  /** the `Study Group 13` / `SG13` / `study group 13` part (without the sector prefix) */
  formFrom: number;
  formTo: number;
  formRange: Range;
  number: number;
  /** the number's own range (`13`) */
  numberRange: Range;
  /** the sector written next to it or inferred from the document; null when unknown */
  sector: Sector | null;
  /** the sector was written (`ITU-T Study Group 13`, `Study Group 1 of ITU-D`) */
  explicitSector: boolean;
  /** `ITU-T` prefix written directly before it */
  prefix: string | null;
  form: StudyGroupForm;
  /** `Study Groups 2 and 3`: the list after a plural */
  plural: boolean;
  /** the first number of a plural list (the one carrying the words `Study Groups`) */
  listHead: boolean;
}

export interface GenericStudyGroupMention extends UnitSpan {
  text: string;
  plural: boolean;
}

export interface NameAnalysis {
  bodies: BodyMention[];
  studyGroups: StudyGroupMention[];
  generic: GenericStudyGroupMention[];
}

/** What a resolution's preamble tells about it: the sector it belongs to and its year. */
export interface ResolutionContext {
  /** WTSA → ITU-T, WTDC → ITU-D, RA → ITU-R; null for PP, WRC and unknown */
  sector: Sector | null;
  /** the year of the meeting that adopts the text */
  year: number | null;
  body: string;
}

const SECTOR_OF_BODY: Record<string, Sector> = { WTSA: 'ITU-T', WTDC: 'ITU-D', RA: 'ITU-R' };

/** Sector and year of a resolution, from its preamble, else from its number line. */
export function resolutionContext(res: Resolution | undefined): ResolutionContext {
  if (!res) return new Context(null, null, 'unknown');
  const body = res.preamble?.body ?? 'unknown';
  const year = res.preamble?.meeting?.year ?? res.numberLine.meeting?.year ?? null;
  return new Context(SECTOR_OF_BODY[body] ?? null, year, body);
}

/** One class for every context, so that code reading them sees one hidden class. */
class Context implements ResolutionContext {
  constructor(
    readonly sector: Sector | null,
    readonly year: number | null,
    readonly body: string,
  ) {}
}

/**
 * The year whose study groups an operative text of this resolution addresses. An
 * assembly or conference sets up the study groups of its own sector for the study period
 * that follows it (WTSA-16 → 2017-2020, WTSA-24 → 2025-2028), so for the document's own
 * sector this is the year after the meeting when the data covers it; for other sectors it
 * is the meeting's year.
 */
export function governedYear(data: ReferenceData, ctx: ResolutionContext, sector: Sector): number | null {
  if (ctx.year === null) return null;
  if (sector === ctx.sector && data.hasStudyGroupData(sector, ctx.year + 1)) return ctx.year + 1;
  return ctx.year;
}

/** The resolution that holds a line, -1 if none. */
export function resolutionAtLine(doc: ResDocument, line: number): number {
  for (let i = 0; i < doc.resolutions.length; i++) {
    const r = doc.resolutions[i].range;
    if (r.start.line <= line && line <= r.end.line) return i;
  }
  return -1;
}

/** A short description of where a text unit is: `considering d)`, `instructs Study Group 13`, `line 12`. */
export function placeOf(unit: TextUnit): string {
  if (unit.section) {
    const call = unit.section.call.text;
    if (unit.kind === 'call') return call;
    if (unit.clause?.label) return `${call} ${unit.clause.label.text}`;
    return call;
  }
  return `line ${unit.content.line + 1}`;
}

// ---------------------------------------------------------------------------
// the matcher, built once per ReferenceData

interface NameEntry {
  text: string;
  lower: string;
  role: NameRole;
  body: Body | null;
  group: NamedGroup | null;
  /** exact case needed (abbreviations, one-word names, names without capitals in words after the first) */
  exactCase: boolean;
  hasUpper: boolean;
  words: number;
  /** lower case, plural endings removed (see singularKey) */
  singular: string;
  wordsLower: string[];
}

interface Matcher {
  byFirst: Map<string, NameEntry[]>;
  nearByFirst: Map<string, NameEntry[]>;
  nearByLast: Map<string, NameEntry[]>;
  /** lower-cased text of every known name (accepted or wrong) */
  known: Set<string>;
  /** accepted names of each body (canonical first) */
  accepted: Map<Body, string[]>;
  /**
   * The shape (first letter and length, `shape()`) of every key of byFirst, nearByFirst and
   * nearByLast: a word of another shape is none of them, and is passed over without taking
   * it out of the text (most words of a line).
   */
  shapes: Set<number>;
  /**
   * The verdict on each near-miss window already judged, keyed by its words as written
   * (nearVerdict): the same capitalised phrases recur across the lines of a text.
   */
  verdicts: LineMemo<NearVerdict>;
}

/** A word's shape: its first (lower-cased) letter and its length. */
function shape(first: number, length: number): number {
  return first * 256 + (length < 255 ? length : 255);
}

const matchers = new WeakMap<ReferenceData, Matcher>();

/** Bodies whose names this analysis leaves to the study group analysis. */
const SKIPPED_BODIES = new Set(['STUDY-GROUPS']);

/** A letter or digit (ASCII or Latin-1/Latin Extended-A/B), by char code: no regex per character. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isWordCode(text.charCodeAt(i));
}

/** The run of letters and digits that starts the text (a loop, not a regular expression: it runs per word). */
function firstSegment(lower: string): string {
  let i = 0;
  while (i < lower.length) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f)) i++;
    else break;
  }
  return i === lower.length ? lower : lower.slice(0, i);
}

/** The run of letters and digits that ends the text (a loop from the end: linear on any input). */
function lastSegment(lower: string): string {
  let i = lower.length;
  while (i > 0) {
    const c = lower.charCodeAt(i - 1);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f)) i--;
    else break;
  }
  return lower.slice(i);
}

function lowerSameLength(s: string): string {
  const l = s.toLowerCase();
  if (l.length === s.length) return l;
  let out = '';
  for (const ch of s) {
    const c = ch.toLowerCase();
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function buildMatcher(data: ReferenceData): Matcher {
  const byFirst = new Map<string, NameEntry[]>();
  const nearByFirst = new Map<string, NameEntry[]>();
  const nearByLast = new Map<string, NameEntry[]>();
  const known = new Set<string>();
  const accepted = new Map<Body, string[]>();
  const seen = new Set<string>();
  const add = (text: string, role: NameRole, body: Body | null, group: NamedGroup | null) => {
    const key = `${text}|${role}`;
    if (seen.has(key) || !text.trim()) return;
    seen.add(key);
    const lower = text.toLowerCase();
    const words = text.split(' ').length;
    const rest = text.split(' ').slice(1).join(' ');
    const entry: NameEntry = {
      text,
      lower,
      role,
      body,
      group,
      exactCase: role === 'abbreviation' || words === 1 || !/[A-Z]/.test(rest),
      hasUpper: /[A-Z]/.test(text),
      words,
      singular: singularKey(lower),
      wordsLower: lower.split(' '),
    };
    const first = firstSegment(lower);
    if (!first) return;
    push(byFirst, first, entry);
    known.add(lower);
    if ((role === 'canonical' || role === 'variant') && words >= 2 && entry.hasUpper && text.length >= 12) {
      push(nearByFirst, first, entry);
      push(nearByLast, lastSegment(lower), entry);
    }
  };
  for (const n of data.allBodyNames()) {
    if (SKIPPED_BODIES.has(n.body.id)) continue;
    add(n.text, n.role, n.body, null);
  }
  for (const b of data.bodies) accepted.set(b, [b.canonical, ...(b.variants ?? [])]);
  for (const g of data.namedGroups) {
    const body = (g.abbreviation && data.bodyByAbbreviation(g.abbreviation)) || data.bodyByName(g.name) || null;
    add(g.name, 'canonical', body, g);
    if (g.abbreviation) add(g.abbreviation, 'abbreviation', body, g);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.text.length - a.text.length);
  const shapes = new Set<number>();
  for (const map of [byFirst, nearByFirst, nearByLast]) for (const k of map.keys()) if (k) shapes.add(shape(k.charCodeAt(0), k.length));
  return { byFirst, nearByFirst, nearByLast, known, accepted, shapes, verdicts: new LineMemo<NearVerdict>(20000) };
}

function matcherFor(data: ReferenceData): Matcher {
  let m = matchers.get(data);
  if (!m) matchers.set(data, (m = buildMatcher(data)));
  return m;
}

/** Group of a named-group entry for a body mention (FG IMT-2020 is both). */
function groupOf(data: ReferenceData, e: NameEntry): NamedGroup | null {
  if (e.group) return e.group;
  if (e.body && (e.body.kind === 'group')) return data.namedGroup(e.body.canonical) ?? null;
  return null;
}

// ---------------------------------------------------------------------------
// body mentions

function sameIgnoringFirstLetterCase(a: string, b: string): boolean {
  return a.length === b.length && a.slice(1) === b.slice(1) && a[0].toLowerCase() === b[0].toLowerCase();
}

/** Best accepted name of a body for a written form: the closest by edit distance, canonical on ties. */
export function closestAccepted(accepted: string[], written: string): string {
  let best = accepted[0];
  let bestD = Infinity;
  for (const a of accepted) {
    const d = distance(a.toLowerCase(), written.toLowerCase(), 60);
    if (d < bestD) {
      bestD = d;
      best = a;
    }
  }
  return best;
}

/** A body mention found in a text, before it is placed in a unit. */
type RawBody = Omit<BodyMention, 'unit' | 'resolution' | 'range'>;

/**
 * Per reference data, the mentions found in a line's text, keyed by the text: on every
 * keystroke only the edited line is scanned again.
 */
const BODY_SLOT = new OwnedTextSlot<RawBody[]>();

function scanBodiesCached(data: ReferenceData, owner: number, unit: TextUnit, out: BodyMention[]): void {
  const text = unit.content.text;
  if (text.length < 2) return;
  for (const r of BODY_SLOT.get(unitFacts(unit), owner, text, (t) => scanBodies(data, matcherFor(data), t))) out.push(new PlacedBody(r, unit));
}

/** A mention placed in its unit; the range is computed when asked for (most are never reported). */
class PlacedBody implements BodyMention {
  readonly resolution: number;
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly body: Body | null;
  readonly group: NamedGroup | null;
  readonly role: MentionRole;
  readonly suggestions: string[];
  readonly unambiguous: boolean;
  private _range?: Range;
  constructor(
    r: RawBody,
    readonly unit: TextUnit,
  ) {
    this.resolution = unit.resolution;
    this.from = r.from;
    this.to = r.to;
    this.text = r.text;
    this.body = r.body;
    this.group = r.group;
    this.role = r.role;
    this.suggestions = r.suggestions;
    this.unambiguous = r.unambiguous;
  }
  get range(): Range {
    return (this._range ??= rangeIn(this.unit.content, this.from, this.to));
  }
}

function scanBodies(data: ReferenceData, m: Matcher, text: string): RawBody[] {
  const lower = lowerSameLength(text);
  const mine: RawBody[] = [];
  // whether a capitalised word could start or end a near miss: only then are near misses looked for
  let nearTrigger = false;
  for (let i = 0; i < text.length; i++) {
    if (!isWordCode(text.charCodeAt(i)) || isWordAt(text, i - 1)) continue;
    let j = i;
    while (j < text.length && isWordCode(text.charCodeAt(j))) j++;
    if (!m.shapes.has(shape(lower.charCodeAt(i), j - i))) {
      i = j - 1;
      continue;
    }
    const seg = lower.slice(i, j);
    if (!nearTrigger) {
      const c = text.charCodeAt(i);
      if (c >= 65 && c <= 90 && (m.nearByFirst.has(seg) || m.nearByLast.has(seg))) nearTrigger = true;
    }
    const cands = m.byFirst.get(seg);
    if (!cands) {
      i = j - 1;
      continue;
    }
    let found: { e: NameEntry; role: MentionRole; len: number } | null = null;
    for (let k = 0; k < cands.length; k++) {
      const e = cands[k];
      const len = e.text.length;
      if (found && len < found.len) break;
      if (!lower.startsWith(e.lower, i)) continue;
      if (isWordAt(text, i + len)) continue;
      const written = text.slice(i, i + len);
      if (written === e.text || (e.role !== 'abbreviation' && sameIgnoringFirstLetterCase(written, e.text))) {
        found = { e, role: e.role, len };
        break; // exact case wins over any same-length case variant
      }
      if (found) continue;
      if (e.exactCase || !e.hasUpper) continue;
      // all capitals (a heading) is not a case error
      if (written === written.toUpperCase()) continue;
      found = { e, role: e.role === 'wrong' ? 'wrong' : 'case', len };
    }
    if (!found) {
      i = j - 1;
      continue;
    }
    const { e, role, len } = found;
    const written = text.slice(i, i + len);
    let suggestions: string[] = [];
    if (role === 'wrong' && e.body) suggestions = [closestAccepted(m.accepted.get(e.body) ?? [e.body.canonical], written)];
    else if (role === 'case') suggestions = [e.text];
    if (role === 'wrong' && e.body && suggestions[0] !== e.body.canonical) suggestions.push(e.body.canonical);
    mine.push({
      from: i,
      to: i + len,
      text: written,
      body: e.body,
      group: groupOf(data, e),
      role,
      suggestions,
      unambiguous: true,
    });
    i = i + len - 1;
  }
  if (nearTrigger) scanNearMisses(m, text, lower, mine);
  mine.sort((a, b) => a.from - b.from);
  return mine;
}

interface Tok {
  start: number;
  end: number;
  /** lower-cased, punctuation stripped */
  lower: string;
  capital: boolean;
  connector: boolean;
  /** punctuation after the word that ends a name (`,`, `;`, `)`) */
  breakAfter: boolean;
  breakBefore: boolean;
}

const CONNECTORS = new Set(['of', 'the', 'for', 'and', 'on', 'in', 'to']);

function tokens(text: string, lower: string): Tok[] {
  const out: Tok[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // the next run of characters that are not white space (what /\S+/ finds)
    while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
    if (i >= n) break;
    let e = i;
    while (e < n && !isSpaceCode(text.charCodeAt(e))) e++;
    let s = i;
    i = e;
    let breakBefore = false;
    let breakAfter = false;
    while (s < e && OPENERS.has(text.charCodeAt(s))) {
      s++;
      breakBefore = true;
    }
    // a possessive ends a name: `the ITU Telecommunication Standardization Sector's work`
    if (e - s > 2 && (text[e - 1] === 's' || text[e - 1] === 'S') && (text[e - 2] === "'" || text[e - 2] === '’')) {
      e -= 2;
      breakAfter = true;
    }
    while (e > s && CLOSERS.has(text.charCodeAt(e - 1))) {
      e--;
      breakAfter = true;
    }
    if (e <= s) continue;
    const c = text.charCodeAt(s);
    const capital = (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    // a window holds only capitalised words and connectors (three letters at most): any
    // other word (most words) ends every window that would hold it, and is one shared token
    if (!capital && e - s > 3) {
      out.push(BLOCK);
      continue;
    }
    const w = lower.slice(s, e);
    const connector = !capital && CONNECTORS.has(w);
    out.push(capital || connector ? { start: s, end: e, lower: w, capital, connector, breakAfter, breakBefore } : BLOCK);
  }
  return out;
}

/** A word no window holds (neither capitalised nor a connector): its place is never read. */
const BLOCK: Tok = { start: -1, end: -1, lower: '', capital: false, connector: false, breakAfter: true, breakBefore: true };

/** White space as /\s/ has it (the characters a line of a resolution holds). */
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** What opens a token and breaks a name before it: ( " “ ' ‘ [ */
const OPENERS = new Set([...'("“\'‘['].map((ch) => ch.charCodeAt(0)));
/** What closes a token and breaks a name after it: ) , ; : . ! ? " ” ' ’ ] */
const CLOSERS = new Set([...'),;:.!?"”\'’]'].map((ch) => ch.charCodeAt(0)));

/** Plural and singular alike: `Directors` = `Director`, `Assemblies` = `Assembly`, `Bureaux` = `Bureau`. */
function singularKey(lower: string): string {
  return lower
    .split(' ')
    .map((w) => w.replace(/ies$/, 'y').replace(/(eau)x$/, '$1').replace(/s$/, ''))
    .join(' ');
}

/** The accepted names closest to a window (best first, equally close), or NO_VERDICT. */
type NearVerdict = readonly NameEntry[];
const NO_VERDICT: NearVerdict = [];

/**
 * The verdict on a window of `k` words, given as written one space apart: the accepted
 * names of k words within a small edit distance (1, or 2 for 20 letters or more) that it is
 * not already (a known name, or the same name in the singular or plural).
 */
function nearVerdict(m: Matcher, written: string, k: number): NearVerdict {
  const windowLower = lowerSameLength(written);
  if (m.known.has(windowLower)) return NO_VERDICT;
  const words = written.split(' ');
  const lowers = windowLower.split(' ');
  // abbreviations written in the window (`ITU-T`), by position
  const caps = words.map((w) => (/^[A-Z0-9][A-Z0-9-]+$/.test(w) ? w.toLowerCase() : null));
  const max = windowLower.length >= 20 ? 2 : 1;
  const wKey = singularKey(windowLower);
  let best: NameEntry[] = [];
  let bestD = max + 1;
  const cands = new Set<NameEntry>([...(m.nearByFirst.get(firstSegment(lowers[0])) ?? []), ...(m.nearByLast.get(lastSegment(lowers[k - 1])) ?? [])]);
  for (const e of cands) {
    if (e.words !== k) continue;
    if (e.singular === wKey) continue;
    // `ITU-T Sector Members` is not a misspelling of `ITU Sector Members`: one abbreviation extends the other
    if (caps.some((c, q) => c !== null && c !== e.wordsLower[q] && (c.startsWith(e.wordsLower[q]) || e.wordsLower[q].startsWith(c)))) continue;
    let d = distance(windowLower, e.lower, max);
    if (d === 0) continue;
    // farther than a slip of the keys, but one word another ending of the name's word
    // (`International Electrotechnical Committee` for `… Commission`): less close than any slip
    if (d > max) {
      if (!oneWordOtherEnding(lowers, e.wordsLower)) continue;
      d = max + 1;
    }
    if (d < bestD) {
      bestD = d;
      best = [e];
    } else if (d === bestD && !best.some((b) => b.text === e.text)) best.push(e);
  }
  return best.length === 0 ? NO_VERDICT : best;
}

/**
 * All words the same but one, and that one another ending of the same stem: both of six
 * letters or more, the first five the same (`committee` / `commission`, `standards` /
 * `standardization`). A plural is not one (singularKey has already set those aside).
 */
function oneWordOtherEnding(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  let diff = -1;
  for (let q = 0; q < a.length; q++) {
    if (a[q] === b[q]) continue;
    if (diff >= 0) return false;
    diff = q;
  }
  if (diff < 0) return false;
  const x = a[diff];
  const y = b[diff];
  if (x.length < 6 || y.length < 6) return false;
  for (let i = 0; i < 5; i++) if (x.charCodeAt(i) !== y.charCodeAt(i)) return false;
  return true;
}

function scanNearMisses(m: Matcher, text: string, lower: string, mine: RawBody[]): void {
  const toks = tokens(text, lower);
  const taken: { from: number; to: number }[] = mine.map((x) => ({ from: x.from, to: x.to }));
  const overlapsTaken = (from: number, to: number) => taken.some((t) => from < t.to && t.from < to && !(from <= t.from && t.to <= to && (t.to - t.from) < (to - from)));
  const windows: { a: number; k: number }[] = [];
  for (let t = 0; t < toks.length; t++) {
    if (!toks[t].capital) continue;
    const seg = firstSegment(toks[t].lower);
    for (const e of m.nearByFirst.get(seg) ?? []) windows.push({ a: t, k: e.words });
    const last = lastSegment(toks[t].lower);
    for (const e of m.nearByLast.get(last) ?? []) if (t - e.words + 1 >= 0) windows.push({ a: t - e.words + 1, k: e.words });
  }
  if (windows.length === 0) return;
  const tried = new Set<number>();
  const found: RawBody[] = [];
  for (const { a, k } of windows) {
    const key = a * 64 + k;
    if (tried.has(key)) continue;
    tried.add(key);
    const first = toks[a];
    const lastTok = toks[a + k - 1];
    if (!lastTok || !first.capital || !lastTok.capital) continue;
    let ok = true;
    for (let q = a; q < a + k; q++) {
      const tk = toks[q];
      if (!(tk.capital || tk.connector)) ok = false;
      if (q > a && tk.breakBefore) ok = false;
      if (q < a + k - 1 && tk.breakAfter) ok = false;
    }
    if (!ok) continue;
    const from = first.start;
    const to = lastTok.end;
    if (overlapsTaken(from, to)) continue;
    // the window's words as written, one space apart: its verdict depends on nothing else
    let written = text.slice(first.start, first.end);
    for (let q = a + 1; q < a + k; q++) written += ' ' + text.slice(toks[q].start, toks[q].end);
    const best = m.verdicts.get(written, (w) => nearVerdict(m, w, k));
    if (best === NO_VERDICT) continue;
    found.push({
      from,
      to,
      text: text.slice(from, to),
      body: best.length === 1 ? best[0].body : null,
      group: best.length === 1 ? best[0].group : null,
      role: 'near',
      suggestions: best.map((e) => e.text),
      unambiguous: best.length === 1,
    });
    taken.push({ from, to });
  }
  for (const f of found) mine.push(f);
}

// ---------------------------------------------------------------------------
// study groups

const SECTOR_WORDS: [RegExp, Sector][] = [
  [/^(?:ITU )?Telecommunication Standardization Sector/, 'ITU-T'],
  [/^(?:ITU )?Radiocommunication Sector/, 'ITU-R'],
  [/^(?:ITU )?Telecommunication Development Sector/, 'ITU-D'],
];

// `ITU-T Study Group 13`, `Study Groups 2 and 3`, `study group 13`, `SG13`, `SG 13`
const SG_RE = /(?<![A-Za-z0-9-])(?:(ITU-[TRD])[ \t]+)?(?:([Ss]tudy[ \t]+[Gg]roup(s?))[ \t]+(\d{1,2})|(SG)[ \t]?(\d{1,2}))(?![\d./A-Za-z])/g;
const MORE_RE = /^(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)(\d{1,2})(?![\d./A-Za-z])/;
const SECTOR_BEFORE_RE = /(?:^|[ \t(])(ITU-[TRD])\)?[ \t]+$/;
const SECTOR_AFTER_RE = /^[ \t]+of[ \t]+(?:the[ \t]+)?(?:(ITU-[TRD])(?![A-Za-z])|(.{0,45}))/;
const GENERIC_RE = /(?<![A-Za-z-])Study[ \t]+Group(s?)(?![A-Za-z])(?![ \t]*\d)/g;

function sectorAfter(text: string, at: number): Sector | null {
  const m = SECTOR_AFTER_RE.exec(text.slice(at, at + 60));
  if (!m) return null;
  if (m[1]) return m[1] as Sector;
  for (const [re, s] of SECTOR_WORDS) if (re.test(m[2] ?? '')) return s;
  return null;
}

function scanStudyGroups(unit: TextUnit, ctx: ResolutionContext, out: StudyGroupMention[], generic: GenericStudyGroupMention[]): void {
  const text = unit.content.text;
  if (!/[Ss]tudy[ \t]+[Gg]roup|SG/.test(text)) return;
  SG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SG_RE.exec(text))) {
    const prefix = m[1] ?? null;
    const formFrom = prefix ? m.index + m[0].indexOf(m[2] ?? m[5], m[1].length) : m.index;
    const words = m[2];
    const numText = m[4] ?? m[6];
    const numFrom = m.index + m[0].length - numText.length;
    const form: StudyGroupForm = m[5] ? 'short' : words === 'Study Group' || words === 'Study Groups' ? 'full' : /^Study[ \t]+Groups?$/.test(words) ? 'full' : 'lower';
    const plural = m[3] === 's';
    let end = m.index + m[0].length;
    const numbers: { n: number; from: number; to: number }[] = [{ n: parseInt(numText, 10), from: numFrom, to: end }];
    if (plural) {
      for (;;) {
        const mm = MORE_RE.exec(text.slice(end, end + 20));
        if (!mm) break;
        const to = end + mm[0].length;
        numbers.push({ n: parseInt(mm[1], 10), from: to - mm[1].length, to });
        end = to;
      }
      SG_RE.lastIndex = end;
    }
    let sector: Sector | null = (prefix as Sector | null) ?? null;
    let explicit = sector !== null;
    if (!sector) {
      const b = SECTOR_BEFORE_RE.exec(text.slice(Math.max(0, m.index - 12), m.index));
      if (b) sector = b[1] as Sector;
    }
    if (!sector) sector = sectorAfter(text, end);
    if (sector) explicit = true;
    else sector = ctx.sector;
    numbers.forEach((x, idx) => {
      const from = idx === 0 ? m!.index : x.from;
      const fFrom = idx === 0 ? formFrom : x.from;
      const fTo = idx === 0 ? x.to : x.to;
      out.push({
        unit,
        resolution: unit.resolution,
        from,
        to: x.to,
        range: rangeIn(unit.content, from, x.to),
        formFrom: fFrom,
        formTo: fTo,
        formRange: rangeIn(unit.content, fFrom, fTo),
        number: x.n,
        numberRange: rangeIn(unit.content, x.from, x.to),
        sector,
        explicitSector: explicit,
        prefix,
        form,
        plural,
        listHead: idx === 0,
      });
    });
  }
  GENERIC_RE.lastIndex = 0;
  while ((m = GENERIC_RE.exec(text))) {
    generic.push({
      unit,
      resolution: unit.resolution,
      from: m.index,
      to: m.index + m[0].length,
      range: rangeIn(unit.content, m.index, m.index + m[0].length),
      text: m[0],
      plural: m[1] === 's',
    });
  }
}

/** What one line's content mentions of study groups, sectors left null where the document decides. */
export interface ScannedGroups {
  studyGroups: StudyGroupMention[];
  generic: GenericStudyGroupMention[];
}

const NO_GROUPS: ScannedGroups = { studyGroups: [], generic: [] };
const NO_CONTEXT: ResolutionContext = new Context(null, null, '');

/** The study group mentions of each line's content: a keystroke scans the edited line only. */
const GROUP_SLOT = new ContentSlot<ScannedGroups>(NO_GROUPS, moveGroups);

/**
 * Study group mentions found at one place, for the same text elsewhere (ranges moved, the
 * rest copied), field by field like moveCitations: a required field added to the mention
 * types without a line here does not compile.
 */
export function moveGroups(found: ScannedGroups, lines: number, columns: number): ScannedGroups {
  return {
    studyGroups: found.studyGroups.map((g) => ({
      unit: g.unit,
      resolution: g.resolution,
      from: g.from,
      to: g.to,
      range: movedRange(g.range, lines, columns),
      formFrom: g.formFrom,
      formTo: g.formTo,
      formRange: movedRange(g.formRange, lines, columns),
      number: g.number,
      numberRange: movedRange(g.numberRange, lines, columns),
      sector: g.sector,
      explicitSector: g.explicitSector,
      prefix: g.prefix,
      form: g.form,
      plural: g.plural,
      listHead: g.listHead,
    })),
    generic: found.generic.map((g) => ({ unit: g.unit, resolution: g.resolution, from: g.from, to: g.to, range: movedRange(g.range, lines, columns), text: g.text, plural: g.plural })),
  };
}

function placeStudyGroups(unit: TextUnit, ctx: ResolutionContext, out: StudyGroupMention[], generic: GenericStudyGroupMention[]): void {
  const found = GROUP_SLOT.get(unitFacts(unit), unit.content, (content) => {
    if (!/[Ss]tudy[ \t]+[Gg]roup|SG/.test(content.text)) return NO_GROUPS;
    // without the document's sector: placed with it below
    const r: ScannedGroups = { studyGroups: [], generic: [] };
    scanStudyGroups(detachedUnit(content, unit.kind), NO_CONTEXT, r.studyGroups, r.generic);
    return r.studyGroups.length || r.generic.length ? r : NO_GROUPS;
  });
  for (const g of found.studyGroups) out.push({ ...g, unit, resolution: unit.resolution, sector: g.explicitSector ? g.sector : ctx.sector });
  for (const g of found.generic) generic.push({ ...g, unit, resolution: unit.resolution });
}

// ---------------------------------------------------------------------------

/** Every body and study group mention of a document, in text order. */
export function findNames(doc: ResDocument, units: TextUnit[], data: ReferenceData): NameAnalysis {
  const bodies: BodyMention[] = [];
  const studyGroups: StudyGroupMention[] = [];
  const generic: GenericStudyGroupMention[] = [];
  const contexts = doc.resolutions.map((r) => resolutionContext(r));
  const none = resolutionContext(undefined);
  const owner = ownerId(data);
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.kind === 'number' || u.kind === 'history') continue;
    scanBodiesCached(data, owner, u, bodies);
    placeStudyGroups(u, u.resolution >= 0 ? contexts[u.resolution] : none, studyGroups, generic);
  }
  return { bodies, studyGroups, generic };
}

/** Names of bodies, for editor features: the body's abbreviation and full name. */
export function describeBody(b: Body): string {
  return b.abbreviation && b.abbreviation !== b.canonical ? `${b.canonical} (${b.abbreviation})` : b.canonical;
}

// the shape of a placed body mention (util/shapes.ts; NO_CONTEXT keeps a context's)
anchorShape('names.PlacedBody', () => new PlacedBody({ from: 0, to: 0, text: '', body: null, group: null, role: 'canonical', suggestions: [], unambiguous: true }, detachedUnit(emptyContent(), 'cover')));
