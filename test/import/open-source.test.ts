import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { makeMemorySource } from '../../src/import/memory-source.js';
import { type ArchiveLimits, DEFAULT_ARCHIVE_LIMITS, openSource } from '../../src/import/open-source.js';
import type { Source } from '../../src/import/source.js';
import { makeTarGz, makeZip } from '../helpers/archives.js';
import { tempDir } from '../helpers/cli.js';

const ROOT_DIR = tempDir();
/** A fresh folder below one temp dir (tempDir registers an exit hook per call). */
const freshDir = (): string => fs.mkdtempSync(path.join(ROOT_DIR, 't-'));

const FILES = {
  'data/tweets.js': 'window.YTD.tweets.part0 = [ ]',
  'data/notes.txt': '\uFEFFhello\n',
  'top.csv': 'a,b\n1,2\n',
};

function write(dir: string, name: string, content: Buffer | string): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

async function texts(source: Source): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of source.entries) out[e.name] = await e.readText();
  return out;
}

async function streamed(source: Source, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of source.entries.find((e) => e.name === name)!.openStream()) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function inputError(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

const small = (over: Partial<ArchiveLimits>): ArchiveLimits => ({ ...DEFAULT_ARCHIVE_LIMITS, ...over });

describe('openSource: plain files and folders', () => {
  it('opens a plain file as one streamed entry with the sha256 of its bytes', async () => {
    const dir = freshDir();
    const file = write(dir, 'table.csv', 'x,y\n1,2\n');
    const src = await openSource(file);
    expect(src.kind).toBe('file');
    expect(src.entries.map((e) => e.name)).toEqual(['table.csv']);
    expect(src.entries[0]!.displayPath).toBe(file);
    expect(src.entries[0]!.size).toBe(8);
    expect(src.totalBytes).toBe(8);
    const { createHash } = await import('node:crypto');
    expect(await src.sha256).toBe(createHash('sha256').update('x,y\n1,2\n').digest('hex'));
    expect(src.entries[0]!.openStream()).toBeInstanceOf(fs.ReadStream);
    expect(await streamed(src, 'table.csv')).toBe('x,y\n1,2\n');
  });

  it('hashes a plain file from the reading itself: a stream read to the end, never one closed early, else the file', async () => {
    const dir = freshDir();
    const body = 'a,b\n'.repeat(200_000); // 800 KB: several chunks
    const file = write(dir, 'big.csv', body);
    const { createHash } = await import('node:crypto');
    const want = createHash('sha256').update(body).digest('hex');
    // read whole as a stream, after a stream closed early (as format detection does)
    const src = await openSource(file);
    const early = src.entries[0]!.openStream();
    for await (const _ of early) break;
    expect(await streamed(src, 'big.csv')).toBe(body);
    fs.writeFileSync(file, 'changed after the reading');
    expect(await src.sha256).toBe(want); // what was read, not what is there now
    // never streamed to the end: the file is hashed when the hash is asked for
    const unread = await openSource(file);
    expect(await unread.sha256).toBe(createHash('sha256').update('changed after the reading').digest('hex'));
  });

  it('opens a folder: every regular file below it, relative / names, BOM stripped, hash like the in-memory source', async () => {
    const dir = freshDir();
    for (const [name, content] of Object.entries(FILES)) write(dir, name, content);
    const src = await openSource(dir);
    expect(src.kind).toBe('folder');
    expect(src.entries.map((e) => e.name)).toEqual(['data/notes.txt', 'data/tweets.js', 'top.csv']);
    expect((await texts(src))['data/notes.txt']).toBe('hello\n');
    expect(src.sha256).toBe(makeMemorySource(dir, FILES).sha256);
    expect(src.totalBytes).toBe(Object.values(FILES).reduce((n, c) => n + Buffer.byteLength(c), 0));
  });

  it('does not follow symbolic links out of a folder', async () => {
    const outside = freshDir();
    const secret = write(outside, 'secret.txt', 'do not read');
    const dir = freshDir();
    write(dir, 'a.csv', 'x\n');
    fs.symlinkSync(secret, path.join(dir, 'link.txt'));
    fs.symlinkSync(outside, path.join(dir, 'linkdir'));
    const src = await openSource(dir);
    expect(src.entries.map((e) => e.name)).toEqual(['a.csv']);
  });

  it('names a missing path and says how to fix it', async () => {
    const err = await inputError(openSource('/nonexistent/influence/export.zip'));
    expect(err.message).toBe('no such file or folder');
    expect(err.detail.file).toBe('/nonexistent/influence/export.zip');
    expect(err.detail.fix).toMatch(/check the path/);
  });
});

describe('openSource: archives', () => {
  it('reads a .zip into memory, skipping folders, with the hash of the zip file', async () => {
    const dir = freshDir();
    const zip = makeZip([{ name: 'data/' }, ...Object.entries(FILES).map(([name, content]) => ({ name, content }))]);
    const file = write(dir, 'export.zip', zip);
    const src = await openSource(file);
    expect(src.kind).toBe('zip');
    expect(src.entries.map((e) => e.name)).toEqual(['data/notes.txt', 'data/tweets.js', 'top.csv']);
    expect(src.entries[1]!.displayPath).toBe(`${file}:data/tweets.js`);
    expect(await texts(src)).toEqual({ 'data/notes.txt': 'hello\n', 'data/tweets.js': FILES['data/tweets.js'], 'top.csv': FILES['top.csv'] });
    expect(await streamed(src, 'top.csv')).toBe(FILES['top.csv']);
    const { createHash } = await import('node:crypto');
    expect(src.sha256).toBe(createHash('sha256').update(zip).digest('hex'));
  });

  it('reads a .tar.gz and a .tgz into memory', async () => {
    const dir = freshDir();
    const tgz = await makeTarGz([{ name: 'data', type: 'directory' }, ...Object.entries(FILES).map(([name, content]) => ({ name, content }))]);
    for (const name of ['export.tar.gz', 'export.tgz']) {
      const src = await openSource(write(dir, name, tgz));
      expect(src.kind).toBe('tar.gz');
      expect(await texts(src)).toEqual({ 'data/notes.txt': 'hello\n', 'data/tweets.js': FILES['data/tweets.js'], 'top.csv': FILES['top.csv'] });
      const { createHash } = await import('node:crypto');
      expect(src.sha256).toBe(createHash('sha256').update(tgz).digest('hex'));
    }
  });

  it('recognises archives by their first bytes, whatever their name', async () => {
    const dir = freshDir();
    const zipSrc = await openSource(write(dir, 'download', makeZip([{ name: 'a.txt', content: 'A' }])));
    expect(zipSrc.kind).toBe('zip');
    const tgzSrc = await openSource(write(dir, 'download.bin', await makeTarGz([{ name: 'a.txt', content: 'A' }])));
    expect(tgzSrc.kind).toBe('tar.gz');
    expect(await texts(tgzSrc)).toEqual({ 'a.txt': 'A' });
  });

  it('refuses a file named .zip or .tar.gz whose bytes are not one', async () => {
    const dir = freshDir();
    const err = await inputError(openSource(write(dir, 'export.zip', '<html>login page</html>')));
    expect(err.message).toMatch(/named \.zip but its bytes are not a zip archive/);
    expect(err.detail.fix).toBeTruthy();
    const err2 = await inputError(openSource(write(dir, 'export.tar.gz', 'plain text')));
    expect(err2.message).toMatch(/not a gzip archive/);
  });

  it('refuses a truncated zip and a gzip that holds no tar', async () => {
    const dir = freshDir();
    const zip = makeZip([{ name: 'a.txt', content: 'A'.repeat(1000) }]);
    const err = await inputError(openSource(write(dir, 'cut.zip', zip.subarray(0, zip.length - 30))));
    expect(err.message).toMatch(/not a readable zip archive/);
    expect(err.detail.file).toMatch(/cut\.zip$/);
    const err2 = await inputError(openSource(write(dir, 'table.csv.gz', zlib.gzipSync('a,b\n'.repeat(300)))));
    expect(err2.message).toMatch(/does not hold a tar archive/);
    const tgz = await makeTarGz([{ name: 'a.txt', content: 'x'.repeat(100_000) }]);
    const err3 = await inputError(openSource(write(dir, 'cut.tar.gz', tgz.subarray(0, Math.floor(tgz.length / 2)))));
    expect(err3.message).toMatch(/corrupt \.tar\.gz/);
  });

  it('lists media files without inflating them, and reads them on demand', async () => {
    const dir = freshDir();
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(5000, 7)]);
    const members = [
      { name: 'data/tweets.js', content: 'window.YTD.tweets.part0 = []' },
      { name: 'data/tweets_media/1-a.jpg', content: jpeg },
    ];
    // a total cap smaller than the image: the image must not count towards it
    const limits = small({ maxTotalBytes: 1000 });
    for (const [name, bytes] of [['m.zip', makeZip(members)], ['m.tar.gz', await makeTarGz(members)]] as const) {
      const src = await openSource(write(dir, name, bytes), limits);
      const media = src.entries.find((e) => e.name === 'data/tweets_media/1-a.jpg')!;
      expect(media.size).toBe(jpeg.length);
      const chunks: Buffer[] = [];
      for await (const c of media.openStream()) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).equals(jpeg)).toBe(true);
    }
  });
});

