import type { Rule } from './types';
import { BODY_NAMES, COMPLETE_BODIES, checkedItems, itemName } from '../analyzer/citations';

/**
 * A cited number that body never used (SPEC §3). Only judged for bodies whose numbers the
 * data lists completely (the WTSA); the data on the other bodies' texts is partial, so a
 * number missing from it proves nothing and nothing is reported.
 */
export const citationUnknownNumber: Rule = {
  id: 'citation-unknown-number',
  description: 'A cited resolution number was used by that body (checked where the data is complete: WTSA resolutions).',
  defaultSeverity: 'warning',
  tags: ['citations'],
  fixable: false,
  check(ctx) {
    for (const r of checkedItems(ctx.analysis, ctx.data)) {
      const c = r.citation;
      if (c.family !== 'text' || c.type !== 'Resolution' || !r.body || r.entry) continue;
      if (!COMPLETE_BODIES.has(r.body)) continue;
      // the cited meeting is another body's: the attribution is wrong (citation-body/-meeting), not the number
      if (r.candidates.length > 0 && !r.cited) continue;
      const known = ctx.data.resolutionsByBody(r.body).filter((e) => e.type === 'Resolution');
      if (known.length === 0) continue; // no data on that body at all
      ctx.report({
        message: `The ${BODY_NAMES[r.body]} has no ${itemName(r)}.`,
        range: r.item.range,
      });
    }
  },
};
