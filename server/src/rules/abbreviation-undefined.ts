import type { Rule, Fix } from './types';
import { before, knownAbbreviation } from '../analyzer/abbreviations';
import { placeOf } from '../analyzer/names';
import { rangeIn } from '../model/content';

/**
 * Abbreviations that need no expansion by default: ITU itself (SPEC §4), and ICT, which ITU
 * texts use as a common word (`the global ICT industry` in Res 92 (Hammamet, 2016),
 * instructs study groups 1, is never spelled out there).
 */
export const DEFAULT_NO_EXPANSION = ['ITU', 'ICT'];

/** The effective list: the defaults plus the rule's `noExpansion` option. */
export function noExpansion(options: Record<string, unknown> | undefined): Set<string> {
  const extra = Array.isArray(options?.noExpansion) ? (options!.noExpansion as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  return new Set([...DEFAULT_NO_EXPANSION, ...extra]);
}

/**
 * An abbreviation is spelled out at its first use in the resolution (SPEC §4). Reported:
 * a use before the resolution spells it out, and one it never spells out. Abbreviations of
 * bodies the reference data knows (ITU-T, TSB, WTSA …) are not exempt, as ITU's own texts
 * spell them out too (Res 92 and Res 1 (Hammamet, 2016)); the data supplies the expansion
 * for the fix. Option `knownAsDefined: true` accepts them when the resolution never spells
 * them out (a use before the resolution's own definition is still reported).
 */
export const abbreviationUndefined: Rule = {
  id: 'abbreviation-undefined',
  description: 'An abbreviation is spelled out at its first use in the resolution, with the abbreviation in parentheses.',
  defaultSeverity: 'warning',
  tags: ['abbreviations'],
  fixable: true,
  check(ctx) {
    const exempt = noExpansion(ctx.options);
    const knownAsDefined = ctx.options?.knownAsDefined === true;
    for (const r of ctx.analysis.abbreviations(ctx.data)) {
      const reported = new Set<string>();
      for (const use of r.uses) {
        let settled = false;
        for (const k of use.keys) {
          if (exempt.has(k)) {
            settled = true;
            break;
          }
          const defs = r.definitions.get(k);
          if (defs) {
            settled = true;
            const def = defs[0];
            if (before(use, def) && !reported.has(k)) {
              reported.add(k);
              const core = use.unit.content.text.slice(use.from, use.coreTo);
              const fixes: Fix[] = [];
              if (def.standard && core === def.abbr) {
                const useRange = rangeIn(use.unit.content, use.from, use.coreTo);
                fixes.push({
                  title: `Spell out "${def.abbr}" here instead`,
                  edits: [
                    { range: useRange, newText: `${def.expansion} (${def.abbr})` },
                    { range: def.range, newText: def.abbr },
                  ],
                });
              }
              ctx.report({ message: `"${k}" is used before it is spelled out (in ${placeOf(def.unit)}): spell it out at its first use.`, range: use.range, fixes });
            }
            break;
          }
          const known = knownAbbreviation(ctx.data, k);
          if (known) {
            settled = true;
            if (!knownAsDefined && !reported.has(k)) {
              reported.add(k);
              const core = use.unit.content.text.slice(use.from, use.coreTo);
              const range = rangeIn(use.unit.content, use.from, use.coreTo);
              const fixes: Fix[] = core === k && use.coreTo === use.to ? [{ title: `Spell out "${k}"`, edits: [{ range, newText: `${known.expansion} (${k})` }] }] : [];
              ctx.report({ message: `"${k}" is not spelled out in this resolution: write "${known.expansion} (${k})" at its first use.`, range: use.range, fixes });
            }
            break;
          }
        }
        if (settled) continue;
        const k = use.keys[use.keys.length - 1];
        if (reported.has(k)) continue;
        reported.add(k);
        ctx.report({ message: `"${k}" is never spelled out in this resolution: write the full name followed by "(${k})" at its first use.`, range: use.range });
      }
    }
  },
};
