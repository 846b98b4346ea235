/**
 * The database side of an import: one write connection, one transaction (BEGIN IMMEDIATE
 * ... COMMIT, or ROLLBACK), and the WriteBatches the record writer sends, applied in order.
 * It runs on a worker thread for large imports (write-session.ts) and on the importing
 * thread otherwise; the code and so the result are the same either way.
 *
 * Interactions are buffered into runs and inserted sorted by actor: the table is WITHOUT
 * ROWID with the natural key as primary key, and sorted inserts touch neighbouring B-tree
 * pages. Measured CPU for 1M rows: unsorted 3.7 s, one sorted run 1.7 s, runs of 20k-100k
 * rows 1.7 s (so runs need not be large, and the writer can start early).
 */
import fs from 'node:fs';
import { mergeAccounts } from './merge-accounts.js';
import { insertedTargetPostIdSql, resolveTargetPosts } from './target-posts.js';
import { createIdentityDeclarer } from './identities.js';
import { beginImmediate, openDb, type Db } from './open.js';
import { toStoreError } from './store-errors.js';
import { KIND_BY_CODE, deriveEventKey, type InteractionColumns, type NewAccounts, type WriteBatch, type WriteOp } from './write-batch.js';

/** Rows in each data table. */
interface RowCounts {
  accounts: number;
  posts: number;
  interactions: number;
  follows: number;
  identities: number;
}

/**
 * Rows an import added to each data table, and what its identity declarations did besides
 * adding rows (present only when not zero: most imports declare no identities).
 */
export interface TableCounts extends RowCounts {
  /** accounts an earlier import had put in another identity, moved to the one this import declares */
  identitiesMoved?: number;
  /** declarations not applied: the account was linked or unlinked by hand (store/identities.ts) */
  identitiesKept?: number;
}

/** Rows that existed before the import and that it changed (a re-import of the same content changes none). */
export interface UpdatedCounts {
  accounts: number;
  posts: number;
  follows: number;
}

/** What an import's commit reports: rows added per table, and rows it changed. */
export interface ImportCounts extends TableCounts {
  updated: UpdatedCounts;
}

/** One row of the imports log (provenance), written just before COMMIT. */
export interface ImportLogRow {
  path: string;
  sha256: string;
  format: string;
  bytes: number;
  /** JSON */
  counts: string;
  importedAt: number;
  /**
   * Log this row only when the import added or changed rows (content imported before,
   * read again: logged when it changed something, e.g. restored values a later import had
   * changed, so the log records every change to the data).
   */
  onlyIfChanged?: boolean;
}

/** An open write transaction on its own connection. */
export interface WriteTransaction {
  /** the first account id free for this import: ids are assigned by the record writer */
  readonly firstAccountId: number;
  apply(batch: WriteBatch): void;
  /** flushes, resolves deferred targets, logs the imports, commits and closes; rows added per table and rows changed */
  commit(imports: readonly ImportLogRow[]): ImportCounts;
  /** rolls back and closes; never throws */
  rollback(): void;
}

/** Interactions per sorted run (see the module comment). */
const RUN_ROWS = 65_536;
/**
 * In a new database, until this many interactions are in, each batch is a run of its own:
 * the writer inserts while the parser is still warming up (its first batches come slowly)
 * instead of idling until a full run of four batches has arrived. The table is small then,
 * so short runs cost little; into a large table they would touch more pages per row.
 */
const NEW_TABLE_ROWS = RUN_ROWS;
/** Rows per multi-row INSERT: one statement call binds this many rows. */
const ROWS_PER_INSERT = 32;

/**
 * Opens `dbPath` for writing and begins the import's transaction. The account ids handed
 * out from `firstAccountId` cannot collide: BEGIN IMMEDIATE holds the write lock until
 * COMMIT, so nothing else inserts accounts meanwhile.
 */
