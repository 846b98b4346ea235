/**
 * Turns AccountRefs (handle and/or platform id) into account row ids, creating accounts
 * the first time they are named. Records arrive in any order, across files and commands:
 * a follower known only by id and a mention known only by handle become one account as
 * soon as a record names both, and the two rows are merged.
 */
import type { AccountRef } from '../import/records.js';
import type { Db } from './open.js';

/** Networks with at most this many accounts are cached whole on first use (~0.1 s per 100k). */
const PRELOAD_LIMIT = 250_000;

/** Lower-cased lookup key of a handle: handles are case-insensitive on every network we read. */
export function handleKey(handle: string): string {
  return (handle.charCodeAt(0) === 64 /* @ */ ? handle.slice(1) : handle).toLowerCase();
}

export interface AccountResolver {
  /** the account id for a reference, creating the account when it is new */
  resolve(ref: AccountRef): number;
  /** how many accounts were created and merged so far */
  stats(): { created: number; merged: number };
}

/** Builds a resolver over the database, with an in-memory cache for bulk imports. */
export function createAccountResolver(db: Db): AccountResolver {
  // Per network: handle key -> id and external id -> id. A network's existing accounts
  // are loaded on first use when there are not too many (bulk loads then never query
  // per row); beyond that, each miss is one indexed lookup.
  const byHandle = new Map<string, Map<string, number>>();
  const byExternal = new Map<string, Map<string, number>>();
  const complete = new Set<string>();
  const countNetwork = db.prepare('SELECT count(*) FROM accounts WHERE network = ?').pluck();
  const listNetwork = db.prepare('SELECT id, handle_key, external_id FROM accounts WHERE network = ?').raw();
  const findByHandle = db.prepare('SELECT id FROM accounts WHERE network = ? AND handle_key = ?').pluck();
  const findByExternal = db.prepare('SELECT id FROM accounts WHERE network = ? AND external_id = ?').pluck();
  const insert = db.prepare('INSERT INTO accounts (network, handle, handle_key, external_id) VALUES (?, ?, ?, ?)');
  const setHandle = db.prepare('UPDATE accounts SET handle = ?, handle_key = ? WHERE id = ?');
  const setExternal = db.prepare('UPDATE accounts SET external_id = ? WHERE id = ?');
  let created = 0;
  let merged = 0;

  const mapsFor = (network: string): [Map<string, number>, Map<string, number>] => {
    let h = byHandle.get(network);
    let e = byExternal.get(network);
    if (h && e) return [h, e];
    h = new Map();
    e = new Map();
    byHandle.set(network, h);
    byExternal.set(network, e);
    if ((countNetwork.get(network) as number) <= PRELOAD_LIMIT) {
      for (const [id, key, ext] of listNetwork.iterate(network) as Iterable<[number, string | null, string | null]>) {
        if (key !== null) h.set(key, id);
        if (ext !== null) e.set(ext, id);
      }
      complete.add(network);
    }
    return [h, e];
  };
  const lookup = (map: Map<string, number>, network: string, value: string, find: typeof findByHandle): number | undefined => {
    let id = map.get(value);
    if (id === undefined && !complete.has(network)) {
      id = find.get(network, value) as number | undefined;
      if (id !== undefined) map.set(value, id);
    }
    return id;
  };

  function resolve(ref: AccountRef): number {
    const network = ref.network;
    const handle = ref.handle ? (ref.handle.charCodeAt(0) === 64 ? ref.handle.slice(1) : ref.handle) : undefined;
    const key = handle ? handleKey(handle) : undefined;
    const ext = ref.externalId || undefined;
    if (key === undefined && ext === undefined) throw new Error('an account reference needs a handle or an id');
    const [handles, externals] = mapsFor(network);
    const idByHandle = key !== undefined ? lookup(handles, network, key, findByHandle) : undefined;
    const idByExternal = ext !== undefined ? lookup(externals, network, ext, findByExternal) : undefined;

    if (idByHandle !== undefined && idByExternal !== undefined && idByHandle !== idByExternal) {
      mergeAccounts(db, idByHandle, idByExternal);
      merged++;
      externals.set(ext!, idByHandle);
      setExternal.run(ext, idByHandle);
      return idByHandle;
    }
    const id = idByHandle ?? idByExternal;
    if (id !== undefined) {
      if (idByHandle === undefined && key !== undefined) {
        setHandle.run(handle, key, id);
        handles.set(key, id);
      }
      if (idByExternal === undefined && ext !== undefined) {
        setExternal.run(ext, id);
        externals.set(ext, id);
      }
      return id;
    }
    const newId = Number(insert.run(network, handle ?? null, key ?? null, ext ?? null).lastInsertRowid);
    created++;
    if (key !== undefined) handles.set(key, newId);
    if (ext !== undefined) externals.set(ext, newId);
    return newId;
  }

  return { resolve, stats: () => ({ created, merged }) };
}

/**
 * Folds account `drop` into `keep`: every reference moves to `keep`, declared fields that
 * `keep` lacks are taken from `drop`, and `drop` is deleted. Rare (one account first seen
 * by id, then by handle), so plain statements are fine.
 */
export function mergeAccounts(db: Db, keep: number, drop: number): void {
  db.prepare(
    `UPDATE accounts SET
       display_name = coalesce(display_name, (SELECT display_name FROM accounts WHERE id = @drop)),
       bio = coalesce(bio, (SELECT bio FROM accounts WHERE id = @drop)),
       url = coalesce(url, (SELECT url FROM accounts WHERE id = @drop)),
       followers = coalesce(followers, (SELECT followers FROM accounts WHERE id = @drop)),
       following = coalesce(following, (SELECT following FROM accounts WHERE id = @drop)),
       posts = coalesce(posts, (SELECT posts FROM accounts WHERE id = @drop)),
       listed = coalesce(listed, (SELECT listed FROM accounts WHERE id = @drop)),
       verified = coalesce(verified, (SELECT verified FROM accounts WHERE id = @drop)),
       created_at = coalesce(created_at, (SELECT created_at FROM accounts WHERE id = @drop))
     WHERE id = @keep`,
  ).run({ keep, drop });
  db.prepare('UPDATE posts SET author_id = ? WHERE author_id = ?').run(keep, drop);
  db.prepare('UPDATE OR IGNORE interactions SET actor_id = ? WHERE actor_id = ?').run(keep, drop);
  db.prepare('UPDATE OR IGNORE interactions SET target_id = ? WHERE target_id = ?').run(keep, drop);
  db.prepare('DELETE FROM interactions WHERE actor_id = ? OR target_id = ?').run(drop, drop);
  db.prepare('UPDATE OR IGNORE follows SET follower_id = ? WHERE follower_id = ?').run(keep, drop);
  db.prepare('UPDATE OR IGNORE follows SET followee_id = ? WHERE followee_id = ?').run(keep, drop);
  db.prepare('DELETE FROM follows WHERE follower_id = ? OR followee_id = ?').run(drop, drop);
  db.prepare('UPDATE OR IGNORE identities SET account_id = ? WHERE account_id = ?').run(keep, drop);
  db.prepare('DELETE FROM identities WHERE account_id = ?').run(drop);
  for (const table of ['scores', 'topic_scores', 'flags']) {
    db.prepare(`UPDATE OR IGNORE ${table} SET account_id = ? WHERE account_id = ?`).run(keep, drop);
    db.prepare(`DELETE FROM ${table} WHERE account_id = ?`).run(drop);
  }
  db.prepare('DELETE FROM accounts WHERE id = ?').run(drop);
}
