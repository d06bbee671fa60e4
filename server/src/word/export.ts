/**
 * Export of a resolution (or a proposal) to Word (.docx) with ITU's paragraph styles
 * (SPEC §7), written with the `docx` library.
 *
 * The document model (from `parse`) says what each line is; the text written is the
 * raw line (`doc.lines`), so non-breaking spaces and hyphens survive. Word traces in
 * the text become Word structures again:
 * - `[footnoteRef:N]M … [N: M\tbody]` → a real footnote. The mark M is auto-numbered
 *   when it is the number Word would give; otherwise it is kept as a custom mark
 *   (`w:customMarkFollows`), so a text such as res1's `1bis` footnote survives.
 * - `[table: R rows × C columns]` and its R lines → a Word table of C grid columns.
 * - `[figure: …]` → a paragraph in the `Figure` style holding the placeholder text
 *   (the image itself is not in the plain text).
 * - `[bookmark: …]` → dropped.
 *
 * Styles per line: number line `ResNo` (its meeting part, from the `(`, with capitals
 * turned off on the run, as res1 does: `RESOLUTION 1 (Rev. Hammamet, 2016)`), title lines one `Restitle` paragraph (lines
 * joined by line breaks), history `Resref`, preamble `Normalaftertitle0`, calls `Call`,
 * clauses `Normal` (label TAB text), sub-items `enumlev1`–`enumlev3` by nesting,
 * annex / appendix headings `AnnexNo` / `AppendixNo` and their titles, proposal symbol
 * lines `Proposal`, `Reasons:` paragraphs `Reasons`, cover text `Normal`. Lines the
 * model leaves unplaced are styled from their text: `SECTION n` + next line
 * (`SectionNo` / `Sectiontitle`), `n.n\tShort heading` (`Heading2`/`Heading3`),
 * `NOTE – …` (`Note`), dash / lettered / roman items (`enumlev*`).
 *
 * Import of the export gives back the same text (tested on res1).
 */
import { promises as fs } from 'node:fs';
import {
  DeletedTextRun,
  Document,
  FootnoteReference,
  FootnoteReferenceRun,
  InsertedTextRun,
  type IRunOptions,
  NoBreakHyphen,
  Packer,
  Paragraph,
  type ParagraphChild,
  SoftHyphen,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  XmlAttributeComponent,
  XmlComponent,
} from 'docx';
import type { ResDocument, SubItem } from '../model/types';
import { parse } from '../parser/parse';
import { DEFAULT_TAB_STOP, PAGE, STYLE, ituStyles, type ItuStyleOptions } from './styles';

export interface ExportOptions extends ItuStyleOptions {
  /** document title in the package properties */
  title?: string;
}

type Role =
  | 'cover'
  | 'proposal'
  | 'proposalText'
  | 'reasons'
  | 'numberLine'
  | 'title'
  | 'history'
  | 'preamble'
  | 'call'
  | 'clause'
  | 'sub1'
  | 'sub2'
  | 'sub3'
  | 'annexNo'
  | 'appendixNo'
  | 'annexTitle'
  | 'appendixTitle'
  | 'text';

class CustomMarkAttributes extends XmlAttributeComponent<{ customMarkFollows: number; id: number }> {
  protected override readonly xmlKeys = { customMarkFollows: 'w:customMarkFollows', id: 'w:id' };
}

/** `<w:footnoteReference w:customMarkFollows="1" w:id="N"/>`: the mark is the text that follows. */
class CustomMarkFootnoteReference extends XmlComponent {
  constructor(id: number) {
    super('w:footnoteReference');
    this.root.push(new CustomMarkAttributes({ customMarkFollows: 1, id }));
  }
}

const FOOTNOTE_REF_RE = /\[footnoteRef:(\d+)\](\d*)/g;
const TABLE_RE = /^\[table: (\d+) rows? × (\d+) columns?\]$/;
const FIGURE_RE = /^\[figure: [^\]]*\]$/;

