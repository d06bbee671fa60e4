/**
 * Real resolution text for tests and the benchmark: Res 92 from the shared corpus, Res 1 as
 * imported from Word, and the rule fixtures without their expected-finding lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

export function realTexts(): string[] {
  const texts = [readFileSync(path.join(ROOT, '..', 'shared', 'corpus', 'res92-hammamet-2016.txt'), 'utf8'), readFileSync(path.join(ROOT, 'test', 'fixtures', 'res1-hammamet-2016.imported.txt'), 'utf8')];
  const fx = path.join(ROOT, 'test', 'fixtures', 'rules');
  for (const f of readdirSync(fx).filter((f) => f.endsWith('.itures')).sort()) {
    texts.push(
      readFileSync(path.join(fx, f), 'utf8')
        .split('\n')
        .filter((l) => !/^\s*#[>!]/.test(l))
        .join('\n'),
    );
  }
  return texts;
}
