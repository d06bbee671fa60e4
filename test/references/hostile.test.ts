/**
 * A reference folder may hold anything: these tests fill one with what a careless or
 * hostile folder can contain and check that each bad entry is skipped with one log line,
 * that the rest is still indexed, that nothing hangs, and that nothing is fetched or run.
 */
import { strict as assert } from 'node:assert';
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { ReferenceIndex } from '../../server/src/references/indexer';
import { NODE_FS } from '../../server/src/references/files';
import { tmpDir, until } from './helpers';
import { RES_92_HAMMAMET_2016, RES_999 } from './texts';

const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

function hasMkfifo(): boolean {
  try {
    childProcess.execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The log lines that mention a path. */
function linesAbout(logs: string[], p: string): string[] {
  return logs.filter((l) => l.includes(`skipped ${p}:`));
}

describe('references: a hostile folder', function () {
  this.timeout(20000);
  let dir: string;
  let outside: string;
  const logs: string[] = [];
  let unreadable: string;
  let fifo: string | null = null;

  before(() => {
    dir = tmpDir('hostile');
    outside = tmpDir('outside');
    // what must still be indexed
    fs.writeFileSync(path.join(dir, 'good.itures'), RES_999);
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'res92.txt'), RES_92_HAMMAMET_2016);
    // Word's "Unicode text" export: UTF-16 with a byte order mark (NUL bytes, but not binary)
    fs.writeFileSync(path.join(dir, 'sub', 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RES_999.replace(/999/g, '997'), 'utf16le')]));

    // symbolic-link loops: a folder link to its own parent, and a file link to itself
    fs.symlinkSync('..', path.join(dir, 'sub', 'loop'));
    fs.symlinkSync('self.txt', path.join(dir, 'self.txt'));
    fs.symlinkSync('ping.itures', path.join(dir, 'pong.itures'));
    fs.symlinkSync('pong.itures', path.join(dir, 'ping.itures'));
    // links out of the folder
    fs.writeFileSync(path.join(outside, 'res.itures'), RES_999.replace(/999/g, '996'));
    fs.symlinkSync(outside, path.join(dir, 'elsewhere'));
    fs.symlinkSync(path.join(outside, 'res.itures'), path.join(dir, 'outside-file.itures'));
    // a broken link
    fs.symlinkSync(path.join(dir, 'gone.itures'), path.join(dir, 'broken.itures'));
    // binary content with a resolution in it
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.concat([Buffer.from('Resolution 995 (Hammamet, 2016)\n'), Buffer.from([0, 1, 2, 0, 255])]));
    // a huge file: sparse, 6 MB, starting with a real resolution
    const huge = path.join(dir, 'huge.itures');
    fs.writeFileSync(huge, RES_999.replace(/999/g, '998'));
    fs.truncateSync(huge, 6 * 1024 * 1024);
    // an unreadable file
    unreadable = path.join(dir, 'unreadable.itures');
    fs.writeFileSync(unreadable, RES_999.replace(/999/g, '994'));
    fs.chmodSync(unreadable, 0o000);
    // a named pipe: reading it would block for ever
    if (hasMkfifo()) {
      fifo = path.join(dir, 'pipe.txt');
      childProcess.execFileSync('mkfifo', [fifo]);
    }
  });

  after(() => {
    fs.chmodSync(unreadable, 0o644);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  /**
   * As root (CI and this machine), chmod 000 does not stop a read: the kernel lets root
   * read any file. Then the indexer's file-system layer is told to fail on that file with
   * the error a normal user gets (EACCES), so the same skipping code runs. As another
   * user the real permission error is used.
   */
  function fsForTest() {
    if (!IS_ROOT) return {};
    return {
      readBounded: async (p: string, max: number) => {
        if (p === unreadable) throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' });
        return NODE_FS.readBounded(p, max);
      },
    };
  }

  it(`skips each bad entry with one log line and indexes the rest${IS_ROOT ? ' (running as root: the unreadable file is simulated)' : ''}`, async () => {
    logs.length = 0;
    const idx = new ReferenceIndex({ watch: false, log: (m) => logs.push(m), fs: fsForTest() });
    idx.ensure([dir]);
    await idx.whenIdle();
    const data = idx.dataFor([dir]);
    const known = (n: string) => !!data.resolution('WTSA', 'Resolution', n);
    assert.ok(known('999'), logs.join('\n'));
    assert.ok(known('92'));
    assert.ok(known('997'), 'UTF-16 with a byte order mark is read');
    for (const n of ['998', '996', '995', '994']) assert.ok(!known(n), `Resolution ${n} must not be indexed`);

    const real = fs.realpathSync(dir);
    const expect: [string, RegExp][] = [
      [path.join(real, 'sub', 'loop'), /symbolic link loop/],
      [path.join(real, 'self.txt'), /symbolic link loop/],
      [path.join(real, 'ping.itures'), /symbolic link loop/],
      [path.join(real, 'pong.itures'), /symbolic link loop/],
      [path.join(real, 'elsewhere'), /outside the reference folder/],
      [path.join(real, 'outside-file.itures'), /outside the reference folder/],
      [path.join(real, 'broken.itures'), /not found/],
      [path.join(real, 'binary.txt'), /binary file/],
      [path.join(real, 'huge.itures'), /larger than 5 MB/],
      [path.join(real, 'unreadable.itures'), /permission denied/],
    ];
    if (fifo) expect.push([path.join(real, 'pipe.txt'), /not a regular file/]);
    for (const [p, reason] of expect) {
      const lines = linesAbout(logs, p);
      assert.equal(lines.length, 1, `one log line for ${p}:\n${logs.join('\n')}`);
      assert.match(lines[0], reason);
    }
    idx.dispose();
  });

  it('does not log the same skipped entries again when it re-indexes', async () => {
    logs.length = 0;
    const idx = new ReferenceIndex({ debounceMs: 20, log: (m) => logs.push(m), fs: fsForTest() });
    idx.ensure([dir]);
    await idx.whenIdle();
    const first = logs.filter((l) => l.includes('skipped')).length;
    assert.ok(first >= 10);
    fs.writeFileSync(path.join(dir, 'good.itures'), RES_999.replace('Keeping national', 'Keeping all national'));
    await until('the re-index', () => /all national/.test(idx.dataFor([dir]).resolution('WTSA', 'Resolution', '999')?.title ?? ''));
    await idx.whenIdle();
    assert.equal(logs.filter((l) => l.includes('skipped')).length, first);
    idx.dispose();
    fs.writeFileSync(path.join(dir, 'good.itures'), RES_999);
  });

  it('stops at the depth and file-count limits, with a log line', async () => {
    const deep = tmpDir('deep');
    let d = deep;
    for (let i = 0; i < 5; i++) {
      d = path.join(d, `level${i}`);
      fs.mkdirSync(d);
      fs.writeFileSync(path.join(d, `res${i}.itures`), RES_999.replace(/999/g, String(990 + i)));
    }
    const out: string[] = [];
    const idx = new ReferenceIndex({ watch: false, log: (m) => out.push(m), limits: { maxDepth: 3, maxFiles: 2 } });
    idx.ensure([deep]);
    await idx.whenIdle();
    const data = idx.dataFor([deep]);
    assert.deepEqual(
      [990, 991, 992, 993, 994].map((n) => !!data.resolution('WTSA', 'Resolution', String(n))),
      [true, true, false, false, false],
    );
    assert.ok(out.some((l) => /nested deeper than 3 folders/.test(l)), out.join('\n'));
    assert.ok(out.some((l) => /more than 2 reference files/.test(l)), out.join('\n'));
    idx.dispose();
    fs.rmSync(deep, { recursive: true, force: true });
  });

  it('fetches nothing and runs nothing while indexing and watching', async () => {
    // the modules themselves (not an import's read-only namespace view), so the traps are seen by every user
    const req = createRequire(__filename);
    const [http, https, net, tls, dns, cp] = ['http', 'https', 'net', 'tls', 'dns', 'child_process'].map((m) => req(`node:${m}`));
    const calls: string[] = [];
    const patches: [object, string, unknown][] = [];
    const trap = (obj: object, name: string, label: string) => {
      patches.push([obj, name, (obj as Record<string, unknown>)[name]]);
      (obj as Record<string, unknown>)[name] = (..._args: unknown[]) => {
        calls.push(label);
        throw new Error(`${label} called by the indexer`);
      };
    };
    trap(http, 'request', 'http.request');
    trap(http, 'get', 'http.get');
    trap(https, 'request', 'https.request');
    trap(https, 'get', 'https.get');
    trap(net, 'connect', 'net.connect');
    trap(net, 'createConnection', 'net.createConnection');
    trap(net.Socket.prototype, 'connect', 'Socket.connect');
    trap(tls, 'connect', 'tls.connect');
    trap(dns, 'lookup', 'dns.lookup');
    trap(dns.promises, 'lookup', 'dns.promises.lookup');
    trap(cp, 'spawn', 'child_process.spawn');
    trap(cp, 'exec', 'child_process.exec');
    trap(cp, 'execFile', 'child_process.execFile');
    trap(cp, 'fork', 'child_process.fork');
    trap(globalThis, 'fetch', 'fetch');
    try {
      const idx = new ReferenceIndex({ debounceMs: 20, fs: fsForTest() });
      idx.ensure([dir]);
      await idx.whenIdle();
      fs.writeFileSync(path.join(dir, 'sub', 'new.itures'), RES_92_HAMMAMET_2016.replace(/92/g, '93'));
      await until('the watcher', () => !!idx.dataFor([dir]).resolution('WTSA', 'Resolution', '93'));
      idx.dispose();
    } finally {
      for (const [obj, name, orig] of patches) (obj as Record<string, unknown>)[name] = orig;
      fs.rmSync(path.join(dir, 'sub', 'new.itures'), { force: true });
    }
    assert.deepEqual(calls, []);
  });

  it('imports no network or process module anywhere in what it loads', () => {
    // every module reachable from the indexer and the definition feature, by their imports,
    // and from the Word import the indexer runs in a thread (its own bundle, not imported)
    const SRC = path.join(__dirname, '..', '..', 'server', 'src');
    // the one thread the indexer may start: the Word import, a fixed file next to the bundle
    const docx = path.join(SRC, 'references', 'docx.ts');
    const docxWorker = path.join(SRC, 'word', 'docxText.ts');
    const start = [path.join(SRC, 'references', 'indexer.ts'), path.join(SRC, 'features', 'citationDefinition.ts'), docxWorker];
    const seen = new Set<string>();
    const builtins = new Set<string>();
    const queue = [...start];
    while (queue.length) {
      const f = queue.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      const text = fs.readFileSync(f, 'utf8');
      assert.doesNotMatch(text, /\beval\s*\(|new Function\s*\(|\bfetch\s*\(/, f);
      for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+'([^']+)'|require\('([^']+)'\)/g)) {
        const spec = m[1] ?? m[2];
        if (spec.startsWith('.')) {
          const p = path.resolve(path.dirname(f), spec);
          if (p.endsWith('.json')) continue;
          for (const cand of [`${p}.ts`, path.join(p, 'index.ts')]) if (fs.existsSync(cand)) queue.push(cand);
        } else if (!((f === docx || f === docxWorker) && spec === 'node:worker_threads')) builtins.add(spec.replace(/^node:/, ''));
      }
    }
    assert.ok(seen.size > 5);
    assert.ok(seen.has(docx) && seen.has(docxWorker));
    // …and it runs only that file: no path from a reference folder ever reaches `new Worker`
    const docxText = fs.readFileSync(docx, 'utf8');
    assert.deepEqual([...docxText.matchAll(/new Worker\(([^,)]+)/g)].map((m) => m[1]), ['file']);
    assert.match(docxText, /const file = path\.join\(dir, 'docxText\.js'\);/);
    const forbidden = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process', 'cluster', 'worker_threads', 'vm', 'inspector'];
    assert.deepEqual([...builtins].filter((b) => forbidden.includes(b)), [], [...builtins].join(', '));
  });
});
