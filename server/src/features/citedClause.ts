/**
 * Editor features on a reference to a clause of a cited text (`resolves 3 of Resolution 18
 * (Rev. Hammamet, 2016)`), from analyzer/externalClauses.ts and the reference documents:
 * hover shows the clause's text, go to definition opens it, find all references lists the
 * document's references to the same clause, and completion offers the labels of the cited
 * text's part (`Resolution 18 (Rev. Hammamet, 2016), resolves |`, or with `of Resolution 18
 * (…)` after the cursor). The text of the cited revision is used when
 * the reference documents give it; else, marked as such, that of another revision.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type Location } from 'vscode-languageserver';
import type { Analysis } from '../analyzer/analysis';
import { CLAUSE_REF_HEADS, EXTERNAL_AFTER_RE, normaliseLabel, type ExternalClauseRef } from '../analyzer/clauseRefs';
import { resolveCitations, type Citation } from '../analyzer/citations';
import { citedLabel, externalClauses, partName, partsFor, type ExternalClause } from '../analyzer/externalClauses';
import type { ReferenceData } from '../data/reference';
import { containsPos } from '../model/content';
import type { Position, Range } from '../model/types';
import type { IndexedClause } from '../references/extract';
import type { ReferenceLocation } from '../references/indexer';
import type { CitationDefinitionContext } from './citationDefinition';
import { viewUri } from './wordView';
import { escape, paragraphs } from './markdown';
import type { CompletionContext } from './completion';

/** The reference to a clause of a cited text whose clause part (`resolves 3`) is under the cursor. */
export function externalClauseAt(analysis: Analysis, data: ReferenceData, pos: Position): ExternalClause | undefined {
  if (!analysis.externalClauseRefs.length) return undefined;
  return externalClauses(analysis, data).find((x) => containsPos(x.ref.range, pos));
}

/** The clause a reference names in one located text, or null when that text has none of that label. */
export function clauseInReference(loc: ReferenceLocation, ref: ExternalClauseRef): IndexedClause | null {
  if (ref.kind === 'paragraph') return loc.resolution.paragraphs.find((p) => p.label === ref.label) ?? null;
  for (const s of partsFor(loc.resolution.sections, ref)) {
    const c = s.clauses.find((k) => normaliseLabel(k.label) === ref.label);
    if (c) return c;
  }
  return null;
}

/**
 * The texts a reference to a clause of a cited text can be read in: those of the cited
 * revision when the reference documents give it, else every revision they give (most
 * recent first), with `exact` telling which.
 */
export function textsOfClause(x: ExternalClause, locate: CitationDefinitionContext['locate']): { texts: ReferenceLocation[]; exact: boolean } {
  const r = x.item;
  if (!r?.body) return { texts: [], exact: false };
  const all = locate(r.body, r.citation.type, r.item.number, r.cited?.id ?? null);
  const exact = r.cited ? all.filter((l) => l.resolution.meeting?.id === r.cited!.id) : [];
  return exact.length ? { texts: exact, exact: true } : { texts: all, exact: false };
}

/**
 * Go to definition from the clause part of `resolves 3 of Resolution 18 (Rev. Hammamet,
 * 2016)`: that clause in the reference documents' text of the cited revision (in any
 * revision they give when they lack that one). Null when the cursor is on no such reference.
 */
export function citedClauseDefinition(ctx: CitationDefinitionContext): Location[] | null {
  const x = externalClauseAt(ctx.analysis, ctx.data, ctx.position);
  if (!x) return null;
  const out: Location[] = [];
  for (const loc of textsOfClause(x, ctx.locate).texts) {
    const c = clauseInReference(loc, x.ref);
    if (c) out.push({ uri: loc.uri, range: c.range });
  }
  return out.length ? out : null;
}

/**
 * Hover on the clause part of a reference to another text's clause: the clause's text from
 * the reference documents, where it was read, or why it cannot be shown.
 */
export function citedClauseHover(ctx: { analysis: Analysis; data: ReferenceData; position: Position; locate?: CitationDefinitionContext['locate'] }): { markdown: string; range: Range } | null {
  const x = externalClauseAt(ctx.analysis, ctx.data, ctx.position);
  if (!x) return null;
  const range = x.ref.range;
  const name = `${partName(x.ref)} ${x.ref.label}`;
  if (!x.item?.body) return { markdown: `**${escape(name)}** of a text whose issuing body cannot be told from its citation.`, range };
  const cited = citedLabel(x.item);
  const title = `**${escape(cited)}, ${escape(name)}**`;
  const { texts, exact } = ctx.locate ? textsOfClause(x, ctx.locate) : { texts: [], exact: false };
  if (!texts.length) {
    return { markdown: `${title}\n\nNo reference document gives the text of ${escape(cited)}. Add one to the \`itu-resolution.references\` setting or to \`references\` in the project file (or open it) to see its clauses here.`, range };
  }
  for (const loc of texts) {
    const c = clauseInReference(loc, x.ref);
    if (!c) continue;
    const lines = [title];
    if (!exact) {
      const why = x.item.cited ? 'Not the cited revision' : 'The citation names no revision';
      lines.push(`*${why}: from ${escape(loc.resolution.label)}, whose clauses may be numbered otherwise.*`);
    }
    lines.push(paragraphs(c.text));
    lines.push(`[Source](${viewUri(loc.uri)})`);
    return { markdown: lines.join('\n\n'), range };
  }
  const where = texts[0];
  return { markdown: `${title}\n\n${exact ? 'The cited revision' : escape(where.resolution.label)} has no ${escape(name)}. [Source](${viewUri(where.uri)})`, range };
}

