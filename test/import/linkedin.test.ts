import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { linkedinAdapter } from '../../src/import/linkedin/index.js';
import { cleanCommentary, postUrn } from '../../src/import/linkedin/convert.js';
import { decodeCsvBytes, readLinkedinCsv } from '../../src/import/linkedin/read-csv.js';
import { chooseAdapter } from '../../src/import/run-import.js';
import { makeMemorySource, memoryEntry } from '../../src/import/memory-source.js';
import type { AdapterOptions, Source } from '../../src/import/source.js';
import { makeCollectingSink } from '../helpers/collect-sink.js';
import { loadFileSource, loadFolderSource } from '../helpers/fixture-source.js';
import { ROOT } from '../helpers/cli.js';

const FIX = path.join(ROOT, 'test', 'fixtures', 'linkedin');
const OPTIONS: AdapterOptions = { defaultNetwork: 'generic', owner: 'owner-person' };
const me = { network: 'linkedin', handle: 'owner-person' };

async function read(source: Source, options: AdapterOptions = OPTIONS) {
  const sink = makeCollectingSink({ strict: true });
  await linkedinAdapter.read(source, sink, options);
  return sink;
}

describe('linkedin: a 2022 export (Notes: preamble, no URL column, CRLF and LF files)', async () => {
  const source = loadFolderSource(path.join(FIX, 'export-2022'));
  const sink = await read(source);

  it('is detected as linkedin, not as generic CSV', async () => {
    expect((await chooseAdapter(source)).format).toBe('linkedin');
  });

  it('makes each connection a follow in both directions, the connection known by name when there is no URL', () => {
    const named = sink.accounts.filter((a) => a.ref.externalId?.startsWith('name:'));
    expect(named.map((a) => [a.ref.externalId, a.displayName, a.bio])).toEqual([
      ['name:ada lovelace', 'Ada Lovelace', 'Programmer at Analytical Engines'],
      ['name:alan turing', 'Alan Turing', 'Cryptanalyst at Bletchley Park'],
      ['name:grace "amazing" hopper', 'Grace "Amazing" Hopper', 'Rear Admiral, Retired at US Navy'],
    ]);
    expect(sink.follows).toHaveLength(6);
    const ada = { network: 'linkedin', externalId: 'name:ada lovelace' };
    expect(sink.follows.slice(0, 2)).toEqual([
      { type: 'follow', follower: me, followee: ada, createdAt: Date.UTC(2022, 8, 9) },
      { type: 'follow', follower: ada, followee: me, createdAt: Date.UTC(2022, 8, 9) },
    ]);
  });

  it('counts a connection with neither name nor link in the owner counts, without making an account', () => {
    expect(sink.accounts.find((a) => a.ref.handle === 'owner-person')).toMatchObject({ displayName: 'Owner Person', bio: 'Data scientist', followers: 4, following: 4, posts: 3 });
    expect(sink.skipped).toContainEqual({ name: 'Connections.csv', reason: expect.stringMatching(/^1 connection with neither a name nor a profile link/) });
  });

  it('reads a multi-line share written paragraph by paragraph, and a share repeated per image once', () => {
    const shares = sink.posts.filter((p) => !p.replyTo);
    expect(shares.map((p) => [p.externalId, p.text, p.visibility])).toEqual([
      ['urn:li:share:7000000000000000001', 'First paragraph about #datascience.\n\nSecond paragraph, with a comma.\n\nThird paragraph', 'followers'],
      ['urn:li:share:7000000000000000002', 'Three photos from the meetup', 'public'],
      ['urn:li:share:7000000000000000003', 'Read my "new" article', 'public'],
    ]);
    expect(shares[0]!.hashtags).toEqual(['datascience']);
    expect(sink.skipped).toContainEqual({ name: 'Shares.csv', reason: expect.stringMatching(/^2 rows repeat a post/) });
  });

  it('makes comments replies to the post in their link (a blank line between rows is skipped)', () => {
    expect(sink.posts.filter((p) => p.replyTo).map((p) => [p.replyTo!.externalId, p.text])).toEqual([
      ['urn:li:groupPost:6744146-6973703975376154624', 'Yes pls!'],
      ['urn:li:activity:6675601402687033344', 'Yes'],
      ['urn:li:activity:6675247194993512448', 'Thank you! It will include Friends, Messaging and more'],
    ]);
  });

  it('makes every reaction type a like; a reaction to a comment likes the comment, not the post', () => {
    expect(sink.interactions.map((i) => [i.kind, i.targetPost])).toEqual([
      ['like', 'urn:li:groupPost:6744146-6974032486989205504'],
      ['like', 'urn:li:activity:6967923518042779648'],
      ['like', 'urn:li:comment:(activity:6967923518042779648,6968572498804187136)'],
    ]);
  });

  it('never reads messages.csv: counted and listed; nor invitations', () => {
    const all = JSON.stringify(sink.records);
    expect(all).not.toContain('SECRET-DM-TEXT');
    expect(all).not.toContain('dee-friend');
    expect(sink.skipped).toContainEqual({ name: 'messages.csv', reason: '2 direct messages: private, never imported' });
    expect(sink.skipped.map((s) => s.name)).toContain('Invitations.csv');
  });
});

