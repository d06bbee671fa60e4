/**
 * Word (.docx) reference documents. A folder with the resolutions of the last assembly is
 * most often a folder of Word files as ITU publishes them: they are read through the Word
 * import (word/import.ts), as `reslint import` would convert them.
 *
 * The import is not in the language server's bundle: it is its own, dist/docxText.js,
 * required the first time a Word file is read. Where that file is not next to the running
 * code (the sources run by tsx), the caller passes a reader (ReferenceIndexOptions.readDocx)
 * or Word files are skipped with a reason.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The plain-text form of a Word document (word/import.ts `importDocx(…).text`). */
export type DocxReader = (buffer: Buffer) => Promise<string>;

export function isWordFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.docx');
}

/** Word's lock file beside an open document (`~$solution 92.docx`): never a document. */
export function isWordOwnerFile(name: string): boolean {
  return name.startsWith('~$');
}

/** The reader of dist/docxText.js next to the running bundle, loaded at its first use; null when there is none. */
export function bundledDocxReader(dir: string = __dirname): DocxReader | null {
  const file = path.join(dir, 'docxText.js');
  if (!existsSync(file)) return null;
  let read: DocxReader | null = null;
  return (buffer) => {
    read ??= (require(file) as { docxText: DocxReader }).docxText;
    return read(buffer);
  };
}
