/** An account's assigned topics, looked up across the scoring population and the topic input. */
import type { TopicScore } from '../engine/topics/expertise.js';
import type { StoredExpertise } from './topic-session.js';

/** Assigned topics of the account with database id `dbId`, best first ([] when none). */
export function topicsOfAccount(stored: StoredExpertise, dbId: number): TopicScore[] {
  const i = stored.indexOfDbId.get(dbId);
  return i === undefined ? [] : (stored.expertise.accounts[i]?.topics ?? []);
}
