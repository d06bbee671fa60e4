/** Outline: resolutions → sections → clauses (and proposals around them). */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { Range, ResDocument, Resolution } from '../model/types';

function sym(name: string, detail: string | undefined, kind: SymbolKind, range: Range, selection: Range, children: DocumentSymbol[] = []): DocumentSymbol {
  return { name: name || '(empty)', detail, kind, range, selectionRange: selection, children };
}

function resolutionSymbol(res: Resolution): DocumentSymbol {
  const nl = res.numberLine;
  const sections = res.sections.map((s) =>
    sym(
      s.call.text,
      `${s.clauses.length} clause${s.clauses.length === 1 ? '' : 's'}`,
      s.call.kind === 'operative' ? SymbolKind.Method : SymbolKind.Field,
      s.range,
      s.call.range,
      s.clauses.map((c) => {
        const words = c.content.text.split(/\s+/).slice(0, 8).join(' ');
        return sym(c.label ? c.label.text : '•', words, SymbolKind.EnumMember, c.range, c.label ? c.label.range : c.range);
      }),
    ),
  );
  const annexes = res.annexes.map((a) => sym(a.heading.text, a.title?.text, SymbolKind.Namespace, a.range, a.range));
  return sym(nl.content.text, res.title?.text, SymbolKind.Module, res.range, nl.range, [...sections, ...annexes]);
}

export function documentSymbols(doc: ResDocument): DocumentSymbol[] {
  const top: DocumentSymbol[] = [];
  const inProposal = new Set<number>();
  for (const p of doc.proposals) {
    const children = p.resolutions.map((i) => {
      inProposal.add(i);
      return resolutionSymbol(doc.resolutions[i]);
    });
    for (const r of p.reasons) children.push(sym('Reasons', r.content.text.slice(0, 60), SymbolKind.String, r.range, r.range));
    top.push(sym(`${p.symbol} ${p.identifier}`.trim(), undefined, SymbolKind.Package, p.range, p.symbolRange, children));
  }
  doc.resolutions.forEach((r, i) => {
    if (!inProposal.has(i)) top.push(resolutionSymbol(r));
  });
  top.sort((a, b) => a.range.start.line - b.range.start.line);
  return top;
}
