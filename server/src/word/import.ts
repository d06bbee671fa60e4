/**
 * Import of a Word (.docx) resolution into the project's plain-text form (SPEC §1, §6).
 *
 * The package is opened with jszip and its parts are read with fast-xml-parser.
 * Conversion rules (the plain-text form an ITU editor would get from Word, made
 * predictable):
 *
 * - One paragraph per line. Paragraph styles are not written; the structured
 *   result (`blocks`) keeps each paragraph's style id and name.
 * - Runs: `w:t` as written (case kept: a style with caps does not change the text),
 *   `w:tab`/`w:ptab` → TAB, `w:noBreakHyphen` → U+2011, typed U+00A0 kept,
 *   `w:softHyphen` and typed U+00AD dropped, `w:sym` mapped to Unicode.
 * - Line breaks (`w:br` without type, `w:cr`) start a new line in the text, as Word's
 *   own plain-text export does (a title wrapped with a manual break becomes a title
 *   over two lines, as in corpus/res92-hammamet-2016.txt). Page and column breaks are
 *   dropped. Paragraphs (and line segments) with no visible text are dropped.
 * - Footnotes: the reference becomes `[footnoteRef:N]` followed by the displayed
 *   mark (`[footnoteRef:1]1`; with a custom mark, the mark is the text that follows
 *   in the document), and the footnote body is appended at the end of the same line
 *   as ` [N: <mark> <body as text>]`. N counts footnotes in document order from 1.
 *   Auto-numbered marks follow the section's footnote numbering (restart per section,
 *   start value, number format). Endnotes get the same form (with a warning).
 * - Fields: the displayed result is kept, the instruction dropped.
 * - Tracked changes: the accepted text is taken (`w:ins`/`w:moveTo` kept,
 *   `w:del`/`w:moveFrom` dropped, deleted paragraph marks merge paragraphs); a warning
 *   says so.
 * - Tables: `[table: R rows × C columns]` on its own line, then one line per row with
 *   the cells' text separated by TAB (tabs and breaks inside a cell become spaces).
 *   C is the number of grid columns; a row may have fewer cells when cells span.
 * - Drawings, VML pictures and embedded objects: `[figure: <alt text, else file name,
 *   else shape name>]` in place (text-box text is appended after ` — `). Hidden shapes
 *   are not shown by Word and are skipped.
 * - Bookmarks, comments, proofing marks: dropped (comments with a warning).
 * - Automatic list numbering (`w:numPr`), when present, is rendered as text
 *   (`label` + TAB) so that labels are not lost.
 */
import { promises as fs } from 'node:fs';
import JSZip from 'jszip';
import { XNode, attr, child, childrenNamed, find, findAll, isOn, kids, onOff, parseXml, rootOf, tagOf, textOf } from './ooxml';

export interface ImportedFootnote {
  /** sequence number in document order, as written in `[footnoteRef:N]` / `[N: …]` */
  id: number;
  /** the mark displayed in the text (`1`, `2`, or a custom mark) */
  mark: string;
  /** true when the document used a custom mark (`w:customMarkFollows`) */
  customMark: boolean;
  /** body text, starting with the mark as Word shows it (`1 \tThese include …`) */
  text: string;
}

export interface ImportedParagraph {
  kind: 'paragraph';
  /** paragraph style id (`ResNo`, `Call`, `Normal`, …) */
  styleId: string;
  /** display name from styles.xml (`Res_No`, `Call`, `Normal`, …) */
  styleName: string;
  /** text without footnote bodies; `\n` where the paragraph has a line break */
  text: string;
  footnotes: ImportedFootnote[];
  /** the line(s) written to the plain text for this paragraph */
  lines: string[];
}

export interface ImportedTable {
  kind: 'table';
  /** grid columns */
  columns: number;
  /** each row's cells as text */
  rows: string[][];
  footnotes: ImportedFootnote[];
  /** the placeholder line and one line per row */
  lines: string[];
}

export type ImportedBlock = ImportedParagraph | ImportedTable;

export interface ImportResult {
  /** the plain-text form, lines joined with `\n`, ending with a newline */
  text: string;
  warnings: string[];
  /** the same content, structured, in document order */
  blocks: ImportedBlock[];
  /** counts, for checks that nothing was lost */
  stats: { paragraphs: number; tables: number; figures: number; footnotes: number };
}

interface StyleInfo {
  id: string;
  name: string;
  type: string;
  basedOn?: string;
  numPr?: XNode;
}

interface NumLevel {
  start: number;
  fmt: string;
  text: string;
  suff: string;
}

interface NoteNumbering {
  restart: 'continuous' | 'eachSect' | 'eachPage';
  start: number;
  fmt: string;
}

