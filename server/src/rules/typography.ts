import type { Rule } from './types';
import { rangeIn, trimmedEnd, trimmedStart } from '../model/content';
import { TextSlot } from '../util/memo';
import { unitFacts } from '../analyzer/texts';

const DOUBLE_SPACE = / {2,}/g;
const SPACE_BEFORE = /(?<=\S)[ \t]+([,;.:])(?=\s|$|["\u201d)])/g;

/**
 * What these rules find depends on one line's text only: each keeps the offsets it found
 * in the text's facts record (a TextSlot), so that a keystroke scans the edited line alone.
 */
const NONE: readonly number[] = [];

/** [from, to) pairs of the double spaces inside a text (not leading or trailing). */
function doubleSpaces(t: string): readonly number[] {
  if (t.indexOf('  ') < 0) return NONE;
  const s = trimmedStart(t);
  const e = trimmedEnd(t);
  const out: number[] = [];
  DOUBLE_SPACE.lastIndex = s;
  let m: RegExpExecArray | null;
  while ((m = DOUBLE_SPACE.exec(t)) && m.index < e) {
    if (m.index + m[0].length >= e) break;
    out.push(m.index, m.index + m[0].length);
  }
  return out;
}

/** [from, to) pairs of a space run and the punctuation after it. */
function spacesBeforePunctuation(t: string): readonly number[] {
  if (!/[ \t][,;.:]/.test(t)) return NONE;
  const out: number[] = [];
  SPACE_BEFORE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPACE_BEFORE.exec(t))) {
    // `. .` ellipses and ` .NET`-like tokens are not punctuation after a space
    if (m[1] === '.' && /^\.\w/.test(t.slice(m.index + m[0].length - 1, m.index + m[0].length + 1))) continue;
    out.push(m.index, m.index + m[0].length);
  }
  return out;
}

/** Offsets of unmatched parentheses: closing ones as -(i + 1), opening ones as i. */
function unbalanced(t: string): readonly number[] {
  let i = t.indexOf('(');
  const j = t.indexOf(')');
  if (i < 0 && j < 0) return NONE;
  const out: number[] = [];
  const open: number[] = [];
  i = i < 0 ? j : j < 0 ? i : Math.min(i, j);
  for (; i < t.length; i++) {
    const ch = t.charCodeAt(i);
    if (ch === 40) open.push(i);
    else if (ch === 41) {
      if (open.length) open.pop();
      else if (!isEnumerator(t, i)) out.push(-(i + 1));
    }
  }
  for (const o of open) out.push(o);
  return out;
}

const DOUBLE_SLOT = new TextSlot<readonly number[]>();
const SPACE_SLOT = new TextSlot<readonly number[]>();
const PAREN_SLOT = new TextSlot<readonly number[]>();

/** Two or more spaces inside a sentence. */
export const noDoubleSpace: Rule = {
  id: 'no-double-space',
  description: 'Words are separated by a single space.',
  defaultSeverity: 'warning',
  tags: ['typography'],
  fixable: true,
  check(ctx) {
    for (const u of ctx.analysis.texts) {
      const hits = DOUBLE_SLOT.get(unitFacts(u), u.content.text, doubleSpaces);
      for (let k = 0; k < hits.length; k += 2) {
        const range = rangeIn(u.content, hits[k], hits[k + 1]);
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
      const hits = SPACE_SLOT.get(unitFacts(u), t, spacesBeforePunctuation);
      for (let k = 0; k < hits.length; k += 2) {
        const from = hits[k];
        const to = hits[k + 1];
        const p = t[to - 1];
        const range = rangeIn(u.content, from, to - 1);
        ctx.report({
          message: `Space before "${p}".`,
          range: rangeIn(u.content, from, to),
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
      for (const h of PAREN_SLOT.get(unitFacts(u), u.content.text, unbalanced)) {
        if (h < 0) ctx.report({ message: 'Closing parenthesis without an opening one.', range: rangeIn(u.content, -h - 1, -h) });
        else ctx.report({ message: 'Opening parenthesis never closed in this paragraph.', range: rangeIn(u.content, h, h + 1) });
      }
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
