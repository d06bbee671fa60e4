/**
 * Inline `<!-- reslint-… -->` comments in the editor: completion of the comment's kind and of
 * rule ids while one is typed (from the raw line, as the other completion providers: the
 * comment is not closed yet), and hover on a rule id of a written comment (from the model's
 * directives) with what the rule checks.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import { DESCRIPTION_RE } from '../parser/lines';
import { RULES } from '../rules';
import type { Rule } from '../rules/types';
import type { CompletionProvider } from './completion';
import type { HoverProvider } from './hover';

const KINDS: { kind: string; detail: string }[] = [
  { kind: 'disable-line', detail: 'silence rules on this line' },
  { kind: 'disable-next-line', detail: 'silence rules on the next line' },
  { kind: 'disable', detail: 'silence rules from here on (to a reslint-enable)' },
  { kind: 'enable', detail: 'end a reslint-disable block' },
];

/** `<!-- reslint-` with the kind being typed. */
const KIND_RE = /<!--\s*reslint-([a-z-]*)$/;
/** An open comment with its kind, the ids so far and the id being typed (no ` -- ` description yet). */
const IDS_RE = /<!--\s*reslint-(?:disable-next-line|disable-line|disable|enable)((?:[\s,]+[a-z0-9-]+)*[\s,]+)([a-z0-9-]*)$/;

function ruleDoc(rule: Rule): string {
  return `${rule.description}\n\nDefault severity: \`${rule.defaultSeverity}\` · Tags: ${rule.tags.map((t) => `\`${t}\``).join(', ')} · Fixable: ${rule.fixable ? 'yes' : 'no'}`;
}

export const directiveCompletion: CompletionProvider = ({ before, position }) => {
  const k = KIND_RE.exec(before);
  if (k) {
    const range = { start: { line: position.line, character: before.length - k[1].length }, end: position };
    return KINDS.map((d) => ({ label: d.kind, kind: CompletionItemKind.Keyword, detail: d.detail, textEdit: { range, newText: `${d.kind} ` } }));
  }
  const m = IDS_RE.exec(before);
  if (!m || DESCRIPTION_RE.test(m[1])) return null;
  const written = new Set(m[1].split(/[\s,]+/).filter(Boolean));
  const range = { start: { line: position.line, character: before.length - m[2].length }, end: position };
  return RULES.filter((r) => !written.has(r.id)).map(
    (r): CompletionItem => ({
      label: r.id,
      kind: CompletionItemKind.Property,
      detail: r.description,
      documentation: { kind: MarkupKind.Markdown, value: ruleDoc(r) },
      textEdit: { range, newText: r.id },
    }),
  );
};

export const directiveHover: HoverProvider = ({ analysis, position }) => {
  for (const d of analysis.doc.directives) {
    if (d.range.start.line !== position.line) continue;
    for (let i = 0; i < d.rules.length; i++) {
      const r = d.ruleRanges[i];
      if (position.character < r.start.character || position.character > r.end.character) continue;
      const rule = RULES.find((x) => x.id === d.rules[i]);
      return rule ? { markdown: `**${rule.id}**\n\n${ruleDoc(rule)}`, range: r } : null;
    }
  }
  return null;
};