describe('linkedin: a 2025 export (URL column, mixed line endings, SharedUrl, backslash-escaped Comments.csv)', async () => {
  const sink = await read(loadFolderSource(path.join(FIX, 'export-2025')));

  it('reads connections by profile link, whatever the line ending of each row', () => {
    expect(sink.accounts.filter((a) => a.ref.handle !== 'owner-person').map((a) => a.ref.handle)).toEqual(['ada-lovelace-1815', 'alan-turing', 'émilie-du-châtelet']);
    expect(sink.follows).toHaveLength(6);
  });

  it('makes a share of another LinkedIn post a reshare (no text) or a quote (with text)', () => {
    expect(sink.posts.filter((p) => !p.replyTo).map((p) => [p.reshareOf?.externalId, p.quoteOf?.externalId, p.visibility])).toEqual([
      ['urn:li:activity:7299999999999999999', undefined, 'public'],
      [undefined, 'urn:li:ugcPost:7299999999999999998', 'public'],
      [undefined, undefined, 'followers'],
    ]);
  });

  it('reads the backslash-escaped comments as written', () => {
    expect(sink.posts.filter((p) => p.replyTo).map((p) => p.text)).toEqual(['She said "ship it", and we did', 'Agree, "fully"', 'Thanks!']);
  });

  it('a standard RFC 4180 reader turns that file into garbage, which is why it is detected', async () => {
    const text = fs.readFileSync(path.join(FIX, 'export-2025', 'Comments.csv'), 'utf8');
    const rfc = parse(text, { relax_column_count: true, relax_quotes: true }) as string[][];
    expect(rfc.some((r) => r.length !== 3) || rfc.some((r) => r[2]!.includes('\\'))).toBe(true);
    const ours = await readLinkedinCsv(memoryEntry('Comments.csv', text, ''));
    expect('rows' in ours && ours.escape).toBe('backslash');
  });
});

describe('linkedin: the 2018 Shares.csv (UTF-16LE with BOM, tab-separated)', () => {
  it('is detected and read: commas inside fields are text, a quoted field may hold a line break', async () => {
    const source = loadFileSource(path.join(FIX, 'export-2018', 'Shares.csv'));
    expect((await chooseAdapter(source)).format).toBe('linkedin');
    const sink = await read(source);
    expect(sink.posts.map((p) => [p.externalId, p.text, p.createdAt])).toEqual([
      ['urn:li:activity:6300000000000000001', 'Hello from 2018, with a comma', Date.UTC(2018, 2, 1, 10, 4, 33)],
      ['urn:li:activity:6300000000000000002', 'Two\nlines', Date.UTC(2018, 1, 14, 8)],
    ]);
  });

  it('decodes UTF-16 with and without a byte-order mark, and UTF-8 with one', () => {
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb', 'utf16le')]))).toBe('a\tb');
    expect(decodeCsvBytes(Buffer.from('Date\tLink\r\n2018', 'utf16le'))).toBe('Date\tLink\r\n2018');
    expect(decodeCsvBytes(Buffer.from('\uFEFFDate,Link', 'utf8'))).toBe('Date,Link');
  });
});

describe('linkedin: owner, values and errors', () => {
  it('records a placeholder owner and says so when there is no --owner (LinkedIn names its owner by name only)', async () => {
    const sink = await read(loadFolderSource(path.join(FIX, 'export-2022')), { defaultNetwork: 'generic' });
    expect(sink.owners).toEqual([{ network: 'linkedin', handle: '~owner' }]);
    expect(sink.notices[0]!.message).toMatch(/does not name its owner/);
  });

  it('accepts --owner as a profile link', async () => {
    const sink = await read(loadFolderSource(path.join(FIX, 'export-2025')), { defaultNetwork: 'generic', owner: 'https://www.linkedin.com/in/owner-person/' });
    expect(sink.owners).toEqual([me]);
  });

  it('reports a truncated Shares.csv with its file and line', async () => {
    const sink = makeCollectingSink();
    await linkedinAdapter.read(loadFolderSource(path.join(FIX, 'truncated')), sink, OPTIONS);
    expect(sink.problems).toEqual([expect.objectContaining({ file: expect.stringMatching(/Shares\.csv$/), line: 3, reason: expect.stringMatching(/never closed/) })]);
  });

  it('reports a ragged row with its line', async () => {
    const sink = makeCollectingSink();
    await linkedinAdapter.read(makeMemorySource('x', { 'Reactions.csv': 'Date,Type,Link\n2022-01-01 00:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:1\n2022-01-02 00:00:00,LIKE\n' }), sink, OPTIONS);
    expect(sink.problems).toEqual([expect.objectContaining({ line: 3, reason: '2 fields where the header has 3' })]);
  });

  it('finds the URN a link names', () => {
    expect(postUrn('https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A123')).toBe('urn:li:activity:123');
    expect(postUrn('https://www.linkedin.com/feed/update/urn:li:ugcPost:9/?replyUrn=urn%3Ali%3Acomment%3A%28ugcPost%3A9%2C8%29')).toBe('urn:li:comment:(ugcPost:9,8)');
    expect(postUrn('https://www.linkedin.com/posts/jane_title-activity-123-abc')).toBe('linkedin:jane_title-activity-123-abc');
    expect(postUrn('https://example.org/')).toBeUndefined();
  });

  it('removes paragraph quotes only when every line carries them', () => {
    expect(cleanCommentary('one"\r\n""\r\n"two')).toBe('one\n\ntwo');
    expect(cleanCommentary('one\nsaid "hi"\nthree')).toBe('one\nsaid "hi"\nthree');
  });

  it('does not take a generic CSV table named Comments.csv', async () => {
    const generic = makeMemorySource('Comments.csv', { 'Comments.csv': 'id,author,created_at,text\np1,alice,2026-01-01T00:00:00Z,hi\n' }, 'file');
    expect((await chooseAdapter(generic)).format).toBe('csv');
  });
});
