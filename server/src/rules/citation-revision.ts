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
 * judged as of that meeting, never today. A revision the data lists after the cited one and
 * up to the document's meeting makes the citation stale, even when the cited version itself
 * is not listed (the early history of many entries is not in the data). Also: a revision
 * later than the document's meeting; `Rev.` written for a first adoption or left out for a
 * revision; and a revision the cited meeting did not make, only for an entry whose list is
 * complete (`completeTo`, from a history line, in the built-in data or a reference
 * document) and only up to that meeting. Nothing is reported where the data cannot tell.
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
        // only where the data says its list is complete, and up to that meeting: a partial
        // history, or one that lags, may simply miss the cited version
        const until = e.completeTo ? ctx.data.meetingById(e.completeTo) : undefined;
        const order = until ? meetingOrder(cited, until) : null;
        if (order === -1 || order === 0) {
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
            message:
              latest.meeting.id === asOf.id
                ? `${name} was revised at ${meetingLabel(latest.meeting)}, this text's own meeting: cite "(${right})".`
                : `${name} was revised at ${meetingLabel(latest.meeting)}, before this text's meeting (${r.doc.label}): cite "(${right})".`,
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
