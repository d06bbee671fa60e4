import type { Rule } from './types';

/** Text between the preamble and the first call, or anywhere the structure has no place for it. */
export const clauseOutsideSection: Rule = {
  id: 'clause-outside-section',
  description: 'Every paragraph of a resolution belongs to a section opened by a call.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: false,
  check(ctx) {
    for (const res of ctx.doc.resolutions) {
      for (const p of res.paragraphs) {
        const words = p.content.text.split(/\s+/).slice(0, 5).join(' ');
        ctx.report({
          message: `"${words} …" stands outside any section: put a call (considering, resolves …) before it.`,
          range: p.range,
        });
      }
    }
  },
};
