/**
 * Word reference documents in the editor. Go to definition cannot open a .docx as text, so
 * a location in one points to a read-only view instead: the same path under the scheme
 * `itu-resolution-word`, whose text the client asks the server for (request
 * `itu-resolution/wordText`, answered from ReferenceIndex.wordText). The view shows the
 * text the index read, so the location's line and column are right in it.
 */
import type { Location } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { isWordFileName } from '../references/docx';

/** The client registers a text provider for it (client/src/extension.ts). */
export const WORD_VIEW_SCHEME = 'itu-resolution-word';

/** The view of a Word file's URI (a link in a hover opens it too); any other URI as it is. */
export function viewUri(uri: string): string {
  if (!uri.startsWith('file:') || !isWordFileName(uri)) return uri;
  return URI.parse(uri).with({ scheme: WORD_VIEW_SCHEME }).toString();
}

/** A location in a Word file moved to its view; other locations as they are. */
export function viewLocation(loc: Location): Location {
  const uri = viewUri(loc.uri);
  return uri === loc.uri ? loc : { uri, range: loc.range };
}

/** The Word file a view shows, or null for another URI. */
export function wordFileOfView(uri: string): string | null {
  try {
    const u = URI.parse(uri);
    return u.scheme === WORD_VIEW_SCHEME ? u.with({ scheme: 'file' }).fsPath : null;
  } catch {
    return null;
  }
}
