/**
 * Go to definition and find references for clause references (`considering e) above`),
 * references to numbered paragraphs (`see 9.5.2 below`) and to sections and annexes
 * (`Section 3 below`, `Annex 2 to this resolution`).
 */
import type { Location } from 'vscode-languageserver';
import type { Analysis } from '../analyzer/analysis';
import type { ClauseRef } from '../analyzer/clauseRefs';
import type { ParagraphRef } from '../analyzer/paragraphRefs';
import type { PartRef } from '../analyzer/partRefs';
import { containsPos, rangeIn } from '../model/content';
import type { Annex, Clause, Paragraph, Position } from '../model/types';

export function refAt(analysis: Analysis, pos: Position): ClauseRef | undefined {
  return analysis.clauseRefs.find((r) => containsPos(r.range, pos));
}

export function paragraphRefAt(analysis: Analysis, pos: Position): ParagraphRef | undefined {
  if (!analysis.paragraphRefs.length) return undefined;
  return analysis.paragraphRefs.find((r) => containsPos(r.range, pos));
}

export function partRefAt(analysis: Analysis, pos: Position): PartRef | undefined {
  if (!analysis.partRefs.length) return undefined;
  return analysis.partRefs.find((r) => containsPos(r.range, pos));
}

const headingRange = (a: Annex) => rangeIn(a.heading, 0, a.heading.text.length);

/** The section or annex whose heading is under the cursor. */
function partAt(analysis: Analysis, pos: Position): Annex | undefined {
  for (const res of analysis.doc.resolutions) for (const a of res.annexes) if (containsPos(headingRange(a), pos)) return a;
  return undefined;
}

/** The numbered paragraph whose number is under the cursor. */
function paragraphAt(analysis: Analysis, pos: Position): Paragraph | undefined {
  for (const res of analysis.doc.resolutions) for (const a of res.annexes) for (const p of a.paragraphs) if (p.number && containsPos(p.number.range, pos)) return p;
  return undefined;
}

/** The clause whose label is under the cursor. */
export function clauseAt(analysis: Analysis, pos: Position): Clause | undefined {
  for (const res of analysis.doc.resolutions)
    for (const s of res.sections)
      for (const c of s.clauses) if (c.label && containsPos(c.label.range, pos)) return c;
  return undefined;
}

export function definition(analysis: Analysis, uri: string, pos: Position): Location | null {
  const pref = paragraphRefAt(analysis, pos);
  if (pref) return pref.target ? { uri, range: pref.target.number!.range } : null;
  const part = partRefAt(analysis, pos);
  if (part) return part.target ? { uri, range: headingRange(part.target) } : null;
  const ref = refAt(analysis, pos);
  if (!ref?.target) return null;
  const t = ref.target;
  return { uri, range: t.label ? t.label.range : t.range };
}

export function references(analysis: Analysis, uri: string, pos: Position, includeDeclaration: boolean): Location[] {
  const paragraph = paragraphRefAt(analysis, pos)?.target ?? paragraphAt(analysis, pos);
  if (paragraph) {
    const out: Location[] = [];
    if (includeDeclaration) out.push({ uri, range: paragraph.number!.range });
    for (const r of analysis.paragraphRefs) if (r.target === paragraph) out.push({ uri, range: r.range });
    return out;
  }
  const part = partRefAt(analysis, pos)?.target ?? partAt(analysis, pos);
  if (part) {
    const out: Location[] = [];
    if (includeDeclaration) out.push({ uri, range: headingRange(part) });
    for (const r of analysis.partRefs) if (r.target === part) out.push({ uri, range: r.range });
    return out;
  }
  const ref = refAt(analysis, pos);
  const target = ref ? ref.target : clauseAt(analysis, pos);
  if (!target) return [];
  const out: Location[] = [];
  if (includeDeclaration) out.push({ uri, range: target.label ? target.label.range : target.range });
  for (const r of analysis.clauseRefs) if (r.target === target) out.push({ uri, range: r.range });
  return out;
}
