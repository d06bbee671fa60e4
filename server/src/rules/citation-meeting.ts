import type { Rule } from './types';
import { BODY_NAMES, byMeeting, checkedItems, coveredYears, meetingLabel, meetingsAtPlace } from '../analyzer/citations';

/**
 * The meeting in a citation took place, and belongs to the body the citation names
 * (SPEC §3: "a meeting that never took place" is a defect). A meeting outside the years
 * the data covers (a WARC of 1979, a future assembly) is not judged.
 */
export const citationMeeting: Rule = {
  id: 'citation-meeting',
  description: 'The meeting a citation names took place, and was a meeting of the body the citation names.',
  defaultSeverity: 'error',
  tags: ['citations'],
  fixable: false,
  check(ctx) {
    const items = checkedItems(ctx.analysis, ctx.data).filter((r) => r.citation.family === 'text');
    for (const { meeting: m, items: its } of byMeeting(items)) {
      const r = its[0];
      const c = r.citation;
      if (c.bodyPhrase?.body === 'other' || c.prefixBody === 'other') continue;
      if (m.year === null || (!m.wrcForm && !m.place)) continue; // citation-format
      const explicit = r.bodySource === 'phrase' || r.bodySource === 'prefix' || r.bodySource === 'itu-r' || r.bodySource === 'self';
      if (r.candidates.length === 0) {
        if (m.wrcForm) {
          if (m.wrcPrefix !== 'WRC') continue;
          const years = coveredYears(ctx.data, 'WRC');
          if (!years || m.year < years[0] || m.year > years[1]) continue;
          const wrcs = ctx.data.meetingsByBody('WRC');
          const before = [...wrcs].reverse().find((w) => w.year < m.year!);
          const after = wrcs.find((w) => w.year > m.year!);
          const near = [before, after].filter(Boolean).map((w) => meetingLabel(w!));
          ctx.report({
            message: `There was no ${m.place}${near.length ? ` (the nearest were ${near.join(' and ')})` : ''}.`,
            range: m.range,
          });
          continue;
        }
        const body = explicit ? r.body : null;
        const years = coveredYears(ctx.data, body);
        if (!years || m.year < years[0] || m.year > years[1]) continue;
        const there = meetingsAtPlace(ctx.data, m.place).filter((x) => !body || x.body === body);
        const hint = there.length
          ? ` (${body ?? 'ITU'} met at ${there[0].place} in ${[...new Set(there.map((x) => x.year))].join(', ')})`
          : body
            ? ` (${body} met in ${ctx.data.meetingsByBody(body).filter((x) => Math.abs(x.year - m.year!) <= 2).map(meetingLabel).join('; ') || 'other years'})`
            : '';
        ctx.report({
          message: `${body ? `The ${BODY_NAMES[body]}` : 'No ITU assembly or conference'} ${body ? 'did not meet' : 'met'} at ${m.place} in ${m.year}${hint}.`,
          range: m.range,
        });
        continue;
      }
      // the meeting exists, but of another body than the one named
      if (!r.body || r.cited || r.bodySource === 'self') continue; // `of this assembly`: citation-body
      if (r.bodySource !== 'phrase' && r.bodySource !== 'prefix' && r.bodySource !== 'itu-r') continue;
      if (m.wrcForm && (r.body === 'RA' || r.bodySource === 'itu-r')) continue; // citation-body / citation-format
      const others = [...new Set(r.candidates.map((x) => x.body))];
      ctx.report({
        message: `${m.wrcForm ? m.place : `${m.place}, ${m.year}`} was a meeting of the ${others.map((b) => BODY_NAMES[b]).join(' and the ')}, not of the ${BODY_NAMES[r.body]}.`,
        range: m.range,
      });
    }
  },
};
