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

/** How standard input ('-') is named in messages, the summary and the imports log. */
export const STDIN_NAME = 'stdin';

/**
 * Standard input, once copied to `file` (cli/read-stdin.ts), as a plain-file Source named
 * 'stdin'. Its format is forced by --format, or detected as a file's is; a file's name says
 * whether it is JSON or NDJSON, so here the content does (stdinEntryName). An archive is
 * refused: exports are downloaded as files, and its entries would be named after the
 * temporary copy.
 */
export async function openStdinCopy(file: string, format?: string): Promise<Source> {
  const stat = await fs.promises.stat(file);
  const head = await readHead(file, STDIN_HEAD_BYTES);
  const kind = sniffKind(head, STDIN_NAME);
  if (kind !== 'plain') {
    throw new InputError(`standard input holds a ${kind === 'zip' ? 'zip' : kind === 'gzip' ? 'gzip' : 'tar'} archive`, {
      file: STDIN_NAME,
      expected: 'a CSV, JSON or NDJSON table on standard input',
      fix: 'import the archive by its path (influence import export.zip); only plain tables are read from standard input',
    });
  }
  return openFileSource(file, stat.size, { as: STDIN_NAME, name: stdinEntryName(head, head.length === stat.size, format) });
}

/** Enough of standard input to hold the first line of an NDJSON file. */
const STDIN_HEAD_BYTES = 64 * 1024;

/**
 * The entry name standard input is read under: `--format csv|json|ndjson` names it so;
 * else '[' starts a JSON array ('stdin.json'), a first line that is a whole JSON object
 * starts NDJSON ('stdin.ndjson'), other '{' text is one JSON document ('stdin.json'), and
 * anything else is a table read by its header line ('stdin', as a file without extension).
 */
export function stdinEntryName(head: Buffer, complete: boolean, format?: string): string {
  if (format === 'csv' || format === 'json' || format === 'ndjson') return `${STDIN_NAME}.${format}`;
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('[')) return `${STDIN_NAME}.json`;
  if (!text.startsWith('{')) return STDIN_NAME;
  const end = text.search(/\r|\n/);
  if (end < 0 && !complete) return `${STDIN_NAME}.json`;
  try {
    const first: unknown = JSON.parse(end < 0 ? text : text.slice(0, end));
    return typeof first === 'object' && first !== null ? `${STDIN_NAME}.ndjson` : `${STDIN_NAME}.json`;
  } catch {
    return `${STDIN_NAME}.json`;
  }
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

// 262 bytes: a tar's 'ustar' sits at 257
async function readHead(path: string, bytes = 262): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
