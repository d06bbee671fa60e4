import type { Rule } from './types';
import { OPERATIVE_ADDRESSED } from '../model/vocabulary';
import { allSections } from './util';

const ADDRESSED = new Set<string>(OPERATIVE_ADDRESSED);

/** `instructs`, `invites`, `resolves to instruct` … name whom they address. */
export const callAddressee: Rule = {
  id: 'call-addressee',
  description: 'Calls such as instructs, invites, requests and resolves to instruct name their addressee.',
  defaultSeverity: 'error',
  tags: ['calls'],
  fixable: false,
  check(ctx) {
    for (const section of allSections(ctx.analysis)) {
      const call = section.call;
      if (!call.known) continue;
      const needs = ADDRESSED.has(call.head) || (call.head === 'resolves' && call.toVerb !== null);
      if (needs && !call.addressee) {
        ctx.report({
          message: `"${call.text}" must name its addressee (for example "${call.text} the Director of the Telecommunication Standardization Bureau").`,
          range: call.range,
        });
      }
    }
  },
};
