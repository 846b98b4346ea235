/** What every command handler receives: resolved global flags, output sink and the store. */
import path from 'node:path';
import type { Command } from 'commander';
import { openDb, resolveDbPath, type Db } from '../store/open.js';
import { colorEnabled, makeTheme, selectOutputMode, type OutputMode, type Theme } from '../render/output-mode.js';
import type { Io } from './io.js';
import { clearStatusLine, makeStageProgress, type StageProgress } from './progress.js';
import { UsageError } from '../errors.js';
import fs from 'node:fs';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
  csv?: boolean;
  plain?: boolean;
  color?: boolean;
  quiet?: boolean;
}

export interface CommandContext {
  io: Io;
  mode: OutputMode;
  theme: Theme;
  quiet: boolean;
  dbPath: string;
  /** opens the store, creating and migrating it */
  openStore(): Db;
  /** opens an existing store; a clear error when there is none yet */
  openExistingStore(): Db;
  /** runs `use` on the existing store and closes it, whatever happens */
  withStore<T>(use: (db: Db) => T): T;
  /** resolves a user-given path against the working directory */
  resolvePath(p: string): string;
  /** writes a line to stdout */
  out(text: string): void;
  /** writes a message to stderr unless --quiet */
  info(text: string): void;
  /** writes a warning to stderr (even with --quiet) */
  warn(text: string): void;
  /** a status line for long commands (a TTY's stderr only; cleared before output is written) */
  progress: StageProgress;
}

/** Builds the context from a command's options merged with the program's globals. */
export function makeContext(io: Io, cmd: Command, defaults: { defaultDb?: string } = {}): CommandContext {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  const isTTY = io.stdout.isTTY === true;
  const mode = selectOutputMode(opts, isTTY);
  const color = mode === 'tty' && colorEnabled(opts, isTTY, io.env);
  const dbPath = path.resolve(io.cwd, resolveDbPath(opts.db, io.env, defaults.defaultDb));
  // a line of its own on stderr, never glued to a status line that is showing
  const say = (text: string): void => {
    clearStatusLine(io);
    io.stderr.write(`${text}\n`);
  };
  // a write that waits for another import's lock says so on stderr (even with --quiet)
  const onLockWait = (message: string) => say(message);
  // upgrading an older database's schema is news, not a warning: --quiet silences it
  const onMigrate = opts.quiet === true ? undefined : say;
  // so is reading a temporary copy of a database whose folder cannot be written (store/read-place.ts)
  const onReadCopy = opts.quiet === true ? () => {} : say;
  return {
    io,
    mode,
    theme: makeTheme(color),
    quiet: opts.quiet === true,
    dbPath,
    openStore: () => openDb(dbPath, { onLockWait, onMigrate }),
    openExistingStore() {
      if (!fs.existsSync(dbPath)) {
        throw new UsageError(`no database at ${dbPath}`, 'run `influence import FILE` first, or pass --db PATH (or set INFLUENCE_DB)');
      }
      return openDb(dbPath, { onLockWait, onMigrate, onReadCopy });
    },
    withStore(use) {
      const db = this.openExistingStore();
      try {
        return use(db);
      } finally {
        db.close();
      }
    },
    resolvePath: (p) => path.resolve(io.cwd, p),
    out: (text) => void io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    info: (text) => {
      if (opts.quiet !== true) say(text);
    },
    warn: (text) => say(text),
    progress: makeStageProgress(io, opts.quiet === true),
  };
}
