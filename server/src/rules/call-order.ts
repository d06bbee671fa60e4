import type { Rule } from './types';

/** Preambular sections (considering, noting …) come before operative ones (resolves, instructs …). */
export const callOrder: Rule = {
  id: 'call-order',
  description: 'Preambular sections come before operative sections.',
  defaultSeverity: 'error',
  tags: ['calls', 'structure'],
  fixable: false,
  check(ctx) {
    for (const res of ctx.doc.resolutions) {
      let firstOperative: string | null = null;
      for (const s of res.sections) {
        if (!s.call.known) continue;
        if (s.call.kind === 'operative') firstOperative ??= s.call.text;
        else if (firstOperative) {
          ctx.report({
            message: `"${s.call.text}" is a preambular call and must come before the operative part, which begins with "${firstOperative}".`,
            range: s.call.range,
          });
        }
      }
    }
  },
};
