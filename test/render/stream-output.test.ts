/**
 * Issue 13, item 17: big outputs are produced in chunks with the exact bytes of the whole
 * document; chunks reach the stream in blocks, waiting for 'drain' when it asks.
 */
import { describe, expect, it } from 'vitest';
import { streamJsonDocument, toJson } from '../../src/render/json.js';
import { writeChunks } from '../../src/cli/output.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { writeScoreFixture } from '../helpers/score-fixture.js';

describe('streamJsonDocument', () => {
  const head = { schema: 1, asOf: '2026-01-01T00:00:00.000Z', windowDays: 90, model: 'm\u202e' };
  it.each([
    ['no items', []],
    ['one item', [{ a: 1 }]],
    ['nested items, hostile strings', [{ handle: 'x\u009by', list: [1, [2, { deep: 'a\nb' }]], empty: {}, none: [], n: null }, { handle: '"q"', u: undefined }]],
  ])('%s: the same bytes as toJson of the whole document', (_name, items) => {
    expect([...streamJsonDocument(head, 'results', items)].join('')).toBe(toJson({ ...head, results: items }));
  });
});

describe('writeChunks', () => {
  it('writes blocks in order, waits for drain, ends with a newline', async () => {
    const writes: string[] = [];
    let waits = 0;
    const out = {
      write: (s: string) => {
        writes.push(s);
        return writes.length % 2 === 0; // every other write asks the writer to wait
      },
      once: (_e: 'drain', f: () => void) => {
        waits++;
        setImmediate(f);
      },
    };
    const chunks = Array.from({ length: 5000 }, (_, i) => `row ${i} ${'x'.repeat(50)}\n`);
    await writeChunks(out, chunks);
    expect(writes.join('')).toBe(chunks.join(''));
    expect(writes.length).toBeGreaterThan(2);
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(70 * 1024);
    expect(waits).toBeGreaterThan(0);
    const plain: string[] = [];
    await writeChunks({ write: (s: string) => plain.push(s) }, ['no newline']);
    expect(plain.join('')).toBe('no newline\n');
  });

  it('passes any text through unchanged: non-ASCII, lone surrogates, chunks bigger than a block', async () => {
    const chunks = [
      ...Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? `r\u00e9sum\u00e9 ${i} \u{1f600}\n` : i % 11 === 0 ? `half \ud800 pair ${i}\n` : `row ${i}\n`)),
      'y'.repeat(200 * 1024),
      '\u00e9'.repeat(40 * 1024),
      'end',
    ];
    const writes: string[] = [];
    await writeChunks({ write: (s: string) => writes.push(s) }, chunks);
    expect(writes.join('')).toBe(`${chunks.join('')}\n`);
  });
});

describe('score --all streamed', () => {
  it('--json is exactly the stable JSON of its document; --csv has a row per account', async () => {
    const dir = tempDir();
    const db = writeScoreFixture(dir);
    const json = await runCli(['--db', db, 'score', '--all', '--json', '--no-save']);
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as { results: { contributions: unknown[] }[] };
    expect(toJson(doc)).toBe(json.stdout);
    expect(doc.results).toHaveLength(35);
    expect(doc.results.every((r) => r.contributions.length > 0)).toBe(true);
    const csv = await runCli(['--db', db, 'score', '--all', '--csv', '--no-save']);
    expect(csv.stdout.split('\r\n')).toHaveLength(35 + 2);
  });
});
