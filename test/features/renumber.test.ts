import { strict as assert } from 'node:assert';
import { Analysis } from '../../server/src/analyzer/analysis';
import { applyEdits } from '../../server/src/engine/fix';
import { nextLabelAt, renumberEdits } from '../../server/src/features/renumber';
import { parse } from '../../server/src/parser/parse';

const HEAD = `RESOLUTION 92 (Hammamet, 2016)
Enhancing the standardization activities related to non-radio aspects of international mobile telecommunications
(Hammamet, 2016)
The World Telecommunication Standardization Assembly (Hammamet, 2016),
`;

function renumber(text: string): string {
  return applyEdits(text, renumberEdits(new Analysis(parse(text)))).text;
}

describe('renumbering and relettering', () => {
  it('reletters a shuffled preambular section, renumbers an operative one, and carries references along', () => {
    const input =
      HEAD +
      `considering
c)	that IMT systems contribute to development;
a bis)	that IMT-2020 will be widely used;
a)	that the roadmap of considering c) above helps coordination,
resolves
2	that study groups take the lead, in the light of considering a bis);
2bis	that focus groups report to their parent group;
that the roadmap is kept, as in resolves 2bis;
7	that the Sectors coordinate.
`;
    const want =
      HEAD +
      `considering
a)	that IMT systems contribute to development;
b)	that IMT-2020 will be widely used;
c)	that the roadmap of considering a) above helps coordination,
resolves
1	that study groups take the lead, in the light of considering b);
2	that focus groups report to their parent group;
3	that the roadmap is kept, as in resolves 2;
4	that the Sectors coordinate.
`;
    assert.equal(renumber(input), want);
    assert.equal(renumber(want), want, 'renumbering is idempotent');
  });

  it('removes the label of a lone clause', () => {
    const input = HEAD + 'instructs Study Group 13\n1\tto maintain the roadmap.\n';
    assert.equal(renumber(input), HEAD + 'instructs Study Group 13\nto maintain the roadmap.\n');
  });

  it('gives the label of the next clause after Enter: the next one at the end, bis in between', () => {
    const text = HEAD + 'considering\na)\tthat one;\nb)\tthat two,\nresolves\n1\tthat three;\n2\tthat four.\n';
    const an = new Analysis(parse(text));
    const line = (s: string) => text.split('\n').findIndex((l) => l.startsWith(s));
    assert.equal(nextLabelAt(an, { line: line('a)'), character: 12 }), 'a bis)');
    assert.equal(nextLabelAt(an, { line: line('b)'), character: 12 }), 'c)');
    assert.equal(nextLabelAt(an, { line: line('2\t'), character: 12 }), '3');
    assert.equal(nextLabelAt(an, { line: line('1\t'), character: 12 }), '1bis');
    assert.equal(nextLabelAt(an, { line: line('considering'), character: 11 }), null);
  });
});
