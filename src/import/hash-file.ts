/** sha256 of a file, streamed (a multi-GB export is never held in memory). */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** Hex sha256 of the file's bytes. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(path, { highWaterMark: 2 ** 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
