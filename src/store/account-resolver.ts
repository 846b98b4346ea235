/**
 * Turns AccountRefs (handle and/or platform id) into account row ids, creating accounts
 * the first time they are named. Records arrive in any order, across files and commands:
 * a follower known only by id and a mention known only by handle become one account as
 * soon as a record names both, and the two rows are merged.
 *
 * It runs on the importing thread and never waits for the database writer: new ids are
 * handed out from the first free id (the writer holds the write lock, so nobody else can
 * take them), and the writes it decides on go out as batch entries. Lookups of accounts
 * that existed before the import go through `readDb`, a connection outside the import's
 * transaction: under WAL it sees the last commit, which is exactly the pre-import state;
 * everything this import creates or changes is in the caches.
 */
import type { AccountRef } from './records.js';
import type { Db } from './open.js';
import { KeyIdMap } from './key-id-map.js';
import type { BatchBuilder } from './write-batch.js';

/** Networks with at most this many accounts are cached whole on first use (~0.1 s per 100k). */
export const PRELOAD_LIMIT = 250_000;

/** Lower-cased lookup key of a handle: handles are case-insensitive on every network we read. */
export function handleKey(handle: string): string {
  return (handle.charCodeAt(0) === 64 /* @ */ ? handle.slice(1) : handle).toLowerCase();
}

/** Account ids for references, with accounts created as needed. */
export interface AccountResolver {
  /** the account id for a reference, creating the account when it is new */
  resolve(ref: AccountRef): number;
  /** how many accounts were created and merged so far */
  stats(): { created: number; merged: number };
}

/** Per network: handle key -> id and external id -> id, and whether they hold the whole network. */
interface NetworkCache {
  byHandle: KeyIdMap;
  byExternal: KeyIdMap;
  complete: boolean;
}

/**
 * A resolver reading pre-import accounts from `readDb` (null: a new database, none), handing out ids from
 * `firstNewId` and sending its writes to `out`. `preloadLimit` is for tests of the
 * large-network path.
 */
export function createAccountResolver(
  readDb: Db | null,
  firstNewId: number,
  out: BatchBuilder,
  options: { preloadLimit?: number } = {},
): AccountResolver {
  const preloadLimit = options.preloadLimit ?? PRELOAD_LIMIT;
  const networks = new Map<string, NetworkCache>();
  // A new database (no reader) has no accounts: every network's cache is complete from the start.
  const prior = readDb && {
    count: readDb.prepare('SELECT count(*) FROM accounts WHERE network = ?').pluck(),
    list: readDb.prepare('SELECT id, handle_key, external_id FROM accounts WHERE network = ?').raw(),
    byHandle: readDb.prepare('SELECT id FROM accounts WHERE network = ? AND handle_key = ?').pluck(),
    byExternal: readDb.prepare('SELECT id FROM accounts WHERE network = ? AND external_id = ?').pluck(),
  };
  let nextId = firstNewId;
  let created = 0;
  let merged = 0;
  // Rows of one file share a network: remember the last one's cache.
  let lastNetwork: string | undefined;
  let lastCache: NetworkCache | undefined;

  const cacheFor = (network: string): NetworkCache => {
    if (network === lastNetwork) return lastCache!;
    let cache = networks.get(network);
    if (!cache) {
      cache = { byHandle: new KeyIdMap(), byExternal: new KeyIdMap(), complete: false };
      networks.set(network, cache);
      if (!prior) cache.complete = true;
      else if ((prior.count.get(network) as number) <= preloadLimit) {
        for (const [id, key, ext] of prior.list.iterate(network) as Iterable<[number, string | null, string | null]>) {
          if (key !== null) cache.byHandle.set(key, id);
          if (ext !== null) cache.byExternal.set(ext, id);
        }
        cache.complete = true;
      }
    }
    lastNetwork = network;
    lastCache = cache;
    return cache;
  };
  const lookup = (map: KeyIdMap, cache: NetworkCache, network: string, value: string, column: 'byHandle' | 'byExternal'): number | undefined => {
    let id = map.get(value);
    if (id === undefined && !cache.complete) {
      id = prior![column].get(network, value) as number | undefined;
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
    const cache = cacheFor(network);
    const idByHandle = key !== undefined ? lookup(cache.byHandle, cache, network, key, 'byHandle') : undefined;
    // The common case of bulk tables: a handle only, already known.
    if (idByHandle !== undefined && ext === undefined) return idByHandle;
    const idByExternal = ext !== undefined ? lookup(cache.byExternal, cache, network, ext, 'byExternal') : undefined;

    if (idByHandle !== undefined && idByExternal !== undefined && idByHandle !== idByExternal) {
      out.op({ op: 'merge', keep: idByHandle, drop: idByExternal });
      merged++;
      cache.byExternal.set(ext!, idByHandle);
      out.op({ op: 'set-external-id', id: idByHandle, externalId: ext! });
      return idByHandle;
    }
    const id = idByHandle ?? idByExternal;
    if (id !== undefined) {
      if (idByHandle === undefined && key !== undefined) {
        out.op({ op: 'set-handle', id, handle: handle!, key });
        cache.byHandle.set(key, id);
      }
      if (idByExternal === undefined && ext !== undefined) {
        out.op({ op: 'set-external-id', id, externalId: ext });
        cache.byExternal.set(ext, id);
      }
      return id;
    }
    const newId = nextId++;
    out.addAccount(newId, network, handle ?? null, key ?? null, ext ?? null);
    created++;
    if (key !== undefined) cache.byHandle.set(key, newId);
    if (ext !== undefined) cache.byExternal.set(ext, newId);
    return newId;
  }

  return { resolve, stats: () => ({ created, merged }) };
}
