/**
 * Benchmark (npm run bench): builds dist/, then measures and writes bench/results.md.
 *
 *   (a) full-lint throughput on >= 4 MB of resolution text, beside markdownlint (default
 *       rules, sync API) and harper.js (LocalLinter, WebAssembly inlined: runs offline)
 *   (b) re-lint latency after a one-character edit of the 60-page Res 1, through
 *       Workspace.lint() on the editor's lines as the server does (line cache kept between
 *       versions): right after opening, and in the steady state of a typing session
 *   (c) time per MB from 10 KB to 20 MB (linearity)
 *   (d) server start to first diagnostics (dist/server.js over stdio, median of 5)
 *   (e) resident memory of the server after opening the 20 MB document
 *   (f) the machine
 *   (g) start-up and peak memory of `reslint FILE` beside markdownlint and harper.js, each
 *       in fresh processes on the same files; (b) also gets their time to lint the edited
 *       Res 1 again (neither has an incremental mode)
 *
 * Wall time and CPU time (process.cpuUsage: user + system) are both reported: the machine
 * may be shared, and CPU time is less disturbed by other processes. Medians of several
 * runs after a warm-up. BENCH_QUICK=1 shrinks everything (for a smoke run);
 * `--throughput-only` runs (a) alone and writes nothing; BENCH_TRACE=1 prints every timed run of (a).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { buildSync } from 'esbuild';
import { nodeBundle } from '../scripts/esbuildOptions';
import { Workspace } from '../server/src/workspace';
import { LineDocument } from '../server/src/lineDocument';
import { loadReferenceData } from '../server/src/data/reference';
import { defaultConfig } from '../server/src/engine/config';
import { PIECE_CHARS } from '../server/src/engine';
import { PiecePool } from '../server/src/piecePool';
import { LintPool } from '../server/src/lintPool';
import { realTexts } from '../test/helpers/corpus';

const ROOT = path.join(__dirname, '..');
const QUICK = process.env.BENCH_QUICK === '1';
const MB = 1 << 20;
const lines: string[] = [];
const out = (s = '') => {
  lines.push(s);
  process.stdout.write(s + '\n');
};

// ---- helpers ----

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function timeIt(fn: () => void): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wallMs, cpuMs: (c.user + c.system) / 1000 };
}

async function timeAsync(fn: () => Promise<void>): Promise<Timing> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wallMs, cpuMs: (c.user + c.system) / 1000 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** a small deterministic PRNG (mulberry32), so the edits are the same in every run */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);
const ok = (good: boolean) => (good ? 'met' : '**not met**');

// ---- the text ----

const corpusTexts = realTexts;

/** The corpus texts repeated, one after the other, up to `bytes` (UTF-8), as a flat string. */
/**
 * The engine as it ships: the same sources bundled by esbuild with the options of the
 * build (bench/tmp/engine.js), as dist/cli.js and dist/server.js bundle them, rather than
 * the modules one by one as tsx loads them. The rows that call the engine directly use it;
 * the worker rows use dist/lintWorker.js; (b) and (d) use the server's code.
 */
interface Engine {
  lintText: (text: string, options: { data: unknown }) => { findings: unknown[] };
  lintFindings: (text: string, options: { data: unknown }) => unknown[];
  loadReferenceData: () => unknown;
  shareFacts: (on: boolean) => void;
}

let engineCache: Engine | null = null;
function bundledEngine(): Engine {
  if (engineCache) return engineCache;
  const out = path.join(__dirname, 'tmp', 'engine.js');
  // the main run bundles it once; the processes it starts for single rows load that bundle
  if (!process.argv.includes('--row') || !existsSync(out)) buildSync({ ...nodeBundle, entryPoints: [path.join(__dirname, 'engine-entry.ts')], outfile: out });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engineCache = require(out) as Engine;
  return engineCache;
}

/** The texts, each with a final newline, repeated in turn until they make `bytes` (the last one whole). */
function filesOf(bytes: number, texts: string[]): string[] {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    // a copy of its own, as a file read from disk would be
    const t = Buffer.from(texts[i % texts.length] + '\n').toString();
    parts.push(t);
    size += Buffer.byteLength(t);
  }
  return parts;
}

function textOf(bytes: number, texts: string[]): string {
  let s = filesOf(bytes, texts).join('');
  if (Buffer.byteLength(s) > bytes) s = Buffer.from(s).subarray(0, bytes).toString();
  // flatten the rope into one string
  return Buffer.from(s).toString();
}

// ---- (f) machine ----

function machine(): void {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    /* not Linux */
  }
  out('## (f) Machine');
  out();
  out(`- CPU: ${cpu}; ${os.cpus().length} cores (${os.availableParallelism?.() ?? os.cpus().length} available)`);
  out(`- Node ${process.version}, ${os.platform()} ${os.release()}; ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory`);
  out(`- load average at start: ${os.loadavg().map(f2).join(', ')} (1, 5, 15 min) — other processes share the machine; CPU times are less disturbed than wall times`);
  out(`- date: ${new Date().toISOString()}${QUICK ? ' (BENCH_QUICK: reduced sizes)' : ''}`);
  out();
}

