/**
 * Lint time on hostile whole documents stays bounded (issue 6 §3): a megabyte on one line,
 * a hundred thousand labels, long runs of brackets, a megabyte of non-breaking spaces, and
 * the line shapes that once made a parser pattern backtrack. The bound is generous (the
 * machine may be busy); what it catches is time that grows out of proportion.
 */
import { strict as assert } from 'node:assert';
import { lintText } from '../../server/src/engine';
import { splitLines } from '../../server/src/parser/lines';
import { rangeProblem } from '../fuzz/invariants';

const BOUND_MS = 10000;
const MB = 1 << 20;

const CASES: [string, () => string][] = [
  ['a 1 MB single line of prose', () => 'that the study groups coordinate their work on IMT '.repeat(Math.ceil(MB / 52)).slice(0, MB)],
  ['a 1 MB single line without a space', () => 'a'.repeat(MB)],
  ['100,000 lines of "a)"', () => 'a)\n'.repeat(100000)],
  ['100,000 labelled clauses under one call', () => 'RESOLUTION 1 (Hammamet, 2016)\nTitle\n(Hammamet, 2016)\nThe World Telecommunication Standardization Assembly (Hammamet, 2016),\nresolves\n' + Array.from({ length: 100000 }, (_, i) => `${i + 1}\tthat the study groups work on item ${i};`).join('\n')],
  ['200,000 "("', () => '('.repeat(200000)],
  ['200,000 ")"', () => ')'.repeat(200000)],
  ['nested brackets 100,000 deep', () => '(['.repeat(50000) + '])'.repeat(50000)],
  ['200,000 "[" (unclosed footnote bodies)', () => '[1: '.repeat(50000)],
  ['nested footnote bodies 20,000 deep (once a stack overflow)', () => '[1: '.repeat(20000) + 'x' + ']'.repeat(20000)],
  ['100,000 unclosed comments', () => '<!-- '.repeat(100000)],
  ['50,000 unclosed reslint comments', () => '<!-- reslint-disable '.repeat(50000)],
  ['100,000 unclosed bookmarks', () => '[bookmark:'.repeat(100000)],
  ['100,000 footnote markers', () => 'IMT[footnoteRef:1]1 '.repeat(100000)],
  ['a 1 MB line of NBSP', () => '\u00a0'.repeat(MB)],
  ['a 1 MB line of U+2011', () => '\u2011'.repeat(MB)],
  ['"The a" and 100,000 spaces (the old preamble pattern)', () => 'The a' + ' '.repeat(100000) + '\u0001'],
  ['a history line of 300 spaces and ",," (the old meeting pattern)', () => 'RESOLUTION 1 (Hammamet, 2016)\nTitle\n(a' + ' '.repeat(290) + ',,2016)\n'],
  ['100,000 citations on one line', () => 'that Resolution 1 (Rev. Hammamet, 2016) applies, '.repeat(20000)],
  ['50,000 abbreviations defined and used', () => Array.from({ length: 50000 }, (_, i) => `that the Group ${i} (G${i}) and G${i} work;`).join('\n')],
];

describe('hardening: lint time on hostile documents is bounded', function () {
  this.timeout(120000);
  for (const [name, make] of CASES) {
    it(`${name} (< ${BOUND_MS / 1000} s)`, () => {
      const text = make();
      const errors: string[] = [];
      const t0 = performance.now();
      const { findings } = lintText(text, { onRuleError: (r, e) => errors.push(`${r.id}: ${(e as Error).message}`) });
      const ms = performance.now() - t0;
      assert.deepEqual(errors, []);
      assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms`);
      const lines = splitLines(text);
      for (const f of findings.slice(0, 2000)) assert.equal(rangeProblem(lines, f.range), null, `${f.rule} ${JSON.stringify(f.range)}`);
    });
  }
});