const SYMBOL_FONT: Record<number, string> = {
  0x20: ' ', 0x21: '!', 0x22: '∀', 0x23: '#', 0x24: '∃', 0x25: '%', 0x26: '&', 0x27: '∋', 0x28: '(', 0x29: ')',
  0x2a: '∗', 0x2b: '+', 0x2c: ',',
  // Symbol's minus sign is what ITU documents use as the dash of dash items: written as an en dash,
  // the dash typed in every other dash item.
  0x2d: '–',
  0x2e: '.', 0x2f: '/', 0x3c: '<', 0x3d: '=', 0x3e: '>', 0x40: '≅', 0x5b: '[', 0x5d: ']', 0x5f: '_',
  0x61: 'α', 0x62: 'β', 0x63: 'χ', 0x64: 'δ', 0x65: 'ε', 0x66: 'φ', 0x67: 'γ', 0x68: 'η', 0x69: 'ι', 0x6b: 'κ',
  0x6c: 'λ', 0x6d: 'μ', 0x6e: 'ν', 0x6f: 'ο', 0x70: 'π', 0x71: 'θ', 0x72: 'ρ', 0x73: 'σ', 0x74: 'τ', 0x75: 'υ',
  0x77: 'ω', 0x78: 'ξ', 0x79: 'ψ', 0x7a: 'ζ', 0x44: 'Δ', 0x46: 'Φ', 0x47: 'Γ', 0x4c: 'Λ', 0x50: 'Π', 0x53: 'Σ',
  0x57: 'Ω', 0xa2: '′', 0xa3: '≤', 0xa5: '∞', 0xab: '↔', 0xac: '←', 0xad: '↑', 0xae: '→', 0xaf: '↓',
  0xb0: '°', 0xb1: '±', 0xb2: '″', 0xb3: '≥', 0xb4: '×', 0xb5: '∝', 0xb7: '•', 0xb8: '÷', 0xb9: '≠',
  0xba: '≡', 0xbb: '≈', 0xbc: '…', 0xd2: '®', 0xd3: '©', 0xd4: '™', 0xd7: '⋅', 0xe2: '®', 0xe3: '©', 0xe4: '™',
};

const WINGDINGS_FONT: Record<number, string> = {
  0x9f: '•', 0xa7: '▪', 0xa8: '◻', 0x6c: '●', 0x6e: '■', 0x71: '❑', 0x76: '❖', 0xd8: '➢', 0xe0: '→', 0xe8: '➔',
  0xfb: '✗', 0xfc: '✓', 0xfe: '☑',
};

function mapSymbol(font: string, code: number): string | null {
  const c = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  const f = font.toLowerCase();
  if (f.includes('wingdings')) return WINGDINGS_FONT[c] ?? null;
  if (f === 'symbol') return SYMBOL_FONT[c] ?? null;
  if (code >= 0xf000 && code <= 0xf0ff) return null;
  return String.fromCodePoint(code);
}

function roman(n: number): string {
  const t: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let s = '';
  for (const [v, r] of t) while (n >= v) { s += r; n -= v; }
  return s;
}

function letters(n: number): string {
  // Word: a..z, then aa..zz, aaa..
  const k = Math.floor((n - 1) / 26) + 1;
  return String.fromCharCode(97 + ((n - 1) % 26)).repeat(k);
}

const CHICAGO = ['*', '†', '‡', '§'];

/** Formats a number in a Word number format (ST_NumberFormat). */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerRoman': return roman(n);
    case 'upperRoman': return roman(n).toUpperCase();
    case 'lowerLetter': return letters(n);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'chicago': return CHICAGO[(n - 1) % 4].repeat(Math.floor((n - 1) / 4) + 1);
    case 'none': return '';
    default: return String(n);
  }
}

class Package {
  styles = new Map<string, StyleInfo>();
  defaultParagraphStyle = 'Normal';
  rels = new Map<string, string>();
  footnotes = new Map<string, XNode>();
  endnotes = new Map<string, XNode>();
  abstractNums = new Map<string, Map<number, NumLevel>>();
  nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  footnotePr: NoteNumbering = { restart: 'continuous', start: 1, fmt: 'decimal' };
  endnotePr: NoteNumbering = { restart: 'continuous', start: 1, fmt: 'lowerRoman' };
  body!: XNode;
}

/**
 * The most a part of the package may hold once inflated. A Word document of ten thousand
 * pages stays far below it; a crafted archive (a few kilobytes that inflate to gigabytes)
 * is refused before it is inflated.
 */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

