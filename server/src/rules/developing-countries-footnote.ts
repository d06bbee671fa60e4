import type { Rule } from './types';
import { comparePos, rangeIn } from '../model/content';
import type { Position, Range, ResDocument } from '../model/types';

const MENTION = /\bdeveloping countries\b/i;

/**
 * The first mention of developing countries in a resolution carries the standard footnote
 * ("These include the least developed countries, small island developing states,
 * landlocked developing countries and countries with economies in transition.").
 */
export const developingCountriesFootnote: Rule = {
  id: 'developing-countries-footnote',
  description: 'The first mention of developing countries carries the standard footnote.',
  defaultSeverity: 'warning',
  tags: ['language', 'footnotes'],
  fixable: false,
  check(ctx) {
    const seen = new Set<number>();
    for (const u of ctx.analysis.texts) {
      if (u.resolution < 0 || seen.has(u.resolution) || u.kind === 'footnote' || u.kind === 'number' || u.kind === 'history') continue;
      const m = MENTION.exec(u.content.text);
      if (!m) continue;
      seen.add(u.resolution);
      // the footnote reference must follow the mention on the same line
      const range = rangeIn(u.content, m.index, m.index + m[0].length);
      const ref = footnoteAfter(ctx.analysis.memo('footnoteRefsByLine', null, () => refsByLine(ctx.doc)), range.end.line, range.end.character);
      if (!ref) {
        ctx.report({
          message:
            'The first mention of developing countries carries the standard footnote: "These include the least developed countries, small island developing states, landlocked developing countries and countries with economies in transition."',
          range,
        });
        continue;
      }
      const body = footnoteBody(ctx.doc, ref.id, ref.range.start);
      if (body && !/least developed countries/i.test(body.content.text)) {
        ctx.report({
          message: 'The footnote on developing countries should read: "These include the least developed countries, small island developing states, landlocked developing countries and countries with economies in transition."',
          range: body.range,
        });
      }
    }
  },
};

/** The footnote markers of each line. */
function refsByLine(doc: ResDocument): Map<number, ResDocument['traces']> {
  const m = new Map<number, ResDocument['traces']>();
  for (const t of doc.traces) {
    if (t.kind !== 'footnoteRef') continue;
    const list = m.get(t.range.start.line) ?? [];
    list.push(t);
    m.set(t.range.start.line, list);
  }
  return m;
}

function footnoteAfter(refs: Map<number, ResDocument['traces']>, line: number, character: number): { id: string; range: Range } | null {
  for (const t of refs.get(line) ?? []) {
    const gap = t.range.start.character - character;
    if (gap >= 0 && gap <= 2) return { id: t.value, range: t.range };
  }
  return null;
}

/**
 * The body of footnote `id` that a marker at `at` refers to: the first with that id at or
 * after the marker (Word's numbers restart in each document pasted into one file), or else
 * any with that id.
 */
function footnoteBody(doc: ResDocument, id: string, at: Position): ResDocument['footnotes'][number] | undefined {
  let any: ResDocument['footnotes'][number] | undefined;
  for (const f of doc.footnotes) {
    if (f.id !== id) continue;
    if (comparePos(f.range.start, at) >= 0) return f;
    any ??= f;
  }
  return any;
}
