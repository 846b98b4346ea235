/** End to end (the built binary): link accounts into an identity, score it, explain it, rank people. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, spawnCli, tempDir } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { writeIdentityTables } from '../helpers/identity-fixture.js';

interface Part {
  network: string;
  handle: string;
  score: number | null;
  interval: [number, number] | null;
  points: number | null;
  share: number | null;
}

describe.runIf(fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))('influence identity, score --identity, rank --identities (spawned)', () => {
  it('combines an identity\'s networks, consistently across score, explain and rank', () => {
    const dir = tempDir();
    const files = writeIdentityTables(dir);
    const db = path.join(dir, 'e2e.db');
    const run = (...args: string[]) => spawnCli([...args, '--db', db], { cwd: dir });
    expect(run('import', files.accounts, files.posts, files.interactions).code).toBe(0);
    const link = run('identity', 'link', 'alice', 'twitter:alice', 'mastodon:alice@example.social', 'bluesky:alice.bsky.social');
    expect(link.code).toBe(0);
    expect(link.stdout).toBe('');
    expect(link.stderr).toContain('linked bluesky:alice.bsky.social to identity "alice"');
    expect(query(db, "SELECT count(*) AS n FROM identities WHERE identity = 'alice'")).toEqual([{ n: 3 }]);

    const one = run('score', '--identity', 'alice', '--json');
    expect(one.code).toBe(0);
    expect(one.stderr).toBe('');
    expect(run('score', '--identity', 'alice', '--json').stdout).toBe(one.stdout); // byte-stable
    const doc = JSON.parse(one.stdout);
    expect(Object.keys(doc)).toEqual(['schema', 'asOf', 'windowDays', 'model', 'identities']);
    const alice = doc.identities[0];
    expect(alice.identity).toBe('alice');
    const parts = alice.networks as Part[];
    expect(parts.map((p) => p.network)).toEqual(['twitter', 'mastodon', 'bluesky']);
    // each part is the account's own score and interval, as `score network:handle` shows it
    const accounts = JSON.parse(run('score', 'twitter:alice', 'mastodon:alice@example.social', 'bluesky:alice.bsky.social', '--json', '--no-save').stdout).results;
    for (const [k, p] of parts.entries()) {
      expect(p.score).toBe(accounts[k].score);
      expect(p.interval).toEqual(accounts[k].interval);
    }
    // never below its best network; the other networks add; the points add up to the score
    expect(alice.score).toBeGreaterThan(parts[0]!.score!);
    expect(Math.round(parts.reduce((s, p) => s + p.points! * 10, 0))).toBe(Math.round(alice.score * 10));
    expect(alice.interval[0]).toBeLessThanOrEqual(alice.score);
    expect(alice.interval[1]).toBeGreaterThanOrEqual(alice.score);

    // rank --identities carries the same number
    const rank = run('rank', '--identities', '--json');
    expect(rank.code).toBe(0);
    const ranking = JSON.parse(rank.stdout);
    const row = ranking.results.find((r: { identity: string | null }) => r.identity === 'alice');
    expect(row.score).toBe(alice.score);
    expect(row.interval).toEqual(alice.interval);
    expect(row.rank).toBe(1);
    expect(ranking.results.filter((r: { handle: string | null }) => r.handle === 'alice' || r.handle === 'alice@example.social')).toEqual([]);
    expect(ranking.results.find((r: { handle: string | null }) => r.handle === 'bob').score).toBe(JSON.parse(run('score', 'bob', '--json', '--no-save').stdout).results[0].score);
    expect(ranking.abstained).toEqual([expect.objectContaining({ identity: 'carol', reason: expect.stringMatching(/^every account abstains/) })]);

    // explain --identity: the same parts, the proof they add up, each account's contributions
    const ex = run('explain', '--identity', 'alice', '--json');
    expect(ex.code).toBe(0);
    const exDoc = JSON.parse(ex.stdout);
    expect(exDoc.identity).toEqual(alice);
    expect(exDoc.sum).toBe(alice.score);
    expect(exDoc.accounts.map((a: { handle: string }) => a.handle)).toEqual(['alice', 'alice@example.social', 'alice.bsky.social']);
    const exPlain = run('explain', '--identity', 'alice');
    expect(exPlain.stdout).toContain(`= score ${alice.score.toFixed(1)}`);
    expect(exPlain.stdout).not.toContain('!=');

    // plain and CSV
    const plain = run('score', '--identity', 'alice');
    expect(plain.stdout).toMatch(new RegExp(`^alice \\(identity, 3 networks\\)  score ${alice.score.toFixed(1)} `));
    const csv = run('score', '--identity', 'alice', '--identity', 'carol', '--csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe('identity,identity_score,identity_low,identity_high,identity_confidence,network,handle,counted,score,low,high,share,points,flags,abstain');
    expect(csv.stdout.split('\r\n').filter((l) => l.startsWith('carol,,'))).toHaveLength(1);

    // errors: exit 2, nothing written
    const runsBefore = query(db, 'SELECT count(*) AS n FROM runs');
    const unknown = run('score', '--identity', 'alcie');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no identity named "alcie"');
    expect(unknown.stderr).toContain('did you mean "alice"');
    expect(run('score', '--identity', 'alice', 'bob').code).toBe(2);
    expect(run('rank', '--identities', '--topic', 'music').code).toBe(2);
    expect(run('explain').code).toBe(2);
    expect(query(db, 'SELECT count(*) AS n FROM runs')).toEqual(runsBefore);
  });
});
