import type { TextFacts } from '../util/memo';
/**
 * The document model of an ITU resolution (or a proposal wrapping resolutions).
 *
 * Positions are 0-based line / UTF-16 character offsets, exactly as LSP uses them.
 * The parser (server/src/parser) is the only code that reads raw text; rules and
 * editor features read this model.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * A run of text on one physical line, with Word's traces (bookmarks, footnote
 * markers, inline footnote bodies) removed and non-breaking spaces and hyphens
 * normalised to their plain forms. `text` is what rules read; `toColumn` maps an
 * index in `text` back to a column of the raw line, so findings land exactly.
 */
export interface Content {
  /** the raw line number */
  line: number;
  /** column of the raw line where this content starts */
  column: number;
  /** cleaned text (same length as raw when nothing was removed) */
  text: string;
  /**
   * Where text was removed: sorted pairs [indexInText, extraRawOffset]. An index i in
   * `text` is at raw column `column + i + extra`, where extra is the offset of the last
   * pair whose index is <= i. Empty when the content maps 1:1.
   */
  shifts: number[];
  /**
   * The facts record of `text` (util/memo.ts), when the parser looked it up: a text unit then
   * takes it from here instead of looking it up again. Never refers back to the model.
   */
  facts?: TextFacts;
}

export type TraceKind = 'bookmark' | 'footnoteRef' | 'footnoteBody' | 'annotation';

/** A mark Word left in exported text: never a drafting defect. */
export interface Trace {
  kind: TraceKind;
  range: Range;
  /** bookmark name, or footnote id */
  value: string;
}

export interface Footnote {
  id: string;
  /** the range of the whole `[1: 1\tThese include …]` body */
  range: Range;
  content: Content;
}

export interface FootnoteRef {
  id: string;
  range: Range;
}

export type ProposalSymbol = 'ADD' | 'MOD' | '(MOD)' | 'SUP' | 'NOC' | 'ADD*' | 'SUP*';

export interface Proposal {
  symbol: ProposalSymbol;
  symbolRange: Range;
  /** e.g. `APT/4202A10/1`; empty when missing */
  identifier: string;
  identifierRange: Range;
  /** from the symbol line to the last line before the next proposal */
  range: Range;
  /** `Reasons:` paragraphs */
  reasons: Paragraph[];
  /** indices into Document.resolutions of resolutions inside this proposal */
  resolutions: number[];
  /** other lines inside the proposal that are not a resolution */
  paragraphs: Paragraph[];
}

export interface Paragraph {
  range: Range;
  content: Content;
  /** an annex paragraph's number, as in Resolution 1's sections (`9.5.2`, `4.3bis`), written before a tab; else null */
  number: ParagraphNumber | null;
}

export interface ParagraphNumber {
  text: string;
  range: Range;
}

export interface MeetingRef {
  /** e.g. `Hammamet`, `WRC-15` when written in WRC form */
  place: string;
  /** 4-digit year; for `WRC-15` it is 2015 */
  year: number | null;
  /** `WRC-15` style */
  wrcForm: boolean;
  rev: boolean;
  /** `Rev` as written, with its dot if any (`Rev.`, `REV.`), the white space after it, and their range; null without `Rev` */
  revText: string | null;
  revSpace: string;
  revRange: Range | null;
  range: Range;
  raw: string;
}

export type NumberKind = 'Resolution' | 'Recommendation' | 'Decision' | 'Opinion';

export interface NumberLine {
  range: Range;
  kind: NumberKind;
  /** `Draft new Resolution [APT-AA]` */
  draft: boolean;
  /** `92`, `ITU-R 56`, `[APT-AA]`; empty when missing */
  number: string;
  numberRange: Range;
  /** the `(Rev. Hammamet, 2016)` part; null when missing */
  meeting: MeetingRef | null;
  content: Content;
}

export interface Title {
  range: Range;
  /** one content per physical line */
  lines: Content[];
  /** the whole title with the lines joined by one space */
  text: string;
}

export interface HistoryLine {
  range: Range;
  meetings: MeetingRef[];
  content: Content;
  /** footnote marks on the line: Resolution 1 keeps its earlier history in a footnote */
  footnoteRefs: FootnoteRef[];
}

