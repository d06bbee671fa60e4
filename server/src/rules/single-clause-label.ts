import type { Rule } from './types';
import { allSections } from './util';

/** A section with a single clause carries no label. */
export const singleClauseLabel: Rule = {
  id: 'single-clause-label',
  description: 'A section with a single clause has no label.',
  defaultSeverity: 'warning',
  tags: ['labels', 'structure'],
  fixable: true,
  check(ctx) {
    for (const section of allSections(ctx.analysis)) {
      if (section.clauses.length !== 1) continue;
      const clause = section.clauses[0];
      const label = clause.label;
      if (!label || label.kind === 'dotted') continue;
      // remove the label and the white space after it
      const end = { line: clause.content.line, character: clause.content.column };
      ctx.report({
        message: `"${section.call.text}" has a single clause, which takes no label: remove ${label.text}.`,
        range: label.range,
        fixes: [{ title: `Remove the label ${label.text}`, edits: [{ range: { start: label.range.start, end }, newText: '' }] }],
      });
    }
  },
};
