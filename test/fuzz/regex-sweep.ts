/**
 * Backtracking sweep over the engine's regular expressions (run in a child process by
 * regex.test.ts, so that a regular expression that never ends can be stopped).
 *
 * 1. Collects every regular expression literal of the folders of server/src (DIRS)
 *    with the TypeScript compiler API, and every `new RegExp(…)` the modules build, at load
 *    time or while linting real texts (RegExp is wrapped before the modules are imported).
 * 2. Attacks each one with strings made to make it backtrack: long runs of the characters
 *    its classes and literals loop over, pairs of them, its literal words, and strings
 *    that match it (fast-check's stringMatching) with a piece pumped thousands of times,
 *    each followed by a character that makes the match fail.
 * 3. Screens every attack at 12 to 1,500 characters (stopping early when one is already
 *    slow), re-runs the slowest at 50,000 characters, and prints one JSON line per regular
 *    expression on stdout.
 *
 * stderr gets `BEGIN <where>` before each one, so the parent can name the culprit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import fc from 'fast-check';

const ROOT = path.join(__dirname, '..', '..');
const DIRS = ['parser', 'rules', 'analyzer', 'model', 'features', 'references', 'word', 'engine', 'util', 'data', 'cli'].map((d) => path.join(ROOT, 'server', 'src', d));
/** sizes to screen at: small ones first, so that an exponential pattern shows before it hangs */
const SCREEN_STAGES = [12, 18, 24, 48, 96, 192, 384, 768, 1500];
/** a linear pattern takes microseconds on these sizes; an attack over the limit is timed twice more */
const screenLimitMs = (n: number) => (n <= 32 ? 20 : 250);
/** nor does a whole stage of a few hundred attacks */
const STAGE_LIMIT_MS = 1000;
const FINAL_N = Number(process.env.REGEX_FINAL_N ?? 50000);
const FINALISTS = 3;

export interface Target {
  where: string;
  source: string;
  flags: string;
  dynamic: boolean;
}

// ---- collecting ----

const NativeRegExp = RegExp;
const built: Target[] = [];
const whereBuilt = (): string | null => {
  const stack = new Error().stack ?? '';
  for (const line of stack.split('\n').slice(2)) {
    const m = /(server[\\/]src[\\/][^:()]+\.ts):(\d+)/.exec(line);
    if (m) return `${m[1].replace(/\\/g, '/')}:${m[2]}`;
  }
  return null;
};
(globalThis as { RegExp: RegExpConstructor }).RegExp = new Proxy(NativeRegExp, {
  construct(target, args, newTarget) {
    const re = Reflect.construct(target, args) as RegExp;
    void newTarget;
    const where = whereBuilt();
    if (where) built.push({ where, source: re.source, flags: re.flags, dynamic: true });
    return re;
  },
});

