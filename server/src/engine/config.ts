/**
 * Configuration: rule severities and options, reference documents, abbreviations.
 * Sources, later ones winning: built-in defaults, the project file (.reslintrc.json),
 * editor settings. A bad file is reported and the defaults still apply.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Severity, SeveritySetting } from '../rules/types';
import { closest } from '../rules/util';
import { patternProblem } from './ignores';

export const CONFIG_FILE_NAMES = ['.reslintrc.json', '.reslintrc'];

export interface RuleSetting {
  severity: SeveritySetting;
  options?: Record<string, unknown>;
}

export interface Config {
  rules: Record<string, RuleSetting>;
  /** folders and files of reference texts */
  references: string[];
  /** abbreviations that need no expansion */
  noExpansion: string[];
  /** glob patterns of files not to lint, relative to the project file's folder (engine/ignores.ts) */
  ignores: string[];
}

export interface ConfigProblem {
  message: string;
  /** 0-based offset in the file, when known */
  offset?: number;
}

export function defaultConfig(): Config {
  return { rules: {}, references: [], noExpansion: [], ignores: [] };
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** The keys a project file may hold (besides `$schema`). */
const KEYS = ['rules', 'references', 'noExpansion', 'ignores'];

/** ` (did you mean "x"?)` when a near name exists, else nothing. */
function didYouMean(name: string, candidates: Iterable<string>): string {
  const c = closest(name, candidates);
  return c ? ` (did you mean "${c}"?)` : '';
}

function unknownSeverity(v: string): string {
  const c = closest(v, SEVERITIES);
  return `unknown severity "${v}" (${c ? `did you mean "${c}"? ` : ''}use error, warning, info, hint or off)`;
}

/** Reads a rule setting: `"warning"`, `"off"`, `["error", {…}]`, `{ "severity": "info", … }`. */
export function readRuleSetting(v: unknown): RuleSetting | string {
  if (typeof v === 'string') return SEVERITIES.has(v) ? { severity: v as SeveritySetting } : unknownSeverity(v);
  if (typeof v === 'boolean') return { severity: v ? 'warning' : 'off' };
  if (Array.isArray(v) && typeof v[0] === 'string' && SEVERITIES.has(v[0])) {
    const opts = v[1];
    if (opts !== undefined && (typeof opts !== 'object' || opts === null || Array.isArray(opts))) return 'rule options must be an object';
    return { severity: v[0] as SeveritySetting, options: opts as Record<string, unknown> | undefined };
  }
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const sev = o.severity ?? 'warning';
    if (typeof sev !== 'string' || !SEVERITIES.has(sev)) return typeof sev === 'string' ? unknownSeverity(sev) : `unknown severity ${JSON.stringify(sev)} (use error, warning, info, hint or off)`;
    const { severity: _s, ...rest } = o;
    void _s;
    return { severity: sev as SeveritySetting, options: rest };
  }
  return 'a rule setting is "error", "warning", "info", "hint", "off" or ["severity", { options }]';
}

/**
 * Parses a project file. Unknown keys, unknown rules and bad values are reported; every
 * valid part still applies.
 */
export function parseConfig(text: string, knownRules: Set<string>): { config: Config; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const errors: ParseError[] = [];
  const raw = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) problems.push({ message: `JSON syntax error: ${printParseErrorCode(e.error)}`, offset: e.offset });
  const config = defaultConfig();
  if (raw === undefined || raw === null) {
    if (!errors.length) problems.push({ message: 'the file is empty' });
    return { config, problems };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ message: 'the configuration must be a JSON object' });
    return { config, problems };
  }
  mergeInto(config, raw as Record<string, unknown>, knownRules, problems);
  return { config, problems };
}

/** Merges a configuration object (from a file or from editor settings) into `config`. */
export function mergeInto(config: Config, raw: Record<string, unknown>, knownRules: Set<string>, problems: ConfigProblem[]): void {
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case '$schema':
        break;
      case 'rules':
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          problems.push({ message: '"rules" must be an object of rule id → severity' });
          break;
        }
        for (const [id, v] of Object.entries(value as Record<string, unknown>)) {
          if (!knownRules.has(id)) {
            problems.push({ message: `unknown rule "${id}"${didYouMean(id, knownRules)}` });
            continue;
          }
          const s = readRuleSetting(v);
          if (typeof s === 'string') problems.push({ message: `rule "${id}": ${s}` });
          else config.rules[id] = s;
        }
        break;
      case 'references':
        if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) problems.push({ message: '"references" must be an array of paths' });
        else config.references = [...config.references, ...(value as string[])];
        break;
      case 'noExpansion':
        if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) problems.push({ message: '"noExpansion" must be an array of abbreviations' });
        else config.noExpansion = [...new Set([...config.noExpansion, ...(value as string[])])];
        break;
      case 'ignores':
        if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) problems.push({ message: '"ignores" must be an array of glob patterns' });
        else
          for (const pattern of value as string[]) {
            const bad = patternProblem(pattern);
            if (bad) problems.push({ message: `ignores: "${pattern}" is not a pattern that can be read: ${bad}` });
            else if (!config.ignores.includes(pattern)) config.ignores.push(pattern);
          }
        break;
      default:
        problems.push({ message: `unknown key "${key}"${didYouMean(key, KEYS)}` });
    }
  }
}

export function effectiveSeverity(config: Config, id: string, def: Severity): SeveritySetting {
  return config.rules[id]?.severity ?? def;
}
