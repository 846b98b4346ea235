/**
 * Meta's exports (Instagram, Threads, Facebook) write text as "mojibake": each byte of the
 * UTF-8 encoding is escaped as its own `\u00XX`, so after JSON.parse a thumbs-up reads
 * `ð\u009f\u0091\u008d` (four Latin-1 characters) instead of one emoji.
 *
 * The repair re-reads each run of U+0080..U+00FF characters that forms a valid UTF-8
 * sequence as the character it encodes, and keeps everything else as it is. So:
 *   - `\u00f0\u009f\u0091\u008d` -> U+1F44D (one emoji); `Ã©` -> `é`;
 *   - a string that is not mojibake (`Café`, where `é` is not followed by UTF-8
 *     continuation bytes) is kept unchanged;
 *   - text whose owner fixed part of it by hand (`Früher … woche\u00e2\u0080\u00a6`)
 *     keeps its real characters and has only the byte runs repaired (`…`).
 * Strict UTF-8 only (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
 */

/** `s` with every mojibake byte run decoded; `s` itself when there is none. */
export function fixMojibake(s: string): string {
  let i = firstHighLatin1(s);
  if (i < 0) return s;
  let out = s.slice(0, i);
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    const cp = len ? decodeSequence(s, i, len) : -1;
    if (cp >= 0) {
      out += String.fromCodePoint(cp);
      i += len;
    } else {
      out += s[i];
      i++;
    }
  }
  return out;
}

function firstHighLatin1(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xc2 && c <= 0xf4) return i;
  }
  return -1;
}

/** The code point of the `len`-byte UTF-8 sequence written as Latin-1 chars at s[at..], or -1. */
function decodeSequence(s: string, at: number, len: number): number {
  if (at + len > s.length) return -1;
  const lead = s.charCodeAt(at);
  let cp = lead & (len === 2 ? 0x1f : len === 3 ? 0x0f : 0x07);
  for (let k = 1; k < len; k++) {
    const b = s.charCodeAt(at + k);
    if (b < 0x80 || b > 0xbf) return -1;
    cp = (cp << 6) | (b & 0x3f);
  }
  const second = s.charCodeAt(at + 1);
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
  if (lead === 0xe0 && second < 0xa0) return -1;
  if (lead === 0xed && second > 0x9f) return -1;
  if (lead === 0xf0 && second < 0x90) return -1;
  if (lead === 0xf4 && second > 0x8f) return -1;
  return cp;
}