// ---- (a) throughput ----

/**
 * How long each linter is warmed up and timed in (a): the same wall time for every linter,
 * not the same number of runs. V8 compiles a function once it has been called often enough,
 * and a lint calls its per-document functions (each rule's check, the model's passes) once:
 * after four runs of a 4 MB lint that takes 0.3 s they are still being compiled, where four
 * runs of a linter that takes 4 s have long compiled everything. A server is in the steady
 * state seconds after it starts; the first lint in a fresh process is reported beside.
 */
interface Plan {
  /** at least this many warm-up runs, and at least `warmMs` of them */
  warm: number;
  warmMs: number;
  /** at least this many timed runs, and at least `runMs` of them (at most `maxRuns`) */
  runs: number;
  runMs: number;
  maxRuns: number;
}

/** A plan of exactly `warm` warm-up runs and `runs` timed runs. */
const counted = (warm: number, runs: number): Plan => ({ warm, warmMs: 0, runs, runMs: 0, maxRuns: runs });

/**
 * Median wall and CPU of the timed runs of `fn` after its warm-up (see Plan); `first`: the
 * first warm-up run (null without warm-up). `forceGc`: a full collection before each timed
 * run. That shrinks V8's young generation, and an allocating run then spends its time
 * growing it again; neither the server nor a CLI batch ever forces one, so the targets are
 * judged without it (the figure with it is reported beside).
 */
async function measurePlan(fn: () => void | Promise<void>, plan: Plan, forceGc = false): Promise<Timing & { first: Timing | null; count: number; warmCount: number }> {
  let first: Timing | null = null;
  let warmCount = 0;
  const w0 = performance.now();
  while (warmCount < plan.warm || performance.now() - w0 < plan.warmMs) {
    const t = await timeAsync(async () => void (await fn()));
    first ??= t;
    warmCount++;
  }
  const ts: Timing[] = [];
  const r0 = performance.now();
  while (ts.length < plan.runs || (performance.now() - r0 < plan.runMs && ts.length < plan.maxRuns)) {
    if (forceGc) gc();
    ts.push(await timeAsync(async () => void (await fn())));
  }
  if (process.env.BENCH_TRACE) console.error(ts.map((t) => t.wallMs.toFixed(0)).join(' '));
  return { wallMs: median(ts.map((t) => t.wallMs)), cpuMs: median(ts.map((t) => t.cpuMs)), first, count: ts.length, warmCount };
}

