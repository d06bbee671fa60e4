// Bundles the client, the language server and the CLI with esbuild.
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { nodeBundle } from './esbuildOptions';

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  // lints large documents off the server's main thread; loaded from next to dist/server.js
  { entryPoints: ['server/src/lintWorker.ts'], outfile: 'dist/lintWorker.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  // the Word import for Word reference documents, required by the server and the CLI when a
  // reference folder holds a .docx (references/docx.ts); kept out of server.js
  { entryPoints: ['server/src/word/docxText.ts'], outfile: 'dist/docxText.js' },
];

async function main(): Promise<void> {
  const minify = !process.argv.includes('--no-minify');
  await Promise.all(entries.map((e) => build({ ...nodeBundle, ...e, minify, sourcemap: true })));
  for (const e of entries) console.log(`${e.outfile} ${(statSync(e.outfile).size / 1024).toFixed(0)} KiB`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
