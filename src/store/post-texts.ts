/** Whether any post in the database holds text (a database of counts alone gives topics nothing to read). */
import type { Db } from './open.js';

/** True when some post has a non-empty text (stops at the first; a full scan of posts when none has). */
export function hasPostTexts(db: Db): boolean {
  return (db.prepare("SELECT EXISTS (SELECT 1 FROM posts WHERE text IS NOT NULL AND text <> '')").pluck().get() as number) === 1;
}
