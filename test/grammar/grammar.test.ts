/**
 * Tests of the TextMate grammar (syntaxes/itu-resolution.tmLanguage.json):
 *  - the scope assertions in test/grammar/*.itures, run through vscode-tmgrammar-test
 *    (programmatically, one mocha test per file, and once through its CLI like `npm run test:grammar`);
 *  - the structure the grammar finds in the real Resolution 92 (Hammamet, 2016) text;
 *  - that no regex of the grammar backtracks catastrophically on adversarial lines.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as onig from 'vscode-oniguruma';
import * as tm from 'vscode-textmate';
import { createRegistry, loadConfiguration } from 'vscode-tmgrammar-test/dist/common/index';
import { parseGrammarTestCase, runGrammarTestCase } from 'vscode-tmgrammar-test/dist/unit/index';
import { GRAMMAR_PATH, ROOT, SCOPE, TokenizedLine, hasScope, loadGrammar, loadOnig, scopeText, tokenizeText } from './textmate';

const CORPUS = path.join(ROOT, '..', 'shared', 'corpus', 'res92-hammamet-2016.txt');
const TEST_DIR = path.join(ROOT, 'test', 'grammar');

interface RawRule {
  [key: string]: unknown;
}

/** Every regex in the grammar (match, begin, end, while), with its JSON path. */
function grammarRegexes(): Array<{ where: string; source: string }> {
  const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as RawRule;
  const out: Array<{ where: string; source: string }> = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, `${where}/${i}`));
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node as RawRule)) {
        if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') {
          out.push({ where: `${where}/${key}`, source: value });
        } else {
          walk(value, `${where}/${key}`);
        }
      }
    }
  };
  walk(raw, '');
  return out;
}

describe('grammar: package.json wiring', () => {
  it('contributes the grammar file with the scope name the grammar declares', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const g = pkg.contributes.grammars.find((x: { language: string }) => x.language === 'itu-resolution');
    assert.ok(g, 'grammar contribution for itu-resolution');
    assert.equal(g.scopeName, SCOPE);
    assert.equal(path.resolve(ROOT, g.path), GRAMMAR_PATH);
    const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
    assert.equal(raw.scopeName, SCOPE);
    assert.ok(Object.keys(raw.repository).length > 10);
  });
});

