import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/temp-dirs.js';
import { parseInteractionsCsv as parseWith, readInteractionsFile } from '../../src/inputs/interactions-file.js';
import { parseTime } from '../../src/import/values.js';
import { InputError } from '../../src/errors.js';

const HEAD = 'actor,target,kind,created_at';
// as the CLI reads them: with the importer's time reader
const parseInteractionsCsv = (text: string, file: string) => parseWith(text, file, parseTime);
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

  it('refuses a header naming a column it reads twice, and reads UTF-16 with a byte-order mark', () => {
    const e = errorOf('actor,target,kind,created_at,Created_At\na,b,reply,2024-02-01T00:00:00Z,2020-01-01T00:00:00Z\n');
    expect(e.message).toContain("names column 'created_at' twice (columns 4 and 5");
    expect(e.detail).toMatchObject({ file: 'e.csv', line: 1, field: 'created_at' });
    const dir = tempDir();
    const file = path.join(dir, 'u16.csv');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEAD}\r\na,b,reply,2024-02-01T00:00:00Z\r\n`, 'utf16le')]));
    expect(readInteractionsFile(file, 'u16.csv', parseTime).map((r) => r.createdAt)).toEqual([Date.UTC(2024, 1, 1)]);
  });
});