async function throughput(texts: string[]): Promise<number> {
  const size = QUICK ? MB / 2 : 4 * MB;
  const text = textOf(size, texts);
  const mb = Buffer.byteLength(text) / MB;
  const engine = bundledEngine();
  const bundledData = engine.loadReferenceData();
  // what `reslint FILE` runs on one thread: the findings only, a long text a few resolutions at a time
  const lint = () => void engine.lintFindings(text, { data: bundledData });
  // every linter gets the same warm-up time and at least as many timed runs (Plan)
  const plan = throughputPlan();
  // the rows the targets are judged on, each in fresh processes of its own (nothing another
  // linter left in the heap or the memos weighs on them), in turn, several rounds: the
  // machine's speed drifts, and linters measured minutes apart would not compare
  const rounds = QUICK ? 1 : 5;
  const measured = new Map<RowName, RowResult[]>();
  for (let r = 0; r < rounds; r++) {
    const order: RowName[] = ['reslint', 'markdownlint', 'reslint-files', 'markdownlint-files'];
    for (const name of r % 2 ? order.reverse() : order) measured.set(name, [...(measured.get(name) ?? []), rowInOwnProcess(name)]);
  }
  const row = (name: RowName): RowResult => {
    const rs = measured.get(name)!;
    return {
      ...rs[0],
      wallMs: median(rs.map((x) => x.wallMs)),
      cpuMs: median(rs.map((x) => x.cpuMs)),
      count: rs.reduce((n, x) => n + x.count, 0),
      warmCount: rs.reduce((n, x) => n + x.warmCount, 0),
    };
  };
  const ours = row('reslint');
  const runs = QUICK ? 1 : 7;
  // warmed up here first: the rows above ran in processes of their own
  const oursForced = await measurePlan(lint, { ...plan, runs, runMs: 0, maxRuns: runs }, true);
  // every line scanned afresh: what a text that never repeats a line costs
  engine.shareFacts(false);
  const oursFresh = await measurePlan(lint, plan);
  engine.shareFacts(true);
  // the model of the whole text kept, as the editor's features need it (lintText)
  const oursWhole = await measurePlan(() => void engine.lintText(text, { data: bundledData }), plan);
  const ourFindings = engine.lintFindings(text, { data: bundledData }).length;
  // the pools below lint on this thread with the sources' engine, and its own data
  const data = loadReferenceData();

  // the same text in pieces on two threads (reslint --threads 2; parser/pieces.ts)
  let piecesLine = '';
  let piecesRate = 0;
  const workerFile = path.join(ROOT, 'dist', 'lintWorker.js');
  if (existsSync(workerFile)) {
    const pool = new PiecePool(workerFile, 2);
    const lintPieces = async () => void (await pool.lint(text, { config: defaultConfig(), data, extension: null }));
    const t = await measurePlan(lintPieces, plan);
    const r = await pool.lint(text, { config: defaultConfig(), data, extension: null });
    await pool.dispose();
    piecesRate = mb / (t.wallMs / 1000);
    piecesLine = `| reslint in ${r.pieces} pieces on 2 threads (\`--threads 2\`) | ${f2(mb / (t.wallMs / 1000))} | ${f2(mb / (t.cpuMs / 1000))} | ${r.findings.length} |`;
  }

  // the same text as the editor gets it linted: the server lints a document of 256 KB or more
  // in its lint worker (lintPool.ts), the text sent as lines and the findings sent back
  let serverLine = '';
  let serverRate = 0;
  if (existsSync(workerFile)) {
    const pool = new LintPool(workerFile, () => undefined);
    const docLines = text.split(/(?<=\n)/);
    let version = 0;
    let count = 0;
    const lintInWorker = async () => {
      version++;
      const r = await pool.submit({ request: { type: 'lint', id: version, uri: 'file:///bench/4mb.itures', version, mode: 'full', config: defaultConfig(), extension: null }, lines: docLines });
      if (!r) throw new Error('the lint worker gave no result');
      count = r.findings.length;
    };
    const t = await measurePlan(lintInWorker, plan);
    pool.dispose();
    serverRate = mb / (t.wallMs / 1000);
    serverLine = `| reslint in the server's lint worker (how the editor gets a document of 256 KB or more linted: lines sent, findings sent back) | ${f2(serverRate)} | ${f2(mb / (t.cpuMs / 1000))} | ${count} |`;
  }

  const md = row('markdownlint');
  const oursFiles = row('reslint-files');
  const mdFiles = row('markdownlint-files');
  const mdFindings = md.findings;
  const files = { length: oursFiles.files };
  const filesMb = oursFiles.mb;
  const oursFilesFindings = oursFiles.findings;
  const mdFilesFindings = mdFiles.findings;

  // harper.js: WebAssembly, loaded from the inlined binary (no network); much slower per MB,
  // so it lints a slice of the same text and the rate is scaled
  let harperLine = '';
  try {
    const { linter, setup } = await harperLinter();
    const sliceBytes = QUICK ? 16 * 1024 : 128 * 1024;
    const slice = Buffer.from(text).subarray(0, sliceBytes).toString();
    await linter.lint(slice.slice(0, 4096), { language: 'plaintext' }); // warm-up
    const ts: Timing[] = [];
    let count = 0;
    for (let i = 0; i < (QUICK ? 1 : 2); i++) {
      gc();
      ts.push(await timeAsync(async () => void (count = (await linter.lint(slice, { language: 'plaintext' })).length)));
    }
    const h = { wallMs: median(ts.map((t) => t.wallMs)), cpuMs: median(ts.map((t) => t.cpuMs)) };
    const hmb = Buffer.byteLength(slice) / MB;
    harperLine = `| harper.js ${harperVersion()} (LocalLinter, plaintext; first ${(sliceBytes / 1024).toFixed(0)} KB only) | ${f2(hmb / (h.wallMs / 1000))} | ${f2(hmb / (h.cpuMs / 1000))} | ${count} (setup ${f1(setup.wallMs)} ms) |`;
  } catch (e) {
    harperLine = `| harper.js | could not run: ${(e as Error).message.split('\n')[0]} | | |`;
  }

  const rate = (t: Timing) => [mb / (t.wallMs / 1000), mb / (t.cpuMs / 1000)];
  const [ow, oc] = rate(ours);
  const [mw, mc] = rate(md);
  const filesRate = (t: Timing) => [filesMb / (t.wallMs / 1000), filesMb / (t.cpuMs / 1000)];
  const [fw, fc] = filesRate(oursFiles);
  const [mfw, mfc] = filesRate(mdFiles);
  out(`## (a) Full-lint throughput (${f2(mb)} MB: Res 92, Res 1 and the rule fixtures repeated, linted as one document; median of the timed runs after a warm-up of at least ${plan.warm} runs and ${f1(plan.warmMs / 1000)} s, then at least ${plan.runs} timed runs and ${f1(plan.runMs / 1000)} s, the same for every linter; the rows of reslint and markdownlint on their own and one by one each in ${rounds} fresh processes of its own, run in turn, the median of the ${rounds}: reslint ${ours.warmCount} + ${ours.count} runs, markdownlint ${md.warmCount} + ${md.count})`);
  out();
  out('| linter | MB/s (wall) | MB/s (CPU) | findings |');
  out('|---|---|---|---|');
  out(`| reslint (all rules; \`reslint FILE\` on one thread: a few resolutions at a time, lintFindings) | ${f2(ow)} | ${f2(oc)} | ${ourFindings} |`);
  out(`| reslint keeping the model of the whole text (lintText: what the editor's features read) | ${f2(mb / (oursWhole.wallMs / 1000))} | ${f2(mb / (oursWhole.cpuMs / 1000))} | ${ourFindings} |`);
  if (serverLine) out(serverLine);
  if (piecesLine) out(piecesLine);
  out(`| reslint, nothing found again from one line to another (as on a text that never repeats a line) | ${f2(mb / (oursFresh.wallMs / 1000))} | ${f2(mb / (oursFresh.cpuMs / 1000))} | ${ourFindings} |`);
  out(`| markdownlint ${pkgVersion('markdownlint')} (default rules, lintSync) | ${f2(mw)} | ${f2(mc)} | ${mdFindings} |`);
  out(`| reslint, the same text as the ${files.length} documents it is made of, linted one by one (how \`reslint\` lints a folder) | ${f2(fw)} | ${f2(fc)} | ${oursFilesFindings} |`);
  out(`| markdownlint, the same ${files.length} documents one by one | ${f2(mfw)} | ${f2(mfc)} | ${mdFilesFindings} |`);
  out(harperLine);
  out();
  const best = Math.max(ow, oc);
  const bestFiles = Math.max(fw, fc);
  out(`- target >= 20 MB/s, as one 4 MB document: ${ok(best >= 20)} (${f2(best)} MB/s on one thread, the better of wall and CPU${piecesRate ? `; in pieces, the CLI's default here: ${f2(piecesRate)} MB/s` : ''})`);
  out(`- target >= 20 MB/s, as ${files.length} documents one by one on one thread: ${ok(bestFiles >= 20)} (${f2(bestFiles)} MB/s, the better of wall and CPU)`);
  out(`- target >= 20x markdownlint, as one 4 MB document: ${ok(ow >= 20 * mw && oc >= 20 * mc)} (${f2(ow / mw)}x by wall, ${f2(oc / mc)}x by CPU)`);
  out(`- target >= 20x markdownlint, as ${files.length} documents one by one: ${ok(fw >= 20 * mfw && fc >= 20 * mfc)} (${f2(fw / mfw)}x by wall, ${f2(fc / mfc)}x by CPU)`);
  out(`- one 4 MB document is about fifty times the 60-page Res 1. \`reslint\` lints it in pieces of about ${PIECE_CHARS / 1024} KB cut before number lines, one after the other (engine/index.ts, lintFindings; the findings equal the whole text's, test/engine/pieces.test.ts), so that each piece's model is dropped before the next is made; kept whole, the model and analyses of the whole text outlive several of V8's young-generation collections and are copied by each, which the row "keeping the model" shows`);
  const rateOf = (t: Timing) => `${f2(mb / (t.wallMs / 1000))} MB/s wall, ${f2(mb / (t.cpuMs / 1000))} MB/s CPU`;
  out(`- reslint's first lint in a fresh process (V8 still compiling its code, the per-line memos empty), as a CLI run on one 4 MB file: ${rateOf(ours.first!)}`);
  out(`- reslint with a forced full collection before each run (see bench.ts, measurePlan): ${rateOf(oursForced)}`);
  out('- the text repeats its sources, and the per-line records find a repeated line again (and move what it found there); the row \"nothing found again\" turns that off: every line is scanned afresh, as on a text that never repeats a line');
  out(`- in pieces: the findings equal the whole text's (test/engine/pieces.test.ts); this is what \`reslint\` does by default with a file of 1 MB or more on a machine with 2 cores or more (one piece per core, at most 4); on ${os.availableParallelism?.() ?? os.cpus().length} cores the garbage collector's helper threads share the second core with the second piece`);
  out();
  return oc;
}

function pkgVersion(name: string): string {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '';
  }
}
const harperVersion = () => pkgVersion('harper.js');

