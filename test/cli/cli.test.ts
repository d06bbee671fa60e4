import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { main } from '../../server/src/cli/main';
import { nodeBundle } from '../../scripts/esbuildOptions';
import { readFixture } from '../helpers/fixtures';
import { parse } from '../../server/src/parser/parse';
import { exportDocx } from '../../server/src/word/export';
import { pathToFileURL } from 'node:url';
import type * as sarif from 'sarif';
import { RULES } from '../../server/src/rules';

const ROOT = path.join(__dirname, '..', '..');
const RES92 = path.join(ROOT, '..', 'shared', 'corpus', 'res92-hammamet-2016.txt');
const VALID = path.join(ROOT, 'test', 'fixtures', 'rules', 'valid.itures');
const LABELS = path.join(ROOT, 'test', 'fixtures', 'rules', 'labels.itures');

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), stdin: async () => stdin });
  return { code, out, err };
}

describe('reslint CLI', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'reslint-cli-'));
  });

  it('prints findings as file:line:col severity message rule, and exits 0 when none is an error', async () => {
    const r = await run([RES92]);
    assert.equal(r.code, 0);
    assert.match(r.out, /res92-hammamet-2016\.txt:34:15 {2}warning {2}Space before ",". {2}no-space-before-punctuation\n/);
    assert.match(r.out, /1 problem \(1 warning\) in 1 file; 1 fixable with --fix/);
  });

  it('exits 1 when a finding is an error', async () => {
    const f = path.join(dir, 'bad.itures');
    writeFileSync(f, readFileSync(VALID, 'utf8').replace('b)\tthat the roadmap', 'c)\tthat the roadmap'));
    const r = await run([f]);
    assert.equal(r.code, 1);
    assert.match(r.out, /bad\.itures:8:1 {2}error {4}Label c\) skips b\) after a bis\)\. {2}label-sequence/);
  });

  it('--format json prints one array with 1-based positions', async () => {
    const r = await run(['--format', 'json', RES92, VALID]);
    assert.equal(r.code, 0);
    const arr = JSON.parse(r.out);
    assert.deepEqual(arr, [
      {
        file: RES92,
        line: 34,
        column: 15,
        endLine: 34,
        endColumn: 17,
        rule: 'no-space-before-punctuation',
        severity: 'warning',
        message: 'Space before ",".',
        fixable: true,
      },
    ]);
  });

  it('--format sarif writes a SARIF 2.1.0 log: the rules, and each finding with its region and fix', async () => {
    const r = await run(['--format', 'sarif', RES92, LABELS]);
    assert.equal(r.code, 1, r.err);
    const log = JSON.parse(r.out) as sarif.Log;
    assert.equal(log.version, '2.1.0');
    const [only] = log.runs;
    assert.equal(log.runs.length, 1);
    assert.equal(only.tool.driver.name, 'reslint');
    assert.deepEqual(
      only.tool.driver.rules!.map((x) => x.id),
      RULES.map((x) => x.id),
    );
    assert.equal(only.columnKind, 'utf16CodeUnits');
    const results = only.results!;
    // every result names its rule by id and by index into the driver's rules
    for (const x of results) assert.equal(only.tool.driver.rules![x.ruleIndex!].id, x.ruleId);
    // Res 92 lies outside the working folder: an absolute file URI
    const res92 = results.filter((x) => x.locations![0].physicalLocation!.artifactLocation!.uri === pathToFileURL(RES92).href);
    assert.equal(res92.length, 1);
    assert.deepEqual(
      { ruleId: res92[0].ruleId, level: res92[0].level, message: res92[0].message.text, region: res92[0].locations![0].physicalLocation!.region },
      { ruleId: 'no-space-before-punctuation', level: 'warning', message: 'Space before ",".', region: { startLine: 34, startColumn: 15, endLine: 34, endColumn: 17 } },
    );
    // a file inside the working folder: relative to %SRCROOT%, which names that folder
    const rel = path.relative(process.cwd(), LABELS).split(path.sep).join('/');
    const labels = results.filter((x) => x.locations![0].physicalLocation!.artifactLocation!.uri === rel);
    assert.ok(labels.length > 1, JSON.stringify(results.map((x) => x.locations![0].physicalLocation!.artifactLocation)));
    assert.equal(labels[0].locations![0].physicalLocation!.artifactLocation!.uriBaseId, '%SRCROOT%');
    assert.equal(only.originalUriBaseIds!['%SRCROOT%'].uri, pathToFileURL(process.cwd() + path.sep).href);
    assert.ok(labels.some((x) => x.level === 'error'));
    // the fix, applied as SARIF says, gives what --fix writes
    const [fix] = res92[0].fixes!;
    const [rep] = fix.artifactChanges[0].replacements;
    const lines = readFileSync(RES92, 'utf8').split('\n');
    const d = rep.deletedRegion;
    assert.equal(d.startLine, d.endLine);
    const line = lines[d.startLine! - 1];
    lines[d.startLine! - 1] = line.slice(0, d.startColumn! - 1) + rep.insertedContent!.text + line.slice(d.endColumn! - 1);
    const copy = path.join(dir, 'res92-sarif.txt');
    copyFileSync(RES92, copy);
    assert.equal((await run(['--fix', copy])).code, 0);
    assert.equal(lines.join('\n'), readFileSync(copy, 'utf8'));
  });

  it('--format github prints one workflow command per finding, the file name escaped', async () => {
    const odd = path.join(dir, 'draft, v2: APT.itures');
    writeFileSync(odd, readFileSync(RES92, 'utf8'));
    const r = await run(['--format', 'github', RES92, odd]);
    assert.equal(r.code, 0, r.err);
    assert.equal(
      r.out,
      `::warning file=${RES92.split(path.sep).join('/')},line=34,col=15,endLine=34,endColumn=17,title=no-space-before-punctuation::Space before ",".\n` +
        `::warning file=${odd.replace(/,/g, '%2C').replace(/:/g, '%3A')},line=34,col=15,endLine=34,endColumn=17,title=no-space-before-punctuation::Space before ",".\n`,
    );
    const e = await run(['--format', 'github', LABELS]);
    assert.equal(e.code, 1);
    assert.match(e.out, /^::error file=.*labels\.itures,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=label-sequence::Label /m);
    assert.ok(e.out.split('\n').filter(Boolean).every((l) => l.startsWith('::')));
  });

  it('--fix writes the fixed file and reports what remains', async () => {
    const f = path.join(dir, 'fix.itures');
    copyFileSync(RES92, f);
    const r = await run(['--fix', f]);
    assert.equal(r.code, 0);
    assert.equal(readFileSync(f, 'utf8'), readFileSync(RES92, 'utf8').replace('to encourage ,', 'to encourage,'));
    assert.match(r.out, /1 file checked, no problems/);
  });

  it('--fix repairs labels, endings and spelling in one run', async () => {
    const f = path.join(dir, 'fix2.itures');
    writeFileSync(f, readFixture(readFileSync(LABELS, 'utf8')).text);
    await run(['--fix', f]);
    const fixed = readFileSync(f, 'utf8');
    assert.match(fixed, /\nb\)\tthat IMT systems have contributed/);
    assert.match(fixed, /\nc\)\tthat IMT-2020 will be utilized/);
    assert.match(fixed, /\n2\tthat focus groups report/);
  });

  it('reads standard input with -', async () => {
    const r = await run(['-', '--stdin-filename', 'draft.itures'], readFileSync(RES92, 'utf8'));
    assert.equal(r.code, 0);
    assert.match(r.out, /^draft\.itures:34:15/);
  });

  it('lints every resolution file in a folder, and expands quoted globs', async () => {
    const sub = path.join(dir, 'folder');
    mkdirSync(path.join(sub, 'nested'), { recursive: true });
    copyFileSync(RES92, path.join(sub, 'a.res.txt'));
    copyFileSync(VALID, path.join(sub, 'nested', 'b.itures'));
    writeFileSync(path.join(sub, 'notes.md'), '# not a resolution');
    const r = await run(['--format', 'json', sub]);
    assert.deepEqual([...new Set(JSON.parse(r.out).map((x: { file: string }) => path.basename(x.file)))], ['a.res.txt']);
    const g = await run([path.join(sub, '**', '*.itures')]);
    assert.match(g.out, /1 file checked, no problems/);
  });

  it('skips binary files with a message, and reads Windows-1252 text with a notice', async () => {
    const bin = path.join(dir, 'image.itures');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    const latin = path.join(dir, 'latin.itures');
    const text = readFileSync(VALID, 'utf8').replace(/–/g, '-').replace('organizations external to ITU', 'organizations external to ITU, such as the Comité consultatif');
    writeFileSync(latin, Buffer.from(text, 'latin1'));
    const r = await run([bin, latin]);
    assert.equal(r.code, 0);
    assert.match(r.err, /image\.itures: skipped: binary file/);
    assert.match(r.err, /latin\.itures: not valid UTF-8; read as Windows-1252/);
    assert.doesNotMatch(r.out, /latin\.itures/);
  });

  it('usage and I/O errors: exit 2 with one line and no stack trace', async () => {
    for (const args of [[], ['--format', 'xml', RES92], ['--bogus', RES92], [path.join(dir, 'missing.itures')], ['--config', path.join(dir, 'none.json'), RES92]]) {
      const r = await run(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
      assert.match(r.err, /^reslint: /);
      assert.doesNotMatch(r.err, /\n\s+at /);
    }
  });

  it('a bad config file is reported and the defaults still apply', async () => {
    const cfg = path.join(dir, 'bad.json');
    writeFileSync(cfg, '{ "rules": { "no-such-rule": "error", "clause-ending": "loud", "no-space-before-punctuation": "error" }, "extra": 1 ');
    const r = await run(['--config', cfg, RES92]);
    assert.equal(r.code, 1);
    assert.match(r.err, /unknown rule "no-such-rule"/);
    assert.match(r.err, /rule "clause-ending": unknown severity "loud"/);
    assert.match(r.err, /JSON syntax error/);
    assert.match(r.out, /34:15 {2}error/);
  });

  /** A reference resolution only the project's documents know, and a draft that cites it. */
  const RES_999 =
    'RESOLUTION 999 (Geneva, 2022)\nTesting the reference documents of the assembly\n(Geneva, 2022)\nThe World Telecommunication Standardization Assembly (Geneva, 2022),\nresolves\nthat reference documents extend the built-in data.\n';
  function writeCitingDraft(proj: string): string {
    const draft = path.join(proj, 'draft.itures');
    writeFileSync(
      draft,
      readFileSync(VALID, 'utf8')
        .replace('as noted in considering a) above,', 'as noted in considering a) above and in Resolution 999 (Geneva, 2022) of this assembly,')
        .replace(/\(Hammamet, 2016\)/g, '(Geneva, 2022)'),
    );
    return draft;
  }

  it('skips the files the project file\'s "ignores" name, says so for a file named on the command line, --no-ignore lints them, and --print-config tells', async () => {
    const proj = path.join(dir, 'ignores');
    mkdirSync(path.join(proj, 'references'), { recursive: true });
    mkdirSync(path.join(proj, 'drafts'), { recursive: true });
    writeFileSync(path.join(proj, '.reslintrc.json'), JSON.stringify({ ignores: ['references/', '*.old.itures'] }));
    const bad = readFileSync(VALID, 'utf8').replace('b)\tthat the roadmap', 'c)\tthat the roadmap');
    writeFileSync(path.join(proj, 'references', 'res1.itures'), bad);
    writeFileSync(path.join(proj, 'drafts', 'draft.old.itures'), bad);
    writeFileSync(path.join(proj, 'drafts', 'draft.itures'), readFileSync(VALID, 'utf8'));
    // a folder: the ignored files are left out without a word
    const all = await run([proj]);
    assert.equal(all.code, 0, all.out + all.err);
    assert.equal(all.err, '');
    assert.equal(all.out, '1 file checked, no problems\n');
    // a quoted glob the same
    const glob = await run([`${proj.split(path.sep).join('/')}/**/*.itures`]);
    assert.equal(glob.out, '1 file checked, no problems\n');
    // named: skipped, and said on standard error
    const ref = path.join(proj, 'references', 'res1.itures');
    const named = await run([ref]);
    assert.equal(named.code, 0);
    assert.equal(named.err, `reslint: ${ref}: skipped: the "ignores" of ${path.join(proj, '.reslintrc.json')} name it (--no-ignore lints it)\n`);
    assert.equal(named.out, 'no files checked\n');
    // --no-ignore: every file
    const every = await run(['--no-ignore', proj]);
    assert.equal(every.code, 1);
    assert.equal((every.out.match(/label-sequence/g) ?? []).length, 2, every.out);
    // --print-config says which project file applies, and that it ignores the file
    writeFileSync(path.join(proj, '.reslintrc.json'), JSON.stringify({ ignores: ['references/', '*.old.itures'], rules: { 'clause-opening': 'off', 'oxford-spelling': ['info', { allow: ['program'] }] } }));
    const shown = await run(['--print-config', ref]);
    assert.equal(shown.code, 0, shown.err);
    const cfg = JSON.parse(shown.out);
    assert.equal(cfg.file, ref);
    assert.equal(cfg.projectFile, path.join(proj, '.reslintrc.json'));
    assert.equal(cfg.ignored, true);
    assert.deepEqual(cfg.ignores, ['references/', '*.old.itures']);
    assert.deepEqual(Object.keys(cfg.rules), RULES.map((x) => x.id));
    assert.deepEqual(cfg.rules['clause-opening'], { severity: 'off' });
    assert.deepEqual(cfg.rules['oxford-spelling'], { severity: 'info', options: { allow: ['program'] } });
    assert.deepEqual(cfg.rules['label-sequence'], { severity: 'error' });
    assert.equal(JSON.parse((await run(['--print-config', path.join(proj, 'drafts', 'draft.itures')])).out).ignored, false);
    const both = await run(['--print-config', ref, proj]);
    assert.equal(both.code, 2);
    assert.equal(both.err, 'reslint: --print-config takes one FILE and no PATH\n');
  });

  it('reads the reference documents named by the project file', async () => {
    const proj = path.join(dir, 'refproj');
    mkdirSync(path.join(proj, 'refs'), { recursive: true });
    writeFileSync(path.join(proj, 'refs', 'res999.itures'), RES_999);
    const draft = writeCitingDraft(proj);
    const before = await run(['--format', 'json', draft]);
    assert.deepEqual(JSON.parse(before.out).map((f: { rule: string }) => f.rule), ['citation-unknown-number']);
    writeFileSync(path.join(proj, '.reslintrc.json'), JSON.stringify({ references: ['refs'] }));
    const after = await run(['--format', 'json', draft]);
    assert.deepEqual(JSON.parse(after.out), [], after.err);
  });

  it('reads Word files among the reference documents, and says which ones it cannot read', async () => {
    const proj = path.join(dir, 'wordproj');
    mkdirSync(path.join(proj, 'refs'), { recursive: true });
    writeFileSync(path.join(proj, 'refs', 'Res 999.docx'), await exportDocx(parse(RES_999)));
    writeFileSync(path.join(proj, 'refs', 'broken.docx'), 'not a Word file');
    writeFileSync(path.join(proj, '.reslintrc.json'), JSON.stringify({ references: ['refs'] }));
    const r = await run(['--format', 'json', writeCitingDraft(proj)]);
    assert.deepEqual(JSON.parse(r.out), [], r.err);
    assert.equal(r.code, 0);
    assert.match(r.err, /broken\.docx: not a Word document that can be read/);
  });

  it('checks references to a clause of a cited text against the reference documents, on one thread and on several', async () => {
    const proj = path.join(dir, 'clauseproj');
    mkdirSync(path.join(proj, 'refs'), { recursive: true });
    // ITU's text of Res 92 (Hammamet, 2016): its resolves part has clauses 1 and 2
    writeFileSync(path.join(proj, 'refs', 'res92.txt'), readFileSync(RES92, 'utf8'));
    writeFileSync(path.join(proj, '.reslintrc.json'), JSON.stringify({ references: ['refs'] }));
    const one = readFileSync(VALID, 'utf8').replace('as noted in considering a) above,', 'as noted in considering a) above and in resolves 3 of Resolution 92 (Hammamet, 2016) of this assembly,');
    const draft = path.join(proj, 'draft.itures');
    writeFileSync(draft, one);
    const r = await run(['--format', 'json', draft]);
    const found = JSON.parse(r.out) as { rule: string; message: string }[];
    assert.deepEqual(found.map((f) => f.rule), ['citation-clause'], r.err);
    assert.match(found[0].message, /^Resolution 92 \(Hammamet, 2016\) has no resolves 3 \(its "resolves to invite the Telecommunication Standardization Advisory Group" clauses: 1, 2; as in res92\.txt\)\.$/);
    // over 1 MB: linted in pieces on worker threads, which get the outlines with the rest of the reference data
    let big = '';
    while (big.length < 1.2 * 1024 * 1024) big += one + '\n';
    const book = path.join(proj, 'book.itures');
    writeFileSync(book, big);
    const copies = big.split('resolves 3 of Resolution 92').length - 1;
    const threads = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'reslint.js'), '--format', 'json', '--threads', '2', book], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const rules = (JSON.parse(threads.stdout) as { rule: string }[]).map((f) => f.rule);
    assert.equal(rules.length, copies, threads.stderr);
    assert.ok(rules.every((id) => id === 'citation-clause'));
  });

  it('runs as the bin command of the package', async () => {
    const out = path.join(dir, 'cli.js');
    await build({ entryPoints: [path.join(ROOT, 'server', 'src', 'cli', 'main.ts')], outfile: out, ...nodeBundle, logLevel: 'error' });
    const runner = path.join(dir, 'reslint.js');
    writeFileSync(runner, `require(${JSON.stringify(out)}).run();\n`);
    const r = spawnSync(process.execPath, [runner, '--format', 'json', RES92], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).length, 1);
    // the bundle prints the package's version
    const v = spawnSync(process.execPath, [runner, '--version'], { encoding: 'utf8' });
    assert.equal(v.stdout, `${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`);
    const bad = spawnSync(process.execPath, [runner, path.join(dir, 'nope.itures')], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, `reslint: no such file or folder: ${path.join(dir, 'nope.itures')}\n`);
  });

  describe('--threads', () => {
    let big: string;
    before(() => {
      // over 1 MB of real resolutions: linted in pieces when there are threads for it
      const parts = [readFileSync(RES92, 'utf8'), readFileSync(path.join(ROOT, 'test', 'fixtures', 'res1-hammamet-2016.imported.txt'), 'utf8')];
      let text = '';
      while (text.length < 1.2 * 1024 * 1024) text += parts.join('\n') + '\n';
      big = path.join(dir, 'book.itures');
      writeFileSync(big, text);
    });

    it('lints a large file in pieces on several threads with the same findings as on one', async () => {
      const one = await run(['--format', 'json', '--threads', '1', big]);
      const two = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'reslint.js'), '--format', 'json', '--threads', '2', big], { encoding: 'utf8' });
      assert.equal(two.stderr, '');
      assert.ok(JSON.parse(one.out).length > 100);
      assert.deepEqual(JSON.parse(two.stdout), JSON.parse(one.out));
      // the pieces really go to a thread: one that dies is reported, and its piece is linted here
      const dead = path.join(dir, 'dead-worker.js');
      writeFileSync(dead, 'process.exit(3);\n');
      let out = '';
      let err = '';
      const { lintFiles } = await import('../../server/src/cli/lintCommand');
      const code = await lintFiles([big], { format: 'json', fix: false, quiet: false, threads: 2, workerFile: dead }, { out: (x) => (out += x), err: (x) => (err += x), stdin: async () => '' });
      assert.equal(code, one.code);
      assert.match(err, /lint thread stopped \(exit code 3\)/);
      assert.deepEqual(JSON.parse(out), JSON.parse(one.out));
    });

    it('rejects a number of threads that is not a whole number from 1 to 64', async () => {
      for (const bad of ['0', 'two', '1.5', '65']) {
        const r = await run(['--threads', bad, VALID]);
        assert.equal(r.code, 2);
        assert.equal(r.err, 'reslint: --threads takes a whole number from 1 to 64\n');
      }
    });
  });
});
