import type { Rule } from './types';
import { BODY_NAMES, COMPLETE_BODIES, itemName, resolveCitations } from '../analyzer/citations';

/**
 * A cited number that body never used (SPEC §3). Judged only for the WTSA, whose numbers the
 * data aims to list completely; the other bodies' lists are partial, so a number missing from
 * them proves nothing and nothing is reported. The built-in WTSA list is itself not yet
 * complete (public sources for the 2022 and 2024 texts were not at hand), so the default
 * severity is info: a hint to check the number, not a verdict. Reference documents (the
 * assembly's own texts) complete the list.
 */
export const citationUnknownNumber: Rule = {
  id: 'citation-unknown-number',
  description: 'A cited resolution number is one that body used (checked for WTSA resolutions against the reference data).',
  defaultSeverity: 'info',
  tags: ['citations'],
  fixable: false,
  check(ctx) {
    const resolved = resolveCitations(ctx.analysis, ctx.data);
    // a resolution of this very document (a new one citing itself in its annex's heading, or its neighbour)
    const own = new Set<string>();
    ctx.doc.resolutions.forEach((res, i) => {
      const body = resolved.docContext(i).body;
      if (body && res.numberLine.number) own.add(`${body} ${res.numberLine.number}`);
    });
    for (const r of resolved.checked) {
      const c = r.citation;
      if (c.family !== 'text' || c.type !== 'Resolution' || !r.body || r.entry) continue;
      if (own.has(`${r.body} ${r.item.ituR ? 'ITU-R ' : ''}${r.item.number}`)) continue;
      if (!COMPLETE_BODIES.has(r.body)) continue;
      // the cited meeting is another body's: the attribution is wrong (citation-body/-meeting), not the number
      if (r.candidates.length > 0 && !r.cited) continue;
      const known = ctx.data.resolutionsByBody(r.body).filter((e) => e.type === 'Resolution');
      if (known.length === 0) continue; // no data on that body at all
      ctx.report({
        message: `The ${BODY_NAMES[r.body]} has no ${itemName(r)} in the reference data (${known.length} of its resolutions are listed): check the number, or add the assembly's texts as reference documents.`,
        range: r.item.range,
      });
    }
  },
};