export type AdoptingBody = 'WTSA' | 'PP' | 'WTDC' | 'WRC' | 'RA' | 'unknown';

export interface Preamble {
  range: Range;
  content: Content;
  /** the body named, canonical abbreviation */
  body: AdoptingBody;
  /** the body as written, e.g. `World Telecommunication Standardization Assembly` */
  bodyText: string;
  meeting: MeetingRef | null;
  /** the preamble line ends with a comma */
  endsWithComma: boolean;
}

export type CallKind = 'preambular' | 'operative';

export interface Call {
  range: Range;
  content: Content;
  /** the call as written (trimmed) */
  text: string;
  /** canonical head: `considering`, `bearing in mind`, `resolves`, `instructs`, … */
  head: string;
  kind: CallKind;
  /** `further` / `also` when present (`considering further`, `further resolves`) */
  modifier: 'further' | 'also' | null;
  /** for `resolves to instruct X`: `instruct` (as written; may be malformed like `instructs`) */
  toVerb: string | null;
  toVerbRange: Range | null;
  /** the addressee after the call words, e.g. `the Director of the Telecommunication Standardization Bureau` */
  addressee: string | null;
  addresseeRange: Range | null;
  /** true when `head` came from the known list; false for an unrecognised italic line guess */
  known: boolean;
}

export type LabelKind = 'letter' | 'number' | 'roman' | 'dotted';

export interface Label {
  /** as written, e.g. `a)`, `2bis`, `1.1` */
  text: string;
  range: Range;
  kind: LabelKind;
  /** the ordinal of the base (a=1, b=2, …; 3 for `3`) */
  ordinal: number;
  /** the base as written without suffix and parenthesis: `a`, `2`, `ii`, `1.1` */
  base: string;
  /** 0 for none, 1 for bis, 2 ter, 3 quater, … */
  suffixOrdinal: number;
  /** `bis`, `ter` … or '' */
  suffix: string;
  /** what followed the label: `tab`, `space`, `spaces`, `none` */
  separator: 'tab' | 'space' | 'mixed' | 'none';
}

export interface SubItem {
  range: Range;
  label: Label | null;
  /** `-`, `–`, `•` for dash items */
  bullet: string | null;
  content: Content;
}

export interface Clause {
  /** first line to last sub-item */
  range: Range;
  label: Label | null;
  /** body text of the clause's own line (after the label) */
  content: Content;
  /** continuation lines (paragraphs of the same clause without a label) */
  continuations: Content[];
  subItems: SubItem[];
  footnoteRefs: FootnoteRef[];
}

export interface Section {
  range: Range;
  call: Call;
  clauses: Clause[];
  /** index of the section in its resolution */
  index: number;
}

export interface Annex {
  range: Range;
  /** `ANNEX`, `Annex 1`, `APPENDIX I`, `ATTACHMENT` … */
  heading: Content;
  kind: 'annex' | 'appendix' | 'attachment' | 'section';
  title: Content | null;
  paragraphs: Paragraph[];
}

export interface Resolution {
  range: Range;
  numberLine: NumberLine;
  title: Title | null;
  history: HistoryLine | null;
  preamble: Preamble | null;
  sections: Section[];
  annexes: Annex[];
  /** lines inside the resolution the parser could not place */
  paragraphs: Paragraph[];
  /** index of the proposal that holds it, or -1 */
  proposal: number;
}

export interface ResDocument {
  /** the raw text */
  text: string;
  /** raw lines without their line terminators */
  lines: string[];
  /** text before the first resolution or proposal symbol */
  cover: Paragraph[];
  proposals: Proposal[];
  resolutions: Resolution[];
  footnotes: Footnote[];
  traces: Trace[];
  /** inline suppression comments: `<!-- reslint-disable-line rule -->` etc. */
  directives: Directive[];
}

export interface Directive {
  /** `disable-line` applies to its own line, `disable-next-line` to the next one */
  kind: 'disable-line' | 'disable-next-line' | 'disable' | 'enable';
  /** the line the directive applies to (for disable/enable: the line it is on) */
  line: number;
  range: Range;
  /** rule ids; empty means all rules */
  rules: string[];
  /** where each of `rules` is written */
  ruleRanges: Range[];
}
