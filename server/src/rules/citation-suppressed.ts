import type { Rule } from './types';
import { asOfPoint, checkedItems, itemName, meetingLabel, meetingOrder } from '../analyzer/citations';

/**
 * A resolution suppressed (abrogated) before or at the document's own meeting is no
 * longer in force and is not cited (SPEC §3). Judged as of the document's meeting: a text
 * adopted before the suppression may cite it.
 */
export const citationSuppressed: Rule = {
  id: 'citation-suppressed',
  description: "A cited resolution had not been suppressed as of the document's own meeting.",
  defaultSeverity: 'error',
  tags: ['citations'],
  fixable: false,
  check(ctx) {
    for (const r of checkedItems(ctx.analysis, ctx.data)) {
      const e = r.entry;
      if (!e?.suppressed) continue;
      const asOf = asOfPoint(r.doc);
      if (!asOf) continue;
      const s = ctx.data.meetingById(e.suppressed);
      if (!s) continue;
      const o = meetingOrder(s, asOf);
      if (o === null || o > 0) continue;
      ctx.report({
        message: `${itemName(r)} (${e.title}) was suppressed by the ${s.body} (${meetingLabel(s)})${o === 0 ? ', the meeting of this text' : `, before this text's meeting (${r.doc.label})`}.`,
        range: r.item.range,
      });
    }
  },
};
