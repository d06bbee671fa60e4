/**
 * The text of a Word (.docx) resolution, for the reference documents (references/docx.ts).
 * Its own bundle, dist/docxText.js: the Word import (jszip and an XML parser) stays out of
 * the language server's bundle until a reference folder holds a Word file.
 */
import { importDocx } from './import';

export async function docxText(buffer: Buffer): Promise<string> {
  return (await importDocx(buffer)).text;
}
