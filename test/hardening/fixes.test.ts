/**
 * Regressions found by the fuzz tests (test/fuzz): each was a counterexample fast-check
 * shrank to; kept here as plain tests so that they run on every commit, whatever the seed.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fixText, lintText } from '../../server/src/engine';
import { applyEdits, fixAllEdits } from '../../server/src/engine/fix';
import { parse } from '../../server/src/parser/parse';
import { checkLint } from '../fuzz/invariants';

const ROOT = path.join(__dirname, '..', '..');
const RES92 = readFileSync(path.join(ROOT, '..', 'shared', 'corpus', 'res92-hammamet-2016.txt'), 'utf8');

function swapLines(text: string, a: string, b: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(a));
  const j = lines.findIndex((l) => l.startsWith(b));
  [lines[i], lines[j]] = [lines[j], lines[i]];
  return lines.join('\n');
}

describe('hardening: regressions found by fuzzing', () => {
  it('label-sequence: two swapped clauses early in a long list are relabelled in one round of fix-all', () => {
    // considering a) … l): b) and c) swapped; fixing one label per round took a round per
    // following clause, more than fixText's ten
    const text = swapLines(RES92, 'b)\t', 'c)\t');
    const first = lintText(text).findings.filter((f) => f.rule === 'label-sequence');
    assert.ok(first.length >= 1);
    const once = applyEdits(text, fixAllEdits(lintText(text).findings)).text;
    assert.deepEqual(
      lintText(once).findings.filter((f) => f.rule === 'label-sequence'),
      [],
      'one round of fix-all leaves no label-sequence finding',
    );
    const fixed = fixText(text).text;
    const labels = fixed.split('\n').filter((l) => /^[a-l]\)\t/.test(l)).map((l) => l.slice(0, 2));
    assert.deepEqual(labels.slice(0, 12), ['a)', 'b)', 'c)', 'd)', 'e)', 'f)', 'g)', 'h)', 'i)', 'j)', 'k)', 'l)']);
    // the clause that moved up is now b)
    assert.match(fixed, /\nb\)\tthat IMT-2020 will be utilized/);
  });

  it('label-sequence: the fix of a duplicate relabels the clauses after it', () => {
    const text = RES92.replace('c)\tthat IMT-2020', 'b)\tthat IMT-2020');
    const f = lintText(text).findings.find((x) => x.rule === 'label-sequence')!;
    assert.match(f.message, /Duplicate label b\)/);
    assert.equal(f.fixes![0].title, 'Change label to c)');
    const fixed = fixText(text).text;
    assert.equal(fixed, RES92.replace('to encourage ,', 'to encourage,'));
  });

  it('clause-opening: an empty clause after a label is reported inside the line', () => {
    const text = 'RESOLUTION 92 (Hammamet, 2016)\nTitle\n(Hammamet, 2016)\nThe World Telecommunication Standardization Assembly (Hammamet, 2016),\nrecalling\n1\n2\tthat the study groups work;';
    checkLint(text);
  });

  it('parser: footnote bodies nested thousands deep neither overflow the stack nor take quadratic time', () => {
    const text = 'that developing countries' + '[1: '.repeat(20000) + 'x' + ']'.repeat(20000);
    const t0 = performance.now();
    const doc = parse(text);
    assert.ok(performance.now() - t0 < 5000);
    assert.equal(doc.footnotes.length, 1);
  });

  it('parser: a real footnote body is still read, with a nested bracket inside', () => {
    const doc = parse('that developing countries[footnoteRef:1]1 are helped; [1: 1\tThese include the least developed countries [LDCs].]');
    assert.equal(doc.footnotes.length, 1);
    assert.equal(doc.footnotes[0].content.text, '1\tThese include the least developed countries [LDCs].');
  });
});
