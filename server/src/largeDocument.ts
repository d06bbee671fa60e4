/**
 * Large documents on the server's main thread: a model built in steps, so that editor
 * requests are answered between the steps, and small views of it for position requests.
 *
 * Parsing 20 MB takes seconds, far more than an editor request may wait. The text is cut
 * into pieces at number lines (`RESOLUTION 92 (…)`), where the parser starts afresh; each
 * piece is parsed alone, its line numbers moved to where it stands, and the pieces joined.
 * Between pieces the event loop runs, so requests are served from the previous model.
 * A piece whose lines and first line did not change since the previous model is reused,
 * so typing inside one resolution re-parses one piece.
 *
 * Pieces end where the parser's state could carry over: after the first line that could
 * be a proposal symbol (MOD, ADD …), the rest of the text is one piece.
 */
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import { documentSymbols } from './features/symbols';
import { foldingRanges } from './features/folding';
import type { Position, ResDocument } from './model/types';
import { cleanLine } from './parser/lines';
import { parse } from './parser/parse';
import { NUMBER_LINE_RE, PROPOSAL_RE } from './parser/patterns';
import { emptyDocument } from './model/document';

export interface Piece {
  /** first line of the piece in the whole text */
  startLine: number;
  lineCount: number;
  /**
   * its lines as given (the same string objects as the document's: a line the editor did
   * not touch is the same object in the next snapshot, so comparing them costs no copy)
   */
  source: readonly string[];
  /** the piece parsed alone, with its line numbers moved to the whole text */
  doc: ResDocument;
  /** its raw lines (lineCount of them) */
  lines: string[];
  /** the piece holds proposals: never reused (its indices depend on the pieces before) */
  hasProposals: boolean;
  symbols: DocumentSymbol[];
  folding: FoldingRange[];
}

export interface SteppedModel {
  doc: ResDocument;
  pieces: Piece[];
  parsed: number;
  reused: number;
}

export interface StepOptions {
  /** aim for pieces of at least this many characters */
  pieceSize?: number;
  /** work this long before yielding to the event loop */
  sliceMs?: number;
  /** the pieces of the previous model of the same document */
  previous?: readonly Piece[];
}

/** Yields to the event loop (after pending I/O, so that requests are read and answered). */
export function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The first lines of the pieces; the first is 0. */
async function cutPoints(lines: readonly string[], pieceSize: number, sliceMs: number): Promise<number[]> {
  const cuts = [0];
  let sinceCut = 0;
  let t0 = performance.now();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // the first non-blank character says whether the line may be a number line or a proposal symbol
    let p = 0;
    while (p < line.length && (line.charCodeAt(p) === 32 || line.charCodeAt(p) === 9)) p++;
    const c = line.charCodeAt(p) | 0x20; // lower case for letters
    if (c === 0x64 /* d */ || c === 0x72 /* r */ || c === 0x6f /* o */ || c === 0x61 /* a */ || c === 0x6d /* m */ || c === 0x73 /* s */ || c === 0x6e /* n */ || c === 0x28 /* ( */) {
      const clean = cleanLine(withoutEnd(line), 0).content.text;
      if (PROPOSAL_RE.test(clean)) break; // proposals: the rest is one piece
      if (sinceCut >= pieceSize && NUMBER_LINE_RE.test(clean)) {
        cuts.push(i);
        sinceCut = 0;
      }
    }
    sinceCut += line.length;
    if ((i & 1023) === 1023 && performance.now() - t0 > sliceMs) {
      await pause();
      t0 = performance.now();
    }
  }
  return cuts;
}

function withoutEnd(line: string): string {
  let n = line.length;
  while (n > 0 && (line.charCodeAt(n - 1) === 10 || line.charCodeAt(n - 1) === 13)) n--;
  return n === line.length ? line : line.slice(0, n);
}

/**
 * Adds `delta` to every line number in a parsed piece (each object once: ranges share
 * positions). A content's `facts` record is not the piece's: it is shared by every equal text
 * and its per-line results keep the lines they were found at (util/memo.ts).
 */
function moveLines(doc: ResDocument, delta: number): void {
  if (delta === 0) return;
  const seen = new Set<object>();
  const stack: unknown[] = [doc.cover, doc.proposals, doc.resolutions, doc.footnotes, doc.traces, doc.directives];
  while (stack.length) {
    const o = stack.pop();
    if (o === null || typeof o !== 'object' || seen.has(o)) continue;
    seen.add(o);
    if (Array.isArray(o)) {
      if (o.length && typeof o[0] !== 'object') continue; // numbers (shifts), strings
      for (const v of o) stack.push(v);
      continue;
    }
    const rec = o as Record<string, unknown>;
    for (const k in rec) {
      const v = rec[k];
      if (k === 'facts') continue;
      if (k === 'line' && typeof v === 'number') rec[k] = v + delta;
      else if (v !== null && typeof v === 'object') stack.push(v);
    }
  }
}

/**
 * Parses a text given as lines (each with its terminator, as LineDocument keeps them) in
 * pieces, yielding to the event loop between them. The result equals `parse(text)` (the
 * tests check it on the corpus), except that its `text` is joined only when read.
 */
