/**
 * What a person would see: the exported res1 and a MOD proposal rendered by LibreOffice
 * (headless, to PDF), read back with poppler (pdftotext, pdftoppm).
 *
 * - The exported res1 lays out like ITU's own res1 converted the same way (page count
 *   within a few pages; ITU's file has a cover page, a blank verso, a foreword page and
 *   odd-page section starts that the plain text does not carry).
 * - The text a reader expects is on the pages.
 * - The MOD proposal shows its tracked changes: inserted and deleted words are both on
 *   the page, and in colour (LibreOffice paints changes in the author's colour), while
 *   the plain export has no coloured text.
 *
 * Needs soffice, pdftoppm and pdftotext: when one is missing, the setup runs
 * scripts/setup-libreoffice.sh (apt, needs root); when that cannot install them, the
 * suite is skipped with the reason. Rendered PDFs and PNGs go to test/word/artifacts/
 * (git-ignored) for a look.
 */
import { strict as assert } from 'node:assert';
import { execFile as execFileCb, execSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parse } from '../../server/src/parser/parse';
import { exportDocx } from '../../server/src/word/export';
import { importDocx } from '../../server/src/word/import';
import { compareTexts } from '../../server/src/word/mod';
import { modDocx } from '../../server/src/word/modDocx';

const execFile = promisify(execFileCb);
const ROOT = path.resolve(__dirname, '../..');
const ART = path.join(__dirname, 'artifacts');
const RES1 = '/work/shared/corpus/res1-hammamet-2016.docx';
const RES92 = '/work/shared/corpus/res92-hammamet-2016.txt';
const EDITED = path.join(__dirname, 'fixtures/res92-edited.txt');

