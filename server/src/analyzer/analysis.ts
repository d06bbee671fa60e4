/**
 * Analysis: facts derived from the model once per document and shared by every rule and
 * editor feature (text runs, clause references, …). Computed lazily: a fact nobody asks
 * for costs nothing.
 */
import type { ResDocument } from '../model/types';
import { findClauseRefs, tieExternalRefs, type ClauseRef, type ExternalClauseRef, type PendingExternalRef } from './clauseRefs';
import { collectTexts, type TextUnit } from './texts';
import { findExternalParagraphRefs, findParagraphRefs, type ParagraphRef } from './paragraphRefs';
import { findPartRefs, type PartRef } from './partRefs';
import { findCitations, type Citation } from './citations';
import type { ReferenceData } from '../data/reference';
import { findNames, type NameAnalysis } from './names';
import { findAbbreviations, type ResolutionAbbreviations } from './abbreviations';
import { anchorShape } from '../util/shapes';
import { emptyDocument } from '../model/document';

export class Analysis {
  private _texts?: TextUnit[];
  private _clauseRefs?: ClauseRef[];
  private _pendingExternal: PendingExternalRef[] = [];
  private _externalClauseRefs?: ExternalClauseRef[];
  private _paragraphRefs?: ParagraphRef[];
  private _partRefs?: PartRef[];
  private _citations?: Citation[];
  private _names?: { data: ReferenceData; value: NameAnalysis };
  private _abbreviations?: { data: ReferenceData; value: ResolutionAbbreviations[] };

  private _memo?: Map<string, { data: ReferenceData | null; value: unknown }>;

  constructor(readonly doc: ResDocument) {}

  /**
   * A fact a rule or a module derives from this document once and shares (per reference
   * data when `data` is given). Kept on the analysis itself, not in a WeakMap keyed by it:
   * a WeakMap entry whose value reaches its key keeps a dead model alive through every
   * minor garbage collection, which made re-linting after a keystroke stall.
   */
  memo<T>(key: string, data: ReferenceData | null, compute: () => T): T {
    const m = (this._memo ??= new Map());
    const hit = m.get(key);
    if (hit && hit.data === data) return hit.value as T;
    const value = compute();
    m.set(key, { data, value });
    return value;
  }

  /** every run of prose in line order */
  get texts(): TextUnit[] {
    return (this._texts ??= collectTexts(this.doc));
  }

  /** references to clauses of the same resolution */
  get clauseRefs(): ClauseRef[] {
    return (this._clauseRefs ??= findClauseRefs(this.doc, this.texts, this._pendingExternal));
  }

  /** references to a clause or numbered paragraph of a cited text (`resolves 3 of Resolution 18 (…)`, `9.5.2 of Resolution 1 (…)`), each with its citation */
  get externalClauseRefs(): ExternalClauseRef[] {
    if (this._externalClauseRefs) return this._externalClauseRefs;
    void this.clauseRefs; // one scan finds both kinds
    const pending = [...this._pendingExternal, ...findExternalParagraphRefs(this.texts)];
    this._externalClauseRefs = tieExternalRefs(pending, this.citations);
    this._pendingExternal = [];
    return this._externalClauseRefs;
  }

  /** references to the numbered paragraphs of the same resolution (`see 9.5.2 below`) */
  get paragraphRefs(): ParagraphRef[] {
    return (this._paragraphRefs ??= findParagraphRefs(this.doc, this.texts));
  }

  /** references to the sections, annexes and appendices of the same resolution (`Section 3 below`, `the annex to this resolution`) */
  get partRefs(): PartRef[] {
    return (this._partRefs ??= findPartRefs(this.doc, this.texts));
  }

  /** citations of other ITU texts as written (resolve them with resolveCitations in ./citations) */
  get citations(): Citation[] {
    return (this._citations ??= findCitations(this.doc, this.texts));
  }

  /** mentions of bodies and study groups (names.ts); cached per reference data */
  names(data: ReferenceData): NameAnalysis {
    if (this._names?.data !== data) this._names = { data, value: findNames(this.doc, this.texts, data) };
    return this._names.value;
  }

  /** abbreviations defined and used in each resolution (abbreviations.ts); cached per reference data */
  abbreviations(data: ReferenceData): ResolutionAbbreviations[] {
    if (this._abbreviations?.data !== data) this._abbreviations = { data, value: findAbbreviations(this.doc, this.texts, data, this.names(data).bodies) };
    return this._abbreviations.value;
  }
}

// the shape of an analysis (util/shapes.ts)
anchorShape('analysis.Analysis', () => new Analysis(emptyDocument()));