/** Res 1 (Rev. Hammamet, 2016) as imported from Word: the 60-page resolution of (b) and (g). */
const res1Text = () => readFileSync(path.join(ROOT, 'test', 'fixtures', 'res1-hammamet-2016.imported.txt'), 'utf8');

/** harper.js's LocalLinter from its inlined WebAssembly (no network), set up, with the time that took. */
async function harperLinter(): Promise<{ linter: import('harper.js').LocalLinter; setup: Timing }> {
  const { LocalLinter } = await import('harper.js');
  const { binaryInlined } = await import('harper.js/binaryInlined');
  const linter = new LocalLinter({ binary: binaryInlined });
  const setup = await timeAsync(() => linter.setup());
  return { linter, setup };
}

/** The two rows (wall, CPU) of a latency table: p50, p95, p99 if asked, max. */
function latencyRows(label: string, ts: Timing[], p99: boolean): string[] {
  const cells = (xs: number[]) => [pct(xs, 50), pct(xs, 95), ...(p99 ? [pct(xs, 99)] : []), Math.max(...xs)].map(f2).join(' | ');
  return [`| ${label} | wall ms | ${cells(ts.map((t) => t.wallMs))} |`, `| | CPU ms | ${cells(ts.map((t) => t.cpuMs))} |`];
}

// ---- (b) re-lint latency ----

