import type { Rule } from './types';
import type { Section } from '../model/types';

/**
 * Where several `instructs` sections address study groups one by one, they follow the
 * study groups' numerical order (SPEC §1).
 */
export const instructsOrder: Rule = {
  id: 'instructs-order',
  description: "Sections that instruct study groups one by one follow the study groups' numerical order.",
  defaultSeverity: 'warning',
  tags: ['calls', 'names'],
  fixable: false,
  check(ctx) {
    const names = ctx.analysis.names(ctx.data);
    // the study group a call addresses, when it addresses exactly one
    const addressed = new Map<Section, { number: number; sector: string }>();
    const count = new Map<Section, number>();
    for (const m of names.studyGroups) {
      if (m.unit.kind !== 'call' || !m.unit.section) continue;
      const s = m.unit.section;
      count.set(s, (count.get(s) ?? 0) + 1);
      addressed.set(s, { number: m.number, sector: m.sector ?? '' });
    }
    ctx.doc.resolutions.forEach((res) => {
      // `instructs` and `resolves to instruct` are two series
      const series = new Map<string, { section: Section; number: number }[]>();
      for (const s of res.sections) {
        const verb = s.call.head === 'instructs' ? 'instructs' : s.call.head === 'resolves' && s.call.toVerb === 'instruct' ? 'resolves to instruct' : null;
        if (!verb) continue;
        const a = addressed.get(s);
        if (!a || count.get(s) !== 1) continue;
        const key = `${verb}|${a.sector}`;
        const l = series.get(key) ?? [];
        l.push({ section: s, number: a.number });
        series.set(key, l);
      }
      for (const list of series.values()) {
        let max = list[0]?.number ?? 0;
        let maxSection = list[0]?.section;
        for (let i = 1; i < list.length; i++) {
          const { section, number } = list[i];
          if (number < max && maxSection) {
            ctx.report({
              message: `"${section.call.text}" comes after "${maxSection.call.text}": sections addressed to study groups follow the study groups' numerical order.`,
              range: section.call.range,
            });
          } else {
            max = number;
            maxSection = section;
          }
        }
      }
    });
  },
};
