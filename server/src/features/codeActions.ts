/**
 * Quick fixes for every fixable finding, a fix-all source action, and for every finding the
 * action that silences its rule on its line (as ESLint's "Disable … for this line").
 */
import { CodeAction, CodeActionKind, type Diagnostic, type Range as LspRange } from 'vscode-languageserver';
import type { Directive } from '../model/types';
import type { Finding } from '../rules/types';
import { fixAllEdits } from '../engine/fix';

/** What the disable action needs of the document: where a line ends, and the model's directives. */
export interface LineInfo {
  /** the column after a line's last character (before its line break) */
  lineEnd(line: number): number;
  /** the document's inline directives (none for a document without a model) */
  directives: readonly Directive[];
}

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.reslint`;

function overlaps(a: LspRange, b: LspRange): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** The editor's diagnostic for a finding, among those the request sent. */
function diagnosticOf(f: Finding, diagnostics: Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((d) => d.code === f.rule && d.message === f.message && d.range.start.line === f.range.start.line && d.range.start.character === f.range.start.character);
}

export function diagnosticKey(f: { rule: string; range: LspRange; message: string }): string {
  return `${f.rule}|${f.range.start.line}:${f.range.start.character}|${f.message}`;
}

export function codeActions(uri: string, findings: Finding[], range: LspRange, diagnostics: Diagnostic[], only: string[] | undefined, lines?: LineInfo): CodeAction[] {
  const actions: CodeAction[] = [];
  const wantQuick = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix));
  const wantFixAll = !only || only.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.Source);
  if (wantQuick) {
    for (const f of findings) {
      if (!f.fixes?.length || !overlaps(f.range, range)) continue;
      const diag = diagnosticOf(f, diagnostics);
      f.fixes.forEach((fix, i) => {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: diag ? [diag] : undefined,
          isPreferred: i === 0,
          edit: { changes: { [uri]: fix.edits } },
        });
      });
    }
    const sameRule = new Set(actions.map((a) => a.diagnostics?.[0]?.code).filter(Boolean));
    for (const rule of sameRule) {
      const all = findings.filter((f) => f.rule === rule && f.fixes?.length);
      if (all.length > 1) actions.push({ title: `Fix all "${rule}" problems`, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: fixAllEdits(all) } } });
    }
    if (lines) actions.push(...disableActions(uri, findings, range, diagnostics, lines));
  }
  if (wantFixAll) {
    const edits = fixAllEdits(findings);
    if (edits.length) actions.push({ title: 'Fix all auto-fixable problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}

/**
 * `Disable rule for this line`: the rule joins the line's `reslint-disable-line` comment when
 * it has one, else a comment is added at the end of the line. One action per rule and line.
 */
function disableActions(uri: string, findings: Finding[], range: LspRange, diagnostics: Diagnostic[], lines: LineInfo): CodeAction[] {
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (!overlaps(f.range, range)) continue;
    const line = f.range.start.line;
    const key = `${f.rule}|${line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const diag = diagnosticOf(f, diagnostics);
    const own = lines.directives.find((d) => d.kind === 'disable-line' && d.range.start.line === line && d.rules.length > 0);
    const at = own ? own.ruleRanges[own.ruleRanges.length - 1].end : { line, character: lines.lineEnd(line) };
    out.push({
      title: `Disable ${f.rule} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: diag ? [diag] : undefined,
      edit: { changes: { [uri]: [{ range: { start: at, end: at }, newText: own ? `, ${f.rule}` : ` <!-- reslint-disable-line ${f.rule} -->` }] } },
    });
  }
  return out;
}
