import type { Clause, Label, Range, Section, SubItem } from '../model/types';
import type { Analysis } from '../analyzer/analysis';
import { ordinalLetter, ordinalRoman, LATIN_SUFFIXES } from '../model/vocabulary';
import { trimmedEnd } from '../model/content';

/** The canonical form of a label: `a)`, `a bis)`, `2`, `2bis`, `i)`. */
export function canonicalLabel(kind: 'letter' | 'number' | 'roman', ordinal: number, suffixOrdinal: number): string {
  const suffix = suffixOrdinal > 0 ? LATIN_SUFFIXES[suffixOrdinal - 1] : '';
  if (kind === 'number') return `${ordinal}${suffix}`;
  const base = kind === 'roman' ? ordinalRoman(ordinal) : ordinalLetter(ordinal);
  return suffix ? `${base} ${suffix})` : `${base})`;
}

/** The expected label kind of the clauses of a section. */
export function expectedKind(section: Section): 'letter' | 'number' {
  return section.call.kind === 'preambular' ? 'letter' : 'number';
}

/** The last text of a clause: its last continuation or its own line. */
export function clauseTail(clause: Clause) {
  return clause.continuations.length ? clause.continuations[clause.continuations.length - 1] : clause.content;
}

/** Index of the last meaningful character, skipping closing quotes. */
export function endingIndex(text: string): number {
  let e = trimmedEnd(text) - 1;
  while (e >= 0 && /["'\u201d\u2019]/.test(text[e])) e--;
  return e;
}

export function sectionName(section: Section): string {
  return section.call.text;
}

export function labelRangeWithSeparator(label: Label): Range {
  return label.range;
}

/** Every section of the document in order: made once per lint and shared by the rules (Analysis.memo). */
export function allSections(analysis: Analysis): readonly Section[] {
  return analysis.memo('allSections', null, () => {
    const out: Section[] = [];
    for (const r of analysis.doc.resolutions) for (const s of r.sections) out.push(s);
    return out;
  });
}

export function isSubLast(items: SubItem[], i: number): boolean {
  return i === items.length - 1;
}

/** Levenshtein distance, bounded: returns max+1 when larger. */
export function distance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < best) best = cur[j];
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate a misspelt name most likely meant (`refrences` → `references`, `warn` →
 * `warning`): the nearest within a distance that grows with the name's length, or one that
 * begins with the other; undefined when none is close.
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const max = Math.max(1, Math.min(3, Math.floor(lower.length / 4)));
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    let d = distance(lower, cl, max);
    // a name cut short or run on (`warn`, `referencesFolder`): counted at the limit, so that
    // a nearer misspelling of another candidate still wins
    if (d > max && Math.min(lower.length, cl.length) >= 3 && (cl.startsWith(lower) || lower.startsWith(cl))) d = max;
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}
