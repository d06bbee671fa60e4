/**
 * Every snippet, expanded with its default values, lints clean: whole-resolution snippets on
 * their own, call snippets inserted as a section of a clean resolution, citation snippets
 * inserted as a clause under noting.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/engine';
import { expandSnippet } from './expand';

const ROOT = path.join(__dirname, '..', '..');
const snippets: Record<string, { prefix: string | string[]; body: string | string[] }> = JSON.parse(readFileSync(path.join(ROOT, 'snippets', 'itu-resolution.code-snippets'), 'utf8'));
const HOST = readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'valid.itures'), 'utf8');

function serious(text: string): string[] {
  return lintText(text)
    .findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.range.start.line + 1}: ${f.rule}: ${f.message}  | ${text.split('\n')[f.range.start.line]}`);
}

function insertSection(expansion: string, preambular: boolean): string {
  const lines = HOST.split('\n');
  // preambular sections go before `resolves to invite`, operative ones before the last call (`invites …`)
  const at = preambular ? lines.findIndex((l) => l.startsWith('resolves to invite')) : lines.findIndex((l) => l.startsWith('invites Member States'));
  const body = expansion.replace(/\n+$/, '').split('\n');
  return [...lines.slice(0, at), ...body, ...lines.slice(at)].join('\n');
}

describe('snippets lint clean when expanded with their defaults', () => {
  for (const [name, s] of Object.entries(snippets)) {
    const prefix = Array.isArray(s.prefix) ? s.prefix[0] : s.prefix;
    it(`${prefix} (${name})`, () => {
      const text = expandSnippet(s.body);
      let doc: string;
      if (prefix.startsWith('res-') || prefix.startsWith('prop-')) doc = text;
      else if (prefix.startsWith('call-')) doc = insertSection(text, !/^Operative/.test(name));
      else if (prefix.startsWith('cite-')) doc = HOST.replace('noting\na)\t', `noting\na)\t${text}, and `);
      else throw new Error(`no way to test snippet ${prefix}`);
      assert.deepEqual(serious(doc), [], doc);
    });
  }
});
