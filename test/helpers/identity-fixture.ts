/**
 * Generic tables for identity tests: alice on twitter and mastodon (declared as one
 * identity by the accounts table's `identity` column) and on bluesky (not declared), each
 * with real reception from fans on that network; bob on twitter alone; carol declared as an
 * identity whose one account abstains (only a like from someone else is known).
 */
import fs from 'node:fs';
import path from 'node:path';

const at = (d: number): string => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString();

/** Writes accounts.csv, posts.csv and interactions.csv into `dir`; returns their paths. */
export function writeIdentityTables(dir: string): { accounts: string; posts: string; interactions: string } {
  const accounts = ['handle,network,followers,listed,identity'];
  const posts = ['id,author,created_at,network'];
  const interactions = ['actor,target,kind,created_at,post_id,network'];
  accounts.push('alice,twitter,4000,30,alice', 'alice@example.social,mastodon,900,,alice', 'alice.bsky.social,bluesky,120,,', 'bob,twitter,700,,', 'carol,twitter,,,carol');
  let post = 0;
  const engage = (author: string, network: string, fans: number) => {
    for (let k = 0; k < 4; k++) {
      const id = `${network}-p${++post}`;
      posts.push(`${id},${author},${at(20 + k * 7)},${network}`);
      for (let f = 0; f < fans; f++) {
        if ((f + k) % 2 !== 0) continue;
        const fan = network === 'mastodon' ? `fan${f}@fans.example` : `fan${f}`;
        interactions.push(`${fan},${author},${f % 3 ? 'like' : 'reshare'},${at(20 + k * 7 + 0.5 + f / 100)},${id},${network}`);
      }
    }
  };
  for (const network of ['twitter', 'mastodon', 'bluesky']) {
    for (let f = 0; f < 24; f++) accounts.push(`${network === 'mastodon' ? `fan${f}@fans.example` : `fan${f}`},${network},${40 + f},,`);
  }
  engage('alice', 'twitter', 24);
  engage('alice@example.social', 'mastodon', 12);
  engage('alice.bsky.social', 'bluesky', 4);
  engage('bob', 'twitter', 8);
  interactions.push(`fan1,carol,like,${at(61)},,twitter`);
  const file = (name: string, lines: string[]) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, `${lines.join('\n')}\n`);
    return p;
  };
  return { accounts: file('accounts.csv', accounts), posts: file('posts.csv', posts), interactions: file('interactions.csv', interactions) };
}