function relint(): void {
  const text0 = res1Text();
  const ws = new Workspace();
  const fsPath = path.join(os.tmpdir(), 'reslint-bench', 'res1.itures');
  const uri = 'file://' + fsPath;
  // the document as the server keeps it: lines, updated by the editor's incremental changes
  const doc = new LineDocument(uri, 'itu-resolution', 1, text0);
  ws.lint(uri, fsPath, doc.version, doc.snapshot());
  const rnd = prng(92);
  // one editing session: the first edits after opening (the code paths are compiled as they
  // are first used), then, after a few minutes of typing, the steady state the user lives in
  const opened = QUICK ? 50 : 150;
  const steadyFrom = QUICK ? 100 : 550;
  const edits = QUICK ? 200 : 1100;
  const first: Timing[] = [];
  const steady: Timing[] = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz ,;.()';
  for (let i = 0; i < edits; i++) {
    // one character typed at a random place, or the character there deleted
    const length = doc.length;
    const at = doc.positionAt(Math.floor(rnd() * length));
    const typed = rnd() < 0.6 || length < 10;
    const ch = letters[Math.floor(rnd() * letters.length)];
    const change = typed ? { range: { start: at, end: at }, text: ch } : { range: { start: at, end: doc.positionAt(doc.offsetAt(at) + 1) }, text: '' };
    doc.update([change], doc.version + 1);
    const t = timeIt(() => void ws.lint(uri, fsPath, doc.version, doc.snapshot()));
    if (i < opened) first.push(t);
    else if (i >= steadyFrom) steady.push(t);
  }
  ws.dispose();
  const words = text0.split(/\s+/).filter(Boolean).length;
  out(`## (b) Re-lint after a one-character edit (Res 1 (Rev. Hammamet, 2016) as imported from Word: ${(Buffer.byteLength(text0) / 1024).toFixed(0)} KB, ${words} words, ${text0.split('\n').length} paragraphs; the server's line document and Workspace.lint() with its line cache; ${edits} edits at random places in one session)`);
  out();
  out('| edits | | p50 | p95 | p99 | max |');
  out('|---|---|---|---|---|---|');
  const row = (label: string, ts: Timing[]) => {
    for (const l of latencyRows(label, ts, true)) out(l);
    return Math.min(pct(ts.map((t) => t.cpuMs), 95), pct(ts.map((t) => t.wallMs), 95));
  };
  const cold = row(`1–${opened}, just opened`, first);
  const p95 = row(`${steadyFrom + 1}–${edits}, steady typing`, steady);
  out();
  out(`- target p95 <= 5 ms while typing (steady state, after ${steadyFrom} edits): ${ok(p95 <= 5)} (${f2(p95)} ms, the lower of wall and CPU)`);
  out(`- right after opening, while the code paths are first compiled: p95 ${f2(cold)} ms (${cold <= 5 ? 'within' : 'above'} the target)`);
  out();
}

/** One character typed at a random place of `text`, or the character there deleted. */
function editedText(text: string, rnd: () => number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz ,;.()';
  const at = Math.floor(rnd() * text.length);
  const ch = letters[Math.floor(rnd() * letters.length)];
  return rnd() < 0.6 || text.length < 10 ? text.slice(0, at) + ch + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
}

/**
 * (b) for markdownlint and harper.js, in a process of their own: neither keeps anything
 * between lints, so after each one-character edit the whole of Res 1 is linted again.
 */
async function relintOthers(): Promise<void> {
  const text0 = res1Text();
  const rows: string[] = [];
  const row = (label: string, ts: Timing[]) => void rows.push(...latencyRows(label, ts, false));
  const session = async (warm: number, timed: number, lint: (text: string) => void | Promise<void>): Promise<Timing[]> => {
    const rnd = prng(92);
    let text = text0;
    const ts: Timing[] = [];
    for (let i = 0; i < warm + timed; i++) {
      text = editedText(text, rnd);
      const t = await timeAsync(async () => void (await lint(text)));
      if (i >= warm) ts.push(t);
    }
    return ts;
  };
  const { lint: mdlint } = await import('markdownlint/sync');
  const mdTimed = QUICK ? 5 : 100;
  row(`markdownlint ${pkgVersion('markdownlint')} (${mdTimed} edits after 20)`, await session(20, mdTimed, (t) => void mdlint({ strings: { doc: t } })));
  try {
    const { linter } = await harperLinter();
    const hTimed = QUICK ? 2 : 8;
    row(`harper.js ${harperVersion()} (${hTimed} edits after 1)`, await session(1, hTimed, async (t) => void (await linter.lint(t, { language: 'plaintext' }))));
  } catch (e) {
    rows.push(`| harper.js | could not run: ${(e as Error).message.split('\n')[0]} | | | |`);
  }
  process.stdout.write(rows.join('\n') + '\n');
}

/** (b) for the other linters, in a process of their own (see relintOthers). */
function relintOthersInOwnProcess(): void {
  out('Beside it, the other linters on the same text and the same kind of edits: neither has an');
  out('incremental mode, so each edit costs a lint of the whole 60 pages (markdownlint with its');
  out('default rules; harper.js LocalLinter, plaintext):');
  out();
  out('| linter | | p50 | p95 | max |');
  out('|---|---|---|---|---|');
  const r = spawnSync(process.execPath, [...process.execArgv, __filename, '--relint-others'], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 20 });
  if (r.status !== 0) out(`| could not run: ${(r.stderr || '').split('\n')[0]} | | | | |`);
  else for (const l of r.stdout.replace(/\n$/, '').split('\n')) out(l);
  out();
}

