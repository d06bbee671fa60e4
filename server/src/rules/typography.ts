import type { Rule } from './types';
import { rangeIn, trimmedEnd, trimmedStart } from '../model/content';

const DOUBLE_SPACE = / {2,}/g;
const SPACE_BEFORE = /(?<=\S)[ \t]+([,;.:])(?=\s|$|["\u201d)])/g;

/** Two or more spaces inside a sentence. */
export const noDoubleSpace: Rule = {
  id: 'no-double-space',
  description: 'Words are separated by a single space.',
  defaultSeverity: 'warning',
  tags: ['typography'],
  fixable: true,
  check(ctx) {
    for (const u of ctx.analysis.texts) {
      const t = u.content.text;
      if (t.indexOf('  ') < 0) continue;
      const s = trimmedStart(t);
      const e = trimmedEnd(t);
      DOUBLE_SPACE.lastIndex = s;
      let m: RegExpExecArray | null;
      while ((m = DOUBLE_SPACE.exec(t)) && m.index < e) {
        if (m.index + m[0].length >= e) break;
        const range = rangeIn(u.content, m.index, m.index + m[0].length);
        ctx.report({ message: 'Double space.', range, fixes: [{ title: 'Replace with one space', edits: [{ range, newText: ' ' }] }] });
      }
    }
  },
};

/** A space before a comma, semicolon, colon or full stop. */
export const noSpaceBeforePunctuation: Rule = {
  id: 'no-space-before-punctuation',
  description: 'No space before a comma, semicolon, colon or full stop.',
  defaultSeverity: 'warning',
  tags: ['typography', 'punctuation'],
  fixable: true,
  check(ctx) {
    for (const u of ctx.analysis.texts) {
      const t = u.content.text;
      if (!/[ \t][,;.:]/.test(t)) continue;
      SPACE_BEFORE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = SPACE_BEFORE.exec(t))) {
        const p = m[1];
        // `. .` ellipses and ` .NET`-like tokens are not punctuation after a space
        if (p === '.' && /^\.\w/.test(t.slice(m.index + m[0].length - 1, m.index + m[0].length + 1))) continue;
        const range = rangeIn(u.content, m.index, m.index + m[0].length - 1);
        ctx.report({
          message: `Space before "${p}".`,
          range: rangeIn(u.content, m.index, m.index + m[0].length),
          fixes: [{ title: `Remove the space before "${p}"`, edits: [{ range, newText: '' }] }],
        });
      }
    }
  },
};

/** Every opening parenthesis is closed in the same paragraph and vice versa. */
export const balancedParentheses: Rule = {
  id: 'balanced-parentheses',
  description: 'Parentheses are balanced within a paragraph.',
  defaultSeverity: 'error',
  tags: ['typography'],
  fixable: false,
  check(ctx) {
    for (const u of ctx.analysis.texts) {
      const t = u.content.text;
      if (t.indexOf('(') < 0 && t.indexOf(')') < 0) continue;
      const open: number[] = [];
      for (let i = 0; i < t.length; i++) {
        const ch = t.charCodeAt(i);
        if (ch === 40) open.push(i);
        else if (ch === 41) {
          if (open.length) open.pop();
          else if (!isEnumerator(t, i)) ctx.report({ message: 'Closing parenthesis without an opening one.', range: rangeIn(u.content, i, i + 1) });
        }
      }
      for (const i of open) ctx.report({ message: 'Opening parenthesis never closed in this paragraph.', range: rangeIn(u.content, i, i + 1) });
    }
  },
};

/** `a)` / `iv)` used as an inline enumerator inside a sentence: `… and b) to …`. */
function isEnumerator(t: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && /[a-z0-9]/.test(t[j])) j--;
  const word = t.slice(j + 1, i);
  return word.length > 0 && word.length <= 4 && (j < 0 || t[j] === ' ' || t[j] === '\t') && /^(?:[a-z]|[ivx]+|\d{1,2})$/.test(word);
}
