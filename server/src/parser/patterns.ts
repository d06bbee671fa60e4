/**
 * Line-level recognisers. Each takes the cleaned text of one line and says what it is.
 * All regular expressions here are anchored and free of nested unbounded quantifiers.
 */
import type { AdoptingBody, ProposalSymbol } from '../model/types';
import {
  LATIN_SUFFIXES,
  OPERATIVE_ADDRESSED,
  OPERATIVE_PLAIN,
  PREAMBULAR_CALLS,
  letterOrdinal,
  romanOrdinal,
  suffixOrdinal,
} from '../model/vocabulary';

const SUFFIX = `(?:${LATIN_SUFFIXES.join('|')})`;

export const NUMBER_LINE_RE = new RegExp(
  String.raw`^[ \t]*((?:draft[ \t]+new[ \t]+)?)(resolution|recommendation|decision|opinion)[ \t]+(?:No\.?[ \t]*)?((?:ITU-R[ \t]+)?(?:\d{1,4}[A-Z]?|\[[^\]]{0,60}\]))[ \t]*(?:\(([^()]{0,120})\))?[ \t]*$`,
  'i',
);

export const HISTORY_RE = /^[ \t]*\(([^()]{0,300}\d{2,4}[^()]{0,20})\)[ \t]*$/;

export const PROPOSAL_RE = /^[ \t]*(\(MOD\)|ADD\*|SUP\*|ADD|MOD|SUP|NOC)(?=[ \t]|$)[ \t]*(\S*)/;

export const REASONS_RE = /^[ \t]*Reasons?:/;

export const ANNEX_RE =
  /^[ \t]*(?:(ANNEX|Annex|APPENDIX|Appendix|ATTACHMENT|Attachment)(?:[ \t]+[0-9IVXA-Z]{1,5})?(?:[ \t]+\([^()]{0,100}\))?|(SECTION|Section|PART|Part)[ \t]+[0-9IVX]{1,4}(?:[ \t]?(?:bis|ter|quater))?)[ \t]*$/;

export interface LabelMatch {
  /** start of the label in the text */
  start: number;
  /** end of the label (exclusive) */
  end: number;
  /** start of the body (after the separator) */
  bodyStart: number;
  text: string;
  /** a lower-case letter run: letter or roman, decided by context */
  letters: string | null;
  digits: string | null;
  dotted: string | null;
  suffix: string;
  suffixOrdinal: number;
  separator: 'tab' | 'space' | 'mixed' | 'none';
}

const LABEL_RE = new RegExp(
  String.raw`^[ \t]*(?:\(?([a-z]{1,4})(?:[ \t]?(${SUFFIX}))?\)(${SUFFIX})?|(\d{1,3})(?:[ \t]?(${SUFFIX}))?[.)]?|(\d{1,3}(?:\.\d{1,3}){1,4})\.?)(?=[ \t]|$)`,
);

/** Recognises a clause label at the start of a line (`a)`, `a bis)`, `2`, `2bis`, `1.1`, `i)`). */
export function matchLabel(text: string): LabelMatch | null {
  const c = text.charCodeAt(0);
  // fast reject: labels start with a letter, a digit, `(` or white space
  if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 40 || c === 32 || c === 9)) return null;
  const m = LABEL_RE.exec(text);
  if (!m) return null;
  const full = m[0];
  let start = 0;
  while (start < full.length && (full[start] === ' ' || full[start] === '\t')) start++;
  const end = full.length;
  let p = end;
  let tabs = 0;
  let spaces = 0;
  while (p < text.length) {
    const ch = text[p];
    if (ch === '\t') tabs++;
    else if (ch === ' ') spaces++;
    else break;
    p++;
  }
  const suffix = m[2] ?? m[3] ?? m[5] ?? '';
  return {
    start,
    end,
    bodyStart: p,
    text: full.slice(start),
    letters: m[1] ?? null,
    digits: m[4] ?? null,
    dotted: m[6] ?? null,
    suffix,
    suffixOrdinal: suffix ? suffixOrdinal(suffix) : 0,
    separator: tabs && spaces ? 'mixed' : tabs ? 'tab' : spaces ? 'space' : 'none',
  };
}

