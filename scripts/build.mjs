// Bundles the client, the language server and the CLI with esbuild.
import { build } from 'esbuild';
import { statSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: !process.argv.includes('--no-minify'),
  logLevel: 'warning',
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
];

await Promise.all(entries.map((e) => build({ ...common, ...e })));
if (!watch) {
  for (const e of entries) {
    const kb = (statSync(e.outfile).size / 1024).toFixed(0);
    console.log(`${e.outfile} ${kb} KiB`);
  }
}
