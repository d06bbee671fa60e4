import type { Rule } from './types';
import { siblingsNote } from '../analyzer/paragraphRefs';

/** Tells which of `a` and `b` comes first, in line order. */
function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
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
    if (!refs.length) return;
    // `in 9.3.1 and 9.5.2 above` with the two on either side: one word cannot be right for both, so no fix
    const sides = new Map<string, Set<string>>();
    const key = (r: { line: number; character: number }) => `${r.line}:${r.character}`;
    for (const ref of refs) {
      if (!ref.target || !ref.directionRange) continue;
      const k = key(ref.directionRange.start);
      let set = sides.get(k);
      if (!set) sides.set(k, (set = new Set()));
      set.add(before(ref.target.range.start, ref.range.start) ? 'above' : 'below');
    }
    for (const ref of refs) {
      if (!ref.target) {
        // the paragraphs of the same parent (`9.5.1` … for `9.5.7`), to say what there is
        const numbers: string[] = [];
        for (const a of ctx.doc.resolutions[ref.resolution].annexes) for (const p of a.paragraphs) if (p.number) numbers.push(p.number.text);
        const note = siblingsNote(ref.number, numbers);
        const has = note ? ` (${note})` : '';
        ctx.report({ message: `This resolution has no paragraph ${ref.number}${has}.`, range: ref.range });
        continue;
      }
      if (!ref.direction || !ref.directionRange) continue;
      const isAbove = before(ref.target.range.start, ref.range.start);
      const actual = isAbove ? 'above' : 'below';
      if (actual === ref.direction) continue;
      const mixed = (sides.get(key(ref.directionRange.start))?.size ?? 0) > 1;
      ctx.report({
        message: `Paragraph ${ref.number} is ${actual} this point, not ${ref.direction}.`,
        range: ref.directionRange,
        fixes: mixed ? undefined : [{ title: `Write "${actual}"`, edits: [{ range: ref.directionRange, newText: actual }] }],
      });
    }
  },
};
