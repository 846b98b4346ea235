/**
 * Where a database is read from. SQLite reads a WAL database (every influence database is
 * one) through NAME-wal and NAME-shm beside it, and creates them when they are not there. In
 * a folder that cannot be written (read-only media, a shared or backed-up folder) it cannot,
 * and every command failed with "cannot be opened", though reading needs no write. SQLite's
 * own way out, `immutable=1`, needs a URI file name, which better-sqlite3 is built without
 * (SQLITE_USE_URI=0). So such a database is read from a temporary copy (with its -wal, if
 * any), made once per command and removed when it ends. The copy is opened
 * read-only: a command that would store something (score's run) says it could not, as it
 * does on a read-only file.
 */
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { StoreError } from '../errors.js';

/** What decides where a database can be read. */
export interface ReadPlaceFacts {
  /** files can be created in the database's folder */
  folderWritable: boolean;
  /** the file's header says WAL (bytes 18 and 19 are 2) */
  walMode: boolean;
  /** NAME-wal and NAME-shm exist beside it (a writer's, or left by one that was killed) */
  walFile: boolean;
  shmFile: boolean;
}

/**
 * 'in-place' when SQLite can read the database where it is: its folder can be written, or
 * it is not in WAL mode (a rollback journal needs nothing beside a reader), or its -wal and
 * -shm are already there to read through; else 'copy'.
 */
export function readPlaceOf(facts: ReadPlaceFacts): 'in-place' | 'copy' {
  if (facts.folderWritable || !facts.walMode) return 'in-place';
  return facts.walFile && facts.shmFile ? 'in-place' : 'copy';
}

/** The facts for an existing database file. */
export function readPlaceFacts(path: string): ReadPlaceFacts {
  return { folderWritable: canWrite(nodePath.dirname(path)), walMode: isWalFile(path), walFile: fs.existsSync(`${path}-wal`), shmFile: fs.existsSync(`${path}-shm`) };
}

function canWrite(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether `path` is an SQLite file whose header says WAL; false when it cannot be read (opening it in place says why). */
function isWalFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, 'r');
    const head = Buffer.alloc(20);
    const n = fs.readSync(fd, head, 0, 20, 0);
    return n === 20 && head.subarray(0, 16).toString('latin1') === 'SQLite format 3\0' && head[18] === 2 && head[19] === 2;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Copies made by this process: database path -> copy. */
const copies = new Map<string, string>();
const copyFolders: string[] = [];
let exitHook = false;

const END_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Removes the copies, then lets the signal take its default course (the exit status a shell expects: 130 for Ctrl-C). */
function endBySignal(signal: NodeJS.Signals): void {
  removeReadCopies();
  for (const s of END_SIGNALS) process.removeListener(s, endBySignal);
  process.kill(process.pid, signal);
}

/** Removes every temporary copy made so far (at the end of a command; connections to them are closed by then). */
export function removeReadCopies(): void {
  for (const dir of copyFolders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  copies.clear();
}

/**
 * The temporary copy of `path` to read (made on first use, in os.tmpdir()); `onCopy` hears
 * once when a copy is made. A StoreError when there is no room for it.
 */
export function readCopyOf(path: string, onCopy?: (message: string) => void): string {
  const known = copies.get(path);
  if (known !== undefined && fs.existsSync(known)) return known;
  const wal = `${path}-wal`;
  const bytes = fs.statSync(path).size + (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
  const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'influence-read-'));
  if (!exitHook) {
    exitHook = true;
    process.once('exit', removeReadCopies); // a command's end removes them before (cli/main.ts)
    // Ctrl-C or a kill ends the process without 'exit': remove them, then end as the signal says
    for (const signal of END_SIGNALS) process.once(signal, endBySignal);
  }
  copyFolders.push(dir);
  const copy = nodePath.join(dir, nodePath.basename(path));
  try {
    const free = fs.statfsSync(dir);
    if (free.bavail * free.bsize < bytes) throw Object.assign(new Error('no room'), { code: 'ENOSPC' });
    fs.copyFileSync(path, copy, fs.constants.COPYFILE_FICLONE);
    if (fs.existsSync(wal)) fs.copyFileSync(wal, `${copy}-wal`, fs.constants.COPYFILE_FICLONE);
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    if ((err as { code?: unknown }).code !== 'ENOSPC') throw err;
    throw new StoreError(
      'read-only',
      `the database's folder cannot be written, so it is read from a temporary copy, and there is no room for one (${megabytes(bytes)} MB in ${os.tmpdir()}): ${path}`,
      'free some space there (or set TMPDIR to a folder with room), or make the database\'s folder writable',
    );
  }
  copies.set(path, copy);
  onCopy?.(`note: ${nodePath.dirname(path)} cannot be written, and SQLite reads a database through files it creates beside it: reading a temporary copy of ${nodePath.basename(path)} (${megabytes(bytes)} MB); nothing is stored`);
  return copy;
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0);
}
