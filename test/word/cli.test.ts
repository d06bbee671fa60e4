/**
 * `reslint import | export | mod` through main() with captured streams
 * (server/src/cli/wordCommands.ts).
 */
import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { main } from '../../server/src/cli/main';
import { importDocx } from '../../server/src/word/import';
import { readMarks } from '../../server/src/word/mod';

const RES1 = '/work/shared/corpus/res1-hammamet-2016.docx';
const RES92 = '/work/shared/corpus/res92-hammamet-2016.txt';
const EDITED = path.join(__dirname, 'fixtures/res92-edited.txt');
const FIXTURE = path.join(__dirname, '../fixtures/res1-hammamet-2016.imported.txt');

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), stdin: async () => stdin });
  return { code, out, err };
}

describe('reslint import / export / mod', function () {
  let dir: string;

  before(async function () {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reslint-word-cli-'));
  });
  after(async function () {
    await fs.rm(dir, { recursive: true, force: true });
  });

  describe('import', function () {
    it('writes the plain text to standard output', async function () {
      const r = await run(['import', RES1]);
      assert.equal(r.code, 0);
      assert.equal(r.out, await fs.readFile(FIXTURE, 'utf8'));
      assert.equal(r.err, '');
    });

    it('writes to -o OUT.txt', async function () {
      const out = path.join(dir, 'res1.txt');
      const r = await run(['import', RES1, '-o', out]);
      assert.deepEqual(r, { code: 0, out: '', err: '' });
      assert.equal(await fs.readFile(out, 'utf8'), await fs.readFile(FIXTURE, 'utf8'));
    });

    it('prints import warnings on standard error, one per line', async function () {
      // a Word file with a tracked change: the import takes the accepted text and says so
      const docx = path.join(dir, 'mod.docx');
      assert.equal((await run(['mod', '--base', RES92, EDITED, '--id', 'APT/4202A10/1', '--date', '2024-05-02', '-o', docx])).code, 0);
      const r = await run(['import', docx]);
      assert.equal(r.code, 0);
      assert.match(r.err, /^.*mod\.docx: warning: the document has tracked changes \(\d+ insertion\(s\), \d+ deletion\(s\), 0 formatting change\(s\)\); the text is imported as if all were accepted\n$/);
      assert.ok(r.out.startsWith('MOD\tAPT/4202A10/1\nResolution 92 (Rev.\u00a0Geneva, 2022)\n'));
    });

    it('fails in one line with status 2 on a missing file, a text file, extra arguments', async function () {
      const missing = await run(['import', path.join(dir, 'nope.docx')]);
      assert.equal(missing.code, 2);
      assert.equal(missing.err, `reslint: no such file: ${path.join(dir, 'nope.docx')}\n`);
      const text = await run(['import', RES92]);
      assert.deepEqual(text, { code: 2, out: '', err: `reslint: ${RES92}: not a Word (.docx) file\n` });
      const two = await run(['import', RES1, RES1]);
      assert.equal(two.code, 2);
      assert.match(two.err, /^reslint: one input file \(IN\.docx\) expected, got 2: /);
      const none = await run(['import']);
      assert.deepEqual(none, { code: 2, out: '', err: 'reslint: no input file (IN.docx) given\n' });
      const broken = path.join(dir, 'broken.docx');
      await fs.writeFile(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(64, 1)]));
      const b = await run(['import', broken]);
      assert.equal(b.code, 2);
      assert.match(b.err, /^reslint: .*broken\.docx: cannot read as a Word file \(.*\)\n$/);
      assert.equal(b.err.split('\n').length, 2, 'one line');
    });

    it('shows its help', async function () {
      const r = await run(['import', '--help']);
      assert.equal(r.code, 0);
      assert.match(r.out, /^Usage: reslint import IN\.docx \[-o OUT\.txt\]/);
    });
  });

  describe('export', function () {
    it('writes a Word file that imports back to the same text', async function () {
      const out = path.join(dir, 'res1.docx');
      const r = await run(['export', '--to', 'docx', FIXTURE, '-o', out]);
      assert.deepEqual(r, { code: 0, out: '', err: '' });
      const back = await importDocx(await fs.readFile(out));
      assert.equal(back.text, await fs.readFile(FIXTURE, 'utf8'));
    });

    it('reads a proposal from standard input; --to defaults to docx', async function () {
      const proposal = [
        'ADD\tAPT/4202A10/7',
        'Draft new Resolution [APT-1] (New Delhi, 2024)',
        'Open source in the ITU Telecommunication Standardization Sector',
        '(New Delhi, 2024)',
        'The World Telecommunication Standardization Assembly (New Delhi, 2024),',
        'resolves',
        'to encourage the use of open-source implementations in the validation of ITU-T Recommendations.',
        'Reasons:\tOpen-source implementations help validate Recommendations.',
        '',
      ].join('\n');
      const out = path.join(dir, 'proposal.docx');
      const r = await run(['export', '-', '-o', out], proposal);
      assert.equal(r.code, 0);
      const xml = await (await JSZip.loadAsync(await fs.readFile(out))).file('word/document.xml')!.async('string');
      assert.match(xml, /<w:pStyle w:val="Proposal"\/>.*?ADD<\/w:t><w:tab\/><w:t[^>]*>APT\/4202A10\/7</);
      assert.equal((await importDocx(await fs.readFile(out))).text, proposal);
    });

    it('refuses other formats, a missing -o, a Word file as input, a missing input', async function () {
      assert.deepEqual(await run(['export', '--to', 'pdf', FIXTURE, '-o', 'x.pdf']), { code: 2, out: '', err: 'reslint: export --to supports docx only, not "pdf"\n' });
      assert.deepEqual(await run(['export', FIXTURE]), { code: 2, out: '', err: 'reslint: export needs -o OUT.docx\n' });
      const docx = await run(['export', RES1, '-o', path.join(dir, 'x.docx')]);
      assert.deepEqual(docx, { code: 2, out: '', err: `reslint: ${RES1}: a Word file; this command takes plain text (convert it with "reslint import")\n` });
      const missing = await run(['export', path.join(dir, 'none.txt'), '-o', path.join(dir, 'x.docx')]);
      assert.deepEqual(missing, { code: 2, out: '', err: `reslint: no such file: ${path.join(dir, 'none.txt')}\n` });
      const unknown = await run(['export', '--format', 'docx', FIXTURE]);
      assert.equal(unknown.code, 2);
      assert.match(unknown.err, /^reslint: Unknown option '--format'\.\n$/);
    });
  });

  describe('mod', function () {
    it('writes the text form to standard output', async function () {
      const r = await run(['mod', '--base', RES92, EDITED, '--id', 'APT/4202A10/1', '--reasons', 'Study groups were restructured.']);
      assert.equal(r.code, 0);
      assert.equal(r.err, '');
      const lines = r.out.split('\n');
      assert.equal(lines[0], 'MOD\tAPT/4202A10/1');
      assert.equal(lines[1], 'Resolution 92 ([-Hammamet, 2016-][+Rev.\u00a0Geneva, 2022+])');
      assert.equal(lines[lines.length - 2], 'Reasons:\tStudy groups were restructured.');
    });

    it('chooses the form by the extension of -o: .txt text, .docx Word with tracked changes', async function () {
      const txt = path.join(dir, 'mod.txt');
      const docx = path.join(dir, 'mod-apt.docx');
      const common = ['--base', RES92, EDITED, '--id', 'APT/4202A10/1', '--symbol', '(MOD)'];
      assert.deepEqual(await run(['mod', ...common, '-o', txt]), { code: 0, out: '', err: '' });
      assert.ok((await fs.readFile(txt, 'utf8')).startsWith('(MOD)\tAPT/4202A10/1\n'));
      const r = await run(['mod', ...common, '--author', 'Asia-Pacific Telecommunity', '--date', '2024-05-02T11:00:00+02:00', '-o', docx]);
      assert.deepEqual(r, { code: 0, out: '', err: '' });
      const xml = await (await JSZip.loadAsync(await fs.readFile(docx))).file('word/document.xml')!.async('string');
      assert.match(xml, /<w:ins w:id="\d+" w:author="Asia-Pacific Telecommunity" w:date="2024-05-02T09:00:00Z">/);
      assert.match(xml, /<w:del w:id="\d+" w:author="Asia-Pacific Telecommunity" w:date="2024-05-02T09:00:00Z">/);
      assert.match(xml, /\(MOD\)<\/w:t><w:tab\/><w:t[^>]*>APT\/4202A10\/1</);
    });

    it('takes Word files as inputs', async function () {
      const editedDocx = path.join(dir, 'edited.docx');
      assert.equal((await run(['export', EDITED, '-o', editedDocx])).code, 0);
      const r = await run(['mod', '--base', RES92, editedDocx, '--id', 'APT/4202A10/1']);
      assert.equal(r.code, 0);
      const fromText = await run(['mod', '--base', RES92, EDITED, '--id', 'APT/4202A10/1']);
      assert.deepEqual(readMarks(r.out).accepted, readMarks(fromText.out).accepted);
    });

    it('warns when there is no identifier or no change', async function () {
      const r = await run(['mod', '--base', EDITED, EDITED]);
      assert.equal(r.code, 0);
      assert.equal(
        r.err,
        'reslint: warning: no --id given and the edited text has none; the proposal has no identifier\n' +
          'reslint: warning: the edited text makes no change to the reference\n',
      );
    });

    it('reports usage errors in one line with status 2', async function () {
      const cases: [string[], string][] = [
        [['mod', EDITED], 'reslint: mod needs --base REFERENCE (the resolution as it stands)\n'],
        [['mod', '--base', RES92], 'reslint: no edited resolution (EDITED) given\n'],
        [['mod', '--base', RES92, EDITED, '--symbol', 'ADD'], 'reslint: --symbol takes MOD or (MOD), not "ADD"\n'],
        [['mod', '--base', RES92, EDITED, '--date', 'yesterday'], 'reslint: --date takes an ISO 8601 date such as 2024-05-02 or 2024-05-02T09:00:00Z, not "yesterday"\n'],
        [['mod', '--base', RES92, EDITED, '--date', '2023-02-29'], 'reslint: --date: no such day: 2023-02-29\n'],
        [['mod', '--base', RES92, EDITED, '--author', ' '], 'reslint: --author needs a name\n'],
        [['mod', '--base', '-', '-'], 'reslint: only one input can be standard input\n'],
        [['mod', '--base', path.join(dir, 'gone.txt'), EDITED], `reslint: no such file: ${path.join(dir, 'gone.txt')}\n`],
      ];
      for (const [argv, err] of cases) assert.deepEqual(await run(argv), { code: 2, out: '', err }, argv.join(' '));
    });

    it('reads the edited text from standard input', async function () {
      const r = await run(['mod', '--base', RES92, '-', '--id', 'APT/4202A10/1'], await fs.readFile(EDITED, 'utf8'));
      assert.equal(r.code, 0);
      assert.ok(r.out.includes('[+instructs Study Group\u00a020+]'));
    });
  });
});
