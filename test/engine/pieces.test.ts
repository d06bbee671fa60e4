import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixText, lintFindings, lintText, PIECE_CHARS } from '../../server/src/engine';
import { applyEdits, fixAllEdits } from '../../server/src/engine/fix';
import { RULES } from '../../server/src/rules';
import type { Rule } from '../../server/src/rules/types';
import { defaultConfig } from '../../server/src/engine/config';
import { loadReferenceData } from '../../server/src/data/reference';
import { planPieces } from '../../server/src/parser/pieces';
import { parse } from '../../server/src/parser/parse';
import { PiecePool } from '../../server/src/piecePool';
import { realTexts } from '../helpers/corpus';

/**
 * A long text linted in pieces on several threads gets exactly the findings of the whole
 * text (parser/pieces.ts, piecePool.ts). The worker is the built lint worker (npm test
 * builds dist/ first).
 */
const ROOT = path.join(__dirname, '..', '..');
const WORKER = path.join(ROOT, 'dist', 'lintWorker.js');


const MIN = 16 * 1024;

describe('linting a long text in pieces', function () {
  this.timeout(120000);
  const all = realTexts();
  // without the fixtures that hold proposals or spanning directives: those texts are linted whole
  const plain = all.filter((t) => planPieces(t + '\n' + all[0] + '\n' + all[0] + '\n' + all[0], { count: 2, minChars: 100 }) !== null);
  const data = loadReferenceData();
  let pool: PiecePool;

  before(function () {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build first (npm test does)`);
    pool = new PiecePool(WORKER, 3);
  });
  after(async () => pool?.dispose());

  it('can cut every fixture text: the benchmark builds its long text from them (bench/bench.ts)', () => {
    // a fixture with a proposal, or a next-line or block directive, makes that whole text lint
    // in one piece: the judged benchmark row would then measure something else
    assert.equal(plain.length, all.length);
  });

  describe('the plan', () => {
    const text = plain.join('\n');
    const long = Array(4).fill(text).join('\n');

    it('cuts only before number lines, and the pieces make up the text', () => {
      const text = long;
      const plan = planPieces(text, { count: 4, minChars: MIN })!;
      assert.ok(plan && plan.length === 4, `4 pieces, got ${plan?.length}`);
      assert.equal(plan.map((p) => text.slice(p.start, p.end)).join(''), text);
      for (const p of plan.slice(1)) {
        assert.match(text.slice(p.start, p.start + 40), /^\s*(?:draft new\s+)?(?:resolution|decision|recommendation)\s/i, `piece at line ${p.firstLine}`);
        assert.equal(text.slice(0, p.start).split('\n').length - 1, p.firstLine);
      }
    });

    it('keeps short texts whole, and pieces no smaller than asked', () => {
      assert.equal(planPieces(all[0], { count: 4, minChars: MIN }), null);
      assert.equal(planPieces(text, { count: 1, minChars: MIN }), null);
      for (const p of planPieces(text, { count: 4, minChars: MIN })!) assert.ok(p.end - p.start >= MIN);
    });

    it('keeps a text with proposals whole (a proposal holds the resolutions after it)', () => {
      const proposal = `MOD\tEUR/12/1\n\n${all[0]}\n`;
      assert.notEqual(planPieces(text, { count: 2, minChars: MIN }), null);
      assert.equal(planPieces(proposal + text, { count: 2, minChars: MIN }), null);
    });

    it('keeps a text with block or next-line directives whole, but not one with line directives', () => {
      assert.equal(planPieces(text + '\n<!-- reslint-disable no-double-space -->\n', { count: 2, minChars: MIN }), null);
      assert.equal(planPieces(text + '\n<!-- reslint-disable-next-line -->\n', { count: 2, minChars: MIN }), null);
      assert.notEqual(planPieces(text + '\nthat x <!-- reslint-disable-line no-double-space -->\n', { count: 2, minChars: MIN }), null);
    });

    it('with a foreword, cuts only after a resolution whose number line names its meeting', () => {
      const noMeeting = 'RESOLUTION 5\n\nTitle without a meeting\n\nconsidering\n\nthat it is;\n\nresolves\n\nto act.\n';
      const filler = Array.from({ length: 6 }, () => noMeeting).join('\n');
      const foreword = 'Foreword citing Resolution 2 (Rev. Hammamet, 2016).\n\n';
      const t = foreword + filler.repeat(200) + '\n' + text;
      const plan = planPieces(t, { count: 8, minChars: MIN })!;
      assert.ok(plan, 'a plan');
      // the first cut comes after the first number line with (Place, Year), as the parser reads it
      const first = parse(t).resolutions.find((r) => r.numberLine.meeting?.place && r.numberLine.meeting.year !== null)!;
      assert.ok(plan[1].firstLine > first.numberLine.range.start.line, `cut at line ${plan[1].firstLine}, first meeting on line ${first.numberLine.range.start.line}`);
      // without a foreword the same text may be cut earlier
      const bare = planPieces(filler.repeat(200) + '\n' + text, { count: 8, minChars: MIN })!;
      assert.ok(bare[1].firstLine < first.numberLine.range.start.line - 2);
    });
  });

  describe('the findings', () => {
    const cases: { name: string; text: string }[] = [
      { name: 'the corpus resolutions and the rule fixtures', text: plain.join('\n') },
      { name: 'the same repeated four times (duplicate footnote numbers, repeated definitions)', text: Array(4).fill(plain.join('\n')).join('\n') },
      { name: 'with a foreword and line directives', text: 'Foreword: see Resolution 1 (Rev. Hammamet, 2016) and Resolution 92 (Rev. Dubai, 2012).\n\n' + plain.join('\n').replace(/^(that .*)$/m, '$1 <!-- reslint-disable-line -->') },
      { name: 'with Windows line ends', text: plain.join('\n').replace(/\n/g, '\r\n') },
    ];
    for (const c of cases) {
      it(`equal those of the whole text: ${c.name}`, async () => {
        const whole = lintText(c.text, { data }).findings;
        const r = await pool.lint(c.text, { config: defaultConfig(), data, extension: null, minChars: MIN });
        assert.ok(r.pieces >= 2, `linted in pieces (got ${r.pieces})`);
        assert.ok(whole.length > 100);
        assert.deepEqual(r.findings, whole);
        assert.deepEqual(r.ruleErrors, []);
      });
    }

    it('a text with proposals is linted whole, with the same findings', async () => {
      const text = `MOD\tEUR/12/1\n\n${plain.join('\n')}`;
      const r = await pool.lint(text, { config: defaultConfig(), data, extension: null, minChars: MIN });
      assert.equal(r.pieces, 1);
      assert.deepEqual(r.findings, lintText(text, { data }).findings);
    });

    it('follows the configuration in every piece', async () => {
      const text = plain.join('\n');
      const config = defaultConfig();
      config.rules['no-double-space'] = { severity: 'off' };
      config.rules['clause-ending'] = { severity: 'hint' };
      const r = await pool.lint(text, { config, data, extension: null, minChars: MIN });
      assert.ok(r.pieces >= 2);
      assert.deepEqual(r.findings, lintText(text, { data, config }).findings);
      assert.ok(!r.findings.some((f) => f.rule === 'no-double-space'));
      assert.ok(r.findings.some((f) => f.rule === 'clause-ending' && f.severity === 'hint'));
    });

    it('lints the piece of a thread that dies on the calling thread', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'reslint-pieces-'));
      const broken = path.join(dir, 'worker.js');
      writeFileSync(broken, 'process.exit(3);\n');
      const logs: string[] = [];
      const p = new PiecePool(broken, 2, (m) => logs.push(m));
      try {
        const text = plain.join('\n');
        const r = await p.lint(text, { config: defaultConfig(), data, extension: null, minChars: MIN });
        assert.equal(r.pieces, 2);
        assert.deepEqual(r.findings, lintText(text, { data }).findings);
        assert.ok(logs.some((l) => /lint thread stopped/.test(l)), logs.join('\n'));
      } finally {
        await p.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('without a worker file, lints on the calling thread', async () => {
      const p = new PiecePool(null, 4);
      const text = plain.join('\n');
      const r = await p.lint(text, { config: defaultConfig(), data, extension: null, minChars: MIN });
      assert.equal(r.pieces, 1);
      assert.deepEqual(r.findings, lintText(text, { data }).findings);
    });
  });

  /** The text with `line` put before the first line (matching `before`, if given) past `share` of it. */
  function atLine(text: string, share: number, line: string, before = /^/): string {
    const lines = text.split('\n');
    let at = Math.floor(lines.length * share);
    while (!before.test(lines[at])) at++;
    lines.splice(at, 0, line);
    return lines.join('\n');
  }

  describe('on one thread, a few resolutions at a time (lintFindings)', () => {
    const text = Array(4).fill(plain.join('\n')).join('\n');
    const pieces = () => planPieces(text, { count: Math.floor(text.length / PIECE_CHARS), minChars: PIECE_CHARS / 2 });

    it('cuts a long text into pieces of about PIECE_CHARS', () => {
      const plan = pieces()!;
      assert.ok(plan && plan.length >= 4, `${plan?.length} pieces`);
      for (const p of plan) assert.ok(p.end - p.start >= PIECE_CHARS / 2);
    });

    const cases: { name: string; text: string }[] = [
      { name: 'the corpus resolutions and the rule fixtures, four times', text },
      { name: 'with a foreword and line directives', text: 'Foreword: see Resolution 1 (Rev. Hammamet, 2016).\n\n' + text.replace(/^(that .*)$/m, '$1 <!-- reslint-disable-line -->') },
      { name: 'with Windows line ends', text: text.replace(/\n/g, '\r\n') },
      // found in the parse of a later piece (the pieces linted so far are dropped), reaching across the cuts after it
      { name: 'with a block directive from the middle on (linted whole)', text: atLine(text, 0.5, '<!-- reslint-disable clause-ending, typography -->') + '\n<!-- reslint-enable -->\nthat a line  with a double space;' },
      { name: 'with a next-line directive before a number line (linted whole)', text: atLine(text, 0.6, '<!-- reslint-disable-next-line -->\nRESOLUTION 92  (Hammamet, 2016)', /^RESOLUTION /) },
      { name: 'with proposals (linted whole)', text: `MOD\tEUR/12/1\n\n${text}` },
      { name: 'a short text (linted whole)', text: all[0] },
    ];
    for (const c of cases) {
      it(`gets the findings of the whole text: ${c.name}`, () => {
        const whole = lintText(c.text, { data }).findings;
        assert.ok(whole.length > 0);
        assert.deepEqual(lintFindings(c.text, { data }), whole);
      });
    }

    it('fixes a long text as fixing the whole text would (reslint --fix)', () => {
      // the same rounds as fixText, each from the findings of the whole text
      let expected = text;
      for (let i = 0; i < 10; i++) {
        const edits = fixAllEdits(lintText(expected, { data }).findings);
        if (edits.length === 0) break;
        const r = applyEdits(expected, edits);
        if (r.text === expected) break;
        expected = r.text;
      }
      const fixed = fixText(text, { data });
      assert.ok(fixed.fixed > 50, `${fixed.fixed} fixes`);
      assert.notEqual(expected, text);
      assert.equal(fixed.text, expected);
      assert.deepEqual(fixed.findings, lintText(expected, { data }).findings);
    });

    it('counts lines from firstLine', () => {
      const shifted = lintFindings(text, { data, firstLine: 1000 });
      const whole = lintText(text, { data }).findings;
      assert.equal(shifted.length, whole.length);
      assert.deepEqual(
        shifted.map((f) => [f.range.start.line - 1000, f.range.end.line - 1000, f.rule]),
        whole.map((f) => [f.range.start.line, f.range.end.line, f.rule]),
      );
    });

    it('a rule that throws on one piece loses its findings in every piece, and is reported once', () => {
      const plan = pieces()!;
      // reports on every piece, throws only on the third
      const throwing: Rule = {
        id: 'throws-on-one-piece',
        description: 'test',
        defaultSeverity: 'warning',
        tags: [],
        fixable: false,
        check(ctx) {
          const first = ctx.doc.resolutions[0]?.numberLine.range.start.line;
          ctx.report({ message: 'seen', range: ctx.doc.resolutions[0].numberLine.range });
          if (first === plan[2].firstLine) throw new Error('boom');
        },
      };
      const errors: string[] = [];
      const findings = lintFindings(text, { data, rules: [...RULES, throwing], onRuleError: (r, e) => errors.push(`${r.id}: ${(e as Error).message}`) });
      assert.deepEqual(errors, ['throws-on-one-piece: boom']);
      assert.deepEqual(findings, lintText(text, { data }).findings);
    });
  });
});
