/**
 * Stable ids for things an export gives without one (an Instagram comment, a Threads
 * post, a LinkedIn comment): a hash of what identifies them, so the same export imported
 * twice, or from a folder and from its zip, yields the same ids and adds nothing.
 */
import { createHash } from 'node:crypto';

/** `kind-<20 hex digits>` from the parts (e.g. time, author, text). */
export function contentId(kind: string, ...parts: Array<string | number | undefined>): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p === undefined ? '\u0001' : String(p)).update('\u0000');
  return `${kind}-${hash.digest('hex').slice(0, 20)}`;
}