/**
 * Find all references on the clause part of `resolves 3 of Resolution 18 (…)`: every
 * reference in the document to the same clause of the same text and revision, with the
 * clause in the reference documents as its declaration. Null when the cursor is on no such reference.
 */
export function citedClauseReferences(ctx: CitationDefinitionContext & { uri: string; includeDeclaration: boolean }): Location[] | null {
  const at = externalClauseAt(ctx.analysis, ctx.data, ctx.position);
  if (!at) return null;
  const key = clauseKey(at);
  const out: Location[] = [];
  if (ctx.includeDeclaration) out.push(...(citedClauseDefinition(ctx) ?? []));
  for (const x of externalClauses(ctx.analysis, ctx.data)) if (clauseKey(x) === key) out.push({ uri: ctx.uri, range: x.ref.range });
  return out;
}

/** Which clause of which revision of which text a reference names. */
function clauseKey(x: ExternalClause): string {
  const r = x.item;
  return [r?.body ?? '', r?.citation.type ?? '', r?.item.number.replace(/\s+/g, ' ') ?? '', r?.cited?.id ?? '', x.ref.head, x.ref.modifier ?? '', x.ref.call?.toLowerCase() ?? '', x.ref.label].join('|');
}

/** A call and a label being typed at the end of the text before the cursor: `resolves `, `considering further b`. */
const HEAD_BEFORE_RE = new RegExp(`\\b(${CLAUSE_REF_HEADS.join('|')})(?:[ \\t]+(further|also))?[ \\t]+([a-z0-9]{0,2})$`);
/** Between a citation and the call that follows it, white space trimmed: `,`, `of this assembly,` */
const CITATION_GAP_RE = /^(?:of[^,;]{0,90})?,?$/;

/**
 * Completion of a clause label of a cited text: after `Resolution 18 (Rev. Hammamet, 2016),
 * resolves ` (or before ` of Resolution 18 (…)`), the labels of that part in the text of the
 * cited revision in the reference documents, each with its clause's text. Null (another
 * provider may answer) when the cursor is not there or no reference document gives that
 * revision.
 */
export function citedClauseCompletion(ctx: CompletionContext): CompletionItem[] | null {
  if (!ctx.locate) return null;
  const m = HEAD_BEFORE_RE.exec(ctx.before);
  if (!m) return null;
  const line = ctx.position.line;
  const headStart = m.index;
  const raw = ctx.analysis.doc.lines[line] ?? '';
  const after = raw.slice(ctx.position.character);
  let citation: Citation | undefined;
  const am = EXTERNAL_AFTER_RE.exec(after);
  if (am) {
    const at = ctx.position.character + am[0].length;
    citation = ctx.analysis.citations.find((c) => c.keywordRange.start.line === line && c.keywordRange.start.character === at);
  } else {
    // the last citation on this line that ends before the call, with only `, ` or `of …,` between them
    for (const c of ctx.analysis.citations) {
      if (c.range.end.line !== line || c.range.end.character > headStart) continue;
      if (CITATION_GAP_RE.test(raw.slice(c.range.end.character, headStart).trim())) citation = c;
    }
  }
  if (!citation || citation.family !== 'text' || citation.items.length !== 1) return null;
  const r = resolveCitations(ctx.analysis, ctx.data).items.find((i) => i.citation === citation);
  if (!r?.body || !r.cited) return null;
  const texts = ctx.locate(r.body, r.citation.type, r.item.number, r.cited.id).filter((l) => l.resolution.meeting?.id === r.cited!.id);
  if (!texts.length) return null;
  const part = { head: m[1], modifier: (m[2] as 'further' | 'also' | undefined) ?? null, call: null };
  const range = { start: { line, character: ctx.position.character - m[3].length }, end: { line, character: ctx.position.character } };
  const cited = citedLabel(r);
  const items: CompletionItem[] = [];
  let order = 0;
  for (const s of partsFor(texts[0].resolution.sections, part)) {
    for (const c of s.clauses) {
      items.push({
        label: c.label,
        kind: CompletionItemKind.EnumMember,
        detail: `${cited}, ${s.call}`,
        documentation: { kind: MarkupKind.Markdown, value: paragraphs(c.text) },
        sortText: String(order++).padStart(4, '0'),
        filterText: c.label,
        textEdit: { range, newText: c.label },
      });
    }
  }
  return items.length ? items : null;
}