export function lettersOrdinal(s: string, roman: boolean): number {
  return roman ? romanOrdinal(s) : letterOrdinal(s);
}

export function isRomanLike(s: string): boolean {
  return /^[ivxl]+$/.test(s) && romanOrdinal(s) > 0;
}

export const DASH_RE = /^[ \t]*([-\u2013\u2014\u2022\u00b7])[ \t]+/;

// ---- calls ----

interface CallHead {
  words: string;
  kind: 'preambular' | 'operative';
  addressed: boolean;
}

const HEADS: CallHead[] = [
  ...PREAMBULAR_CALLS.map((w) => ({ words: w, kind: 'preambular' as const, addressed: false })),
  ...OPERATIVE_PLAIN.map((w) => ({ words: w, kind: 'operative' as const, addressed: false })),
  ...OPERATIVE_ADDRESSED.map((w) => ({ words: w, kind: 'operative' as const, addressed: true })),
].sort((a, b) => b.words.length - a.words.length);

/** first word → heads starting with it, longest first */
const HEADS_BY_FIRST = new Map<string, CallHead[]>();
for (const h of HEADS) {
  const first = h.words.split(' ')[0];
  const list = HEADS_BY_FIRST.get(first) ?? [];
  list.push(h);
  HEADS_BY_FIRST.set(first, list);
}

export interface CallMatch {
  head: string;
  kind: 'preambular' | 'operative';
  modifier: 'further' | 'also' | null;
  toVerb: string | null;
  toVerbStart: number;
  addressee: string | null;
  addresseeStart: number;
  /** index where the call text starts (after indentation) */
  start: number;
  /** end of the meaningful text (trailing spaces excluded) */
  end: number;
  /** the head's first letter is upper case */
  capitalised: boolean;
}

const WORD_RE = /[A-Za-z]+/y;

/**
 * Recognises a call line: `considering`, `noting also`, `further resolves`,
 * `resolves to instruct the Director …`, `instructs Study Group 13`.
 */
export function matchCall(text: string): CallMatch | null {
  let s = 0;
  while (s < text.length && (text[s] === ' ' || text[s] === '\t')) s++;
  let e = text.length;
  while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  if (e - s < 4 || e - s > 400) return null;
  const last = text[e - 1];
  if (last === ';' || last === '.') return null;
  let p = s;
  let modifier: 'further' | 'also' | null = null;
  if (text.slice(s, s + 8).toLowerCase() === 'further ') {
    modifier = 'further';
    p += 8;
  }
  WORD_RE.lastIndex = p;
  const wm = WORD_RE.exec(text);
  if (!wm) return null;
  const first = wm[0].toLowerCase();
  const candidates = HEADS_BY_FIRST.get(first);
  if (!candidates) return null;
  let head: CallHead | null = null;
  for (const h of candidates) {
    const seg = text.slice(p, p + h.words.length).toLowerCase();
    if (seg === h.words) {
      const after = text.charCodeAt(p + h.words.length);
      if (isNaN(after) || after === 32 || after === 9 || after === 44 || after === 58 /* : */) {
        head = h;
        break;
      }
    }
  }
  if (!head) return null;
  if (modifier && head.kind === 'preambular') return null; // `further considering` is not a form
  const capitalised = text[s] !== text[s].toLowerCase() && !modifier;
  p += head.words.length;
  const skip = () => {
    while (p < e && (text[p] === ' ' || text[p] === '\t')) p++;
  };
  skip();
  if (!modifier) {
    const rest = text.slice(p, p + 8).toLowerCase();
    if (rest.startsWith('further') && (p + 7 >= e || text[p + 7] === ' ' || text[p + 7] === ',')) {
      modifier = 'further';
      p += 7;
      skip();
    } else if (rest.startsWith('also') && (p + 4 >= e || text[p + 4] === ' ' || text[p + 4] === ',')) {
      modifier = 'also';
      p += 4;
      skip();
    }
  }
  let toVerb: string | null = null;
  let toVerbStart = -1;
  let addressee: string | null = null;
  let addresseeStart = -1;
  const remaining = text.slice(p, e);
  if (head.words === 'resolves') {
    if (remaining.length === 0 || remaining === ':' || remaining === ',') {
      // plain `resolves`
    } else if (/^to[ \t]+[a-z]/.test(remaining)) {
      const vm = /^to[ \t]+(call[ \t]+upon|[a-z]+)/.exec(remaining)!;
      toVerb = vm[1];
      toVerbStart = p + vm[0].length - vm[1].length;
      p += vm[0].length;
      skip();
      if (p < e) {
        addressee = text.slice(p, e);
        addresseeStart = p;
      }
    } else {
      return null; // `resolves that …` on one line is a clause, not a call
    }
  } else if (head.addressed) {
    if (remaining.length > 0) {
      if (/^(?:to|that)[ \t]/.test(remaining)) return null; // a clause body, not a call
      addressee = remaining;
      addresseeStart = p;
    }
  } else if (remaining.length > 0 && remaining !== ':' && remaining !== ',') {
    return null; // preambular calls and plain operative calls stand alone
  }
  return {
    head: head.words,
    kind: head.kind,
    modifier,
    toVerb,
    toVerbStart,
    addressee,
    addresseeStart,
    start: s,
    end: e,
    capitalised,
  };
}

