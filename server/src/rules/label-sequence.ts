import type { Rule } from './types';
import { canonicalLabel, sections } from './util';
import { normaliseLabel } from '../analyzer/clauseRefs';

/** Labels run a), b), c) … or 1, 2, 3 … in every section, restarting each time; bis/ter follow their base. */
export const labelSequence: Rule = {
  id: 'label-sequence',
  description: 'Clause labels follow each other without gaps or duplicates and restart in every section.',
  defaultSeverity: 'error',
  tags: ['labels', 'structure'],
  fixable: true,
  check(ctx) {
    for (const [, section] of sections(ctx.doc.resolutions)) {
      const labelled = section.clauses.filter((c) => c.label && c.label.kind !== 'dotted');
      if (labelled.length === 0) continue;
      const seen = new Set<string>();
      let prevOrdinal = 0;
      let prevSuffix = 0;
      let prevText = '';
      for (const clause of labelled) {
        const label = clause.label!;
        const kind = label.kind === 'number' ? 'number' : 'letter';
        const key = normaliseLabel(label.text).replace(/[()]/g, '');
        if (seen.has(key)) {
          ctx.report({
            message: `Duplicate label ${label.text} in "${section.call.text}".`,
            range: label.range,
            fixes: fixTo(label.range, label.text, canonicalLabel(kind, prevOrdinal + 1, 0)),
          });
          prevOrdinal += 1;
          prevSuffix = 0;
          prevText = canonicalLabel(kind, prevOrdinal, 0);
          continue;
        }
        seen.add(key);
        const o = label.ordinal;
        const sfx = label.suffixOrdinal;
        if (sfx === 0) {
          if (o !== prevOrdinal + 1) {
            const expected = canonicalLabel(kind, prevOrdinal + 1, 0);
            const message =
              prevOrdinal === 0
                ? `The first clause of "${section.call.text}" should be ${expected}, not ${label.text}: labels restart in every section.`
                : o > prevOrdinal + 1
                  ? `Label ${label.text} skips ${expected}${o > prevOrdinal + 2 ? ' and more' : ''} after ${prevText}.`
                  : `Label ${label.text} is out of order after ${prevText}; expected ${expected}.`;
            ctx.report({ message, range: label.range, fixes: fixTo(label.range, label.text, expected) });
            // continue from what is written, so one mistake gives one finding
          }
        } else {
          if (o !== prevOrdinal || sfx !== prevSuffix + 1) {
            const expected = canonicalLabel(kind, prevOrdinal, prevSuffix + 1);
            ctx.report({
              message:
                prevOrdinal === 0
                  ? `Label ${label.text} cannot open a section: a bis/ter clause follows the clause it is inserted after.`
                  : `Label ${label.text} does not follow ${prevText}; expected ${expected}.`,
              range: label.range,
              fixes: prevOrdinal === 0 ? undefined : fixTo(label.range, label.text, expected),
            });
          }
        }
        prevOrdinal = o;
        prevSuffix = sfx;
        prevText = label.text;
      }
    }
  },
};

function fixTo(range: import('../model/types').Range, from: string, to: string) {
  if (from === to || !to) return undefined;
  return [{ title: `Change label to ${to}`, edits: [{ range, newText: to }] }];
}
