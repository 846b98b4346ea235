/**
 * Opens what `influence import PATH` points at: a plain file, a folder, a .zip or a
 * .tar.gz. Archives are recognised by their first bytes (not only their names) and
 * extracted into memory within ArchiveLimits.
 */
import fs from 'node:fs';
import { InputError } from '../errors.js';
import { type ArchiveLimits, DEFAULT_ARCHIVE_LIMITS } from './archive/limits.js';
import { openFileSource, openFolderSource } from './disk-source.js';
import type { Source } from './source.js';

/** The archive bounds, re-exported for callers of openSource. */
export { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive/limits.js';

/** Opens a path as a Source; InputError when it is missing, unreadable or a bad archive. */
export async function openSource(path: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<Source> {
  const stat = await statOrExplain(path);
  if (stat.isDirectory()) return openFolderSource(path);
  if (!stat.isFile()) {
    throw new InputError('not a regular file or folder', { file: path, expected: 'a file, folder, .zip or .tar.gz', fix: 'pass the export file or folder itself' });
  }
  const kind = sniffKind(await readHead(path), path);
  // the archive readers (and their libraries) load only for an archive: a plain file starts sooner
  if (kind === 'zip') return (await import('./archive/read-zip.js')).readZip(path, limits);
  if (kind === 'gzip' || kind === 'tar') return (await import('./archive/read-tar-gz.js')).readTarGz(path, limits, kind === 'gzip');
  return openFileSource(path, stat.size);
}

/** 'zip', 'gzip' or 'tar' by magic bytes; InputError when the name promises an archive the bytes deny. */
export function sniffKind(head: Buffer, path: string): 'zip' | 'gzip' | 'tar' | 'plain' {
  // PK\3\4 a local file, PK\5\6 an empty archive, PK\7\8 a spanned one
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && [0x0304, 0x0506, 0x0708].includes((head[2]! << 8) | head[3]!)) return 'zip';
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  // a POSIX tar names its format at byte 257 ('ustar'): a .tar.gz some browsers gunzip on download
  if (head.length >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'tar';
  const lower = path.toLowerCase();
  if (lower.endsWith('.zip') || lower.endsWith('.tar.gz') || lower.endsWith('.tgz')) {
    const ext = lower.endsWith('.zip') ? '.zip' : '.tar.gz';
    throw new InputError(`named ${ext} but its bytes are not a${ext === '.zip' ? ' zip' : ' gzip'} archive`, {
      file: path,
      expected: ext === '.zip' ? "a zip archive (starting with 'PK')" : 'a gzip-compressed tar archive',
      fix: head.length === 0 ? 'the file is empty: download the export again' : 'download the export again, or rename the file to what it is',
    });
  }
  return 'plain';
}

async function statOrExplain(path: string): Promise<fs.Stats> {
  try {
    return await fs.promises.stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new InputError('no such file or folder', { file: path, expected: 'an existing file, folder, .zip or .tar.gz', fix: 'check the path; quote it if it contains spaces' });
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new InputError('permission denied', { file: path, expected: 'a readable file or folder', fix: 'check its permissions (ls -l)' });
    }
    throw err;
  }
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    // 262 bytes: a tar's 'ustar' sits at 257
    const buf = Buffer.alloc(262);
    const { bytesRead } = await handle.read(buf, 0, 262, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
