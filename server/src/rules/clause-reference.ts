import type { Rule } from './types';
import type { ClauseRef } from '../analyzer/clauseRefs';
import { comparePos } from '../model/content';

/** The side of `ref` its clause is on. */
function sideOf(ref: ClauseRef): 'above' | 'below' {
  return comparePos(ref.target!.range.start, ref.range.start) < 0 ? 'above' : 'below';
}

/** `considering e) above`, `resolves 2`: the clause referred to exists in this resolution, on the side the reference says. */
export const clauseReference: Rule = {
  id: 'clause-reference',
  description: 'A reference to a clause of the same resolution (considering e) above, resolves 2) points to a clause that exists, on the side it says.',
  defaultSeverity: 'error',
  tags: ['references'],
  fixable: true,
  check(ctx) {
    const refs = ctx.analysis.clauseRefs;
    for (const ref of refs) {
      if (ref.target) {
        if (!ref.direction || !ref.directionRange) continue;
        // a reference inside the clause it names (`as set out in this considering e) above`) has no side
        if (comparePos(ref.target.range.start, ref.range.start) <= 0 && comparePos(ref.range.start, ref.target.range.end) < 0) continue;
        const actual = sideOf(ref);
        if (actual === ref.direction) continue;
        // `considering a) and resolves 2 above` with the two on either side: no one word is right for both
        const word = ref.directionRange;
        const mixed = refs.some((o) => o.target && o.directionRange && comparePos(o.directionRange.start, word.start) === 0 && sideOf(o) !== actual);
        const name = `${ref.head}${ref.modifier ? ' ' + ref.modifier : ''}${ref.addressee ? ' ' + ref.addressee : ''}`;
        ctx.report({
          message: `"${name} ${ref.target.label?.text ?? ref.label}" is ${actual} this point, not ${ref.direction}.`,
          range: word,
          fixes: mixed ? undefined : [{ title: `Write "${actual}"`, edits: [{ range: word, newText: actual }] }],
        });
        continue;
      }
      const name = `${ref.head}${ref.modifier ? ' ' + ref.modifier : ''}${ref.addressee ? ' ' + ref.addressee : ''}`;
      if (ref.sections.length === 0) {
        ctx.report({ message: `This resolution has no "${name}" section, so "${name} ${ref.label}" points nowhere.`, range: ref.range });
      } else {
        const labels = ref.sections.flatMap((s) => s.clauses.map((c) => c.label?.text).filter(Boolean));
        ctx.report({
          message: `"${name}" has no clause ${ref.label}${labels.length ? ` (it has ${labels.join(', ')})` : ' (its clause is unlabelled)'}.`,
          range: ref.labelRange,
        });
      }
    }
  },
};
