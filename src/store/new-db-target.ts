/**
 * The import target of a database that does not exist yet: the import builds it in a
 * temporary file beside the path (`NAME.import-PID-RANDOM.tmp`) and links it into place
 * only once it is committed and on disk.
 *
 * Why: a database in WAL mode writes every page twice, to the log and again at the
 * checkpoint; a new database built aside needs neither the log nor syncs on the way
 * (store/open.ts bulkNew). Measured on the 1M-row import: its commit 0.17-0.25 s -> 0.05 s.
 *
 * All or nothing still holds, more simply: until the link there is no database at the
 * path at all. A failed import removes its temporary file; a killed one leaves it behind
 * (never a half database at the path), and the next import of a new database into the same
 * folder removes temporary files whose process is gone. If something else creates the
 * database meanwhile (another import, any command), the link refuses to replace it
 * (`link`, unlike `rename`, never overwrites) and NewDatabaseTaken tells the caller to
 * import into the database that is there now.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import nodePath from 'node:path';
import { StoreError } from '../errors.js';
import type { ImportTarget } from './import-target.js';
import { checkDbPath, toStoreError } from './store-errors.js';
import { openWriteSession } from './write-session.js';

/** The database path was created by someone else while the import built it: import into that one instead. */
export class NewDatabaseTaken extends Error {
  constructor(readonly path: string) {
    super(`a database appeared at ${path} while this import built a new one`);
    this.name = 'NewDatabaseTaken';
  }
}

/** An import target that builds a new database; `close` when done (whatever happened). */
export interface NewDbTarget extends ImportTarget {
  close(): void;
}

/**
 * The target for a new database at `dbPath`, or null when something is at that path
 * already (import into it as usual). The usual path errors (missing folder, a folder as
 * the path) are thrown here, as opening the database would.
 */
export function openNewDbTarget(dbPath: string): NewDbTarget | null {
  checkDbPath(dbPath);
  if (exists(dbPath)) return null;
  removeAbandoned(dbPath);
  const temp = `${dbPath}.import-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`;
  const removeTemp = () => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(temp + suffix, { force: true });
  };
  return {
    // Nothing to read from a database that does not exist: the resolver knows no account is
    // there, so no connection (loading SQLite and creating a schema in memory on the main
    // thread delayed the first batch by 20-45 ms).
    reader: null,
    wasImported: () => false,
    openSession(options) {
      const inner = openWriteSession(temp, { ...options, bulkNew: true });
      // errors name the database the user asked for, not the temporary file
      const named = (err: unknown): unknown => (err instanceof StoreError ? new StoreError(err.problem, err.message.split(temp).join(dbPath), err.fix?.split(temp).join(dbPath)) : err);
      const started = inner.ready.catch((err: unknown) => Promise.reject(named(err)));
      started.catch(() => undefined); // awaited at commit
      // A new database has no accounts, so its first account id is 1 without asking the writer:
      // the reading need not wait the 0.1-0.2 s a worker thread takes to start (its first
      // batches queue meanwhile). A writer that failed to start fails send and commit.
      const ready = inner.threaded ? Promise.resolve(1) : started;
      return {
        threaded: inner.threaded,
        ready,
        send(batch) {
          try {
            inner.send(batch);
          } catch (err) {
            throw named(err);
          }
        },
        backpressure: () => inner.backpressure()?.catch((err: unknown) => Promise.reject(named(err))),
        async commit(imports) {
          let added;
          try {
            const first = await started;
            if (first !== 1) throw new Error(`a new database's first account id is ${first}, not 1`);
            added = await inner.commit(imports);
          } catch (err) {
            throw named(err);
          }
          publish(temp, dbPath);
          return added;
        },
        async abort() {
          await inner.abort();
          removeTemp();
        },
      };
    },
    close() {
      removeTemp();
    },
  };
}

/**
 * Links the finished file `temp` to `dbPath` (failing, not replacing, when something is
 * there now), removes the temporary name and syncs the folder so the new name is on disk.
 */
function publish(temp: string, dbPath: string): void {
  try {
    fs.linkSync(temp, dbPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new NewDatabaseTaken(dbPath);
    throw toStoreError(err, dbPath);
  }
  fs.rmSync(temp, { force: true });
  syncFolder(nodePath.dirname(nodePath.resolve(dbPath)));
}

function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // some systems cannot sync a folder; the file itself is synced
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function exists(path: string): boolean {
  try {
    fs.lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Removes temporary files of imports into `dbPath` whose process no longer runs (killed imports). */
function removeAbandoned(dbPath: string): void {
  const dir = nodePath.dirname(nodePath.resolve(dbPath));
  const prefix = `${nodePath.basename(dbPath)}.import-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)-[0-9a-f]{8}\.tmp(-journal|-wal|-shm)?$/.exec(name.slice(prefix.length));
    if (m && !isRunning(Number(m[1]))) fs.rmSync(nodePath.join(dir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true; // this process's own (another import in it may be building one)
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // running, as another user
  }
}
