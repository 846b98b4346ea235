/**
 * Writes a World to disk: the generic tables (accounts.csv, posts.csv, interactions.csv,
 * follows.csv) and the ground truth (truth.json). The only module of tools/sim/ that does
 * I/O. Streams: rows are generated chunk by chunk (generic-rows.ts) and written with
 * synchronous writes, so memory stays flat whatever the size of the world.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { GENERIC_TABLES, type GenericTable, genericTableChunks } from './generic-rows.js';
import { computeTruth, type Truth } from './truth.js';
import type { World } from './world-types.js';

/** What was written: rows per table (header excluded) and bytes per file. */
export interface WriteSummary {
  dir: string;
  rows: Record<GenericTable, number>;
  bytes: Record<string, number>;
}

/** Writes text chunks to a file; returns bytes written. */
export function writeChunks(path: string, chunks: Iterable<string>): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    for (const chunk of chunks) bytes += writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** Writes the four generic CSV tables of `world` into `dir` (created if missing). */
export function writeGenericTables(world: World, dir: string): WriteSummary {
  mkdirSync(dir, { recursive: true });
  const rows = { accounts: 0, posts: 0, interactions: 0, follows: 0 };
  const bytes: Record<string, number> = {};
  for (const table of GENERIC_TABLES) {
    const file = `${table}.csv`;
    bytes[file] = writeChunks(join(dir, file), genericTableChunks(world, table, () => rows[table]++));
  }
  return { dir, rows, bytes };
}

/**
 * Writes truth.json: the header fields, then one account per line (readable, diffable,
 * and never one giant string for big worlds).
 */
export function writeTruth(world: World, path: string, truth: Truth = computeTruth(world)): number {
  const { accounts, ...head } = truth;
  function* chunks(): Generator<string> {
    const headJson = JSON.stringify(head, null, 1).replace(/\n\s*/g, ' ');
    yield `${headJson.slice(0, -1)}, "accounts": [\n`;
    let buf: string[] = [];
    for (let i = 0; i < accounts.length; i++) {
      buf.push(`${JSON.stringify(accounts[i])}${i + 1 < accounts.length ? ',' : ''}\n`);
      if (buf.length >= 2000) {
        yield buf.join('');
        buf = [];
      }
    }
    yield `${buf.join('')}]}\n`;
  }
  return writeChunks(path, chunks());
}
