/**
 * Reads a .zip into memory within ArchiveLimits (yauzl 3, lazy entries, one entry at a
 * time). Names are decoded here rather than by yauzl so a bad name becomes an InputError
 * naming the archive and the entry. Media files are listed, not inflated.
 */
import { Transform, type Readable } from 'node:stream';
import yauzl from 'yauzl';
import { InputError } from '../../errors.js';
import { hashFile } from '../hash-file.js';
import { memoryEntry } from '../memory-source.js';
import type { Source, SourceEntry } from '../source.js';
import { lazyEntry } from './lazy-entry.js';
import { type ArchiveLimits, checkEntryCount, checkEntryName, checkRatio, checkTotal, isMediaName, showName } from './limits.js';

type ExtraField = { id: number; data: Buffer };
// yauzl 3 exports this; its @types (2.x) do not declare it.
const { getFileNameLowLevel } = yauzl as unknown as {
  getFileNameLowLevel(flags: number, raw: Buffer, extra: ExtraField[], strictFileNames: boolean): string;
};

const UNIX_HOSTS = new Set([3, 19]); // 3 = Unix, 19 = OS X: the hosts whose high attribute bits are a mode
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Opens a .zip as a Source: data files inflated into memory, media listed lazily. */
export async function readZip(path: string, limits: ArchiveLimits): Promise<Source> {
  const zip = await openZip(path);
  const files = new Map<string, SourceEntry>();
  try {
    checkEntryCount(zip.entryCount, limits, path);
    let count = 0;
    let total = 0;
    await forEachEntry(zip, path, async (entry) => {
      checkEntryCount(++count, limits, path);
      const raw = entryName(entry);
      const name = checkEntryName(raw, path);
      if (raw.endsWith('/') || raw.endsWith('\\') || name === '') return; // a folder
      if (isSymlink(entry)) refuse(path, raw, 'is a symbolic link', 'regular files only');
      if (entry.isEncrypted()) refuse(path, raw, 'is encrypted', 'an unencrypted archive');
      if (files.has(name)) refuse(path, raw, 'appears twice', 'each name once');
      // Media are never read; big data files (a 600 MB outbox.json) are streamed from the
      // archive when read, within the ratio bound, instead of being held in memory whole.
      if (isMediaName(name) || entry.uncompressedSize >= limits.streamEntryBytes) {
        files.set(name, lazyEntry(name, entry.uncompressedSize, path, () => openZipMember(path, name, limits)));
        return;
      }
      const buf = await inflate(zip, entry, name, path, limits, total);
      total += buf.length;
      files.set(name, memoryEntry(name, buf, path));
    });
  } finally {
    zip.close();
  }
  const entries = [...files.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const totalBytes = entries.reduce((sum, e) => sum + e.size, 0);
  return { path, kind: 'zip', entries, sha256: await hashFile(path), totalBytes };
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) {
        reject(
          new InputError(`not a readable zip archive (${err?.message ?? 'unknown error'})`, {
            file: path,
            expected: 'a complete .zip file',
            fix: 'download the archive again: a partial download lacks the zip directory at its end',
          }),
        );
      } else resolve(zip);
    });
  });
}

/** Visits entries one at a time; `visit` resolving to true stops the walk. */
function forEachEntry(zip: yauzl.ZipFile, path: string, visit: (entry: yauzl.Entry) => Promise<boolean | void>): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (err: unknown): void => {
      if (failed) return;
      failed = true;
      reject(asInputError(err, path));
    };
    zip.on('error', fail);
    zip.on('end', () => {
      if (!failed) resolve();
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      visit(entry).then((stop) => {
        if (failed) return;
        if (stop) resolve();
        else zip.readEntry();
      }, fail);
    });
    zip.readEntry();
  });
}

function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer; // decodeStrings: false
  return getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields as ExtraField[], true);
}

function isSymlink(entry: yauzl.Entry): boolean {
  return UNIX_HOSTS.has(entry.versionMadeBy >> 8) && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

function refuse(archive: string, entry: string, why: string, expected: string): never {
  throw new InputError(`archive entry ${showName(entry)} ${why}`, {
    file: archive,
    expected,
    fix: 'this archive was not made by an export tool; download the export again from the network',
  });
}

async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, path: string, limits: ArchiveLimits, before: number): Promise<Buffer> {
  const stream = await openReadStream(zip, entry, path);
  const chunks: Buffer[] = [];
  let inflated = 0;
  try {
    for await (const chunk of stream) {
      inflated += (chunk as Buffer).length;
      checkRatio(inflated, entry.compressedSize, limits, path, name);
      checkTotal(before + inflated, limits, path);
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    stream.destroy();
    throw asInputError(err, path, name);
  }
  return Buffer.concat(chunks, inflated);
}

function openReadStream(zip: yauzl.ZipFile, entry: yauzl.Entry, path: string): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(asInputError(err, path)) : resolve(stream)));
  });
}

/** Re-opens the zip and streams one member, with the ratio bound applied as it inflates. */
async function openZipMember(path: string, name: string, limits: ArchiveLimits): Promise<Readable> {
  const zip = await openZip(path);
  let found: Readable | undefined;
  try {
    await forEachEntry(zip, path, async (entry) => {
      if (checkEntryName(entryName(entry), path) !== name) return false;
      const stream = await openReadStream(zip, entry, path);
      let inflated = 0;
      found = stream.pipe(
        new Transform({
          transform(chunk: Buffer, _enc, done) {
            inflated += chunk.length;
            try {
              checkRatio(inflated, entry.compressedSize, limits, path, name);
              done(null, chunk);
            } catch (err) {
              stream.destroy();
              done(err as Error);
            }
          },
        }),
      );
      found.on('close', () => {
        stream.destroy();
        zip.close();
      });
      return true;
    });
  } catch (err) {
    zip.close();
    throw err;
  }
  if (!found) {
    zip.close();
    throw new InputError(`archive entry ${showName(name)} is gone`, { file: path, fix: 'do not change the archive during an import' });
  }
  return found;
}

function asInputError(err: unknown, path: string, entry?: string): Error {
  if (err instanceof InputError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new InputError(`corrupt zip archive${entry !== undefined ? ` at entry ${showName(entry)}` : ''}: ${message}`, {
    file: path,
    expected: 'a complete, valid .zip file',
    fix: 'download the archive again',
  });
}
