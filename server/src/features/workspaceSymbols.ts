/**
 * Workspace symbols (Ctrl+T in VS Code): the resolutions of the reference documents and of
 * the open documents, by number line and title, so that `92` or `IMT` finds Resolution 92
 * wherever it is kept. A Word file's resolution points into its text view (wordView.ts).
 */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import type { ReferenceLocation } from '../references/indexer';
import { viewUri } from './wordView';

/** At most this many answers: the editor filters and ranks them again as one types. */
export const MAX_WORKSPACE_SYMBOLS = 1000;

/** Whether the letters and digits of `query` appear in `text` in order (the editor's fuzzy match, loosely). */
function matches(text: string, query: string): boolean {
  const t = text.toLowerCase();
  let at = 0;
  for (const ch of query.toLowerCase()) {
    if (ch === ' ') continue;
    at = t.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

export function workspaceSymbols(found: readonly ReferenceLocation[], query: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    const r = f.resolution;
    // the title in the name: the editor matches what one types against the name only
    const name = r.title ? `${r.label} — ${r.title}` : r.label;
    const key = `${f.uri}#${f.range.start.line}`;
    if (seen.has(key) || !matches(name, query)) continue;
    seen.add(key);
    out.push({ name, kind: SymbolKind.Module, containerName: r.body, location: { uri: viewUri(f.uri), range: f.range } });
    if (out.length >= MAX_WORKSPACE_SYMBOLS) break;
  }
  return out;
}
