import type { Rule } from './types';
import { siblingsNote, type ParagraphRef } from '../analyzer/paragraphRefs';
import { comparePos } from '../model/content';

/** The side of `ref` its paragraph is on. */
function sideOf(ref: ParagraphRef): 'above' | 'below' {
  return comparePos(ref.target!.range.start, ref.range.start) < 0 ? 'above' : 'below';
}

/**
 * `see 9.5.2 below`, `in 1.2 to 1.7 above`: the numbered paragraph referred to exists in
 * this resolution, on the side the reference says. Only in resolutions that number their
 * paragraphs, as Resolution 1 does.
 */
export const paragraphReference: Rule = {
  id: 'paragraph-reference',
  description: 'A reference to a numbered paragraph of the same resolution (see 9.5.2 below) points to a paragraph that exists, on the side it says.',
  defaultSeverity: 'error',
  tags: ['references'],
  fixable: true,
  check(ctx) {
    const refs = ctx.analysis.paragraphRefs;
    for (const ref of refs) {
      if (!ref.target) {
        // the paragraphs of the same parent (`9.5.1` … for `9.5.7`), to say what there is
        const numbers: string[] = [];
        for (const a of ctx.doc.resolutions[ref.resolution].annexes) for (const p of a.paragraphs) if (p.number) numbers.push(p.number.text);
        const note = siblingsNote(ref.number, numbers);
        ctx.report({ message: `This resolution has no paragraph ${ref.number}${note ? ` (${note})` : ''}.`, range: ref.range });
        continue;
      }
      if (!ref.direction || !ref.directionRange) continue;
      const actual = sideOf(ref);
      if (actual === ref.direction) continue;
      // `in 9.3.1 and 9.5.2 above` with the two on either side: one word cannot be right for both, so no fix
      const word = ref.directionRange;
      const mixed = refs.some((o) => o.target && o.directionRange && comparePos(o.directionRange.start, word.start) === 0 && sideOf(o) !== actual);
      ctx.report({
        message: `Paragraph ${ref.number} is ${actual} this point, not ${ref.direction}.`,
        range: ref.directionRange,
        fixes: mixed ? undefined : [{ title: `Write "${actual}"`, edits: [{ range: ref.directionRange, newText: actual }] }],
      });
    }
  },
};