export function beginWrite(dbPath: string, options: { onLockWait?: (message: string) => void; lockWaitMs?: number; bulkNew?: boolean } = {}): WriteTransaction {
  // the lock-wait channel carries any message for stderr, the upgrade of an older database's schema too
  const db = openDb(dbPath, { onLockWait: options.onLockWait, onMigrate: options.onLockWait, lockWaitMs: options.lockWaitMs, bulkNew: options.bulkNew });
  try {
    // a second import waits here for the first one's commit (with a message), not 5 s
    beginImmediate(db);
    const firstAccountId = (db.prepare('SELECT coalesce(max(id), 0) + 1 FROM accounts').pluck().get() as number);
    const applier = createApplier(db, firstAccountId, options.bulkNew === true);
    let open = true;
    return {
      firstAccountId,
      apply(batch) {
        try {
          applier.apply(batch);
        } catch (err) {
          // a read-only file grants the lock and fails on the first write: here
          throw toStoreError(err, dbPath);
        }
      },
      commit(imports) {
        let added: ImportCounts;
        try {
          added = applier.finish(imports);
          db.exec('COMMIT');
          // a new database built aside becomes one like any other: WAL (a header flag)
          if (options.bulkNew) db.pragma('journal_mode = WAL');
        } catch (err) {
          throw toStoreError(err, dbPath);
        }
        open = false;
        db.close();
        // built with synchronous OFF: on disk before it is linked into place (a failure here fails the import)
        if (options.bulkNew) syncFile(dbPath);
        return added;
      },
      rollback() {
        if (!open) return;
        open = false;
        try {
          if (db.inTransaction) db.exec('ROLLBACK');
        } finally {
          db.close();
        }
      },
    };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
    throw toStoreError(err, dbPath);
  }
}

