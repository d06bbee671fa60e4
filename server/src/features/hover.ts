/**
 * Hover: each provider looks at the position in the model and may answer; the first
 * answer wins. Providers: clause references (the clause's text), numbered paragraph
 * references (the paragraph's text; a cited text's clause from
 * the reference documents: citedClause.ts), and those registered in
 * HOVER_PROVIDERS (citations, bodies, abbreviations …).
 */
import type { Hover, MarkupContent } from 'vscode-languageserver';
import type { Analysis } from '../analyzer/analysis';
import type { ReferenceData } from '../data/reference';
import type { Position, Range } from '../model/types';
import { paragraphRefAt, partRefAt, refAt } from './navigation';
import { partName } from '../analyzer/partRefs';
import { clauseText } from '../model/content';
import { nameHover } from './nameHover';
import { citationHover } from './citationHover';
import { directiveHover } from './directives';
import { escape, paragraphs } from './markdown';
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


function paragraphRefHover(ctx: HoverContext): { markdown: string; range: Range } | null {
  const ref = paragraphRefAt(ctx.analysis, ctx.position);
  if (!ref) return null;
  const p = ref.target;
  if (!p) return { markdown: `**${ref.number}**: no such paragraph in this resolution.`, range: ref.range };
  const heading = ref.targetAnnex?.heading.text.replace(/\s+/g, ' ').trim();
  const text = p.content.text.slice(p.number!.text.length).trim();
  return { markdown: `**${ref.number}**${heading ? ` (${escape(heading)})` : ''}\n\n${paragraphs(text)}`, range: ref.range };
}

/** `Section 3 below`, `the annex to this resolution`: the part's heading, title and opening paragraph. */
function partRefHover(ctx: HoverContext): { markdown: string; range: Range } | null {
  const ref = partRefAt(ctx.analysis, ctx.position);
  if (!ref) return null;
  const a = ref.target;
  if (!a) return { markdown: `**${escape(partName(ref.word, ref.number))}**: no such ${ref.word} in this resolution${ref.number === null ? ' (or more than one)' : ''}.`, range: ref.range };
  const oneLine = (t: string) => t.replace(/\s+/g, ' ').trim();
  const head = `**${escape(oneLine(a.heading.text))}**${a.title ? ` ${escape(oneLine(a.title.text))}` : ''}`;
  const first = a.paragraphs[0];
  const more = a.paragraphs.length > 1 ? `\n\n(${a.paragraphs.length} paragraphs)` : '';
  return { markdown: first ? `${head}\n\n${paragraphs(first.content.text.trim())}${more}` : head, range: ref.range };
}

/** Providers tried in order; modules add theirs here. */
export const HOVER_PROVIDERS: HoverProvider[] = [directiveHover, clauseRefHover, paragraphRefHover, partRefHover, citedClauseHover, nameHover, citationHover];

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
