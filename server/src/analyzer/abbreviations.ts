/**
 * Abbreviations in the text of each resolution (SPEC §4: spelled out at first use, with the
 * abbreviation in parentheses, and used short afterwards).
 *
 * - Definitions: `International Mobile Telecommunications (IMT)`, `quality of service (QoS)`,
 *   `standards development organizations (SDOs)`, `information-centric networking (ICN)`,
 *   `(traditional approval process, TAP)`, and the reverse `IMT (International Mobile
 *   Telecommunications)`. The expansion is accepted when the abbreviation's letters can be
 *   found in it in order, the first one starting a word (the Schwartz–Hearst test), or
 *   when it is a name the reference data gives to that abbreviation (`Radiocommunication
 *   Bureau (BR)`, whose letters are in French order).
 * - Uses: tokens with two or more capitals (`IMT`, `QoS`, `SDOs`, `ITU-T`, `IMT-2020`,
 *   `3GPP`), plural and possessive forms reduced (`SDOs` → `SDO`, `ITU-T's` → `ITU-T`).
 *   Not abbreviations: Recommendation and Resolution numbers (`A.7`, `ITU-R 56` after
 *   `Resolution`), meeting forms in citations (`(Rev. WRC-15)`), Roman numerals, study
 *   group short forms (`SG13`, left to study-group-form), words of all-capital headings.
 * - Repeats: the expansion written again after its definition.
 *
 * Scope: each resolution on its own, from its first clause on: the number line, title,
 * history line and preamble are headings, and cover text (a foreword) is not resolution
 * text. Call lines count as uses but their spelled-out addressees are not repeats (ITU
 * writes addressees in full).
 */
import { rangeIn } from '../model/content';
import type { Range, ResDocument } from '../model/types';
import type { ReferenceData } from '../data/reference';
import type { Body, NamedGroup } from '../data/schema';
import { detachedUnit, unitFacts, type TextUnit, type UnitSpan } from './texts';
import type { BodyMention } from './names';
import { OwnedTextSlot, ownerId } from '../util/memo';
import { anchorShape } from '../util/shapes';
import { emptyContent, emptyDocument } from '../model/document';

/** The span is the whole definition (expansion and parentheses). */
export interface AbbrDefinition extends UnitSpan {
  /** the abbreviation as written in the parentheses */
  abbr: string;
  /** the key: plural and possessive endings removed (`SDOs` → `SDO`) */
  key: string;
  /** the expansion as written */
  expansion: string;
  /** the abbreviation inside the parentheses */
  abbrRange: Range;
  /** [abbrFrom, abbrFrom + abbr.length) in unit.content.text */
  abbrFrom: number;
  expansionRange: Range;
  /** the whole definition is `Expansion (ABBR)` (not the reverse or comma form) */
  standard: boolean;
}

export interface AbbrUse extends UnitSpan {
  /** as written (`ITU-T's`, `SDOs`, `FG IMT-2020`) */
  text: string;
  /** the candidate keys, most specific first: `IMT-2020` then `IMT`; `ISO/IEC` then `ISO`, `IEC` */
  keys: string[];
  /** the part of the text that is the abbreviation itself, without `'s` */
  coreTo: number;
}

export interface AbbrRepeat extends UnitSpan {
  definition: AbbrDefinition;
  text: string;
}

export interface ResolutionAbbreviations {
  resolution: number;
  /** by key, in text order */
  definitions: Map<string, AbbrDefinition[]>;
  uses: AbbrUse[];
  repeats: AbbrRepeat[];
}

/** Abbreviations the data knows, for hover and for the spelled-out fix. */
export function knownAbbreviation(data: ReferenceData, key: string): { body: Body | null; group: NamedGroup | null; expansion: string } | null {
  const body = data.bodyByAbbreviation(key);
  if (body && body.abbreviation === key) return { body, group: null, expansion: body.canonical };
  const group = data.namedGroup(key);
  if (group && group.abbreviation === key) return { body: null, group, expansion: group.name };
  return null;
}

