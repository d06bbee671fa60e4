/**
 * Nothing is fetched and nothing from the configuration or the workspace is executed
 * (issue 6 §3): the engine, the server's workspace and the CLI run in child processes
 * where every network call and every process spawn throws (test/hardening/no-network.cjs),
 * inside a workspace that is full of bait — a project file with URLs and a $schema,
 * JavaScript configuration files, a plugin in node_modules, scripts in package.json and
 * JavaScript in the reference folder, each of which would leave a marker file if run — and
 * they still lint Res 92 exactly as usual.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { bundle, bundleDir, cliBundle, PRELOAD, RES92_TEXT } from './bundles';
import { TestClient, pathToUri } from '../lsp/client';

const EXPECTED = ['no-space-before-punctuation@34:15'];

function baitWorkspace(root: string, marker: string): void {
  mkdirSync(path.join(root, 'refs'), { recursive: true });
  mkdirSync(path.join(root, 'node_modules', 'reslint-plugin-itu'), { recursive: true });
  const js = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, __filename);\nmodule.exports = { rules: {} };\n`;
  for (const f of ['.reslintrc.js', '.reslintrc.cjs', 'reslint.config.js', 'reslint.config.mjs', 'refs/index.js', 'refs/res.itures.js', 'node_modules/reslint-plugin-itu/index.js']) {
    writeFileSync(path.join(root, f), js);
  }
  writeFileSync(
    path.join(root, 'package.json'),
    JSON.stringify({ name: 'bait', scripts: { prelint: `node -e "require('fs').writeFileSync('${marker}', 'script')"` }, reslint: { plugins: ['itu'] } }),
  );
  writeFileSync(
    path.join(root, '.reslintrc.json'),
    JSON.stringify({
      $schema: 'https://example.invalid/reslintrc.schema.json',
      references: ['https://example.invalid/resolutions/', '//example.invalid/share', 'refs'],
      rules: { 'no-space-before-punctuation': 'warning' },
      plugins: ['itu'],
      extends: 'https://example.invalid/base.json',
    }),
  );
  // a real reference document in the folder, so that the folder is read
  writeFileSync(
    path.join(root, 'refs', 'res-18.itures'),
    'RESOLUTION 18 (Rev. Hammamet, 2016)\nPrinciples and procedures for the allocation of work to, and strengthening coordination and cooperation among, the ITU Radiocommunication Sector, the ITU Telecommunication Standardization Sector and the ITU Telecommunication Development Sector\n(Helsinki, 1993; Hammamet, 2016)\n',
  );
}

describe('hardening: offline, and nothing from the workspace is executed', function () {
  this.timeout(120000);
  let root: string;
  let marker: string;
  let netLog: string;
  const env = () => ({ ...process.env, NO_NETWORK_LOG: netLog });

  before(() => {
    root = path.join(bundleDir(), 'bait-workspace');
    marker = path.join(bundleDir(), 'EXECUTED');
    netLog = path.join(bundleDir(), 'network-attempts.log');
    baitWorkspace(root, marker);
    writeFileSync(path.join(root, 'draft.itures'), RES92_TEXT);
  });

  afterEach(() => {
    assert.equal(existsSync(marker), false, `workspace code was executed: ${existsSync(marker) ? readFileSync(marker, 'utf8') : ''}`);
    assert.equal(existsSync(netLog) ? readFileSync(netLog, 'utf8') : '', '', 'a network call or a spawn was attempted');
  });

  it('the preload does take the network and spawning away (so the checks below mean something)', () => {
    const probe = spawnSync(
      process.execPath,
      ['--require', PRELOAD, '-e', "for (const f of [() => require('https').get('https://example.invalid'), () => fetch('https://example.invalid'), () => require('dns').lookup('example.invalid', () => {}), () => require('child_process').execSync('true')]) { try { f(); console.log('allowed'); } catch (e) { console.log(e.message); } }"],
      { encoding: 'utf8', env: { ...process.env, NO_NETWORK_LOG: '' } },
    );
    assert.deepEqual(probe.stdout.trim().split('\n'), [
      'no-network preload: https.get is not allowed',
      'no-network preload: fetch is not allowed',
      'no-network preload: dns.lookup is not allowed',
      'no-network preload: child_process.execSync is not allowed',
    ]);
  });

  it('the engine and the workspace lint Res 92 as usual', async () => {
    const entry = await bundle('test/hardening/offline-entry.ts', 'offline-entry.js');
    const r = spawnSync(process.execPath, ['--require', PRELOAD, entry, path.join(root, 'draft.itures'), root], { encoding: 'utf8', env: env(), timeout: 60000 });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.engine, EXPECTED);
    assert.equal(out.fixedChanged, true);
    assert.deepEqual(out.fixedRemaining, []);
    assert.deepEqual(out.workspace, EXPECTED);
    // the URLs in the project file are read as (missing) folders, not fetched
    assert.ok(out.logs.some((l: string) => /example\.invalid/.test(l) && /not found|cannot|missing|no such/i.test(l)), out.logs.join('\n'));
  });

  it('the CLI lints Res 92 as usual, in the bait workspace and from standard input', async () => {
    const cli = await cliBundle();
    const r = spawnSync(process.execPath, ['--require', PRELOAD, cli, '--format', 'json', 'draft.itures'], { cwd: root, encoding: 'utf8', env: env(), timeout: 60000 });
    assert.equal(r.status, 0, r.stderr);
    const found = JSON.parse(r.stdout).map((f: { rule: string; line: number; column: number }) => `${f.rule}@${f.line}:${f.column}`);
    assert.deepEqual(found, EXPECTED);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    const s = spawnSync(process.execPath, ['--require', PRELOAD, cli, '-', '--stdin-filename', 'x.itures'], { cwd: root, input: RES92_TEXT, encoding: 'utf8', env: env(), timeout: 60000 });
    assert.equal(s.status, 0, s.stderr);
    assert.match(s.stdout, /^x\.itures:34:15 {2}warning/);
    const f = spawnSync(process.execPath, ['--require', PRELOAD, cli, '--fix', '-'], { cwd: root, input: RES92_TEXT, encoding: 'utf8', env: env(), timeout: 60000 });
    assert.equal(f.stdout, RES92_TEXT.replace('to encourage ,', 'to encourage,'));
  });

  it('the language server publishes Res 92 diagnostics as usual', async () => {
    const saved = process.env.NODE_OPTIONS;
    const savedLog = process.env.NO_NETWORK_LOG;
    process.env.NODE_OPTIONS = `${saved ? saved + ' ' : ''}--require ${JSON.stringify(PRELOAD)}`;
    process.env.NO_NETWORK_LOG = netLog;
    let client: TestClient | null = null;
    try {
      client = await TestClient.start({ rootPath: root });
      const uri = pathToUri(path.join(root, 'draft.itures'));
      client.open(uri, RES92_TEXT);
      const diags = await client.waitDiagnostics(uri, 1);
      assert.deepEqual(diags.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`), EXPECTED);
    } finally {
      if (saved === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved;
      if (savedLog === undefined) delete process.env.NO_NETWORK_LOG;
      else process.env.NO_NETWORK_LOG = savedLog;
      await client?.stop();
    }
  });
});
