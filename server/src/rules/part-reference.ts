import type { Rule } from './types';
import { partName, type PartOf, type PartRef } from '../analyzer/partRefs';
import { comparePos } from '../model/content';

/** The side of `ref` its part starts on. */
function sideOf(ref: PartRef): 'above' | 'below' {
  return comparePos(ref.target!.range.start, ref.range.start) < 0 ? 'above' : 'below';
}

/** `Annex 1 and Annex 2`, `Section 1 to Section 9`: what a resolution has of one kind. */
function listOf(parts: readonly PartOf[]): string {
  const names = parts.map((p) => partName(p.word, p.number));
  return names.length > 3 ? `${names[0]} to ${names[names.length - 1]}` : names.join(names.length === 2 ? ' and ' : ', ');
}

/**
 * `Section 3 below`, `Annex 2 to this resolution`, `the annex to this resolution`: the
 * section, annex or appendix referred to exists in this resolution, on the side it says,
 * and `the annex` is said of a resolution with exactly one.
 */
export const partReference: Rule = {
  id: 'part-reference',
  description: 'A reference to a section, annex or appendix of the same resolution (Section 3 below, Annex 2 to this resolution) points to one that exists, on the side it says.',
  defaultSeverity: 'error',
  tags: ['references'],
  fixable: true,
  check(ctx) {
    const refs = ctx.analysis.partRefs;
    for (const ref of refs) {
      const same = ref.siblings;
      const plural = ref.word === 'appendix' ? 'appendices' : ref.word + (ref.word === 'annex' ? 'es' : 's');
      if (!same.length) {
        // a proposal may leave out an annex that it does not change
        if (ctx.doc.resolutions[ref.resolution].proposal >= 0) continue;
        ctx.report({ message: `This resolution has no ${ref.word}.`, range: ref.range });
        continue;
      }
      if (ref.number === null) {
        if (ref.plural && same.length === 1) ctx.report({ message: `This resolution has one ${ref.word}: write "the ${ref.word}".`, range: ref.range });
        else if (!ref.plural && same.length > 1) ctx.report({ message: `This resolution has ${same.length} ${plural} (${listOf(same)}): say which one.`, range: ref.range });
        continue;
      }
      if (!ref.target) {
        if (same.length === 1 && same[0].number === null) {
          // `in Annex 1 to this resolution` → `in the annex to this resolution`
          const fixable = ref.scope === 'this' && !ref.plural && ref.alone;
          ctx.report({
            message: `This resolution has one ${ref.word}, not numbered: refer to it as "the ${ref.word} to this resolution".`,
            range: ref.range,
            fixes: fixable ? [{ title: `Write "the ${ref.word}"`, edits: [{ range: ref.range, newText: `the ${ref.word}` }] }] : undefined,
          });
          continue;
        }
        ctx.report({ message: `This resolution has no ${partName(ref.word, ref.number)} (${same.length === 1 ? `its ${ref.word}: ` : `its ${plural}: `}${listOf(same)}).`, range: ref.range });
        continue;
      }
      if (!ref.directionRange) continue;
      const actual = sideOf(ref);
      if (actual === ref.scope) continue;
      // `Sections 2 and 9 above` with the two on either side: one word cannot be right for both, so no fix
      const word = ref.directionRange;
      const mixed = refs.some((o) => o.target && o.directionRange && comparePos(o.directionRange.start, word.start) === 0 && sideOf(o) !== actual);
      ctx.report({
        message: `${partName(ref.word, ref.number)} is ${actual} this point, not ${ref.scope}.`,
        range: ref.directionRange,
        fixes: mixed ? undefined : [{ title: `Write "${actual}"`, edits: [{ range: ref.directionRange, newText: actual }] }],
      });
    }
  },
};
