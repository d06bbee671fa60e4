/**
 * Completion of the resolution's own parts: after `Section `, `Annex `, `Appendix ` or
 * `Attachment `, the numbers of the sections (annexes …) of the resolution being written,
 * each with its heading and title. Not after another text's name (`Resolution 1 (…), Annex `).
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { CompletionProvider } from './completion';
import { OTHER_BEFORE_RE, partsOfResolution, wordOf } from '../analyzer/partRefs';

const PART_BEFORE = /\b(Sections?|Annex(?:es)?|Appendix|Appendices|Attachments?|section|sections|annex|annexes|appendix|appendices|attachments?)[ \t]+([0-9A-Za-z]{0,6})$/;

const oneLine = (t: string) => t.replace(/\s+/g, ' ').trim();

export const partCompletion: CompletionProvider = (ctx) => {
  const m = PART_BEFORE.exec(ctx.before);
  if (!m) return null;
  if (OTHER_BEFORE_RE.test(ctx.before.slice(Math.max(0, m.index - 60), m.index))) return null;
  const line = ctx.position.line;
  const all = ctx.analysis.doc.resolutions;
  // a line typed past the end of the last resolution still belongs to it
  const res = all.find((r) => r.range.start.line <= line && line <= r.range.end.line) ?? all.filter((r) => r.range.start.line <= line).pop();
  if (!res) return null;
  const { word } = wordOf(m[1]);
  const parts = partsOfResolution(res).filter((p) => p.word === word && p.number);
  if (!parts.length) return null;
  const from = ctx.before.length - m[2].length;
  const range = { start: { line, character: from }, end: { line, character: ctx.before.length } };
  return parts.map(
    (p, i): CompletionItem => ({
      label: p.number!,
      kind: CompletionItemKind.Reference,
      detail: p.annex.title ? oneLine(p.annex.title.text) : oneLine(p.annex.heading.text),
      documentation: p.annex.paragraphs[0] ? oneLine(p.annex.paragraphs[0].content.text) : undefined,
      sortText: String(i).padStart(3, '0'),
      textEdit: { range, newText: p.number! },
    }),
  );
};
