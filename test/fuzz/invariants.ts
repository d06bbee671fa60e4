/**
 * What must hold for any text at all, however broken: the parser and every rule run to the
 * end, findings and fixes point inside the document, each fix's edits apply together, and
 * fixing reaches a text that fix-all leaves alone.
 */
import { strict as assert } from 'node:assert';
import { parse } from '../../server/src/parser/parse';
import { splitLines } from '../../server/src/parser/lines';
import { lintText, fixText } from '../../server/src/engine';
import { applyEdits, fixAllEdits } from '../../server/src/engine/fix';
import type { Range } from '../../server/src/model/types';
import type { Finding } from '../../server/src/rules/types';
import { Analysis } from '../../server/src/analyzer/analysis';
import { documentSymbols } from '../../server/src/features/symbols';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { complete, lineBefore } from '../../server/src/features/completion';
import { loadReferenceData } from '../../server/src/data/reference';

const data = loadReferenceData();

export function rangeProblem(lines: string[], r: Range): string | null {
  const inside = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  if (!inside(r.start)) return `start ${JSON.stringify(r.start)} outside the document`;
  if (!inside(r.end)) return `end ${JSON.stringify(r.end)} outside the document`;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `start after end: ${JSON.stringify(r)}`;
  return null;
}

function describe(f: Finding): string {
  return `${f.rule} "${f.message}" at ${JSON.stringify(f.range)}`;
}

/** Lints `text` and checks the findings and their fixes. Returns the findings. */
export function checkLint(text: string): Finding[] {
  const ruleErrors: string[] = [];
  const onRuleError = (rule: { id: string }, e: unknown) => ruleErrors.push(`${rule.id}: ${(e as Error)?.stack ?? String(e)}`);
  const { findings } = lintText(text, { onRuleError, data });
  assert.deepEqual(ruleErrors, [], 'a rule threw');
  const lines = splitLines(text);
  for (const f of findings) {
    const p = rangeProblem(lines, f.range);
    assert.equal(p, null, `finding ${describe(f)}: ${p}`);
    for (const fix of f.fixes ?? []) {
      for (const e of fix.edits) {
        const q = rangeProblem(lines, e.range);
        assert.equal(q, null, `fix "${fix.title}" of ${describe(f)}: edit ${q}`);
        assert.equal(typeof e.newText, 'string');
      }
      const r = applyEdits(text, fix.edits);
      assert.equal(typeof r.text, 'string');
      assert.equal(r.applied, fix.edits.length, `fix "${fix.title}" of ${describe(f)}: its own edits overlap (${JSON.stringify(fix.edits)})`);
    }
  }
  return findings;
}

/** fixText ends, no rule throws on the way, and its result is a fixed point of fix-all. */
export function checkFix(text: string): void {
  const ruleErrors: string[] = [];
  const onRuleError = (rule: { id: string }, e: unknown) => ruleErrors.push(`${rule.id}: ${(e as Error)?.stack ?? String(e)}`);
  const r = fixText(text, { onRuleError, data });
  assert.deepEqual(ruleErrors, [], 'a rule threw while fixing');
  assert.equal(typeof r.text, 'string');
  const again = applyEdits(r.text, fixAllEdits(r.findings));
  assert.equal(again.text, r.text, `fixing does not settle: after ${r.fixed} fixes, fix-all still changes the text (${r.findings.filter((f) => f.fixes?.length).map(describe).slice(0, 5).join('; ')})`);
}

/** The editor features the server answers from the model: outline, folding, hover, completion. */
export function checkFeatures(text: string, probes: number[]): void {
  const doc = parse(text);
  const analysis = new Analysis(doc);
  const lines = splitLines(text);
  for (const s of documentSymbols(doc)) assert.equal(rangeProblem(lines, s.range), null, `symbol ${s.name}`);
  for (const fr of foldingRanges(doc)) assert.ok(fr.startLine >= 0 && fr.startLine <= fr.endLine && fr.endLine < lines.length, `folding ${JSON.stringify(fr)}`);
  for (const k of probes) {
    const line = k % lines.length;
    const character = Math.floor(k / lines.length) % (lines[line].length + 1);
    const position = { line, character };
    const h = hover({ analysis, data, position });
    if (h?.range) assert.equal(rangeProblem(lines, h.range), null, `hover at ${line}:${character}`);
    complete({ analysis, data, position, before: lineBefore(analysis, position) });
  }
}
