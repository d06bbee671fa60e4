/**
 * The lint worker: a worker_thread that parses and lints large documents so that the
 * language server's main thread stays free for editor requests. It runs one job at a
 * time; the server cancels a job by terminating the worker (lintPool.ts).
 */
import { parentPort } from 'node:worker_threads';
import { runLintJob, type LintFailure, type LintRequest } from './lintJob';

if (parentPort) {
  const port = parentPort;
  port.on('message', (req: LintRequest) => {
    if (req?.type !== 'lint') return;
    try {
      port.postMessage(runLintJob(req));
    } catch (e) {
      const failure: LintFailure = { type: 'failed', id: req.id, message: (e as Error)?.stack ?? String(e) };
      port.postMessage(failure);
    }
  });
}
