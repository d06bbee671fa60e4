import type { Rule } from './types';
import { placeOf } from '../analyzer/names';

/** After its definition an abbreviation is used short, not spelled out again (SPEC §4). */
export const abbreviationExpandedAgain: Rule = {
  id: 'abbreviation-expanded-again',
  description: 'Once an abbreviation is defined, the resolution uses it rather than spelling the name out again.',
  defaultSeverity: 'warning',
  tags: ['abbreviations'],
  fixable: true,
  check(ctx) {
    for (const r of ctx.analysis.abbreviations(ctx.data)) {
      for (const p of r.repeats) {
        const abbr = p.definition.abbr;
        ctx.report({
          message: `"${p.text}" was abbreviated "${abbr}" in ${placeOf(p.definition.unit)}: write "${abbr}".`,
          range: p.range,
          fixes: [{ title: `Replace with "${abbr}"`, edits: [{ range: p.range, newText: abbr }] }],
        });
      }
    }
  },
};
