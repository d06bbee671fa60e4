import type { Rule } from './types';

/**
 * A specific study group is written `Study Group 13` in resolution text (SPEC §4): not
 * `SG13`, `SG 13` or `study group 13`.
 */
export const studyGroupForm: Rule = {
  id: 'study-group-form',
  description: 'A specific study group is written "Study Group 13", not "SG13", "SG 13" or "study group 13".',
  defaultSeverity: 'warning',
  tags: ['names'],
  fixable: true,
  check(ctx) {
    for (const m of ctx.analysis.names(ctx.data).studyGroups) {
      if (m.resolution < 0 || !m.listHead || m.form === 'full') continue;
      const k = m.unit.kind;
      if (k === 'cover' || k === 'proposal' || k === 'reasons' || k === 'number' || k === 'history') continue;
      const written = m.unit.content.text.slice(m.formFrom, m.formTo);
      const numbers = m.unit.content.text.slice(m.formFrom, m.formTo).replace(/^\D+/, '');
      const to = `Study Group${m.plural ? 's' : ''} ${numbers}`;
      const message =
        m.form === 'short'
          ? `Write "${to}" in resolution text, not "${written}".`
          : `A specific study group takes capitals: "${to}".`;
      ctx.report({ message, range: m.formRange, fixes: [{ title: `Replace with "${to}"`, edits: [{ range: m.formRange, newText: to }] }] });
    }
  },
};
