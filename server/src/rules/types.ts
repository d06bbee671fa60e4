import type { Range, ResDocument } from '../model/types';
import type { Analysis } from '../analyzer/analysis';
import type { ReferenceData } from '../data/reference';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** shown as the quick fix's title */
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** safe fixes first; the first one is used by --fix and fix-all */
  fixes?: Fix[];
}

export interface Report {
  message: string;
  range: Range;
  fixes?: Fix[];
}

export interface RuleContext {
  doc: ResDocument;
  analysis: Analysis;
  data: ReferenceData;
  /** rule-specific options from the configuration (may be undefined) */
  options: Record<string, unknown> | undefined;
  report(r: Report): void;
}

export interface Rule {
  /** kebab-case id, also the docs page name: docs/rules/<id>.md */
  id: string;
  description: string;
  defaultSeverity: Severity;
  tags: string[];
  /** true when the rule offers fixes */
  fixable: boolean;
  check(ctx: RuleContext): void;
}
