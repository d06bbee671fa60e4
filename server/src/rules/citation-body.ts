import type { Rule } from './types';
import { BODY_NAMES, BODY_NOUN, byCitation, checkedItems } from '../analyzer/citations';

/**
 * The body a citation names is the one that issued the text (SPEC §3): `of this assembly`
 * only for the document's own body, WRC texts belong to the World Radiocommunication
 * Conference (never the Radiocommunication Assembly), `Resolution ITU-R N` only for the
 * Radiocommunication Assembly.
 */
export const citationBody: Rule = {
  id: 'citation-body',
  description: 'A citation attributes the text to the body that issued it ("of this assembly" only for the document\'s own body; WRC texts are not the Radiocommunication Assembly\'s).',
  defaultSeverity: 'error',
  tags: ['citations'],
  fixable: true,
  check(ctx) {
    const items = checkedItems(ctx.analysis, ctx.data).filter((r) => r.citation.family === 'text');
    for (const { citation: c, items: its } of byCitation(items)) {
      const r = its[0];
      const phrase = c.bodyPhrase;
      const docBody = r.doc.body;
      if (phrase?.body === 'self' && docBody) {
        const noun = BODY_NOUN[docBody];
        if (phrase.selfNoun && phrase.selfNounRange && phrase.selfNoun.toLowerCase() !== noun) {
          ctx.report({
            message: `The ${BODY_NAMES[docBody]} is ${noun === 'assembly' ? 'an assembly' : 'a conference'}: write "of this ${noun}".`,
            range: phrase.selfNounRange,
            fixes: [{ title: `Write "${noun}"`, edits: [{ range: phrase.selfNounRange, newText: noun }] }],
          });
        }
        // the cited meeting is of another body than the document's
        for (const it of its) {
          if (!it.meeting || it.candidates.length === 0 || it.candidates.some((m) => m.body === docBody)) continue;
          const bodies = [...new Set(it.candidates.map((m) => m.body))];
          const where = it.meeting.wrcForm ? it.meeting.place : `${it.meeting.place}, ${it.meeting.year}`;
          const right = bodies.length === 1 ? `of the ${BODY_NAMES[bodies[0]]}` : null;
          ctx.report({
            message: `${where} was a meeting of the ${bodies.map((b) => BODY_NAMES[b]).join(' and the ')}, not of this ${BODY_NAMES[docBody]}${right ? `: write "${right}"` : ''}.`,
            range: phrase.range,
            fixes: right && its.length === 1 ? [{ title: `Write "${right}"`, edits: [{ range: phrase.range, newText: right }] }] : undefined,
          });
          break;
        }
      }
      if (phrase && phrase.body === 'RA' && r.meeting?.wrcForm) {
        const right = `of the ${BODY_NAMES.WRC}`;
        ctx.report({
          message: `${r.meeting.place} texts belong to the ${BODY_NAMES.WRC}, not to the ${BODY_NAMES.RA}: write "${right}".`,
          range: phrase.range,
          fixes: [{ title: `Write "${right}"`, edits: [{ range: phrase.range, newText: right }] }],
        });
      }
      if (r.item.ituR && phrase && phrase.body !== 'RA' && phrase.body !== 'other' && !r.meeting?.wrcForm) {
        const named = phrase.body === 'self' ? docBody : phrase.body;
        if (named && named !== 'RA') {
          ctx.report({
            message: `"Resolution ITU-R ${r.item.number}" is a resolution of the ${BODY_NAMES.RA}, not of the ${BODY_NAMES[named]}.`,
            range: phrase.range,
          });
        }
      }
    }
  },
};
