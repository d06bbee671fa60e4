import type { Rule } from './types';

/**
 * Names of bodies as ITU writes them (SPEC §4): known wrong forms, names written with
 * other capitals, and near misses of a canonical name.
 */
export const bodyName: Rule = {
  id: 'body-name',
  description: 'Bodies are named as ITU names them: "Telecommunication Standardization Bureau", not "Telecommunications Standardization Bureau".',
  defaultSeverity: 'warning',
  tags: ['names'],
  fixable: true,
  check(ctx) {
    const variants = ctx.options?.variants === true;
    for (const m of ctx.analysis.names(ctx.data).bodies) {
      if (m.resolution < 0 || m.unit.kind === 'cover' || m.unit.kind === 'proposal' || m.unit.kind === 'reasons') continue;
      if (m.role === 'canonical' || m.role === 'abbreviation' || (m.role === 'variant' && !variants)) continue;
      const range = m.range;
      const who = m.body ? (m.body.abbreviation ?? m.body.canonical) : m.group?.abbreviation ?? m.group?.name ?? '';
      if (m.role === 'wrong') {
        const to = m.suggestions[0];
        const canonical = m.suggestions[1];
        ctx.report({
          message: `"${m.text}" is not the name of ${who}: write "${to}"${canonical ? ` (canonical name: "${canonical}")` : ''}.`,
          range,
          fixes: m.suggestions.map((s) => ({ title: `Replace with "${s}"`, edits: [{ range, newText: s }] })),
        });
      } else if (m.role === 'case') {
        const to = m.suggestions[0];
        ctx.report({ message: `Write the name with ITU's capitals: "${to}".`, range, fixes: [{ title: `Replace with "${to}"`, edits: [{ range, newText: to }] }] });
      } else if (m.role === 'near') {
        const list = m.suggestions.map((s) => `"${s}"`).join(' or ');
        ctx.report({
          message: `"${m.text}" is not the name of a body: did you mean ${list}?`,
          range,
          // a fix-all applies the first fix: offer one only when the suggestion is unique
          fixes: m.unambiguous ? [{ title: `Replace with "${m.suggestions[0]}"`, edits: [{ range, newText: m.suggestions[0] }] }] : undefined,
        });
      } else if (variants && m.role === 'variant' && m.body) {
        const to = m.body.canonical;
        ctx.report({ message: `"${m.text}" is an accepted form; the canonical name is "${to}".`, range, fixes: [{ title: `Replace with "${to}"`, edits: [{ range, newText: to }] }] });
      }
    }
  },
};
