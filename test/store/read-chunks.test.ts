import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachNumericRow } from '../../src/store/read-chunks.js';
import { tempDir } from '../helpers/cli.js';
import { DbWriter } from '../helpers/score-db.js';

describe('forEachNumericRow', () => {
  it('reads integers, negatives, reals, NULLs across chunk boundaries in key order', () => {
    const w = new DbWriter(path.join(tempDir(), 'c.db'));
    const ins = w.db.prepare("INSERT INTO accounts (id, network, followers, listed, created_at) VALUES (?, 'twitter', ?, ?, ?)");
    ins.run(7, 12.5, null, -86400000);
    ins.run(3, 1, 2, 1767225600000);
    ins.run(1000, 1e20, 0, null);
    ins.run(11, null, null, null);
    const rows: number[][] = [];
    const range = { min: 3, max: 1000, rows: 4 };
    const n = forEachNumericRow(w.db, { from: 'FROM accounts', rangeKey: 'id', range, columns: ['id', 'followers', 'listed', 'created_at'] }, (v) => rows.push(Array.from(v)), 2);
    expect(n).toBe(4);
    expect(rows).toEqual([
      [3, 1, 2, 1767225600000],
      [7, 12.5, NaN, -86400000],
      [11, NaN, NaN, NaN],
      [1000, 1e20, 0, NaN],
    ]);
    const filtered: number[] = [];
    forEachNumericRow(w.db, { from: 'FROM accounts a', where: 'a.followers IS NOT NULL', rangeKey: 'a.id', range, columns: ['a.id'] }, (v) => filtered.push(v[0]!), 1000);
    expect(filtered).toEqual([3, 7, 1000]);
    expect(forEachNumericRow(w.db, { from: 'FROM accounts', rangeKey: 'id', range: { min: 0, max: 0, rows: 0 }, columns: ['id'] }, () => {})).toBe(0);
    w.close();
  });
});
