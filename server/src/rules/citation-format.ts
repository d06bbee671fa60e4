import type { Fix, Rule } from './types';
import {
  BODY_NAMES,
  asOfPoint,
  meetingOrder,
  byCitation,
  byMeeting,
  checkedItems,
  type CitedMeeting,
  type ResolvedItem,
} from '../analyzer/citations';
import type { Range } from '../model/types';

function edit(title: string, range: Range, newText: string): Fix[] {
  return [{ title, edits: [{ range, newText }] }];
}

function insertAt(range: Range): Range {
  return { start: range.start, end: range.start };
}

/**
 * How a citation is written (SPEC §3): `Resolution 43 (Rev. Dubai, 2014)`: `Rev.` and one
 * space, a comma between place and year, place and year never dropped, no `No.`, the
 * plural with several numbers, `ITU-R` for Radiocommunication Assembly texts only.
 */
export const citationFormat: Rule = {
  id: 'citation-format',
  description: 'A citation reads "Resolution N (Rev. Place, Year)": "Rev." and a space, a comma before the year, place and year present, no "No.", plural with several numbers.',
  defaultSeverity: 'warning',
  tags: ['citations'],
  fixable: true,
  check(ctx) {
    const items = checkedItems(ctx.analysis, ctx.data);
    for (const { citation: c, items: its } of byCitation(items)) {
      const first = its[0];
      if (c.noRange) {
        ctx.report({
          message: `A ${c.type.toLowerCase()} number is never preceded by "No.".`,
          range: c.noRange,
          fixes: edit('Remove "No."', c.noRange, ''),
        });
      }
      if (c.keyword !== 'Rec.') {
        const base = c.plural ? c.keyword.slice(0, -1) : c.keyword;
        if (c.items.length > 1 && !c.plural) {
          ctx.report({
            message: `Several numbers are cited: write "${base}s".`,
            range: c.keywordRange,
            fixes: edit(`Write "${base}s"`, c.keywordRange, `${base}s`),
          });
        } else if (c.items.length === 1 && c.plural) {
          ctx.report({
            message: `Only one number is cited: write "${base}".`,
            range: c.keywordRange,
            fixes: edit(`Write "${base}"`, c.keywordRange, base),
          });
        }
      }
      if (c.family !== 'text') continue;
      // texts of the Council and other bodies are outside the catalogue and its conventions
      if (c.bodyPhrase?.body === 'other' || c.prefixBody === 'other') continue;
      if (c.ituRRange && first.meeting?.wrcForm) {
        ctx.report({
          message: `${first.meeting.place} is a World Radiocommunication Conference: its texts are never numbered "ITU-R" (that is for Radiocommunication Assembly resolutions).`,
          range: c.ituRRange,
          fixes: edit('Remove "ITU-R"', c.ituRRange, ''),
        });
      }
      if (
        c.type === 'Resolution' &&
        !first.item.ituR &&
        first.body === 'RA' &&
        (first.bodySource === 'phrase' || first.bodySource === 'prefix') &&
        !first.meeting?.wrcForm
      ) {
        ctx.report({
          message: `Resolutions of the ${BODY_NAMES.RA} are cited "Resolution ITU-R ${first.item.number}".`,
          range: first.item.range,
          fixes: edit('Insert "ITU-R"', insertAt(first.item.range), 'ITU-R '),
        });
      }
      // `Resolution ITU-R 56-2`: the suffix names the revision
      const missing = its.filter((r) => !r.meeting && r.item.revisionSuffix === null);
      if (missing.length > 0) {
        const r = missing[0];
        const names = missing.map((m) => m.item.text).join(', ');
        ctx.report({
          message: `A citation carries its place and year: "${c.keyword} ${names} (Place, Year)"${c.type === 'Recommendation' || r.body === 'WRC' ? ' or "(WRC-YY)"' : ''}.`,
          range: { start: c.keywordRange.start, end: missing[missing.length - 1].item.range.end },
        });
      }
    }
    for (const { meeting, items: its } of byMeeting(items)) checkMeeting(ctx, meeting, its);
  },
};

function checkMeeting(ctx: Parameters<Rule['check']>[0], m: CitedMeeting, its: ResolvedItem[]): void {
  const r = its[0];
  if (r.citation.family !== 'text' || r.citation.bodyPhrase?.body === 'other' || r.citation.prefixBody === 'other') return;
  if (!m.wrcForm && m.year === null) {
    // `(Hammamet)`: the year is missing; added when the place had exactly one meeting
    // meetings after the document's own cannot be meant
    const asOf = asOfPoint(r.doc);
    const at = (r.body ? r.atPlace.filter((x) => x.body === r.body) : r.atPlace).filter((x) => !asOf || meetingOrder(x, asOf) !== 1);
    const only = at.length === 1 ? at[0] : null;
    ctx.report({
      message: `"(${m.raw.trim()})" lacks the year: a citation names its meeting as "(Place, Year)"${only ? ` (${only.place}, ${only.year})` : ''}.`,
      range: m.range,
      fixes: only ? edit(`Write "${m.rev ? 'Rev. ' : ''}${only.place}, ${only.year}"`, m.range, `${m.rev ? 'Rev. ' : ''}${only.place}, ${only.year}`) : undefined,
    });
    return;
  }
  if (!m.wrcForm && !m.place) {
    const asOf = asOfPoint(r.doc);
    const inYear = r.body ? ctx.data.meetingsByBody(r.body).filter((x) => x.year === m.year && (!asOf || meetingOrder(x, asOf) !== 1)) : [];
    const only = inYear.length === 1 ? inYear[0] : null;
    ctx.report({
      message: `"(${m.raw.trim()})" lacks the place: a citation names its meeting as "(Place, Year)"${only ? ` (${only.place}, ${only.year})` : ''}.`,
      range: m.range,
      fixes: only ? edit(`Write "${m.rev ? 'Rev. ' : ''}${only.place}, ${only.year}"`, m.range, `${m.rev ? 'Rev. ' : ''}${only.place}, ${only.year}`) : undefined,
    });
    return;
  }
  const problems: string[] = [];
  if (m.rev && (m.revText !== 'Rev.' || m.revSpace !== ' ')) problems.push('"Rev." is written with a capital, a full stop and one space');
  if (!m.wrcForm && !m.comma) problems.push('a comma separates the place and the year');
  if (m.wrcForm && m.wrcSeparator !== '-') problems.push(`a hyphen joins "${m.wrcPrefix}" and the year`);
  if (problems.length === 0) return;
  ctx.report({
    message: `Write "(${m.canonical})": ${problems.join('; ')}.`,
    range: m.range,
    fixes: edit(`Write "(${m.canonical})"`, m.range, m.canonical),
  });
}
