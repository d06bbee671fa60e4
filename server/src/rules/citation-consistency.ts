import type { Rule } from './types';
import { checkedItems, itemName, type ResolvedItem } from '../analyzer/citations';

function show(r: ResolvedItem): string {
  const m = r.meeting!;
  return m.canonical || m.raw.trim();
}

function key(r: ResolvedItem): string {
  const m = r.meeting!;
  return r.cited ? r.cited.id : `${m.place.toLowerCase()}|${m.year}`;
}

/**
 * One text cites a document with one revision throughout (SPEC §3: "one document cited
 * with two different revisions in the same text" is a defect).
 */
export const citationConsistency: Rule = {
  id: 'citation-consistency',
  description: 'A resolution cites each document with the same revision every time.',
  defaultSeverity: 'warning',
  tags: ['citations'],
  fixable: false,
  check(ctx) {
    const first = new Map<string, ResolvedItem>();
    const keys = new Map<string, Set<string>>();
    for (const r of checkedItems(ctx.analysis, ctx.data)) {
      // only meetings that exist for that body: a wrong meeting is citation-meeting's finding
      if (r.citation.family !== 'text' || !r.body || !r.meeting || !r.cited) continue;
      const doc = `${r.citation.resolution}|${r.body}|${r.citation.type}|${r.item.number.toUpperCase()}`;
      const seen = first.get(doc);
      if (!seen) {
        first.set(doc, r);
        keys.set(doc, new Set([key(r)]));
        continue;
      }
      // each further revision is reported once, where it first appears
      const known = keys.get(doc)!;
      if (known.has(key(r))) continue;
      known.add(key(r));
      ctx.report({
        message: `${itemName(r)} is cited here as "(${show(r)})" but as "(${show(seen)})" on line ${seen.meeting!.range.start.line + 1}: cite one revision throughout.`,
        range: r.meeting.range,
      });
    }
  },
};
