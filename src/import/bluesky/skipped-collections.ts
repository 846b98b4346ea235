/**
 * Collections a repository may hold that influence does not import, with the reason shown
 * in the import summary. Any collection not listed here or in READ_COLLECTIONS (other atproto
 * apps write their own: blogs, link aggregators, games) is reported by name as unknown.
 */

/** The reason a known collection is not imported. */
export const SKIPPED_COLLECTIONS: Readonly<Record<string, string>> = {
  'app.bsky.graph.block': 'blocks are not engagement',
  'app.bsky.graph.list': 'lists are curation, not engagement',
  'app.bsky.graph.listitem': 'list members are curation, not engagement',
  'app.bsky.graph.listblock': 'list blocks are not engagement',
  'app.bsky.graph.starterpack': 'starter packs are curation, not engagement',
  'app.bsky.graph.verification': 'verifications this account issued are not engagement',
  'app.bsky.feed.generator': 'custom feed definitions are not posts',
  'app.bsky.feed.threadgate': 'reply settings of posts',
  'app.bsky.feed.postgate': 'quote settings of posts',
  'app.bsky.labeler.service': 'a labeler declaration',
  'app.bsky.actor.status': 'a live status',
  'app.bsky.system.declaration': 'an actor type declaration of 2022-23',
  'app.bsky.graph.assertion': 'a membership assertion of 2022-23',
  'app.bsky.graph.confirmation': 'a membership confirmation of 2022-23',
  'chat.bsky.actor.declaration': 'chat settings only (who may message this account): direct messages are never in a repository and never imported',
};

/** The summary's reason for `count` records of a collection that are not imported (`reason` when the records themselves said why). */
export function describeSkipped(collection: string, count: number, reason?: string): string {
  const what = `${count} record${count === 1 ? '' : 's'}`;
  return `${what}: ${reason ?? SKIPPED_COLLECTIONS[collection] ?? 'a collection influence does not read'}`;
}
