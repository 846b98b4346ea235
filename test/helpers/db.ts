/** Test helpers for looking into a database the CLI wrote. */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from '../../src/store/schema.js';

export interface TableCounts {
  accounts: number;
  posts: number;
  interactions: number;
  follows: number;
  identities: number;
  imports: number;
}

/** Row counts of every data table (read-only). */
export function tableCounts(dbPath: string): TableCounts {
  const db = new Database(dbPath, { readonly: true });
  try {
    const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    return {
      accounts: count('accounts'),
      posts: count('posts'),
      interactions: count('interactions'),
      follows: count('follows'),
      identities: count('identities'),
      imports: count('imports'),
    };
  } finally {
    db.close();
  }
}

/** Runs a read-only query and returns all rows. */
export function query<T = Record<string, unknown>>(dbPath: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** A new database file left at schema `version` (the first `version` migrations), open for the caller's rows; the caller closes it. */
export function databaseAtVersion(file: string, version: number): Database.Database {
  const db = new Database(file);
  for (const m of MIGRATIONS.slice(0, version)) {
    if (typeof m === 'string') db.exec(m);
    else m(db);
  }
  db.pragma(`user_version = ${version}`);
  return db;
}

/** sha256 of the database file and of every file beside it that shares its name (journals): "the database is exactly as it was". */
export function dbBytes(file: string): string {
  const h = crypto.createHash('sha256');
  for (const name of fs.readdirSync(path.dirname(file)).sort()) {
    if (name.startsWith(path.basename(file))) h.update(name).update(fs.readFileSync(path.join(path.dirname(file), name)));
  }
  return h.digest('hex');
}
