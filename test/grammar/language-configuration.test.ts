/** Tests of language-configuration.json: comments, brackets, pairs, word pattern and on-enter rules. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const CONFIG_PATH = path.join(ROOT, 'language-configuration.json');

interface Pair {
  open: string;
  close: string;
  notIn?: string[];
}
interface LanguageConfiguration {
  comments: { lineComment?: string; blockComment: [string, string] };
  brackets: Array<[string, string]>;
  autoClosingPairs: Pair[];
  surroundingPairs: Array<[string, string]>;
  wordPattern: string;
  onEnterRules: Array<{ beforeText: string; afterText?: string; action: { indent: string; appendText?: string } }>;
}

const config = JSON.parse(fs.readFileSync(CONFIG_PATH, 'utf8')) as LanguageConfiguration;
/** Words as VS Code finds them: it runs the word pattern with the global flag. */
const words = (text: string): string[] => text.match(new RegExp(config.wordPattern, 'g')) ?? [];

describe('language-configuration.json', () => {
  it('is the file package.json points to', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'itu-resolution');
    assert.equal(path.resolve(ROOT, lang.configuration), CONFIG_PATH);
  });

  it('declares the HTML-style block comment used by reslint directives', () => {
    assert.deepEqual(config.comments.blockComment, ['<!--', '-->']);
    assert.equal(config.comments.lineComment, undefined);
  });

  it('pairs round and square brackets, straight and curly quotes', () => {
    assert.deepEqual(config.brackets, [['(', ')'], ['[', ']']]);
    const auto = new Map(config.autoClosingPairs.map((p) => [p.open, p.close]));
    for (const [open, close] of [['(', ')'], ['[', ']'], ['"', '"'], ['\u201c', '\u201d'], ['\u2018', '\u2019']]) {
      assert.equal(auto.get(open), close, `auto-closes ${open}`);
      assert.ok(config.surroundingPairs.some(([o, c]) => o === open && c === close), `surrounds with ${open}${close}`);
    }
  });

  it('keeps ITU names, Recommendation numbers, bis labels and non-breaking forms as single words', () => {
    const line =
      'that ITU-T and ITU\u2011R study IMT-2020 and IMT\u20112020 under Recommendation ITU\u2011T\u00a0A.7 and resolves 2bis and a\u00a0bis);';
    const w = words(line);
    for (const expected of ['ITU-T', 'ITU\u2011R', 'IMT-2020', 'IMT\u20112020', 'ITU\u2011T', 'A.7', '2bis', 'a\u00a0bis']) {
      assert.ok(w.includes(expected), `${JSON.stringify(expected)} in ${JSON.stringify(w)}`);
    }
  });

  it('still splits words at spaces, NBSP between words, commas, parentheses and a final full stop', () => {
    assert.deepEqual(words('Resolution\u00a043 (Rev.\u00a0Dubai, 2014).'), ['Resolution', '43', 'Rev', 'Dubai', '2014']);
    assert.deepEqual(words('Florianópolis, Montréal'), ['Florianópolis', 'Montréal']);
    assert.equal(new RegExp(config.wordPattern).test(''), false, 'never matches the empty string');
  });

  it('matches words in linear time on long adversarial input', () => {
    for (const s of ['a-'.repeat(50000), 'a.'.repeat(50000) + '!', 'a\u2011'.repeat(50000), 'a\u00a0'.repeat(50000) + 'bi']) {
      const t0 = performance.now();
      words(s);
      assert.ok(performance.now() - t0 < 1000, JSON.stringify(s.slice(0, 6)));
    }
  });

  it('continues a dash list after an item ending with a semicolon, and only then', () => {
    assert.equal(config.onEnterRules.length, 1);
    const rule = config.onEnterRules[0];
    const before = new RegExp(rule.beforeText);
    assert.ok(before.test('\u2013\tsmall island developing states;'));
    assert.ok(!before.test('\u2013\tcountries with economies in transition,'));
    assert.ok(!before.test('a)\tthat IMT systems have contributed to development;'));
    assert.equal(rule.action.appendText, '\u2013\t');
  });
});