/** Forces a file's content to disk (a database built with synchronous OFF, before it is linked into place). */
function syncFile(path: string): void {
  const fd = fs.openSync(path, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Rows in each data table, for the before/after difference an import reports. */
function countRows(db: Db): RowCounts {
  // table names come from this fixed list, never from input
  const count = (table: keyof RowCounts) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { accounts: count('accounts'), posts: count('posts'), interactions: count('interactions'), follows: count('follows'), identities: count('identities') };
}

function createApplier(db: Db, firstAccountId: number, bulkNew: boolean): { apply(batch: WriteBatch): void; finish(imports: readonly ImportLogRow[]): ImportCounts } {
  const laterIndexes = bulkNew ? deferAccountIndexes(db) : [];
  const before = countRows(db);
  // posts stored before this import have ids up to this one (an upsert that returns a lower id changed an old post)
  const lastPostBefore = (db.prepare('SELECT coalesce(max(id), 0) FROM posts').pluck().get() as number);
  const updatedAccounts = new Set<number>();
  const updatedPosts = new Set<number>();
  let followChanges = 0;
  const accountChanged = (id: number, changes: number) => {
    if (changes > 0 && id < firstAccountId) updatedAccounts.add(id);
  };
  const values = (columns: number, rows: number) => Array(rows).fill(`(${Array(columns).fill('?').join(', ')})`).join(', ');
  const accountsSql = 'INSERT OR IGNORE INTO accounts (id, network, handle, handle_key, external_id) VALUES ';
  const insertAccounts = db.prepare(accountsSql + values(5, ROWS_PER_INSERT));
  const insertAccount = db.prepare(accountsSql + values(5, 1));
  const updateAccount = db.prepare(
    `UPDATE accounts SET
       display_name = coalesce(@displayName, display_name), bio = coalesce(@bio, bio), url = coalesce(@url, url),
       location = coalesce(@location, location), default_avatar = coalesce(@defaultAvatar, default_avatar),
       likes_given = coalesce(@likesGiven, likes_given),
       followers = coalesce(@followers, followers), following = coalesce(@following, following),
       posts = coalesce(@posts, posts), listed = coalesce(@listed, listed), verified = coalesce(@verified, verified),
       created_at = coalesce(@createdAt, created_at),
       mentions_received = coalesce(@mentionsReceived, mentions_received),
       reshares_received = coalesce(@resharesReceived, reshares_received),
       replies_received = coalesce(@repliesReceived, replies_received),
       likes_received = coalesce(@likesReceived, likes_received),
       mentions_sent = coalesce(@mentionsSent, mentions_sent),
       reshares_sent = coalesce(@resharesSent, reshares_sent),
       window_days = coalesce(@windowDays, window_days),
       lists = lists | @lists
     WHERE id = @id
       -- only when a value changes: .changes then counts real updates
       AND ((@displayName IS NOT NULL AND @displayName IS NOT display_name) OR (@bio IS NOT NULL AND @bio IS NOT bio) OR
            (@location IS NOT NULL AND @location IS NOT location) OR (@defaultAvatar IS NOT NULL AND @defaultAvatar IS NOT default_avatar) OR
            (@likesGiven IS NOT NULL AND @likesGiven IS NOT likes_given) OR
            (@url IS NOT NULL AND @url IS NOT url) OR (@followers IS NOT NULL AND @followers IS NOT followers) OR
            (@following IS NOT NULL AND @following IS NOT following) OR (@posts IS NOT NULL AND @posts IS NOT posts) OR
            (@listed IS NOT NULL AND @listed IS NOT listed) OR (@verified IS NOT NULL AND @verified IS NOT verified) OR
            (@createdAt IS NOT NULL AND @createdAt IS NOT created_at) OR
            (@mentionsReceived IS NOT NULL AND @mentionsReceived IS NOT mentions_received) OR
            (@resharesReceived IS NOT NULL AND @resharesReceived IS NOT reshares_received) OR
            (@repliesReceived IS NOT NULL AND @repliesReceived IS NOT replies_received) OR
            (@likesReceived IS NOT NULL AND @likesReceived IS NOT likes_received) OR
            (@mentionsSent IS NOT NULL AND @mentionsSent IS NOT mentions_sent) OR
            (@resharesSent IS NOT NULL AND @resharesSent IS NOT reshares_sent) OR (@windowDays IS NOT NULL AND @windowDays IS NOT window_days) OR
            (lists | @lists) != lists)`,
  );
  const setHandle = db.prepare('UPDATE accounts SET handle = @handle, handle_key = @key WHERE id = @id AND (handle IS NOT @handle OR handle_key IS NOT @key)');
  const setExternalId = db.prepare('UPDATE accounts SET external_id = @externalId WHERE id = @id AND external_id IS NOT @externalId');
  const declareIdentity = createIdentityDeclarer(db);
  const insertPost = db.prepare(
    `INSERT INTO posts (network, external_id, author_id, created_at, text, lang, kind, reply_to_post, reshare_of_post,
                        quote_of_post, hashtags, words, likes, reshares, replies, visibility)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (network, external_id) DO UPDATE SET
       text = coalesce(excluded.text, text), lang = coalesce(excluded.lang, lang),
       likes = coalesce(excluded.likes, likes), reshares = coalesce(excluded.reshares, reshares),
       replies = coalesce(excluded.replies, replies)
     WHERE (excluded.text IS NOT NULL AND excluded.text IS NOT text) OR (excluded.lang IS NOT NULL AND excluded.lang IS NOT lang)
        OR (excluded.likes IS NOT NULL AND excluded.likes IS NOT likes) OR (excluded.reshares IS NOT NULL AND excluded.reshares IS NOT reshares)
        OR (excluded.replies IS NOT NULL AND excluded.replies IS NOT replies)
     RETURNING id`,
  );
  const insertFollow = db.prepare(
    `INSERT INTO follows (follower_id, followee_id, created_at) VALUES (?, ?, ?)
     ON CONFLICT (follower_id, followee_id) DO UPDATE SET created_at = excluded.created_at
     WHERE follows.created_at IS NULL AND excluded.created_at IS NOT NULL`,
  );
  // Each row's target post id is looked up as it is inserted (store/target-posts.ts); while
  // the database has no posts, 0 without a lookup. Prepared when first needed.
  const interactionsSql = 'INSERT OR IGNORE INTO interactions (actor_id, kind, event_key, target_id, created_at, source_post, target_post, target_post_id) VALUES ';
  const insertsFor = (postsExist: boolean) => {
    const row = `(?, ?, ?, ?, ?, ?, ?, ${insertedTargetPostIdSql(postsExist)})`;
    const columns = postsExist ? 10 : 8;
    return { postsExist, columns, many: db.prepare(interactionsSql + Array(ROWS_PER_INSERT).fill(row).join(', ')), one: db.prepare(interactionsSql + row) };
  };
  let insertsWithoutPosts: ReturnType<typeof insertsFor> | undefined;
  let insertsWithPosts: ReturnType<typeof insertsFor> | undefined;
  // The network of each account that acts in this import: its target post is looked up there.
  const networks = new Map<number, string>();
  const findNetwork = db.prepare('SELECT network FROM accounts WHERE id = ?').pluck();
  const networkOf = (id: number): string => {
    let network = networks.get(id);
    if (network === undefined) networks.set(id, (network = findNetwork.get(id) as string));
    return network;
  };

  // Accounts this import declared counts for: each gets a snapshot if its counts changed (see finish).
  const declared = new Set<number>();
  const insertSnapshot = db.prepare(
    `INSERT OR IGNORE INTO account_snapshots (account_id, observed_at, followers, following, posts)
     SELECT a.id, @at, a.followers, a.following, a.posts FROM accounts a
      WHERE a.id = @id AND NOT EXISTS (
        SELECT 1 FROM (SELECT followers, following, posts FROM account_snapshots WHERE account_id = a.id ORDER BY observed_at DESC LIMIT 1) s
         WHERE s.followers IS a.followers AND s.following IS a.following AND s.posts IS a.posts)`,
  );

  // Deferred targets need resolving only when this import could change them (see finish).
  let wrotePosts = false;
  /** whether the database holds a post yet (an interaction's target post is looked up only then) */
  const postsExist = (): boolean => lastPostBefore > 0 || wrotePosts;
  let unresolvedTargets = false;
  const run = createRun();
  let flushedRows = 0;
  const rampRows = bulkNew ? NEW_TABLE_ROWS : 0;

  // OR IGNORE plus a count, not a plain multi-row INSERT: one that can fail (UNIQUE on
  // handle and id) needs a statement journal, which copied every page it touched to a
  // temporary file (450 MB of writes for 100k accounts). Any shortfall still fails the
  // import, and so rolls it all back, as the plain INSERT's error would.
  function applyAccounts(a: NewAccounts): void {
    const n = a.ids.length;
    if (postsExist()) for (let i = 0; i < n; i++) networks.set(a.ids[i]!, a.networks[i]!); // else looked up if needed
    const args: unknown[] = new Array(5 * ROWS_PER_INSERT);
    let inserted = 0;
    let i = 0;
    for (; i + ROWS_PER_INSERT <= n; i += ROWS_PER_INSERT) {
      for (let j = 0, k = 0; j < ROWS_PER_INSERT; j++) {
        args[k++] = a.ids[i + j];
        args[k++] = a.networks[i + j];
        args[k++] = a.handles[i + j];
        args[k++] = a.keys[i + j];
        args[k++] = a.externalIds[i + j];
      }
      inserted += insertAccounts.run(...args).changes;
    }
    for (; i < n; i++) inserted += insertAccount.run(a.ids[i], a.networks[i], a.handles[i], a.keys[i], a.externalIds[i]).changes;
    if (inserted !== n) throw new Error(`${n - inserted} new account(s) collided with existing rows: the account cache is out of date`);
  }

  function applyOp(op: WriteOp): void {
    switch (op.op) {
      case 'account': {
        accountChanged(op.values.id, updateAccount.run(op.values).changes);
        const v = op.values;
        if (v.followers !== null || v.following !== null || v.posts !== null) declared.add(v.id);
        return;
      }
      case 'identity':
        declareIdentity.declare(op.accountId, op.identity);
        return;
      case 'post': {
        const v = op.values;
        // positional, not named: better-sqlite3 binds an object key by key (a property lookup each)
        const changed = insertPost.get(
          v.network, v.externalId, v.authorId, v.createdAt, v.text, v.lang, v.kind, v.replyTo, v.reshareOf, v.quoteOf,
          Math.min(v.hashtags, 65535), Math.min(v.text ? countWords(v.text) : 0, 65535), v.likes, v.reshares, v.replies, v.visibility,
        );
        const id = (changed as { id: number } | undefined)?.id;
        if (id !== undefined && id <= lastPostBefore) updatedPosts.add(id);
        wrotePosts = true;
        return;
      }
      case 'set-handle':
        accountChanged(op.id, setHandle.run({ handle: op.handle, key: op.key, id: op.id }).changes);
        return;
      case 'set-external-id':
        accountChanged(op.id, setExternalId.run({ externalId: op.externalId, id: op.id }).changes);
        return;
      case 'merge':
        // The buffered interactions may name `drop`: they must be in the table to be moved.
        flushRun();
        mergeAccounts(db, op.keep, op.drop);
        return;
    }
  }

  function flushRun(): void {
    const n = run.n;
    if (n === 0) return;
    const inserts = postsExist() ? (insertsWithPosts ??= insertsFor(true)) : (insertsWithoutPosts ??= insertsFor(false));
    const { columns, postsExist: looksUp } = inserts;
    const order = sortByActor(run.actor, n);
    const args: unknown[] = new Array(columns * ROWS_PER_INSERT);
    let k = 0;
    for (let j = 0; j < n; j++) {
      const i = order[j]!;
      const kind = run.kind[i]!;
      const time = run.time[i]!;
      const source = run.sourcePost[i]!;
      const target = run.targetPost[i]!;
      const actor = run.actor[i];
      args[k++] = actor;
      args[k++] = KIND_BY_CODE[kind];
      args[k++] = deriveEventKey(kind, time, source, target);
      args[k++] = run.target[i];
      args[k++] = Number.isNaN(time) ? null : time;
      args[k++] = source;
      args[k++] = target;
      // the target post id's placeholders (target-posts.ts insertedTargetPostIdSql)
      if (looksUp) {
        args[k++] = target === null ? null : networkOf(actor!);
        args[k++] = target;
      }
      args[k++] = target === null ? null : 0;
      if (k === args.length) {
        // Spread, not the array: better-sqlite3 then reads arguments directly instead of
        // one generic property lookup per element (-10% for the whole insert).
        inserts.many.run(...args);
        k = 0;
      }
    }
    for (let r = 0; r < k; r += columns) inserts.one.run(args.slice(r, r + columns));
    flushedRows += n;
    run.clear();
  }

  return {
    apply(batch) {
      applyAccounts(batch.accounts);
      for (const op of batch.ops) applyOp(op);
      const f = batch.follows;
      for (let i = 0; i < f.n; i++) followChanges += insertFollow.run(f.follower[i], f.followee[i], Number.isNaN(f.time[i]!) ? null : f.time[i]).changes;
      const inter = batch.interactions;
      for (let i = 0; i < inter.n; i++) if (inter.target[i] === 0 && inter.targetPost[i] !== null) unresolvedTargets = true;
      run.append(inter);
      if (run.n >= (flushedRows < rampRows ? 1 : RUN_ROWS)) flushRun();
    },
    finish(imports) {
      flushRun();
      // built once over all rows; a duplicate handle or id (a resolver fault) fails the import here
      for (const sql of laterIndexes) db.exec(sql);
      // Pending rows can only resolve through a post, and only rows left pending need it.
      if (wrotePosts || unresolvedTargets) resolveDeferredTargets(db);
      // Rows written before the post they name (in an earlier import, or earlier in this one)
      // find it now; only new posts can match a row already looked up.
      if (wrotePosts && (db.prepare('SELECT coalesce(max(id), 0) FROM posts').pluck().get() as number) > lastPostBefore) resolveTargetPosts(db, lastPostBefore);
      // Declared counts as this import left them, dated by the import (a re-import of the
      // same counts adds nothing): the follower series of successive imports.
      const at = imports[0]?.importedAt;
      if (at !== undefined) for (const id of declared) insertSnapshot.run({ id, at });
      const after = countRows(db);
      const added = {
        accounts: after.accounts - before.accounts,
        posts: after.posts - before.posts,
        interactions: after.interactions - before.interactions,
        follows: after.follows - before.follows,
        identities: after.identities - before.identities,
        ...(declareIdentity.moved ? { identitiesMoved: declareIdentity.moved } : {}),
        ...(declareIdentity.kept ? { identitiesKept: declareIdentity.kept } : {}),
      };
      // a follow upsert changes a row only to add a time it lacked: changes beyond the new rows are updates
      const updated = { accounts: updatedAccounts.size, posts: updatedPosts.size, follows: Math.max(0, followChanges - added.follows) };
      const changed = Object.values(added).some((n) => n > 0) || Object.values(updated).some((n) => n > 0);
      const log = db.prepare('INSERT INTO imports (path, sha256, format, bytes, counts, imported_at) VALUES (?, ?, ?, ?, ?, ?)');
      for (const r of imports) if (changed || !r.onlyIfChanged) log.run(r.path, r.sha256, r.format, r.bytes, r.counts, r.importedAt);
      return { ...added, updated };
    },
  };
}

/**
 * A new database built aside (store/new-db-target.ts) gets its accounts' lookup indexes
 * (handle, platform id) after its rows, built once from them: keeping them up to date
 * through 100k inserts in id order, their keys in random order, cost the database writer
 * more than building them at the end. Nothing reads accounts by handle or id while the file
 * is written: the importer resolves accounts from its own caches, and the writer's
 * statements find accounts by row id. Returns the SQL that creates them again.
 */
function deferAccountIndexes(db: Db): string[] {
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'accounts' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  // names from this database's own schema (migrations), quoted as identifiers
  for (const { name } of indexes) db.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  return indexes.map((i) => i.sql);
}

/** A growable column buffer of interactions awaiting a sorted insert. */
function createRun() {
  const run = {
    n: 0,
    actor: new Float64Array(RUN_ROWS),
    target: new Float64Array(RUN_ROWS),
    kind: new Uint8Array(RUN_ROWS),
    time: new Float64Array(RUN_ROWS),
    sourcePost: [] as (string | null)[],
    targetPost: [] as (string | null)[],
    append(c: InteractionColumns) {
      const need = run.n + c.n;
      if (need > run.actor.length) {
        const size = Math.max(need, run.actor.length * 2);
        const grow = <T extends Float64Array | Uint8Array>(a: T, b: T): T => {
          b.set(a);
          return b;
        };
        run.actor = grow(run.actor, new Float64Array(size));
        run.target = grow(run.target, new Float64Array(size));
        run.kind = grow(run.kind, new Uint8Array(size));
        run.time = grow(run.time, new Float64Array(size));
      }
      run.actor.set(c.actor, run.n);
      run.target.set(c.target, run.n);
      run.kind.set(c.kind, run.n);
      run.time.set(c.time, run.n);
      for (let i = 0; i < c.n; i++) {
        run.sourcePost.push(c.sourcePost[i]!);
        run.targetPost.push(c.targetPost[i]!);
      }
      run.n = need;
    },
    clear() {
      run.n = 0;
      run.sourcePost = [];
      run.targetPost = [];
    },
  };
  return run;
}

/**
 * Counting sort of buffer positions by actor id (O(n)); within one actor the original
 * order is kept, so of two copies of one event the first still wins (INSERT OR IGNORE).
 */
function sortByActor(actor: Float64Array, n: number): Int32Array {
  let max = 0;
  for (let i = 0; i < n; i++) if (actor[i]! > max) max = actor[i]!;
  if (max > 4 * n + 1_000_000) {
    // Sparse ids (a huge database, a small run): a comparison sort is cheaper than the count table.
    return Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => actor[a]! - actor[b]! || a - b);
  }
  const start = new Int32Array(max + 2);
  for (let i = 0; i < n; i++) start[actor[i]! + 1]!++;
  for (let a = 1; a < start.length; a++) start[a]! += start[a - 1]!;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[start[actor[i]!]!++] = i;
  return order;
}

/** Number of words in a post, hashtags and mentions excluded (for hashtag-stuffing ratios). */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/u)) {
    if (token && !token.startsWith('#') && !token.startsWith('@') && /[\p{L}\p{N}]/u.test(token)) n++;
  }
  return n;
}

/**
 * Interactions whose target the export did not name (a reply known by the replied post's
 * id only, a Twitter like) get the target post's author once that post is in the
 * database — from this import or an earlier one, in any order. Where the resolved row
 * already exists (the same event given with its target), the unresolved copy is dropped.
 */
function resolveDeferredTargets(db: Db): void {
  db.prepare(
    `UPDATE OR IGNORE interactions SET target_id = (
        SELECT p.author_id FROM posts p JOIN accounts a ON a.id = interactions.actor_id
         WHERE p.network = a.network AND p.external_id = interactions.target_post)
      WHERE target_id = 0 AND target_post IS NOT NULL
        AND EXISTS (SELECT 1 FROM posts p JOIN accounts a ON a.id = interactions.actor_id
                     WHERE p.network = a.network AND p.external_id = interactions.target_post)`,
  ).run();
  // What is left unresolved with a known post is a duplicate of a row already resolved.
  db.prepare(
    `DELETE FROM interactions AS i WHERE i.target_id = 0 AND i.target_post IS NOT NULL AND EXISTS (
        SELECT 1 FROM posts p JOIN accounts a ON a.id = i.actor_id
         WHERE p.network = a.network AND p.external_id = i.target_post)`,
  ).run();
}
