/**
 * Lints one long text in pieces on several threads. parser/pieces.ts says where a text may
 * be cut so that every piece gets exactly the findings the whole would; each piece parses
 * with its own first line number, so findings (and the line numbers in their messages)
 * need no translation. The calling thread lints the first piece while worker threads (the
 * server's lint worker, lintWorker.js) lint the others; the findings come back in line
 * order, as lintDocument gives them.
 *
 * Used by the CLI for large files and by the benchmark. A text that offers no safe cut, a
 * short text, or a pool without a worker file (running from sources) is linted on the
 * calling thread; a worker that fails has its piece linted on the calling thread.
 */
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Config } from './engine/config';
import type { ReferenceData, ReferenceExtension } from './data/reference';
import { LINT_WORKER_LIMITS, lintWorkerFile, lintWithMode, type LintFailure, type LintMode, type LintPart, type LintRequest, type LintResult, type LintRun, type RuleFailure } from './lintJob';
import { planPieces, type Piece } from './parser/pieces';
import type { Finding } from './rules/types';

export interface PieceLintOptions {
  config: Config;
  /** the data the calling thread lints with: the built-in data extended by `extension` */
  data: ReferenceData;
  /** what the workers extend the built-in data with to get `data` (null: nothing) */
  extension: ReferenceExtension | null;
  mode?: LintMode;
  /** no piece smaller than this many characters (default 256 K) */
  minChars?: number;
}

export interface PieceLintResult {
  findings: Finding[];
  /** rules that threw, once per rule (their findings are dropped for the piece they threw in) */
  ruleErrors: RuleFailure[];
  /** how many pieces the text was linted in (1: whole, on the calling thread) */
  pieces: number;
}

interface Pending {
  slot: number;
  resolve: (r: LintResult | null) => void;
}

/**
 * Threads to use by default: the cores there are, at most four. On 2 cores the garbage
 * collector's helper threads share the second core with the second piece, and 2 pieces
 * still lint a 4 MB text 10-30% faster than one thread (npm run bench measures both).
 */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
}

export class PiecePool {
  private readonly workers: (Worker | null)[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private disposed = false;

  constructor(
    private readonly workerFile: string | null,
    readonly threads = defaultThreads(),
    private readonly log: (msg: string) => void = () => undefined,
  ) {}

  /** The worker file next to the running bundle (dist/lintWorker.js), or null. */
  static defaultWorkerFile(): string | null {
    return lintWorkerFile();
  }

  /** Lints `text` in as many pieces as it safely splits into (at most one per thread). */
  async lint(text: string, options: PieceLintOptions): Promise<PieceLintResult> {
    const plan = this.workerFile && !this.disposed ? planPieces(text, { count: this.threads, minChars: options.minChars }) : null;
    if (!plan) {
      const own = this.lintHere(text, { firstLine: 0, start: 0, end: text.length }, options);
      return { findings: own.findings, ruleErrors: own.ruleErrors, pieces: 1 };
    }
    // the other pieces go out first, so that the workers run while this thread lints the first
    const others = plan.slice(1).map((piece, i) => this.send(i, text.slice(piece.start, piece.end), piece, options));
    const first = this.lintHere(text.slice(plan[0].start, plan[0].end), plan[0], options);
    const results = [first];
    for (const [i, p] of others.entries()) {
      const r = await p;
      // a worker that failed: its piece is linted here
      results.push(r ?? this.lintHere(text.slice(plan[i + 1].start, plan[i + 1].end), plan[i + 1], options));
    }
    const findings: Finding[] = [];
    const ruleErrors: RuleFailure[] = [];
    const failed = new Set<string>();
    for (const r of results) for (const e of r.ruleErrors) if (!failed.has(e.rule)) failed.add(e.rule), ruleErrors.push(e);
    // a rule that threw on one piece loses its findings for the whole text, as in one lint
    for (const r of results) for (const f of r.findings) if (!failed.has(f.rule)) findings.push(f);
    return { findings, ruleErrors, pieces: plan.length };
  }

  private lintHere(text: string, piece: Piece, options: PieceLintOptions): { findings: Finding[]; ruleErrors: RuleFailure[] } {
    return lintWithMode(text, piece.firstLine, options.config, options.data, options.mode ?? 'full');
  }

  /** Sends one piece to worker `slot`; resolves null when the worker fails. */
  private send(slot: number, text: string, piece: Piece, options: PieceLintOptions): Promise<LintResult | null> {
    const w = this.worker(slot);
    const id = this.nextId++;
    const result = new Promise<LintResult | null>((resolve) => this.pending.set(id, { slot, resolve }));
    const req: LintRequest = {
      type: 'lint',
      id,
      uri: `piece:${piece.firstLine}`,
      version: 0,
      mode: options.mode ?? 'full',
      config: options.config,
      extension: options.extension,
      firstLine: piece.firstLine,
    };
    const part: LintPart = { type: 'part', id, lines: [text] };
    const run: LintRun = { type: 'run', id };
    w.postMessage(req);
    w.postMessage(part);
    w.postMessage(run);
    return result;
  }

  private worker(slot: number): Worker {
    const existing = this.workers[slot];
    if (existing) return existing;
    // not unref'd: a pending piece keeps the process alive; dispose() stops the threads
    const w = new Worker(this.workerFile!, { resourceLimits: LINT_WORKER_LIMITS });
    this.workers[slot] = w;
    const settle = (id: number, r: LintResult | null) => {
      const p = this.pending.get(id);
      if (!p) return;
      this.pending.delete(id);
      p.resolve(r);
    };
    w.on('message', (m: LintResult | LintFailure) => {
      if (m.type === 'failed') this.log(`reslint: a lint thread failed: ${m.message.split('\n')[0]}`);
      settle(m.id, m.type === 'result' ? m : null);
    });
    const lost = (why: string) => {
      if (this.workers[slot] !== w) return;
      this.workers[slot] = null;
      if (!this.disposed) this.log(`reslint: a lint thread stopped (${why}); its piece is linted on the main thread`);
      // the pieces still out on this thread are linted again by the caller
      for (const [id, p] of [...this.pending]) if (p.slot === slot) settle(id, null);
    };
    w.on('error', (e) => lost((e as Error)?.message ?? String(e)));
    w.on('exit', (code) => lost(`exit code ${code}`));
    return w;
  }

  /** Stops the worker threads. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const ws = this.workers.splice(0).filter((w): w is Worker => w !== null);
    await Promise.all(ws.map((w) => w.terminate().catch(() => 0)));
  }
}
