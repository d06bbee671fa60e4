/**
 * The Word form of a MOD proposal: the comparison of mod.ts written with real tracked
 * changes, so that Word (or LibreOffice) shows insertions underlined and deletions
 * struck through (SPEC §2), and an editor can accept or reject each one.
 *
 * - Inserted and deleted words are `w:ins` / `w:del` runs carrying `w:author` and
 *   `w:date` from the options (docx's `InsertedTextRun` / `DeletedTextRun`).
 * - A wholly inserted or deleted line is a paragraph whose paragraph mark is marked
 *   inserted or deleted too (`w:pPr/w:rPr/w:ins|w:del`), so accepting (or rejecting)
 *   every change leaves no empty paragraph behind.
 * - Styles are those of `reslint export` (styles.ts): each line keeps the style its
 *   document gives it on export (the edited text's for kept and inserted lines, the
 *   reference's for deleted lines); consecutive title lines make one `Restitle`
 *   paragraph with line breaks. The symbol line is a `Proposal` paragraph at the top,
 *   the reasons `Reasons` paragraphs at the end. Tracking stays on in the file
 *   (`w:trackRevisions`), so further edits are tracked as well.
 * - Footnotes are real footnotes; a reference inside an inserted or deleted run is part
 *   of that change. Tables are written as one `Table_text` paragraph per row (cells
 *   separated by tabs), not as Word tables.
 */
import { DeletedTextRun, InsertedTextRun, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { Exporter, lineStyles, numberLineSegments, packDocument, type RunSegment } from './export';
import { cleanForMod, reasonsLines, symbolLine, type Comparison, type ModLine, type ModOptions } from './mod';
import { STYLE, type ItuStyleOptions } from './styles';

export interface ModDocxOptions extends ModOptions, ItuStyleOptions {
  /** `w:author` of every change */
  author?: string;
  /** `w:date` of every change, ISO 8601 (`2024-05-02T09:00:00Z`) */
  date?: string;
}

/** Writes a MOD proposal as a .docx with tracked changes. */
export async function modDocx(cmp: Comparison, options: ModDocxOptions = {}): Promise<Buffer> {
  const author = options.author ?? 'reslint';
  const date = options.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ex = new Exporter(cmp.edited);
  const baseStyles = lineStyles(cmp.base);
  const editedStyles = lineStyles(cmp.edited);
  const children: Paragraph[] = [];

  for (const l of cmp.cover) children.push(ex.paragraph(editedStyles[l] ?? STYLE.Normal, [cleanForMod(cmp.edited.lines[l])]));
  children.push(ex.paragraph(STYLE.Proposal, [symbolLine(cmp, options)]));

  const styleOf = (l: ModLine): string =>
    (l.editedLine !== null ? editedStyles[l.editedLine] : l.baseLine !== null ? baseStyles[l.baseLine] : undefined) ?? STYLE.Normal;
  const segmentsOf = (l: ModLine): RunSegment[] =>
    l.segments.map((s) => (s.kind === 'same' ? { text: s.text } : { text: s.text, change: { kind: s.kind, author, date } }));

  const lines = cmp.lines;
  for (let i = 0; i < lines.length; i++) {
    const style = styleOf(lines[i]);
    const group = [lines[i]];
    if (style === STYLE.Restitle) while (i + 1 < lines.length && styleOf(lines[i + 1]) === STYLE.Restitle) group.push(lines[++i]);
    const runs: ParagraphChild[] = [];
    group.forEach((l, k) => {
      if (k > 0) {
        // the break belongs to the change when the line it opens is inserted or deleted
        const meta = { id: ex.nextRevision(), author, date, break: 1 };
        runs.push(l.status === 'inserted' ? new InsertedTextRun(meta) : l.status === 'deleted' ? new DeletedTextRun(meta) : new TextRun({ break: 1 }));
      }
      runs.push(...ex.segmentRuns(style === STYLE.ResNo ? numberLineSegments(segmentsOf(l)) : segmentsOf(l)));
    });
    // the paragraph mark is inserted / deleted when all of the paragraph is
    const all = (status: ModLine['status']) => group.every((l) => l.status === status);
    const mark = all('inserted') ? 'insertion' : all('deleted') ? 'deletion' : null;
    children.push(
      new Paragraph({
        style,
        children: runs,
        ...(mark ? { run: { [mark]: { id: ex.nextRevision(), author, date } } } : {}),
      }),
    );
  }

  for (const r of reasonsLines(cmp, options)) children.push(ex.paragraph(STYLE.Reasons, [r]));

  const res = cmp.edited.resolutions[0];
  return packDocument(children, ex.footnotes, {
    ...options,
    title: `${options.symbol ?? 'MOD'} ${res ? cleanForMod(res.numberLine.content.text) : ''}`.trim(),
    trackRevisions: true,
  });
}
