import type { Rule } from './types';
import { CITING_CALLS, TO_SECTIONS } from '../model/vocabulary';
import { rangeIn } from '../model/content';
import { allSections } from './util';

/** A clause that opens with the document it cites: `Resolution 18 (…) of this assembly, on …`. */
const CITED_DOCUMENT =
  /^(?:Resolutions?|Recommendations?|Decisions?|Opinions?|Articles?|Nos?\.|Annex(?:es)?|Appendix|Appendices|Sections?|Chapters?|Reports?|Handbook|Documents?|Questions?|paragraphs?\b|§|the\b|[\u201c"])/;

/**
 * A clause that opens with a document named after its body or meeting: `United Nations General
 * Assembly (UNGA) Resolution 70/1, on …`, `Council Resolution 1343 (C12)`, `the Geneva Plan of
 * Action` (the last already opens with "the"). Every word before the document's kind is a
 * name (capitalized, an abbreviation in parentheses, or of/on/the/for/and inside a name).
 */
const NAMED_DOCUMENT =
  /^[A-Z][\w\u2019'-]*(?:[ \t]+(?:[A-Z][\w\u2019'-]*|\([A-Z][\w-]*\)|of|on|the|for|and)){0,8}?[ \t]+(?:Resolutions?|Decisions?|Recommendations?|Reports?|Declaration|Agenda|Plan[ \t]+of[ \t]+Action|Opinions?|Convention|Constitution|Regulations|Handbook)\b/;

/**
 * Clauses open as their section requires: `that` under preambular calls (or the cited
 * document under noting/recalling), `that` or `to` under resolves, `to` under instructs,
 * invites, encourages, requests and resolves to <verb>.
 */
export const clauseOpening: Rule = {
  id: 'clause-opening',
  description: 'Clauses open with "that" or "to" as their section requires.',
  defaultSeverity: 'warning',
  tags: ['clauses'],
  fixable: false,
  check(ctx) {
    for (const section of allSections(ctx.analysis)) {
      const call = section.call;
      if (!call.known) continue;
      let allowed: string[];
      let citing = false;
      if (call.kind === 'preambular') {
        allowed = ['that'];
        // SPEC §1 names noting and recalling; ITU's own texts also open considering clauses
        // with the cited document (Res 1 (Rev. Hammamet, 2016), considering i)), so every
        // preambular call accepts it, and the message names the usual calls
        citing = true;
      } else if (call.head === 'resolves' && call.toVerb) allowed = ['to'];
      else if (TO_SECTIONS.has(call.head)) allowed = ['to'];
      else allowed = ['that', 'to'];
      for (const clause of section.clauses) {
        const text = clause.content.text;
        const m = /^[A-Za-z]+/.exec(text);
        const word = m ? m[0] : '';
        if (allowed.includes(word)) continue;
        if (citing && (CITED_DOCUMENT.test(text) || NAMED_DOCUMENT.test(text))) continue;
        const shown = text.split(/\s+/).slice(0, 3).join(' ');
        ctx.report({
          message:
            allowed.length === 2
              ? `A clause under "${call.text}" opens with "that" or "to", not "${shown} …".`
              : citing
                ? `A clause under "${call.text}" opens with "that" or with the document it cites, not "${shown} …".`
                : `A clause under "${call.text}" opens with "${allowed[0]}", not "${shown} …".`,
          range: rangeIn(clause.content, 0, Math.min(text.length, Math.max(1, word.length || 10))),
        });
      }
    }
  },
};
