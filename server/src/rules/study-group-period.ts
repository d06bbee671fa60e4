import type { Rule } from './types';
import { governedYear, resolutionContext } from '../analyzer/names';

/**
 * A study group named in a resolution existed in the document's study period (SPEC §4:
 * ITU-T Study Group 21 exists from 2025; Study Groups 9 and 16 end in 2024).
 *
 * How the period is judged: a WTSA (WTDC, RA) sets up the study groups of its own sector
 * for the study period that follows it, so the operative part of a WTSA-16 text addresses
 * the 2017-2020 groups and that of a WTSA-24 text the 2025-2028 groups. The preambular
 * part may also describe the groups at work when the meeting was held. Groups of other
 * sectors are judged at the meeting's year (or the next).
 */
export const studyGroupPeriod: Rule = {
  id: 'study-group-period',
  description: "A study group named in a resolution existed in the document's study period.",
  defaultSeverity: 'warning',
  tags: ['names', 'data'],
  fixable: false,
  check(ctx) {
    const contexts = ctx.doc.resolutions.map((r) => resolutionContext(r));
    for (const m of ctx.analysis.names(ctx.data).studyGroups) {
      if (m.resolution < 0 || !m.sector) continue;
      const k = m.unit.kind;
      if (k === 'cover' || k === 'proposal' || k === 'reasons' || k === 'number' || k === 'history' || k === 'title') continue;
      const rc = contexts[m.resolution];
      if (rc.year === null) continue;
      const governed = governedYear(ctx.data, rc, m.sector);
      if (governed === null) continue;
      const operative = m.unit.section?.call.kind === 'operative';
      const years = operative && m.sector === rc.sector ? [governed] : [...new Set([rc.year, governed, rc.year + 1])];
      const known = years.filter((y) => ctx.data.hasStudyGroupData(m.sector!, y));
      if (known.length === 0) continue;
      if (known.some((y) => ctx.data.studyGroupExisted(m.sector!, m.number, y))) continue;
      const shown = known[known.length - 1];
      const period = ctx.data.studyPeriodsFor(m.sector, shown).map((p) => p.period).pop() ?? String(shown);
      const existing = ctx.data.studyGroupsFor(m.sector, shown).map((g) => g.number).join(', ');
      const meeting = `${rc.body} (${rc.year})`;
      ctx.report({
        message: `${m.sector} Study Group ${m.number} does not exist in the ${period} study period that this ${meeting} text addresses (its study groups: ${existing}).`,
        range: m.range,
      });
    }
  },
};
