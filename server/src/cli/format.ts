/** Output formats of the CLI. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as sarif from 'sarif';
import type { Finding } from '../rules/types';

export interface FileResult {
  file: string;
  findings: Finding[];
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Finding['severity'];
  message: string;
  fixable: boolean;
}

/** One JSON array of findings with 1-based positions. */
export function formatJson(results: FileResult[]): string {
  const out: JsonFinding[] = [];
  for (const r of results)
    for (const f of r.findings)
      out.push({
        file: r.file,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        fixable: !!f.fixes?.length,
      });
  return JSON.stringify(out, null, 2) + '\n';
}

/** `file:line:col  severity  message  rule`, then a summary, as other linters print. */
export function formatText(results: FileResult[]): string {
  let out = '';
  const totals = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  for (const r of results) {
    for (const f of r.findings) {
      totals[f.severity]++;
      if (f.fixes?.length) fixable++;
      out += `${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity.padEnd(7)}  ${f.message}  ${f.rule}\n`;
    }
  }
  const n = totals.error + totals.warning + totals.info + totals.hint;
  if (n === 0) return results.length ? `${results.length} file${results.length === 1 ? '' : 's'} checked, no problems\n` : 'no files checked\n';
  const parts = (['error', 'warning', 'info', 'hint'] as const).filter((s) => totals[s]).map((s) => `${totals[s]} ${s}${totals[s] === 1 ? '' : s === 'info' ? '' : 's'}`);
  out += `\n${n} problem${n === 1 ? '' : 's'} (${parts.join(', ')}) in ${results.length} file${results.length === 1 ? '' : 's'}`;
  if (fixable) out += `; ${fixable} fixable with --fix`;
  return out + '\n';
}

/** What a SARIF log says of the tool: the rules there are, for the results' ruleIndex. */
export interface ToolInfo {
  version: string;
  rules: { id: string; description: string; defaultSeverity: Finding['severity']; tags: string[] }[];
  /** the folder relative file names are read from (SARIF's %SRCROOT%) */
  cwd: string;
}

const SARIF_LEVEL: Record<Finding['severity'], sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/**
 * A file's location in a SARIF log: relative to %SRCROOT% (the working folder) when it lies
 * inside it, as code-scanning services expect, else an absolute file URI.
 */
function sarifLocation(file: string, cwd: string): sarif.ArtifactLocation {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(abs).href };
}

function sarifRegion(r: Finding['range']): Required<Pick<sarif.Region, 'startLine' | 'startColumn' | 'endLine' | 'endColumn'>> {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/**
 * A SARIF 2.1.0 log (the format GitHub code scanning and other CI services read): one run,
 * the rules with their descriptions and default levels, each finding with its region (columns
 * in UTF-16 code units, as the editor counts them) and its first fix as replacements.
 */
export function formatSarif(results: FileResult[], tool: ToolInfo): string {
  const ruleIndex = new Map(tool.rules.map((r, i) => [r.id, i]));
  const sarifResults: sarif.Result[] = [];
  for (const r of results) {
    // standard input is named by --stdin-filename (else `<stdin>`), read as a path like any other
    const artifactLocation = sarifLocation(r.file, tool.cwd);
    for (const f of r.findings) {
      const fix = f.fixes?.[0];
      sarifResults.push({
        ruleId: f.rule,
        ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation, region: sarifRegion(f.range) } }],
        ...(fix
          ? {
              fixes: [
                {
                  description: { text: fix.title },
                  artifactChanges: [
                    {
                      artifactLocation,
                      replacements: fix.edits.map((e) => ({ deletedRegion: sarifRegion(e.range), insertedContent: { text: e.newText } })),
                    },
                  ],
                },
              ],
            }
          : {}),
      });
    }
  }
  const log: sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'reslint',
            version: tool.version,
            rules: tool.rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
              properties: { tags: r.tags },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(tool.cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** GitHub Actions' workflow-command escaping: of a message, and more of a property value. */
function ghData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function ghProperty(s: string): string {
  return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_COMMAND: Record<Finding['severity'], 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  hint: 'notice',
};

/**
 * One GitHub Actions workflow command a finding (`::error file=…,line=…::message`), which a
 * workflow run shows as an annotation on the line of the pull request.
 */
export function formatGithub(results: FileResult[]): string {
  let out = '';
  for (const r of results) {
    const file = ghProperty(r.file.split(path.sep).join('/'));
    for (const f of r.findings) {
      const g = sarifRegion(f.range);
      out +=
        `::${GITHUB_COMMAND[f.severity]} file=${file},line=${g.startLine},col=${g.startColumn},endLine=${g.endLine},endColumn=${g.endColumn},` +
        `title=${ghProperty(f.rule)}::${ghData(f.message)}\n`;
    }
  }
  return out;
}