export async function parseInSteps(lines: readonly string[], options: StepOptions = {}): Promise<SteppedModel> {
  const pieceSize = options.pieceSize ?? 64 * 1024;
  const sliceMs = options.sliceMs ?? 15;
  const cuts = await cutPoints(lines, pieceSize, sliceMs);
  const previous = new Map<number, Piece>();
  for (const p of options.previous ?? []) if (!p.hasProposals) previous.set(p.startLine, p);

  const pieces: Piece[] = [];
  let parsed = 0;
  let reused = 0;
  let t0 = performance.now();
  for (let i = 0; i < cuts.length; i++) {
    const startLine = cuts[i];
    const endLine = i + 1 < cuts.length ? cuts[i + 1] : lines.length;
    const lineCount = endLine - startLine;
    const old = previous.get(startLine);
    if (old && sameLines(old.source, lines, startLine, endLine)) {
      pieces.push(old);
      reused++;
    } else {
      const source = lines.slice(startLine, endLine);
      // a fresh string: the parsed piece keeps no reference to a larger text
      const doc = parse(source.join(''));
      moveLines(doc, startLine);
      // a piece that is not the last ends with its last line's terminator: one empty line more
      const pieceLines = doc.lines.length === lineCount ? doc.lines : doc.lines.slice(0, lineCount);
      pieces.push({
        startLine,
        lineCount,
        source,
        doc,
        lines: pieceLines,
        hasProposals: doc.proposals.length > 0,
        symbols: documentSymbols(doc),
        folding: foldingRanges(doc),
      });
      parsed++;
    }
    if (performance.now() - t0 > sliceMs) {
      await pause();
      t0 = performance.now();
    }
  }
  return { doc: join(lines, pieces), pieces, parsed, reused };
}

function sameLines(old: readonly string[], lines: readonly string[], from: number, to: number): boolean {
  if (old.length !== to - from) return false;
  for (let i = from; i < to; i++) if (old[i - from] !== lines[i]) return false;
  return true;
}

/** The whole document from its pieces (fresh arrays; the pieces' objects are shared). */
function join(source: readonly string[], pieces: readonly Piece[]): ResDocument {
  const doc = emptyDocument();
  // the whole text, joined only when read (no rule or feature reads it)
  let text: string | null = null;
  Object.defineProperty(doc, 'text', { get: () => (text ??= source.join('')), enumerable: false, configurable: true });
  for (const p of pieces) {
    const d = p.doc;
    const resOffset = doc.resolutions.length;
    const propOffset = doc.proposals.length;
    if (p.hasProposals && (resOffset > 0 || propOffset > 0)) {
      // only a freshly parsed piece has proposals (never reused): its indices can be moved in place
      for (const pr of d.proposals) pr.resolutions = pr.resolutions.map((r) => r + resOffset);
      for (const r of d.resolutions) if (r.proposal >= 0) r.proposal += propOffset;
    }
    append(doc.lines, p.lines);
    append(doc.cover, d.cover);
    append(doc.proposals, d.proposals);
    append(doc.resolutions, d.resolutions);
    append(doc.footnotes, d.footnotes);
    append(doc.traces, d.traces);
    append(doc.directives, d.directives);
  }
  return doc;
}

function append<T>(to: T[], from: readonly T[]): void {
  for (let i = 0; i < from.length; i++) to.push(from[i]);
}

/**
 * The outline of a model built in steps; with `resolutionsOnly`, the resolutions (inside
 * their proposals) without their sections and clauses: a 20 MB text has some 20,000
 * symbols, megabytes of JSON at each request.
 */
export function outlineOf(pieces: readonly Piece[], resolutionsOnly: boolean): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const p of pieces) {
    for (const s of p.symbols) out.push(resolutionsOnly ? bare(s) : s);
  }
  return out;
}

function bare(s: DocumentSymbol): DocumentSymbol {
  if (s.kind === SymbolKind.Package) return { ...s, children: s.children?.map(bare) };
  return s.children?.length ? { ...s, children: [] } : s;
}

export function foldingOf(pieces: readonly Piece[]): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const p of pieces) append(out, p.folding);
  return out;
}

/**
 * The part of a document around a position, as a document of its own: the resolution that
 * holds the line (or the cover before the first resolution), with its footnotes. Analyses
 * of a resolution never look at other resolutions, so hover, completion and navigation
 * give the same answers on this view, at a cost proportional to one resolution.
 * Returns null for documents with proposals (their resolutions share context).
 */
export function viewAround(doc: ResDocument, position: Position): { key: number; doc: ResDocument } | null {
  if (doc.proposals.length) return null;
  const line = typeof position?.line === 'number' ? position.line : 0;
  const rs = doc.resolutions;
  // the last resolution that starts at or before the line
  let lo = 0;
  let hi = rs.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rs[mid].range.start.line <= line) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const from = idx < 0 ? 0 : rs[idx].range.start.line;
  const to = idx + 1 < rs.length ? rs[idx + 1].range.start.line : Number.MAX_SAFE_INTEGER;
  const inside = <T extends { range: { start: Position } }>(xs: readonly T[]) => xs.filter((x) => x.range.start.line >= from && x.range.start.line < to);
  const view: ResDocument = {
    text: '',
    lines: doc.lines,
    cover: idx < 0 ? doc.cover : [],
    proposals: [],
    resolutions: idx < 0 ? [] : [rs[idx]],
    footnotes: inside(doc.footnotes),
    traces: inside(doc.traces),
    directives: inside(doc.directives),
  };
  // the whole text only if read (joining 20 MB takes a while)
  Object.defineProperty(view, 'text', { get: () => doc.text, enumerable: false, configurable: true });
  return { key: idx, doc: view };
}
