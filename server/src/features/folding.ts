/** Folding: resolutions, proposals, sections, clauses with sub-items, annexes, cover text. */
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { ResDocument } from '../model/types';

export function foldingRanges(doc: ResDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    if (end > start) out.push({ startLine: start, endLine: end, kind });
  };
  if (doc.cover.length > 1) add(doc.cover[0].range.start.line, doc.cover[doc.cover.length - 1].range.end.line, FoldingRangeKind.Comment);
  for (const p of doc.proposals) add(p.range.start.line, p.range.end.line, FoldingRangeKind.Region);
  for (const r of doc.resolutions) {
    add(r.range.start.line, r.range.end.line, FoldingRangeKind.Region);
    for (const s of r.sections) {
      add(s.range.start.line, s.range.end.line);
      for (const c of s.clauses) add(c.range.start.line, c.range.end.line);
    }
    for (const a of r.annexes) add(a.range.start.line, a.range.end.line);
  }
  return out;
}