function literalRegexes(): { targets: Target[]; constructorSites: string[] } {
  const targets: Target[] = [];
  const constructorSites: string[] = [];
  for (const dir of DIRS) {
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
      const file = path.join(dir, f);
      const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const rel = path.relative(ROOT, file).replace(/\\/g, '/');
      const visit = (node: ts.Node) => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const text = node.getText(sf);
          const slash = text.lastIndexOf('/');
          const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
          targets.push({ where: `${rel}:${line}`, source: text.slice(1, slash), flags: text.slice(slash + 1), dynamic: false });
        } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
          constructorSites.push(`${rel}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return { targets, constructorSites };
}

async function dynamicRegexes(): Promise<Target[]> {
  for (const dir of DIRS) for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) await import(path.join(dir, f));
  const { lintText } = await import('../../server/src/engine');
  const { loadBases } = await import('./inputs');
  for (const b of loadBases()) lintText(b.text);
  const seen = new Set<string>();
  return built.filter((t) => {
    const k = `${t.where}\0${t.source}\0${t.flags}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// ---- attacking ----

const POOL = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  '\t',
  '\n',
  '\u00a0',
  '\u2011',
  '\u2013',
  '\u2014',
  '\u2019',
  '\u201c',
  'é',
];

/** Characters a class matches, a few of them, spread over the pool. */
function membersOf(cls: string, flags: string): string[] {
  let re: RegExp;
  try {
    re = new NativeRegExp(`^${cls}$`, flags.replace(/[gy]/g, ''));
  } catch {
    return [];
  }
  const m = POOL.filter((c) => re.test(c));
  if (m.length <= 5) return m;
  return [m[0], m[1], m[Math.floor(m.length / 2)], m[m.length - 2], m[m.length - 1]];
}

/** The characters and literal words a pattern is made of. */
function partsOf(source: string, flags: string): { chars: string[]; words: string[] } {
  const chars = new Set<string>();
  const words: string[] = [];
  let word = '';
  const flush = () => {
    if (word.trim().length >= 2) words.push(word.trim());
    word = '';
  };
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      let len = 2;
      if (e === 'u' && source[i + 2] === '{') len = source.indexOf('}', i) - i + 1;
      else if (e === 'u') len = 6;
      else if (e === 'x') len = 4;
      else if ((e === 'p' || e === 'P') && source[i + 2] === '{') len = source.indexOf('}', i) - i + 1;
      const esc = source.slice(i, i + len);
      if (/^\\[1-9bBk]/.test(esc)) {
        flush();
      } else {
        const ms = membersOf(esc, flags);
        for (const m of ms) chars.add(m);
        if (ms.length === 1 && /[A-Za-z ]/.test(ms[0])) word += ms[0];
        else flush();
      }
      i += len;
    } else if (c === '[') {
      flush();
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      for (const m of membersOf(source.slice(i, j + 1), flags)) chars.add(m);
      i = j + 1;
    } else if ('()|*+?{}^$'.includes(c)) {
      flush();
      if (c === '(' && source[i + 1] === '?') {
        // (?: (?= (?! (?<= (?<! (?<name>
        let j = i + 2;
        if (source[j] === '<' && source[j + 1] !== '=' && source[j + 1] !== '!') j = source.indexOf('>', j) + 1;
        else j += source[j] === '<' ? 2 : 1;
        i = j;
      } else if (c === '{') {
        const close = source.indexOf('}', i);
        i = close > i && /^\{\d*,?\d*\}$/.test(source.slice(i, close + 1)) ? close + 1 : i + 1;
      } else i++;
    } else if (c === '.') {
      flush();
      chars.add('a').add(' ');
      i++;
    } else {
      chars.add(c);
      if (/[A-Za-z ]/.test(c)) word += c;
      else flush();
      i++;
    }
  }
  flush();
  return { chars: [...chars], words: [...new Set(words)].slice(0, 12) };
}

/** Strings that match the pattern, longest first (fast-check builds them from the pattern). */
function samplesOf(source: string, flags: string): string[] {
  try {
    const re = new NativeRegExp(source, flags.replace(/[gy]/g, ''));
    const got = fc.sample(fc.stringMatching(re, { size: 'small' }), { numRuns: 40, seed: 7 });
    return [...new Set(got)].sort((a, b) => b.length - a.length).slice(0, 6);
  } catch {
    return [];
  }
}

interface Attack {
  label: string;
  make: (n: number) => string;
}

const TAILS = ['\u0001', '!'];

function attacksFor(t: Target): Attack[] {
  const { chars, words } = partsOf(t.source, t.flags);
  const all = [...new Set([...chars, ' ', '\t', 'a', '0', '.', '(', '['])];
  const attacks: Attack[] = [];
  const show = (s: string) => JSON.stringify(s.length > 24 ? s.slice(0, 24) + '…' : s);
  for (const tail of TAILS) for (const c of all) attacks.push({ label: `${show(c)} × n + ${show(tail)}`, make: (n) => c.repeat(n) + tail });
  const few = all.slice(0, 7);
  for (const a of few) for (const b of few) if (a !== b) attacks.push({ label: `${show(a + b)} × n/2 + "\\u0001"`, make: (n) => (a + b).repeat(n >> 1) + '\u0001' });
  for (const w of words) {
    attacks.push({ label: `${show(w + ' ')} repeated`, make: (n) => (w + ' ').repeat(Math.ceil(n / (w.length + 1))) + '\u0001' });
    attacks.push({ label: `${show(w)} then spaces`, make: (n) => w + ' '.repeat(n) + '\u0001' });
    attacks.push({ label: `${show(w)} then letters`, make: (n) => w + ' ' + 'a'.repeat(n) + '\u0001' });
  }
  for (const s of samplesOf(t.source, t.flags)) {
    const cuts = new Set<number>();
    for (let k = 0; k < 5; k++) cuts.add(Math.floor((k * s.length) / 5));
    for (const cut of cuts) {
      for (const len of [1, 2]) {
        const pump = s.slice(cut, cut + len);
        if (!pump) continue;
        const prefix = s.slice(0, cut);
        attacks.push({ label: `${show(prefix)} + ${show(pump)} × n + \\u0001`, make: (n) => prefix + pump.repeat(Math.ceil(n / pump.length)) + '\u0001' });
        attacks.push({ label: `${show(prefix)} + ${show(pump)} × n + rest`, make: (n) => prefix + pump.repeat(Math.ceil(n / pump.length)) + s.slice(cut + len) + '\u0001' });
      }
    }
  }
  return attacks;
}

