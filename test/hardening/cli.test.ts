/**
 * The CLI on awkward input (what test/cli/cli.test.ts does not cover): empty files and
 * folders, empty standard input, UTF-8 and UTF-16 byte order marks, Word files, devices,
 * unreadable files, bad arguments of every command — always a one-line message and the
 * documented exit code, never a stack trace. Run as a child process on a bundle, as users do.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, promises as fsp, writeFileSync } from 'node:fs';
import { main } from '../../server/src/cli/main';
import * as path from 'node:path';
import { bundleDir, cliBundle, RES92, RES92_TEXT } from './bundles';

let cli: string;
let dir: string;

function reslint(args: string[], opts: { input?: string; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: opts.cwd ?? dir, input: opts.input ?? '', encoding: 'utf8', timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function noStack(err: string): void {
  assert.doesNotMatch(err, /\n\s+at |Error:|TypeError|RangeError/, err);
}

describe('hardening: the CLI on awkward input', function () {
  this.timeout(120000);

  before(async () => {
    cli = await cliBundle();
    dir = path.join(bundleDir(), 'cli');
    mkdirSync(path.join(dir, 'empty-folder'), { recursive: true });
    writeFileSync(path.join(dir, 'empty.itures'), '');
    writeFileSync(path.join(dir, 'bom.itures'), '\ufeff' + RES92_TEXT);
    writeFileSync(path.join(dir, 'utf16.itures'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RES92_TEXT, 'utf16le')]));
    writeFileSync(path.join(dir, 'word.itures'), Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000', 'latin1'));
    writeFileSync(path.join(dir, 'crlf.itures'), RES92_TEXT.replace(/\n/g, '\r\n'));
  });

  it('an empty file has no problems; an empty folder and empty standard input are no error', () => {
    const e = reslint(['empty.itures']);
    assert.equal(e.code, 0, e.err);
    assert.match(e.out, /1 file checked, no problems/);
    const f = reslint(['empty-folder']);
    assert.equal(f.code, 0, f.err);
    assert.match(f.out, /no files checked/);
    const s = reslint(['-'], { input: '' });
    assert.equal(s.code, 0, s.err);
    assert.match(s.out, /1 file checked, no problems/);
  });

  it('a UTF-8 BOM, UTF-16 and CRLF line ends give the same finding at the same place', () => {
    for (const f of ['bom.itures', 'utf16.itures', 'crlf.itures']) {
      const r = reslint(['--format', 'json', f]);
      assert.equal(r.code, 0, `${f}: ${r.err}`);
      const found = JSON.parse(r.out).map((x: { rule: string; line: number; column: number }) => `${x.rule}@${x.line}:${x.column}`);
      assert.deepEqual(found, ['no-space-before-punctuation@34:15'], f);
    }
    assert.match(reslint(['utf16.itures']).err, /utf16\.itures: read as UTF-16/);
  });

  it('a Word file and a device are skipped with a message, the other files still checked', () => {
    const r = reslint(['word.itures', '/dev/null', RES92]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /word\.itures: skipped: a zip or Word file; convert it with "reslint import"/);
    assert.match(r.err, /\/dev\/null: not a regular file, skipped/);
    assert.match(r.out, /1 problem \(1 warning\) in 1 file/);
    noStack(r.err);
  });

  it('an unreadable file: exit 2, one line, the other files still reported', async () => {
    const locked = path.join(dir, 'locked.itures');
    writeFileSync(locked, RES92_TEXT);
    chmodSync(locked, 0);
    // root reads every file whatever its mode: there the read itself is made to fail as the
    // kernel would fail it for another user (EACCES), so the test runs the same everywhere
    const realRead = fsp.readFile;
    const asRoot = process.getuid?.() === 0;
    if (asRoot)
      (fsp as { readFile: unknown }).readFile = async (p: unknown, ...rest: unknown[]) => {
        if (String(p) === locked) throw Object.assign(new Error(`EACCES: permission denied, open '${locked}'`), { code: 'EACCES', path: locked });
        return (realRead as (...a: unknown[]) => Promise<unknown>)(p, ...rest);
      };
    let out = '';
    let err = '';
    try {
      const code = await main([locked, RES92], { out: (t) => (out += t), err: (t) => (err += t), stdin: async () => '' });
      assert.equal(code, 2);
    } finally {
      (fsp as { readFile: unknown }).readFile = realRead;
    }
    assert.match(err, /locked\.itures: permission denied/);
    assert.equal(err.trim().split('\n').length, 1, err);
    noStack(err);
    assert.match(out, /res92-hammamet-2016\.txt:34:15/);
  });

  it('exit codes: 1 for an error finding, --max-warnings, --quiet', () => {
    const bad = path.join(dir, 'bad.itures');
    writeFileSync(bad, RES92_TEXT.replace('b)\tthat IMT systems', 'c)\tthat IMT systems'));
    assert.equal(reslint(['bad.itures']).code, 1);
    assert.equal(reslint([RES92, '--max-warnings', '0']).code, 1);
    assert.equal(reslint([RES92, '--max-warnings', '1']).code, 0);
    const q = reslint(['--quiet', RES92]);
    assert.equal(q.code, 0);
    assert.doesNotMatch(q.out, /warning/);
  });

  it('bad arguments of every command: exit 2, one line starting "reslint:", no stack trace', () => {
    const cases: string[][] = [
      ['--format'],
      ['--max-warnings', 'many', RES92],
      ['--max-warnings', '-1', RES92],
      ['no/such/*.itures'],
      ['no-such-file.itures'],
      ['import'],
      ['import', 'missing.docx', '-o', 'out.txt'],
      ['import', 'empty.itures', '-o', 'out.txt'],
      ['export'],
      ['export', '--to', 'pdf', RES92, '-o', 'x.pdf'],
      ['export', '--to', 'docx', 'missing.itures', '-o', 'x.docx'],
      ['mod'],
      ['mod', '--base', 'missing.itures', RES92, '-o', 'x.docx'],
    ];
    for (const args of cases) {
      const r = reslint(args);
      assert.equal(r.code, 2, `${args.join(' ')}: exit ${r.code}; ${r.err}`);
      assert.equal(r.err.trim().split('\n').length, 1, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, /^reslint: /, args.join(' '));
      noStack(r.err);
    }
  });
});
