// Packages the extension into a .vsix with @vscode/vsce (offline) and checks
// what went in. Expects the bundles to be built already (`npm run package`
// runs `npm run build` first).
//
//   node scripts/e2e/package-vsix.mjs [--out dist/itu-resolution.vsix]
//
// Prints the size of the .vsix and of each dist/*.js bundle, and fails when the
// .vsix holds a file outside the allow-list below (sources, tests, node_modules…)
// or lacks one the extension needs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const out = resolve(ROOT, outIdx >= 0 ? args[outIdx + 1] : 'dist/itu-resolution.vsix');

// Files inside the .vsix (paths as vsce stores them).
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/,
  /^extension\/changelog\.md$/,
  /^extension\/LICENSE(\.txt)?$/,
  /^extension\/dist\/[^/]+\.js$/,
  /^extension\/syntaxes\/[^/]+\.json$/,
  /^extension\/snippets\/[^/]+\.code-snippets$/,
  /^extension\/language-configuration\.json$/,
  /^extension\/schemas\/[^/]+\.json$/,
  /^extension\/images\/icon\.png$/,
  /^extension\/images\/screenshots\/[^/]+\.png$/,
];

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const fail = (msg) => { console.error(`package-vsix: ${msg}`); process.exit(1); };

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
// Everything package.json points at must be packaged.
const required = new Set(['extension/package.json', 'extension/readme.md', 'extension/changelog.md']);
const addRef = (p) => { if (p) required.add('extension/' + p.replace(/^\.\//, '')); };
addRef(pkg.main);
// The client starts the language server and forks the CLI for Word import and export.
addRef('dist/server.js');
addRef('dist/cli.js');
addRef('LICENSE');
addRef(pkg.icon);
const c = pkg.contributes ?? {};
for (const l of c.languages ?? []) addRef(l.configuration);
for (const g of c.grammars ?? []) addRef(g.path);
for (const s of c.snippets ?? []) addRef(s.path);
for (const j of c.jsonValidation ?? []) if (!/^https?:/.test(j.url)) addRef(j.url);

for (const r of required) {
  const p = join(ROOT, r.replace(/^extension\//, ''));
  if (!/readme\.md$|changelog\.md$/.test(r) && !existsSync(p)) {
    fail(`${relative(ROOT, p)} is missing (the extension needs it)${r.endsWith('.js') ? '; run `npm run build` first' : ''}`);
  }
}

mkdirSync(dirname(out), { recursive: true });
const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const res = spawnSync(process.execPath, [
  vsce, 'package',
  '--no-dependencies',            // the bundles carry their dependencies
  '--allow-missing-repository',   // the project has no public repository URL yet
  '--readme-path', 'docs/marketplace/README.md',
  '--changelog-path', 'CHANGELOG.md',
  '--no-rewrite-relative-links',
  '-o', out,
], { cwd: ROOT, stdio: 'inherit' });
if (res.status !== 0) fail(`vsce package failed (exit ${res.status})`);

const zip = await JSZip.loadAsync(readFileSync(out));
const entries = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
const unexpected = entries.filter((e) => !ALLOWED.some((re) => re.test(e)));
// vsce stores LICENSE as LICENSE.txt
const missing = [...required].filter((r) => !entries.includes(r) && !(r === 'extension/LICENSE' && entries.includes('extension/LICENSE.txt')));

console.log(`\n${relative(ROOT, out)}: ${kib(statSync(out).size)}, ${entries.length} files`);
const distDir = join(ROOT, 'dist');
for (const f of readdirSync(distDir).filter((f) => f.endsWith('.js')).sort()) {
  console.log(`  dist/${f}: ${kib(statSync(join(distDir, f)).size)}`);
}
if (unexpected.length) fail(`unexpected files in the .vsix (fix .vscodeignore):\n  ${unexpected.join('\n  ')}`);
if (missing.length) fail(`files missing from the .vsix:\n  ${missing.join('\n  ')}`);
