import type { Rule, RuleContext } from './types';
import type { Content } from '../model/types';
import { rangeIn } from '../model/content';
import { clauseTail, endingIndex } from './util';

type Ending = ';' | ',' | '.';
const NAMES: Record<string, string> = { ';': 'a semicolon', ',': 'a comma', '.': 'a full stop', ':': 'a colon' };

/**
 * Every clause ends with `;`, the last clause of a section with `,`, the last clause of the
 * resolution with `.`; a clause that opens a list with a colon passes its ending to the
 * list's last item, and the other items end with `;`.
 */
export const clauseEnding: Rule = {
  id: 'clause-ending',
  description: 'Clauses end with ";", the last of a section with ",", the last of the resolution with ".".',
  defaultSeverity: 'error',
  tags: ['punctuation'],
  fixable: true,
  check(ctx) {
    for (const res of ctx.doc.resolutions) {
      const secs = res.sections.filter((s) => s.clauses.length > 0);
      secs.forEach((section, si) => {
        const lastSection = si === secs.length - 1;
        section.clauses.forEach((clause, ci) => {
          const lastClause = ci === section.clauses.length - 1;
          const want: Ending = !lastClause ? ';' : lastSection ? '.' : ',';
          const where = !lastClause
            ? 'a clause that is not the last of its section'
            : lastSection
              ? 'the last clause of the resolution'
              : `the last clause of "${section.call.text}"`;
          const tail = clauseTail(clause);
          const items = clause.subItems;
          if (items.length > 0 && endsWith(tail, ':')) {
            items.forEach((item, ii) => {
              const itemWant: Ending = ii === items.length - 1 ? want : ';';
              check(ctx, item.content, itemWant, ii === items.length - 1 ? `the last item of a list in ${where}` : 'an item of a list that is not its last', true);
            });
          } else {
            check(ctx, tail, want, where, false);
          }
        });
      });
    }
  },
};

function endsWith(c: Content, ch: string): boolean {
  const e = endingIndex(c.text);
  return e >= 0 && c.text[e] === ch;
}

function check(ctx: RuleContext, c: Content, want: Ending, where: string, listItem: boolean): void {
  const text = c.text;
  const e = endingIndex(text);
  if (e < 0) return;
  const have = text[e];
  if (have === want) return;
  // list items may close with `; and` / `; or`
  if (listItem && want === ';' && /;\s*(and|or)$/.test(text.slice(0, e + 1))) return;
  if (have === ':' ) {
    ctx.report({
      message: `This clause ends with a colon but no list follows; ${where} ends with ${NAMES[want]}.`,
      range: rangeIn(c, e, e + 1),
      fixes: [{ title: `Replace ":" with "${want}"`, edits: [{ range: rangeIn(c, e, e + 1), newText: want }] }],
    });
    return;
  }
  if (have === ';' || have === ',' || have === '.') {
    // `etc.` or an abbreviation ending with a dot before a required `;`/`,` is still wrong: ITU writes `etc.;`
    ctx.report({
      message: `${cap(where)} ends with ${NAMES[want]}, not ${NAMES[have]}.`,
      range: rangeIn(c, e, e + 1),
      fixes: [{ title: `Replace "${have}" with "${want}"`, edits: [{ range: rangeIn(c, e, e + 1), newText: want }] }],
    });
    return;
  }
  const at = rangeIn(c, e, e + 1);
  ctx.report({
    message: `${cap(where)} ends with ${NAMES[want]}; this one has no closing punctuation.`,
    range: at,
    fixes: [{ title: `Add "${want}"`, edits: [{ range: { start: at.end, end: at.end }, newText: want }] }],
  });
}

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
