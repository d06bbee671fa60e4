/**
 * Guards the server's stdio input against malformed message frames.
 *
 * LSP over stdio frames each JSON message with headers (`Content-Length: 52\r\n\r\n`).
 * vscode-jsonrpc's reader reports a frame whose header is malformed (no Content-Length, a
 * value that is not a number, a line without `:`), but then stays out of step: every later
 * message is read as part of a header and dropped, and the server goes deaf. This stream
 * sits between stdin and the reader: it lets well-formed frames through byte for byte and
 * drops a malformed header with the body after it, up to the next `Content-Length` header,
 * so that the following messages are read again. (A frame with a good header and a body
 * that is not JSON is the reader's business: it reports it and goes on.)
 */
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const NEXT_HEADER = [Buffer.from('Content-Length', 'ascii'), Buffer.from('content-length', 'ascii')];
/** a header block longer than this without its blank line is not a header */
const MAX_HEADER = 8 * 1024;

export class FrameGuard extends Transform {
  /** bytes of an incomplete header block */
  private pending: Buffer = Buffer.alloc(0);
  /** body bytes still to pass through */
  private body = 0;
  /** dropping bytes until the next header */
  private skipping = false;
  dropped = 0;

  constructor(
    private readonly onProblem: (message: string) => void,
    private readonly maxLength = 1024 * 1024 * 1024,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    let pos = 0;
    while (pos < data.length) {
      if (this.body > 0) {
        const n = Math.min(this.body, data.length - pos);
        this.push(data.subarray(pos, pos + n));
        pos += n;
        this.body -= n;
        continue;
      }
      if (this.skipping) {
        const next = nextHeader(data, pos);
        if (next < 0) {
          // keep a tail in case a header name is cut in two by the chunk boundary
          const keep = Math.min(data.length - pos, NEXT_HEADER[0].length - 1);
          this.pending = Buffer.from(data.subarray(data.length - keep));
          pos = data.length;
          break;
        }
        pos = next;
        this.skipping = false;
      }
      const end = data.indexOf(HEADER_END, pos);
      if (end < 0) {
        if (data.length - pos > MAX_HEADER) {
          this.reject('a header block without its end', pos);
          pos += 1;
          continue;
        }
        this.pending = Buffer.from(data.subarray(pos));
        pos = data.length;
        break;
      }
      const length = contentLength(data.toString('latin1', pos, end), this.maxLength);
      if (typeof length === 'string') {
        this.reject(length, pos);
        pos += 1;
        continue;
      }
      this.push(data.subarray(pos, end + HEADER_END.length));
      pos = end + HEADER_END.length;
      this.body = length;
    }
    data = Buffer.alloc(0);
    callback();
  }

  private reject(why: string, _at: number): void {
    this.dropped++;
    this.skipping = true;
    this.onProblem(`reslint: dropped a malformed message frame (${why}); reading on from the next header`);
  }
}

function nextHeader(data: Buffer, from: number): number {
  let best = -1;
  for (const h of NEXT_HEADER) {
    const i = data.indexOf(h, from);
    if (i >= 0 && (best < 0 || i < best)) best = i;
  }
  return best;
}

/** The Content-Length of a header block, or why the block is malformed. */
function contentLength(block: string, max: number): number | string {
  let length: number | null = null;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `header line without a name and value: ${JSON.stringify(line.slice(0, 60))}`;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      if (!/^\d{1,15}$/.test(value)) return `Content-Length is not a number: ${JSON.stringify(value.slice(0, 30))}`;
      length = Number(value);
      if (length > max) return `Content-Length ${length} is too large`;
    }
  }
  return length === null ? 'no Content-Length header' : length;
}
