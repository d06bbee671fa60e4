import type { Rule } from './types';
import { byCitation, checkedItems, type Sector } from '../analyzer/citations';

const SECTORS: Sector[] = ['ITU-T', 'ITU-R', 'ITU-D'];

/** Series whose Recommendations the data lists completely: a number absent from it does not exist. */
export const COMPLETE_SERIES: readonly { sector: Sector; series: string }[] = [{ sector: 'ITU-T', series: 'A' }];

/**
 * ITU Recommendations are cited `Recommendation ITU-T A.7` (SPEC §3): the word in full,
 * then the sector, then the series letter(s), a dot and the number. In a series the data
 * lists completely (ITU-T A), an unknown number is reported.
 */
export const recommendationUnknown: Rule = {
  id: 'recommendation-unknown',
  description: 'An ITU Recommendation is cited as "Recommendation ITU-T A.7" and exists (checked for the ITU-T A series).',
  defaultSeverity: 'warning',
  tags: ['citations'],
  fixable: true,
  check(ctx) {
    const items = checkedItems(ctx.analysis, ctx.data).filter((r) => r.citation.family === 'recommendation');
    for (const { citation: c, items: its } of byCitation(items)) {
      const first = its[0].item;
      if (c.sector && (c.recForm === 'sector-first' || c.recForm === 'abbreviated')) {
        const word = c.plural && c.items.length > 1 ? 'Recommendations' : 'Recommendation';
        const right = `${word} ${c.sector} ${first.number}`;
        ctx.report({
          message: `ITU Recommendations are cited "${right}".`,
          range: c.headRange,
          fixes: [{ title: `Write "${right}"`, edits: [{ range: c.headRange, newText: right }] }],
        });
      } else if (c.recForm === 'no-sector') {
        const sectors = SECTORS.filter((s) => ctx.data.recommendation(s, first.number));
        const fix = sectors.length === 1 ? sectors[0] : null;
        ctx.report({
          message: `Name the sector: "Recommendation ${fix ?? 'ITU-T'} ${first.number}"${fix ? '' : ' (or ITU-R, ITU-D)'}.`,
          range: c.headRange,
          fixes: fix
            ? [{ title: `Write "Recommendation ${fix} ${first.number}"`, edits: [{ range: { start: first.range.start, end: first.range.start }, newText: `${fix} ` }] }]
            : undefined,
        });
      }
      for (const r of its) {
        if (r.item.missingDot) {
          ctx.report({
            message: `A dot separates the series and the number: "${r.item.number}".`,
            range: r.item.range,
            fixes: [{ title: `Write "${r.item.number}"`, edits: [{ range: r.item.range, newText: r.item.number }] }],
          });
        }
        if (!c.sector || r.recommendation) continue;
        const series = r.item.number.slice(0, r.item.number.indexOf('.'));
        const complete = COMPLETE_SERIES.some((s) => s.sector === c.sector && s.series === series);
        if (!complete) continue;
        const known = ctx.data.recommendations.filter((x) => x.sector === c.sector && x.number.startsWith(series + '.'));
        if (known.length === 0) continue; // no data for the series at all
        ctx.report({
          message: `${c.sector} has no Recommendation ${r.item.number} (the ${series} series: ${known.map((x) => x.number).join(', ')}).`,
          range: r.item.range,
        });
      }
    }
  },
};
