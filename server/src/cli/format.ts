/** Output formats of the CLI. */
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
