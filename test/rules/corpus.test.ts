import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/engine';
import { columnAt } from '../../server/src/model/content';
import { cleanLine } from '../../server/src/parser/lines';

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

describe('shared corpus: Res 1 (Hammamet, 2016) as imported from ITU\'s Word file', () => {
  const text = readFileSync(path.join(__dirname, '..', 'fixtures', 'res1-hammamet-2016.imported.txt'), 'utf8');

  it('reads the history line that carries the two footnote marks "1, 1bis"', () => {
    const { doc, findings } = lintText(text);
    const res = doc.resolutions[0];
    assert.equal(res.numberLine.content.text, 'RESOLUTION 1 (Rev. Hammamet, 2016)');
    assert.equal(res.title?.text, 'Rules of procedure of the ITU Telecommunication Standardization Sector');
    assert.equal(res.history?.content.text, '(Hammamet, 2016)');
    assert.deepEqual(
      res.history?.meetings.map((m) => [m.place, m.year]),
      [['Hammamet', 2016]],
    );
    assert.deepEqual(
      res.history?.footnoteRefs.map((f) => f.id),
      ['1', '2'],
    );
    // the footnote carries the earlier history: "Rev." over a one-meeting history line is right here
    assert.deepEqual(
      findings.filter((f) => f.range.start.line <= res.history!.range.end.line).map((f) => `${f.rule}: ${f.message}`),
      [],
    );
  });

  it('drops the comma between two footnote marks, keeping columns on the raw line', () => {
    const raw = 'as agreed[footnoteRef:1]1, [footnoteRef:2]1bis by the assembly';
    const { content } = cleanLine(raw, 0);
    assert.equal(content.text, 'as agreed by the assembly');
    const at = content.text.indexOf(' by');
    assert.equal(raw.slice(columnAt(content, at)), ' by the assembly');
    // one mark followed by a comma of the sentence keeps the comma
    assert.equal(cleanLine('agreed[footnoteRef:1]1, and noted', 0).content.text, 'agreed, and noted');
  });
});
