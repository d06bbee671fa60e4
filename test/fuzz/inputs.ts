/**
 * Inputs shared by the fuzz and hardening tests: the real resolutions (Res 92 of the shared
 * corpus, the imported Res 1, and the rule fixtures with their `#>` expectation lines taken
 * out), and the mutations fast-check applies to them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { readFixture } from '../helpers/fixtures';

export const ROOT = path.join(__dirname, '..', '..');
export const RES92_PATH = path.join(ROOT, '..', 'shared', 'corpus', 'res92-hammamet-2016.txt');
export const RES1_PATH = path.join(ROOT, 'test', 'fixtures', 'res1-hammamet-2016.imported.txt');
const FIXTURE_DIR = path.join(ROOT, 'test', 'fixtures', 'rules');

export interface Base {
  name: string;
  text: string;
}

export function loadBases(): Base[] {
  const bases: Base[] = [
    { name: 'res92-hammamet-2016.txt', text: readFileSync(RES92_PATH, 'utf8') },
    { name: 'res1-hammamet-2016.imported.txt', text: readFileSync(RES1_PATH, 'utf8') },
  ];
  for (const f of readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.itures')).sort()) {
    bases.push({ name: f, text: readFixture(readFileSync(path.join(FIXTURE_DIR, f), 'utf8')).text });
  }
  return bases;
}

/** Runs and seed: fixed by default (reproducible in CI); FC_RUNS / FC_SEED override. */
export function fcParams(defaultRuns: number): { numRuns: number; seed: number } {
  const runs = process.env.FC_RUNS ? parseInt(process.env.FC_RUNS, 10) : NaN;
  const seed = process.env.FC_SEED ? parseInt(process.env.FC_SEED, 10) : NaN;
  return { numRuns: Number.isFinite(runs) && runs > 0 ? runs : defaultRuns, seed: Number.isFinite(seed) ? seed : 20161025 };
}

/**
 * Pieces that make the parser and the rules take their less travelled paths: Word's traces
 * (bookmarks, footnote markers and bodies, reslint comments), non-breaking spaces and
 * hyphens, soft hyphens, BOMs, brackets, labels, calls, line breaks of every kind, lone
 * surrogates and astral characters.
 */
export const TOKENS: string[] = [
  '\u00a0',
  '\u202f',
  '\u2011',
  '\u2010',
  '\u00ad',
  '\ufeff',
  '\t',
  ' ',
  '  ',
  '[',
  ']',
  '(',
  ')',
  '<',
  '<!--',
  '-->',
  '<!-- reslint-disable-line -->',
  '<!-- reslint-disable-next-line clause-ending -->',
  '<!-- reslint-disable -->',
  '<!-- reslint-enable no-double-space -->',
  '[bookmark:',
  '[bookmark: _Toc1]',
  '[footnoteRef:1]',
  '[footnoteRef:12]bis',
  '[footnoteRef:',
  '[1: 1\tThese include the least developed countries',
  '[2: ',
  '\r',
  '\r\n',
  '\n',
  '\n\n',
  '\ud800',
  '\udc00',
  '\u{1F600}',
  'e\u0301',
  'a)',
  'b bis)',
  'z)',
  '1\t',
  '1.1\t',
  '99',
  '-\t',
  '\u2013 ',
  'considering',
  'resolves',
  'resolves to instruct',
  'instructs the Director of the Telecommunication Standardization Bureau',
  'further resolves',
  'noting also',
  'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
  'RESOLUTION 92 (Rev. Hammamet, 2016)',
  '(Dubai, 2012; Hammamet, 2016)',
  'ANNEX',
  'ADD\tAPT/42A10/1',
  'MOD\t',
  'Reasons:',
  'Resolution 1 (Rev. Dubai, 2012)',
  'Recommendation ITU-T Y.2060',
  'Study Group 13',
  'ITU-T',
  'ITU Telecommunication Standardization Sector (ITU-T)',
  'developing countries',
  ' ,',
  ';',
  '.',
  ',',
  ':',
];

/** One edit applied to a text; positions are taken modulo the text's length when applied. */
export type Mutation =
  | { op: 'insert'; at: number; s: string }
  | { op: 'delete'; at: number; len: number }
  | { op: 'insertLine'; at: number; s: string }
  | { op: 'deleteLine'; at: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'longLine'; at: number; unit: string; times: number }
  | { op: 'truncate'; at: number };

const tokenArb = fc.constantFrom(...TOKENS);
/** short random text: printable ASCII, the special tokens, and any UTF-16 unit */
export const snippetArb = fc.oneof(
  { weight: 3, arbitrary: tokenArb },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.array(tokenArb, { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: snippetArb }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('insertLine' as const), at: fc.nat(), s: snippetArb }),
  fc.record({ op: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    op: fc.constant('longLine' as const),
    at: fc.nat(),
    unit: fc.oneof(tokenArb, fc.constantFrom('x', 'a) ', '(', '[', '\u00a0', 'ITU-T ', 'the ', '1 ')),
    times: fc.integer({ min: 200, max: 4000 }),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

export function applyMutation(text: string, m: Mutation): string {
  const n = text.length;
  const off = (x: number) => (n === 0 ? 0 : x % (n + 1));
  switch (m.op) {
    case 'insert': {
      const p = off(m.at);
      return text.slice(0, p) + m.s + text.slice(p);
    }
    case 'delete': {
      const p = off(m.at);
      return text.slice(0, p) + text.slice(p + m.len);
    }
    case 'truncate':
      return text.slice(0, off(m.at));
    case 'longLine': {
      const p = off(m.at);
      return text.slice(0, p) + m.unit.repeat(m.times) + text.slice(p);
    }
    default: {
      const lines = text.split('\n');
      const k = (x: number) => x % lines.length;
      if (m.op === 'insertLine') lines.splice(k(m.at), 0, m.s);
      else if (m.op === 'deleteLine') lines.splice(k(m.at), 1);
      else if (m.op === 'swapLines') {
        const a = k(m.a);
        const b = k(m.b);
        [lines[a], lines[b]] = [lines[b], lines[a]];
      } else if (m.op === 'duplicate') {
        const a = k(m.at);
        const block = lines.slice(a, a + m.count);
        lines.splice(a, 0, ...block);
      }
      return lines.join('\n');
    }
  }
}

export function mutate(text: string, ms: Mutation[]): string {
  return ms.reduce(applyMutation, text);
}