async function readPart(zip: JSZip, name: string): Promise<XNode[] | null> {
  const f = zip.file(name);
  if (!f) return null;
  // the size the archive's directory declares (jszip keeps it on the entry's data)
  const declared = (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
  if (typeof declared === 'number' && declared > MAX_PART_BYTES) throw new Error(`${name} would inflate to ${declared} bytes (more than ${MAX_PART_BYTES / (1024 * 1024)} MB)`);
  return parseXml(await inflateCapped(f, name));
}

/** A part's text, inflated chunk by chunk and given up past MAX_PART_BYTES (a directory entry may understate the size). */
function inflateCapped(f: JSZip.JSZipObject, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = f.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_PART_BYTES) {
        stream.pause();
        stream.removeAllListeners('data');
        reject(new Error(`${name} inflates to more than ${MAX_PART_BYTES / (1024 * 1024)} MB`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
  });
}

function noteNumbering(pr: XNode | undefined, base: NoteNumbering): NoteNumbering {
  if (!pr) return base;
  const out = { ...base };
  const restart = child(pr, 'w:numRestart');
  const start = child(pr, 'w:numStart');
  const fmt = child(pr, 'w:numFmt');
  if (restart) out.restart = (attr(restart, 'w:val') as NoteNumbering['restart']) ?? 'continuous';
  if (start) out.start = Number(attr(start, 'w:val') ?? '1') || 1;
  if (fmt) out.fmt = attr(fmt, 'w:val') ?? 'decimal';
  return out;
}

async function loadPackage(buffer: Buffer): Promise<Package> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    // jszip's own words point to its documentation; a .docx is a zip archive
    throw new Error('not a Word document: not a zip archive (every .docx is one)');
  }
  const pkg = new Package();

  // the main document part: from the package relationships, falling back to the usual name
  let mainName = 'word/document.xml';
  const rootRels = await readPart(zip, '_rels/.rels');
  const rr = rootRels && rootOf(rootRels, 'Relationships');
  if (rr) {
    for (const r of childrenNamed(rr, 'Relationship')) {
      if ((attr(r, 'Type') ?? '').endsWith('/officeDocument')) mainName = (attr(r, 'Target') ?? mainName).replace(/^\//, '');
    }
  }
  const dir = mainName.includes('/') ? mainName.slice(0, mainName.lastIndexOf('/') + 1) : '';
  const docNodes = await readPart(zip, mainName);
  const doc = docNodes && rootOf(docNodes, 'w:document');
  const body = doc && child(doc, 'w:body');
  if (!body) throw new Error(`not a Word document: no ${mainName} with a w:body`);
  pkg.body = body;

  const relNodes = await readPart(zip, `${dir}_rels/${mainName.slice(dir.length)}.rels`);
  const rels = relNodes && rootOf(relNodes, 'Relationships');
  const partNames: Record<string, string> = {};
  if (rels) {
    for (const r of childrenNamed(rels, 'Relationship')) {
      const id = attr(r, 'Id') ?? '';
      const target = attr(r, 'Target') ?? '';
      pkg.rels.set(id, target);
      const type = (attr(r, 'Type') ?? '').split('/').pop() ?? '';
      if (!partNames[type] && attr(r, 'TargetMode') !== 'External') partNames[type] = target.startsWith('/') ? target.slice(1) : dir + target;
    }
  }

  const styleNodes = await readPart(zip, partNames.styles ?? `${dir}styles.xml`);
  const styles = styleNodes && rootOf(styleNodes, 'w:styles');
  if (styles) {
    for (const s of childrenNamed(styles, 'w:style')) {
      const id = attr(s, 'w:styleId') ?? '';
      const type = attr(s, 'w:type') ?? 'paragraph';
      const nameNode = child(s, 'w:name');
      const basedOn = child(s, 'w:basedOn');
      const pPr = child(s, 'w:pPr');
      const info: StyleInfo = {
        id,
        type,
        name: (nameNode && attr(nameNode, 'w:val')) ?? id,
        basedOn: basedOn && attr(basedOn, 'w:val'),
        numPr: pPr && child(pPr, 'w:numPr'),
      };
      pkg.styles.set(id, info);
      if (type === 'paragraph' && onOff(attr(s, 'w:default'), false)) pkg.defaultParagraphStyle = id;
    }
  }

  const numNodes = await readPart(zip, partNames.numbering ?? `${dir}numbering.xml`);
  const numbering = numNodes && rootOf(numNodes, 'w:numbering');
  if (numbering) {
    for (const a of childrenNamed(numbering, 'w:abstractNum')) {
      const levels = new Map<number, NumLevel>();
      for (const l of childrenNamed(a, 'w:lvl')) {
        const val = (tag: string, d: string) => {
          const n = child(l, tag);
          return (n && attr(n, 'w:val')) ?? d;
        };
        levels.set(Number(attr(l, 'w:ilvl') ?? '0'), {
          start: Number(val('w:start', '1')),
          fmt: val('w:numFmt', 'decimal'),
          text: val('w:lvlText', ''),
          suff: val('w:suff', 'tab'),
        });
      }
      pkg.abstractNums.set(attr(a, 'w:abstractNumId') ?? '', levels);
    }
    for (const n of childrenNamed(numbering, 'w:num')) {
      const a = child(n, 'w:abstractNumId');
      const starts = new Map<number, number>();
      for (const o of childrenNamed(n, 'w:lvlOverride')) {
        const so = child(o, 'w:startOverride');
        if (so) starts.set(Number(attr(o, 'w:ilvl') ?? '0'), Number(attr(so, 'w:val') ?? '1'));
      }
      pkg.nums.set(attr(n, 'w:numId') ?? '', { abstractId: (a && attr(a, 'w:val')) ?? '', starts });
    }
  }

  const settingsNodes = await readPart(zip, partNames.settings ?? `${dir}settings.xml`);
  const settings = settingsNodes && rootOf(settingsNodes, 'w:settings');
  if (settings) {
    pkg.footnotePr = noteNumbering(child(settings, 'w:footnotePr'), pkg.footnotePr);
    pkg.endnotePr = noteNumbering(child(settings, 'w:endnotePr'), pkg.endnotePr);
  }

  for (const [part, tag, map] of [
    [partNames.footnotes ?? `${dir}footnotes.xml`, 'w:footnote', pkg.footnotes],
    [partNames.endnotes ?? `${dir}endnotes.xml`, 'w:endnote', pkg.endnotes],
  ] as const) {
    const nodes = await readPart(zip, part);
    const root = nodes && rootOf(nodes, `${tag}s`);
    if (!root) continue;
    for (const n of childrenNamed(root, tag)) {
      const type = attr(n, 'w:type');
      if (type && type !== 'normal') continue;
      map.set(attr(n, 'w:id') ?? '', n);
    }
  }
  return pkg;
}

