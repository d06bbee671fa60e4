/**
 * The text of a Word (.docx) resolution, for the reference documents (references/docx.ts).
 * Its own bundle, dist/docxText.js: the Word import (jszip and an XML parser) stays out of
 * the language server's bundle until a reference folder holds a Word file. The server runs
 * it as a worker thread (the conversion of a large resolution holds a thread for tens of
 * milliseconds, which keystrokes should not wait for); required on the main thread, it
 * only exports `docxText`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DOCX_WORKER_ROLE, type DocxAnswer, type DocxRequest } from '../references/docx';
import { importDocx } from './import';

export async function docxText(buffer: Buffer): Promise<string> {
  return (await importDocx(buffer)).text;
}

const port = parentPort;
if (port && (workerData as { role?: string } | null)?.role === DOCX_WORKER_ROLE) {
  port.on('message', (req: DocxRequest) => {
    docxText(Buffer.from(req.buffer.buffer, req.buffer.byteOffset, req.buffer.byteLength)).then(
      (text) => port.postMessage({ id: req.id, text } satisfies DocxAnswer),
      (e: unknown) => port.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) } satisfies DocxAnswer),
    );
  });
}