// ---- (g) start-up and memory beside the other linters ----

interface Footprint {
  /** spawn → the process has printed its findings and exited */
  wallMs: number;
  /** its own count from its start to exit */
  ms: number;
  maxRssKb: number | null;
  findings: number;
}

/** One linter on one file in a fresh process, timed and measured by footprint/preload.cjs. */
function footprint(linter: 'reslint' | 'markdownlint' | 'harper', file: string): Footprint {
  const script = linter === 'reslint' ? [path.join(ROOT, 'bin', 'reslint.js'), '--format', 'json'] : [path.join(__dirname, 'footprint', `${linter}.mjs`)];
  const report = path.join(__dirname, 'tmp', `footprint-${process.pid}.json`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', path.join(__dirname, 'footprint', 'preload.cjs'), ...script, file], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_FOOTPRINT_OUT: report },
    maxBuffer: 256 << 20,
  });
  const wallMs = performance.now() - t0;
  // reslint exits 1 when a finding is an error; anything else is a failure
  if (r.status !== 0 && !(linter === 'reslint' && r.status === 1)) throw new Error(`${linter} exited with ${r.status}: ${(r.stderr || '').split('\n')[0]}`);
  const own = JSON.parse(readFileSync(report, 'utf8')) as { ms: number; maxRssKb: number | null };
  const findings = linter === 'reslint' ? (JSON.parse(r.stdout) as unknown[]).length : Number(r.stdout);
  return { wallMs, ms: own.ms, maxRssKb: own.maxRssKb, findings };
}

async function footprints(texts: string[]): Promise<void> {
  const dir = path.join(__dirname, 'tmp');
  mkdirSync(dir, { recursive: true });
  const res1 = res1Text();
  const big = textOf(QUICK ? MB / 2 : 4 * MB, texts);
  const files = [
    { label: `Res 92 (${(Buffer.byteLength(texts[0]) / 1024).toFixed(0)} KB)`, name: 'res92.txt', text: texts[0] },
    { label: `Res 1 as imported from Word (${(Buffer.byteLength(res1) / 1024).toFixed(0)} KB, 60 pages)`, name: 'res1.txt', text: res1 },
    { label: `the ${f2(Buffer.byteLength(big) / MB)} MB text of (a)`, name: 'big.txt', text: big },
  ];
  const runs = QUICK ? 1 : 3;
  out(`## (g) Start-up and memory beside the other linters (each linter in a fresh process per run, on the same file; median of ${runs} after a warm-up run)`);
  out();
  out('From spawning `node` to the findings printed and the process gone: loading the code (and for');
  out('harper.js compiling its WebAssembly and setting up its dictionary), reading the file, linting');
  out("it once, cold. `reslint FILE` is the CLI as a user runs it (one piece per core for a file of");
  out('1 MB or more); markdownlint and harper.js run from small scripts (bench/footprint/). Peak');
  out('resident memory is the process\'s own high-water mark (VmHWM), worker threads included.');
  out();
  out('| file | linter | spawn → findings, exit | peak resident | findings |');
  out('|---|---|---|---|---|');
  for (const f of files) {
    const file = path.join(dir, f.name);
    writeFileSync(file, f.text);
    for (const linter of ['reslint', 'markdownlint', 'harper'] as const) {
      const name = linter === 'reslint' ? '`reslint FILE`' : linter === 'markdownlint' ? `markdownlint ${pkgVersion('markdownlint')}` : `harper.js ${harperVersion()}`;
      // harper.js lints about 0.02 MB/s here (see (a)): the 4 MB text would take minutes per run
      if (linter === 'harper' && f.name === 'big.txt') {
        out(`| ${f.label} | ${name} | not run (at its rate in (a), several minutes a run) | | |`);
        continue;
      }
      try {
        footprint(linter, file); // warm-up: the file cache, the compile cache
        const taken: Footprint[] = [];
        for (let i = 0; i < runs; i++) taken.push(footprint(linter, file));
        out(`| ${f.label} | ${name} | ${median(taken.map((x) => x.wallMs)).toFixed(0)} ms | ${taken[0].maxRssKb === null ? 'n/a' : `${(median(taken.map((x) => x.maxRssKb ?? 0)) / 1024).toFixed(0)} MB`} | ${taken[0].findings} |`);
      } catch (e) {
        out(`| ${f.label} | ${name} | could not run: ${(e as Error).message.split('\n')[0]} | | |`);
      }
    }
  }
  out();
}

// ---- (c) linearity ----

