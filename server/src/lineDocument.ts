/**
 * The server's copy of an open document's text, kept as an array of lines.
 *
 * vscode-languageserver-textdocument keeps one string and rebuilds it at every edit: for a
 * 20 MB document each keystroke copies 40 MB and triggers a full garbage collection,
 * which stalls the server for hundreds of milliseconds. Here an edit replaces the lines it
 * touches; the whole text is joined once when asked for (a lint, a parse) and kept until
 * the next edit. Same interface and same results as the library's TextDocument (positions
 * out of range are clamped the same way; the tests compare both on random edits).
 */
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

const EOL = /\r\n|\r|\n/g;

/** Lines with their terminators; the last one has none (it is '' after a final terminator). */
export function splitKeepingEnds(text: string): string[] {
  const out: string[] = [];
  const re = new RegExp(EOL.source, 'g');
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const to = m.index + m[0].length;
    out.push(text.slice(from, to));
    from = to;
  }
  out.push(text.slice(from));
  return out;
}

function endLength(line: string): number {
  const n = line.length;
  if (n === 0) return 0;
  const last = line.charCodeAt(n - 1);
  if (last === 10) return n > 1 && line.charCodeAt(n - 2) === 13 ? 2 : 1;
  return last === 13 ? 1 : 0;
}

export class LineDocument implements TextDocument {
  private lines: string[];
  private size: number;
  private joined: string | null;
  private starts: number[] | null = null;
  private snap: readonly string[] | null = null;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private _version: number,
    content: string,
  ) {
    this.lines = splitKeepingEnds(content);
    this.size = content.length;
    this.joined = content;
  }

  get version(): number {
    return this._version;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /**
   * The lines (with their terminators) as they are now, without joining them: large
   * documents are handled line by line, as joining 20 MB takes a noticeable pause.
   */
  snapshot(): readonly string[] {
    return (this.snap ??= this.lines.slice());
  }

  /** The length of the text, without joining it. */
  get length(): number {
    return this.size;
  }

  getText(range?: Range): string {
    if (!range) return (this.joined ??= this.lines.join(''));
    const { start, end } = wellFormed(range);
    const [sl, sc] = this.clamp(start);
    const [el, ec] = this.clamp(end);
    if (sl === el) return this.lines[sl].slice(sc, ec);
    const parts = [this.lines[sl].slice(sc)];
    for (let i = sl + 1; i < el; i++) parts.push(this.lines[i]);
    parts.push(this.lines[el].slice(0, ec));
    return parts.join('');
  }

  /** A position as [line, character] inside the text, as TextDocument.offsetAt clamps it. */
  private clamp(p: Position): [number, number] {
    const lines = this.lines;
    if (p.line >= lines.length) {
      const last = lines.length - 1;
      return [last, lines[last].length];
    }
    if (p.line < 0) return [0, 0];
    const line = lines[p.line];
    const max = line.length - endLength(line);
    return [p.line, p.character <= 0 ? 0 : Math.min(p.character, max)];
  }

  getLineRange(line: number): Range {
    const lines = this.lines;
    if (line >= lines.length) {
      const last = lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: lines[last].length } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const text = lines[line];
    return { start: { line, character: 0 }, end: { line, character: text.length - endLength(text) } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lines.length) return '';
    const text = this.lines[line];
    return text.slice(text.length - endLength(text));
  }

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const s = new Array<number>(this.lines.length);
    let at = 0;
    for (let i = 0; i < this.lines.length; i++) {
      s[i] = at;
      at += this.lines[i].length;
    }
    return (this.starts = s);
  }

  offsetAt(position: Position): number {
    const [line, character] = this.clamp(position);
    return this.lineStarts()[line] + character;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.size), 0);
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length;
    if (hi === 0) return { line: 0, character: offset };
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] > offset) hi = mid;
      else lo = mid + 1;
    }
    const line = lo - 1;
    // an offset inside a line terminator stays at the end of the line's text
    const text = this.lines[line];
    const character = Math.min(offset - starts[line], text.length - endLength(text));
    return { line, character };
  }

  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) this.replace(change.range, change.text);
      else {
        this.lines = splitKeepingEnds(change.text);
        this.size = change.text.length;
      }
      this.joined = null;
      this.starts = null;
      this.snap = null;
    }
    this._version = version;
  }

  private replace(range: Range, text: string): void {
    const { start, end } = wellFormed(range);
    const lines = this.lines;
    let [first, sc] = this.clamp(start);
    let [last, ec] = this.clamp(end);
    let segment = lines[first].slice(0, sc) + text + lines[last].slice(ec);
    // a CR and an LF that meet across the edit make one line break: take in the neighbour line
    if (first > 0 && segment.charCodeAt(0) === 10 && lines[first - 1].endsWith('\r')) {
      first--;
      segment = lines[first] + segment;
    }
    if (last + 1 < lines.length && segment.endsWith('\r') && lines[last + 1].charCodeAt(0) === 10) {
      last++;
      segment += lines[last];
    }
    let removed = 0;
    for (let i = first; i <= last; i++) removed += lines[i].length;
    const added = splitKeepingEnds(segment);
    // a segment that is not at the end of the text ends with its terminator: no empty line after it
    if (last + 1 < lines.length && added.length > 1 && added[added.length - 1] === '') added.pop();
    if (added.length < 5000) lines.splice(first, last - first + 1, ...added);
    else this.lines = lines.slice(0, first).concat(added, lines.slice(last + 1));
    this.size += segment.length - removed;
  }
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return { start: end, end: start };
  return range;
}

/** For `new TextDocuments(LINE_DOCUMENTS)`. */
export const LINE_DOCUMENTS: TextDocumentsConfiguration<LineDocument> = {
  create: (uri, languageId, version, content) => new LineDocument(uri, languageId, version, content),
  update: (doc, changes, version) => {
    doc.update(changes, version);
    return doc;
  },
};