/** Index of the `]` closing the `[` at `open`, or -1. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '[') depth++;
    else if (s[i] === ']' && --depth === 0) return i;
  }
  return -1;
}

interface NoteBody {
  id: string;
  text: string;
}

/** Removes the inline footnote bodies of the footnotes referenced on the line (or with the given ids). */
function splitBodies(line: string, referenced?: Set<string>): { text: string; bodies: Map<string, NoteBody> } {
  const bodies = new Map<string, NoteBody>();
  const ids = referenced ?? new Set([...line.matchAll(FOOTNOTE_REF_RE)].map((m) => m[1]));
  if (ids.size === 0) return { text: line, bodies };
  let out = '';
  let i = 0;
  while (i < line.length) {
    const m = line[i] === '[' ? /^\[(\d+): ?/.exec(line.slice(i, i + 16)) : null;
    if (m && ids.has(m[1])) {
      const end = closing(line, i);
      if (end > 0) {
        bodies.set(m[1], { id: m[1], text: line.slice(i + m[0].length, end) });
        // the space that separated the body from the text
        if (out.endsWith(' ')) out = out.slice(0, -1);
        i = end + 1;
        continue;
      }
    }
    out += line[i];
    i++;
  }
  return { text: out, bodies };
}

/** A piece of a line for `segmentRuns`: plain, or a tracked insertion / deletion. */
export interface RunSegment {
  text: string;
  change?: { kind: 'ins' | 'del'; author: string; date: string };
  /** false: small letters shown as written even where the style shows capitals */
  caps?: false;
}

/**
 * The number line's style shows capitals, but ITU keeps the meeting as written:
 * `RESOLUTION 1 (Rev. Hammamet, 2016)` (res1 turns capitals off on those runs).
 * Marks the segments from the first `(` on with `caps: false`.
 */
export function numberLineSegments(segments: RunSegment[]): RunSegment[] {
  const out: RunSegment[] = [];
  let off = false;
  for (const seg of segments) {
    if (off) {
      out.push({ ...seg, caps: false });
      continue;
    }
    const at = seg.text.indexOf('(');
    if (at < 0) {
      out.push(seg);
      continue;
    }
    off = true;
    if (at > 0) out.push({ ...seg, text: seg.text.slice(0, at) });
    out.push({ ...seg, text: seg.text.slice(at), caps: false });
  }
  return out;
}

type RunChild = string | Tab | NoBreakHyphen | SoftHyphen;

/** Plain text → run children: tabs, non-breaking hyphens, soft hyphens as Word elements. */
function runChildren(text: string): RunChild[] {
  const out: RunChild[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push(buf);
    buf = '';
  };
  for (const ch of text.replace(/\[bookmark:[^\]]*\]/g, '')) {
    if (ch === '\t') {
      flush();
      out.push(new Tab());
    } else if (ch === '\u2011') {
      flush();
      out.push(new NoBreakHyphen());
    } else if (ch === '\u00ad') {
      flush();
      out.push(new SoftHyphen());
    } else buf += ch;
  }
  flush();
  return out;
}

export class Exporter {
  footnotes: Record<number, { children: Paragraph[] }> = {};
  private noteId = 0;
  private autoNumber = 0;

  constructor(private doc: ResDocument) {}

  /** Runs for one line of text with its footnote markers and bodies. */
  runs(line: string): ParagraphChild[] {
    return this.segmentRuns([{ text: line }]);
  }

  /**
   * Runs for one line given in segments, each plain or a tracked change (MOD
   * proposals). A footnote body may sit in another segment than its reference.
   */
  segmentRuns(segments: RunSegment[]): ParagraphChild[] {
    const ids = new Set<string>();
    for (const seg of segments) for (const m of seg.text.matchAll(FOOTNOTE_REF_RE)) ids.add(m[1]);
    const bodies = new Map<string, NoteBody>();
    const texts = segments.map((seg) => {
      const split = splitBodies(seg.text, ids);
      for (const [k, v] of split.bodies) bodies.set(k, v);
      return split.text;
    });
    const out: ParagraphChild[] = [];
    segments.forEach((seg, k) => {
      const text = texts[k];
      const change = seg.change;
      const run = (o: { style?: string; children: IRunOptions['children'] }): ParagraphChild => {
        const opts = seg.caps === false ? { ...o, allCaps: false } : o;
        if (!change) return new TextRun(opts);
        const meta = { id: this.nextRevision(), author: change.author, date: change.date };
        return change.kind === 'ins' ? new InsertedTextRun({ ...opts, ...meta }) : new DeletedTextRun({ ...opts, ...meta });
      };
      const push = (s: string) => {
        if (s) out.push(run({ children: runChildren(s) }));
      };
      let last = 0;
      for (const m of text.matchAll(FOOTNOTE_REF_RE)) {
        push(text.slice(last, m.index));
        last = m.index! + m[0].length;
        const mark = m[2];
        let bodyText = bodies.get(m[1])?.text ?? mark;
        const id = ++this.noteId;
        if (mark !== '' && mark === String(this.autoNumber + 1)) {
          // the number Word would give: an auto-numbered footnote, Word writes the mark
          // (w:footnoteRef) at the start of the note itself
          this.autoNumber++;
          if (bodyText.startsWith(mark)) bodyText = bodyText.slice(mark.length);
          out.push(change ? run({ style: STYLE.FootnoteReference, children: [new FootnoteReference(id)] }) : new FootnoteReferenceRun(id));
        } else {
          out.push(run({ style: STYLE.FootnoteReference, children: [new CustomMarkFootnoteReference(id), ...(mark ? [mark] : [])] }));
        }
        this.footnotes[id] = { children: [new Paragraph({ style: STYLE.FootnoteText, children: [new TextRun({ children: runChildren(bodyText) })] })] };
      }
      push(text.slice(last));
    });
    return out;
  }

