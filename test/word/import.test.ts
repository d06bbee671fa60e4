import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import {
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  InsertedTextRun,
  NoBreakHyphen,
  Packer,
  Paragraph,
  SimpleField,
  SoftHyphen,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { ImportResult, MAX_PART_BYTES, importDocx, importFile } from '../../server/src/word/import';

const ROOT = path.resolve(__dirname, '../..');
const RES1 = '/work/shared/corpus/res1-hammamet-2016.docx';
const RES92_TXT = '/work/shared/corpus/res92-hammamet-2016.txt';
const FIXTURE = path.join(ROOT, 'test/fixtures/res1-hammamet-2016.imported.txt');

describe('word import: res1-hammamet-2016.docx', function () {
  let result: ImportResult;
  let lines: string[];
  let documentXml: string;
  let footnotesXml: string;

  before(async function () {
    const buf = await fs.readFile(RES1);
    result = await importDocx(buf);
    lines = result.text.split('\n');
    const zip = await JSZip.loadAsync(buf);
    documentXml = await zip.file('word/document.xml')!.async('string');
    footnotesXml = await zip.file('word/footnotes.xml')!.async('string');
  });

  const at = (line: string) => {
    const i = lines.indexOf(line);
    assert.ok(i >= 0, `line not found: ${JSON.stringify(line)}`);
    return i;
  };

  it('opens the resolution with number line, title, history line and preamble, in that order', function () {
    const n = lines.findIndex((l) => /^resolution\s+1\s*\(/i.test(l));
    assert.equal(lines[n], 'RESOLUTION 1 (Rev.\u00a0Hammamet, 2016)', 'number line as written (caps typed, NBSP after Rev.)');
    assert.equal(lines[n + 1], 'Rules of procedure of the ITU Telecommunication ', 'title, first line (manual line break)');
    assert.equal(lines[n + 2], 'Standardization Sector', 'title, second line');
    assert.ok(lines[n + 3].startsWith('(Hammamet, 2016)[footnoteRef:1]1, [footnoteRef:2]1bis [1: 1 \tPreviously published (Geneva, 1956'));
    assert.equal(lines[n + 4], 'The World Telecommunication Standardization Assembly (Hammamet, 2016),');
    assert.equal(lines[n + 5], 'considering');
    // the styles the lines came from
    const styled = (id: string) => result.blocks.filter((b) => b.kind === 'paragraph' && b.styleId === id).map((b) => b.lines.join('\n'));
    assert.deepEqual(styled('ResNo'), ['RESOLUTION 1 (Rev.\u00a0Hammamet, 2016)']);
    assert.deepEqual(styled('Restitle'), ['Rules of procedure of the ITU Telecommunication \nStandardization Sector']);
    assert.equal(styled('Resref').length, 1);
    assert.deepEqual(styled('Call'), ['considering', 'resolves']);
    assert.equal(styled('Normalaftertitle0')[0], 'The World Telecommunication Standardization Assembly (Hammamet, 2016),');
  });

  it('keeps calls on their own lines and clauses as label TAB text, bis clauses included', function () {
    const considering = at('considering');
    const resolves = at('resolves');
    assert.ok(considering < resolves);
    const clauses = lines.slice(considering + 1, resolves);
    assert.deepEqual(
      clauses.map((l) => l.split('\t')[0]),
      ['a)', 'b)', 'b)bis', 'c)', 'd)', 'e)', 'f)', 'g)', 'h)', 'i)'],
    );
    assert.equal(lines[considering + 3], 'b)bis\tthat the International Telecommunication Regulations (ITR) contain references to relevant ITU\u2011T Recommendations;');
    assert.ok(lines.some((l) => l.startsWith('4.3bis\tWTSA shall appoint the chairman and vice-chairmen of TSAG')));
    assert.ok(lines.some((l) => l.startsWith('5.2bis\tThe Director shall ensure')));
    assert.ok(lines[resolves + 1].startsWith('that the provisions referred to in considering\u00a0e), f), g) and\u00a0h) above'));
  });

  it('keeps sections, headings, appendices, notes and nested items', function () {
    const s1 = at('SECTION\u00a01');
    assert.equal(lines[s1 + 1], 'World Telecommunication Standardization Assembly');
    const s1bis = at('Section 1bis ');
    assert.equal(lines[s1bis + 1], 'Documentation of ITU\u2011T');
    assert.ok(lines.includes('1.13\tVoting'), 'Heading2');
    assert.ok(lines.includes('1bis.1.1\tPresentation of texts'), 'Heading3');
    const a1 = at('Appendix I');
    assert.equal(lines[a1 + 1], '(to Resolution 1 (Rev. Hammamet, 2016))');
    assert.equal(lines[a1 + 2], 'Information for submission of a Question');
    const a2 = at('Appendix II');
    assert.equal(lines[a2 + 2], 'Suggested text of the note to be included in the circular');
    assert.ok(lines.some((l) => l.startsWith('NOTE – This answer, within the scope of existing knowledge')));
    // enumlev2 roman items and enumlev3 dash items (the dash is a Symbol-font character in the docx)
    const v = lines.findIndex((l) => l.startsWith('v)\trecommend, when a Question'));
    assert.deepEqual(lines.slice(v + 1, v + 4).map((l) => l.slice(0, 12)), ['–\tto accept ', '–\tto entrust', '–\tto adopt a']);
    // every nested item keeps its label or dash followed by a tab
    const enumlev = result.blocks.filter((b) => b.kind === 'paragraph' && /^enumlev[123]$/.test(b.styleId));
    assert.equal(enumlev.length, 49 + 13 + 3);
    for (const b of enumlev) assert.match(b.lines[0], /^([a-z]+\)|[ivx]+\)|–|•)\t\S/, b.lines[0]);
    // section count: every non-empty SectionNo paragraph of the docx is a line
    const sectionNos = result.blocks.filter((b) => b.kind === 'paragraph' && b.styleId === 'SectionNo');
    assert.equal(sectionNos.length, 10);
  });

  it('writes footnotes as Word exports them: marker in place, body at the end of the same line', async function () {
    const refs = (documentXml.match(/<w:footnoteReference\b/g) ?? []).length;
    assert.equal(refs, 6);
    assert.equal(result.stats.footnotes, refs);
    const withRefs = lines.filter((l) => l.includes('[footnoteRef:'));
    let expected = 1;
    for (const l of withRefs) {
      const ids = [...l.matchAll(/\[footnoteRef:(\d+)\]/g)].map((m) => Number(m[1]));
      for (const id of ids) {
        assert.equal(id, expected++);
        const body = l.indexOf(`[${id}: `);
        assert.ok(body > l.indexOf(`[footnoteRef:${id}]`), `body of footnote ${id} follows its marker on the same line`);
      }
    }
    assert.equal(expected, 7);
    const dev = lines.find((l) => l.includes('developing countries[footnoteRef:5]4'))!;
    assert.ok(
      dev.endsWith(' [5: 4\tThese include the least developed countries, small island developing states, landlocked developing countries and countries with economies in transition.]'),
    );
    // the same shape as the published plain text of Resolution 92
    const res92 = await fs.readFile(RES92_TXT, 'utf8');
    const shape = /\[footnoteRef:(\d+)\]\d+.*\[\1: \d+ ?\tThese include/;
    assert.match(res92, shape);
    assert.match(dev, shape);
  });

  it('keeps non-breaking hyphens and spaces, drops soft hyphens', function () {
    const nbh = (documentXml.match(/<w:noBreakHyphen\/>/g) ?? []).length + (footnotesXml.match(/<w:noBreakHyphen\/>/g) ?? []).length;
    const nbsp = [...(documentXml + footnotesXml).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].reduce((n, m) => n + (m[1].match(/\u00a0/g) ?? []).length, 0);
    assert.ok(nbh > 100 && nbsp > 100);
    assert.equal((result.text.match(/\u2011/g) ?? []).length, nbh);
    assert.equal((result.text.match(/\u00a0/g) ?? []).length, nbsp);
    assert.ok((documentXml.match(/<w:softHyphen\/>/g) ?? []).length > 0);
    assert.ok(!result.text.includes('\u00ad'));
    assert.ok(result.text.includes('agency in the field of telecommunications, information'), 'soft-hyphenated word rejoined');
  });

  it('turns every table and every visible figure into a placeholder', function () {
    const tables = (documentXml.match(/<w:tbl>/g) ?? []).length;
    assert.equal(lines.filter((l) => l.startsWith('[table: ')).length, tables);
    const head = lines.findIndex((l) => l.startsWith('[table: '));
    assert.equal(lines[head], '[table: 7 rows × 5 columns]');
    assert.equal(lines[head + 1], '[figure: Fond-Rec_e]\tInternational Telecommunication Union');
    assert.ok(lines[head + 6].includes('\tResolution 1 – Rules of procedure of the ITU Telecommunication Standardization Sector'));
    // drawings Word shows (not hidden), and VML pictures that are not a fallback for a drawing
    const drawings = [...documentXml.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>/g)].filter((m) => !/<wp:docPr [^>]*hidden="1"/.test(m[0])).length;
    const picts = (documentXml.replace(/<mc:Fallback>[\s\S]*?<\/mc:Fallback>/g, '').match(/<w:pict>|<w:object\b/g) ?? []).length;
    const placeholders = (result.text.match(/\[figure: /g) ?? []).length;
    assert.equal(drawings + picts, 5);
    assert.equal(placeholders, drawings + picts);
    assert.equal(result.stats.figures, placeholders);
    assert.ok(lines.includes('[figure: Res]'));
  });

  it('is what test/fixtures/res1-hammamet-2016.imported.txt holds', async function () {
    assert.equal(await fs.readFile(FIXTURE, 'utf8'), result.text);
  });

  it('importFile writes the text', async function () {
    const out = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'reslint-import-')), 'res1.txt');
    const r = await importFile(RES1, out);
    assert.equal(await fs.readFile(out, 'utf8'), r.text);
    assert.deepEqual(r.warnings, []);
  });
});

