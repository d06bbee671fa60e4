/** Completion and hover in inline reslint comments (server/src/features/directives.ts). */
import { strict as assert } from 'node:assert';
import type { CompletionItem } from 'vscode-languageserver';
import { Analysis } from '../../server/src/analyzer/analysis';
import { loadReferenceData } from '../../server/src/data/reference';
import { complete, lineBefore } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { parse } from '../../server/src/parser/parse';
import { RULES } from '../../server/src/rules';

const data = loadReferenceData();
const HEAD = 'RESOLUTION 92 (Hammamet, 2016)\nTitle\n(Hammamet, 2016)\nThe World Telecommunication Standardization Assembly (Hammamet, 2016),\nconsidering\n';

/** Completion at the end of the last line of `text`. */
function completeAtEnd(text: string): CompletionItem[] {
  const analysis = new Analysis(parse(text));
  const lines = text.split('\n');
  const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return complete({ analysis, data, position, before: lineBefore(analysis, position) });
}

describe('inline reslint comments in the editor', () => {
  it('completes the kind of comment after "<!-- reslint-"', () => {
    const items = completeAtEnd(HEAD + 'a)\tthat the study groups  cooperate; <!-- reslint-dis');
    assert.deepEqual(items.map((i) => i.label), ['disable-line', 'disable-next-line', 'disable', 'enable']);
    const edit = items[0].textEdit as { range: { start: { character: number } }; newText: string };
    assert.equal(edit.newText, 'disable-line ');
    assert.equal(edit.range.start.character, 'a)\tthat the study groups  cooperate; <!-- reslint-'.length);
  });

  it('completes rule ids, with what each checks, leaving out those already written', () => {
    const line = 'a)\tthat the study groups  cooperate; <!-- reslint-disable-line no-double-space, no-sp';
    const items = completeAtEnd(HEAD + line);
    assert.equal(items.length, RULES.length - 1);
    assert.ok(!items.some((i) => i.label === 'no-double-space'));
    const sp = items.find((i) => i.label === 'no-space-before-punctuation')!;
    assert.equal(sp.detail, RULES.find((r) => r.id === 'no-space-before-punctuation')!.description);
    const edit = sp.textEdit as { range: { start: { character: number } }; newText: string };
    assert.equal(edit.range.start.character, line.length - 'no-sp'.length);
    // right after the kind, too
    assert.equal(completeAtEnd(HEAD + 'a)\ttext <!-- reslint-disable ').length, RULES.length);
  });

  it('offers no rule ids in the description after " -- ", nor after the comment is closed', () => {
    const noRuleIds = (items: CompletionItem[]) => !items.some((i) => i.label === 'clause-ending');
    assert.ok(noRuleIds(completeAtEnd(HEAD + 'a)\ttext; <!-- reslint-disable-line no-double-space -- as printed ')));
    assert.ok(noRuleIds(completeAtEnd(HEAD + 'a)\ttext; <!-- reslint-disable-line no-double-space --> and ')));
  });

  it('shows what a rule named in a comment checks on hover', () => {
    const line = 'a)\tthat the study groups  cooperate; <!-- reslint-disable-line clause-ending, no-such-rule -->';
    const analysis = new Analysis(parse(HEAD + line));
    const character = line.indexOf('clause-ending') + 3;
    const h = hover({ analysis, data, position: { line: 5, character } });
    const value = (h?.contents as { value: string }).value;
    assert.match(value, /^\*\*clause-ending\*\*\n\n/);
    assert.ok(value.includes(RULES.find((r) => r.id === 'clause-ending')!.description));
    assert.match(value, /Default severity: `error`/);
    assert.deepEqual(h?.range, { start: { line: 5, character: line.indexOf('clause-ending') }, end: { line: 5, character: line.indexOf('clause-ending') + 'clause-ending'.length } });
    // an id that is no rule gets no hover (directive-unknown-rule reports it)
    assert.equal(hover({ analysis, data, position: { line: 5, character: line.indexOf('no-such-rule') + 2 } }), null);
  });
});