describe('openSource: archive bounds', () => {
  it('exports its default limits in one object', () => {
    expect(DEFAULT_ARCHIVE_LIMITS).toEqual({ maxTotalBytes: 1024 ** 3, maxEntries: 100_000, maxRatio: 200, ratioMinBytes: 1024 ** 2, streamEntryBytes: 32 * 1024 ** 2 });
    expect(Object.isFrozen(DEFAULT_ARCHIVE_LIMITS)).toBe(true);
  });

  const hostileNames: [string, RegExp][] = [
    ['../evil.txt', /escapes the archive/],
    ['data/../../evil.txt', /escapes the archive/],
    ['..\\evil.txt', /escapes the archive/],
    ['/etc/passwd', /absolute path/],
    ['C:\\Windows\\evil.txt', /drive letter/],
    ['C:evil.txt', /drive letter/],
    ['\\\\server\\share\\evil.txt', /absolute path/],
  ];
  for (const [name, why] of hostileNames) {
    it(`refuses a zip entry named ${JSON.stringify(name)}, naming the archive and the entry`, async () => {
      const dir = freshDir();
      const file = write(dir, 'evil.zip', makeZip([{ name: 'ok.txt', content: 'fine' }, { name, content: 'pwned' }]));
      const err = await inputError(openSource(file));
      expect(err.message).toMatch(why);
      expect(err.message).toContain(JSON.stringify(name));
      expect(err.detail.file).toBe(file);
      expect(err.detail.fix).toBeTruthy();
    });
  }

  it('refuses tar entries that escape, and symbolic and hard links', async () => {
    const dir = freshDir();
    const cases: [Parameters<typeof makeTarGz>[0], RegExp][] = [
      [[{ name: '../evil.txt', content: 'x' }], /escapes the archive/],
      [[{ name: '/abs.txt', content: 'x' }], /absolute path/],
      [[{ name: 'link', type: 'symlink', linkname: '/etc/passwd' }], /symbolic link/],
      [[{ name: 'a.txt', content: 'x' }, { name: 'hard', type: 'link', linkname: 'a.txt' }], /hard link/],
    ];
    for (const [i, [members, why]] of cases.entries()) {
      const file = write(dir, `evil${i}.tar.gz`, await makeTarGz(members));
      const err = await inputError(openSource(file));
      expect(err.message).toMatch(why);
      expect(err.detail.file).toBe(file);
    }
  });

  it('refuses zip symbolic links and duplicate names', async () => {
    const dir = freshDir();
    const err = await inputError(openSource(write(dir, 'l.zip', makeZip([{ name: 'link', content: '/etc/passwd', symlink: true }]))));
    expect(err.message).toMatch(/symbolic link/);
    const err2 = await inputError(openSource(write(dir, 'd.zip', makeZip([{ name: 'a.txt', content: '1' }, { name: 'a.txt', content: '2' }]))));
    expect(err2.message).toMatch(/appears twice/);
  });

  it('caps the total bytes extracted, counting inflated bytes', async () => {
    const dir = freshDir();
    const members = [
      { name: 'a.txt', content: 'a'.repeat(600) },
      { name: 'b.txt', content: 'b'.repeat(600) },
    ];
    const limits = small({ maxTotalBytes: 1000 });
    for (const [name, bytes] of [['t.zip', makeZip(members)], ['t.tar.gz', await makeTarGz(members)]] as const) {
      const err = await inputError(openSource(write(dir, name, bytes), limits));
      expect(err.message).toMatch(/more than 1000 bytes of data files/);
      expect(err.detail.fix).toMatch(/extract the archive/);
    }
    // within the cap: fine
    const ok = await openSource(write(dir, 'ok.zip', makeZip(members)), small({ maxTotalBytes: 1200 }));
    expect(ok.entries).toHaveLength(2);
  });

  it('caps the number of entries (folders count too)', async () => {
    const dir = freshDir();
    const members = [{ name: 'd/' }, { name: 'd/a.txt', content: 'a' }, { name: 'd/b.txt', content: 'b' }];
    const limits = small({ maxEntries: 2 });
    const err = await inputError(openSource(write(dir, 'n.zip', makeZip(members)), limits));
    expect(err.message).toMatch(/more than 2 entries/);
    const tarMembers = [{ name: 'd', type: 'directory' as const }, { name: 'd/a.txt', content: 'a' }, { name: 'd/b.txt', content: 'b' }];
    const err2 = await inputError(openSource(write(dir, 'n.tar.gz', await makeTarGz(tarMembers)), limits));
    expect(err2.message).toMatch(/more than 2 entries/);
    expect((await openSource(write(dir, 'n3.zip', makeZip(members)), small({ maxEntries: 3 }))).entries).toHaveLength(2);
  });

  it('refuses a zip bomb: an entry inflating past the ratio, by the bytes really inflated', async () => {
    const dir = freshDir();
    const bomb = Buffer.alloc(2 * 1024 * 1024); // 2 MiB of zeros deflates about 1000:1
    const file = write(dir, 'bomb.zip', makeZip([{ name: 'readme.txt', content: 'hi' }, { name: 'zeros.csv', content: bomb }]));
    const err = await inputError(openSource(file, small({ ratioMinBytes: 64 * 1024 })));
    expect(err.message).toMatch(/"zeros\.csv" inflates more than 200:1/);
    expect(err.detail.file).toBe(file);
    // the default threshold applies only past 1 MiB; a 100:1 limit still catches it
    const err2 = await inputError(openSource(file, small({ maxRatio: 100 })));
    expect(err2.message).toMatch(/inflates more than 100:1/);
    // a generous ratio lets it through
    const ok = await openSource(file, small({ maxRatio: 5000 }));
    expect(ok.entries.find((e) => e.name === 'zeros.csv')!.size).toBe(bomb.length);
  });

  it('does not trust declared sizes: a bomb whose headers claim 10 bytes is still stopped', async () => {
    const dir = freshDir();
    const file = write(dir, 'liar.zip', makeZip([{ name: 'zeros.csv', content: Buffer.alloc(2 * 1024 * 1024), declaredSize: 10 }]));
    const err = await inputError(openSource(file, small({ ratioMinBytes: 64 * 1024 })));
    expect(err.message).toMatch(/inflates more than 200:1|corrupt zip/);
    const err2 = await inputError(openSource(file, small({ maxTotalBytes: 100_000, maxRatio: 1e9 })));
    expect(err2.message).toMatch(/more than 100000 bytes|corrupt zip/);
  });

  it('refuses a .tar.gz bomb by the ratio of the whole stream', async () => {
    const dir = freshDir();
    const file = write(dir, 'bomb.tar.gz', await makeTarGz([{ name: 'zeros.csv', content: Buffer.alloc(2 * 1024 * 1024) }]));
    const err = await inputError(openSource(file, small({ ratioMinBytes: 64 * 1024 })));
    expect(err.message).toMatch(/archive inflates more than 200:1/);
  });
});

