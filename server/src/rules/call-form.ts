import type { Rule } from './types';
import { RESOLVES_TO_VERBS } from '../model/vocabulary';
import { allSections } from './util';

/**
 * Malformed call formulas: `resolves to instructs` (the verb after `resolves to` is an
 * infinitive), an unknown verb after `resolves to`, a capitalised call.
 */
export const callForm: Rule = {
  id: 'call-form',
  description: 'Calls are written in lower case and "resolves to" takes an infinitive (resolves to instruct, not resolves to instructs).',
  defaultSeverity: 'error',
  tags: ['calls'],
  fixable: true,
  check(ctx) {
    for (const section of allSections(ctx.analysis)) {
      const call = section.call;
      if (!call.known) continue;
      const first = call.text[0];
      if (first !== first.toLowerCase()) {
        const r = { start: call.range.start, end: { line: call.range.start.line, character: call.range.start.character + 1 } };
        ctx.report({
          message: `Calls are written in lower case: "${call.text[0].toLowerCase()}${call.text.slice(1, 40)}".`,
          range: r,
          fixes: [{ title: 'Write the call in lower case', edits: [{ range: r, newText: first.toLowerCase() }] }],
        });
      }
      if (call.toVerb && call.toVerbRange) {
        const v = call.toVerb.toLowerCase().replace(/\s+/g, ' ');
        if ((RESOLVES_TO_VERBS as readonly string[]).includes(v)) continue;
        const stem = v.replace(/s$/, '').replace(/calls upon$/, 'call upon');
        const fixable = (RESOLVES_TO_VERBS as readonly string[]).includes(stem);
        ctx.report({
          message: fixable
            ? `"resolves to ${call.toVerb}" is malformed: write "resolves to ${stem}".`
            : `"resolves to ${call.toVerb}" is not an ITU formula: use resolves to instruct, invite, request, encourage or urge.`,
          range: call.toVerbRange,
          fixes: fixable ? [{ title: `Change to "resolves to ${stem}"`, edits: [{ range: call.toVerbRange, newText: stem }] }] : undefined,
        });
      }
    }
  },
};