  private revisionId = 0;

  /** A fresh id for a `w:ins` / `w:del` (unique in the document). */
  nextRevision(): number {
    return ++this.revisionId;
  }

  /** One paragraph; several lines are joined by line breaks. */
  paragraph(style: string, lines: string[]): Paragraph {
    const runs = (l: string) => (style === STYLE.ResNo ? this.segmentRuns(numberLineSegments([{ text: l }])) : this.runs(l));
    const children = lines.flatMap((l, i) => (i > 0 ? [new TextRun({ break: 1 }), ...runs(l)] : runs(l)));
    return new Paragraph({ style, children });
  }

  table(rowsText: string[], columns: number): Table {
    const width = PAGE.width - PAGE.margin.left - PAGE.margin.right;
    const colWidth = Math.floor(width / Math.max(columns, 1));
    // footnote bodies of a row sit at the end of its line: take them off before splitting cells
    const rows = rowsText.map((line) => {
      const { text, bodies } = splitBodies(line);
      const cells = text.split('\t');
      // give each cell its footnote bodies back, so runs() finds them
      return cells.map((cell) => {
        let c = cell;
        for (const m of cell.matchAll(FOOTNOTE_REF_RE)) {
          const b = bodies.get(m[1]);
          if (b) c += ` [${b.id}: ${b.text}]`;
        }
        return c;
      });
    });
    return new Table({
      columnWidths: Array.from({ length: columns }, () => colWidth),
      width: { size: colWidth * columns, type: WidthType.DXA },
      rows: rows.map(
        (cells) =>
          new TableRow({
            children: cells.map(
              (cell, i) =>
                new TableCell({
                  columnSpan: i === cells.length - 1 && cells.length < columns ? columns - cells.length + 1 : undefined,
                  children: [new Paragraph({ style: STYLE.Tabletext, children: this.runs(cell) })],
                }),
            ),
          }),
      ),
    });
  }

