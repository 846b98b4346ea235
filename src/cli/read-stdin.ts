/**
 * `influence import -`: standard input, as `sqlite-utils insert DB TABLE -` or `jq . -` read
 * it (`gunzip -c posts.ndjson.gz | influence import - --network twitter`). It is copied to a
 * temporary file first, so it is read as any file is: its format detected from its content,
 * hashed for the imports log, and streamed however large; the copy is removed afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { pipeline } from 'node:stream/promises';
import { UsageError } from '../errors.js';
import type { Io } from './io.js';

/** The path users write for standard input. */
export const STDIN_PATH = '-';

/** A copy of standard input on disk, and how to remove it. */
export interface StdinCopy {
  file: string;
  remove(): void;
}

/**
 * UsageError before any work when '-' is given twice (standard input reads once) or
 * standard input is a terminal (nothing was piped: the command would wait for typing).
 */
export function checkStdinUse(paths: readonly string[], io: Io): boolean {
  const dashes = paths.filter((p) => p === STDIN_PATH).length;
  if (dashes === 0) return false;
  if (dashes > 1) throw new UsageError("'-' (standard input) is given twice", 'give it once: standard input can be read only once');
  if (io.stdin === undefined || io.stdin.isTTY === true || io.stdin[Symbol.asyncIterator] === undefined) {
    throw new UsageError("'-' reads the export from standard input, and standard input is a terminal", 'pipe the table in (influence import - < FILE, or some-tool | influence import -), or give the file path');
  }
  return true;
}

/** Copies standard input to a file in a new temporary folder. */
export async function copyStdin(io: Io): Promise<StdinCopy> {
  const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'influence-stdin-'));
  const remove = (): void => fs.rmSync(dir, { recursive: true, force: true });
  const file = nodePath.join(dir, 'stdin');
  try {
    await pipeline(io.stdin as AsyncIterable<Uint8Array | string>, fs.createWriteStream(file));
  } catch (err) {
    remove();
    throw err;
  }
  return { file, remove };
}
