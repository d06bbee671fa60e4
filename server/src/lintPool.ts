/**
 * Runs lint jobs for large documents in one worker_thread, one job at a time.
 *
 * - A newer version of a document cancels its running job: the worker is terminated
 *   (a rule cannot be interrupted any other way) and a fresh one starts for the next job.
 *   A queued job of an older version is replaced by the newer one.
 * - Results are resolved to the caller, who still drops them when the document moved on.
 * - An idle worker is terminated after a while, which gives its memory back.
 * - Without a worker file (running from sources), jobs run on the calling thread.
 */
import { Worker } from 'node:worker_threads';
import { LINT_WORKER_LIMITS, lintWorkerFile, runLintJob, type LintFailure, type LintJob, type LintPart, type LintResult, type LintRun } from './lintJob';

/** characters per message when the text is sent to the worker */
const PART_SIZE = 256 * 1024;

function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

type Outcome = LintResult | null;

interface Job {
  req: LintJob['request'];
  lines: LintJob['lines'];
  resolve: (r: Outcome) => void;
}

export interface LintPoolCounters {
  jobsStarted: number;
  jobsCompleted: number;
  jobsCancelled: number;
  jobsFailed: number;
  workersStarted: number;
}

export class LintPool {
  private worker: Worker | null = null;
  private running: Job | null = null;
  private queue: Job[] = [];
  private idleTimer: NodeJS.Timeout | null = null;
  private disposed = false;
  readonly counters: LintPoolCounters = { jobsStarted: 0, jobsCompleted: 0, jobsCancelled: 0, jobsFailed: 0, workersStarted: 0 };

  constructor(
    private readonly workerFile: string | null,
    private readonly log: (msg: string) => void,
    private readonly idleMs = 30000,
  ) {}

  /** The worker file next to the running bundle (dist/lintWorker.js), or null. */
  static defaultWorkerFile(): string | null {
    return lintWorkerFile();
  }

  get usesWorker(): boolean {
    return this.workerFile !== null;
  }

  /** The version being linted for a document, or null. */
  runningVersion(uri: string): number | null {
    return this.running?.req.uri === uri ? this.running.req.version : null;
  }

  /** Lints a document version; resolves null when cancelled by a newer version or failed. */
  submit(job: LintJob): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      if (this.disposed) return resolve(null);
      this.cancel(job.request.uri, job.request.version);
      this.queue.push({ req: job.request, lines: job.lines, resolve });
      this.next();
    });
  }

  /** Cancels the jobs of a document older than `version` (all of them when omitted). */
  cancel(uri: string, version = Number.POSITIVE_INFINITY): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const j = this.queue[i];
      if (j.req.uri === uri && j.req.version < version) {
        this.queue.splice(i, 1);
        this.counters.jobsCancelled++;
        j.resolve(null);
      }
    }
    const r = this.running;
    if (r && r.req.uri === uri && r.req.version < version) {
      this.running = null;
      this.counters.jobsCancelled++;
      this.killWorker();
      r.resolve(null);
      // the next job starts on a fresh worker
      setImmediate(() => this.next());
    }
  }

  private next(): void {
    if (this.running || this.disposed) return;
    const job = this.queue.shift();
    if (!job) {
      this.armIdle();
      return;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.running = job;
    this.counters.jobsStarted++;
    if (!this.workerFile) {
      // no worker file: run here, after the current event
      setImmediate(() => {
        if (this.running !== job) return;
        let out: Outcome = null;
        try {
          out = runLintJob(job.req, job.lines.join(''));
          this.counters.jobsCompleted++;
        } catch (e) {
          this.counters.jobsFailed++;
          this.log(`reslint: lint of ${job.req.uri} failed: ${(e as Error)?.stack ?? String(e)}`);
        }
        this.running = null;
        job.resolve(out);
        this.next();
      });
      return;
    }
    void this.send(job, this.ensureWorker());
  }

  /** Sends a job to the worker: the header, the text in parts (yielding between them), then run. */
  private async send(job: Job, w: Worker): Promise<void> {
    w.postMessage(job.req);
    const lines = job.lines;
    let i = 0;
    while (i < lines.length) {
      let size = 0;
      const from = i;
      while (i < lines.length && size < PART_SIZE) size += lines[i++].length;
      const part: LintPart = { type: 'part', id: job.req.id, lines: lines.slice(from, i) };
      w.postMessage(part);
      await pause();
      if (this.running !== job || this.worker !== w) return; // cancelled meanwhile
    }
    const run: LintRun = { type: 'run', id: job.req.id };
    w.postMessage(run);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.workerFile!, { resourceLimits: LINT_WORKER_LIMITS });
    this.counters.workersStarted++;
    w.on('message', (m: LintResult | LintFailure) => {
      const job = this.running;
      if (w !== this.worker || !job || job.req.id !== m.id) return;
      this.running = null;
      if (m.type === 'result') {
        this.counters.jobsCompleted++;
        job.resolve(m);
      } else {
        this.counters.jobsFailed++;
        this.log(`reslint: lint of ${job.req.uri} failed: ${m.message}`);
        job.resolve(null);
      }
      this.next();
    });
    const lost = (why: string) => {
      if (w !== this.worker) return;
      this.worker = null;
      const job = this.running;
      this.running = null;
      if (job) {
        this.counters.jobsFailed++;
        this.log(`reslint: the lint worker stopped (${why}) while linting ${job.req.uri}`);
        job.resolve(null);
      }
      setImmediate(() => this.next());
    };
    w.on('error', (e) => lost((e as Error)?.message ?? String(e)));
    w.on('exit', (code) => lost(`exit code ${code}`));
    this.worker = w;
    return w;
  }

  private killWorker(): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate().catch(() => undefined);
  }

  private armIdle(): void {
    if (this.idleTimer || !this.worker) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (!this.running && this.queue.length === 0) this.killWorker();
    }, this.idleMs);
    this.idleTimer.unref?.();
  }

  dispose(): void {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const j of this.queue.splice(0)) j.resolve(null);
    const r = this.running;
    this.running = null;
    r?.resolve(null);
    this.killWorker();
  }
}
