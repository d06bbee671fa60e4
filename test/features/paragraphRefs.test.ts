/**
 * References to numbered paragraphs (analyzer/paragraphRefs.ts) on Resolution 1 as ITU's
 * Word file gives it (imported): every reference it makes is found, points to a paragraph
 * that exists on the side it says, and the editor features go there; mistakes in a copy
 * are reported and the direction is fixed.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Analysis } from '../../server/src/analyzer/analysis';
import { fixText, lintText } from '../../server/src/engine';
import { definition, references } from '../../server/src/features/navigation';
import { hover } from '../../server/src/features/hover';
import { loadReferenceData } from '../../server/src/data/reference';
import { parse } from '../../server/src/parser/parse';
import { RULES_BY_ID } from '../../server/src/rules';

const RES1 = readFileSync(path.join(__dirname, '..', 'fixtures', 'res1-hammamet-2016.imported.txt'), 'utf8');
const LINES = RES1.split('\n');

/** The position `offset` characters into the first line that contains `needle` (after line `from`). */
function at(needle: string, offset = 0, from = 0): { line: number; character: number } {
  const line = LINES.findIndex((l, i) => i >= from && l.includes(needle));
  assert.ok(line >= 0, needle);
  return { line, character: LINES[line].indexOf(needle) + offset };
}

describe('references to numbered paragraphs (Resolution 1)', () => {
  const analysis = new Analysis(parse(RES1));

  it('finds the references Resolution 1 makes, each to a paragraph it has but one, and none to another text', () => {
    const refs = analysis.paragraphRefs;
    assert.equal(refs.length, 44);
    // after `with`, `See also`: `in accordance with 9.3.4 below`, `(See also 8.2.)`
    assert.deepEqual(
      refs.filter((r) => /(?:with|also) $/.test(LINES[r.range.start.line].slice(0, r.range.start.character))).map((r) => [r.number, r.direction, !!r.target]),
      [['8.2', null, true], ['9.3.4', 'below', true], ['9.5.2', 'below', true], ['9.6.1', null, true]],
    );
    // `In 1bis.1.1 and 1bis.1.2 below`: numbers of Section 1bis, after a capital `In`
    const l77 = refs.filter((r) => r.range.start.line === at('In 1bis.1.1 and 1bis.1.2 below').line);
    assert.deepEqual(l77.map((r) => [r.number, r.direction, !!r.target]), [['1bis.1.1', 'below', true], ['1bis.1.2', 'below', true], ['1bis.2', null, true], ['1bis.10', null, false]]);
    // ITU's text says `as defined in 1bis.2 to 1bis.10`, but Section 1bis ends at 1bis.9 (so does the Word file)
    assert.deepEqual(refs.filter((r) => !r.target).map((r) => r.number), ['1bis.10']);
    // `in 1.2 to 1.7 above`: both ends, both above
    const l62 = refs.filter((r) => r.range.start.line === at('referred to in 1.2 to 1.7 above').line);
    assert.deepEqual(l62.map((r) => [r.number, r.direction]), [['1.2', 'above'], ['1.7', 'above']]);
    // `(Recommendation ITU-T A.8, clause 3.1)` and `clause 1.8.2.8 of Recommendation ITU-T A.1` are another text's
    assert.ok(!refs.some((r) => r.number === '3.1' || r.number === '1.8.2.8'));
    // on ITU's own text, that one slip only
    assert.deepEqual(
      lintText(RES1).findings.filter((f) => f.rule === 'paragraph-reference').map((f) => [f.range.start.line, f.message]),
      [[at('1bis.2 to 1bis.10').line, 'This resolution has no paragraph 1bis.10 (1bis has 1bis.1 to 1bis.9).']],
    );
  });

  it('goes to the paragraph, shows its text, and lists the references to it', () => {
    const uri = 'file:///res1.txt';
    const onRef = at('see 9.5.2 below', 6);
    const target = at('9.5.2\t');
    assert.deepEqual(definition(analysis, uri, onRef), { uri, range: { start: target, end: { line: target.line, character: 5 } } });
    const h = hover({ analysis, data: loadReferenceData(), position: onRef });
    const value = (h?.contents as { value: string }).value;
    assert.ok(value.startsWith('**9.5.2** (SECTION 9)\n\nTechnical and editorial changes may only be made during the meeting'), value.slice(0, 80));
    // from the paragraph's number, or from a reference: the same list
    const fromNumber = references(analysis, uri, { line: target.line, character: 2 }, true).map((l) => l.range.start.line);
    assert.deepEqual(fromNumber, [target.line, at('see 9.5.2 below').line, at('in accordance with 9.5.2 below').line, at('and 9.5.2)').line]);
    assert.deepEqual(references(analysis, uri, onRef, false).map((l) => l.range.start.line), fromNumber.slice(1));
  });

  it('reports a paragraph that is not there and a reference to the wrong side, and fixes the side', () => {
    const copy = RES1.replace('see 9.5.2 below', 'see 9.5.2 above').replace('in 7.1.5 above', 'in 7.1.15 above');
    const found = lintText(copy).findings.filter((f) => f.rule === 'paragraph-reference');
    assert.deepEqual(
      found.map((f) => [f.range.start.line, f.message]),
      [
        [at('1bis.2 to 1bis.10').line, 'This resolution has no paragraph 1bis.10 (1bis has 1bis.1 to 1bis.9).'],
        [at('in 7.1.5 above').line, 'This resolution has no paragraph 7.1.15 (7.1 has 7.1.0 to 7.1.11).'],
        [at('see 9.5.2 below').line, 'Paragraph 9.5.2 is below this point, not above.'],
      ],
    );
    assert.equal(fixText(copy, { rules: [RULES_BY_ID.get('paragraph-reference')!] }).text, RES1.replace('in 7.1.5 above', 'in 7.1.15 above'));
  });
});

