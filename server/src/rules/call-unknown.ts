import type { Rule } from './types';
import { OPERATIVE_ADDRESSED, OPERATIVE_PLAIN, PREAMBULAR_CALLS } from '../model/vocabulary';
import { distance, allSections } from './util';

const ALL = [...PREAMBULAR_CALLS, ...OPERATIVE_PLAIN, ...OPERATIVE_ADDRESSED];

/** A line that opens a section but is not one of the calls ITU uses. */
export const callUnknown: Rule = {
  id: 'call-unknown',
  description: 'A section opens with one of the calls ITU uses (considering, noting, resolves, instructs …).',
  defaultSeverity: 'error',
  tags: ['calls'],
  fixable: true,
  check(ctx) {
    for (const section of allSections(ctx.analysis)) {
      const call = section.call;
      if (call.known) continue;
      const word = call.head;
      let best = '';
      let bestD = 4;
      for (const c of ALL) {
        const d = distance(word, c, 3);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      const headEnd = { line: call.range.start.line, character: call.range.start.character + word.length };
      const range = { start: call.range.start, end: headEnd };
      if (best === word) {
        // a call followed by words it does not take (`expressing concern`, `noting with deep concern`)
        ctx.report({
          message: `"${call.text}" is not a call ITU uses: "${word}" is one, and stands on its line alone; what follows belongs to a clause.`,
          range: call.range,
        });
        continue;
      }
      ctx.report({
        message: best
          ? `"${word}" is not a call ITU uses; did you mean "${best}"?`
          : `"${call.text}" opens a section but is not a call ITU uses (considering, noting, resolves, instructs …).`,
        range,
        fixes: best ? [{ title: `Change to "${best}"`, edits: [{ range, newText: best }] }] : undefined,
      });
    }
  },
};
