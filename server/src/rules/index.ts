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
import { paragraphReference } from './paragraph-reference';
import { partReference } from './part-reference';
import { noDoubleSpace, noSpaceBeforePunctuation, balancedParentheses } from './typography';
import { oxfordSpelling } from './oxford-spelling';
import { developingCountriesFootnote } from './developing-countries-footnote';
import { clauseOutsideSection } from './clause-outside-section';
import { citationFormat } from './citation-format';
import { citationMeeting } from './citation-meeting';
import { citationBody } from './citation-body';
import { citationUnknownNumber } from './citation-unknown-number';
import { citationSuppressed } from './citation-suppressed';
import { citationRevision } from './citation-revision';
import { citationConsistency } from './citation-consistency';
import { citationClause } from './citation-clause';
import { recommendationUnknown } from './recommendation-unknown';
import { bodyName } from './body-name';
import { studyGroupForm } from './study-group-form';
import { studyGroupGenericCase } from './study-group-generic-case';
import { studyGroupPeriod } from './study-group-period';
import { instructsOrder } from './instructs-order';
import { abbreviationUndefined } from './abbreviation-undefined';
import { abbreviationRedefined } from './abbreviation-redefined';
import { abbreviationExpandedAgain } from './abbreviation-expanded-again';
import { directiveUnknownRule } from './directive-unknown-rule';

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
  paragraphReference,
  partReference,
  noDoubleSpace,
  noSpaceBeforePunctuation,
  balancedParentheses,
  oxfordSpelling,
  developingCountriesFootnote,
  citationFormat,
  citationMeeting,
  citationBody,
  citationUnknownNumber,
  citationSuppressed,
  citationRevision,
  citationConsistency,
  citationClause,
  recommendationUnknown,
  bodyName,
  studyGroupForm,
  studyGroupGenericCase,
  studyGroupPeriod,
  instructsOrder,
  abbreviationUndefined,
  abbreviationRedefined,
  abbreviationExpandedAgain,
  directiveUnknownRule(() => RULE_ID_SET),
];

export const RULES_BY_ID = new Map(RULES.map((r) => [r.id, r]));
const RULE_ID_SET: ReadonlySet<string> = new Set(RULES.map((r) => r.id));
