import type { Rule } from './types';
import { rangeIn } from '../model/content';
import { SPELLING } from './spelling-data';
import { TextSlot } from '../util/memo';
import { unitFacts } from '../analyzer/texts';

/** the first three letters of a word, case-folded, as a number */
function key3(w: string): number {
  return ((w.charCodeAt(0) | 32) << 16) | ((w.charCodeAt(1) | 32) << 8) | (w.charCodeAt(2) | 32);
}

const PREFIXES = new Set<number>([...SPELLING.keys()].map(key3));

interface Hit {
  from: number;
  to: number;
  word: string;
  lower: string;
  fixed: string;
}

const SLOT = new TextSlot<Hit[]>();
const NONE: Hit[] = [];

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * The non-ITU spellings in one line of text (memoised per line). Words are the runs of four
 * ASCII letters or more (what /[A-Za-z]{4,}/ finds), read in place: only a word whose first
 * three letters start a listed spelling is taken out of the text.
 */
function scan(t: string): Hit[] {
  let out: Hit[] | null = null;
  const n = t.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiLetter(t.charCodeAt(i))) {
      i++;
      continue;
    }
    const from = i;
    while (i < n && isAsciiLetter(t.charCodeAt(i))) i++;
    if (i - from < 4) continue;
    // cheap filter before allocating a lower-case copy: the first three letters
    const k = ((t.charCodeAt(from) | 32) << 16) | ((t.charCodeAt(from + 1) | 32) << 8) | (t.charCodeAt(from + 2) | 32);
    if (!PREFIXES.has(k)) continue;
    const w = t.slice(from, i);
    const lower = w.toLowerCase();
    const to = SPELLING.get(lower);
    if (!to) continue;
    // `computer program` is spelt program in Oxford usage too
    if (lower.startsWith('program') && /(computer|software)\s+$/i.test(t.slice(Math.max(0, from - 12), from))) continue;
    // a capitalised word after another capitalised word is part of a proper name
    if (w[0] !== lower[0] && from > 0 && /\b[A-Z][a-z]+\s+$/.test(t.slice(Math.max(0, from - 20), from))) continue;
    (out ??= []).push({ from: from, to: from + w.length, word: w, lower, fixed: matchCase(w, to) });
  }
  return out ?? NONE;
}

function matchCase(src: string, to: string): string {
  if (src === src.toUpperCase()) return to.toUpperCase();
  if (src[0] === src[0].toUpperCase()) return to[0].toUpperCase() + to.slice(1);
  return to;
}

/** US or -ise spellings where ITU English uses Oxford spelling. */
export const oxfordSpelling: Rule = {
  id: 'oxford-spelling',
  description: 'ITU English uses Oxford spelling: standardization, centre, programme, signalling, analyse.',
  defaultSeverity: 'warning',
  tags: ['language'],
  fixable: true,
  check(ctx) {
    const allow = new Set(((ctx.options?.allow as string[] | undefined) ?? []).map((w) => w.toLowerCase()));
    for (const u of ctx.analysis.texts) {
      if (u.kind === 'cover' || u.kind === 'footnote') continue;
      const t = u.content.text;
      for (const hit of SLOT.get(unitFacts(u), t, scan)) {
        if (allow.has(hit.lower)) continue;
        const range = rangeIn(u.content, hit.from, hit.to);
        ctx.report({ message: `ITU spelling is "${hit.fixed}", not "${hit.word}".`, range, fixes: [{ title: `Change to "${hit.fixed}"`, edits: [{ range, newText: hit.fixed }] }] });
      }
    }
  },
};