  /** What each raw line is, from the model. */
  roles(): Map<number, Role> {
    const roles = new Map<number, Role>();
    const set = (line: number, role: Role) => {
      if (!roles.has(line)) roles.set(line, role);
    };
    const d = this.doc;
    for (const p of d.cover) set(p.range.start.line, 'cover');
    for (const p of d.proposals) {
      set(p.symbolRange.start.line, 'proposal');
      for (const r of p.reasons) set(r.range.start.line, 'reasons');
      for (const r of p.paragraphs) set(r.range.start.line, 'proposalText');
    }
    for (const r of d.resolutions) {
      set(r.numberLine.range.start.line, 'numberLine');
      for (const l of r.title?.lines ?? []) set(l.line, 'title');
      if (r.history) set(r.history.range.start.line, 'history');
      if (r.preamble) set(r.preamble.range.start.line, 'preamble');
      for (const s of r.sections) {
        set(s.call.range.start.line, 'call');
        for (const c of s.clauses) {
          set(c.range.start.line, 'clause');
          for (const k of c.continuations) set(k.line, 'clause');
          const depths = subItemDepths(c.subItems);
          c.subItems.forEach((it, i) => set(it.range.start.line, (['sub1', 'sub2', 'sub3'] as const)[Math.min(depths[i], 3) - 1]));
        }
      }
      for (const a of r.annexes) {
        if (a.kind === 'section') continue; // SECTION n headings: styled from their text below
        const appendix = a.kind === 'appendix';
        set(a.heading.line, appendix ? 'appendixNo' : 'annexNo');
        // `(to Resolution 1 (…))` under the heading belongs to the heading; the title follows it
        const toLine = a.title && /^\(to\b/i.test(a.title.text);
        if (toLine) set(a.title!.line, appendix ? 'appendixNo' : 'annexNo');
        const title = toLine ? a.paragraphs[0]?.content : a.title?.line !== undefined ? a.title : undefined;
        if (title) set(title.line, appendix ? 'appendixTitle' : 'annexTitle');
      }
    }
    return roles;
  }

  /**
   * What to write, in order: paragraphs (one or more raw lines, joined by line breaks)
   * with their style, and tables (the placeholder line and its rows).
   */
  plan(): PlanItem[] {
    const lines = this.doc.lines;
    const roles = this.roles();
    const out: PlanItem[] = [];
    let prevStyle = '';
    let itemStack: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i];
      if (raw.trim() === '') continue;
      const tm = TABLE_RE.exec(raw);
      if (tm && i + Number(tm[1]) < lines.length) {
        const n = Number(tm[1]);
        out.push({ kind: 'table', lines: Array.from({ length: n + 1 }, (_, k) => i + k), columns: Number(tm[2]) });
        i += n;
        continue;
      }
      const role = roles.get(i) ?? 'text';
      if (role === 'title') {
        // one Restitle paragraph for the title lines; a line that is a meeting list is the history
        const group = [i];
        while (roles.get(i + 1) === 'title' && !looksLikeHistory(lines[i + 1])) group.push(++i);
        if (looksLikeHistory(raw)) {
          out.push({ kind: 'paragraph', style: STYLE.Resref, lines: [group[0]] });
          continue;
        }
        out.push({ kind: 'paragraph', style: STYLE.Restitle, lines: group });
        continue;
      }
      let style: string;
      switch (role) {
        case 'numberLine': style = STYLE.ResNo; break;
        case 'history': style = STYLE.Resref; break;
        case 'preamble': style = STYLE.Normalaftertitle; break;
        case 'call': style = STYLE.Call; break;
        case 'sub1': style = STYLE.enumlev1; break;
        case 'sub2': style = STYLE.enumlev2; break;
        case 'sub3': style = STYLE.enumlev3; break;
        case 'annexNo': style = STYLE.AnnexNo; break;
        case 'appendixNo': style = STYLE.AppendixNo; break;
        case 'annexTitle': style = STYLE.Annextitle; break;
        case 'appendixTitle': style = STYLE.Appendixtitle; break;
        case 'proposal': style = STYLE.Proposal; break;
        case 'reasons': style = STYLE.Reasons; break;
        case 'cover':
        case 'proposalText':
          style = STYLE.Normal;
          break;
        case 'clause': {
          // the model reads headings of a rules-of-procedure text as clauses: keep their styles
          const guess = styleFromText(raw, prevStyle, []).style;
          style = HEADING_STYLES.has(guess) ? guess : STYLE.Normal;
          break;
        }
        default: {
          const guess = styleFromText(raw, prevStyle, itemStack);
          style = guess.style;
          itemStack = guess.items;
        }
      }
      if (role !== 'text') itemStack = [];
      prevStyle = style;
      if (FIGURE_RE.test(raw.trim()) && style === STYLE.Normal) style = STYLE.Figure;
      out.push({ kind: 'paragraph', style, lines: [i] });
    }
    return out;
  }

  build(): (Paragraph | Table)[] {
    const lines = this.doc.lines;
    return this.plan().map((item) =>
      item.kind === 'table'
        ? this.table(item.lines.slice(1).map((l) => lines[l]), item.columns)
        : this.paragraph(item.style, item.lines.map((l) => lines[l])),
    );
  }
}

export type PlanItem = { kind: 'paragraph'; style: string; lines: number[] } | { kind: 'table'; lines: number[]; columns: number };

/**
 * The paragraph style each raw line of a document gets on export (`Tabletext` for the
 * rows of a table, undefined for blank lines and table placeholders).
 */
export function lineStyles(doc: ResDocument): (string | undefined)[] {
  const styles: (string | undefined)[] = new Array(doc.lines.length).fill(undefined);
  for (const item of new Exporter(doc).plan()) {
    if (item.kind === 'paragraph') for (const l of item.lines) styles[l] = item.style;
    else for (const l of item.lines.slice(1)) styles[l] = STYLE.Tabletext;
  }
  return styles;
}

function looksLikeHistory(raw: string): boolean {
  // the parenthesis first, then a year or a WRC in it: one pass (a single pattern for both backtracked quadratically)
  const paren = /^\s*\(([^()]*)\)/.exec(raw.replace(/\[footnoteRef:\d+\]\d*/g, ''));
  return !!paren && /\d{4}|WRC-\d\d/.test(paren[1]);
}

/** Nesting depth (1-based) of the sub-items of a clause: a new kind of label after a colon goes one deeper. */
function subItemDepths(items: SubItem[]): number[] {
  const stack: string[] = [];
  const kindOf = (it: SubItem) => (it.bullet ? `dash:${it.bullet}` : (it.label?.kind ?? 'none'));
  return items.map((it) => {
    const kind = kindOf(it);
    const at = stack.indexOf(kind);
    if (at >= 0) stack.length = at + 1;
    else stack.push(kind);
    return stack.length;
  });
}

