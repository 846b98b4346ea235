/**
 * Issue 13, item 17: big outputs are produced in chunks with the exact bytes of the whole
 * document; chunks reach the stream in blocks, waiting for 'drain' when it asks. A list
 * document writes each result compact on a line of its own and parses to the same value as
 * the fully indented document.
 */
import { describe, expect, it } from 'vitest';
import { streamJsonDocumentBytes, stringifyJson, toJson, toListJson } from '../../src/render/json.js';
import { putText, type ByteText } from '../../src/render/byte-text.js';
import { writeChunks } from '../../src/cli/output.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { writeScoreFixture } from '../helpers/score-fixture.js';

describe('streamJsonDocumentBytes', () => {
  const head = { schema: 1, asOf: '2026-01-01T00:00:00.000Z', windowDays: 90, model: 'm\u202e' };
  it.each([
    ['no items', []],
    ['one item', [{ a: 1 }]],
    ['nested items, hostile strings', [{ handle: 'x\u009by', list: [1, [2, { deep: 'a\nb' }]], empty: {}, none: [], n: null }, { handle: '"q"', u: undefined }]],
  ])('%s: the same bytes as toListJson of the whole document, the same value as toJson', (_name, items) => {
    const streamed = Buffer.concat([...streamJsonDocumentBytes<unknown>(head, 'results', items)]).toString('utf8');
    expect(streamed).toBe(toListJson({ ...head, results: items }, ['results']));
    expect(JSON.parse(streamed)).toEqual(JSON.parse(toJson({ ...head, results: items })));
  });

  it('as byte blocks: the UTF-8 of the same document, cut between items into blocks of about the size asked', () => {
    const items = Array.from({ length: 300 }, (_, i) => ({ handle: i % 3 === 0 ? `r\u00e9sum\u00e9 ${i} \u{1f600}` : `u${i}`, n: i / 7, bad: i % 50 === 0 ? 'x\u009by \ud800' : null }));
    const writeItem = (item: unknown, out: ByteText) => putText(out, stringifyJson(item, 0));
    const blocks = [...streamJsonDocumentBytes(head, 'results', items, writeItem, 1024)];
    const bytes = Buffer.concat(blocks);
    expect(bytes.equals(Buffer.from(toListJson({ ...head, results: items }, ['results']), 'utf8'))).toBe(true);
    // several blocks, each whole characters (each decodes alone to its part of the text) and ending after an item
    expect(blocks.length).toBeGreaterThan(10);
    expect(blocks.map((b) => Buffer.from(b).toString('utf8')).join('')).toBe(bytes.toString('utf8'));
    for (const b of blocks.slice(1, -1)) expect(b.length).toBeGreaterThanOrEqual(1024);
    expect([...streamJsonDocumentBytes(head, 'results', [], writeItem)].map((b) => Buffer.from(b).toString('utf8')).join('')).toBe(toListJson({ ...head, results: [] }, ['results']));
  });
});

describe('toListJson', () => {
  const doc = {
    schema: 1,
    name: 'r\u202eL',
    skipped: undefined,
    head: { a: [1, 2], b: {} },
    results: [{ handle: 'x\u009by', list: [1, [2, { deep: 'a\nb' }]], u: undefined }, null, { handle: '"q"' }],
    empty: [],
    tail: [{ a: 1 }, { b: 2 }],
  };
  it('writes each item of the named lists compact on a line of its own, the rest as toJson', () => {
    const text = toListJson(doc, ['results', 'empty']);
    expect(JSON.parse(text)).toEqual(JSON.parse(toJson(doc)));
    const lines = text.split('\n');
    // every item of `results` is one line, as stringifyJson(item, 0) writes it, two levels down
    for (const item of doc.results) expect(lines).toContain(`    ${stringifyJson(item, 0)}${item === doc.results.at(-1) ? '' : ','}`);
    // terminal-active characters are escaped, as in every document
    expect(text).not.toMatch(/[\u009b\u202e]/);
    expect(text).toContain('\\u009b');
    // a list not named keeps toJson's layout; an empty named list is []
    expect(text).toContain(`"tail": ${JSON.stringify(doc.tail, null, 2).replace(/\n/g, '\n  ')}`);
    expect(text).toContain('"empty": []');
    expect(toListJson(doc, [])).toBe(toJson(doc));
    expect(toListJson({}, ['results'])).toBe(toJson({}));
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

  it('takes chunks of UTF-8 bytes among the text, in order; the final newline only when the last byte is not one', async () => {
    const text = (i: number) => (i % 5 === 0 ? `r\u00e9sum\u00e9 ${i} \u{1f600}\n` : `row ${i}\n`);
    const chunks = Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? Buffer.from(text(i), 'utf8') : text(i)));
    const writes: string[] = [];
    await writeChunks({ write: (s: string) => writes.push(s) }, chunks);
    expect(writes.join('')).toBe(Array.from({ length: 2000 }, (_, i) => text(i)).join(''));
    const ending: string[] = [];
    await writeChunks({ write: (s: string) => ending.push(s) }, ['a', Buffer.from('b')]);
    expect(ending.join('')).toBe('ab\n');
  });
});

describe('score --all streamed', () => {
  it('--json is exactly the list document of its value (a result per line); --csv has a row per account', async () => {
    const dir = tempDir();
    const db = writeScoreFixture(dir);
    const json = await runCli(['--db', db, 'score', '--all', '--json', '--no-save']);
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as { results: { contributions: unknown[] }[] };
    expect(toListJson(doc, ['results'])).toBe(json.stdout);
    expect(json.stdout.split('\n').filter((l) => l.startsWith('    {"handle":'))).toHaveLength(35);
    expect(doc.results).toHaveLength(35);
    expect(doc.results.every((r) => r.contributions.length > 0)).toBe(true);
    const csv = await runCli(['--db', db, 'score', '--all', '--csv', '--no-save']);
    expect(csv.stdout.split('\r\n')).toHaveLength(35 + 2);
  });

  it('rank, topics --all, accounts and runs show write their lists a result per line too', async () => {
    const dir = tempDir();
    const db = writeScoreFixture(dir);
    expect((await runCli(['--db', db, 'score', '--all', '-q'])).code).toBe(0);
    const cases: [string[], string[], string][] = [
      [['rank', '--json'], ['results', 'abstained', 'unknown', 'duplicates'], 'results'],
      [['topics', '--all', '--json'], ['results'], 'results'],
      [['accounts', '--json'], ['accounts'], 'accounts'],
      [['runs', 'show', '1', '--json'], ['scores'], 'scores'],
    ];
    for (const [args, lists, key] of cases) {
      const r = await runCli(['--db', db, ...args]);
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as Record<string, unknown[]>;
      expect(doc[key]!.length, args.join(' ')).toBeGreaterThan(1);
      expect(r.stdout, args.join(' ')).toBe(toListJson(doc, lists));
      expect(r.stdout.split('\n').filter((l) => l.startsWith('    {')).length).toBeGreaterThanOrEqual(doc[key]!.length);
    }
  });
});
