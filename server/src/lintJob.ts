/**
 * One lint of one document version, as the lint worker (lintWorker.ts) runs it for large
 * documents, and the rule sets both the worker and the main thread choose from.
 *
 * - `full`: every registered rule.
 * - `structural`: only the cheap rules that check the skeleton of a resolution (rules
 *   tagged structure, labels, calls, punctuation or references); used above the
 *   `itu-resolution.maxFullCheckSize` setting.
 *
 * Test hook: when the server starts with the environment variable
 * RESLINT_TEST_THROWING_RULE set to exactly `1`, one extra rule (`test-throwing-rule`)
 * is added that reports a finding and then throws. Nothing else enables it; the LSP
 * tests use it to check that a failing rule is contained.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Config } from './engine/config';
import { lintFindings } from './engine';
import { loadReferenceData, type ReferenceData, type ReferenceExtension } from './data/reference';
import { RULES } from './rules';
import type { Finding, Rule } from './rules/types';

export type LintMode = 'full' | 'structural';

/**
 * Heap limits of a lint worker thread. A worker's young generation is small by default, and
 * a lint allocates a model and its analyses that mostly survive: with a young generation of
 * 192 MB (64 MB semi-spaces, what --max-semi-space-size=64 gives a process) a 4 MB lint took
 * about 40% less CPU time (npm run bench runs its pieces in such workers).
 */
export const LINT_WORKER_LIMITS = { maxYoungGenerationSizeMb: 192 } as const;

/**
 * The lint worker's file next to the running bundle (dist/lintWorker.js), or null when
 * running from sources (the pools then lint on the calling thread).
 */
export function lintWorkerFile(): string | null {
  const f = path.join(__dirname, 'lintWorker.js');
  return existsSync(f) ? f : null;
}

/** Tags of the rules that still run on documents too large for the full set of checks. */
export const STRUCTURAL_TAGS: readonly string[] = ['structure', 'labels', 'calls', 'punctuation', 'references'];

export const TEST_THROWING_RULE_ENV = 'RESLINT_TEST_THROWING_RULE';
export const TEST_THROWING_RULE_ID = 'test-throwing-rule';

/** Read once, when the module loads (server or worker start). */
const testThrowingRuleEnabled = process.env[TEST_THROWING_RULE_ENV] === '1';

const testThrowingRule: Rule = {
  id: TEST_THROWING_RULE_ID,
  description: 'Test only: reports a finding, then throws.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: false,
  check(ctx) {
    ctx.report({
      message: 'this finding of a rule that throws must be dropped',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    });
    throw new Error(`${TEST_THROWING_RULE_ID} throws on purpose (${TEST_THROWING_RULE_ENV}=1)`);
  },
};

/** The rules to run in a mode (the registry is read at each call). */
export function lintRules(mode: LintMode): Rule[] {
  const base = mode === 'full' ? RULES : RULES.filter((r) => r.tags.some((t) => STRUCTURAL_TAGS.includes(t)));
  return testThrowingRuleEnabled ? [...base, testThrowingRule] : base;
}

/**
 * What the main thread sends to the worker, as plain data (structured clone): this header,
 * then the text in parts (lines with their terminators, a few hundred kB at a time, so that
 * no single copy stalls the main thread), then `run`.
 */
export interface LintRequest {
  type: 'lint';
  id: number;
  uri: string;
  version: number;
  mode: LintMode;
  config: Config;
  /** what the user's reference documents and the open documents add to the built-in data; null: nothing */
  extension: ReferenceExtension | null;
  /** the line number of the text's first line: a piece of a longer text (piecePool.ts); default 0 */
  firstLine?: number;
}

export interface LintPart {
  type: 'part';
  id: number;
  lines: string[];
}

export interface LintRun {
  type: 'run';
  id: number;
}

/** A lint to run: the request and the document's lines (as LineDocument.snapshot gives them). */
export interface LintJob {
  request: LintRequest;
  lines: readonly string[];
}

export interface RuleFailure {
  rule: string;
  message: string;
}

export interface LintResult {
  type: 'result';
  id: number;
  uri: string;
  version: number;
  findings: Finding[];
  ruleErrors: RuleFailure[];
}

export interface LintFailure {
  type: 'failed';
  id: number;
  message: string;
}

let dataCache: { key: string; data: ReferenceData } | null = null;

function dataFor(extension: ReferenceExtension | null): ReferenceData {
  const base = loadReferenceData();
  if (!extension) return base;
  const key = JSON.stringify(extension);
  if (dataCache?.key !== key) dataCache = { key, data: base.extend(extension) };
  return dataCache.data;
}

/** True when an extension adds nothing to the built-in data. */
export function isEmptyExtension(ext: ReferenceExtension): boolean {
  return !ext.meetings?.length && !ext.resolutions?.length && !ext.recommendations?.length && !ext.outlines?.length;
}

/**
 * Lints a text (starting at line `firstLine` of its document) with a mode's rules, a long
 * one a few resolutions at a time (engine lintFindings); a rule that throws is recorded
 * once, its findings for the whole text dropped. The worker's job and the piece a PiecePool
 * lints on its own thread both run this.
 */
export function lintWithMode(
  text: string,
  firstLine: number,
  config: Config,
  data: ReferenceData,
  mode: LintMode,
): { findings: Finding[]; ruleErrors: RuleFailure[] } {
  const ruleErrors: RuleFailure[] = [];
  const findings = lintFindings(text, {
    firstLine,
    config,
    data,
    rules: lintRules(mode),
    onRuleError: (rule, e) => void ruleErrors.push({ rule: rule.id, message: (e as Error)?.stack ?? String(e) }),
  });
  return { findings, ruleErrors };
}

/** Parses and lints one document version (runs in the worker; usable anywhere). */
export function runLintJob(req: LintRequest, text: string): LintResult {
  const r = lintWithMode(text, req.firstLine ?? 0, req.config, dataFor(req.extension), req.mode);
  return { type: 'result', id: req.id, uri: req.uri, version: req.version, ...r };
}
