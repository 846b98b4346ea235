import { describe, expect, it } from 'vitest';
import { parseInteractionsCsv } from '../../src/inputs/interactions-file.js';
import { InputError } from '../../src/errors.js';

const HEAD = 'actor,target,kind,created_at';
const errorOf = (text: string): InputError => {
  try {
    parseInteractionsCsv(text, 'e.csv');
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error');
};

describe('eval --engagement files: times read as the importer reads them', () => {
  it('reads ISO 8601, Unix seconds and milliseconds to the same instant', () => {
    const rows = parseInteractionsCsv(`${HEAD}\na,b,reply,2009-02-01T10:00:00Z\na,b,reply,1233482400\na,b,reply,1233482400000\n`, 'e.csv');
    expect(rows.map((r) => r.createdAt)).toEqual([Date.UTC(2009, 1, 1, 10), Date.UTC(2009, 1, 1, 10), Date.UTC(2009, 1, 1, 10)]);
  });

  it.each([
    ['2026-02-31T00:00:00Z', 'a day February lacks (Date.parse made it March 3rd)'],
    ['Mar 5', 'a date without a year (Date.parse made it 2001)'],
    ['1e300', 'a number that is no time'],
    ['2226-01-01T00:00:00Z', 'a year outside the stored range'],
    ['', 'no time at all'],
  ])('refuses %j, naming the line and the field: %s', (raw) => {
    const e = errorOf(`${HEAD}\na,b,reply,2024-02-01T00:00:00Z\na,b,reply,${raw}\n`);
    expect(e.detail).toMatchObject({ file: 'e.csv', line: 3, field: 'created_at' });
    expect(e.detail.expected).toBeTruthy();
    expect(e.detail.fix).toBeTruthy();
  });
});
