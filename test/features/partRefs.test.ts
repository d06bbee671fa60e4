/**
 * References to sections, annexes and appendices of the same resolution
 * (analyzer/partRefs.ts, rule part-reference): on Resolution 1 as ITU's Word file gives it
 * (imported) every such reference is found and points to a part it has; the editor features
 * go there; a table of what counts and what does not.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Analysis } from '../../server/src/analyzer/analysis';
import { fixText, lintText } from '../../server/src/engine';
import { definition, references } from '../../server/src/features/navigation';
import { hover } from '../../server/src/features/hover';
import { complete, lineBefore } from '../../server/src/features/completion';
import { loadReferenceData } from '../../server/src/data/reference';
import { parse } from '../../server/src/parser/parse';
import { RULES_BY_ID } from '../../server/src/rules';

const RES1 = readFileSync(path.join(__dirname, '..', 'fixtures', 'res1-hammamet-2016.imported.txt'), 'utf8');
const RES92 = readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'res92-hammamet-2016.txt'), 'utf8');
// ITU's text has a no-break space in `Section\u00a03 below`: looked up as a space (the columns stay)
const LINES = RES1.replace(/\u00a0/g, ' ').split('\n');

function at(needle: string, offset = 0): { line: number; character: number } {
  const line = LINES.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, needle);
  return { line, character: LINES[line].indexOf(needle) + offset };
}

const findingsOf = (text: string) => lintText(text).findings.filter((f) => f.rule === 'part-reference');

describe('references to sections and annexes (Resolution 1)', () => {
  const analysis = new Analysis(parse(RES1));

  it('finds the eleven references Resolution 1 makes to its sections and appendices, each to a part it has', () => {
    const refs = analysis.partRefs;
    assert.deepEqual(
      refs.map((r) => `${r.word} ${r.number} ${r.scope}`),
      [
        'section 1bis implicit', // the note on the history line: `Annex A (ITU-T Documentation) to Section 1bis`
        'section 2 implicit',
        'section 9 implicit',
        'section 3 below',
        'section 7 this',
        'section 7 this',
        'section 8 this',
        'section 8 this',
        'appendix I this',
        'section 9 this',
        'appendix II this',
      ],
    );
    assert.ok(refs.every((r) => r.target));
    assert.equal(refs[3].target!.heading.text.trim(), 'SECTION 3');
    // `Annex A (ITU-T Documentation) to Section 1bis`: Annex A is Section 1bis's, not the resolution's
    assert.ok(!refs.some((r) => r.word === 'annex'));
    assert.deepEqual(findingsOf(RES1), []);
    assert.deepEqual(new Analysis(parse(RES92)).partRefs, []);
    assert.deepEqual(findingsOf(RES92), []);
  });

  it('goes to the section, shows its heading and first paragraph, and lists the references to it', () => {
    const uri = 'file:///res1.txt';
    const onRef = at('Section 3 below', 3);
    const heading = at('SECTION 3');
    assert.deepEqual(definition(analysis, uri, onRef), { uri, range: { start: heading, end: { line: heading.line, character: LINES[heading.line].length } } });
    const value = (hover({ analysis, data: loadReferenceData(), position: onRef })?.contents as { value: string }).value;
    assert.match(value, /^\*\*SECTION 3\*\* .+\n\n3\.1\t?/);
    // from the heading or from a reference: the same list
    const onSeven = at('set out in Section 7 of this resolution', 12);
    const seven = at('SECTION 7');
    const fromHeading = references(analysis, uri, seven, true).map((l) => l.range.start.line);
    assert.equal(fromHeading.length, 3);
    assert.equal(fromHeading[0], seven.line);
    assert.deepEqual(references(analysis, uri, onSeven, false).map((l) => l.range.start.line), fromHeading.slice(1));
  });

  it('completes the numbers of its sections after `Section `, with their titles, and not after another text', () => {
    const completeAt = (text: string, needle: string) => {
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.includes(needle));
      const position = { line, character: lines[line].indexOf(needle) + needle.length };
      const a = new Analysis(parse(text));
      return complete({ analysis: a, data: loadReferenceData(), position, before: lineBefore(a, position) });
    };
    const typed = RES1.replace('(see Section\u00a02)', '(see Section 1b)');
    const items = completeAt(typed, '(see Section 1b');
    assert.deepEqual(items.map((i) => i.label), ['1', '1bis', '2', '3', '4', '5', '6', '7', '8', '9']);
    assert.equal(items[1].detail, 'Documentation of ITU-T');
    assert.deepEqual(items[0].textEdit, { range: { start: at('(see Section', 13), end: at('(see Section', 15) }, newText: '1' });
    // another text's annex, and a resolution without sections: nothing of this one's
    const other = RES1.replace('(see Section\u00a02)', '(see Resolution 2 (Rev. Hammamet, 2016), Section )');
    assert.deepEqual(completeAt(other, 'Hammamet, 2016), Section ').filter((i) => i.kind === 18), []);
    const res92 = RES92.replace('considering\n', 'considering Section \n');
    assert.deepEqual(completeAt(res92, 'considering Section ').filter((i) => i.kind === 18), []);
  });

  it('reports a part that is not there and a reference to the wrong side, and fixes the side', () => {
    const copy = RES1.replace('Section\u00a03 below', 'Section\u00a03 above').replace(/is set out in Section([ \u00a0])8 of this resolution/, 'is set out in Section$110 of this resolution');
    const found = findingsOf(copy);
    assert.deepEqual(
      found.map((f) => [f.range.start.line, f.message]),
      [
        [at('Section 3 below').line, 'Section 3 is below this point, not above.'],
        [at('is set out in Section 8 of this resolution').line, 'This resolution has no Section 10 (its sections: Section 1 to Section 9).'],
      ],
    );
    assert.equal(fixText(copy, { rules: [RULES_BY_ID.get('part-reference')!] }).text, RES1.replace(/is set out in Section([ \u00a0])8 of this resolution/, 'is set out in Section$110 of this resolution'));
  });
});

describe('references to sections and annexes: what counts', () => {
  const doc = (body: string, parts: string) => `RESOLUTION 1001 (Hammamet, 2016)
Working methods
(Hammamet, 2016)
The World Telecommunication Standardization Assembly (Hammamet, 2016),
resolves
that ${body}.
${parts}`;
  const TWO = 'ANNEX 1\n(to Resolution 1001 (Hammamet, 2016))\nForms\nThe forms.\nANNEX 2\n(to Resolution 1001 (Hammamet, 2016))\nRecords\nThe records.\n';
  const refsIn = (body: string, parts = TWO) => new Analysis(parse(doc(body, parts))).partRefs.map((r) => `${r.word} ${r.number ?? '-'} ${r.scope}${r.target ? '' : ' (none)'}`);
  const cases: [string, string[]][] = [
    ['the forms in Annex 1 to this resolution apply', ['annex 1 this']],
    ['the forms in Annex 1 of the present resolution apply', ['annex 1 this']],
    ['the forms in Annex 1 apply', ['annex 1 implicit']],
    ['the forms in Annexes 1 and 2 to this resolution apply', ['annex 1 this', 'annex 2 this']],
    ['the forms in Annex 1 and Annex 2 to this resolution apply', ['annex 1 this', 'annex 2 this']],
    ['the forms in Annex 1 to Annex 3 below apply', ['annex 1 below', 'annex 3 below (none)']],
    ['the forms in Annex 3 below apply', ['annex 3 below (none)']],
    ['the forms in the annexes to this resolution apply', ['annex - this (none)']],
    ['the forms in the Annex to this Resolution apply', ['annex - this (none)']],
    ['the forms in Annex 2 to this Resolution apply', ['annex 2 this']],
    // another text's part
    ['the forms in Annex 1 to Resolution 76 (Rev. Dubai, 2012) apply', []],
    ['the forms in Resolution 76 (Rev. Dubai, 2012), Annex 1, apply', []],
    ['Section 2 of Article 5 of the Convention applies', []],
    ['the data of RR Appendix 4 and Appendix 30B apply', []],
    ['the data of Appendix 4 apply', []],
    // `Section 2` with nothing after: only in a resolution that has sections
    ['Section 2 applies', []],
  ];
  for (const [body, expected] of cases) {
    it(`${body} → ${expected.length ? expected.join(', ') : 'none'}`, () => assert.deepEqual(refsIn(body), expected));
  }

  it('leaves out a missing annex in a proposal, which may not reproduce it', () => {
    const res = doc('the languages listed in the annex to this resolution apply', '');
    assert.deepEqual(findingsOf(res).map((f) => f.message), ['This resolution has no annex.']);
    const proposal = `MOD\tAPT/42/1\n\n${res}\nReasons:\tTo update the languages.\n`;
    assert.equal(new Analysis(parse(proposal)).doc.resolutions[0].proposal, 0);
    assert.deepEqual(findingsOf(proposal), []);
  });

  it('writes "the annex" for a numbered reference to a resolution\'s only, unnumbered annex', () => {
    const ONE = 'ANNEX\n(to Resolution 1001 (Hammamet, 2016))\nForms\nThe forms.\n';
    const fix = (body: string) => fixText(doc(body, ONE), { rules: [RULES_BY_ID.get('part-reference')!] }).text;
    assert.equal(fix('the forms in Annex 1 to this resolution apply'), doc('the forms in the annex to this resolution apply', ONE));
    // reported, not fixed: after `the`, or in a list
    for (const body of ['the forms in the Annex 1 to this resolution apply', 'the forms in Annex 1 and Annex 2 to this resolution apply']) {
      const found = findingsOf(doc(body, ONE));
      assert.ok(found.length >= 1 && found.every((f) => f.message.startsWith('This resolution has one annex, not numbered') && !f.fixes), body);
      assert.equal(fix(body), doc(body, ONE));
    }
  });

  it('offers no fix when one word follows parts on both sides', () => {
    const text = doc('the sections below apply', 'SECTION 1\nGeneral\n1.1\tFirst.\nSECTION 2\nMore\n2.1\tAs in Sections 1 and 3 above.\nSECTION 3\nLast\n3.1\tLast.\n');
    assert.deepEqual(findingsOf(text).map((f) => [f.message, f.fixes?.length ?? 0]), [['Section 3 is below this point, not above.', 0]]);
  });
});
