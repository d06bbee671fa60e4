/**
 * Word (.docx) reference documents. A folder with the resolutions of the last assembly is
 * most often a folder of Word files as ITU publishes them: they are read through the Word
 * import (word/import.ts), as `reslint import` would convert them.
 *
 * The import is not in the language server's bundle: it is its own, dist/docxText.js
 * (word/docxText.ts), started as a worker thread the first time a Word file is read and
 * stopped when it has been idle a while. Where that file is not next to the running code
 * (the sources run by tsx), the caller passes a reader (ReferenceIndexOptions.readDocx) or
 * Word files are skipped with a reason. The CLI, which carries the import anyway, converts
 * on its own thread.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** The plain-text form of a Word document (word/import.ts `importDocx(…).text`). */
export type DocxReader = (buffer: Buffer) => Promise<string>;

/** What the worker (word/docxText.ts, which imports these from here) is sent, and answers. */
export interface DocxRequest {
  id: number;
  buffer: Uint8Array;
}
export type DocxAnswer = { id: number; text: string } | { id: number; error: string };
export const DOCX_WORKER_ROLE = 'itu-resolution-docx';

/** The worker stops after this long without a request (a reference folder is read in bursts). */
export const DOCX_WORKER_IDLE_MS = 30_000;

export function isWordFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.docx');
}

/** Word's lock file beside an open document (`~$solution 92.docx`): never a document. */
export function isWordOwnerFile(name: string): boolean {
  return name.startsWith('~$');
}

/**
 * A reader that converts in a worker thread running dist/docxText.js next to the running
 * bundle (started at the first call); null when there is no such file.
 */
export function bundledDocxReader(dir: string = __dirname, idleMs = DOCX_WORKER_IDLE_MS): DocxReader | null {
  const file = path.join(dir, 'docxText.js');
  if (!existsSync(file)) return null;
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (text: string) => void; reject: (e: Error) => void }>();
  const fail = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
    worker = null;
  };
  const start = (): Worker => {
    const w = new Worker(file, { workerData: { role: DOCX_WORKER_ROLE } });
    w.unref();
    w.on('message', (a: DocxAnswer) => {
      const p = waiting.get(a.id);
      if (!p) return;
      waiting.delete(a.id);
      if ('text' in a) p.resolve(a.text);
      else p.reject(new Error(a.error));
      if (!waiting.size) {
        idle = setTimeout(() => {
          if (!waiting.size && worker === w) {
            worker = null;
            void w.terminate();
          }
        }, idleMs);
        idle.unref();
      }
    });
    w.on('error', (e) => {
      if (worker === w) fail(e);
    });
    w.on('exit', (code) => {
      if (worker === w) fail(new Error(`the Word import stopped (exit code ${code})`));
    });
    return w;
  };
  return (buffer) =>
    new Promise<string>((resolve, reject) => {
      if (idle) clearTimeout(idle);
      idle = null;
      worker ??= start();
      const id = next++;
      waiting.set(id, { resolve, reject });
      // a copy: the caller keeps its buffer (a reference file is at most a few megabytes)
      worker.postMessage({ id, buffer: new Uint8Array(buffer) } satisfies DocxRequest);
    });
}