function runOnce(re: RegExp, input: string): number {
  const r = new NativeRegExp(re.source, re.flags);
  const t0 = performance.now();
  if (r.global) {
    let count = 0;
    let m: RegExpExecArray | null;
    while ((m = r.exec(input)) && count++ < 100000) if (m[0].length === 0) r.lastIndex++;
  } else r.exec(input);
  return performance.now() - t0;
}

export interface Result {
  where: string;
  source: string;
  flags: string;
  dynamic: boolean;
  attacks: number;
  worstMs: number;
  worstAttack: string;
  /** stopped while screening: already slow on a short input */
  screenedOut?: boolean;
  error?: string;
}

/**
 * Attacks one pattern. `maxLength` caps the input size for a pattern whose callers never
 * give it more (see BOUNDED in regex.test.ts): it is attacked at that size instead.
 */
function sweep(t: Target, maxLength = Infinity): Result {
  let re: RegExp;
  try {
    re = new NativeRegExp(t.source, t.flags);
  } catch (e) {
    return { ...t, attacks: 0, worstMs: 0, worstAttack: '', error: (e as Error).message };
  }
  const attacks = attacksFor(t);
  // screen at growing sizes; stop at once when an attack, or a whole stage, is already slow
  // on short strings (a polynomial or exponential pattern would not finish at the final size)
  let screened: { a: Attack; ms: number; n: number }[] = [];
  for (const n of [...new Set(SCREEN_STAGES.map((n) => Math.min(n, maxLength)))]) {
    screened = [];
    let total = 0;
    for (const a of attacks) {
      const input = a.make(n).slice(0, maxLength);
      let ms = runOnce(re, input);
      // a busy machine can stall one run: over the limit, time it once more and keep the better
      if (ms > screenLimitMs(n)) ms = Math.min(ms, runOnce(re, input));
      total += ms;
      screened.push({ a, ms, n });
      if (ms > screenLimitMs(n) || total > STAGE_LIMIT_MS) {
        return { ...t, attacks: attacks.length, screenedOut: true, worstMs: Math.max(ms, total), worstAttack: `${a.label} (${input.length} chars; already this slow while screening, ${total.toFixed(0)} ms for the stage so far)` };
      }
    }
    screened.sort((x, y) => y.ms - x.ms);
  }
  let worstMs = 0;
  let worstAttack = '';
  for (const { a } of screened.slice(0, FINALISTS)) {
    const input = a.make(Math.min(FINAL_N, maxLength)).slice(0, maxLength);
    const ms = runOnce(re, input);
    if (ms > worstMs) {
      worstMs = ms;
      worstAttack = `${a.label} (${input.length} chars)`;
    }
  }
  return { ...t, attacks: attacks.length, worstMs, worstAttack };
}

async function main(): Promise<void> {
  if (process.env.REGEX_ONLY) {
    // attack the given patterns only (used to show that the sweep catches bad ones)
    const given = JSON.parse(process.env.REGEX_ONLY) as { source: string; flags: string }[];
    process.stdout.write(JSON.stringify({ kind: 'collected', literal: 0, dynamic: 0, constructorSites: [], dynamicSites: [] }) + '\n');
    for (const g of given) process.stderr.write(`BEGIN given /${g.source}/${g.flags}\n`), process.stdout.write(JSON.stringify({ kind: 'result', ...sweep({ where: 'given', source: g.source, flags: g.flags, dynamic: false }) }) + '\n');
    return;
  }
  const { targets, constructorSites } = literalRegexes();
  const dynamic = await dynamicRegexes();
  process.stdout.write(JSON.stringify({ kind: 'collected', literal: targets.length, dynamic: dynamic.length, constructorSites, dynamicSites: [...new Set(dynamic.map((d) => d.where))] }) + '\n');
  // patterns whose callers bound their input: { source: max length }
  const bounded = JSON.parse(process.env.REGEX_BOUNDED ?? '{}') as Record<string, number>;
  for (const t of [...targets, ...dynamic]) {
    process.stderr.write(`BEGIN ${t.where} /${t.source.slice(0, 200)}/${t.flags}\n`);
    const max = bounded[t.source];
    const t0 = performance.now();
    const r = sweep(t, max ?? Infinity);
    process.stdout.write(JSON.stringify({ kind: 'result', ...r, bounded: max ?? null, sweepMs: Math.round(performance.now() - t0) }) + '\n');
  }
}

main().catch((e) => {
  process.stderr.write(`sweep failed: ${(e as Error)?.stack ?? e}\n`);
  process.exit(1);
});
