/**
 * Parser: plain text → document model. Tolerant: any input gives a tree, nothing throws;
 * what cannot be placed becomes a plain paragraph.
 */
import { endColumnAt, rangeIn, slice as sliceContent, trimmedEnd, trimmedStart } from '../model/content';
import type {
  Annex,
  Call,
  Clause,
  Content,
  Footnote,
  FootnoteRef,
  Label,
  MeetingRef,
  NumberKind,
  Paragraph,
  Proposal,
  Range,
  ResDocument,
  Resolution,
  Section,
  SubItem,
} from '../model/types';
import { letterOrdinal, romanOrdinal } from '../model/vocabulary';
import { cleanLine, splitLines, type CleanLine } from './lines';
import { factsOf } from '../util/memo';
import {
  ANNEX_RE,
  DASH_RE,
  HISTORY_RE,
  NUMBER_LINE_RE,
  PROPOSAL_RE,
  REASONS_RE,
  isRomanLike,
  matchCall,
  matchLabel,
  matchPreamble,
  parseMeeting,
  proposalSymbol,
  type CallMatch,
  type LabelMatch,
} from './patterns';
import { anchorShape } from '../util/shapes';
import { emptyDocument } from '../model/document';

export interface ParseOptions {
  /** reuse cleaned lines from a previous parse (keyed by raw line text) */
  cache?: Map<string, CleanLine>;
  /**
   * The line number of the text's first line (default 0): a piece of a longer document
   * (parser/pieces.ts) parses with the ranges it has in the whole, so its findings and
   * their messages need no translation. `doc.lines[k]` is then line `firstLine + k`.
   */
  firstLine?: number;
}

type State = 'cover' | 'proposal' | 'reasons' | 'header' | 'body' | 'annex';

/**
 * The last sub-content taken of each line's content. A line the edit did not touch comes
 * from the line cache as the same content object, and gets the same sub-content object
 * back: its text keeps its computed hash, and per-line memos find it at once. The value
 * never refers to a model object, so the entry does not keep an old model alive.
 */
const SLICES = new WeakMap<Content, { from: number; to: number; content: Content }>();

function reusedSlice(c: Content, from: number, to: number): Content {
  const hit = SLICES.get(c);
  if (hit !== undefined && hit.from === from && hit.to === to) return hit.content;
  const content = sliceContent(c, from, to);
  if (content !== c) SLICES.set(c, { from, to, content });
  return content;
}

/** An annex paragraph's number (`1.11.2`, `4.3bis`, `1bis.2.1`, `5.5 ` before the tab, as Resolution 1 prints them). */
const PARAGRAPH_NUMBER_RE = /^(\d{1,2}(?:bis|ter|quater|quinquies)?(?:\.\d{1,3}(?:bis|ter|quater|quinquies)?){0,5}) *\t/;

/** Annex, Appendix, Attachment, Section and Part headings start with A, S or P. */
function mayBeAnnexHeading(first: number): boolean {
  return first === 65 || first === 83 || first === 80;
}

function fullRange(c: Content): Range {
  return rangeIn(c, 0, c.text.length);
}

