/**
 * Text written straight into UTF-8 bytes, for outputs of hundreds of megabytes made from
 * a few repeated pieces (`score --all --json`: 160 MB at 100k accounts). Why: appended to a
 * string, each result was a rope of ~80 pieces that was then flattened, encoded to UTF-8 and
 * copied into the output block (cli/output.ts), and its pieces were garbage; here the pieces
 * that repeat are encoded once and copied as bytes, and the rest is encoded where it lands.
 *
 * A ByteText is a buffer that grows as it is written; `take` hands its bytes over and starts
 * a new buffer (what was handed over is never written again: a stream may hold it).
 */

/** A growing UTF-8 buffer (see the module doc). */
export interface ByteText {
  bytes: Buffer;
  used: number;
}

/** An empty ByteText of `size` bytes to begin with. */
export function makeByteText(size = 64 * 1024): ByteText {
  return { bytes: Buffer.allocUnsafe(size), used: 0 };
}

/** Room for `n` more bytes: a buffer twice as large (at least) when they do not fit. */
function reserve(out: ByteText, n: number): void {
  if (out.used + n <= out.bytes.length) return;
  const bigger = Buffer.allocUnsafe(Math.max(2 * out.bytes.length, out.used + n));
  out.bytes.copy(bigger, 0, 0, out.used);
  out.bytes = bigger;
}

/** Pieces up to this long are copied by a loop (a call to the copying built-ins costs more). */
const SHORT = 32;

/** Appends bytes (an encoded piece). */
export function putBytes(out: ByteText, piece: Uint8Array): void {
  const n = piece.length;
  reserve(out, n);
  const bytes = out.bytes;
  const at = out.used;
  if (n <= SHORT) for (let i = 0; i < n; i++) bytes[at + i] = piece[i]!;
  else bytes.set(piece, at);
  out.used = at + n;
}

/** Appends text known to be ASCII (numbers, JSON punctuation). */
export function putAscii(out: ByteText, s: string): void {
  const n = s.length;
  reserve(out, n);
  const bytes = out.bytes;
  const at = out.used;
  if (n <= SHORT) for (let i = 0; i < n; i++) bytes[at + i] = s.charCodeAt(i);
  else bytes.write(s, at, n, 'latin1');
  out.used = at + n;
}

/** Appends any well-formed text as UTF-8 (a lone surrogate would be written as U+FFFD: escape those first). */
export function putText(out: ByteText, s: string): void {
  const n = s.length;
  reserve(out, 3 * n);
  const bytes = out.bytes;
  const at = out.used;
  if (n <= SHORT) {
    // short text is mostly ASCII (handles): copied unit by unit until a unit is not
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) break;
      bytes[at + i] = c;
    }
    if (i === n) {
      out.used = at + n;
      return;
    }
  }
  out.used = at + bytes.write(s, at, 'utf8');
}

/** The text's bytes so far, handed over; `out` goes on in a new buffer of its first size or `size`. */
export function takeBytes(out: ByteText, size: number): Buffer {
  const taken = out.bytes.subarray(0, out.used);
  out.bytes = Buffer.allocUnsafe(size);
  out.used = 0;
  return taken;
}

/** The text so far as a string, `out` emptied (for callers that want text). */
export function takeString(out: ByteText): string {
  const s = out.bytes.toString('utf8', 0, out.used);
  out.used = 0;
  return s;
}

/** A piece's UTF-8 bytes, made once for pieces written many times. */
export function encodePiece(s: string): Buffer {
  return Buffer.from(s, 'utf8');
}
