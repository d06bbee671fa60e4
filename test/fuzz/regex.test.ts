/**
 * No regular expression of the engine backtracks badly: every literal in
 * the folders of server/src (parser, rules, analyzer, model, features, references, word,
 * engine, util, data, cli) and every `new RegExp(…)` the modules build is
 * attacked with strings made to make it backtrack (test/fuzz/regex-sweep.ts, in a child
 * process that is stopped if a pattern never ends) and must finish 50,000 characters
 * within a generous second. The TextMate grammar's patterns are checked in
 * test/grammar/grammar.test.ts.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Result as SweepResult } from './regex-sweep';

const BOUND_MS = 1000;
const SWEEP = path.join(__dirname, 'regex-sweep.ts');

/**
 * Patterns that backtrack on long input but whose callers never give them more than a
 * short string: each is attacked at that length instead (and must still be fast there).
 * Keep this list short, and say where the bound comes from.
 */
const BOUNDED: { source: string; max: number; why: string; toFix?: string }[] = [
  {
    source: String.raw`^([^\d,;()]*?)[ \t]*(,?)[ \t]*((?:19|20)\d\d)?$`,
    max: 80,
    why: 'server/src/analyzer/citations.ts parseCitedMeeting: the inside of a citation\'s parenthesis (PAREN_RE), at most 80 characters',
  },
  {
    source: String.raw`(?:Resolution|Decision|Recommendation)s?[ \t]+(?:ITU-R[ \t]+)?\d+[A-Z]?[ \t]*(?:\([^()]*\))?[ \t]*(?:of[^,;]{0,90})?,?[ \t]*$`,
    max: 120,
    why: 'server/src/analyzer/clauseRefs.ts EXTERNAL_BEFORE_RE: the 120 characters before a clause reference',
  },
  {
    source: String.raw`([0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)[ \t]+$`,
    max: 30,
    why: 'server/src/analyzer/abbreviations.ts: the 30 characters before a parenthesis',
  },
  {
    source: String.raw`([A-Z]+)['\u2019]?S?[ \t]+$`,
    max: 30,
    why: 'server/src/analyzer/abbreviations.ts capitalPhrase: the 30 characters before a capital word',
  },
];

interface Collected {
  kind: 'collected';
  literal: number;
  dynamic: number;
  constructorSites: string[];
  dynamicSites: string[];
}
type Result = SweepResult & { kind: 'result' };

function runSweep(env: Record<string, string> = {}): { collected: Collected; results: Result[] } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', SWEEP], {
    encoding: 'utf8',
    timeout: 240000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, REGEX_BOUNDED: JSON.stringify(Object.fromEntries(BOUNDED.map((b) => [b.source, b.max]))), ...env },
  });
  if (r.status !== 0) {
    const begun = r.stderr.trim().split('\n').filter((l) => l.startsWith('BEGIN ')).pop();
    assert.fail(
      r.signal
        ? `the sweep was stopped (${r.signal}) while attacking ${begun?.slice(6) ?? 'nothing yet'}: it does not finish`
        : `the sweep failed (${r.status}): ${r.stderr.slice(-2000)}`,
    );
  }
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  return { collected: lines[0] as Collected, results: lines.slice(1) as Result[] };
}

describe('fuzz: regular expressions do not backtrack catastrophically', function () {
  this.timeout(300000);
  let collected: Collected;
  let results: Result[];

  before(() => {
    ({ collected, results } = runSweep());
  });

  it('finds the regular expressions: literals by the TypeScript AST, constructed ones at run time', () => {
    assert.ok(collected.literal >= 80, `only ${collected.literal} literals found`);
    assert.equal(results.filter((r) => !r.dynamic).length, collected.literal);
    // every `new RegExp(` site of the sources was seen building a pattern (at load time or
    // while linting the corpus), so none escapes the sweep
    const missed = collected.constructorSites.filter((s) => !collected.dynamicSites.includes(s));
    assert.deepEqual(missed, [], `constructed patterns not exercised: ${missed.join(', ')}`);
    assert.ok(collected.dynamicSites.some((s) => s.startsWith('server/src/analyzer/abbreviations.ts')), collected.dynamicSites.join(', '));
    for (const r of results) assert.equal(r.error, undefined, `${r.where}: ${r.error}`);
    assert.ok(results.every((r) => r.attacks >= 20), 'every pattern gets attacked');
    // every bounded pattern is still in the sources (a stale entry would hide nothing, but mislead)
    for (const b of BOUNDED) assert.ok(results.some((r) => r.source === b.source), `bounded pattern no longer found: ${b.why}`);
  });

  it(`each one finishes every attack (50,000 characters, or its bounded length) within ${BOUND_MS} ms`, () => {
    for (const b of BOUNDED.filter((b) => b.toFix)) console.warn(`      (to fix) ${b.why}: ${b.toFix}`);
    const slow = results.filter((r) => r.worstMs > BOUND_MS || r.screenedOut).map((r) => `${r.where} /${r.source.slice(0, 120)}/${r.flags}: ${r.worstMs.toFixed(0)} ms on ${r.worstAttack}`);
    assert.deepEqual(slow, []);
  });

  it('the sweep catches patterns that backtrack (the preamble pattern the parser used before)', () => {
    // n⁴ on "The a" followed by spaces: a line like that froze the server for seconds
    const oldPreamble = String.raw`^([ \t]*The[ \t]+)([^()]{3,200}?)[ \t]*(?:\(([^()]{0,100})\))?[ \t]*([,.;:]?)[ \t]*$`;
    const nested = String.raw`^(?:[a-z]+\s?)+$`;
    const { results: bad } = runSweep({ REGEX_ONLY: JSON.stringify([{ source: oldPreamble, flags: '' }, { source: nested, flags: 'i' }]) });
    assert.equal(bad.length, 2);
    for (const r of bad) assert.ok(r.screenedOut || r.worstMs > BOUND_MS, `${r.source}: not caught, ${r.worstMs} ms at worst (${r.worstAttack})`);
  });
});
