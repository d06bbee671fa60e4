/**
 * Large documents on the server's main thread: a model built in steps, so that editor
 * requests are answered between the steps, and small views of it for position requests.
 *
 * Parsing 20 MB takes seconds, far more than an editor request may wait. The text is cut
 * into pieces at number lines (`RESOLUTION 92 (…)`), where the parser starts afresh; each
 * piece is parsed alone, its line numbers moved to where it stands, and the pieces joined.
 * Between pieces the event loop runs, so requests are served from the previous model.
 * A piece whose text and first line did not change since the previous model is reused,
 * so typing inside one resolution re-parses one piece.
 *
 * Pieces end where the parser's state could carry over: after the first line that could
 * be a proposal symbol (MOD, ADD …), the rest of the text is one piece.
 */
import { createHash } from 'node:crypto';
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import { documentSymbols } from './features/symbols';
import { foldingRanges } from './features/folding';
import type { Position, ResDocument } from './model/types';
import { cleanLine } from './parser/lines';
import { parse } from './parser/parse';
import { NUMBER_LINE_RE, PROPOSAL_RE } from './parser/patterns';

export interface Piece {
  /** first line of the piece in the whole text */
  startLine: number;
  lineCount: number;
  /** hash of the piece's text */
  hash: string;
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

const LINE_END = /\r\n|\r|\n/g;

/** Yields to the event loop (after pending I/O, so that requests are read and answered). */
export function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The starts of the pieces: [offset, line] pairs; the first is [0, 0]. */
async function cutPoints(text: string, pieceSize: number, sliceMs: number): Promise<[number, number][]> {
  const cuts: [number, number][] = [[0, 0]];
  let lastCut = 0;
  let lineStart = 0;
  let line = 0;
  let t0 = performance.now();
  const re = new RegExp(LINE_END.source, 'g');
  for (;;) {
    re.lastIndex = lineStart;
    const m = re.exec(text);
    const lineEnd = m ? m.index : text.length;
    // the first non-blank character says whether the line may be a number line or a proposal symbol
    let p = lineStart;
    while (p < lineEnd && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    const c = text.charCodeAt(p) | 0x20; // lower case for letters
    if (c === 0x64 /* d */ || c === 0x72 /* r */ || c === 0x6f /* o */ || c === 0x61 /* a */ || c === 0x6d /* m */ || c === 0x73 /* s */ || c === 0x6e /* n */ || c === 0x28 /* ( */) {
      const clean = cleanLine(text.slice(lineStart, lineEnd), 0).content.text;
      if (PROPOSAL_RE.test(clean)) break; // proposals: the rest is one piece
      if (lineStart - lastCut >= pieceSize && NUMBER_LINE_RE.test(clean)) {
        cuts.push([lineStart, line]);
        lastCut = lineStart;
      }
    }
    if (!m) break;
    lineStart = m.index + m[0].length;
    line++;
    if ((line & 1023) === 0 && performance.now() - t0 > sliceMs) {
      await pause();
      t0 = performance.now();
    }
  }
  return cuts;
}

/** A copy of a string that keeps no reference to the string it was cut from. */
function detached(s: string): string {
  // slicing a fresh concatenation flattens it into a new string; the result refers to that copy only
  return (s + ' ').slice(0, -1);
}

/** Adds `delta` to every line number in a parsed piece (each object once: ranges share positions). */
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
      if (k === 'line' && typeof v === 'number') rec[k] = v + delta;
      else if (v !== null && typeof v === 'object') stack.push(v);
    }
  }
}

/**
 * Parses a text in pieces, yielding to the event loop between them. The result equals
 * `parse(text)` (the tests check it on the corpus).
 */
export async function parseInSteps(text: string, options: StepOptions = {}): Promise<SteppedModel> {
  const pieceSize = options.pieceSize ?? 64 * 1024;
  const sliceMs = options.sliceMs ?? 15;
  const cuts = await cutPoints(text, pieceSize, sliceMs);
  const previous = new Map<string, Piece>();
  for (const p of options.previous ?? []) if (!p.hasProposals) previous.set(`${p.startLine}:${p.hash}`, p);

  const pieces: Piece[] = [];
  let parsed = 0;
  let reused = 0;
  let t0 = performance.now();
  for (let i = 0; i < cuts.length; i++) {
    const [from, startLine] = cuts[i];
    const to = i + 1 < cuts.length ? cuts[i + 1][0] : text.length;
    const last = i + 1 === cuts.length;
    const chunk = detached(text.slice(from, to));
    const hash = createHash('sha1').update(chunk).digest('base64');
    const old = previous.get(`${startLine}:${hash}`);
    if (old && (old.lineCount === (last ? old.lineCount : cuts[i + 1][1] - startLine))) {
      pieces.push(old);
      reused++;
    } else {
      const doc = parse(chunk);
      moveLines(doc, startLine);
      // a piece that is not the last ends with its last line's terminator: one empty line more
      const lineCount = last ? doc.lines.length : cuts[i + 1][1] - startLine;
      const lines = doc.lines.length === lineCount ? doc.lines : doc.lines.slice(0, lineCount);
      pieces.push({
        startLine,
        lineCount,
        hash,
        doc,
        lines,
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
  return { doc: join(text, pieces), pieces, parsed, reused };
}

/** The whole document from its pieces (fresh arrays; the pieces' objects are shared). */
function join(text: string, pieces: readonly Piece[]): ResDocument {
  const doc: ResDocument = { text, lines: [], cover: [], proposals: [], resolutions: [], footnotes: [], traces: [], directives: [] };
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

/** The outline of a model built in steps; `sectionsOnly` leaves the clauses out. */
export function outlineOf(pieces: readonly Piece[], sectionsOnly: boolean): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const p of pieces) {
    for (const s of p.symbols) out.push(sectionsOnly ? withoutClauses(s) : s);
  }
  return out;
}

function withoutClauses(s: DocumentSymbol): DocumentSymbol {
  // proposal → resolution → section → clause: the sections keep no children
  if (s.kind === SymbolKind.Method || s.kind === SymbolKind.Field) return s.children?.length ? { ...s, children: [] } : s;
  if (!s.children?.length) return s;
  return { ...s, children: s.children.map(withoutClauses) };
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
  return {
    key: idx,
    doc: {
      text: doc.text,
      lines: doc.lines,
      cover: idx < 0 ? doc.cover : [],
      proposals: [],
      resolutions: idx < 0 ? [] : [rs[idx]],
      footnotes: inside(doc.footnotes),
      traces: inside(doc.traces),
      directives: inside(doc.directives),
    },
  };
}
