/**
 * The text of a small input file (a follower list, a pairs file, an engagement file): UTF-8,
 * or UTF-16 when it starts with a byte-order mark (a spreadsheet's "Unicode text"), which
 * read as UTF-8 is one line of garbage that names no column.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2))).swap16().toString('utf16le');
  return bytes.toString('utf8');
}
