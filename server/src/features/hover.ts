/**
 * Hover: each provider looks at the position in the model and may answer; the first
 * answer wins. Providers: clause references (the clause's text; a cited text's clause from
 * the reference documents: citedClause.ts), and those registered in
 * HOVER_PROVIDERS (citations, bodies, abbreviations …).
 */
import type { Hover, MarkupContent } from 'vscode-languageserver';
import type { Analysis } from '../analyzer/analysis';
import type { ReferenceData } from '../data/reference';
import type { Position, Range } from '../model/types';
import { refAt } from './navigation';
import { clauseText } from '../model/content';
import { nameHover } from './nameHover';
import { citationHover } from './citationHover';
import { directiveHover } from './directives';
import { paragraphs } from './markdown';
import { citedClauseHover } from './citedClause';
import type { CitationDefinitionContext } from './citationDefinition';

export interface HoverContext {
  analysis: Analysis;
  data: ReferenceData;
  position: Position;
  /** the texts of the reference documents (for a reference to a cited text's clause); none when absent */
  locate?: CitationDefinitionContext['locate'];
}

export type HoverProvider = (ctx: HoverContext) => { markdown: string; range: Range } | null;

function clauseRefHover(ctx: HoverContext): { markdown: string; range: Range } | null {
  const ref = refAt(ctx.analysis, ctx.position);
  if (!ref) return null;
  const name = `${ref.head}${ref.modifier ? ' ' + ref.modifier : ''}`;
  if (!ref.target) return { markdown: `**${name} ${ref.label}**: no such clause in this resolution.`, range: ref.range };
  const c = ref.target;
  return { markdown: `**${ref.targetSection?.call.text ?? name} ${c.label?.text ?? ''}**\n\n${paragraphs(clauseText(c))}`, range: ref.range };
}


/** Providers tried in order; modules add theirs here. */
export const HOVER_PROVIDERS: HoverProvider[] = [directiveHover, clauseRefHover, citedClauseHover, nameHover, citationHover];

export function hover(ctx: HoverContext): Hover | null {
  for (const p of HOVER_PROVIDERS) {
    const r = p(ctx);
    if (r) {
      const contents: MarkupContent = { kind: 'markdown', value: r.markdown };
      return { contents, range: r.range };
    }
  }
  return null;
}
