/**
 * Bundles of the CLI and of small entry scripts, built from the sources once per test run
 * into a temporary folder, so that child processes run plain Node (no loader that would
 * itself need to spawn a compiler) — as the shipped dist/ files do.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { mkdtempSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { nodeBundle } from '../../scripts/esbuildOptions';

export const ROOT = path.join(__dirname, '..', '..');
export const RES92 = path.join(ROOT, '..', 'shared', 'corpus', 'res92-hammamet-2016.txt');
export const RES92_TEXT = readFileSync(RES92, 'utf8');
export const PRELOAD = path.join(__dirname, 'no-network.cjs');

let dir: string | null = null;
const built = new Map<string, Promise<string>>();

export function bundleDir(): string {
  dir ??= mkdtempSync(path.join(os.tmpdir(), 'reslint-hardening-'));
  return dir;
}

/** Bundles `entry` (a path under the repository) into the temporary folder; returns the bundle's path. */
export function bundle(entry: string, name: string): Promise<string> {
  let p = built.get(entry);
  if (!p) {
    p = (async () => {
      const out = path.join(bundleDir(), name);
      await build({ ...nodeBundle, entryPoints: [path.join(ROOT, entry)], outfile: out, sourcemap: 'inline', logLevel: 'error' });
      return out;
    })();
    built.set(entry, p);
  }
  return p;
}

export const cliBundle = () => bundle('server/src/cli/main.ts', 'cli.js');
