import type { Rule } from './types';
import { canonicalLabel, expectedKind, allSections } from './util';
import { posAt } from '../model/content';

/** In a section of several clauses, every clause carries a label. */
export const missingLabel: Rule = {
  id: 'missing-label',
  description: 'Every clause of a section with several clauses has a label.',
  defaultSeverity: 'error',
  tags: ['labels', 'structure'],
  fixable: true,
  check(ctx) {
    for (const section of allSections(ctx.analysis)) {
      if (section.clauses.length < 2 || !section.call.known) continue;
      const kind = expectedKind(section);
      let prev = 0;
      for (const clause of section.clauses) {
        if (clause.label) {
          prev = clause.label.ordinal;
          continue;
        }
        const label = canonicalLabel(kind, prev + 1, 0);
        prev += 1;
        const at = posAt(clause.content, 0);
        const words = clause.content.text.split(/\s+/).slice(0, 4).join(' ');
        ctx.report({
          message: `This clause of "${section.call.text}" has no label (expected ${label}): "${words} …".`,
          range: { start: at, end: { line: at.line, character: at.character + Math.min(clause.content.text.length, words.length) } },
          fixes: [{ title: `Insert the label ${label}`, edits: [{ range: { start: at, end: at }, newText: `${label}\t` }] }],
        });
      }
    }
  },
};
