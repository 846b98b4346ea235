import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { importBenchChunks } from '../../tools/sim/bench-interactions.js';

const text = (opts: Parameters<typeof importBenchChunks>[0]) => [...importBenchChunks(opts)].join('');

describe('importBenchChunks', () => {
  const csv = text({ rows: 20_000, accounts: 2_000, seed: 3 });
  const rows = parse(csv, { columns: true }) as Record<string, string>[];

  it('writes exactly the rows asked for, with the interactions header', () => {
    expect(csv.split('\n', 1)[0]).toBe('actor,target,kind,created_at,post_id');
    expect(rows.length).toBe(20_000);
    expect(new Set(rows.flatMap((r) => [r.actor, r.target])).size).toBeLessThanOrEqual(2_000);
  });

  it('is deterministic for a seed', () => {
    const hash = (s: string) => createHash('sha256').update(s).digest('hex');
    expect(hash(text({ rows: 5_000, accounts: 500, seed: 3 }))).toBe(hash(text({ rows: 5_000, accounts: 500, seed: 3 })));
    expect(hash(text({ rows: 5_000, accounts: 500, seed: 4 }))).not.toBe(hash(text({ rows: 5_000, accounts: 500, seed: 3 })));
  });

  it('has distinct events (none would collapse on import), in time order, with a realistic kind mix', () => {
    const keys = new Set(rows.map((r) => `${r.actor}|${r.kind}|${r.post_id}|${r.target}`));
    expect(keys.size).toBe(rows.length);
    expect(rows.every((r) => r.actor !== r.target)).toBe(true);
    for (let k = 1; k < rows.length; k++) expect(rows[k]!.created_at! >= rows[k - 1]!.created_at!).toBe(true);
    const likes = rows.filter((r) => r.kind === 'like').length / rows.length;
    expect(likes).toBeGreaterThan(0.65);
    expect(likes).toBeLessThan(0.75);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['like', 'reshare', 'reply', 'quote', 'mention']));
  });

  it('rejects impossible sizes', () => {
    expect(() => text({ rows: -1, accounts: 10 })).toThrow(/rows/);
    expect(() => text({ rows: 10, accounts: 1 })).toThrow(/accounts/);
  });
});