async function linearity(texts: string[]): Promise<void> {
  const sizes = QUICK ? [10 * 1024, 100 * 1024, MB] : [10 * 1024, 100 * 1024, MB, 4 * MB, 20 * MB];
  const engine = bundledEngine();
  const data = engine.loadReferenceData();
  const rows: { bytes: number; perMbCpu: number; perMbWall: number; runs: number }[] = [];
  for (const bytes of sizes) {
    const text = textOf(bytes, texts);
    // enough runs for about a second of work on small sizes; one run on the largest
    const runs = bytes <= 100 * 1024 ? 15 : bytes <= MB ? 3 : 1;
    const t = await measurePlan(() => void engine.lintText(text, { data }), counted(bytes >= 4 * MB ? 0 : 1, runs));
    const mb = Buffer.byteLength(text) / MB;
    rows.push({ bytes, perMbCpu: t.cpuMs / mb, perMbWall: t.wallMs / mb, runs });
  }
  out('## (c) Time per MB by document size (linearity)');
  out();
  out('| size | runs | ms per MB (CPU) | ms per MB (wall) |');
  out('|---|---|---|---|');
  for (const r of rows) out(`| ${r.bytes >= MB ? `${r.bytes / MB} MB` : `${r.bytes / 1024} KB`} | ${r.runs} | ${f1(r.perMbCpu)} | ${f1(r.perMbWall)} |`);
  out();
  const at1 = rows.find((r) => r.bytes === MB)!;
  const big = rows[rows.length - 1];
  const ratio = big.perMbCpu / at1.perMbCpu;
  out(`- per-MB time at ${big.bytes >= MB ? `${big.bytes / MB} MB` : `${big.bytes / 1024} KB`} is ${f2(ratio)}x that at 1 MB: ${ratio > 3 ? '**FLAG: grows faster than linear (over 3x)**' : 'linear within 3x'}`);
  out();
}

// ---- (d), (e) the server ----

interface ServerRun {
  toInitializedMs: number;
  toDiagnosticsMs: number;
  afterInitializeMs: number;
  rssKb: number | null;
  hwmKb: number | null;
  diagnostics: number;
}

async function runServer(text: string, opts: { memory: boolean }): Promise<ServerRun> {
  const server = path.join(ROOT, 'dist', 'server.js');
  const t0 = performance.now();
  const proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const uri = 'file://' + path.join(os.tmpdir(), 'reslint-bench', 'res.itures');
  let resolveDiag: (n: number) => void = () => {};
  const diag = new Promise<number>((r) => (resolveDiag = r));
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
    if (p.uri === uri) resolveDiag(p.diagnostics.length);
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
  try {
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true } }, initializationOptions: {} });
    const tInit = performance.now();
    void conn.sendNotification('initialized', {});
    void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'itu-resolution', version: 1, text } });
    const n = await Promise.race([diag, new Promise<number>((_, rej) => setTimeout(() => rej(new Error('no diagnostics within 10 minutes')), 600000))]);
    const tDiag = performance.now();
    let rssKb: number | null = null;
    let hwmKb: number | null = null;
    if (opts.memory) {
      try {
        const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
        rssKb = Number(/VmRSS:\s*(\d+)/.exec(status)?.[1] ?? NaN);
        hwmKb = Number(/VmHWM:\s*(\d+)/.exec(status)?.[1] ?? NaN);
      } catch {
        /* not Linux */
      }
    }
    return { toInitializedMs: tInit - t0, toDiagnosticsMs: tDiag - t0, afterInitializeMs: tDiag - tInit, rssKb, hwmKb, diagnostics: n };
  } finally {
    try {
      await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void conn.sendNotification('exit');
    } catch {
      /* gone */
    }
    conn.dispose();
    setTimeout(() => proc.exitCode === null && proc.kill(), 1000).unref();
  }
}

async function serverStart(texts: string[]): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist', 'server.js'))) {
    out('## (d) Server start: dist/server.js is missing (run npm run build)');
    return;
  }
  const res92 = texts[0];
  const runs: ServerRun[] = [];
  await runServer(res92, { memory: false }); // warm the file cache
  for (let i = 0; i < 5; i++) runs.push(await runServer(res92, { memory: false }));
  const m = (k: keyof ServerRun) => median(runs.map((r) => r[k] as number));
  out('## (d) Server start to first diagnostics (dist/server.js over stdio, Res 92; median of 5 after a warm-up start)');
  out();
  out('| spawn → initialize answered | spawn → first diagnostics | initialize → first diagnostics | diagnostics |');
  out('|---|---|---|---|');
  out(`| ${f1(m('toInitializedMs'))} ms | ${f1(m('toDiagnosticsMs'))} ms | ${f1(m('afterInitializeMs'))} ms | ${runs[0].diagnostics} |`);
  out();
  out(`- target first diagnostics <= 300 ms after initialize: ${ok(m('afterInitializeMs') <= 300)}`);
  out();

  const bytes = QUICK ? 2 * MB : 20 * MB;
  const big = textOf(bytes, texts);
  const r = await runServer(big, { memory: true });
  out(`## (e) Server memory after opening a ${bytes / MB} MB document`);
  out();
  out(`- resident set after its diagnostics: ${r.rssKb !== null ? `${(r.rssKb / 1024).toFixed(0)} MB` : 'n/a'} (peak ${r.hwmKb !== null ? `${(r.hwmKb / 1024).toFixed(0)} MB` : 'n/a'}); ${r.diagnostics} diagnostics; open → diagnostics ${f1(r.afterInitializeMs / 1000)} s`);
  out();
}

// ---- main ----

