import { strict as assert } from 'node:assert';
import { lintText } from '../../server/src/engine';

/**
 * Inline directives: which lines keep which findings. Each line below has a double space
 * (no-double-space) and a space before a comma (no-space-before-punctuation), so every line
 * shows what a directive silenced.
 */
const LINE = 'that the study groups  shall cooperate , as needed;';

function findingsByLine(directives: Record<number, string>, lines = 8): string[][] {
  const body: string[] = [];
  for (let i = 0; i < lines; i++) body.push(directives[i] !== undefined ? `${LINE} ${directives[i]}` : LINE);
  const text = ['RESOLUTION 92 (Hammamet, 2016)', 'Title', '(Hammamet, 2016)', 'The World Telecommunication Standardization Assembly (Hammamet, 2016),', 'considering', ...body.map((l, i) => `${String.fromCharCode(97 + i)})\t${l}`)].join('\n');
  const { findings } = lintText(text);
  const out: string[][] = body.map(() => []);
  for (const f of findings) {
    const i = f.range.start.line - 5;
    if (i >= 0 && i < body.length && (f.rule === 'no-double-space' || f.rule === 'no-space-before-punctuation')) out[i].push(f.rule);
  }
  return out.map((l) => [...new Set(l)].sort());
}

const BOTH = ['no-double-space', 'no-space-before-punctuation'];
const SPACE = ['no-space-before-punctuation'];
const DOUBLE = ['no-double-space'];

describe('inline directives', () => {
  const cases: { name: string; directives: Record<number, string>; expect: string[][] }[] = [
    { name: 'no directive', directives: {}, expect: [BOTH, BOTH, BOTH, BOTH, BOTH, BOTH, BOTH, BOTH] },
    { name: 'disable-line for one rule', directives: { 1: '<!-- reslint-disable-line no-double-space -->' }, expect: [BOTH, SPACE, BOTH, BOTH, BOTH, BOTH, BOTH, BOTH] },
    { name: 'disable-line for every rule', directives: { 1: '<!-- reslint-disable-line -->' }, expect: [BOTH, [], BOTH, BOTH, BOTH, BOTH, BOTH, BOTH] },
    { name: 'disable-next-line', directives: { 2: '<!-- reslint-disable-next-line no-space-before-punctuation -->' }, expect: [BOTH, BOTH, BOTH, DOUBLE, BOTH, BOTH, BOTH, BOTH] },
    {
      name: 'a block for one rule, closed by enable',
      directives: { 2: '<!-- reslint-disable no-double-space -->', 4: '<!-- reslint-enable no-double-space -->' },
      expect: [BOTH, BOTH, SPACE, SPACE, SPACE, BOTH, BOTH, BOTH],
    },
    { name: 'a block for every rule, never closed', directives: { 5: '<!-- reslint-disable -->' }, expect: [BOTH, BOTH, BOTH, BOTH, BOTH, [], [], []] },
    {
      name: 'overlapping blocks, an enable of every rule closes both',
      directives: { 1: '<!-- reslint-disable no-double-space -->', 3: '<!-- reslint-disable no-space-before-punctuation -->', 5: '<!-- reslint-enable -->' },
      expect: [BOTH, SPACE, SPACE, [], [], [], BOTH, BOTH],
    },
    {
      name: 'separate blocks one after the other',
      directives: { 0: '<!-- reslint-disable no-double-space -->', 1: '<!-- reslint-enable -->', 4: '<!-- reslint-disable no-space-before-punctuation -->', 6: '<!-- reslint-enable -->' },
      expect: [SPACE, SPACE, BOTH, BOTH, DOUBLE, DOUBLE, DOUBLE, BOTH],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(findingsByLine(c.directives), c.expect);
    });
  }
});

describe('inline directives that name no rule (directive-unknown-rule)', () => {
  const unknown = (text: string) =>
    lintText(text)
      .findings.filter((f) => f.rule === 'directive-unknown-rule')
      .map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.fixes?.[0]?.edits[0].newText ?? '-'}`);
  const head = 'RESOLUTION 92 (Hammamet, 2016)\nTitle\n(Hammamet, 2016)\nThe World Telecommunication Standardization Assembly (Hammamet, 2016),\nconsidering\n';

  it('reports each unknown id of next-line, block and enable comments at its place, with the nearest id as the fix', () => {
    const text =
      head +
      '<!-- reslint-disable-next-line oxford-speling -->\n' +
      `a)\t${LINE}\n` +
      '<!-- reslint-disable no-double-space, no-such-check -->\n' +
      `b)\t${LINE}\n` +
      '<!-- reslint-enable no-double-spaces -->\n' +
      `c)\t${LINE}`;
    assert.deepEqual(unknown(text), ['5:31-45 oxford-spelling', '7:38-51 -', '9:20-36 no-double-space']);
    // the block still silences its known rule, up to an enable that names it (none here)
    const doubles = lintText(text).findings.filter((f) => f.rule === 'no-double-space').map((f) => f.range.start.line);
    assert.deepEqual(doubles, [6]);
  });

  it('reads what follows " -- " as a description, not as rule ids', () => {
    assert.deepEqual(unknown(head + `a)\t${LINE} <!-- reslint-disable-line no-double-space -- as printed, and kept -->`), []);
    assert.deepEqual(unknown(head + `a)\t${LINE} <!-- reslint-disable-line no-double-space,no-space-before-punctuation-- -->`), ['5:97-126 no-space-before-punctuation']);
  });
});
