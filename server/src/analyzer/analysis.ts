/**
 * Analysis: facts derived from the model once per document and shared by every rule and
 * editor feature (text runs, clause references, …). Computed lazily: a fact nobody asks
 * for costs nothing.
 */
import type { ResDocument } from '../model/types';
import { findClauseRefs, type ClauseRef } from './clauseRefs';
import { collectTexts, type TextUnit } from './texts';
import { findCitations, type Citation } from './citations';

export class Analysis {
  private _texts?: TextUnit[];
  private _clauseRefs?: ClauseRef[];
  private _citations?: Citation[];

  constructor(readonly doc: ResDocument) {}

  /** every run of prose in line order */
  get texts(): TextUnit[] {
    return (this._texts ??= collectTexts(this.doc));
  }

  /** references to clauses of the same resolution */
  get clauseRefs(): ClauseRef[] {
    return (this._clauseRefs ??= findClauseRefs(this.doc, this.texts));
  }

  /** citations of other ITU texts as written (resolve them with resolveCitations in ./citations) */
  get citations(): Citation[] {
    return (this._citations ??= findCitations(this.doc, this.texts));
  }
}