describe('openSource: big data files are streamed from the archive, not held in memory', () => {
  const outbox = JSON.stringify({ type: 'OrderedCollection', orderedItems: Array.from({ length: 300 }, (_, i) => ({ id: `https://a.example/${i}`, note: 'x'.repeat(i % 50) })) });
  for (const kind of ['zip', 'tar.gz'] as const) {
    it(`${kind}: an entry past streamEntryBytes reads the same bytes as a stream, and counts against no total cap`, async () => {
      const dir = tempDir();
      const file = path.join(dir, `a.${kind}`);
      const members = [{ name: 'outbox.json', content: outbox }, { name: 'actor.json', content: '{"a":1}' }];
      fs.writeFileSync(file, kind === 'zip' ? makeZip(members) : await makeTarGz(members));
      // the small entry is extracted; the big one is left in the archive (the total cap would refuse it otherwise)
      const source = await openSource(file, small({ streamEntryBytes: 1000, maxTotalBytes: 1000 }));
      const big = source.entries.find((e) => e.name === 'outbox.json')!;
      expect(big.size).toBe(Buffer.byteLength(outbox));
      const chunks: Buffer[] = [];
      for await (const c of big.openStream()) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).toString('utf8')).toBe(outbox);
      expect(await source.entries.find((e) => e.name === 'actor.json')!.readText()).toBe('{"a":1}');
    });
  }
});

