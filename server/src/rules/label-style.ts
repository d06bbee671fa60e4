import type { Rule } from './types';
import { canonicalLabel, expectedKind, allSections } from './util';

/** Preambular clauses are lettered `a)`, operative clauses numbered `1` (no dot), bis as `a bis)` / `2bis`. */
export const labelStyle: Rule = {
  id: 'label-style',
  description: 'Preambular clauses are lettered a), b) …; operative clauses are numbered 1, 2 … without a dot.',
  defaultSeverity: 'error',
  tags: ['labels', 'structure'],
  fixable: true,
  check(ctx) {
    for (const section of allSections(ctx.analysis)) {
      if (!section.call.known) continue;
      const want = expectedKind(section);
      for (const clause of section.clauses) {
        const label = clause.label;
        if (!label || label.kind === 'dotted') continue;
        const have = label.kind === 'number' ? 'number' : 'letter';
        if (have !== want) {
          const to = canonicalLabel(want, label.ordinal, label.suffixOrdinal);
          ctx.report({
            message:
              want === 'letter'
                ? `Clauses under "${section.call.text}" (a preambular call) are lettered: ${to} instead of ${label.text}.`
                : `Clauses under "${section.call.text}" (an operative call) are numbered: ${to} instead of ${label.text}.`,
            range: label.range,
            fixes: [{ title: `Change label to ${to}`, edits: [{ range: label.range, newText: to }] }],
          });
          continue;
        }
        const canonical = canonicalLabel(have, label.ordinal, label.suffixOrdinal);
        // ITU's own texts also write the suffix after the parenthesis: `b)bis` (Res 1 (Rev. Hammamet, 2016))
        const alsoRight = have === 'letter' && label.suffix ? `${label.base})${label.suffix}` : null;
        if (label.text !== canonical && label.text !== alsoRight) {
          ctx.report({
            message: `Write the label as ${canonical}, not ${label.text}.`,
            range: label.range,
            fixes: [{ title: `Change label to ${canonical}`, edits: [{ range: label.range, newText: canonical }] }],
          });
        }
      }
    }
  },
};
