/** The registry of rules. Each rule is one module; its docs page is docs/rules/<id>.md. */
import type { Rule } from './types';
import { labelSequence } from './label-sequence';
import { labelStyle } from './label-style';
import { singleClauseLabel } from './single-clause-label';
import { missingLabel } from './missing-label';
import { clauseEnding } from './clause-ending';
import { callUnknown } from './call-unknown';
import { callForm } from './call-form';
import { callOrder } from './call-order';
import { callAddressee } from './call-addressee';
import { clauseOpening } from './clause-opening';
import { preambleMeeting, numberLine } from './preamble';
import { clauseReference } from './clause-reference';
import { noDoubleSpace, noSpaceBeforePunctuation, balancedParentheses } from './typography';
import { oxfordSpelling } from './oxford-spelling';
import { developingCountriesFootnote } from './developing-countries-footnote';
import { clauseOutsideSection } from './clause-outside-section';

export const RULES: Rule[] = [
  numberLine,
  preambleMeeting,
  callUnknown,
  callForm,
  callAddressee,
  callOrder,
  labelStyle,
  labelSequence,
  singleClauseLabel,
  missingLabel,
  clauseOpening,
  clauseEnding,
  clauseOutsideSection,
  clauseReference,
  noDoubleSpace,
  noSpaceBeforePunctuation,
  balancedParentheses,
  oxfordSpelling,
  developingCountriesFootnote,
];

export const RULES_BY_ID = new Map(RULES.map((r) => [r.id, r]));
