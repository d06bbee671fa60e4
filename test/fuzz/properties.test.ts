/**
 * Property-based tests (fast-check): random text and mutated real resolutions never make
 * the parser, a rule, a fix or an editor feature fail. Reproducible: a fixed seed and a
 * modest number of runs by default; FC_SEED and FC_RUNS override (FC_RUNS=2000 for a long
 * hunt). A failure prints the seed and the shrunk counterexample.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse } from '../../server/src/parser/parse';
import { applyEdits } from '../../server/src/engine/fix';
import { loadBases, mutate, mutationArb, snippetArb, fcParams, TOKENS } from './inputs';
import { checkFeatures, checkFix, checkLint, rangeProblem } from './invariants';
import { splitLines } from '../../server/src/parser/lines';

const bases = loadBases();
const small = bases.filter((b) => b.text.length < 20000);
const res1 = bases.find((b) => b.name.startsWith('res1-'))!;

describe('fuzz: properties of parse, lint and fix', function () {
  this.timeout(120000);

  it('random text: parse and lint never throw, ranges lie inside the document', () => {
    const textArb = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.array(fc.oneof(snippetArb, fc.constantFrom(...TOKENS)), { maxLength: 60 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(textArb, (text) => {
        parse(text);
        checkLint(text);
      }),
      fcParams(300),
    );
  });

  it('mutated resolutions and fixtures: lint findings and fixes stay valid', () => {
    fc.assert(
      fc.property(fc.constantFrom(...small), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (base, ms) => {
        checkLint(mutate(base.text, ms));
      }),
      fcParams(120),
    );
  });

  it('mutated resolutions: fixing terminates and settles', () => {
    fc.assert(
      fc.property(fc.constantFrom(...small), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (base, ms) => {
        checkFix(mutate(base.text, ms));
      }),
      fcParams(50),
    );
  });

  it('the 60-page Res 1, mutated: lint and fix stay valid', () => {
    const { numRuns, seed } = fcParams(8);
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 8 }), (ms) => {
        const text = mutate(res1.text, ms);
        checkLint(text);
        checkFix(text);
      }),
      { numRuns: Math.max(1, Math.ceil(numRuns)), seed },
    );
  });

  it('editor features (outline, folding, hover, completion) on mutated text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...small), fc.array(mutationArb, { minLength: 0, maxLength: 4 }), fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), (base, ms, probes) => {
        checkFeatures(mutate(base.text, ms), probes);
      }),
      fcParams(60),
    );
  });

  it('the checks themselves catch what they are meant to', () => {
    // a range past the end of a line, an inverted range, a line past the end
    const lines = splitLines('ab\ncd');
    assert.equal(rangeProblem(lines, { start: { line: 0, character: 0 }, end: { line: 1, character: 2 } }), null);
    assert.match(rangeProblem(lines, { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } })!, /outside/);
    assert.match(rangeProblem(lines, { start: { line: 1, character: 1 }, end: { line: 0, character: 1 } })!, /start after end/);
    assert.match(rangeProblem(lines, { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } })!, /outside/);
    // overlapping edits of one fix are not all applied
    const r = applyEdits('abcdef', [
      { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 4 } }, newText: 'X' },
      { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 5 } }, newText: 'Y' },
    ]);
    assert.equal(r.applied, 1);
  });
});