interface Ctx {
  out: string;
  notes: ImportedFootnote[];
  /** the mark rendered for `w:footnoteRef` inside a note */
  noteMark: string;
  inNote: boolean;
}

class Converter {
  warnings: string[] = [];
  private warned = new Set<string>();
  blocks: ImportedBlock[] = [];
  figures = 0;
  private fieldStack: ('instr' | 'result')[] = [];
  private noteSeq = 0;
  private autoFootnote = 0;
  private autoEndnote = 0;
  private sectionNotePr: { foot: NoteNumbering; end: NoteNumbering }[] = [];
  private section = 0;
  private counters = new Map<string, number[]>();
  private tracked = { ins: 0, del: 0, fmt: 0 };
  private comments = 0;
  private pendingPrefix = '';

  constructor(private pkg: Package) {}

  private warnOnce(key: string, message: string) {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push(message);
  }

  run(): void {
    // the numbering of notes per section: each section's sectPr closes it
    const sectPrs: (XNode | undefined)[] = [];
    for (const n of kids(this.pkg.body)) {
      if (tagOf(n) === 'w:p') {
        const pPr = child(n, 'w:pPr');
        const s = pPr && child(pPr, 'w:sectPr');
        if (s) sectPrs.push(s);
      } else if (tagOf(n) === 'w:sectPr') sectPrs.push(n);
    }
    if (sectPrs.length === 0) sectPrs.push(undefined);
    this.sectionNotePr = sectPrs.map((s) => ({
      foot: noteNumbering(s && child(s, 'w:footnotePr'), this.pkg.footnotePr),
      end: noteNumbering(s && child(s, 'w:endnotePr'), this.pkg.endnotePr),
    }));
    if (this.sectionNotePr.some((s) => s.foot.restart === 'eachPage')) {
      this.warnOnce('eachPage', 'footnote numbering restarts on each page; marks are numbered per section instead');
    }
    this.startSection();
    this.blockContainer(kids(this.pkg.body));
    if (this.pendingPrefix) this.emitParagraph(this.pkg.defaultParagraphStyle, { out: this.pendingPrefix, notes: [], noteMark: '', inNote: false });
    const t = this.tracked;
    if (t.ins + t.del + t.fmt > 0) {
      this.warnings.push(
        `the document has tracked changes (${t.ins} insertion(s), ${t.del} deletion(s), ${t.fmt} formatting change(s)); the text is imported as if all were accepted`,
      );
    }
    if (this.comments > 0) this.warnings.push(`${this.comments} comment(s) in the document were not imported`);
  }

  private startSection() {
    const pr = this.sectionNotePr[Math.min(this.section, this.sectionNotePr.length - 1)];
    if (this.section === 0 || pr.foot.restart !== 'continuous') this.autoFootnote = 0;
    if (this.section === 0 || pr.end.restart !== 'continuous') this.autoEndnote = 0;
  }

