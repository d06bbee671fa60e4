/**
 * ITU's Word template styles for resolutions, in `docx` library terms (SPEC §7).
 *
 * Values are taken from word/styles.xml of corpus/res1-hammamet-2016.docx (ITU's own
 * file), with each style's inherited properties written out (that file chains
 * ResNo → RecNo → Normal, Restitle → Rectitle → Normal, Resref → Recref → Normal;
 * here every style is based on Normal or on another style defined here, so the
 * exported package needs no style this module does not write). Measures are in
 * twips (1/20 pt; 567 = 1 cm) and font sizes in half-points.
 *
 * Differences from res1, on purpose:
 * - Font size: res1 (a published ITU-T print) sets Normal at 11 pt; documents for
 *   conferences use 12 pt, which is the default here (`baseSize`, half-points) —
 *   every other size keeps res1's offset from Normal (Note 10 pt → base − 2, titles
 *   14 pt → base + 6 …).
 * - `Proposal` and `Reasons` (the symbol line of a proposal and its reasons, SPEC §2)
 *   are not in res1; they are defined here after the other ITU paragraph styles
 *   (bold, keep with next for Proposal; Normal-like for Reasons).
 * - `Annextitle` is not in res1 (it has no annex); it mirrors `Appendixtitle`.
 * - ITU's Normal has tab stops at 794, 1191, 1588 and 1985 twips (see DEFAULT_TAB_STOP
 *   for how they are written) and no indent: a clause
 *   is `label TAB text`, the text starting at the first tab stop and wrapping to the
 *   margin. Nested items (enumlev1–3) have the hanging indents.
 */
import { AlignmentType, IParagraphStyleOptions, ICharacterStyleOptions, IStylesOptions, LineRuleType } from 'docx';

export const ITU_FONT = 'Times New Roman';

/** A4 portrait, as res1's sections (11907 × 16840 twips), 2 cm margins. */
export const PAGE = {
  width: 11907,
  height: 16840,
  margin: { top: 1134, right: 1134, bottom: 1134, left: 1134, header: 567, footer: 567 },
} as const;

/** Style ids (the `w:pStyle` values an ITU editor's template uses). */
export const STYLE = {
  Normal: 'Normal',
  Call: 'Call',
  ResNo: 'ResNo',
  Restitle: 'Restitle',
  Resref: 'Resref',
  Normalaftertitle: 'Normalaftertitle0',
  enumlev1: 'enumlev1',
  enumlev2: 'enumlev2',
  enumlev3: 'enumlev3',
  Note: 'Note',
  SectionNo: 'SectionNo',
  Sectiontitle: 'Sectiontitle',
  AppendixNo: 'AppendixNo',
  Appendixtitle: 'Appendixtitle',
  AnnexNo: 'AnnexNo',
  Annextitle: 'Annextitle',
  Heading1: 'Heading1',
  Heading2: 'Heading2',
  Heading3: 'Heading3',
  Headingb: 'Headingb',
  Figure: 'Figure',
  Figurelegend: 'Figurelegend',
  Tabletext: 'Tabletext',
  FootnoteText: 'FootnoteText',
  FootnoteReference: 'FootnoteReference',
  Proposal: 'Proposal',
  Reasons: 'Reasons',
} as const;

export type StyleId = (typeof STYLE)[keyof typeof STYLE];

/** Normal's tab stops (res1): the clause text starts at the first one. */
export const NORMAL_TABS = [794, 1191, 1588, 1985];

/**
 * The docx library takes one explicit tab stop per paragraph style, so Normal's four
 * stops are made of one explicit stop at 794 and a default tab interval of 397: Word
 * drops the default stops left of an explicit one, which leaves 794, 1191, 1588, 1985, …
 * Pass this to the Document's `defaultTabStop`.
 */
export const DEFAULT_TAB_STOP = 397;

export interface ItuStyleOptions {
  /** Normal's size in half-points (24 = 12 pt) */
  baseSize?: number;
}

