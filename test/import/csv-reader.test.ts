import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type CsvRecord, readCsvRecords } from '../../src/import/generic/csv-reader.js';

async function readAll(chunks: Buffer[]): Promise<CsvRecord[]> {
  const out = [];
  for await (const batch of readCsvRecords(Readable.from(chunks), 'test.csv')) out.push(...batch);
  return out;
}

/** Splits a buffer at random byte offsets (also inside multi-byte characters). */
function chop(buf: Buffer, seed: number): Buffer[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s);
  const out: Buffer[] = [];
  for (let i = 0; i < buf.length; ) {
    const n = 1 + (next() % 9);
    out.push(buf.subarray(i, i + n));
    i += n;
  }
  return out;
}

function randomCsv(seed: number): string {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s);
  const pieces = ['a', 'bc', ' ', 'é', '日本', '🙂', ',', '"', '\n', '\r\n', 'x"y', ''];
  const rows: string[] = [];
  for (let r = 0; r < 30; r++) {
    const fields: string[] = [];
    for (let c = 0; c < 3; c++) {
      let v = '';
      for (let k = next() % 4; k > 0; k--) v += pieces[next() % pieces.length];
      fields.push(/[",\r\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v);
    }
    rows.push(fields.join(','));
  }
  return `${rows.join(next() % 2 ? '\r\n' : '\n')}\n`;
}

describe('readCsvRecords', () => {
  it('agrees with csv-parse on random quoted content split at random byte boundaries', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const text = randomCsv(seed);
      const expected = parse(text, { relax_column_count: true }) as string[][];
      const got = await readAll(chop(Buffer.from(text, 'utf8'), seed));
      expect(got.map((r) => r.fields)).toEqual(expected);
    }
  });

  it('splits unquoted rows (the fast path) exactly: empty fields, one column, CRLF, a quoted row now and then', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      let s = seed;
      const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s);
      const lines: string[] = [];
      const expected: string[][] = [];
      const width = 1 + (seed % 4); // one-column files have no comma at all
      for (let r = 0; r < 200; r++) {
        const fields = Array.from({ length: width }, () => ['', 'a', 'user42', '2026-01-01T00:00:00Z', 'é日'][next() % 5]!);
        const quoted = next() % 50 === 0;
        lines.push((quoted ? ['"q,uoted"', ...fields.slice(1)] : fields).join(','));
        if (quoted) expected.push(['q,uoted', ...fields.slice(1)]);
        else if (fields.join(',') !== '') expected.push(fields); // blank lines are skipped
      }
      const text = `${lines.join(seed % 3 ? '\n' : '\r\n')}\n`;
      const got = await readAll(chop(Buffer.from(text, 'utf8'), seed));
      expect(got.map((r) => r.fields)).toEqual(expected);
    }
  });

  it('reports the line each record starts on, counting newlines inside quotes', async () => {
    const text = 'h1,h2\n"multi\nline",x\n\nlast,y';
    const got = await readAll([Buffer.from(text)]);
    expect(got).toEqual([
      { fields: ['h1', 'h2'], line: 1 },
      { fields: ['multi\nline', 'x'], line: 2 },
      { fields: ['last', 'y'], line: 5 },
    ]);
  });

  it('strips a UTF-8 BOM and handles a missing final newline', async () => {
    const got = await readAll([Buffer.from('\uFEFFhandle\nalice', 'utf8')]);
    expect(got.map((r) => r.fields)).toEqual([['handle'], ['alice']]);
  });

  it('reports an unterminated quote as fatal, with the line it started on, after the records before it', async () => {
    const got = await readAll([Buffer.from('a,b\n1,"open\n2,3\n')]);
    expect(got.slice(0, 1)).toEqual([{ fields: ['a', 'b'], line: 1 }]);
    expect(got[1]).toMatchObject({ line: 2, problem: { fatal: true } });
    expect(got[1]!.problem!.reason).toMatch(/unterminated/);
    expect(got).toHaveLength(2);
  });

  it('skips a row with a stray quote or text after a closing quote, and reads on at the next line', async () => {
    const got = await readAll([Buffer.from('a,b\n1,x"y\n2,"ok"z\n3,"multi\nline"!\n4,fine\n')]);
    expect(got.map((r) => [r.line, r.fields, r.problem?.fatal])).toEqual([
      [1, ['a', 'b'], undefined],
      [2, [], false],
      [3, [], false],
      [5, [], false],
      [6, ['4', 'fine'], undefined],
    ]);
  });

  it('reads CR-only line endings (old Mac files), also when a chunk ends on the CR', async () => {
    for (const chunks of [['handle,followers\rzz1,5\rzz2,6\r'], ['handle,followers\r', 'zz1,5\r', 'zz2,6\r'], ['handle,followers\r"a\rb",5\r']]) {
      const got = await readAll(chunks.map((c) => Buffer.from(c)));
      expect(got[0]!.fields).toEqual(['handle', 'followers']);
      expect(got.length).toBeGreaterThan(1);
      expect(got.every((r) => r.fields.length === 2)).toBe(true);
    }
    const got = await readAll([Buffer.from('handle,followers\rzz1,5\rzz2,6\r')]);
    expect(got.map((r) => [r.line, r.fields])).toEqual([
      [1, ['handle', 'followers']],
      [2, ['zz1', '5']],
      [3, ['zz2', '6']],
    ]);
  });

  it('scans each character a bounded number of times when a record never ends (linear, not quadratic)', async () => {
    // operation count, not time: characters handed to the parser per character of input
    const ratios: number[] = [];
    for (const mb of [1, 4]) {
      for (const body of [`h,b\nx,"${'a,b\n'.repeat((mb * 2 ** 20) / 4)}`, `h,b\nx,${'abcd'.repeat((mb * 2 ** 20) / 4)}`]) {
        const buf = Buffer.from(body);
        const stats = { scanned: 0 };
        const chunks = Array.from({ length: Math.ceil(buf.length / 65_536) }, (_, i) => buf.subarray(i * 65_536, (i + 1) * 65_536));
        for await (const _ of readCsvRecords(Readable.from(chunks), 'x.csv', stats));
        ratios.push(stats.scanned / buf.length);
      }
    }
    // re-scanning per 64 KiB chunk would be ~8 at 1 MiB and ~32 at 4 MiB
    for (const r of ratios) expect(r).toBeLessThan(3);
  });
});
