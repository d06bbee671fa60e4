import type { Rule } from './types';

/** `considering e) above`, `resolves 2`: the clause referred to exists in this resolution. */
export const clauseReference: Rule = {
  id: 'clause-reference',
  description: 'A reference to a clause of the same resolution (considering e), resolves 2) points to a clause that exists.',
  defaultSeverity: 'error',
  tags: ['references'],
  fixable: false,
  check(ctx) {
    for (const ref of ctx.analysis.clauseRefs) {
      if (ref.target) continue;
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
