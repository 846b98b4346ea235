/**
 * Stores topic scores with a run (runs are never rewritten: writing the same run, account
 * and topic twice is an error from the primary key). `detail` is the evidence as JSON, with
 * example post ids (not texts: the posts are in the database).
 */
import { writeTransaction, type Db } from './open.js';
import type { TopicExpertise } from '../engine/topics/expertise.js';

/** Writes every assigned topic of every account as topic_scores rows for `runId`; returns the row count. */
export function writeTopicScores(db: Db, runId: number, expertise: TopicExpertise, accountDbIds: ArrayLike<number>): number {
  if (db.prepare('SELECT 1 FROM runs WHERE id = ?').get(runId) === undefined) {
    throw new Error(`run ${runId} does not exist; create the run before writing its topic scores`);
  }
  const insert = db.prepare('INSERT INTO topic_scores (run_id, account_id, topic_id, score, detail) VALUES (?, ?, ?, ?, ?)');
  let rows = 0;
  writeTransaction(db, () => {
    for (const acct of expertise.accounts) {
      for (const t of acct.topics) {
        const { examples, ...evidence } = t.evidence;
        insert.run(runId, accountDbIds[acct.account], t.id, t.score, JSON.stringify({ slug: t.slug, ...evidence, examples: examples.map((x) => x.id) }));
        rows++;
      }
    }
  });
  return rows;
}
