/**
 * Reads a .tar.gz (or .tgz) into memory within ArchiveLimits: node's gunzip feeding
 * tar-stream, one entry at a time. A gzip stream has one ratio, so the ratio bound applies
 * to the whole archive. Links are refused; media files are listed, not kept. A plain .tar
 * (a Mastodon archive a browser has already gunzipped, as Safari does) is read the same way
 * without the gunzip.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import { InputError } from '../../errors.js';
import { memoryEntry } from '../memory-source.js';
import type { Source, SourceEntry } from '../source.js';
import { lazyEntry } from './lazy-entry.js';
import { type ArchiveLimits, checkEntryCount, checkEntryName, checkRatio, checkTotal, isMediaName, showName } from './limits.js';

const FILE_TYPES = new Set<string | null | undefined>(['file', 'contiguous-file', null, undefined]);

/** Opens a .tar.gz as a Source: data files extracted into memory, media listed lazily. */
export async function readTarGz(path: string, limits: ArchiveLimits, gzipped = true): Promise<Source> {
  const files = new Map<string, SourceEntry>();
  let total = 0;
  const sha256 = await scanTarGz(path, limits, gzipped, async (header, stream) => {
    const name = checkEntryName(header.name, path);
    if (header.type === 'symlink' || header.type === 'link') {
      throw new InputError(`archive entry ${showName(header.name)} is a ${header.type === 'link' ? 'hard' : 'symbolic'} link`, {
        file: path,
        expected: 'regular files only',
        fix: 'this archive was not made by an export tool; download the export again from the network',
      });
    }
    if (!FILE_TYPES.has(header.type) || name === '') return; // folders, devices, global headers
    if (files.has(name)) {
      throw new InputError(`archive entry ${showName(header.name)} appears twice`, { file: path, expected: 'each name once', fix: 'download the export again' });
    }
    // media are never read; big data files (a 600 MB outbox.json) are streamed from the
    // archive again when read, instead of being held in memory whole
    if (isMediaName(name) || (header.size ?? 0) >= limits.streamEntryBytes) {
      files.set(name, lazyEntry(name, header.size ?? 0, path, () => openTarMember(path, name, limits, gzipped)));
      return;
    }
    const buf = await collect(stream, (n) => checkTotal(total + n, limits, path));
    total += buf.length;
    files.set(name, memoryEntry(name, buf, path));
  });
  const entries = [...files.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const totalBytes = entries.reduce((sum, e) => sum + e.size, 0);
  return { path, kind: 'tar.gz', entries, sha256, totalBytes };
}

type Visit = (header: tar.Header, stream: AsyncIterable<unknown>) => Promise<boolean | void>;

/**
 * Walks the archive's entries; `visit` resolving to true stops early. Resolves to the
 * sha256 of the archive file when the walk reached the end.
 */
async function scanTarGz(path: string, limits: ArchiveLimits, gzipped: boolean, visit: Visit): Promise<string> {
  const compressed = (await fs.promises.stat(path)).size;
  const hash = createHash('sha256');
  const input = fs.createReadStream(path);
  input.on('data', (chunk) => hash.update(chunk as Buffer));
  let inflated = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      inflated += chunk.length;
      try {
        checkRatio(inflated, compressed, limits, path);
        done(null, chunk);
      } catch (err) {
        done(err as Error);
      }
    },
  });
  const extract = tar.extract();
  let pumpError: unknown;
  const pumping = pipeline(input, gzipped ? zlib.createGunzip() : new PassThrough(), counter, extract).catch((err: unknown) => {
    pumpError = err;
  });
  let count = 0;
  try {
    for await (const entry of extract) {
      checkEntryCount(++count, limits, path);
      const stop = await visit(entry.header, entry);
      entry.resume(); // drain what the visitor did not read
      if (stop) {
        input.destroy();
        return '';
      }
    }
    await pumping;
  } catch (err) {
    input.destroy();
    throw asInputError(pumpError ?? err, path, gzipped);
  }
  if (pumpError) throw asInputError(pumpError, path, gzipped);
  return hash.digest('hex');
}

async function collect(stream: AsyncIterable<unknown>, check: (bytes: number) => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of stream) {
    n += (chunk as Buffer).length;
    check(n);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, n);
}

/**
 * Re-scans the archive for one member and streams it (a big data file, or media, which no
 * adapter reads today). The whole-stream ratio bound still applies; the total cap does not,
 * since the member is never held in memory.
 */
async function openTarMember(path: string, name: string, limits: ArchiveLimits, gzipped: boolean): Promise<Readable> {
  const out = new PassThrough();
  let found = false;
  scanTarGz(path, limits, gzipped, async (header, stream) => {
    if (checkEntryName(header.name, path) !== name) return false;
    found = true;
    await pipeline(stream as AsyncIterable<Buffer>, out);
    return true;
  }).then(
    () => {
      if (!found) out.destroy(new InputError(`archive entry ${showName(name)} is gone`, { file: path, fix: 'do not change the archive during an import' }));
    },
    (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))),
  );
  return out;
}

function asInputError(err: unknown, path: string, gzipped = true): Error {
  if (err instanceof InputError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const notTar = /tar header|needs to be gunzipped/i.test(message);
  const kind = gzipped ? '.tar.gz' : '.tar';
  return new InputError(notTar ? 'the gzip file does not hold a tar archive' : `corrupt ${kind} archive: ${message}`, {
    file: path,
    expected: `a complete ${kind} archive`,
    fix: notTar ? 'gunzip the file and import what it holds' : 'download or create the archive again',
  });
}