// ---------------------------------------------------------------------------

/** Units whose text is resolution prose for the purpose of abbreviations. */
const SCANNED = new Set(['call', 'clause', 'continuation', 'subitem', 'paragraph', 'annex', 'footnote']);

const STRUCTURAL_WORDS = new Set([
  'NOTE',
  'NOTES',
  'ANNEX',
  'APPENDIX',
  'ATTACHMENT',
  'SECTION',
  'PART',
  'CHAPTER',
  'RESOLUTION',
  'RECOMMENDATION',
  'DECISION',
  'OPINION',
  'FOREWORD',
  'TABLE',
  'FIGURE',
  'ADD',
  'MOD',
  'SUP',
  'NOC',
]);

const ROMAN = /^(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

// a token: optional leading digits, a capital, then letters/digits, then -, / or & parts; optional 's
const TOKEN_RE = /(?<![A-Za-z0-9\-./&])[0-9]*[A-Z][A-Za-z0-9]*(?:[-/&][A-Za-z0-9]+)*(?:['\u2019]s)?(?![A-Za-z0-9])/g;
// `Recommendation ITU-T`, `Resolution ITU-R`, `Question ITU-T`: the sector is part of the number
const CITED_SECTOR_RE = /\b(?:Recommendations?|Resolutions?|Questions?|Supplements?|Handbooks?|Reports?|Opinions?|Decisions?|Rec\.)[ \t]+ITU-[TRD](?![A-Za-z])/g;
// `… and ITU-T A.2`: the sector before a Recommendation's number (a list that repeats it)
const CITED_REC_SECTOR_RE = /\bITU-[TRD](?=[ \t]+[A-Z]{1,3}\.\d)/g;
// `(WRC-15)`, `(Rev. WRC-15)`, `(WTSA-16)`
const CITED_MEETING_RE = /\((?:Rev\.?[ \t]*)?[A-Z]{2,5}-\d{2,4}\)/g;
// `(IMT)`, `(ITU-T)`, `(FG IMT-2020)`, `(SDOs)`, `(traditional approval process, TAP)`
const PAREN_RE = /\(([^()]{1,100})\)/g;
// `(IMT is the root name`: a parenthesis left open after an abbreviation (balanced-parentheses reports it)
const OPEN_ABBR_RE = /\(([0-9]*[A-Z][A-Za-z0-9]*(?:[-/&][A-Za-z0-9]+)*)(?=[ \t,;.]|$)/g;
const ABBR_SHAPE = /^[0-9]*[A-Z][A-Za-z0-9]*(?:[-/&][A-Za-z0-9]+)*(?: [A-Z0-9][A-Za-z0-9]*(?:[-/&][A-Za-z0-9]+)*){0,2}$/;

/** Whether a bare token looks like an abbreviation: 2+ capitals, capitals at least half the letters. */
export function looksLikeAbbreviation(core: string): boolean {
  // the part before the first `-`, `/` or `&`, its letters and capitals counted in place
  let end = 0;
  let letters = 0;
  let caps = 0;
  for (; end < core.length; end++) {
    const c = core.charCodeAt(end);
    if (c === 45 || c === 47 || c === 38) break;
    if (c >= 65 && c <= 90) {
      caps++;
      letters++;
    } else if (c >= 97 && c <= 122) letters++;
  }
  if (caps < 2 || caps * 2 < letters) return false;
  const base = end === core.length ? core : core.slice(0, end);
  if (STRUCTURAL_WORDS.has(base)) return false;
  if (ROMAN.test(core)) return false;
  if (/^SG\d/.test(core)) return false;
  return true;
}

/** `SDOs` → `SDO`, `ITU-T's` → `ITU-T`. */
export function abbreviationKey(s: string): string {
  let k = s.replace(/['\u2019]s$/, '');
  if (/[A-Z0-9]s$/.test(k) && k.length > 2) k = k.slice(0, -1);
  return k;
}

/** Candidate keys of a use: the token, then its base before a hyphen, then the parts of `ISO/IEC`. */
function keysOf(key: string): string[] {
  const keys = [key];
  const dash = key.indexOf('-');
  if (dash > 0) {
    const base = key.slice(0, dash);
    if (looksLikeAbbreviation(base)) keys.push(base);
  }
  if (key.includes('/')) for (const p of key.split('/')) if (p !== key && looksLikeAbbreviation(p) && !keys.includes(p)) keys.push(p);
  return keys;
}

/**
 * Schwartz–Hearst: index in `long` where the expansion of `short` starts, or -1. Every
 * letter or digit of `short` is found in `long`, right to left, in order; the first one
 * must start a word.
 */
export function expansionStart(short: string, long: string): number {
  let l = long.length - 1;
  for (let s = short.length - 1; s >= 0; s--) {
    const c = short[s].toLowerCase();
    if (!/[a-z0-9]/.test(c)) continue;
    for (;;) {
      if (l < 0) return -1;
      const lc = long[l].toLowerCase();
      if (lc === c && (s > 0 || l === 0 || !/[A-Za-z0-9]/.test(long[l - 1]))) break;
      l--;
    }
    if (s === 0) return l;
    l--;
  }
  return -1;
}

interface DataIndex {
  /** abbreviation → its accepted names, lower-cased */
  names: Map<string, string[]>;
  /** abbreviations of more than one word (`FG IMT-2020`) by their first word */
  multi: Map<string, string[]>;
}

const dataIndexes = new WeakMap<ReferenceData, DataIndex>();

function dataIndex(data: ReferenceData): DataIndex {
  let ix = dataIndexes.get(data);
  if (ix) return ix;
  const names = new Map<string, string[]>();
  const multi = new Map<string, string[]>();
  const addMulti = (a: string) => {
    if (!a.includes(' ')) return;
    const first = a.split(' ')[0];
    const l = multi.get(first) ?? [];
    if (!l.includes(a)) l.push(a);
    multi.set(first, l);
  };
  for (const b of data.bodies) {
    if (!b.abbreviation) continue;
    names.set(b.abbreviation, [b.canonical, ...(b.variants ?? [])].map((n) => n.toLowerCase()));
    addMulti(b.abbreviation);
  }
  for (const g of data.namedGroups) {
    if (!g.abbreviation) continue;
    const l = names.get(g.abbreviation) ?? [];
    l.push(g.name.toLowerCase());
    names.set(g.abbreviation, l);
    addMulti(g.abbreviation);
  }
  ix = { names, multi };
  dataIndexes.set(data, ix);
  return ix;
}

function maskRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const res = text.includes('ITU-') ? [CITED_SECTOR_RE, CITED_REC_SECTOR_RE, CITED_MEETING_RE] : [CITED_MEETING_RE];
  for (const re of res) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function isHeadingText(text: string): boolean {
  let letters = 0;
  let caps = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      caps++;
      letters++;
    } else if (c >= 97 && c <= 122) letters++;
  }
  if (letters < 8) return false;
  // two capitals each side say the same as {2,} and do not backtrack over a long run of capitals
  return caps / letters > 0.8 && /[A-Z]{2}[ \t]+[A-Z]{2}/.test(text);
}

/** A definition found in a text, before it is placed in a unit. */
type RawDefinition = Omit<AbbrDefinition, 'unit' | 'resolution' | 'range' | 'abbrRange' | 'expansionRange'> & { expFrom: number; expTo: number };

/** The definition in one parenthesis, if it is one. */
function definitionAt(ix: DataIndex, text: string, open: number, close: number): RawDefinition | null {
  const inner = text.slice(open + 1, close);
  const end = text[close] === ')' ? close + 1 : close;
  const make = (abbr: string, abbrFrom: number, expFrom: number, expTo: number, from: number, to: number, standard: boolean): RawDefinition => ({
    abbr,
    key: abbreviationKey(abbr),
    expansion: text.slice(expFrom, expTo),
    from,
    to,
    abbrFrom,
    expFrom,
    expTo,
    standard,
  });
  // `Expansion (ABBR)`
  if (ABBR_SHAPE.test(inner) && looksLikeAbbreviation(inner.split(' ')[0])) {
    const key = abbreviationKey(inner);
    let before = open;
    while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
    const head = text.slice(0, before);
    const headLower = head.toLowerCase();
    // a name the data gives to this abbreviation
    for (const n of ix.names.get(key) ?? ix.names.get(inner) ?? []) {
      if (headLower.endsWith(n) && (head.length === n.length || !/[A-Za-z0-9]/.test(head[head.length - n.length - 1]))) {
        return make(inner, open + 1, before - n.length, before, before - n.length, end, true);
      }
    }
    // letters in order; look back at most a few words more than the abbreviation has letters
    const letters = key.replace(/[^A-Za-z0-9]/g, '').length;
    const maxWords = Math.min(letters + 5, letters * 2);
    let start = before;
    let words = 0;
    while (start > 0 && words < maxWords) {
      let p = start - 1;
      while (p >= 0 && (text[p] === ' ' || text[p] === '\t')) p--;
      if (p < 0 || /[;:,()"“”]/.test(text[p])) break;
      while (p >= 0 && text[p] !== ' ' && text[p] !== '\t' && !/[;:,()"“”]/.test(text[p])) p--;
      start = p + 1;
      words++;
    }
    const window = text.slice(start, before);
    const at = expansionStart(key, window);
    if (at >= 0) {
      const expFrom = start + at;
      // the expansion is more than the abbreviation itself (`the ITU-T (ITU-T)` is not a definition)
      const exp = text.slice(expFrom, before);
      // and does not open with another abbreviation (`ITU-T and with the Radiocommunication (ITU-R)`)
      const firstWord = /^\S+/.exec(exp)?.[0] ?? '';
      const otherAbbreviation = /^[A-Z0-9][A-Z0-9-]+$/.test(firstWord) && !key.startsWith(firstWord);
      if (!otherAbbreviation && exp.replace(/[^A-Za-z]/g, '').length > key.replace(/[^A-Za-z]/g, '').length) return make(inner, open + 1, expFrom, before, expFrom, end, true);
    }
    return null;
  }
  // `(traditional approval process, TAP)`
  const comma = inner.lastIndexOf(', ');
  if (comma > 0) {
    const abbr = inner.slice(comma + 2);
    if (ABBR_SHAPE.test(abbr) && looksLikeAbbreviation(abbr.split(' ')[0])) {
      const long = inner.slice(0, comma);
      const at = expansionStart(abbreviationKey(abbr), long);
      if (at >= 0) return make(abbr, open + 1 + comma + 2, open + 1 + at, open + 1 + comma, open, end, false);
    }
  }
  // `IMT (International Mobile Telecommunications)`
  const tokenBefore = /([0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)[ \t]+$/.exec(text.slice(Math.max(0, open - 30), open));
  if (tokenBefore && looksLikeAbbreviation(tokenBefore[1]) && /^[A-Za-z]/.test(inner) && inner.includes(' ') && !/\d{4}/.test(inner)) {
    const abbr = tokenBefore[1];
    const at = expansionStart(abbreviationKey(abbr), inner);
    if (at === 0) {
      const abbrFrom = open - tokenBefore[0].length;
      return make(abbr, abbrFrom, open + 1, close, abbrFrom, end, false);
    }
  }
  return null;
}

/** A use found in a text. `core` is without `'s`; multi-word abbreviations of the data are merged (`FG IMT-2020`). */
/** A use found in a line's text (a class: one hidden class for every use, so the loops over them stay optimised). */
class RawUse {
  constructor(
    readonly from: number,
    readonly to: number,
    readonly core: string,
    readonly keys: string[],
  ) {}
}

/** A use placed in its unit; the range is computed when asked for (most are never reported). */
class PlacedUse implements AbbrUse {
  readonly resolution: number;
  private _range?: Range;
  constructor(
    readonly text: string,
    readonly keys: string[],
    readonly unit: TextUnit,
    readonly from: number,
    readonly to: number,
    readonly coreTo: number,
  ) {
    this.resolution = unit.resolution;
  }
  get range(): Range {
    return (this._range ??= rangeIn(this.unit.content, this.from, this.to));
  }
}

interface RawScan {
  definitions: RawDefinition[];
  uses: RawUse[];
}

const EMPTY_SCAN: RawScan = { definitions: [], uses: [] };

/** Per reference data, what a line's text defines and uses, keyed by the text: a keystroke rescans one line. */
const SCAN_SLOT = new OwnedTextSlot<RawScan>();

function scanText(ix: DataIndex, text: string): RawScan {
  if (!/[A-Z][A-Za-z0-9]*[A-Z]/.test(text)) return EMPTY_SCAN;
  if (isHeadingText(text)) return EMPTY_SCAN;
  const masked = maskRanges(text);
  const definitions: RawDefinition[] = [];
  const defSpans: [number, number][] = [];
  if (text.includes('(')) {
    PAREN_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PAREN_RE.exec(text))) {
      const d = definitionAt(ix, text, m.index, m.index + m[0].length - 1);
      if (!d) continue;
      definitions.push(d);
      // the abbreviation inside the definition is not a use
      defSpans.push([d.abbrFrom, d.abbrFrom + d.abbr.length]);
    }
    OPEN_ABBR_RE.lastIndex = 0;
    while ((m = OPEN_ABBR_RE.exec(text))) {
      const close = m.index + m[0].length;
      // only a parenthesis that nothing closes before the next one opens
      const next = text.indexOf('(', close);
      const closing = text.indexOf(')', close);
      if (closing >= 0 && (next < 0 || closing < next)) continue;
      const d = definitionAt(ix, text, m.index, close);
      if (!d) continue;
      definitions.push(d);
      defSpans.push([d.abbrFrom, d.abbrFrom + d.abbr.length]);
    }
  }
  const uses: RawUse[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) {
    const from = m.index;
    let to = from + m[0].length;
    if (overlapsAny(masked, from, to) || overlapsAny(defSpans, from, to)) continue;
    let core = m[0].endsWith('s') && /['\u2019]s$/.test(m[0]) ? m[0].slice(0, -2) : m[0];
    // a multi-word abbreviation the data knows (`FG IMT-2020`)
    for (const full of ix.multi.get(core) ?? NONE) {
      if (text.startsWith(full, from)) {
        const after = /^['\u2019]s/.test(text.slice(from + full.length, from + full.length + 2)) ? 2 : 0;
        core = full;
        to = from + full.length + after;
        TOKEN_RE.lastIndex = to;
        break;
      }
    }
    if (!core.includes(' ') && !looksLikeAbbreviation(core)) continue;
    // words in capitals (`NOTE 2 – SG or WP DETERMINATION`, `DEADLINE FOR REPLIES`): a word of six
    // letters or more in capitals that the data does not know, and the capital words next to it
    if (/^[A-Z]+$/.test(core) && !ix.names.has(core) && (core.length >= 6 || capitalPhrase(text, from, to, ix))) continue;
    // `SG 13` is a study group (study-group-form)
    if (core === 'SG' && /^[ \t]?\d/.test(text.slice(to, to + 2))) continue;
    // a Recommendation number such as `X.509` or a clause number `A.1`
    if (text.charCodeAt(to) === 46 && /\d/.test(text[to + 1] ?? '')) continue;
    uses.push(new RawUse(from, to, core, keysOf(abbreviationKey(core))));
  }
  return definitions.length || uses.length ? { definitions, uses } : EMPTY_SCAN;
}

function overlapsAny(spans: [number, number][], from: number, to: number): boolean {
  for (let i = 0; i < spans.length; i++) if (from < spans[i][1] && spans[i][0] < to) return true;
  return false;
}

/** The all-capital word at [from, to) stands next to an all-capital word that is not an abbreviation. */
function capitalPhrase(text: string, from: number, to: number, ix: DataIndex): boolean {
  const before = /([A-Z]+)['\u2019]?S?[ \t]+$/.exec(text.slice(Math.max(0, from - 30), from));
  const after = /^(?:['\u2019]S)?[ \t]+([A-Z]+)(?![A-Za-z0-9])/.exec(text.slice(to, to + 30));
  const core = text.slice(from, to);
  // six letters or more, or four and more on both sides (`STUDY GROUP`)
  const min = core.length >= 4 ? 4 : 6;
  const long = (w: string | undefined) => !!w && w.length >= min && !ix.names.has(w);
  return long(before?.[1]) || long(after?.[1]);
}


const NONE: string[] = [];

/** Connector words inside a title (`Handbook on Global Trends in …`). */
const TITLE_CONNECTORS = new Set(['in', 'on', 'of', 'for', 'and', 'the', 'to', 'a', 'an']);

/** The text before `at` ends with a Title Case run of two or more capitalised words: the repeat is part of a longer name. */
function insideTitle(text: string, at: number): boolean {
  const words = text.slice(Math.max(0, at - 120), at).split(/[ \t]+/);
  if (words.length && words[words.length - 1] === '') words.pop();
  let caps = 0;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i].replace(/^["“(]+/, '');
    if (!w) break;
    if (/[,;:.)"”]$/.test(w)) break;
    if (TITLE_CONNECTORS.has(w)) continue;
    if (/^[A-Z]/.test(w)) caps++;
    else break;
    if (words[i] !== w) break;
  }
  return caps >= 2;
}

/**
 * Definitions, uses and repeats of each resolution. `mentions` (the body mentions of the
 * names analysis) keep a repeat that is part of a longer name (`the Director of the
 * Telecommunication Standardization Bureau` after `(TSB)`) from counting.
 *
 * The work per unit and per resolution is in functions of their own, called from plain
 * indexed loops: V8 optimises a function called thousands of times with the feedback of
 * every kind of unit, where one long loop compiled on the fly was thrown away on each lint.
 */
export function findAbbreviations(doc: ResDocument, units: TextUnit[], data: ReferenceData, mentions: BodyMention[]): ResolutionAbbreviations[] {
  // the shape of a pass, anchored with this data and an empty document (util/shapes.ts)
  anchorShape('abbreviations.Pass', () => new Pass(emptyDocument(), data, []));
  const st = new Pass(doc, data, mentions);
  // each loop is a method of its own: code compiled on the fly for a long loop (OSR) is kept
  // and entered again on the next lint, and was thrown away there at the code after the loop
  st.scanAll(units);
  st.repeatsAll();
  return st.out;
}

/** The state of one abbreviations analysis. */
class Pass {
  readonly out: ResolutionAbbreviations[];
  /** the units scanned, in text order */
  readonly order: TextUnit[] = [];
  /** abbreviations of more than one word defined in each resolution (`FG IMT-2020`) */
  private readonly multiDefined = new Map<number, string[]>();
  /** the first line of the operative and preambular text of each resolution */
  private readonly bodyStart: number[];
  private readonly owner: number;
  private readonly scan: (text: string) => RawScan;
  /** the body mentions of each unit, made when a repeat first needs them */
  private byUnit: Map<TextUnit, BodyMention[]> | null = null;

  constructor(
    doc: ResDocument,
    data: ReferenceData,
    private readonly mentions: BodyMention[],
  ) {
    this.out = doc.resolutions.map((_, i) => ({ resolution: i, definitions: new Map(), uses: [], repeats: [] }));
    this.bodyStart = doc.resolutions.map((res) => res.sections[0]?.range.start.line ?? res.range.end.line + 1);
    this.owner = ownerId(data);
    const ix = dataIndex(data);
    this.scan = (text: string) => scanText(ix, text);
  }

  private mentionsIn(u: TextUnit): BodyMention[] {
    let byUnit = this.byUnit;
    if (!byUnit) {
      byUnit = this.byUnit = new Map();
      for (const m of this.mentions) {
        const l = byUnit.get(m.unit);
        if (l) l.push(m);
        else byUnit.set(m.unit, [m]);
      }
    }
    return byUnit.get(u) ?? NO_MENTIONS;
  }

  private addDefinition(r: ResolutionAbbreviations, d: AbbrDefinition): void {
    const list = r.definitions.get(d.key);
    if (list) list.push(d);
    else r.definitions.set(d.key, [d]);
    if (d.key.includes(' ')) {
      const l = this.multiDefined.get(r.resolution) ?? [];
      if (!l.includes(d.key)) l.push(d.key);
      this.multiDefined.set(r.resolution, l);
    }
  }

  /** Pass 1: definitions and uses, unit by unit. */
  scanAll(units: TextUnit[]): void {
    for (let i = 0; i < units.length; i++) this.unit(units[i]);
  }

  /** Pass 2: repeats of each expansion after its first definition, resolution by resolution. */
  repeatsAll(): void {
    const orderByRes: TextUnit[][] = this.out.map(() => []);
    for (let i = 0; i < this.order.length; i++) orderByRes[this.order[i].resolution]?.push(this.order[i]);
    for (let i = 0; i < this.out.length; i++) if (this.out[i].definitions.size > 0) this.repeats(this.out[i], orderByRes[i] ?? []);
  }

  /** Pass 1 for one unit: its definitions and uses. */
  private unit(u: TextUnit): void {
    if (u.resolution < 0 || !SCANNED.has(u.kind)) return;
    // a footnote of the number, title or history line belongs to the heading
    if (u.kind === 'footnote' && u.content.line < this.bodyStart[u.resolution]) return;
    this.order.push(u);
    const r = this.out[u.resolution];
    const c = u.content;
    const text = c.text;
    const raw = SCAN_SLOT.get(unitFacts(u), this.owner, text, this.scan);
    for (let i = 0; i < raw.definitions.length; i++) {
      const d = raw.definitions[i];
      this.addDefinition(r, {
        abbr: d.abbr,
        key: d.key,
        expansion: d.expansion,
        unit: u,
        resolution: u.resolution,
        from: d.from,
        to: d.to,
        range: rangeIn(c, d.from, d.to),
        abbrRange: rangeIn(c, d.abbrFrom, d.abbrFrom + d.abbr.length),
        abbrFrom: d.abbrFrom,
        expansionRange: rangeIn(c, d.expFrom, d.expTo),
        standard: d.standard,
      });
    }
    const multi = this.multiDefined.get(u.resolution);
    let skipTo = -1;
    for (let i = 0; i < raw.uses.length; i++) {
      const use = raw.uses[i];
      if (use.from < skipTo) continue;
      let to = use.to;
      let core = use.core;
      // a multi-word abbreviation this resolution defines
      if (multi) {
        for (const full of multi) {
          if (full.length > core.length && full.startsWith(core + ' ') && text.startsWith(full, use.from)) {
            const endFull = use.from + full.length;
            core = full;
            to = endFull + (/^['\u2019]s/.test(text.slice(endFull, endFull + 2)) ? 2 : 0);
            skipTo = to;
            break;
          }
        }
      }
      const keys = core === use.core ? use.keys : keysOf(abbreviationKey(core));
      r.uses.push(new PlacedUse(text.slice(use.from, to), keys, u, use.from, to, use.from + core.length));
    }
  }

  /** Pass 2 for one resolution: its expansions written again after their definition. */
  private repeats(r: ResolutionAbbreviations, units: TextUnit[]): void {
    const firsts: AbbrDefinition[] = [];
    for (const l of r.definitions.values()) if (l[0].standard && l[0].expansion.length >= 6) firsts.push(l[0]);
    if (firsts.length === 0) return;
    // where each definition starts, by unit
    const defStarts = new Map<TextUnit, number[]>();
    for (const l of r.definitions.values())
      for (const d of l) {
        const list = defStarts.get(d.unit);
        if (list) list.push(d.from);
        else defStarts.set(d.unit, [d.from]);
      }
    // one case-insensitive pattern for every expansion of the resolution, longest first
    const byLower = new Map<string, AbbrDefinition>();
    for (const d of firsts) if (!byLower.has(d.expansion.toLowerCase())) byLower.set(d.expansion.toLowerCase(), d);
    const alternatives = [...byLower.keys()].sort((a, b) => b.length - a.length).map((e) => e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]'));
    const finder = repeatFinder(`(?<![A-Za-z0-9-])(?:${alternatives.join('|')})(?![A-Za-z0-9])`);
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      if (u.kind === 'call') continue;
      const text = u.content.text;
      const found = REPEAT_SLOT.get(unitFacts(u), finder.owner, text, finder.scan);
      for (let k = 0; k < found.length; k++) {
        const mm = found[k];
        const at = mm.at;
        const end = at + mm.text.length;
        const d = byLower.get(mm.text.toLowerCase().replace(/\t/g, ' '));
        if (!d) continue;
        const afterDef = u.content.line > d.unit.content.line || (u.content.line === d.unit.content.line && (u !== d.unit ? u.content.column > d.unit.content.column : at > d.from));
        if (!afterDef) continue;
        if (/^[ \t]*\(/.test(text.slice(end, end + 3))) continue; // a definition again: abbreviation-redefined
        if (defStarts.get(u)?.includes(at)) continue;
        if (insideTitle(text, at)) continue;
        // a heading that is the name itself (`Telecommunication Standardization Advisory Group`)
        if (text.slice(0, at).trim() === '' && /^[ \t.:]*$/.test(text.slice(end))) continue;
        const longer = this.mentionsIn(u).some((x) => x.from <= at && end <= x.to && x.to - x.from > end - at);
        if (longer) continue;
        r.repeats.push({ definition: d, unit: u, resolution: u.resolution, from: at, to: end, range: rangeIn(u.content, at, end), text: text.slice(at, end) });
      }
    }
  }
}

const NO_MENTIONS: BodyMention[] = [];

/** Where one resolution's expansions pattern matches a line's text. */
interface RepeatMatch {
  at: number;
  text: string;
}

/**
 * The matches of an expansions pattern in a line's text, kept in the text's facts record
 * for this finder (REPEAT_SLOT): the pattern changes only when a definition does, so a
 * keystroke scans the edited line only.
 */
class RepeatFinder {
  private readonly re: RegExp;
  /** its owner id in the facts records */
  readonly owner = ownerId(this);
  constructor(source: string) {
    this.re = new RegExp(source, 'gi');
  }
  readonly scan = (text: string): RepeatMatch[] => {
    const found: RepeatMatch[] = [];
    const re = this.re;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) found.push({ at: m.index, text: m[0] });
    return found;
  };
}

const repeatFinders = new Map<string, RepeatFinder>();
/** per text: the matches of the last finder that scanned it */
const REPEAT_SLOT = new OwnedTextSlot<RepeatMatch[]>();

function repeatFinder(source: string): RepeatFinder {
  let f = repeatFinders.get(source);
  if (!f) {
    // a few resolutions' patterns live at once; an edited definition makes a new one
    if (repeatFinders.size >= 64) repeatFinders.clear();
    repeatFinders.set(source, (f = new RepeatFinder(source)));
  }
  return f;
}

/** Which comes first in the text. */
export function before(a: { unit: TextUnit; from: number }, b: { unit: TextUnit; from: number }): boolean {
  const la = a.unit.content.line;
  const lb = b.unit.content.line;
  if (la !== lb) return la < lb;
  const ca = a.unit.content.column + a.from;
  const cb = b.unit.content.column + b.from;
  return ca < cb;
}

// the shapes of uses (util/shapes.ts)
anchorShape('abbreviations.RawUse', () => new RawUse(0, 0, '', []));
anchorShape('abbreviations.PlacedUse', () => new PlacedUse('', [], detachedUnit(emptyContent(), 'cover'), 0, 0, 0));