async function main(): Promise<void> {
  out('# reslint benchmark');
  out();
  out('Written by `npm run bench` (bench/bench.ts). Numbers from one run on the machine below.');
  out('CPU time is process.cpuUsage() (user + system, all threads: it includes the garbage');
  out("collector's and the compiler's helper threads, so it can exceed wall time); wall time includes");
  out('waiting for a core on a shared machine. Each overstates the work in its own way; targets are');
  out('judged on the better of the two.');
  out();
  const texts = corpusTexts();
  machine();
  await throughput(texts);
  relintInOwnProcess();
  relintOthersInOwnProcess();
  await linearity(texts);
  await serverStart(texts);
  await footprints(texts);
  writeFileSync(path.join(__dirname, QUICK ? 'results.quick.md' : 'results.md'), lines.join('\n') + '\n');
  process.exit(0);
}

/**
 * (b) in a process of its own, as the server is one: the heap and the per-line memos that
 * the 4 MB and 20 MB lints of this process leave behind would otherwise slow it down (the
 * server lints large documents in a worker thread, whose heap is separate).
 */
function relintInOwnProcess(): void {
  const r = spawnSync(process.execPath, [...process.execArgv, __filename, '--relint-only'], { encoding: 'utf8', env: process.env });
  if (r.status !== 0) {
    out(`## (b) Re-lint after a one-character edit: could not run (${(r.stderr || '').split('\n')[0]})`);
    out();
    return;
  }
  for (const l of r.stdout.replace(/\n$/, '').split('\n')) out(l);
}

if (process.argv.includes('--relint-only')) {
  relint();
  process.exit(0);
}

if (process.argv.includes('--relint-others')) {
  void relintOthers().then(() => process.exit(0));
}

type RowName = 'reslint' | 'markdownlint' | 'reslint-files' | 'markdownlint-files';
interface RowResult extends Timing {
  /** the first warm-up run, in a process where the code had not run */
  first: Timing | null;
  findings: number;
  count: number;
  warmCount: number;
  /** MB linted per run, and in how many documents */
  mb: number;
  files: number;
}

/** The plan of section (a): the same for every row. */
function throughputPlan(): Plan {
  return QUICK ? { warm: 1, warmMs: 0, runs: 1, runMs: 0, maxRuns: 1 } : { warm: 4, warmMs: 10_000, runs: 7, runMs: 4_000, maxRuns: 41 };
}

/** One row of (a), measured in this process (see rowInOwnProcess). */
async function measureRow(name: RowName): Promise<RowResult> {
  const size = QUICK ? MB / 2 : 4 * MB;
  const texts = corpusTexts();
  const plan = throughputPlan();
  if (name === 'reslint') {
    const engine = bundledEngine();
    const data = engine.loadReferenceData();
    const text = textOf(size, texts);
    const t = await measurePlan(() => void engine.lintFindings(text, { data }), plan);
    return { ...t, findings: engine.lintFindings(text, { data }).length, mb: Buffer.byteLength(text) / MB, files: 1 };
  }
  const { lint: mdlint } = await import('markdownlint/sync');
  const mdCount = (doc: string) => (mdlint({ strings: { doc } }) as unknown as Record<string, unknown[]>).doc.length;
  if (name === 'markdownlint') {
    const text = textOf(size, texts);
    const t = await measurePlan(() => void mdlint({ strings: { doc: text } }), plan);
    return { ...t, findings: mdCount(text), mb: Buffer.byteLength(text) / MB, files: 1 };
  }
  // the documents the 4 MB text is made of, linted one by one: how `reslint` lints a folder
  const files = filesOf(size, texts);
  const mb = files.reduce((n, f) => n + Buffer.byteLength(f), 0) / MB;
  if (name === 'markdownlint-files') {
    const t = await measurePlan(() => {
      for (const f of files) mdlint({ strings: { doc: f } });
    }, plan);
    return { ...t, findings: files.reduce((n, f) => n + mdCount(f), 0), mb, files: files.length };
  }
  const engine = bundledEngine();
  const data = engine.loadReferenceData();
  const t = await measurePlan(() => {
    for (const f of files) engine.lintFindings(f, { data });
  }, plan);
  return { ...t, findings: files.reduce((n, f) => n + engine.lintFindings(f, { data }).length, 0), mb, files: files.length };
}

/** One row of (a) in a fresh process of its own (`--row NAME` prints it as JSON). */
function rowInOwnProcess(name: RowName): RowResult {
  const r = spawnSync(process.execPath, [...process.execArgv, __filename, '--row', name], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`the row ${name} could not run: ${(r.stderr || '').split('\n')[0]}`);
  return JSON.parse(r.stdout) as RowResult;
}

if (process.argv.includes('--row')) {
  const name = process.argv[process.argv.indexOf('--row') + 1] as RowName;
  void measureRow(name).then((r) => {
    process.stdout.write(JSON.stringify(r));
    process.exit(0);
  });
}

/** `--throughput-only`: (a) alone, printed and not written (for trying a change) */
async function throughputOnly(): Promise<void> {
  machine();
  await throughput(corpusTexts());
  process.exit(0);
}

if (!process.argv.includes('--row') && !process.argv.includes('--relint-others')) (process.argv.includes('--throughput-only') ? throughputOnly() : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
