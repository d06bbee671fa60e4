/** The engine's public face: text → model → findings, and fixing. */
import { parse } from '../parser/parse';
import type { ResDocument } from '../model/types';
import type { Finding } from '../rules/types';
import { lintDocument, type LintOptions } from './lint';
import { applyEdits, fixAllEdits } from './fix';

export { lintDocument } from './lint';
export type { LintOptions } from './lint';

export function lintText(text: string, options: LintOptions = {}): { doc: ResDocument; findings: Finding[] } {
  const doc = parse(text);
  return { doc, findings: lintDocument(doc, options) };
}

/**
 * Applies the safe fixes until nothing more changes (at most `passes` rounds: one fix can
 * make another possible, and overlapping fixes wait for the next round).
 */
export function fixText(text: string, options: LintOptions = {}, passes = 10): { text: string; fixed: number; findings: Finding[] } {
  let fixed = 0;
  let current = text;
  for (let i = 0; i < passes; i++) {
    const { findings } = lintText(current, options);
    const edits = fixAllEdits(findings);
    if (edits.length === 0) return { text: current, fixed, findings };
    const r = applyEdits(current, edits);
    if (r.text === current) return { text: current, fixed, findings };
    fixed += r.applied;
    current = r.text;
  }
  return { text: current, fixed, findings: lintText(current, options).findings };
}
