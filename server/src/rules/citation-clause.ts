import type { Rule } from './types';
import { citedLabel, externalClauses, partName } from '../analyzer/externalClauses';
import { siblingsNote } from '../analyzer/paragraphRefs';

/** The file name of a reference document's URI, for messages. */
function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * `resolves 3 of Resolution 18 (Rev. Hammamet, 2016)`, `9.5.2 of Resolution 1 (Rev.
 * Hammamet, 2016)`: the cited revision has that clause or numbered paragraph.
 * Checked only where one of the user's reference documents (or an open document) gives
 * that very revision: the built-in data holds no clauses, and another revision may be
 * numbered otherwise.
 */
export const citationClause: Rule = {
  id: 'citation-clause',
  description: 'A reference to a clause or numbered paragraph of a cited text (resolves 3 of Resolution 18 (Rev. Hammamet, 2016)) names one that revision has, as a reference document gives it.',
  defaultSeverity: 'warning',
  tags: ['citations'],
  fixable: false,
  check(ctx) {
    if (!ctx.data.outlines.length) return;
    for (const x of externalClauses(ctx.analysis, ctx.data)) {
      if (!x.outline || x.found || !x.item) continue;
      const cited = citedLabel(x.item);
      const part = partName(x.ref);
      const where = `as in ${fileName(x.outline.source)}`;
      if (x.ref.kind === 'paragraph') {
        const numbers = x.outline.paragraphs;
        const has = !numbers.length ? 'it numbers no paragraphs' : siblingsNote(x.ref.label, numbers) || `its paragraphs run from ${numbers[0]} to ${numbers[numbers.length - 1]}`;
        ctx.report({ message: `${cited} has no paragraph ${x.ref.label} (${has}; ${where}).`, range: x.ref.range });
        continue;
      }
      if (!x.sections.length) {
        const parts = [...new Set(x.outline.sections.map((s) => `${s.head}${s.modifier ? ' ' + s.modifier : ''}`))];
        ctx.report({ message: `${cited} has no "${part}" part (its parts: ${parts.join(', ')}; ${where}).`, range: x.ref.range });
        continue;
      }
      let has: string;
      if (x.sections.length > 1) has = `none of its ${x.sections.length} "${part}" parts has one`;
      else {
        const labels = x.sections[0].labels;
        has = labels.length ? `its "${x.sections[0].call}" clauses: ${labels.join(', ')}` : `its "${x.sections[0].call}" part has no labelled clauses`;
      }
      ctx.report({ message: `${cited} has no ${part} ${x.ref.label} (${has}; ${where}).`, range: x.ref.labelRange });
    }
  },
};
