/**
 * The engine: model → findings. Runs every enabled rule over one parsed document, applies
 * severities from the configuration and the inline `reslint-disable` directives, and keeps
 * going when a rule throws.
 */
import { Analysis } from '../analyzer/analysis';
import type { ResDocument } from '../model/types';
import { RULES } from '../rules';
import type { Finding, Report, Rule, RuleContext, Severity } from '../rules/types';
import { defaultConfig, effectiveSeverity, type Config } from './config';
import { loadReferenceData, type ReferenceData } from '../data/reference';
import { anchorShape } from '../util/shapes';
import { emptyDocument } from '../model/document';

export interface LintOptions {
  config?: Config;
  data?: ReferenceData;
  rules?: Rule[];
  /** called once per rule that throws; its findings for this document are dropped */
  onRuleError?: (rule: Rule, error: unknown) => void;
  /** reuse an analysis already made for this document */
  analysis?: Analysis;
}

export function lintDocument(doc: ResDocument, options: LintOptions = {}): Finding[] {
  const config = options.config ?? defaultConfig();
  const data = options.data ?? loadReferenceData();
  const analysis = options.analysis ?? new Analysis(doc);
  const findings: Finding[] = [];
  // the shape of a rule's context, anchored with this data and an empty document (util/shapes.ts)
  anchorShape('lint.Context', () => new Context(emptyDocument(), new Analysis(emptyDocument()), data, undefined, '', 'hint'));
  // most lints run with no rule settings at all: then every rule has its default severity
  // and no options, without a lookup per rule (a folder of small files makes many lints)
  const configured = hasRuleSettings(config);
  for (const rule of options.rules ?? RULES) {
    const severity = configured ? effectiveSeverity(config, rule.id, rule.defaultSeverity) : rule.defaultSeverity;
    if (severity === 'off') continue;
    const ctx = new Context(doc, analysis, data, configured ? ruleOptions(config, rule.id) : undefined, rule.id, severity);
    try {
      rule.check(ctx);
      for (const f of ctx.own) findings.push(f);
    } catch (e) {
      options.onRuleError?.(rule, e);
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return applyDirectives(doc, findings);
}

/**
 * What a rule sees. A class, so that `report` is one function for every rule and every lint:
 * a closure made per rule call was a new call target each time, and V8 threw away the
 * rules' optimised code on every lint ("wrong call target").
 */
class Context implements RuleContext {
  readonly own: Finding[] = [];
  constructor(
    readonly doc: ResDocument,
    readonly analysis: Analysis,
    readonly data: ReferenceData,
    readonly options: Record<string, unknown> | undefined,
    private readonly rule: string,
    private readonly severity: Severity,
  ) {}
  report(r: Report): void {
    this.own.push({ rule: this.rule, severity: this.severity, message: r.message, range: r.range, fixes: r.fixes });
  }
}

/** Whether the configuration sets anything for any rule (severities, options, `noExpansion`). */
function hasRuleSettings(config: Config): boolean {
  if (config.noExpansion.length > 0) return true;
  for (const id in config.rules) if (Object.hasOwn(config.rules, id)) return true;
  return false;
}

/** A rule's options; the top-level `noExpansion` list joins abbreviation-undefined's own. */
function ruleOptions(config: Config, id: string): Record<string, unknown> | undefined {
  const own = config.rules[id]?.options;
  if (id !== 'abbreviation-undefined' || config.noExpansion.length === 0) return own;
  const listed = Array.isArray(own?.noExpansion) ? (own!.noExpansion as string[]) : [];
  return { ...(own ?? {}), noExpansion: [...listed, ...config.noExpansion] };
}

/** Drops findings (sorted by line) silenced by `<!-- reslint-disable-line rule -->` and friends. */
function applyDirectives(doc: ResDocument, findings: Finding[]): Finding[] {
  if (doc.directives.length === 0) return findings;
  const perLine = new Map<number, Set<string> | 'all'>();
  const add = (line: number, rules: string[]) => {
    const cur = perLine.get(line);
    if (cur === 'all') return;
    if (rules.length === 0) perLine.set(line, 'all');
    else {
      const s = cur ?? new Set<string>();
      for (const r of rules) s.add(r);
      perLine.set(line, s);
    }
  };
  const blocks: { start: number; end: number; rules: string[] }[] = [];
  const open: { line: number; rules: string[] }[] = [];
  for (const d of [...doc.directives].sort((a, b) => a.range.start.line - b.range.start.line)) {
    if (d.kind === 'disable-line' || d.kind === 'disable-next-line') add(d.line, d.rules);
    else if (d.kind === 'disable') open.push({ line: d.line, rules: d.rules });
    else {
      // enable closes the matching disables (all of them when it names no rule)
      for (let i = open.length - 1; i >= 0; i--) {
        const o = open[i];
        if (d.rules.length === 0 || o.rules.some((r) => d.rules.includes(r)) || o.rules.length === 0) {
          blocks.push({ start: o.line, end: d.line, rules: o.rules });
          open.splice(i, 1);
        }
      }
    }
  }
  for (const o of open) blocks.push({ start: o.line, end: Number.MAX_SAFE_INTEGER, rules: o.rules });
  // findings come sorted by line: sweep the blocks in order of their start, keeping the open ones
  blocks.sort((a, b) => a.start - b.start);
  let next = 0;
  let active: typeof blocks = [];
  let activeLine = -1;
  return findings.filter((f) => {
    const line = f.range.start.line;
    const s = perLine.get(line);
    if (s === 'all' || (s && s.has(f.rule))) return false;
    if (line !== activeLine) {
      activeLine = line;
      while (next < blocks.length && blocks[next].start <= line) active.push(blocks[next++]);
      if (active.length) active = active.filter((b) => b.end >= line);
    }
    for (const b of active) if (b.rules.length === 0 || b.rules.includes(f.rule)) return false;
    return true;
  });
}
