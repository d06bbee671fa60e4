/**
 * Completion: each provider looks at the text before the cursor (from the raw line, since
 * the line being typed is often incomplete) and the model, and may offer items.
 */
import type { CompletionItem } from 'vscode-languageserver';
import type { Analysis } from '../analyzer/analysis';
import type { ReferenceData } from '../data/reference';
import type { Position } from '../model/types';
import { nameCompletion } from './nameCompletion';
import { citationCompletion } from './citationCompletion';
import { directiveCompletion } from './directives';
import { citedClauseCompletion } from './citedClause';
import { partCompletion } from './partCompletion';
import type { CitationDefinitionContext } from './citationDefinition';

export interface CompletionContext {
  analysis: Analysis;
  data: ReferenceData;
  position: Position;
  /** the raw line up to the cursor, non-breaking spaces and hyphens normalised */
  before: string;
  /** the texts of the reference documents (a cited text's clause labels); none when absent */
  locate?: CitationDefinitionContext['locate'];
}

export type CompletionProvider = (ctx: CompletionContext) => CompletionItem[] | null;

/** Providers tried in order; the first that answers (even with an empty list) wins. Modules add theirs here. */
export const COMPLETION_PROVIDERS: CompletionProvider[] = [directiveCompletion, citedClauseCompletion, partCompletion, nameCompletion, citationCompletion];

export function complete(ctx: CompletionContext): CompletionItem[] {
  for (const p of COMPLETION_PROVIDERS) {
    const r = p(ctx);
    if (r) return r;
  }
  return [];
}

export function lineBefore(analysis: Analysis, position: Position): string {
  const raw = analysis.doc.lines[position.line] ?? '';
  return raw.slice(0, position.character).replace(/[\u00a0\u202f]/g, ' ').replace(/[\u2010\u2011]/g, '-');
}