// ---- preamble ----

const PREAMBLE_BODIES: [RegExp, AdoptingBody][] = [
  [/World Telecommunication Standardi[sz]ation Assembly/i, 'WTSA'],
  [/Plenipotentiary Conference/i, 'PP'],
  [/World Telecommunication Development Conference/i, 'WTDC'],
  [/World Radiocommunication Conference/i, 'WRC'],
  [/Radiocommunication Assembly/i, 'RA'],
];

export interface PreambleMatch {
  body: AdoptingBody;
  bodyText: string;
  bodyStart: number;
  meetingText: string | null;
  meetingStart: number;
  endsWithComma: boolean;
}

const PREAMBLE_HEAD_RE = /^[ \t]*The[ \t]+/;

/**
 * `The <body> (<meeting>),`: read from both ends without a backtracking regular expression
 * (a single pattern with a lazy body between runs of optional white space took seconds on
 * a line of "The a" and a few hundred spaces).
 */
function splitPreamble(text: string): { bodyStart: number; bodyEnd: number; open: number; close: number; punct: string } | null {
  const head = PREAMBLE_HEAD_RE.exec(text);
  if (!head) return null;
  const bodyStart = head[0].length;
  let e = trimmedEndOf(text, text.length);
  let punct = '';
  if (e > bodyStart && ',.;:'.includes(text[e - 1])) {
    punct = text[e - 1];
    e = trimmedEndOf(text, e - 1);
  }
  let open = -1;
  let close = -1;
  let bodyEnd = e;
  if (e > bodyStart && text[e - 1] === ')') {
    close = e - 1;
    open = text.lastIndexOf('(', close);
    if (open < bodyStart || close - open - 1 > 100 || text.slice(open + 1, close).includes(')')) return null;
    bodyEnd = trimmedEndOf(text, open);
  }
  const body = text.slice(bodyStart, bodyEnd);
  if (body.length < 3 || body.length > 200 || body.includes('(') || body.includes(')')) return null;
  return { bodyStart, bodyEnd, open, close, punct };
}