describe('references to numbered paragraphs: what is not one', () => {
  const HEAD = `RESOLUTION 1001 (Hammamet, 2016)
Working methods
(Hammamet, 2016)
The World Telecommunication Standardization Assembly (Hammamet, 2016),
resolves
that the annex applies.
ANNEX
Rules
`;
  const numbersIn = (body: string) => new Analysis(parse(HEAD + body)).paragraphRefs.map((r) => r.number);
  it('takes a number after a word that introduces a reference, in a resolution that numbers paragraphs 1.1', () => {
    assert.deepEqual(numbersIn('1.1\tFirst.\n1.2\tAs in 1.1 above and see 1.3 below.\n'), ['1.1', '1.3']);
  });
  it('leaves quantities, other texts and lists numbered 1, 2 alone', () => {
    const quantities = '1.1\tFirst.\n1.2\tA budget of 1.5 million, a rise to 2.5 per cent in 2.4 GHz, within 1.5 years.\n';
    assert.deepEqual(numbersIn(quantities), []);
    assert.deepEqual(numbersIn('1.1\tFirst.\n1.2\tAs in clause 3.1 of Recommendation ITU-T A.8 and Recommendation ITU-T A.1, clause 1.8.\n'), []);
    // a list numbered 1, 2: `in 2.1` is no paragraph of it
    assert.deepEqual(numbersIn('1\tFirst.\n2\tAs in 2.1 above.\n'), []);
  });
  it('offers no fix when one word follows numbers on both sides', () => {
    const text = HEAD + '1.1\tFirst.\n1.2\tAs in 1.1 and 1.3 above.\n1.3\tLast.\n';
    const found = lintText(text).findings.filter((f) => f.rule === 'paragraph-reference');
    assert.deepEqual(found.map((f) => [f.message, f.fixes?.length ?? 0]), [['Paragraph 1.3 is below this point, not above.', 0]]);
    // one side only: fixed
    const one = HEAD + '1.1\tFirst.\n1.2\tAs in 1.3 above.\n1.3\tLast.\n';
    assert.equal(fixText(one, { rules: [RULES_BY_ID.get('paragraph-reference')!] }).text, one.replace('1.3 above', '1.3 below'));
  });
});
