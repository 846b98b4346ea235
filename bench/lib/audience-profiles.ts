/**
 * Generated follower profiles for the audit benchmark: speed only, never fitting (the
 * classifier is fitted on real labelled accounts). A mix of person-like, bought-like and
 * bot-like profiles with every generic profile column, follow times spread over two years
 * with one purchase-like burst day, written as the generic accounts and follows CSVs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Rng } from '../../tools/sim/random.js';

const DAY = 86_400_000;

/** Writes accounts.csv and follows.csv for `n` followers of `target` into `dir`; returns their paths. */
export function writeAudienceBench(dir: string, n: number, target: string, asOf: number, seed = 12): { accounts: string; follows: string } {
  fs.mkdirSync(dir, { recursive: true });
  const rng = new Rng(seed);
  const logUniform = (lo: number, hi: number): number => Math.round(Math.exp(Math.log(lo + 1) + rng.next() * (Math.log(hi + 1) - Math.log(lo + 1))) - 1);
  const accounts: string[] = ['handle,display_name,bio,followers,following,posts,listed,likes_given,verified,created_at,default_avatar,url,location'];
  const follows: string[] = ['follower,followee,created_at'];
  accounts.push(`${target},Target,The audited account,${n},500,3000,100,2000,false,2012-01-01T00:00:00Z,false,https://target.example,Leeds`);
  const burstDay = asOf - 200 * DAY;
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    const kind = r < 0.7 ? 'person' : r < 0.9 ? 'bought' : 'bot';
    const handle = kind === 'person' ? `p${i}` : kind === 'bought' ? `user${i}${rng.between(10, 99)}` : `b${i}`;
    let row: (string | number)[];
    if (kind === 'person') {
      row = [handle, `Person ${i}`, rng.chance(0.85) ? 'Likes walks' : '', logUniform(20, 5000), logUniform(30, 2000), logUniform(50, 50_000), logUniform(0, 50), logUniform(10, 30_000), 'false', iso(asOf - rng.between(400, 4000) * DAY), rng.chance(0.01) ? 'true' : 'false', rng.chance(0.35) ? 'https://example.com' : '', rng.chance(0.7) ? 'Somewhere' : ''];
    } else if (kind === 'bought') {
      row = [handle, `Name ${i}`, rng.chance(0.3) ? 'Hi' : '', logUniform(0, 40), logUniform(300, 2000), logUniform(0, 50), 0, logUniform(0, 20), 'false', iso(asOf - rng.between(30, 700) * DAY), rng.chance(0.5) ? 'true' : 'false', '', ''];
    } else {
      row = [handle, `Deals ${i}`, 'Best deals', logUniform(10, 400), logUniform(100, 1500), logUniform(500, 30_000), logUniform(0, 5), 0, 'false', iso(asOf - rng.between(200, 3000) * DAY), 'false', 'https://deals.example', ''];
    }
    accounts.push(row.join(','));
    // bought followers arrive on one day; the others over two years
    const at = kind === 'bought' && rng.chance(0.8) ? burstDay + rng.between(0, DAY - 1) : asOf - rng.between(1, 730) * DAY - rng.between(0, DAY - 1);
    follows.push(`${handle},${target},${iso(at)}`);
  }
  const files = { accounts: path.join(dir, 'accounts.csv'), follows: path.join(dir, 'follows.csv') };
  fs.writeFileSync(files.accounts, accounts.join('\n') + '\n');
  fs.writeFileSync(files.follows, follows.join('\n') + '\n');
  return files;
}

function iso(t: number): string {
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
