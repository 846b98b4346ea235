import { describe, expect, it } from 'vitest';
import { CsvRow, RowError, normalizeRow, objectRow } from '../../src/import/generic/tables.js';

/** A record, or the error's field and reason: what normalizeRow makes of one row. */
function outcome(read: () => unknown): unknown {
  try {
    return { record: read() };
  } catch (err) {
    if (err instanceof RowError) return { field: err.field, reason: err.reason, expected: err.expected, fix: err.fix };
    throw err;
  }
}

describe('interactions read from CSV by column position', () => {
  it('give the same record or error as reading the row by column name, whatever the header', () => {
    let seed = 5;
    const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0);
    const pick = <T>(xs: readonly T[]): T => xs[next() % xs.length]!;
    const cells: Record<string, readonly string[]> = {
      actor: ['alice', '@Bob', '', 'two words', 'x\u0007y', '@', 'Zoë'],
      target: ['carol', '@Dave', '', 'tab\there', 'ok_1'],
      kind: ['like', 'Reply', 'RESHARE', 'quote', 'mention', 'follow', 'unfollow', '', 'poke'],
      created_at: ['2026-03-06T13:02:05Z', '2026-03-06', '1772802125', '', 'yesterday', '2026-02-31T00:00:00Z', '1e300', '1980-01-01T00:00:00Z'],
      post_id: ['123', '', 'p-9'],
      network: ['', 'Mastodon', 'bluesky'],
      extra: ['x', ''],
    };
    const headers = [
      ['actor', 'target', 'kind', 'created_at', 'post_id'],
      ['kind', 'target', 'actor'],
      ['network', 'post_id', 'actor', 'extra', 'created_at', 'target', 'kind'],
      ['actor', 'target', 'kind', 'created_at', 'actor'], // a repeated column: the last one counts, both ways
      ['target', 'actor', 'kind', 'network', 'created_at'],
    ];
    let compared = 0;
    let records = 0;
    for (const header of headers) {
      const row = new CsvRow(header);
      for (let i = 0; i < 3000; i++) {
        const fields = header.map((c) => pick(cells[c]!));
        row.fields = fields;
        const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
        header.forEach((c, j) => (values[c] = fields[j]));
        const byPosition = outcome(() => normalizeRow('interactions', row, 'generic'));
        const byName = outcome(() => normalizeRow('interactions', objectRow(values), 'generic'));
        expect(byPosition).toEqual(byName);
        compared++;
        if ('record' in (byPosition as object)) records++;
      }
    }
    // both outcomes occur often enough to be compared
    expect(records).toBeGreaterThan(500);
    expect(compared - records).toBeGreaterThan(500);
  });
});
