/** A small scoring database for CLI tests: a popular account, a modest one, fans, a cross-network name clash. */
import path from 'node:path';
import { day } from '../../tools/sim/dataset-builder.js';
import { DbWriter } from './score-db.js';

/** Writes the fixture database into `dir`; returns its path. */
export function writeScoreFixture(dir: string): string {
  const file = path.join(dir, 'score.db');
  const w = new DbWriter(file);
  const alice = w.account({ handle: 'alice', followers: 1200, listed: 10 });
  const bob = w.account({ handle: 'bob', followers: 300 });
  const carol = w.account({ handle: 'carol', followers: 50 });
  w.account({ handle: 'alice', network: 'mastodon' });
  w.account({ handle: 'dave', followers: 90_000, listed: 800 }); // declared only (a follower list)
  const fans = Array.from({ length: 30 }, (_, i) => w.account({ handle: `fan${i}`, followers: 10 + i }));
  // fans engage a few of alice's posts each (no ring, no serial engager), bob replies to three
  for (let k = 0; k < 10; k++) {
    const p = w.post(alice, { at: day(k * 5) });
    for (let f = 0; f < fans.length; f++) if ((f + k) % 4 === 0) w.interact(fans[f]!, alice, f % 2 ? 'like' : 'reshare', { at: day(k * 5 + 0.1 + f / 100), post: p });
    if (k % 3 === 0) w.interact(bob, alice, 'reply', { at: day(k * 5 + 0.2), post: p });
  }
  const pb = w.post(bob, { at: day(3) });
  w.interact(carol, bob, 'like', { at: day(3.5), post: pb });
  w.post(carol, { at: day(4) });
  w.close();
  return file;
}
