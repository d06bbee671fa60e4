import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/engine';

const corpus = path.join(__dirname, '..', '..', '..', 'shared', 'corpus');

describe('shared corpus', () => {
  it('Res 92 (Hammamet, 2016): the only warning or error is the space before the comma in resolves 2', () => {
    const text = readFileSync(path.join(corpus, 'res92-hammamet-2016.txt'), 'utf8');
    const { findings } = lintText(text);
    const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(
      serious.map((f) => [f.rule, f.range.start.line + 1, f.range.start.character + 1]),
      [['no-space-before-punctuation', 34, 15]],
      serious.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule} ${f.message}`).join('\n'),
    );
    const line = text.split('\n')[33];
    assert.ok(line.startsWith('2\tto encourage ,'));
  });
});
