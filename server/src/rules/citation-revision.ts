import type { Rule } from './types';
import {
  asOfPoint,
  checkedItems,
  itemName,
  latestAsOf,
  meetingLabel,
  meetingOrder,
  versionAt,
  versionLabel,
} from '../analyzer/citations';

/**
 * The cited revision is the latest one adopted up to the document's own meeting (SPEC §3):
 * judged as of that meeting, never today. Also: a revision that meeting did not make
 * (only when the entry's version list is complete: it starts with the adoption), a
 * revision later than the document's meeting, and `Rev.` written for a first adoption or
 * left out for a revision. Nothing is reported where the data cannot tell; a revision the
 * data lists after the cited one and up to the document's meeting makes a citation stale
 * even when the cited version itself is not listed (the early history of many entries is
 * not in the data).
 */
export const citationRevision: Rule = {
  id: 'citation-revision',
  description: "A citation names the latest revision adopted up to the document's own meeting, one that exists.",
  defaultSeverity: 'warning',
  tags: ['citations'],
  fixable: true,
  check(ctx) {
    for (const r of checkedItems(ctx.analysis, ctx.data)) {
      const e = r.entry;
      const m = r.meeting;
      const cited = r.cited;
      if (!e || !m || !cited) continue;
      const name = itemName(r);
      // a parenthesis shared by several numbers is not rewritten by a fix
      const own = r.citation.items.length === 1 || r.item.meeting !== null;
      const asOf = asOfPoint(r.doc);
      if (asOf && meetingOrder(cited, asOf) === 1) {
        ctx.report({
          message: `${meetingLabel(cited)} is later than this text's own meeting (${r.doc.label}): it cannot cite that revision.`,
          range: m.range,
        });
        continue;
      }
      const v = versionAt(e, cited);
      if (!v) {
        const complete = e.versions.length > 0 && e.versions[0].kind === 'new';
        const last = e.versions.length ? ctx.data.meetingById(e.versions[e.versions.length - 1].meeting) : undefined;
        // only within the span the data lists: a later revision may simply be missing from it
        if (complete && last && meetingOrder(cited, last) === -1) {
          const list = e.versions
            .map((x) => ctx.data.meetingById(x.meeting))
            .filter((x) => !!x)
            .map((x) => meetingLabel(x!));
          ctx.report({
            message: `${name} was not adopted or revised at ${meetingLabel(cited)} (its versions: ${list.join('; ')}).`,
            range: m.range,
          });
          continue;
        }
        // a list without the early history cannot say whether the cited meeting made a
        // version, but a revision it lists between that meeting and the text's own still
        // makes the citation stale (below)
      }
      if (asOf && r.citation.unit.kind !== 'title') {
        const latest = latestAsOf(ctx.data, e, asOf);
        if (latest && !latest.ambiguous && latest.meeting.id !== cited.id && meetingOrder(latest.meeting, cited) === 1) {
          const right = versionLabel(latest.meeting, latest.version.kind);
          ctx.report({
            message: `${name} was revised at ${meetingLabel(latest.meeting)}, before this text's meeting (${r.doc.label}): cite "(${right})".`,
            range: m.range,
            fixes: own ? [{ title: `Cite "(${right})"`, edits: [{ range: m.range, newText: right }] }] : undefined,
          });
          continue;
        }
      }
      if (!own || !v) continue;
      const right = versionLabel(cited, v.kind);
      if (v.kind === 'rev' && !m.rev) {
        ctx.report({
          message: `${meetingLabel(cited)} revised ${name}: write "(${right})".`,
          range: m.range,
          fixes: [{ title: `Write "(${right})"`, edits: [{ range: m.range, newText: right }] }],
        });
      } else if (v.kind === 'new' && m.rev) {
        ctx.report({
          message: `${name} was first adopted at ${meetingLabel(cited)}, not revised: write "(${right})".`,
          range: m.range,
          fixes: [{ title: `Write "(${right})"`, edits: [{ range: m.range, newText: right }] }],
        });
      }
    }
  },
};