  private notePr() {
    return this.sectionNotePr[Math.min(this.section, this.sectionNotePr.length - 1)];
  }

  private blockContainer(nodes: XNode[]) {
    for (const n of nodes) {
      const t = tagOf(n);
      if (t === 'w:p') this.paragraph(n);
      else if (t === 'w:tbl') this.table(n);
      else if (t === 'w:sdt') {
        const c = child(n, 'w:sdtContent');
        if (c) this.blockContainer(kids(c));
      } else if (t === 'w:customXml' || t === 'w:ins' || t === 'w:moveTo') this.blockContainer(kids(n));
      else if (t === 'w:del' || t === 'w:moveFrom') this.tracked.del++;
      else if (t === 'mc:AlternateContent') {
        const c = child(n, 'mc:Choice') ?? child(n, 'mc:Fallback');
        if (c) this.blockContainer(kids(c));
      }
    }
  }

  private styleOf(p: XNode): string {
    const pPr = child(p, 'w:pPr');
    const ps = pPr && child(pPr, 'w:pStyle');
    return (ps && attr(ps, 'w:val')) ?? this.pkg.defaultParagraphStyle;
  }

  private styleName(id: string): string {
    return this.pkg.styles.get(id)?.name ?? id;
  }

  /** Renders the paragraph's automatic number, if any (`label` + suffix). */
  private numberLabel(p: XNode, styleId: string): string {
    const pPr = child(p, 'w:pPr');
    let numPr = pPr && child(pPr, 'w:numPr');
    let seen = 0;
    let s = this.pkg.styles.get(styleId);
    while (!numPr && s && seen++ < 20) {
      numPr = s.numPr;
      s = s.basedOn ? this.pkg.styles.get(s.basedOn) : undefined;
    }
    if (!numPr) return '';
    const idNode = child(numPr, 'w:numId');
    const lvlNode = child(numPr, 'w:ilvl');
    const numId = (idNode && attr(idNode, 'w:val')) ?? '';
    if (!numId || numId === '0') return '';
    const num = this.pkg.nums.get(numId);
    const levels = num && this.pkg.abstractNums.get(num.abstractId);
    if (!num || !levels) return '';
    const ilvl = Number((lvlNode && attr(lvlNode, 'w:val')) ?? '0');
    const lvl = levels.get(ilvl);
    if (!lvl) return '';
    let counts = this.counters.get(numId);
    if (!counts) {
      counts = [];
      this.counters.set(numId, counts);
    }
    for (let i = 0; i <= ilvl; i++) {
      if (counts[i] === undefined) counts[i] = (num.starts.get(i) ?? levels.get(i)?.start ?? 1) - (i === ilvl ? 1 : 0);
    }
    counts[ilvl]++;
    counts.length = ilvl + 1;
    let label: string;
    if (lvl.fmt === 'bullet') {
      const ch = lvl.text.codePointAt(0) ?? 0x2022;
      label = ch >= 0xf000 && ch <= 0xf0ff ? (mapSymbol('Symbol', ch) ?? '•') : lvl.text;
      if (ch === 0xf0b7 || ch === 0xf0a7) label = ch === 0xf0b7 ? '•' : '▪';
    } else {
      label = lvl.text.replace(/%(\d)/g, (_m, d: string) => {
        const i = Number(d) - 1;
        const l = levels.get(i);
        return formatNumber(counts![i] ?? l?.start ?? 1, l?.fmt ?? 'decimal');
      });
    }
    this.warnOnce('numbering', 'automatic list numbering was rendered as text labels');
    return label + (lvl.suff === 'space' ? ' ' : lvl.suff === 'nothing' ? '' : '\t');
  }

  private renderParagraph(p: XNode, ctx: Ctx) {
    this.inline(kids(p), ctx);
  }

  private paragraph(p: XNode) {
    const styleId = this.styleOf(p);
    const ctx: Ctx = { out: this.pendingPrefix, notes: [], noteMark: '', inNote: false };
    this.pendingPrefix = '';
    ctx.out += this.numberLabel(p, styleId);
    this.renderParagraph(p, ctx);
    const pPr = child(p, 'w:pPr');
    const markRPr = pPr && child(pPr, 'w:rPr');
    if (markRPr && (child(markRPr, 'w:del') || child(markRPr, 'w:moveFrom'))) {
      // the paragraph mark was deleted: accepted, this paragraph runs on into the next one
      this.tracked.del++;
      this.pendingPrefix = ctx.out;
      this.carriedNotes.push(...ctx.notes);
    } else {
      ctx.notes.unshift(...this.carriedNotes);
      this.carriedNotes = [];
      this.emitParagraph(styleId, ctx);
    }
    if (pPr && child(pPr, 'w:sectPr')) {
      this.section++;
      this.startSection();
    }
  }

