/**
 * The lint worker: a worker_thread that parses and lints large documents so that the
 * language server's main thread stays free for editor requests. It runs one job at a
 * time; the server cancels a job by terminating the worker (lintPool.ts). A job arrives
 * as a header (`lint`), the text in parts (`part`), then `run`.
 */
import { parentPort } from 'node:worker_threads';
import { runLintJob, type LintFailure, type LintPart, type LintRequest, type LintRun } from './lintJob';

if (parentPort) {
  const port = parentPort;
  let current: { request: LintRequest; lines: string[] } | null = null;
  port.on('message', (m: LintRequest | LintPart | LintRun) => {
    if (m?.type === 'lint') current = { request: m, lines: [] };
    else if (m?.type === 'part' && current?.request.id === m.id) for (const l of m.lines) current.lines.push(l);
    else if (m?.type === 'run' && current?.request.id === m.id) {
      const { request, lines } = current;
      current = null;
      try {
        port.postMessage(runLintJob(request, lines.join('')));
      } catch (e) {
        const failure: LintFailure = { type: 'failed', id: request.id, message: (e as Error)?.stack ?? String(e) };
        port.postMessage(failure);
      }
    }
  });
}
