/** Word (.docx) files among the reference documents: ITU publishes its resolutions as Word files. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from '../../server/src/parser/parse';
import { bundledDocxReader } from '../../server/src/references/docx';
import { ReferenceIndex } from '../../server/src/references/indexer';
import { exportDocx } from '../../server/src/word/export';
import { docxText } from '../../server/src/word/docxText';
import { importDocx } from '../../server/src/word/import';
import { tmpDir, until } from './helpers';
import { RES_92_GENEVA_2022, RES_92_HAMMAMET_2016, RES_999, RES_999_TITLE } from './texts';

const ROOT = path.join(__dirname, '..', '..');
const RES1_DOCX = path.join(ROOT, '..', 'shared', 'corpus', 'res1-hammamet-2016.docx');

/** A Word file of `text` as `reslint export` writes it, with ITU's styles. */
async function writeDocx(file: string, text: string): Promise<void> {
  fs.writeFileSync(file, await exportDocx(parse(text)));
}

describe('references: Word files', () => {
  let dir: string;
  let idx: ReferenceIndex | null = null;
  beforeEach(() => {
    dir = tmpDir('word-refs');
  });
  afterEach(() => {
    idx?.dispose();
    idx = null;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("indexes ITU's own Word file of Resolution 1 and a .docx written by reslint export", async () => {
    const res1 = path.join(dir, 'T-RES-T.1-2016.docx');
    fs.copyFileSync(RES1_DOCX, res1);
    const res999 = path.join(dir, 'national', 'Res 999.docx');
    fs.mkdirSync(path.dirname(res999));
    await writeDocx(res999, RES_999);
    const logs: string[] = [];
    idx = new ReferenceIndex({ watch: false, readDocx: docxText, log: (m) => logs.push(m) });
    idx.ensure([dir]);
    await idx.whenIdle();
    assert.ok(logs.some((l) => /: 2 file\(s\), 2 resolution\(s\) indexed/.test(l)), logs.join('\n'));

    const e999 = idx.dataFor([dir]).resolution('WTSA', 'Resolution', '999');
    assert.equal(e999?.title, RES_999_TITLE);
    assert.equal(e999?.source, pathToFileURL(res999).href);

    // Res 1 as ITU publishes it: a cover page, a foreword, then the resolution; its history
    // line names Hammamet only (the earlier meetings are in a footnote), so it adds no adoption
    const [loc] = idx.locate('WTSA', 'Resolution', '1', [dir], null);
    assert.equal(loc.uri, pathToFileURL(res1).href);
    assert.equal(loc.resolution.title, 'Rules of procedure of the ITU Telecommunication Standardization Sector');
    assert.deepEqual(loc.resolution.versions.map((v) => `${v.meeting}:${v.kind}`), ['WTSA-2016:rev']);
    assert.equal(loc.resolution.completeTo, null);
    // the position is that of the number line in the converted text
    const text = (await importDocx(fs.readFileSync(res1))).text.split('\n');
    // (Word's text has a no-break space after `Rev.`)
    assert.equal(text[loc.range.start.line].replace(/\u00a0/g, ' '), 'RESOLUTION 1 (Rev. Hammamet, 2016)');
    // the built-in entry keeps its versions: the Word file repeats one of them
    assert.deepEqual(
      idx.dataFor([dir]).resolution('WTSA', 'Resolution', '1')!.versions.map((v) => v.meeting),
      ['WTSA-1993', 'WTSA-1996', 'WTSA-2000', 'WTSA-2004', 'WTSA-2008', 'WTSA-2012', 'WTSA-2016'],
    );
  });

  it("skips Word's lock files silently, and a damaged .docx with a reason, and goes on", async () => {
    fs.writeFileSync(path.join(dir, '~$s 999.docx'), 'owner of the open document');
    fs.writeFileSync(path.join(dir, 'damaged.docx'), 'RESOLUTION 5 (Geneva, 2022)\nnot a zip archive\n');
    await writeDocx(path.join(dir, 'res999.docx'), RES_999);
    const logs: string[] = [];
    idx = new ReferenceIndex({ watch: false, readDocx: docxText, log: (m) => logs.push(m) });
    idx.ensure([dir]);
    await idx.whenIdle();
    assert.equal(idx.dataFor([dir]).resolution('WTSA', 'Resolution', '999')?.title, RES_999_TITLE);
    assert.ok(logs.some((l) => l.includes('damaged.docx') && /not a Word document that can be read/.test(l)), logs.join('\n'));
    assert.ok(!logs.some((l) => l.includes('~$')), logs.join('\n'));
    assert.ok(logs.some((l) => /: 1 file\(s\), 1 resolution\(s\) indexed/.test(l)), logs.join('\n'));
  });

  it('holds a Word file to its size limit, and its text to that of a text file', async () => {
    fs.copyFileSync(RES1_DOCX, path.join(dir, 'res1.docx'));
    await writeDocx(path.join(dir, 'res999.docx'), RES_999);
    const logs: string[] = [];
    // Res 1's Word file is 608,346 bytes and its text 75,654 characters; Res 999's are far smaller
    idx = new ReferenceIndex({ watch: false, readDocx: docxText, log: (m) => logs.push(m), limits: { maxWordFileBytes: 500_000, maxFileBytes: 60_000 } });
    idx.ensure([dir]);
    await idx.whenIdle();
    assert.ok(logs.some((l) => l.includes('res1.docx') && /larger than 0\.5 MB \(608346 bytes\)/.test(l)), logs.join('\n'));
    assert.equal(idx.dataFor([dir]).resolution('WTSA', 'Resolution', '999')?.title, RES_999_TITLE);
    idx.dispose();
    const logs2: string[] = [];
    idx = new ReferenceIndex({ watch: false, readDocx: docxText, log: (m) => logs2.push(m), limits: { maxFileBytes: 60_000 } });
    idx.ensure([dir]);
    await idx.whenIdle();
    assert.ok(logs2.some((l) => l.includes('res1.docx') && /its text is longer than 0\.1 MB/.test(l)), logs2.join('\n'));
  });

  it('says why Word files are skipped where the Word import is not available', async () => {
    await writeDocx(path.join(dir, 'res999.docx'), RES_999);
    fs.writeFileSync(path.join(dir, 'res92.itures'), RES_92_HAMMAMET_2016);
    const logs: string[] = [];
    idx = new ReferenceIndex({ watch: false, readDocx: null, log: (m) => logs.push(m) });
    idx.ensure([dir]);
    await idx.whenIdle();
    assert.equal(idx.dataFor([dir]).resolution('WTSA', 'Resolution', '999'), undefined);
    assert.equal(idx.locate('WTSA', 'Resolution', '92', [dir], null).length, 1);
    assert.ok(logs.some((l) => l.includes('res999.docx') && /reslint import/.test(l)), logs.join('\n'));
  });

  it('picks up a Word file saved again with a new revision while watching', async () => {
    const file = path.join(dir, 'Res 92.docx');
    await writeDocx(file, RES_92_HAMMAMET_2016);
    idx = new ReferenceIndex({ debounceMs: 30, readDocx: docxText });
    idx.ensure([dir]);
    await idx.whenIdle();
    const meetings = () => idx!.locate('WTSA', 'Resolution', '92', [dir], null).map((l) => l.resolution.meeting?.id);
    assert.deepEqual(meetings(), ['WTSA-2016']);
    await writeDocx(file, RES_92_GENEVA_2022);
    await until('the revised Word file', () => meetings()[0] === 'WTSA-2022');
    assert.deepEqual(
      idx.dataFor([dir]).resolution('WTSA', 'Resolution', '92')!.versions.map((v) => v.meeting),
      ['WTSA-2016', 'WTSA-2022'],
    );
  });
});

describe('references: the Word import bundle (dist/docxText.js), as the server runs it', () => {
  it('converts in a worker thread as the import does, reports a damaged file, and starts again after stopping idle', async () => {
    const dist = path.join(ROOT, 'dist');
    if (!fs.existsSync(path.join(dist, 'docxText.js'))) throw new Error(`${path.join(dist, 'docxText.js')} is missing: run npm run build first (npm test does)`);
    assert.equal(bundledDocxReader(path.join(ROOT, 'server', 'src', 'references')), null);
    const read = bundledDocxReader(dist, 20);
    assert.ok(read);
    const buf = fs.readFileSync(RES1_DOCX);
    const expected = (await importDocx(buf)).text;
    // several at once: each answer goes to its own request
    const [a, b] = await Promise.all([read(buf), read(await exportDocx(parse(RES_999)))]);
    assert.equal(a, expected);
    assert.match(b, /^RESOLUTION 999 \(Geneva, 2022\)\n/);
    await assert.rejects(read(Buffer.from('not a zip archive')), /not a zip archive/);
    // the worker stops after 20 ms without work; the next file starts another
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(await read(buf), expected);
  });
});
