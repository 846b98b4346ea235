/**
 * Mentions and hashtags in the text of own-data exports. Instagram, Threads and TikTok user
 * names may contain dots (`@jane.doe`), which the generic tables' pattern does not allow.
 */

const MENTION = /(?:^|[^\p{L}\p{N}_.@/])@([A-Za-z0-9._]{1,30})/gu;
const HASHTAG = /(?:^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;

/** Distinct `@names` (a trailing dot is punctuation, not part of the name) and `#tags` of a text. */
export function findEntities(text: string): { mentions: string[]; hashtags: string[] } {
  const mentions = new Map<string, string>();
  for (const m of text.matchAll(MENTION)) {
    const name = m[1]!.replace(/\.+$/, '');
    if (name && !mentions.has(name.toLowerCase())) mentions.set(name.toLowerCase(), name);
  }
  const tags = new Map<string, string>();
  for (const m of text.matchAll(HASHTAG)) if (!tags.has(m[1]!.toLowerCase())) tags.set(m[1]!.toLowerCase(), m[1]!);
  return { mentions: [...mentions.values()], hashtags: [...tags.values()] };
}
