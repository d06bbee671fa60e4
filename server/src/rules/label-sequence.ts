import type { Rule } from './types';
import { canonicalLabel, allSections } from './util';
import { normaliseLabel } from '../analyzer/clauseRefs';

/** Labels run a), b), c) … or 1, 2, 3 … in every section, restarting each time; bis/ter follow their base. */
export const labelSequence: Rule = {
  id: 'label-sequence',
  description: 'Clause labels follow each other without gaps or duplicates and restart in every section.',
  defaultSeverity: 'error',
  tags: ['labels', 'structure'],
  fixable: true,
  check(ctx) {
    for (const section of allSections(ctx.analysis)) {
      const labelled = section.clauses.filter((c) => c.label && c.label.kind !== 'dotted');
      if (labelled.length === 0) continue;
      const wanted = positionalLabels(labelled.map((c) => c.label!));
      let index = -1;
      // the fix relabels this clause and the following ones by position, so that one round
      // of fix-all settles the section (fixing one label at a time could take a round per clause)
      const fixAt = (i: number) => {
        const labels = labelled.map((c) => c.label!);
        if (wanted[i] === null || wanted[i] === labels[i].text) return undefined;
        const edits = [];
        for (let j = i; j < labels.length; j++) if (wanted[j] !== null && wanted[j] !== labels[j].text) edits.push({ range: labels[j].range, newText: wanted[j]! });
        const more = edits.length - 1;
        return [{ title: `Change label to ${wanted[i]}${more ? ` and relabel ${more} following clause${more > 1 ? 's' : ''}` : ''}`, edits }];
      };
      const seen = new Set<string>();
      let prevOrdinal = 0;
      let prevSuffix = 0;
      let prevText = '';
      for (const clause of labelled) {
        index++;
        const label = clause.label!;
        const kind = label.kind === 'number' ? 'number' : 'letter';
        const key = normaliseLabel(label.text).replace(/[()]/g, '');
        if (seen.has(key)) {
          ctx.report({
            message: `Duplicate label ${label.text} in "${section.call.text}".`,
            range: label.range,
            fixes: fixAt(index),
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
            ctx.report({ message, range: label.range, fixes: fixAt(index) });
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
              fixes: prevOrdinal === 0 ? undefined : fixAt(index),
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

/**
 * The label each clause takes by its position: base labels count up from a) or 1, a bis/ter
 * clause follows the base before it. A bis/ter clause that opens the section keeps its label
 * (null: no fix), and the count goes on from it.
 */
function positionalLabels(labels: import('../model/types').Label[]): (string | null)[] {
  const out: (string | null)[] = [];
  let pos = 0;
  let sfx = 0;
  for (const l of labels) {
    const kind = l.kind === 'number' ? 'number' : 'letter';
    if (l.suffixOrdinal > 0 && pos === 0) {
      out.push(null);
      pos = l.ordinal;
      sfx = l.suffixOrdinal;
    } else if (l.suffixOrdinal > 0) {
      sfx++;
      out.push(canonicalLabel(kind, pos, sfx));
    } else {
      pos++;
      sfx = 0;
      out.push(canonicalLabel(kind, pos, 0));
    }
  }
  return out;
}
