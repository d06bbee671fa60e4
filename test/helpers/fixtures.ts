/**
 * Fixture files with the expected findings written next to the lines that cause them
 * (the markdownlint way). A line `#> rule-id` or `#> rule-id: message fragment` states a
 * finding on the nearest line above it that is not an expectation. `#> rule-id @12` also
 * pins the 1-based column. The expectation lines are removed before linting, so they
 * never change what is checked.
 *
 * A line `#! references: FILE …` (anywhere; removed too) lints the fixture against the
 * built-in data extended by those reference documents, as the server and the CLI do: each
 * FILE is relative to the fixture's folder, or `corpus/NAME` for the shared corpus.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strict as assert } from 'node:assert';
import { lintText } from '../../server/src/engine';
import { parse } from '../../server/src/parser/parse';
import { loadReferenceData, type ReferenceData } from '../../server/src/data/reference';
import { extractResolutions, type IndexedResolution } from '../../server/src/references/extract';
import { buildExtension } from '../../server/src/references/merge';
import type { Finding } from '../../server/src/rules/types';
import type { LintOptions } from '../../server/src/engine/lint';

export interface Expectation {
  line: number; // 0-based line in the cleaned text
  rule: string;
  message?: string;
  column?: number;
}

const EXPECT_RE = /^\s*#>\s*([a-z0-9-]+)(?:\s+@(\d+))?(?::\s*(.*))?$/;
const REFERENCES_RE = /^\s*#!\s*references:\s*(.*)$/;
const CORPUS = path.join(__dirname, '..', '..', '..', 'shared', 'corpus');

export function readFixture(text: string): { text: string; expected: Expectation[]; references: string[] } {
  const out: string[] = [];
  const expected: Expectation[] = [];
  const references: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const r = REFERENCES_RE.exec(line);
    if (r) {
      references.push(...r[1].split(/\s+/).filter(Boolean));
      continue;
    }
    const m = EXPECT_RE.exec(line);
    if (m) {
      assert.ok(out.length > 0, `expectation "${line}" has no line above it`);
      expected.push({ line: out.length - 1, rule: m[1], column: m[2] ? parseInt(m[2], 10) : undefined, message: m[3]?.trim() || undefined });
    } else out.push(line);
  }
  return { text: out.join('\n'), expected, references };
}

/** The built-in data extended by reference documents (paths as in a `#! references:` line). */
export function dataWithReferences(files: readonly string[], dir: string): ReferenceData {
  const base = loadReferenceData();
  if (!files.length) return base;
  const found: IndexedResolution[] = [];
  for (const f of files) {
    const file = f.startsWith('corpus/') ? path.join(CORPUS, f.slice('corpus/'.length)) : path.resolve(dir, f);
    found.push(...extractResolutions(parse(readFileSync(file, 'utf8')), pathToFileURL(file).href, base, { allowNewMeetings: true }));
  }
  assert.ok(found.length, `no resolution in the reference documents ${files.join(', ')}`);
  return base.extend(buildExtension(base, found));
}

/** Lints a fixture file and checks that its findings are exactly the expected ones (for the rules given, or all). */
export function checkFixture(file: string, opts: { rules?: string[]; lint?: LintOptions } = {}): Finding[] {
  const { text, expected, references } = readFixture(readFileSync(file, 'utf8'));
  const lint = references.length ? { ...opts.lint, data: dataWithReferences(references, path.dirname(file)) } : opts.lint;
  let findings = lintText(text, lint).findings;
  if (opts.rules) findings = findings.filter((f) => opts.rules!.includes(f.rule));
  const lines = text.split('\n');
  const show = (f: { line: number; rule: string; message?: string }) => `${f.line + 1}: ${f.rule}${f.message ? ': ' + f.message : ''}  | ${lines[f.line]?.slice(0, 70)}`;
  const unmatched = [...findings];
  const missing: Expectation[] = [];
  for (const e of expected) {
    const i = unmatched.findIndex(
      (f) =>
        f.rule === e.rule &&
        f.range.start.line === e.line &&
        (e.column === undefined || f.range.start.character + 1 === e.column) &&
        (e.message === undefined || f.message.toLowerCase().includes(e.message.toLowerCase())),
    );
    if (i < 0) missing.push(e);
    else unmatched.splice(i, 1);
  }
  const problems: string[] = [];
  for (const m of missing) problems.push(`expected but not reported: ${show(m)}`);
  for (const f of unmatched) problems.push(`reported but not expected: ${show({ line: f.range.start.line, rule: f.rule, message: f.message })}`);
  assert.ok(problems.length === 0, `${file}\n  ${problems.join('\n  ')}`);
  return findings;
}
