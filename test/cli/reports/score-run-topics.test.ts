/** A stored scoring run carries the topic scores of the accounts it scored (issue 4: "stored with the run"). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../helpers/cli.js';
import { query } from '../../helpers/db.js';
import { sampleDb } from '../../helpers/sample-db.js';

describe('score stores topic scores with its run', () => {
  it('writes topic_scores for the scored accounts only, under the new run id, ids as strings', async () => {
    const db = path.join(tempDir(), 's.db');
    fs.copyFileSync(await sampleDb(), db);
    const all = await runCli(['score', '--all', '--db', db, '--json']);
    expect(all.code).toBe(0);
    const [run] = query<{ id: number }>(db, 'SELECT max(id) AS id FROM runs');
    const rows = query<{ account_id: number; topic_id: string; score: number }>(db, 'SELECT account_id, topic_id, score FROM topic_scores WHERE run_id = ?', run!.id);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(typeof r.topic_id).toBe('string');
      expect(r.score).toBeGreaterThanOrEqual(1);
      expect(r.score).toBeLessThanOrEqual(100);
    }
    const topics = await runCli(['topics', '--all', '--json', '--db', db]);
    const assigned = JSON.parse(topics.stdout).results.reduce((n: number, r: { topics: unknown[] }) => n + r.topics.length, 0);
    expect(rows.length).toBe(assigned);

    const handle = (JSON.parse(all.stdout).results as { handle: string }[])[0]!.handle;
    expect((await runCli(['score', `@${handle}`, '--db', db])).code).toBe(0);
    const [one] = query<{ id: number }>(db, 'SELECT max(id) AS id FROM runs');
    const accounts = query<{ n: number }>(db, 'SELECT count(DISTINCT account_id) AS n FROM topic_scores WHERE run_id = ?', one!.id);
    expect(accounts[0]!.n).toBeLessThanOrEqual(1);
  });
});
