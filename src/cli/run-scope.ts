/**
 * The scope of a run a command stores (store/runs.ts RunScope): its population, named from
 * what the user asked for, and the data it read. Populations are rules, not account lists,
 * so runs over time compare although imports add accounts:
 *   all                  every account in the database (score --all, report threshold)
 *   topic:<id>           accounts with that topic assigned (report threshold --topic)
 *   list:<hash>          the accounts of a follower list (its handles, sorted; --list)
 *   list:<hash>+topic:<id>
 *   accounts:<hash>      accounts named on the command line (score @a @b), by database id
 * A hash is the first 16 hex digits of the SHA-256 of the sorted entries, one per line.
 */
import crypto from 'node:crypto';
import type { FollowerList } from '../engine/campaign/list.js';
import { formatDataFingerprint, type DataFingerprint } from '../store/data-fingerprint.js';
import type { RunScope } from '../store/runs.js';

const hashLines = (lines: string[]): string => crypto.createHash('sha256').update(lines.sort().join('\n')).digest('hex').slice(0, 16);

/** The population of a run over named accounts (database ids). */
export function accountsPopulation(dbIds: Iterable<number>): string {
  return `accounts:${hashLines([...new Set(dbIds)].map(String))}`;
}

/** The population of a report over every account, or a list's, narrowed to a topic (taxonomy id) when given. */
export function reportPopulation(list: FollowerList | null, topicId: string | null): string {
  const parts = [list ? `list:${hashLines(list.entries.map((e) => `${e.network ?? ''}:${e.handle.toLowerCase()}`))}` : null, topicId !== null ? `topic:${topicId}` : null].filter((x) => x !== null);
  return parts.length ? parts.join('+') : 'all';
}

/** The scope a run is stored with. */
export function runScopeOf(population: string, data: DataFingerprint): RunScope {
  return { population, data: formatDataFingerprint(data) };
}
