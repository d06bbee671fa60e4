/** Quick fixes for every fixable finding, and a fix-all source action. */
import { CodeAction, CodeActionKind, type Diagnostic, type Range as LspRange } from 'vscode-languageserver';
import type { Finding } from '../rules/types';
import { fixAllEdits } from '../engine/fix';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.reslint`;

function overlaps(a: LspRange, b: LspRange): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function diagnosticKey(f: { rule: string; range: LspRange; message: string }): string {
  return `${f.rule}|${f.range.start.line}:${f.range.start.character}|${f.message}`;
}

export function codeActions(uri: string, findings: Finding[], range: LspRange, diagnostics: Diagnostic[], only: string[] | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  const wantQuick = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix));
  const wantFixAll = !only || only.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.Source);
  if (wantQuick) {
    for (const f of findings) {
      if (!f.fixes?.length || !overlaps(f.range, range)) continue;
      const diag = diagnostics.find((d) => d.code === f.rule && d.message === f.message && d.range.start.line === f.range.start.line && d.range.start.character === f.range.start.character);
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
  }
  if (wantFixAll) {
    const edits = fixAllEdits(findings);
    if (edits.length) actions.push({ title: 'Fix all auto-fixable problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}
