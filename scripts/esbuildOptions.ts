/** esbuild options shared by the build and by the tests that bundle the server or the CLI. */
import type { BuildOptions } from 'esbuild';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The package's version, which `reslint --version` and its SARIF logs print. */
const VERSION: string = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version;

export const nodeBundle: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD build hides its modules from the bundler: take ES module builds
  mainFields: ['module', 'main'],
  // ES modules bundled into CommonJS may read import.meta.url
  define: { 'import.meta.url': '__importMetaUrl', __VERSION__: JSON.stringify(VERSION) },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};