describe('grammar: vscode-tmgrammar-test assertions (test/grammar/*.itures)', function () {
  this.timeout(60000);
  const files = fs.readdirSync(TEST_DIR).filter((f) => f.endsWith('.itures')).sort();

  it('has test files, each declaring the grammar scope in its header', () => {
    assert.ok(files.length >= 4, `found ${files.length} .itures files`);
    for (const f of files) {
      const tc = parseGrammarTestCase(fs.readFileSync(path.join(TEST_DIR, f), 'utf8'));
      assert.equal(tc.metadata.scope, SCOPE, f);
      assert.equal(tc.metadata.commentToken, '<!--', f);
      assert.ok(tc.assertions.length >= 10, `${f} has ${tc.assertions.length} asserted lines`);
    }
  });

  for (const file of files) {
    it(`passes ${file}`, async () => {
      const { grammars } = loadConfiguration(path.join(ROOT, 'package.json'), undefined, []);
      const registry = createRegistry(grammars);
      const testCase = parseGrammarTestCase(fs.readFileSync(path.join(TEST_DIR, file), 'utf8'));
      const failures = await runGrammarTestCase(registry, testCase);
      const report = failures.map(
        (f) =>
          `line ${f.line + 1} [${f.start},${f.end}): missing ${f.missing.join(' ')}` +
          (f.unexpected.length ? `; unexpected ${f.unexpected.join(' ')}` : '') +
          `; actual ${f.actual.join(' ')}`,
      );
      assert.deepEqual(report, []);
    });
  }

  it('passes through the CLI, as `npm run test:grammar` runs it', () => {
    const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js');
    const r = spawnSync(process.execPath, [cli, '--compact', 'test/grammar/**/*.itures'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /proposals\.itures/);
  });
});

describe('grammar: structure of Resolution 92 (Hammamet, 2016)', () => {
  let lines: TokenizedLine[];
  before(async function () {
    assert.ok(fs.existsSync(CORPUS), `the shared corpus is missing: ${CORPUS}`);
    const grammar = await loadGrammar();
    lines = tokenizeText(grammar, fs.readFileSync(CORPUS, 'utf8'));
  });

  const has = hasScope;
  const textOf = scopeText;

  it('finds one number line, a two-line title, the history line and the preamble in order', () => {
    const num = lines.findIndex((l) => has(l, 'markup.heading.number-line'));
    assert.equal(textOf(lines[num], 'entity.name.section.resolution-number'), '92');
    assert.equal(lines.filter((l) => has(l, 'markup.heading.number-line')).length, 1);
    assert.ok(has(lines[num + 1], 'entity.name.section.title'));
    assert.ok(has(lines[num + 2], 'entity.name.section.title'));
    assert.ok(has(lines[num + 3], 'meta.history-line') && !has(lines[num + 3], 'entity.name.section.title'));
    assert.equal(textOf(lines[num + 4], 'support.class.body.adopting'), 'World Telecommunication Standardization Assembly');
  });

  it('finds the 2 preambular and 10 operative calls, and the addressee of each operative call that has one', () => {
    const pre = lines.filter((l) => has(l, 'keyword.other.call.preambular')).map((l) => l.line.trim());
    assert.deepEqual(pre, ['considering', 'noting']);
    const op = lines.filter((l) => has(l, 'keyword.control.call.operative'));
    assert.equal(op.length, 10);
    assert.deepEqual(
      op.map((l) => textOf(l, 'variable.other.addressee')),
      [
        'the Telecommunication Standardization Advisory Group',
        'study groups of the ITU Telecommunication Standardization Sector',
        'Study Group\u00a011',
        'ITU\u2011T Study Group\u00a012',
        'Study Group\u00a013',
        'Study Group\u00a015',
        'Study Group\u00a017',
        'the Director of the Telecommunication Standardization Bureau',
        'the Directors of the three Bureaux',
        'Member States, Sector Members, Associates and academia',
      ],
    );
  });

  it('labels the 18 lettered and 12 numbered clauses and nothing else', () => {
    assert.equal(lines.filter((l) => has(l, 'constant.numeric.clause-label.lettered')).length, 12 + 6);
    assert.equal(lines.filter((l) => has(l, 'constant.numeric.clause-label.numbered')).length, 2 + 3 + 3 + 2 + 2);
  });

  it('marks the Word traces: two bookmarks in the foreword, one before a clause, and the footnote', () => {
    assert.equal(lines.filter((l) => has(l, 'comment.other.bookmark')).length, 3);
    assert.equal(lines.filter((l) => has(l, 'meta.footnote-reference')).length, 1);
    assert.equal(lines.filter((l) => has(l, 'meta.footnote.body')).length, 1);
  });

  it('underlines every citation of a resolution or Recommendation', () => {
    const cites = lines.flatMap((l) => {
      const out: string[] = [];
      let cur = '';
      let end = -1;
      for (const t of l.tokens) {
        const isCite = t.scopes.some((s) => s.startsWith('markup.underline.link.citation'));
        if (isCite && t.startIndex === end) cur += l.line.slice(t.startIndex, t.endIndex);
        else if (isCite) {
          if (cur) out.push(cur);
          cur = l.line.slice(t.startIndex, t.endIndex);
        }
        if (isCite) end = t.endIndex;
      }
      if (cur) out.push(cur);
      return out;
    });
    assert.deepEqual(
      cites.map((c) => c.replace(/\u00a0/g, ' ').replace(/\u2011/g, '-')),
      [
        'Resolution 1',
        'Resolution ITU-R 56 (Rev. Geneva, 2015)',
        'Recommendation 207 (Rev. WRC-15)',
        'Resolution 43 (Rev. Dubai, 2014)',
        'Resolution 18 (Rev. Hammamet, 2016)',
        'Resolution 59 (Rev. Dubai, 2014)',
        'Recommendation ITU-T A.4',
        'Recommendation ITU-T A.5',
        'Recommendation ITU-T A.6',
        'Recommendation ITU-T A.7',
      ],
    );
  });
});

describe('grammar: no catastrophic backtracking', function () {
  this.timeout(120000);

  const N = 30000;
  const fill = (s: string, n = N) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
  // Runs of the characters and fragments the regexes quantify over.
  const FRAGMENTS = [
    'a', 'A', '(', ')', '[', ']', ' ', '\u00a0', '\t', ' \u00a0\t', '-', '\u2011', '1', '1.', 'A.1.', '.',
    'a)', 'a bis) ', 'Aa-', 'Resolution ', 'Resolution 1 and ', 'Recommendation ITU-T A.1, ', 'ITU\u2011T ',
    '(Hammamet, 2016; ', 'Hammamet ', 'Rev. ', '[bookmark:', '[footnoteRef:1]', '[1: ', '<!--', '<!-- reslint-disable ',
    'considering ', 'instructs ', 'resolves 1 ', 'Study Group 1 ', 'The World ',
  ];
  // Line starts that put the anchored rules to work before the run.
  const PREFIXES = [
    'instructs ', 'resolves to invite ', 'RESOLUTION 1 (', '(', 'The World Telecommunication Standardization Assembly (',
    'a)\t', '1\t', 'ADD\t', 'Draft new Resolution [', 'considering ', '[bookmark: x]',
  ];
  const inputs: string[] = [
    ...FRAGMENTS.map((f) => fill(f)),
    ...PREFIXES.flatMap((p) => [' ', '\u00a0', 'a', '(', '[', '1', 'Hammamet '].map((f) => p + fill(f) + 'x')),
  ];

  it('compiles every regex and scans each adversarial 30 000-character line in well under a second', async () => {
    await loadOnig();
    const regexes = grammarRegexes();
    assert.ok(regexes.length > 30, `${regexes.length} regexes`);
    const slow: string[] = [];
    for (const { where, source } of regexes) {
      const scanner = new onig.OnigScanner([source]); // throws on a regex Oniguruma cannot compile
      for (const input of inputs) {
        const str = new onig.OnigString(input);
        const t0 = performance.now();
        // scan the way vscode-textmate does: next match from the end of the previous one
        let pos = 0;
        for (let n = 0; pos <= input.length && n < 100000; n++) {
          const m = scanner.findNextMatchSync(str, pos);
          if (!m) break;
          const end = m.captureIndices[0].end;
          pos = end > pos ? end : pos + 1;
        }
        const ms = performance.now() - t0;
        str.dispose();
        if (ms > 1000) slow.push(`${where} on ${JSON.stringify(input.slice(0, 24))}…: ${ms.toFixed(0)} ms`);
      }
      scanner.dispose();
    }
    assert.deepEqual(slow, []);
  });

  it('tokenizes 200 KB lines without backtracking (well under 10 seconds each; npm run bench measures speed), from the initial state and inside a title, a footnote and a comment', async () => {
    const grammar = await loadGrammar();
    const L = 200000;
    const states: Record<string, tm.StackElement> = {
      initial: tm.INITIAL,
      title: grammar.tokenizeLine('RESOLUTION 92 (Hammamet, 2016)', tm.INITIAL).ruleStack,
      comment: grammar.tokenizeLine('<!-- an open comment', tm.INITIAL).ruleStack,
    };
    const lines = [
      ...['a', '(', '[', ' ', '\u00a0', '\t', ' \u00a0', '1', 'Resolution 1, ', 'ITU\u2011T A.1 ', '(Hammamet, 2016; ', 'Study Group 1 ', 'a) ']
        .map((f) => fill(f, L)),
      'instructs ' + fill(' ', L) + 'x',
      'resolves to invite ' + fill('\u00a0', L) + 'x',
      'RESOLUTION 1 (' + fill('Hammamet ', L),
      'a)\t[1: 1\t' + fill('[', L),
      '[bookmark:' + fill('a', L),
    ];
    const slow: string[] = [];
    for (const [name, state] of Object.entries(states)) {
      for (const line of lines) {
        // best of two runs, so that a busy machine does not fail the test
        let best = Infinity;
        for (let run = 0; run < 2 && best > 10000; run++) {
          const t0 = performance.now();
          const r = grammar.tokenizeLine(line, state);
          best = Math.min(best, performance.now() - t0);
          assert.equal(r.stoppedEarly, false);
          assert.ok(r.tokens.length >= 1);
        }
        if (best > 10000) slow.push(`${name} ${JSON.stringify(line.slice(0, 24))}…: ${best.toFixed(0)} ms`);
      }
    }
    assert.deepEqual(slow, []);
  });
});