function has(cmd: string): boolean {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

const TOOLS = ['soffice', 'pdftoppm', 'pdftotext'];

async function pdfText(pdf: string, first?: number, last?: number): Promise<string> {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  const { stdout } = await execFile('pdftotext', [...range, pdf, '-'], { maxBuffer: 1 << 26 });
  // pdftotext writes hyphens and spaces as the font has them; compare on plain forms
  return stdout.replace(/\u2011/g, '-').replace(/\u00a0/g, ' ');
}

/** Page texts, split on the form feed pdftotext writes after each page. */
async function pages(pdf: string): Promise<string[]> {
  const t = await pdfText(pdf);
  const p = t.split('\f');
  if (p[p.length - 1].trim() === '') p.pop();
  return p;
}

/** Share of clearly coloured pixels (not black, white or grey) on a page rendered at low resolution. */
async function colouredShare(pdf: string, page: number): Promise<number> {
  const { stdout } = await execFile('pdftoppm', ['-r', '30', '-f', String(page), '-l', String(page), pdf], { encoding: 'buffer', maxBuffer: 1 << 26 });
  const buf = stdout as Buffer;
  // binary PPM: "P6\n<w> <h>\n<max>\n" then RGB bytes
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'));
  assert.ok(header, 'pdftoppm wrote a PPM');
  const data = buf.subarray(header[0].length);
  let coloured = 0;
  const n = Number(header[1]) * Number(header[2]);
  for (let i = 0; i < n; i++) {
    const r = data[3 * i];
    const g = data[3 * i + 1];
    const b = data[3 * i + 2];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
  }
  return coloured / n;
}

describe('word rendering with LibreOffice (what a person sees)', function () {
  this.timeout(300000);
  const pdf = (name: string) => path.join(ART, `${name}.pdf`);
  let original: string[];
  let exported: string[];
  let mod: string[];

  before(async function () {
    if (!TOOLS.every(has)) {
      try {
        execSync(`sh ${path.join(ROOT, 'scripts/setup-libreoffice.sh')}`, { stdio: 'ignore', timeout: 900000 });
      } catch {
        // reported below
      }
    }
    const missing = TOOLS.filter((t) => !has(t));
    // rendering is part of what this suite proves: without the tools it fails, it never passes silently
    assert.deepEqual(missing, [], `${missing.join(', ')} missing and scripts/setup-libreoffice.sh could not install them (it needs apt-get and root)`);
    await fs.mkdir(ART, { recursive: true });
    const imported = (await importDocx(readFileSync(RES1))).text;
    await fs.copyFile(RES1, path.join(ART, 'res1-original.docx'));
    await fs.writeFile(path.join(ART, 'res1-export.docx'), await exportDocx(parse(imported)));
    const cmp = compareTexts(readFileSync(RES92, 'utf8'), readFileSync(EDITED, 'utf8'));
    await fs.writeFile(
      path.join(ART, 'res92-mod.docx'),
      await modDocx(cmp, { identifier: 'APT/4202A10/1', author: 'Asia-Pacific Telecommunity', date: '2024-05-02T09:00:00Z', reasons: 'The study groups were restructured.' }),
    );
    // a profile of its own, so that a running LibreOffice (or another test run) does not interfere
    const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'reslint-lo-'));
    try {
      await execFile(
        'soffice',
        [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', ART, ...['res1-original', 'res1-export', 'res92-mod'].map((n) => path.join(ART, `${n}.docx`))],
        { timeout: 240000 },
      );
    } finally {
      await fs.rm(profile, { recursive: true, force: true });
    }
    original = await pages(pdf('res1-original'));
    exported = await pages(pdf('res1-export'));
    mod = await pages(pdf('res92-mod'));
    // PNGs to look at: the first pages of the export and the MOD proposal
    await execFile('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '3', pdf('res1-export'), path.join(ART, 'res1-export')]);
    await execFile('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', pdf('res92-mod'), path.join(ART, 'res92-mod')]);
  });

  it('lays out the exported res1 on about as many pages as ITU\'s own file', function () {
    assert.ok(original.length >= 25, `ITU's res1 renders on ${original.length} pages`);
    assert.ok(Math.abs(exported.length - original.length) <= 6, `export ${exported.length} pages, original ${original.length}`);
    // from the number line on, front matter aside
    const from = (ps: string[]) => ps.length - ps.findIndex((p) => /RESOLUTION 1 \(Rev\. Hammamet, 2016\)/i.test(p));
    assert.ok(Math.abs(from(exported) - from(original)) <= 4, `resolution pages: export ${from(exported)}, original ${from(original)}`);
  });

  it('shows the text a reader expects, with the meeting in the number line as written', function () {
    const all = exported.join('\n');
    for (const s of [
      'RESOLUTION 1 (Rev. Hammamet, 2016)',
      'Rules of procedure of the ITU Telecommunication',
      'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
      'considering',
      'SECTION 1',
      'Previously published (Geneva, 1956 and 1958',
      'Information for submission of a Question',
    ]) {
      assert.ok(all.includes(s), `missing on the pages: ${s}`);
    }
    // the same words in the same order as on ITU's pages (spacing and line breaks aside)
    const words = (ps: string[]) => ps.join(' ').split(/\s+/).filter((w) => /^[a-z]{4,}$/.test(w));
    const a = words(original);
    const b = words(exported);
    assert.ok(Math.abs(b.length - a.length) <= 0.03 * a.length, `${b.length} words exported, ${a.length} in ITU's file`);
  });

  it('shows the MOD proposal\'s tracked changes: inserted and deleted words, in colour', async function () {
    const all = mod.join('\n');
    assert.match(mod[0], /^MOD\s+APT\/4202A10\/1/);
    for (const s of ['is being deployed', 'will be utilized', 'in the near future', 'e bis)', 'Study Group 20', 'ITU-T Study Group 12', 'Recommendation ITU-T A.5', 'Reasons:']) {
      assert.ok(all.includes(s), `missing on the MOD pages: ${s}`);
    }
    // the deleted words are shown in place, before the inserted ones
    assert.ok(all.indexOf('will be utilized') < all.indexOf('is being deployed'));
    const modColour = await colouredShare(pdf('res92-mod'), 1);
    const plainColour = await colouredShare(pdf('res1-export'), 2);
    assert.ok(modColour > 0.002, `coloured share of the MOD page: ${modColour}`);
    assert.ok(plainColour < modColour / 10, `coloured share of a plain page: ${plainColour}`);
  });
});
