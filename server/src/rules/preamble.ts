import type { Rule } from './types';
import type { MeetingRef } from '../model/types';
import { rangeIn } from '../model/content';

export function samePlace(a: string, b: string): boolean {
  const n = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  return n(a) === n(b);
}

export function sameMeeting(a: MeetingRef, b: MeetingRef): boolean {
  return a.year === b.year && samePlace(a.place, b.place);
}

function show(m: MeetingRef): string {
  return m.wrcForm ? m.place : `${m.place}, ${m.year ?? '?'}`;
}

/** The preamble names the meeting of the number line and ends with a comma. */
export const preambleMeeting: Rule = {
  id: 'preamble-meeting',
  description: "The preamble names the adopting body's meeting, the same as the number line's, and ends with a comma.",
  defaultSeverity: 'error',
  tags: ['structure'],
  fixable: true,
  check(ctx) {
    for (const res of ctx.doc.resolutions) {
      const pre = res.preamble;
      if (!pre) continue;
      const nm = res.numberLine.meeting;
      const pm = pre.meeting;
      if (pm && nm && !nm.wrcForm && !sameMeeting(pm, nm)) {
        const want = `${nm.place}, ${nm.year ?? ''}`;
        ctx.report({
          message: `The preamble names ${show(pm)} but the number line says ${show(nm)}: a resolution is adopted at the meeting in its number.`,
          range: pm.range,
          fixes: nm.year ? [{ title: `Change to (${want})`, edits: [{ range: pm.range, newText: want }] }] : undefined,
        });
      }
      if (!pm && nm && !nm.wrcForm && pre.body !== 'RA' && nm.year) {
        const at = pre.range.end;
        ctx.report({
          message: `The preamble should name the meeting: "The ${pre.bodyText} (${nm.place}, ${nm.year}),".`,
          range: pre.range,
        });
        void at;
      }
      if (!pre.endsWithComma) {
        const t = pre.content.text;
        const last = t[t.length - 1];
        const punct = /[.;:]/.test(last);
        const r = punct ? rangeIn(pre.content, t.length - 1, t.length) : rangeIn(pre.content, t.length, t.length);
        ctx.report({
          message: 'The preamble ends with a comma.',
          range: punct ? r : pre.range,
          fixes: [{ title: 'End the preamble with a comma', edits: [{ range: r, newText: ',' }] }],
        });
      }
    }
  },
};

/** The number line carries place and year; the history line ends with that meeting. */
export const numberLine: Rule = {
  id: 'number-line',
  description: 'The number line reads "Resolution N (Place, Year)" or "(Rev. Place, Year)", matching the history line.',
  defaultSeverity: 'error',
  tags: ['structure', 'citations'],
  fixable: true,
  check(ctx) {
    for (const res of ctx.doc.resolutions) {
      const nl = res.numberLine;
      const text = nl.content.text;
      const no = /\bNo\.?\s*/.exec(text);
      if (no && no.index < text.indexOf(nl.number)) {
        const r = rangeIn(nl.content, no.index, no.index + no[0].length);
        ctx.report({
          message: 'A resolution number is never preceded by "No.".',
          range: r,
          fixes: [{ title: 'Remove "No."', edits: [{ range: r, newText: '' }] }],
        });
      }
      const m = nl.meeting;
      if (!m) {
        if (!nl.draft) ctx.report({ message: `The number line lacks its place and year: "${text} (Place, Year)".`, range: nl.range });
        continue;
      }
      if (!m.wrcForm && (m.year === null || !m.place)) {
        ctx.report({ message: `The number line names its meeting as "(Place, Year)"; "${m.raw}" lacks the ${m.year === null ? 'year' : 'place'}.`, range: m.range });
      }
      if (m.revText !== null && m.revRange && (!m.revText.endsWith('.') || m.revSpace !== ' ')) {
        // a number line in capitals keeps them
        const word = `${m.revText.replace(/\.$/, '')}. `;
        ctx.report({ message: '"Rev." is followed by one space.', range: m.revRange, fixes: [{ title: `Write "${word}"`, edits: [{ range: m.revRange, newText: word }] }] });
      }
      const h = res.history;
      if (h && h.meetings.length > 0) {
        const last = h.meetings[h.meetings.length - 1];
        if (!m.wrcForm && !last.wrcForm && !sameMeeting(last, m)) {
          ctx.report({
            message: `The history line ends with ${show(last)} but the number line says ${show(m)}.`,
            range: last.range,
          });
        }
        const revised = h.meetings.length > 1;
        if (revised && !m.rev) {
          ctx.report({ message: `The history line lists ${h.meetings.length} meetings, so the number line reads "(Rev. ${show(m)})".`, range: m.range });
        } else if (!revised && m.rev && h.footnoteRefs.length === 0) {
          // (a footnote on the history line, as in Resolution 1, carries the earlier meetings)
          ctx.report({ message: `"Rev." marks a revised text, but the history line lists only one meeting.`, range: m.range });
        }
      }
    }
  },
};
