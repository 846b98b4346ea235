/**
 * Why no adapter recognised a source, when the reason is one a person can act on: an empty
 * file, an archive or folder with nothing in it, an archive of a kind not read (bzip2, xz, 7z,
 * RAR, zstd), a database given as an export, UTF-16 text, archives inside the archive,
 * or a table separated by semicolons or tabs. Without it, each of these got the same
 * "cannot tell what export this is" and a list of every format.
 */
import { readEntryHead } from './entry-head.js';
import type { Source } from './source.js';

/** Archive formats told by their first bytes. */
const OTHER_ARCHIVES: ReadonlyArray<readonly [Buffer, string]> = [
  [Buffer.from('BZh'), 'bzip2'],
  [Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), 'xz'],
  [Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), '7z'],
  [Buffer.from('Rar!'), 'RAR'],
  [Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), 'zstd'],
];

/** What is wrong with the source and how to fix it; undefined when nothing specific is seen. */
export async function whyUnrecognised(source: Source): Promise<{ reason: string; fix: string } | undefined> {
  const entries = source.entries;
  if (entries.length === 0) {
    return { reason: `the ${source.kind === 'folder' ? 'folder' : 'archive'} holds no files`, fix: 'check the path, or download the export again' };
  }
  if (entries.every((e) => e.size === 0)) return { reason: entries.length === 1 ? 'the file is empty' : 'every file in it is empty', fix: 'download or write the export again' };
  const archives = entries.filter((e) => /\.(zip|tar\.gz|tgz)$/i.test(e.name));
  if (archives.length === entries.length) {
    const names = archives.slice(0, 3).map((e) => e.name).join(', ');
    return { reason: `it holds only archives (${names}${archives.length > 3 ? ', ...' : ''})`, fix: 'import those archives themselves (influence import reads a .zip or .tar.gz directly)' };
  }
  if (entries.length !== 1) return undefined;
  const head = await readEntryHead(entries[0]!, 4096);
  const packed = OTHER_ARCHIVES.find(([magic]) => head.subarray(0, magic.length).equals(magic));
  if (packed) {
    return { reason: `it is a ${packed[1]} archive, which influence does not open (it reads .zip, .tar.gz and .tar)`, fix: 'extract it and import the folder it holds' };
  }
  if (head.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000') {
    return { reason: 'it is an SQLite database (an influence --db file?), not an export', fix: 'import the exports themselves; --db names the database to import into' };
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return { reason: `the file is UTF-16 text (it starts with the byte-order mark ${head[0] === 0xff ? 'FF FE' : 'FE FF'})`, fix: 'save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)") and import it again' };
  }
  const firstLine = head.toString('utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  // binary data (a damaged download, a picture) is no table, whatever bytes it holds
  if (/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/.test(firstLine)) return undefined;
  for (const [sep, name] of [[';', 'semicolons'], ['\t', 'tabs']] as const) {
    if (firstLine.includes(sep) && !firstLine.includes(',')) {
      return { reason: `its first line looks like a table separated by ${name} ('${firstLine.slice(0, 80)}')`, fix: 'save the table with commas between columns (generic CSV tables are comma-separated)' };
    }
  }
  return undefined;
}
