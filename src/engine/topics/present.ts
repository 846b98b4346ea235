/**
 * The topics present in an analysis: each topic assigned to at least one account of a pool,
 * with how many accounts have it (for a topic picker: only topics that select somebody).
 *
 * Definition: accounts(T) = |{a in pool : T is among a's assigned topics}| (assigned topics
 * already include the ancestors that rolled up, expertise.ts step 5). Order: most accounts
 * first, then slug. Example: a has [wine, food-and-drink], b has [food-and-drink] ->
 * food-and-drink 2, wine 1.
 */
import type { TopicExpertise } from './expertise.js';

/** A topic assigned to at least one account of the pool. */
export interface TopicPresence {
  /** taxonomy index */
  topic: number;
  id: string;
  slug: string;
  name: string;
  /** accounts of the pool with the topic assigned */
  accounts: number;
}

/** The topics assigned in `pool` (default: every account), most accounts first (see the module doc). */
export function topicsPresentIn(expertise: TopicExpertise, pool?: Iterable<number>): TopicPresence[] {
  const byTopic = new Map<number, TopicPresence>();
  for (const i of pool ?? expertise.accounts.map((a) => a.account)) {
    for (const t of expertise.accounts[i]?.topics ?? []) {
      const seen = byTopic.get(t.topic);
      if (seen) seen.accounts++;
      else byTopic.set(t.topic, { topic: t.topic, id: t.id, slug: t.slug, name: t.name, accounts: 1 });
    }
  }
  return [...byTopic.values()].sort((a, b) => b.accounts - a.accounts || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
