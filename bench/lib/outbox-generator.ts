/**
 * A deterministic Mastodon archive of any size for benchmarks: actor.json and an
 * outbox.json shaped like a real 2024 export (the `orderedItems` key twice, `[]` then the
 * activities; Create Notes with HTML content, mentions, hashtags and replies; Announce
 * boosts; some direct messages). Written as a stream: the generator never holds the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Rng } from '../../tools/sim/random.js';

/** Writes `dir/actor.json` and `dir/outbox.json` of about `bytes` bytes; returns the activity count. */
export async function writeOutboxArchive(dir: string, bytes: number, seed = 13): Promise<{ activities: number; bytes: number }> {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'actor.json'),
    JSON.stringify({ '@context': ['https://www.w3.org/ns/activitystreams'], id: 'https://bench.example/users/owner', type: 'Person', preferredUsername: 'owner', name: 'Bench Owner', summary: '<p>bench</p>', published: '2020-01-01T00:00:00Z' }),
  );
  const rng = new Rng(seed);
  const rnd = () => rng.next();
  const out = fs.createWriteStream(path.join(dir, 'outbox.json'));
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  const head = '{"@context":["https://www.w3.org/ns/activitystreams",{"ostatus":"http://ostatus.org#","toot":"http://joinmastodon.org/ns#","Hashtag":"as:Hashtag"}],"id":"outbox.json","type":"OrderedCollection","totalItems":0,"orderedItems":[],"orderedItems":[';
  await write(head);
  let written = head.length;
  let n = 0;
  const base = Date.UTC(2023, 0, 1);
  while (written < bytes - 2) {
    const t = new Date(base + n * 60_000).toISOString().replace('.000', '');
    const status = `https://bench.example/users/owner/statuses/${100000000000000000n + BigInt(n)}`;
    const r = rnd();
    let activity: unknown;
    if (r < 0.2) {
      const other = `https://other${n % 50}.example/users/u${Math.floor(rnd() * 5000)}`;
      activity = { id: `${status}/activity`, type: 'Announce', actor: 'https://bench.example/users/owner', published: t, to: ['https://www.w3.org/ns/activitystreams#Public'], cc: [other, 'https://bench.example/users/owner/followers'], object: `${other}/statuses/${n}` };
    } else {
      const mention = `u${Math.floor(rnd() * 5000)}`;
      const host = `other${n % 50}.example`;
      const direct = r > 0.97;
      const to = direct ? [`https://${host}/users/${mention}`] : ['https://www.w3.org/ns/activitystreams#Public'];
      const words = Array.from({ length: 20 + Math.floor(rnd() * 40) }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
      activity = {
        id: `${status}/activity`,
        type: 'Create',
        actor: 'https://bench.example/users/owner',
        published: t,
        to,
        cc: direct ? [] : ['https://bench.example/users/owner/followers', `https://${host}/users/${mention}`],
        object: {
          id: status,
          type: 'Note',
          summary: null,
          inReplyTo: r < 0.5 ? `https://${host}/users/${mention}/statuses/${n * 7}` : null,
          published: t,
          url: `https://bench.example/@owner/${n}`,
          attributedTo: 'https://bench.example/users/owner',
          to,
          cc: [],
          sensitive: false,
          content: `<p><span class="h-card"><a href="https://${host}/@${mention}" class="u-url mention">@<span>${mention}</span></a></span> ${words} <a href="https://bench.example/tags/bench" class="mention hashtag" rel="tag">#<span>bench</span></a></p>`,
          contentMap: { en: '' },
          attachment: [],
          tag: [
            { type: 'Mention', href: `https://${host}/users/${mention}`, name: `@${mention}@${host}` },
            { type: 'Hashtag', href: 'https://bench.example/tags/bench', name: '#bench' },
          ],
          replies: { id: `${status}/replies`, type: 'Collection', first: { type: 'CollectionPage', next: `${status}/replies?only_other_accounts=true&page=true`, partOf: `${status}/replies`, items: [] } },
        },
      };
    }
    const text = (n === 0 ? '' : ',') + JSON.stringify(activity);
    await write(text);
    written += Buffer.byteLength(text);
    n++;
  }
  await write(']}');
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { activities: n, bytes: written + 2 };
}

const WORDS = 'the a of to and in that is for it on with as was at by an be this from or have are not but all they one we can were there out if about would will so what up some time them other its into then more only new like these could now after way also use two how our first well even because any most day us great still people those through good think music coffee birds garden city tram rain photo book film walk night'.split(' ');