  private carriedNotes: ImportedFootnote[] = [];

  private emitParagraph(styleId: string, ctx: Ctx) {
    const text = ctx.out;
    const segments = text.split('\n').filter((s) => s.trim() !== '');
    if (segments.length === 0 && ctx.notes.length === 0) return;
    if (segments.length === 0) segments.push('');
    const last = segments.length - 1;
    segments[last] = appendNotes(segments[last], ctx.notes);
    this.blocks.push({
      kind: 'paragraph',
      styleId,
      styleName: this.styleName(styleId),
      text: text.split('\n').filter((s) => s.trim() !== '').join('\n'),
      footnotes: ctx.notes,
      lines: segments,
    });
  }

  private table(tbl: XNode) {
    const grid = child(tbl, 'w:tblGrid');
    const gridCols = grid ? childrenNamed(grid, 'w:gridCol').length : 0;
    const rows: string[][] = [];
    const notes: ImportedFootnote[] = [];
    const rowNodes = this.rowsOf(tbl);
    for (const tr of rowNodes) {
      const cells: string[] = [];
      for (const tc of this.cellsOf(tr)) {
        const ctx: Ctx = { out: '', notes: [], noteMark: '', inNote: false };
        this.cellText(kids(tc), ctx);
        cells.push(ctx.out.replace(/[\t\n]+/g, ' ').replace(/ {2,}/g, ' ').trim());
        notes.push(...ctx.notes);
      }
      rows.push(cells);
    }
    const columns = gridCols || Math.max(0, ...rows.map((r) => r.length));
    const header = `[table: ${rows.length} ${rows.length === 1 ? 'row' : 'rows'} × ${columns} ${columns === 1 ? 'column' : 'columns'}]`;
    const lines = [header, ...rows.map((r) => r.join('\t'))];
    if (notes.length) lines[lines.length - 1] = appendNotes(lines[lines.length - 1], notes);
    this.blocks.push({ kind: 'table', columns, rows, footnotes: notes, lines });
  }

  private rowsOf(tbl: XNode): XNode[] {
    const out: XNode[] = [];
    for (const n of kids(tbl)) {
      const t = tagOf(n);
      if (t === 'w:tr') out.push(n);
      else if (t === 'w:sdt') {
        const c = child(n, 'w:sdtContent');
        if (c) out.push(...this.rowsOf(c));
      } else if (t === 'w:customXml' || t === 'w:ins') out.push(...this.rowsOf(n));
    }
    return out;
  }

  private cellsOf(tr: XNode): XNode[] {
    const out: XNode[] = [];
    for (const n of kids(tr)) {
      const t = tagOf(n);
      if (t === 'w:tc') out.push(n);
      else if (t === 'w:sdt') {
        const c = child(n, 'w:sdtContent');
        if (c) out.push(...this.cellsOf(c));
      } else if (t === 'w:customXml') out.push(...this.cellsOf(n));
    }
    return out;
  }

  /** A cell's content (paragraphs and nested tables) as one run of text. */
  private cellText(nodes: XNode[], ctx: Ctx) {
    for (const n of nodes) {
      const t = tagOf(n);
      if (t === 'w:p') {
        if (ctx.out && !/\s$/.test(ctx.out)) ctx.out += ' ';
        ctx.out += this.numberLabel(n, this.styleOf(n));
        this.renderParagraph(n, ctx);
        const pPr = child(n, 'w:pPr');
        if (pPr && child(pPr, 'w:sectPr')) {
          this.section++;
          this.startSection();
        }
      } else if (t === 'w:tbl') {
        for (const tr of this.rowsOf(n)) for (const tc of this.cellsOf(tr)) this.cellText(kids(tc), ctx);
        this.warnOnce('nestedTable', 'a table inside a table cell was flattened into the cell text');
      } else if (t === 'w:sdt') {
        const c = child(n, 'w:sdtContent');
        if (c) this.cellText(kids(c), ctx);
      } else if (t === 'w:customXml' || t === 'w:ins') this.cellText(kids(n), ctx);
    }
  }

  private visible(): boolean {
    for (const f of this.fieldStack) if (f === 'instr') return false;
    return true;
  }