const ITEM_RE = /^(?:([-\u2013\u2014\u2022])|([ivx]+)\)|([a-z])\)|(\d+)\))[ \u00a0]*\t/;

const HEADING_STYLES = new Set<string>([
  STYLE.SectionNo,
  STYLE.Sectiontitle,
  STYLE.Heading2,
  STYLE.Heading3,
  STYLE.Note,
  STYLE.Figure,
  STYLE.AnnexNo,
  STYLE.AppendixNo,
  STYLE.Annextitle,
  STYLE.Appendixtitle,
]);

/** The style of a line the model does not place, from its text and the previous line's style. */
function styleFromText(raw: string, prev: string, items: string[]): { style: string; items: string[] } {
  const t = raw.replace(/\[footnoteRef:\d+\]\d*/g, '');
  if (prev === STYLE.SectionNo) return { style: STYLE.Sectiontitle, items: [] };
  const annex = /^(ANNEX|Annex|APPENDIX|Appendix)(?:[ \t\u00a0]+[0-9IVXA-Z]{1,5})?[ \t]*$/.exec(t);
  if (annex) return { style: annex[1].toLowerCase() === 'annex' ? STYLE.AnnexNo : STYLE.AppendixNo, items: [] };
  if (prev === STYLE.AnnexNo || prev === STYLE.AppendixNo) {
    if (/^\(to\b.*\)\s*$/i.test(t)) return { style: prev, items: [] };
    return { style: prev === STYLE.AnnexNo ? STYLE.Annextitle : STYLE.Appendixtitle, items: [] };
  }
  if (/^SECTION[\s\u00a0]+\d\w*\s*$/i.test(t)) return { style: STYLE.SectionNo, items: [] };
  if (/^NOTE(?:\s+\d+)?\s+[–-]\s/.test(t)) return { style: STYLE.Note, items };
  if (FIGURE_RE.test(t.trim())) return { style: STYLE.Figure, items: [] };
  // `\d\w*`, not `\d+\w*`: the same text, without two ways to split each run of digits (exponential in the number of parts)
  const h = /^(\d\w*(?:\.\d\w*)+)\s*\t([^\t]*)$/.exec(t);
  if (h && h[2].length < 100 && !/[.;:,]\s*$/.test(h[2])) {
    return { style: h[1].split('.').length === 2 ? STYLE.Heading2 : STYLE.Heading3, items: [] };
  }
  const m = ITEM_RE.exec(t);
  if (m) {
    const kind = m[1] ? 'dash' : m[2] && !(m[2].length === 1 && items[items.length - 1] === 'letter') ? 'roman' : m[3] ? 'letter' : 'number';
    const stack = [...items];
    const at = stack.indexOf(kind);
    if (at >= 0) stack.length = at + 1;
    else stack.push(kind);
    const depth = Math.min(stack.length, 3);
    return { style: [STYLE.enumlev1, STYLE.enumlev2, STYLE.enumlev3][depth - 1], items: stack };
  }
  return { style: STYLE.Normal, items: [] };
}

/** Writes a parsed document as a .docx with ITU's styles and real footnotes. */
export async function exportDocx(doc: ResDocument, options: ExportOptions = {}): Promise<Buffer> {
  const ex = new Exporter(doc);
  const children = ex.build();
  const res = doc.resolutions[0];
  return packDocument(children, ex.footnotes, { ...options, title: options.title ?? (res ? res.numberLine.content.text : undefined) });
}

/** A Word package with ITU's styles and page (A4, 2 cm margins) around the given body. */
export async function packDocument(
  children: (Paragraph | Table)[],
  footnotes: Record<number, { children: Paragraph[] }>,
  options: ExportOptions & { trackRevisions?: boolean } = {},
): Promise<Buffer> {
  const document = new Document({
    title: options.title,
    creator: 'reslint',
    defaultTabStop: DEFAULT_TAB_STOP,
    styles: ituStyles(options),
    footnotes,
    features: options.trackRevisions ? { trackRevisions: true } : undefined,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, gutter: 0 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** CLI entry (`reslint export --to docx IN -o OUT.docx`): parses the text file and writes the .docx. */
export async function exportFile(inPath: string, outPath: string, options: ExportOptions = {}): Promise<void> {
  const text = await fs.readFile(inPath, 'utf8');
  await fs.writeFile(outPath, await exportDocx(parse(text), options));
}