export function paragraphStyles(opts: ItuStyleOptions = {}): IParagraphStyleOptions[] {
  const base = opts.baseSize ?? 24;
  const title = base + 6;
  return [
    {
      id: STYLE.Normal,
      name: 'Normal',
      quickFormat: true,
      run: { font: ITU_FONT, size: base, language: { value: 'en-GB' } },
      paragraph: {
        leftTabStop: NORMAL_TABS[0],
        spacing: { before: 160 },
        alignment: AlignmentType.JUSTIFIED,
      },
    },
    {
      id: STYLE.Heading1,
      name: 'heading 1',
      basedOn: STYLE.Normal,
      next: STYLE.Normal,
      quickFormat: true,
      run: { bold: true, size: base + 2 },
      paragraph: { keepNext: true, keepLines: true, spacing: { before: 600 }, indent: { left: 794, hanging: 794 }, outlineLevel: 0 },
    },
    {
      id: STYLE.Heading2,
      name: 'heading 2',
      basedOn: STYLE.Heading1,
      next: STYLE.Normal,
      quickFormat: true,
      paragraph: { spacing: { before: 360 }, outlineLevel: 1 },
    },
    {
      id: STYLE.Heading3,
      name: 'heading 3',
      basedOn: STYLE.Heading1,
      next: STYLE.Normal,
      quickFormat: true,
      paragraph: { spacing: { before: 240 }, outlineLevel: 2 },
    },
    {
      id: STYLE.Headingb,
      name: 'Heading_b',
      basedOn: STYLE.Normal,
      next: STYLE.Normal,
      run: { bold: true },
      paragraph: { keepNext: true, spacing: { before: 240 }, indent: { left: 794, hanging: 794 } },
    },
    {
      id: STYLE.Call,
      name: 'Call',
      basedOn: STYLE.Normal,
      next: STYLE.Normal,
      run: { italics: true },
      paragraph: { keepNext: true, keepLines: true, spacing: { before: 240 }, indent: { left: 794 }, alignment: AlignmentType.LEFT },
    },
    {
      id: STYLE.ResNo,
      name: 'Res_No',
      basedOn: STYLE.Normal,
      next: STYLE.Restitle,
      run: { allCaps: true, size: title },
      paragraph: { keepNext: true, keepLines: true, spacing: { before: 0 }, alignment: AlignmentType.CENTER},
    },
    {
      id: STYLE.Restitle,
      name: 'Res_title',
      basedOn: STYLE.Normal,
      next: STYLE.Resref,
      run: { bold: true, size: title },
      paragraph: {
        keepNext: true,
        keepLines: true,
        spacing: { before: 360, line: 240, lineRule: LineRuleType.AUTO },
        alignment: AlignmentType.CENTER,
      },
    },
    {
      id: STYLE.Resref,
      name: 'Res_ref',
      basedOn: STYLE.Normal,
      next: STYLE.Normalaftertitle,
      quickFormat: true,
      run: { italics: true },
      paragraph: { keepNext: true, keepLines: true, alignment: AlignmentType.CENTER},
    },
    {
      id: STYLE.Normalaftertitle,
      name: 'Normal after title',
      basedOn: STYLE.Normal,
      next: STYLE.Normal,
      paragraph: { spacing: { before: 280, line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: STYLE.enumlev1,
      name: 'enumlev1',
      basedOn: STYLE.Normal,
      quickFormat: true,
      paragraph: { spacing: { before: 80 }, indent: { left: 794, hanging: 794 } },
    },
    {
      id: STYLE.enumlev2,
      name: 'enumlev2',
      basedOn: STYLE.enumlev1,
      paragraph: { indent: { left: 1191, hanging: 397 } },
    },
    {
      id: STYLE.enumlev3,
      name: 'enumlev3',
      basedOn: STYLE.enumlev2,
      paragraph: { indent: { left: 1588, hanging: 397 } },
    },
    {
      id: STYLE.Note,
      name: 'Note',
      basedOn: STYLE.Normal,
      run: { size: base - 2 },
      paragraph: { spacing: { before: 80 } },
    },
    {
      id: STYLE.SectionNo,
      name: 'Section_No',
      basedOn: STYLE.Normal,
      next: STYLE.Sectiontitle,
      run: { allCaps: true, size: title },
      paragraph: { keepNext: true, keepLines: true, spacing: { before: 720 }, alignment: AlignmentType.CENTER },
    },
    {
      id: STYLE.Sectiontitle,
      name: 'Section_title',
      basedOn: STYLE.Normal,
      next: STYLE.Normalaftertitle,
      run: { bold: true, size: title },
      paragraph: { keepNext: true, keepLines: true, spacing: { before: 360, after: 120 }, alignment: AlignmentType.CENTER },
    },
    ...(['Appendix', 'Annex'] as const).flatMap((kind): IParagraphStyleOptions[] => [
      {
        id: `${kind}No`,
        name: `${kind}_No`,
        basedOn: STYLE.Normal,
        next: STYLE.Normal,
        run: { allCaps: true, size: title },
        paragraph: {
          keepNext: true,
          keepLines: true,
          spacing: { before: 480, after: 80, line: 240, lineRule: LineRuleType.AUTO },
          alignment: AlignmentType.CENTER,
        },
      },
      {
        id: `${kind}title`,
        name: `${kind}_title`,
        basedOn: STYLE.Normal,
        next: STYLE.Normal,
        run: { bold: true, size: title },
        paragraph: {
          keepNext: true,
          keepLines: true,
          spacing: { before: 240, after: 280, line: 240, lineRule: LineRuleType.AUTO },
          alignment: AlignmentType.CENTER,
        },
      },
    ]),
    {
      id: STYLE.Figure,
      name: 'Figure',
      basedOn: STYLE.Normal,
      paragraph: {
        keepNext: true,
        keepLines: true,
        spacing: { before: 240, after: 120, line: 240, lineRule: LineRuleType.AUTO },
        alignment: AlignmentType.CENTER,
      },
    },
    {
      id: STYLE.Figurelegend,
      name: 'Figure_legend',
      basedOn: STYLE.Normal,
      run: { size: base - 4 },
      paragraph: { keepNext: true, keepLines: true, spacing: { before: 20, after: 20 }, alignment: AlignmentType.LEFT },
    },
    {
      id: STYLE.Tabletext,
      name: 'Table_text',
      basedOn: STYLE.Normal,
      run: { size: base - 2 },
      paragraph: { spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO }, alignment: AlignmentType.LEFT },
    },
    {
      id: STYLE.FootnoteText,
      name: 'footnote text',
      basedOn: STYLE.Note,
      paragraph: { keepLines: true, leftTabStop: 255, indent: { left: 255, hanging: 255 } },
    },
    {
      id: STYLE.Proposal,
      name: 'Proposal',
      basedOn: STYLE.Normal,
      next: STYLE.Normal,
      run: { bold: true },
      paragraph: { keepNext: true, spacing: { before: 240 }, alignment: AlignmentType.LEFT },
    },
    {
      id: STYLE.Reasons,
      name: 'Reasons',
      basedOn: STYLE.Normal,
      next: STYLE.Normal,
      paragraph: { spacing: { before: 160 } },
    },
  ];
}

export function characterStyles(opts: ItuStyleOptions = {}): ICharacterStyleOptions[] {
  const base = opts.baseSize ?? 24;
  return [
    {
      id: STYLE.FootnoteReference,
      name: 'footnote reference',
      basedOn: 'DefaultParagraphFont',
      // res1: raised 3 pt (w:position 6 half-points), 8 pt
      run: { position: '3pt', size: base - 8 },
    },
  ];
}

/** The `styles` option of a docx `Document` for an ITU resolution. */
export function ituStyles(opts: ItuStyleOptions = {}): IStylesOptions {
  const base = opts.baseSize ?? 24;
  return {
    default: { document: { run: { font: ITU_FONT, size: base, language: { value: 'en-GB' } } } },
    paragraphStyles: paragraphStyles(opts),
    characterStyles: characterStyles(opts),
  };
}