  private inline(nodes: XNode[], ctx: Ctx) {
    for (const n of nodes) {
      const t = tagOf(n);
      switch (t) {
        case 'w:r':
          this.runContent(n, ctx);
          break;
        case 'w:pPr':
        case 'w:bookmarkStart':
        case 'w:bookmarkEnd':
        case 'w:proofErr':
        case 'w:permStart':
        case 'w:permEnd':
        case 'w:commentRangeStart':
        case 'w:commentRangeEnd':
        case 'w:moveFromRangeStart':
        case 'w:moveFromRangeEnd':
        case 'w:moveToRangeStart':
        case 'w:moveToRangeEnd':
        case '#text':
          break;
        case 'w:ins':
        case 'w:moveTo':
          this.tracked.ins++;
          this.inline(kids(n), ctx);
          break;
        case 'w:del':
        case 'w:moveFrom':
          this.tracked.del++;
          break;
        case 'w:sdt': {
          const c = child(n, 'w:sdtContent');
          if (c) this.inline(kids(c), ctx);
          break;
        }
        case 'mc:AlternateContent': {
          const c = child(n, 'mc:Choice') ?? child(n, 'mc:Fallback');
          if (c) this.inline(kids(c), ctx);
          break;
        }
        case 'm:oMathPara':
        case 'm:oMath':
          if (this.visible()) ctx.out += findAll(n, 'm:t').map(textOf).join('');
          break;
        default:
          // w:hyperlink, w:smartTag, w:customXml, w:fldSimple, w:bdo, w:dir and unknown wrappers
          this.inline(kids(n), ctx);
      }
    }
  }

  private runContent(r: XNode, ctx: Ctx) {
    const rPr = child(r, 'w:rPr');
    if (rPr) {
      if (child(rPr, 'w:rPrChange')) this.tracked.fmt++;
    }
    const hidden = !!rPr && isOn(child(rPr, 'w:vanish'));
    for (const c of kids(r)) {
      const t = tagOf(c);
      if (t === 'w:fldChar') {
        const type = attr(c, 'w:fldCharType');
        if (type === 'begin') this.fieldStack.push('instr');
        else if (type === 'separate') {
          if (this.fieldStack.length) this.fieldStack[this.fieldStack.length - 1] = 'result';
        } else if (type === 'end') this.fieldStack.pop();
        continue;
      }
      if (hidden || !this.visible()) continue;
      switch (t) {
        case 'w:t':
          ctx.out += textOf(c).replace(/\u00ad/g, '');
          break;
        case 'w:tab':
        case 'w:ptab':
          ctx.out += '\t';
          break;
        case 'w:br': {
          const type = attr(c, 'w:type');
          if (type !== 'page' && type !== 'column') ctx.out += '\n';
          break;
        }
        case 'w:cr':
          ctx.out += '\n';
          break;
        case 'w:noBreakHyphen':
          ctx.out += '\u2011';
          break;
        case 'w:sym': {
          const font = attr(c, 'w:font') ?? '';
          const code = parseInt(attr(c, 'w:char') ?? '', 16);
          const ch = Number.isFinite(code) ? mapSymbol(font, code) : null;
          if (ch === null) {
            this.warnOnce(`sym:${font}:${code}`, `symbol ${attr(c, 'w:char')} of font ${font} has no Unicode equivalent here; written as U+FFFD`);
            ctx.out += '\ufffd';
          } else ctx.out += ch;
          break;
        }
        case 'w:footnoteReference':
        case 'w:endnoteReference':
          this.noteReference(c, t === 'w:endnoteReference', ctx);
          break;
        case 'w:footnoteRef':
        case 'w:endnoteRef':
          ctx.out += ctx.noteMark;
          break;
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
          this.figure(c, ctx);
          break;
        case 'mc:AlternateContent': {
          const ch = child(c, 'mc:Choice') ?? child(c, 'mc:Fallback');
          if (ch) this.runContent({ 'w:r': kids(ch) }, ctx);
          break;
        }
        case 'w:commentReference':
          this.comments++;
          break;
        default:
          // w:rPr, w:instrText, w:delText, w:delInstrText, w:softHyphen, w:lastRenderedPageBreak,
          // w:separator, w:continuationSeparator, w:annotationRef: nothing visible
          break;
      }
    }
  }