function span(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

/** Parses a resolution, several resolutions, or a proposal into the document model. */
export function parse(text: string, options: ParseOptions = {}): ResDocument {
  const lines = splitLines(text);
  const doc = emptyDocument(text, lines);
  build(doc, lines, lines, options.cache, options.firstLine ?? 0);
  return doc;
}

/**
 * Parses a text given as lines each with its terminator (as the server keeps an open
 * document, lineDocument.ts). The cache is keyed by those line strings: the editor keeps
 * the same string objects for the lines an edit did not touch, so a lookup costs no
 * re-hashing and the text is never joined or split. `doc.text` is joined only when read.
 */
export function parseLines(terminated: readonly string[], options: ParseOptions = {}): ResDocument {
  const n = terminated.length;
  const lines: string[] = new Array(n);
  for (let i = 0; i < n; i++) lines[i] = withoutTerminator(terminated[i]);
  const doc = new LinesDocument(terminated, lines);
  build(doc, terminated, lines, options.cache);
  return doc;
}

/**
 * A model parsed from lines: the whole text is joined only when read. A class, not an
 * accessor defined on each document: an accessor added per object gives every document a
 * hidden class of its own, which the garbage collector keeps alive long after the model.
 */
class LinesDocument implements ResDocument {
  private joined: string | null = null;
  cover: Paragraph[] = [];
  proposals: Proposal[] = [];
  resolutions: Resolution[] = [];
  footnotes: Footnote[] = [];
  traces: ResDocument['traces'] = [];
  directives: ResDocument['directives'] = [];
  constructor(
    private readonly terminated: readonly string[],
    readonly lines: string[],
  ) {}
  get text(): string {
    return (this.joined ??= this.terminated.join(''));
  }
}

function withoutTerminator(line: string): string {
  const n = line.length;
  if (n === 0) return line;
  const last = line.charCodeAt(n - 1);
  if (last === 10) return line.slice(0, n > 1 && line.charCodeAt(n - 2) === 13 ? n - 2 : n - 1);
  return last === 13 ? line.slice(0, n - 1) : line;
}

/**
 * The proposal symbol (`MOD`, `ADD`, `SUP` …) that a cleaned line opens with, if it starts a
 * proposal. `first` is the code of the line's first non-blank character.
 */
export function proposalStart(t: string, first: number): RegExpExecArray | null {
  if (first !== 65 && first !== 77 && first !== 83 && first !== 78 && first !== 40) return null;
  const pm = PROPOSAL_RE.exec(t);
  if (!pm) return null;
  if (pm[2] === '') return pm;
  // an identifier such as `EUR/12/1` or `ACP/64A1/3`
  return pm[2].includes('/') && (/^[A-Z0-9][\w-]*\/[\w/.-]+$/.test(pm[2]) || /^[A-Z]{2,}/.test(pm[2])) ? pm : null;
}

/**
 * The number line match of a cleaned line (`Resolution`, `Recommendation`, `Decision`,
 * `Opinion` or `draft`, any case, then a number): such a line starts a resolution.
 */
export function numberLine(t: string, first: number): RegExpExecArray | null {
  const lower = first | 0x20;
  return lower === 114 || lower === 100 || lower === 111 ? NUMBER_LINE_RE.exec(t) : null;
}

/** Cleans every line (through the cache, keyed by `keys[i]`) and builds the tree. */
function build(doc: ResDocument, keys: readonly string[], lines: readonly string[], cache: Map<string, CleanLine> | undefined, firstLine = 0): void {
  const cleaned = cleanAll(doc, keys, lines, cache, firstLine);
  // only a parse with a line cache gets content objects it saw before
  new Builder(doc, cleaned, cache !== undefined).run();
}

/**
 * Every line cleaned. The loop only calls, and is a function of its own: a function called
 * per line is optimised with the feedback of every kind of line, where a long loop compiled
 * on the fly (OSR) together with the code after it was thrown away on each parse.
 */
function cleanAll(doc: ResDocument, keys: readonly string[], lines: readonly string[], cache: Map<string, CleanLine> | undefined, firstLine: number): CleanLine[] {
  const cleaned: CleanLine[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) cleaned[i] = cleanedLine(doc, keys[i], lines[i], firstLine + i, cache);
  return cleaned;
}

/** One line cleaned (or found in the cache), its traces, footnotes and directives added to the document. */
function cleanedLine(doc: ResDocument, key: string, raw: string, line: number, cache: Map<string, CleanLine> | undefined): CleanLine {
  let cl: CleanLine | undefined;
  if (cache) {
    const hit = cache.get(key);
    if (hit && hit.content.line === line) cl = hit;
    else if (hit) cache.set(key, (cl = relocate(hit, line)));
  }
  if (!cl) {
    cl = cleanLine(raw, line);
    if (cache) cache.set(key, cl);
  }
  if (cl.traces.length) doc.traces.push(...cl.traces);
  if (cl.footnotes.length) doc.footnotes.push(...cl.footnotes);
  if (cl.directives.length) doc.directives.push(...cl.directives);
  return cl;
}

/** A cached clean line moved to another line number. */
function relocate(cl: CleanLine, line: number): CleanLine {
  const mv = (r: Range): Range => ({ start: { line, character: r.start.character }, end: { line, character: r.end.character } });
  return {
    content: { ...cl.content, line },
    traces: cl.traces.map((t) => ({ ...t, range: mv(t.range) })),
    footnotes: cl.footnotes.map((f) => ({ ...f, range: mv(f.range), content: { ...f.content, line } })),
    footnoteRefs: cl.footnoteRefs.map((f) => ({ ...f, range: mv(f.range) })),
    directives: cl.directives.map((d) => ({
      ...d,
      line: d.kind === 'disable-next-line' ? line + 1 : line,
      range: mv(d.range),
      ruleRanges: d.ruleRanges.map(mv),
    })),
  };
}

class Builder {
  private state: State = 'cover';
  private proposal: Proposal | null = null;
  private res: Resolution | null = null;
  private section: Section | null = null;
  private clause: Clause | null = null;
  private annex: Annex | null = null;
  private titleOpen = false;

  constructor(
    private doc: ResDocument,
    private cleaned: CleanLine[],
    /** sub-contents of lines seen before are reused (reusedSlice) */
    private reuse: boolean,
  ) {}

  /** text[from, to) of a line's content, keeping its mapping to raw columns. */
  private slice(c: Content, from: number, to: number): Content {
    if (this.reuse) return reusedSlice(c, from, to);
    const content = sliceContent(c, from, to);
    // one string object per distinct text, from the text's facts record (util/memo.ts): a
    // per-line scan then finds its result by comparing pointers, not characters
    const facts = factsOf(content.text);
    const text = facts.text;
    const out = text === content.text ? content : content === c ? { ...c, text } : ((content.text = text), content);
    // the text unit made of it takes the record from here (analyzer/texts.ts, unitFacts)
    out.facts = facts;
    return out;
  }

  run(): void {
    const n = this.cleaned.length;
    for (let i = 0; i < n; i++) {
      const cl = this.cleaned[i];
      const c = cl.content;
      const t = c.text;
      const ts = trimmedStart(t);
      if (ts >= t.length) continue; // blank (or only traces)
      this.line(i, cl, ts);
    }
    this.closeResolution();
    this.closeProposal();
  }

  private para(c: Content): Paragraph {
    const s = trimmedStart(c.text);
    const e = trimmedEnd(c.text);
    const content = this.slice(c, s, e);
    return { range: fullRange(content), content, number: null };
  }

  private line(i: number, cl: CleanLine, ts: number): void {
    const c = cl.content;
    const t = c.text;

    // proposal symbols lead everything
    const first = t.charCodeAt(ts);
    const pm = proposalStart(t, first);
    if (pm) {
      this.startProposal(c, pm);
      return;
    }
    if (this.proposal && first === 82 /* R */ && REASONS_RE.test(t)) {
      this.closeResolution();
      this.state = 'reasons';
      this.proposal.reasons.push(this.para(c));
      this.extend(this.proposal, c);
      return;
    }

    // a number line starts a resolution wherever it stands (inside a clause list it would need a label)
    const nm = numberLine(t, first);
    if (nm) {
      this.startResolution(c, nm);
      return;
    }

    switch (this.state) {
      case 'cover':
        this.doc.cover.push(this.para(c));
        return;
      case 'proposal':
      case 'reasons':
        if (this.state === 'reasons') this.proposal!.reasons.push(this.para(c));
        else this.proposal!.paragraphs.push(this.para(c));
        this.extend(this.proposal!, c);
        return;
      case 'header':
        this.headerLine(i, cl, ts);
        return;
      case 'body':
        this.bodyLine(i, cl, ts);
        return;
      case 'annex':
        if (mayBeAnnexHeading(first) && ANNEX_RE.test(c.text)) this.bodyLine(i, cl, ts);
        else this.annexLine(c);
        return;
    }
  }

  private extend(node: { range: Range }, c: Content): void {
    node.range = { start: node.range.start, end: { line: c.line, character: c.column + c.text.length + extraOf(c) } };
  }

  private startProposal(c: Content, pm: RegExpExecArray): void {
    this.closeResolution();
    this.closeProposal();
    const symStart = t0(c.text);
    const sym = pm[1];
    const idStart = pm[2] ? c.text.indexOf(pm[2], symStart + sym.length) : symStart + sym.length;
    const p: Proposal = {
      symbol: proposalSymbol(sym),
      symbolRange: rangeIn(c, symStart, symStart + sym.length),
      identifier: pm[2] ?? '',
      identifierRange: rangeIn(c, idStart, idStart + (pm[2]?.length ?? 0)),
      range: rangeIn(c, symStart, trimmedEnd(c.text)),
      reasons: [],
      resolutions: [],
      paragraphs: [],
    };
    this.doc.proposals.push(p);
    this.proposal = p;
    this.state = 'proposal';
  }

  private closeProposal(): void {
    this.proposal = null;
  }

  private startResolution(c: Content, nm: RegExpExecArray): void {
    this.closeResolution();
    if (this.state === 'reasons') this.state = 'proposal';
    const s = t0(c.text);
    const e = trimmedEnd(c.text);
    const numberText = nm[3];
    const numberStart = c.text.indexOf(numberText, s + nm[1].length + nm[2].length);
    let meeting: MeetingRef | null = null;
    if (nm[4] !== undefined) {
      const open = c.text.indexOf('(', numberStart + numberText.length);
      meeting = this.meeting(c, nm[4], open + 1);
    }
    const kindWord = nm[2].toLowerCase();
    const kind: NumberKind =
      kindWord === 'recommendation' ? 'Recommendation' : kindWord === 'decision' ? 'Decision' : kindWord === 'opinion' ? 'Opinion' : 'Resolution';
    const content = this.slice(c, s, e);
    const res: Resolution = {
      range: fullRange(content),
      numberLine: {
        range: fullRange(content),
        kind,
        draft: nm[1].length > 0,
        number: numberText,
        numberRange: rangeIn(c, numberStart, numberStart + numberText.length),
        meeting,
        content,
      },
      title: null,
      history: null,
      preamble: null,
      sections: [],
      annexes: [],
      paragraphs: [],
      proposal: this.proposal ? this.doc.proposals.length - 1 : -1,
    };
    this.doc.resolutions.push(res);
    if (this.proposal) this.proposal.resolutions.push(this.doc.resolutions.length - 1);
    this.res = res;
    this.section = null;
    this.clause = null;
    this.annex = null;
    this.titleOpen = true;
    this.state = 'header';
  }

  private meeting(c: Content, text: string, offset: number): MeetingRef | null {
    const m = parseMeeting(text, offset);
    if (!m) return null;
    return {
      place: m.place,
      year: m.year,
      wrcForm: m.wrcForm,
      rev: m.rev,
      revText: m.revText,
      revSpace: m.revSpace,
      revRange: m.revText !== null ? rangeIn(c, m.revStart, m.revStart + m.revText.length + m.revSpace.length) : null,
      raw: text,
      range: rangeIn(c, m.start, m.end),
    };
  }

  private closeResolution(): void {
    if (this.res) {
      this.closeSection();
      if (this.proposal) this.proposal.range = span(this.proposal.range, this.res.range);
    }
    this.res = null;
    this.annex = null;
  }

  private closeSection(): void {
    this.section = null;
    this.clause = null;
  }

  private grow(c: Content): void {
    const res = this.res!;
    const end = { line: c.line, character: c.column + c.text.length + extraOf(c) };
    res.range = { start: res.range.start, end };
    if (this.proposal) this.proposal.range = { start: this.proposal.range.start, end };
  }

  private headerLine(i: number, cl: CleanLine, ts: number): void {
    const c = cl.content;
    const t = c.text;
    const res = this.res!;
    this.grow(c);
    const hm = HISTORY_RE.exec(t);
    if (hm && !res.history && !res.preamble) {
      const open = t.indexOf('(') + 1;
      const meetings: MeetingRef[] = [];
      let off = open;
      for (const part of hm[1].split(';')) {
        const m = this.meeting(c, part.trim(), off + (part.length - part.trimStart().length));
        if (m) meetings.push(m);
        off += part.length + 1;
      }
      const content = this.slice(c, ts, trimmedEnd(t));
      res.history = { range: fullRange(content), meetings, content, footnoteRefs: cl.footnoteRefs };
      this.titleOpen = false;
      return;
    }
    const pm = matchPreamble(t);
    if (pm && !res.preamble) {
      const content = this.slice(c, ts, trimmedEnd(t));
      res.preamble = {
        range: fullRange(content),
        content,
        body: pm.body,
        bodyText: pm.bodyText,
        meeting: pm.meetingText !== null ? this.meeting(c, pm.meetingText, pm.meetingStart) : null,
        endsWithComma: pm.endsWithComma,
      };
      this.titleOpen = false;
      this.state = 'body';
      return;
    }
    const cm = matchCall(t);
    if (cm) {
      this.state = 'body';
      this.startSection(c, cm);
      return;
    }
    if (this.titleOpen && !res.history) {
      const content = this.slice(c, ts, trimmedEnd(t));
      if (!res.title) res.title = { range: fullRange(content), lines: [content], text: content.text };
      else {
        res.title.lines.push(content);
        res.title.range = span(res.title.range, fullRange(content));
        res.title.text += ' ' + content.text;
      }
      return;
    }
    // something after the history line that is neither preamble nor call: the body begins
    this.state = 'body';
    this.bodyLine(i, cl, ts);
  }

  private startSection(c: Content, cm: CallMatch): void {
    const res = this.res!;
    this.closeSection();
    const content = this.slice(c, cm.start, cm.end);
    const call: Call = {
      range: fullRange(content),
      content,
      text: content.text,
      head: cm.head,
      kind: cm.kind,
      modifier: cm.modifier,
      toVerb: cm.toVerb,
      toVerbRange: cm.toVerb ? rangeIn(c, cm.toVerbStart, cm.toVerbStart + cm.toVerb.length) : null,
      addressee: cm.addressee,
      addresseeRange: cm.addressee ? rangeIn(c, cm.addresseeStart, cm.addresseeStart + cm.addressee.length) : null,
      known: true,
    };
    const section: Section = { range: call.range, call, clauses: [], index: res.sections.length };
    res.sections.push(section);
    this.section = section;
  }

  private bodyLine(i: number, cl: CleanLine, ts: number): void {
    const c = cl.content;
    const t = c.text;
    this.grow(c);
    if (mayBeAnnexHeading(t.charCodeAt(ts)) && ANNEX_RE.test(t)) {
      this.closeSection();
      const content = this.slice(c, ts, trimmedEnd(t));
      const word = content.text.split(/[ \t]/)[0].toLowerCase();
      const annex: Annex = {
        range: fullRange(content),
        heading: content,
        kind: word === 'appendix' ? 'appendix' : word === 'attachment' ? 'attachment' : word === 'section' || word === 'part' ? 'section' : 'annex',
        title: null,
        paragraphs: [],
      };
      this.res!.annexes.push(annex);
      this.annex = annex;
      this.state = 'annex';
      return;
    }
    const lm = matchLabel(t);
    if (!lm) {
      const cm = matchCall(t);
      if (cm) {
        this.startSection(c, cm);
        return;
      }
      if (this.looksLikeUnknownCall(i, t)) {
        const s = ts;
        const e = trimmedEnd(t);
        const content = this.slice(c, s, e);
        const words = content.text.split(/[ \t]+/);
        this.closeSection();
        const res = this.res!;
        const call: Call = {
          range: fullRange(content),
          content,
          text: content.text,
          head: words[0].toLowerCase(),
          kind: /^(resolv|decid|instruct|invit|request|encourag|urg|call)/i.test(words[0]) ? 'operative' : 'preambular',
          modifier: null,
          toVerb: null,
          toVerbRange: null,
          addressee: words.length > 1 ? words.slice(1).join(' ') : null,
          addresseeRange: null,
          known: false,
        };
        const section: Section = { range: call.range, call, clauses: [], index: res.sections.length };
        res.sections.push(section);
        this.section = section;
        return;
      }
    }
    const section = this.section;
    if (!section) {
      this.res!.paragraphs.push(this.para(c));
      return;
    }
    section.range = { start: section.range.start, end: { line: c.line, character: endColumnAt(c, trimmedEnd(t)) } };

    // sub-items: dashes, or roman/letter items after a clause that opened a list
    const dash = !lm ? DASH_RE.exec(t) : null;
    const clause = this.clause;
    if (clause && this.listOpen(clause)) {
      if (dash || (lm && this.isSubLabel(section, clause, lm)) || (!lm && !this.isNewClauseText(t, ts))) {
        this.addSubItem(clause, cl, lm, dash);
        return;
      }
    } else if (clause && lm && section.call.kind === 'operative' && lm.letters) {
      // lettered items inside operative clauses are sub-items
      this.addSubItem(clause, cl, lm, null);
      return;
    } else if (clause && dash) {
      this.addSubItem(clause, cl, null, dash);
      return;
    }
    if (lm) {
      const label = this.makeLabel(c, lm, section, false);
      const body = this.slice(c, lm.bodyStart, trimmedEnd(t));
      this.newClause(section, label, body, cl, c);
      return;
    }
    if (clause && !clause.label && section.clauses.length === 1 && !endsClause(clause)) {
      // a further paragraph of a lone, unlabelled clause
      clause.continuations.push(this.slice(c, ts, trimmedEnd(t)));
      clause.range = span(clause.range, fullRange(this.slice(c, ts, trimmedEnd(t))));
      clause.footnoteRefs.push(...cl.footnoteRefs);
      return;
    }
    this.newClause(section, null, this.slice(c, ts, trimmedEnd(t)), cl, c);
  }

  private newClause(section: Section, label: Label | null, body: Content, cl: CleanLine, c: Content): void {
    const start = label ? label.range.start : fullRange(body).start;
    const clause: Clause = {
      range: { start, end: fullRange(body).end },
      label,
      content: body,
      continuations: [],
      subItems: [],
      footnoteRefs: [...cl.footnoteRefs],
    };
    section.clauses.push(clause);
    this.clause = clause;
    void c;
  }

  private addSubItem(clause: Clause, cl: CleanLine, lm: LabelMatch | null, dash: RegExpExecArray | null): void {
    const c = cl.content;
    const t = c.text;
    const e = trimmedEnd(t);
    let label: Label | null = null;
    let bullet: string | null = null;
    let bodyStart = trimmedStart(t);
    if (lm) {
      label = this.makeLabel(c, lm, null, true);
      bodyStart = lm.bodyStart;
    } else if (dash) {
      bullet = dash[1];
      bodyStart = dash[0].length;
    }
    const content = this.slice(c, bodyStart, e);
    const startPos = label ? label.range.start : rangeIn(c, trimmedStart(t), trimmedStart(t)).start;
    const item: SubItem = { range: { start: startPos, end: fullRange(content).end }, label, bullet, content };
    clause.subItems.push(item);
    clause.range = span(clause.range, item.range);
    clause.footnoteRefs.push(...cl.footnoteRefs);
  }

  /** the clause (or its last sub-item) ends with a colon or a `;` inside an open list */
  private listOpen(clause: Clause): boolean {
    const own = lastText(clause.continuations.length ? clause.continuations[clause.continuations.length - 1] : clause.content);
    if (clause.subItems.length === 0) return own.endsWith(':');
    if (!own.endsWith(':')) return false;
    const last = lastText(clause.subItems[clause.subItems.length - 1].content);
    return last.endsWith(';') || last.endsWith(':') || last.endsWith('and') || last.endsWith('or') || last.endsWith(', and') || last.endsWith('; and');
  }

  /** a label inside an open list: roman numerals and letters in preambular sections are items */
  private isSubLabel(section: Section, clause: Clause, lm: LabelMatch): boolean {
    if (lm.dotted) return true;
    if (lm.letters) {
      if (section.call.kind === 'operative') return true;
      // preambular: `i)` after `h)` is the next clause, `i)` after a colon is an item
      if (isRomanLike(lm.letters)) {
        const prev = clause.label;
        const nextLetter = prev && prev.kind === 'letter' && letterOrdinal(lm.letters) === prev.ordinal + 1;
        return !nextLetter || clause.subItems.length > 0;
      }
      return clause.subItems.length > 0 && clause.subItems[0].label?.kind === 'letter';
    }
    // digits inside a preambular list are items; in operative sections they are clauses
    return section.call.kind === 'preambular';
  }

  private isNewClauseText(t: string, ts: number): boolean {
    return /^(that|to)[ \t]/.test(t.slice(ts, ts + 5));
  }

  private makeLabel(c: Content, lm: LabelMatch, section: Section | null, sub: boolean): Label {
    let kind: Label['kind'];
    let base: string;
    let ordinal: number;
    if (lm.dotted) {
      kind = 'dotted';
      base = lm.dotted;
      ordinal = parseInt(lm.dotted.split('.').pop()!, 10);
    } else if (lm.digits) {
      kind = 'number';
      base = lm.digits;
      ordinal = parseInt(lm.digits, 10);
    } else {
      base = lm.letters!;
      const roman = sub ? isRomanLike(base) && !(base.length === 1 && base !== 'i' && base !== 'v' && base !== 'x') : false;
      kind = roman ? 'roman' : 'letter';
      ordinal = roman ? romanOrdinal(base) : letterOrdinal(base);
      void section;
    }
    return {
      text: lm.text,
      range: rangeIn(c, lm.start, lm.end),
      kind,
      ordinal,
      base,
      suffixOrdinal: lm.suffixOrdinal,
      suffix: lm.suffix,
      separator: lm.separator,
    };
  }

  /**
   * A short unlabelled line that does not end like a clause, followed by a labelled
   * clause or a `that`/`to` line, is an unknown call (`considers`, `recognising`).
   */
  private looksLikeUnknownCall(i: number, t: string): boolean {
    const s = trimmedStart(t);
    const e = trimmedEnd(t);
    const first = t.charCodeAt(s);
    if (!(first >= 97 && first <= 122)) return false;
    const body = t.slice(s, e);
    if (/[;.,:]$/.test(body)) return false;
    if (/^(that|to|and|or|the|a|an|in|of|on|for|with)\b/.test(body)) return false;
    const words = body.split(/[ \t]+/);
    if (words.length > 4) return false;
    if (!/^[a-z]+$/.test(words[0]) || words[0].length < 4) return false;
    // next non-blank line
    for (let j = i + 1; j < this.cleaned.length; j++) {
      const nt = this.cleaned[j].content.text;
      const ns = trimmedStart(nt);
      if (ns >= nt.length) continue;
      return !!matchLabel(nt) || /^(that|to)[ \t]/.test(nt.slice(ns, ns + 5));
    }
    return false;
  }

  private annexLine(c: Content): void {
    const annex = this.annex!;
    this.grow(c);
    const p = this.para(c);
    const n = PARAGRAPH_NUMBER_RE.exec(p.content.text);
    if (n) p.number = { text: n[1], range: rangeIn(p.content, 0, n[1].length) };
    if (!annex.title && annex.paragraphs.length === 0 && !n) annex.title = p.content;
    else annex.paragraphs.push(p);
    annex.range = span(annex.range, p.range);
  }
}

function t0(text: string): number {
  return trimmedStart(text);
}

function extraOf(c: Content): number {
  return c.shifts.length ? c.shifts[c.shifts.length - 1] : 0;
}

function lastText(c: Content): string {
  return c.text.slice(0, trimmedEnd(c.text));
}

function endsClause(clause: Clause): boolean {
  const c = clause.continuations.length ? clause.continuations[clause.continuations.length - 1] : clause.content;
  const t = lastText(c);
  return t.endsWith(';') || t.endsWith('.') || t.endsWith(',');
}

export type { Footnote, FootnoteRef };

// the shapes of the parser's per-parse objects (util/shapes.ts)
anchorShape('parser.Builder', () => new Builder(emptyDocument('', []), [], false));
anchorShape('parser.LinesDocument', () => new LinesDocument([], []));
