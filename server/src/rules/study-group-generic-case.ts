import type { Rule } from './types';

/** Study groups in general are written in lower case (SPEC §4): `the ITU-T study groups`. */
export const studyGroupGenericCase: Rule = {
  id: 'study-group-generic-case',
  description: 'Study groups in general are written in lower case: "the ITU-T study groups", not "the ITU-T Study Groups".',
  defaultSeverity: 'warning',
  tags: ['names'],
  fixable: true,
  check(ctx) {
    for (const m of ctx.analysis.names(ctx.data).generic) {
      if (m.resolution < 0) continue;
      const k = m.unit.kind;
      if (k === 'cover' || k === 'proposal' || k === 'reasons' || k === 'number' || k === 'history') continue;
      // at the start of a sentence only the first word takes a capital
      const text = m.unit.content.text;
      const head = text.slice(0, m.from).trimEnd();
      const sentenceStart = head === '' || /[.:;]$/.test(head);
      const to = `${sentenceStart ? 'Study' : 'study'} group${m.plural ? 's' : ''}`;
      ctx.report({
        message: `Study groups in general are written in lower case: "${to}"; capitals are for a specific one ("Study Group 13").`,
        range: m.range,
        fixes: [{ title: `Replace with "${to}"`, edits: [{ range: m.range, newText: to }] }],
      });
    }
  },
};