describe('word import: constructs built with the docx library', function () {
  async function imp(children: (Paragraph | Table)[], footnotes?: Record<number, { children: Paragraph[] }>) {
    const doc = new Document({ footnotes, sections: [{ children }] });
    return importDocx(await Packer.toBuffer(doc));
  }

  it('takes the accepted text of tracked changes and warns', async function () {
    const r = await imp([
      new Paragraph({
        children: [
          new TextRun('to '),
          new InsertedTextRun({ id: 1, author: 'A', date: '2024-01-01T00:00:00Z', text: 'encourage' }),
          new DeletedTextRun({ id: 2, author: 'A', date: '2024-01-01T00:00:00Z', text: 'urge' }),
          new TextRun(' Member States;'),
        ],
      }),
    ]);
    assert.equal(r.text, 'to encourage Member States;\n');
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0], /tracked changes.*1 insertion.*1 deletion/);
  });

  it('keeps field results, not instructions', async function () {
    const r = await imp([new Paragraph({ children: [new TextRun('Adopted on '), new SimpleField('DATE \\@ "d MMMM yyyy"', '3 November 2016'), new TextRun('.')] })]);
    assert.equal(r.text, 'Adopted on 3 November 2016.\n');
  });

  it('writes line breaks as new lines, drops empty paragraphs and soft hyphens, keeps non-breaking hyphens', async function () {
    const r = await imp([
      new Paragraph({ children: [new TextRun('Enhancing the standardization activities related to '), new TextRun({ text: 'mobile telecommunications', break: 1 })] }),
      new Paragraph(''),
      new Paragraph({ children: [new TextRun({ children: ['ITU', new NoBreakHyphen(), 'T tele', new SoftHyphen(), 'communication'] })] }),
    ]);
    assert.equal(r.text, 'Enhancing the standardization activities related to \nmobile telecommunications\nITU\u2011T telecommunication\n');
  });

  it('numbers auto-numbered footnotes and appends their bodies', async function () {
    const r = await imp(
      [
        new Paragraph({ children: [new TextRun('in particular in developing countries'), new FootnoteReferenceRun(1), new TextRun(';')] }),
        new Paragraph({ children: [new TextRun('and small island developing states'), new FootnoteReferenceRun(2), new TextRun(',')] }),
      ],
      {
        1: { children: [new Paragraph('These include the least developed countries.')] },
        2: { children: [new Paragraph('As listed by the United Nations.')] },
      },
    );
    const out = r.text.split('\n');
    assert.match(out[0], /^in particular in developing countries\[footnoteRef:1\]1; \[1: 1 ?These include the least developed countries\.\]$/);
    assert.match(out[1], /^and small island developing states\[footnoteRef:2\]2, \[2: 2 ?As listed by the United Nations\.\]$/);
  });

  it('writes a table as a placeholder line and one line per row', async function () {
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const r = await imp([
      new Paragraph('Study groups:'),
      new Table({
        columnWidths: [2000, 6000],
        rows: [new TableRow({ children: [cell('SG 2'), cell('Operational aspects')] }), new TableRow({ children: [cell('SG 3'), cell('Economic\tand policy issues')] })],
      }),
    ]);
    assert.equal(r.text, 'Study groups:\n[table: 2 rows × 2 columns]\nSG 2\tOperational aspects\nSG 3\tEconomic and policy issues\n');
    assert.equal(r.stats.tables, 1);
  });

  it('rejects a file that is not a Word document', async function () {
    const zip = new JSZip();
    zip.file('hello.txt', 'not a docx');
    await assert.rejects(importDocx(await zip.generateAsync({ type: 'nodebuffer' })), /not a Word document/);
  });

  describe('an archive that inflates past the limit (a "zip bomb" in a reference folder)', () => {
    let bomb: Buffer;
    before(async function () {
      this.timeout(60000);
      // a document part of 65 MB of spaces: about 64 KB once compressed
      const zip = new JSZip();
      zip.file('word/document.xml', ' '.repeat(MAX_PART_BYTES + 1024 * 1024), { compression: 'DEFLATE' });
      bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      assert.ok(bomb.length < 1024 * 1024);
    });

    it('is refused from the size its directory declares, before inflating', async () => {
      await assert.rejects(importDocx(bomb), /word\/document\.xml would inflate to \d+ bytes \(more than 64 MB\)/);
    });

    it('is refused while inflating when its directory understates the size', async () => {
      // the uncompressed size, in the local header (offset 22) and in the central directory (offset 24)
      const lying = Buffer.from(bomb);
      const local = lying.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      const central = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      lying.writeUInt32LE(1000, local + 22);
      lying.writeUInt32LE(1000, central + 24);
      await assert.rejects(importDocx(lying), /word\/document\.xml inflates to more than 64 MB/);
    });
  });
});
