/**
 * Database conditions a person can fix, told apart from internal errors: a folder that
 * does not exist, a directory given as --db, a device or pipe given as --db, a file that is
 * not SQLite, a read-only file, a full disk, an I/O error, a database locked by another
 * process. Each becomes a StoreError with its own message and fix (the CLI maps StoreError
 * to exit code 2).
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import { StoreError } from '../errors.js';

/** Checks what can be checked before SQLite opens `path` (an in-memory ':memory:' passes). */
export function checkDbPath(path: string): void {
  if (path === ':memory:' || path === '') return;
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(path);
  } catch {
    // does not exist yet: its folder must
  }
  if (stat?.isDirectory()) {
    throw new StoreError('is-directory', `the database path is a folder: ${path}`, `pass a file path, e.g. --db ${nodePath.join(path, 'influence.db')}`);
  }
  if (stat && !stat.isFile()) {
    // /dev/null, a pipe or a socket: SQLite fails on it with a bare "disk I/O error"
    throw new StoreError('not-a-file', `the database path is not a regular file (a device, pipe or socket): ${path}`, 'pass the path of a database file, or a new path to start one');
  }
  if (!stat) {
    const dir = nodePath.dirname(nodePath.resolve(path));
    let dirStat: fs.Stats | undefined;
    try {
      dirStat = fs.statSync(dir);
    } catch {
      // missing
    }
    if (!dirStat || !dirStat.isDirectory()) {
      throw new StoreError('missing-folder', `the folder for the database does not exist: ${dir}`, `create it first (mkdir -p ${dir}), or pass another --db`);
    }
  }
}

/** The StoreError an SQLite error stands for, or the error itself when it is none of them. */
export function toStoreError(err: unknown, path: string): unknown {
  if (err instanceof StoreError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return err;
  if (code === 'SQLITE_NOTADB') {
    return new StoreError('not-a-database', `not an influence database (not SQLite at all): ${path}`, 'pass the right --db file, or a new path to start a new database; this file was left as it is');
  }
  if (code === 'SQLITE_CORRUPT') {
    return new StoreError('not-a-database', `the database file is damaged (SQLite reports it corrupt): ${path}`, 'restore it from a copy, or start a new database with another --db and import again');
  }
  if (code.startsWith('SQLITE_READONLY')) return readOnlyError(path);
  if (code === 'SQLITE_CANTOPEN') {
    return new StoreError('read-only', `the database file cannot be opened: ${path}`, 'check that the file and its folder exist and are readable and writable by you');
  }
  if (code === 'SQLITE_FULL') {
    return new StoreError('disk-full', `the disk is full: the database could not be written: ${path}`, 'free some space and run the command again (a write that did not finish changed nothing)');
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new StoreError('io-error', `the database file could not be read or written (${code}): ${path}`, 'check the disk and the path (a failing disk, a network drive that went away?), then run the command again');
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') return lockedError(path);
  return err;
}

/** The database (or its folder) cannot be written. */
export function readOnlyError(path: string): StoreError {
  return new StoreError('read-only', `the database cannot be written (read-only file or folder): ${path}`, `make it writable (chmod u+w ${path} and its folder), or copy it and pass --db COPY`);
}

/** Another process holds the write lock for longer than we wait. */
export function lockedError(path: string, waitedMs?: number): StoreError {
  return new StoreError(
    'locked',
    `the database is locked by another influence command${waitedMs !== undefined ? ` (waited ${Math.round(waitedMs / 1000)} s)` : ''}: ${path}`,
    'wait for the other import or scoring to finish and run this again (an import that was stopped leaves no lock behind)',
  );
}
