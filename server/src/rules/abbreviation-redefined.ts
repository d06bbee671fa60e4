import type { Rule } from './types';
import { placeOf } from '../analyzer/names';

/** An abbreviation is spelled out once, at its first use (SPEC §4). */
export const abbreviationRedefined: Rule = {
  id: 'abbreviation-redefined',
  description: 'An abbreviation is spelled out once in a resolution, at its first use.',
  defaultSeverity: 'warning',
  tags: ['abbreviations'],
  fixable: true,
  check(ctx) {
    for (const r of ctx.analysis.abbreviations(ctx.data)) {
      for (const defs of r.definitions.values()) {
        const first = defs[0];
        for (const d of defs.slice(1)) {
          const same = d.expansion.toLowerCase() === first.expansion.toLowerCase();
          if (same) {
            ctx.report({
              message: `"${d.abbr}" is already spelled out in ${placeOf(first.unit)}: write "${d.abbr}" alone here.`,
              range: d.range,
              // the comma form `(traditional approval process, TAP)` has no safe rewrite
              fixes: d.standard || d.from === d.abbrFrom ? [{ title: `Replace with "${d.abbr}"`, edits: [{ range: d.range, newText: d.abbr }] }] : undefined,
            });
          } else {
            ctx.report({
              message: `"${d.abbr}" is spelled out again, differently: "${d.expansion}" here, "${first.expansion}" in ${placeOf(first.unit)}.`,
              range: d.range,
            });
          }
        }
      }
    }
  },
};
