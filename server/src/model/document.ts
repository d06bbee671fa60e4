import type { Content, ResDocument } from './types';

/** A document with nothing parsed in it yet (the parser fills it; an empty one stands for no text). */
export function emptyDocument(text = '', lines: string[] = []): ResDocument {
  return { text, lines, cover: [], proposals: [], resolutions: [], footnotes: [], traces: [], directives: [] };
}

/** A content with no text, at the start of the first line. */
export function emptyContent(): Content {
  return { line: 0, column: 0, text: '', shifts: [] };
}