  private noteReference(ref: XNode, endnote: boolean, ctx: Ctx) {
    if (ctx.inNote) return;
    const id = attr(ref, 'w:id') ?? '';
    const custom = onOff(attr(ref, 'w:customMarkFollows'), false);
    const pr = this.notePr();
    let mark = '';
    if (!custom) {
      if (endnote) mark = formatNumber(pr.end.start + this.autoEndnote++, pr.end.fmt);
      else mark = formatNumber(pr.foot.start + this.autoFootnote++, pr.foot.fmt);
    }
    const k = ++this.noteSeq;
    ctx.out += `[footnoteRef:${k}]${mark}`;
    const note = (endnote ? this.pkg.endnotes : this.pkg.footnotes).get(id);
    if (endnote) this.warnOnce('endnote', 'endnotes were imported in the footnote form');
    if (!note) {
      this.warnOnce(`note:${id}`, `${endnote ? 'endnote' : 'footnote'} ${id} is referenced but missing from the package`);
      ctx.notes.push({ id: k, mark, customMark: custom, text: mark });
      return;
    }
    const saved = this.fieldStack;
    this.fieldStack = [];
    const inner: Ctx = { out: '', notes: [], noteMark: mark, inNote: true };
    for (const p of kids(note)) {
      if (tagOf(p) === 'w:p') {
        if (inner.out && !/\s$/.test(inner.out)) inner.out += ' ';
        this.renderParagraph(p, inner);
      } else if (tagOf(p) === 'w:tbl') {
        this.cellText([p], inner);
      }
    }
    this.fieldStack = saved;
    ctx.notes.push({ id: k, mark, customMark: custom, text: inner.out.replace(/\n/g, ' ') });
  }

  private figure(node: XNode, ctx: Ctx) {
    const t = tagOf(node);
    let label = '';
    if (t === 'w:drawing') {
      const docPr = find(node, 'wp:docPr');
      if (docPr && onOff(attr(docPr, 'hidden'), false)) return;
      const blip = find(node, 'a:blip');
      const file = blip && this.fileName(attr(blip, 'r:embed') ?? attr(blip, 'r:link'));
      label = (docPr && (attr(docPr, 'descr') || attr(docPr, 'title'))) || file || (docPr && attr(docPr, 'name')) || 'drawing';
    } else {
      const shapes = findAll(node, 'v:shape').concat(findAll(node, 'v:rect'), findAll(node, 'v:roundrect'), findAll(node, 'v:oval'));
      if (t === 'w:pict' && shapes.length > 0 && shapes.every((s) => /visibility\s*:\s*hidden/.test(attr(s, 'style') ?? ''))) return;
      const img = find(node, 'v:imagedata');
      const ole = find(node, 'o:OLEObject');
      const file = img && this.fileName(attr(img, 'r:id'));
      const alt = shapes.map((s) => attr(s, 'alt')).find((a) => a) ?? (img && attr(img, 'o:title'));
      label = alt || file || (ole && attr(ole, 'ProgID')) || (t === 'w:object' ? 'object' : 'picture');
    }
    const boxes = findAll(node, 'w:txbxContent');
    let boxText = '';
    if (boxes.length) {
      const inner: Ctx = { out: '', notes: [], noteMark: '', inNote: true };
      for (const b of boxes) this.cellText(kids(b), inner);
      boxText = inner.out.replace(/[\t\n]+/g, ' ').trim();
    }
    this.figures++;
    const clean = (s: string) => s.replace(/[\[\]]/g, (c) => (c === '[' ? '(' : ')')).replace(/\s+/g, ' ').trim();
    ctx.out += `[figure: ${clean(label)}${boxText ? ` — ${clean(boxText)}` : ''}]`;
  }

  private fileName(rid: string | undefined): string | undefined {
    if (!rid) return undefined;
    const target = this.pkg.rels.get(rid);
    return target ? target.split('/').pop() : undefined;
  }
}

/** Appends footnote bodies to a line: ` [N: body]` each. */
function appendNotes(line: string, notes: ImportedFootnote[]): string {
  let s = line;
  for (const n of notes) {
    if (s && !/\s$/.test(s)) s += ' ';
    s += `[${n.id}: ${n.text}]`;
  }
  return s;
}

/** Converts a .docx resolution into the project's plain-text form. */
export async function importDocx(buffer: Buffer): Promise<ImportResult> {
  const pkg = await loadPackage(buffer);
  const conv = new Converter(pkg);
  conv.run();
  const lines: string[] = [];
  let paragraphs = 0;
  let tables = 0;
  let footnotes = 0;
  for (const b of conv.blocks) {
    lines.push(...b.lines);
    if (b.kind === 'paragraph') paragraphs++;
    else tables++;
    footnotes += b.footnotes.length;
  }
  return {
    text: lines.length ? lines.join('\n') + '\n' : '',
    warnings: conv.warnings,
    blocks: conv.blocks,
    stats: { paragraphs, tables, figures: conv.figures, footnotes },
  };
}

/**
 * CLI entry (`reslint import IN.docx -o OUT.txt`): converts a file and writes the
 * plain text (UTF-8, `\n` line ends). Returns the result so the caller can print warnings.
 */
export async function importFile(inPath: string, outPath: string): Promise<ImportResult> {
  const result = await importDocx(await fs.readFile(inPath));
  await fs.writeFile(outPath, result.text, 'utf8');
  return result;
}
