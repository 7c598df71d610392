// A resynchronising filter for the stdio channel. The LSP base protocol frames each message with a
// `Content-Length` header; a client that sends one wrong frame (a header without a colon, a length
// that is missing, not a number, too short or too long) would leave the stock reader out of step for
// good, and every later message would be lost. This filter passes well-formed frames through
// unchanged and, on a broken one, drops bytes up to the next header, so the server answers what
// follows.
//
// The rule that finds a frame whose length is too long: a JSON body can never contain a raw CR or LF
// inside a string, so `Content-Length: <digits>` followed by a raw CRLF inside a declared body is the
// next frame's header, and the declared frame was broken.
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const HEADER_START = Buffer.from('Content-Length:');
const EMBEDDED_HEADER = /\r?\n?Content-Length:[ \t]*\d+\r\n/;
/** A header block longer than this is not a header. */
const MAX_HEADER = 8 * 1024;
/** A frame larger than this is refused (the largest lab file the service reads is far below). */
const MAX_BODY = 512 * 1024 * 1024;

export class ResyncingFrameFilter extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  /** The last bytes looked at while awaiting a body, so a header split across chunks is still seen. */
  private tail = '';
  /** While a body is incomplete: chunks received after `buffer`, their size, and the frame awaited. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private awaiting: { bodyStart: number; length: number } | undefined;
  /** Broken frames dropped so far. */
  dropped = 0;

  /** Told of every broken frame dropped (the reason only, never the bytes). */
  onDrop: (reason: string) => void = () => undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.awaiting) {
      // A large body arrives in many chunks: look only at the new bytes (and a header's length back).
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      const need = this.awaiting.bodyStart + this.awaiting.length;
      const scan = this.tail + chunk.toString('latin1');
      this.tail = scan.slice(-40);
      if (this.buffer.length + this.pendingBytes < need && !EMBEDDED_HEADER.test(scan)) return callback();
      this.buffer = Buffer.concat([this.buffer, ...this.pending]);
      this.pending = [];
      this.pendingBytes = 0;
      this.awaiting = undefined;
    } else {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    }
    this.drain();
    callback();
  }

  private discard(count: number, reason: string): void {
    this.buffer = this.buffer.subarray(count);
    this.dropped++;
    this.onDrop(reason);
  }

  /** Drops everything before the next header start (or all but a possible partial one). */
  private resync(reason: string): void {
    const next = this.buffer.indexOf(HEADER_START, 1);
    if (next > 0) this.discard(next, reason);
    else this.discard(Math.max(1, this.buffer.length - HEADER_START.length), reason);
  }

  private drain(): void {
    while (this.buffer.length) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) {
        // No complete header yet: fine unless what we have cannot be the start of one.
        if (this.buffer.length > MAX_HEADER || !looksLikeHeaderStart(this.buffer)) this.resync('no header');
        else return;
        continue;
      }
      const length = contentLength(this.buffer.subarray(0, end).toString('latin1'));
      if (length === undefined) {
        this.resync('malformed header');
        continue;
      }
      const bodyStart = end + HEADER_END.length;
      const available = this.buffer.subarray(bodyStart, bodyStart + length);
      const embedded = EMBEDDED_HEADER.exec(available.toString('latin1'));
      if (embedded) {
        // The declared length runs into the next frame: drop the broken frame, keep the next one.
        this.discard(bodyStart + embedded.index + embedded[0].indexOf('Content-Length:'), 'length too long');
        continue;
      }
      if (available.length < length) {
        this.awaiting = { bodyStart, length };
        this.tail = available.toString('latin1').slice(-40);
        return; // wait for the rest of the body
      }
      this.push(this.buffer.subarray(0, bodyStart + length));
      this.buffer = this.buffer.subarray(bodyStart + length);
    }
  }
}

/** True when `buffer` could be the beginning of a header block (printable header text so far). */
function looksLikeHeaderStart(buffer: Buffer): boolean {
  const text = buffer.subarray(0, Math.min(buffer.length, 64)).toString('latin1');
  return /^[A-Za-z][A-Za-z0-9-]*(:[^\r\n]*(\r\n?|\r?\n?$)|$)/.test(text) || /^[A-Za-z][A-Za-z0-9-]*:[^\r\n]*\r\n[A-Za-z-]*/.test(text);
}

/** The Content-Length of a header block, or undefined if the block is not a valid LSP header. */
function contentLength(block: string): number | undefined {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,10}$/.test(value)) return undefined;
    length = Number(value);
  }
  return length !== undefined && length <= MAX_BODY ? length : undefined;
}
