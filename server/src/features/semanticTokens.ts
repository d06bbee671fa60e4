/**
 * Semantic tokens: what the TextMate grammar cannot tell, because it needs the reference
 * data — a body's name that is an accepted one versus a wrong or unknown one, a citation of
 * a known text versus one the data does not have, a study group of the document's sector.
 */
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { Analysis } from '../analyzer/analysis';
import { resolveCitations } from '../analyzer/citations';
import type { ReferenceData } from '../data/reference';
import type { Range } from '../model/types';

export const TOKEN_TYPES = ['ituBody', 'ituCitation', 'ituStudyGroup'] as const;
export const TOKEN_MODIFIERS = ['unknown', 'wrong'] as const;

export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
type Modifier = (typeof TOKEN_MODIFIERS)[number];

interface Tok {
  line: number;
  char: number;
  length: number;
  type: number;
  mods: number;
}

export function semanticTokens(analysis: Analysis, data: ReferenceData): SemanticTokens {
  const toks: Tok[] = [];
  const add = (r: Range, type: TokenType, ...mods: Modifier[]) => {
    if (r.start.line !== r.end.line || r.end.character <= r.start.character) return; // tokens stay on one line
    let m = 0;
    for (const x of mods) m |= 1 << TOKEN_MODIFIERS.indexOf(x);
    toks.push({ line: r.start.line, char: r.start.character, length: r.end.character - r.start.character, type: TOKEN_TYPES.indexOf(type), mods: m });
  };
  const names = analysis.names(data);
  for (const b of names.bodies) {
    if (b.role === 'wrong') add(b.range, 'ituBody', 'wrong');
    else if (b.role === 'near' || b.role === 'case') add(b.range, 'ituBody', 'unknown');
    else add(b.range, 'ituBody');
  }
  for (const sg of names.studyGroups) add(sg.range, 'ituStudyGroup');
  for (const it of resolveCitations(analysis, data).items) {
    const known = it.citation.family === 'recommendation' ? !!it.recommendation : !!it.entry;
    if (known) add(it.item.range, 'ituCitation');
    else add(it.item.range, 'ituCitation', 'unknown');
  }
  toks.sort((a, b) => a.line - b.line || a.char - b.char);
  const builder = new SemanticTokensBuilder();
  let lastLine = -1;
  let lastEnd = -1;
  for (const t of toks) {
    if (t.line === lastLine && t.char < lastEnd) continue; // no overlapping tokens
    builder.push(t.line, t.char, t.length, t.type, t.mods);
    lastLine = t.line;
    lastEnd = t.char + t.length;
  }
  return builder.build();
}
