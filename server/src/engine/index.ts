/** The engine's public face: text → model → findings, and fixing. */
import { parse } from '../parser/parse';
import type { ResDocument } from '../model/types';
import type { Finding } from '../rules/types';
import { lintDocument, type LintOptions } from './lint';
import { applyEdits, fixAllEdits } from './fix';
import { planPieces, spanningDirective } from '../parser/pieces';

export { lintDocument } from './lint';
export type { LintOptions } from './lint';

export function lintText(text: string, options: LintOptions = {}): { doc: ResDocument; findings: Finding[] } {
  const doc = parse(text);
  return { doc, findings: lintDocument(doc, options) };
}

/** About how long the pieces are that lintFindings lints a long text in. */
export const PIECE_CHARS = 64 * 1024;

export interface FindingsOptions extends Omit<LintOptions, 'analysis'> {
  /** the text starts at this line of its document (the findings' lines count from there) */
  firstLine?: number;
}

/**
 * The findings of a text, when its model is not wanted: a long text is parsed and linted a
 * few resolutions at a time, in pieces of about PIECE_CHARS cut where the findings cannot
 * change (parser/pieces.ts), so that each piece's model is dropped before the next is made.
 * The findings equal those of lintText; the memory a lint holds at once stays that of one
 * piece, and the garbage collector no longer copies the model of the whole text from one
 * young generation to the next on every collection. A rule that throws is reported once
 * (onRuleError) and loses its findings for the whole text.
 */
export function lintFindings(text: string, options: FindingsOptions = {}): Finding[] {
  const firstLine = options.firstLine ?? 0;
  // block and next-line directives are looked for in each piece's parse, not in the text
  const plan = planPieces(text, { count: Math.floor(text.length / PIECE_CHARS), minChars: PIECE_CHARS / 2, directivesChecked: true });
  if (!plan) return lintDocument(parse(text, { firstLine }), options);
  const findings: Finding[] = [];
  // a rule that throws on one piece loses its findings for the whole text, as in one lint
  const failed = new Set<string>();
  const pieceOptions: LintOptions = {
    ...options,
    onRuleError: (rule, e) => {
      if (!failed.has(rule.id)) options.onRuleError?.(rule, e);
      failed.add(rule.id);
    },
  };
  for (const piece of plan) {
    const doc = parse(text.slice(piece.start, piece.end), { firstLine: firstLine + piece.firstLine });
    // a directive reaching across lines may reach across a cut: the text is linted whole
    // (the findings so far are dropped, and a rule that threw is reported only once)
    if (spanningDirective(doc)) {
      findings.length = 0;
      for (const f of lintDocument(parse(text, { firstLine }), pieceOptions)) findings.push(f);
      break;
    }
    for (const f of lintDocument(doc, pieceOptions)) findings.push(f);
  }
  return failed.size === 0 ? findings : findings.filter((f) => !failed.has(f.rule));
}

/**
 * Applies the safe fixes until nothing more changes (at most `passes` rounds: one fix can
 * make another possible, and overlapping fixes wait for the next round).
 */
export function fixText(text: string, options: FindingsOptions = {}, passes = 10): { text: string; fixed: number; findings: Finding[] } {
  let fixed = 0;
  let current = text;
  for (let i = 0; i < passes; i++) {
    const findings = lintFindings(current, options);
    const edits = fixAllEdits(findings);
    if (edits.length === 0) return { text: current, fixed, findings };
    const r = applyEdits(current, edits);
    if (r.text === current) return { text: current, fixed, findings };
    fixed += r.applied;
    current = r.text;
  }
  return { text: current, fixed, findings: lintFindings(current, options) };
}