function trimmedEndOf(text: string, end: number): number {
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

export function matchPreamble(text: string): PreambleMatch | null {
  const m = splitPreamble(text);
  if (!m) return null;
  const bodyText = text.slice(m.bodyStart, m.bodyEnd);
  let body: AdoptingBody = 'unknown';
  for (const [re, b] of PREAMBLE_BODIES) {
    if (re.test(bodyText)) {
      body = b;
      break;
    }
  }
  if (body === 'unknown' && !/\b(Assembly|Conference|Council)\b/.test(bodyText)) return null;
  return {
    body,
    bodyText,
    bodyStart: m.bodyStart,
    meetingText: m.open >= 0 ? text.slice(m.open + 1, m.close) : null,
    meetingStart: m.open >= 0 ? m.open + 1 : -1,
    endsWithComma: m.punct === ',',
  };
}

// ---- meetings ----

export interface MeetingMatch {
  place: string;
  year: number | null;
  wrcForm: boolean;
  rev: boolean;
  /** `Rev` as written, with its dot when there is one (`Rev.`, `REV.`, `Rev`), and the white space after it; where it starts */
  revText: string | null;
  revSpace: string;
  revStart: number;
  /** offsets within the given text */
  start: number;
  end: number;
}

/** The parts of a `Rev.` prefix as written (`REV. ` → `REV.`, ` `). */
function revParts(prefix: string | undefined, at: number): { revText: string | null; revSpace: string; revStart: number } {
  if (!prefix) return { revText: null, revSpace: '', revStart: -1 };
  let e = prefix.length;
  while (e > 0 && (prefix[e - 1] === ' ' || prefix[e - 1] === '\t')) e--;
  return { revText: prefix.slice(0, e), revSpace: prefix.slice(e), revStart: at };
}

// `REV.` is the number line in capitals, as ITU prints it (`DECISION 5 (REV. BUSAN, 2014)`)
const WRC_RE = /^[ \t]*((?:Rev|REV)\.?[ \t]*)?(WRC|WARC|RRC)-(\d{2,4})[ \t]*$/;
const REV_RE = /^[ \t]*((?:Rev|REV(?=[. \t]))\.?[ \t]*)?/;

/**
 * `Rev. Place, 2016`, `Place 2016`, `Place`: the same reading as the pattern
 * /^[ \t]*(Rev\.?[ \t]*)?([^,;()]*?)[ \t]*,?[ \t]*(\d{4})?[ \t]*$/, taken from both ends
 * (that pattern backtracked for seconds on a place followed by a few hundred spaces and ",,").
 */
function splitPlaceYear(text: string): { rev: boolean; revPrefix: string | undefined; revAt: number; place: string; year: string | undefined } | null {
  const head = REV_RE.exec(text)!;
  const s = head[0].length;
  let e = trimmedEndOf(text, text.length);
  let year: string | undefined;
  if (e - s >= 4 && isDigits(text, e - 4, e)) {
    year = text.slice(e - 4, e);
    e = trimmedEndOf(text, e - 4);
  }
  if (e > s && text[e - 1] === ',') e = trimmedEndOf(text, e - 1);
  const place = text.slice(s, Math.max(s, e));
  if (/[,;()]/.test(place)) return null;
  return { rev: !!head[1], revPrefix: head[1], revAt: s - (head[1]?.length ?? 0), place, year };
}

function isDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Parses `Rev. Hammamet, 2016`, `Hammamet, 2016`, `WRC-15`, `Rev. WRC-15`. */
export function parseMeeting(text: string, offset: number): MeetingMatch | null {
  const w = WRC_RE.exec(text);
  if (w) {
    const yy = parseInt(w[3], 10);
    const year = w[3].length === 4 ? yy : yy >= 50 ? 1900 + yy : 2000 + yy;
    const lead = text.length - text.trimStart().length;
    return { place: `${w[2]}-${w[3]}`, year, wrcForm: true, rev: !!w[1], ...revParts(w[1], offset + lead), start: offset, end: offset + text.length };
  }
  const m = splitPlaceYear(text);
  if (!m) return null;
  const place = m.place.trim();
  if (!place && !m.year) return null;
  return {
    place,
    year: m.year ? parseInt(m.year, 10) : null,
    wrcForm: false,
    rev: m.rev,
    ...revParts(m.revPrefix, offset + m.revAt),
    start: offset,
    end: offset + text.length,
  };
}

export function proposalSymbol(s: string): ProposalSymbol {
  return s as ProposalSymbol;
}
