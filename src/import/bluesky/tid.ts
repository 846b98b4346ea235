/**
 * Timestamp identifiers (TIDs), atproto's record keys and repository revisions: 13
 * characters of base32-sortable (`234567abcdefghijklmnopqrstuvwxyz`) holding a 64-bit
 * integer whose top bit is 0, then 53 bits of microseconds since 1970, then 10 bits of
 * clock id (atproto spec, "Record Key", TID syntax). Worked example: the commit rev
 * `3ljlyqit2uk2l` decodes to 2025-03-05T03:06:28.274Z (that repository's last write).
 */
const ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

/** Epoch ms a TID encodes (microseconds truncated), or undefined when `s` is not a TID. */
export function readTidTime(s: string): number | undefined {
  if (!TID.test(s)) return undefined;
  let value = 0n;
  for (const c of s) value = (value << 5n) | BigInt(ALPHABET.indexOf(c));
  return Number((value >> 10n) / 1000n);
}
