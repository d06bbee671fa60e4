import type { Rule } from './types';
import { closest } from './util';

/**
 * A `reslint-disable…` or `reslint-enable` comment names a rule that does not exist: it
 * silences nothing, and the finding it was written for still shows. Made with the ids of
 * the registry (rules/index.ts), which cannot be imported here without a cycle.
 */
export function directiveUnknownRule(ruleIds: () => ReadonlySet<string>): Rule {
  return {
    id: 'directive-unknown-rule',
    description: 'An inline reslint-disable or reslint-enable comment names rules that exist.',
    defaultSeverity: 'warning',
    tags: ['directives'],
    fixable: true,
    check(ctx) {
      const ids = ruleIds();
      for (const d of ctx.doc.directives) {
        d.rules.forEach((id, i) => {
          if (ids.has(id)) return;
          const range = d.ruleRanges[i];
          const near = closest(id, ids);
          ctx.report({
            message: near
              ? `There is no rule "${id}": did you mean "${near}"? This comment silences nothing for it.`
              : `There is no rule "${id}": this comment silences nothing for it (the rule ids are listed in docs/rules).`,
            range,
            fixes: near ? [{ title: `Change to "${near}"`, edits: [{ range, newText: near }] }] : undefined,
          });
        });
      }
    },
  };
}
