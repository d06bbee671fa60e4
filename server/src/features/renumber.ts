/**
 * Renumbering: relabel every section's clauses in order (a), b) … under preambular calls,
 * 1, 2 … under operative ones; a lone clause loses its label; bis/ter clauses take their
 * place in the sequence) and carry every reference to a clause of the same resolution
 * (`considering e) above`, `resolves 2`) over to the new label.
 */
import type { Analysis } from '../analyzer/analysis';
import { normaliseLabel } from '../analyzer/clauseRefs';
import { posAt } from '../model/content';
import type { Clause, Label, Position, Resolution, Section } from '../model/types';
import type { TextEdit } from '../rules/types';
import { canonicalLabel, expectedKind } from '../rules/util';

export function renumberEdits(analysis: Analysis): TextEdit[] {
  const edits: TextEdit[] = [];
  const newLabel = new Map<Clause, string>();
  for (const res of analysis.doc.resolutions) {
    for (const section of res.sections) {
      if (!section.call.known) continue;
      relabelSection(section, edits, newLabel);
    }
  }
  for (const ref of analysis.clauseRefs) {
    if (!ref.target) continue;
    const to = newLabel.get(ref.target);
    if (to === undefined || to === '' || normaliseLabel(to) === ref.label) continue;
    edits.push({ range: ref.labelRange, newText: to });
  }
  return edits;
}

function relabelSection(section: Section, edits: TextEdit[], newLabel: Map<Clause, string>): void {
  const clauses = section.clauses;
  const kind = expectedKind(section);
  if (clauses.length === 1) {
    const c = clauses[0];
    if (c.label && c.label.kind !== 'dotted') {
      edits.push({ range: { start: c.label.range.start, end: posAt(c.content, 0) }, newText: '' });
      newLabel.set(c, '');
    }
    return;
  }
  let n = 0;
  for (const c of clauses) {
    if (c.label?.kind === 'dotted') continue;
    n++;
    const want = canonicalLabel(kind, n, 0);
    newLabel.set(c, want);
    if (!c.label) {
      const at = posAt(c.content, 0);
      edits.push({ range: { start: at, end: at }, newText: `${want}\t` });
    } else if (c.label.text !== want) {
      edits.push({ range: c.label.range, newText: want });
    }
  }
}

/** The label the next clause takes when a new line is started after `position`. */
export function nextLabelAt(analysis: Analysis, position: Position): string | null {
  for (const res of analysis.doc.resolutions) {
    if (position.line < res.range.start.line || position.line > res.range.end.line + 1) continue;
    const hit = clauseOnLine(res, position.line);
    if (!hit) return null;
    const [section, clause] = hit;
    if (!clause.label || clause.label.kind === 'dotted') return null;
    return following(section, clause.label);
  }
  return null;
}

function clauseOnLine(res: Resolution, line: number): [Section, Clause] | null {
  for (const s of res.sections)
    for (const c of s.clauses) if (c.range.start.line <= line && line <= c.range.end.line) return [s, c];
  return null;
}

function following(section: Section, label: Label): string {
  const kind = label.kind === 'number' ? 'number' : label.kind === 'roman' ? 'roman' : expectedKind(section);
  const idx = section.clauses.findIndex((c) => c.label === label);
  const next = section.clauses[idx + 1];
  // inserting between two clauses: the new one takes bis (ter …) after the current label
  if (next?.label) return canonicalLabel(kind, label.ordinal, label.suffixOrdinal + 1);
  return canonicalLabel(kind, label.ordinal + 1, 0);
}
