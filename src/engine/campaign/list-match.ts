/** Matches a follower list against the scored population: every entry ranked-able or unknown. */
import type { AccountColumns } from '../dataset.js';
import type { FollowerList, ListEntry } from './list.js';

export interface UnknownEntry {
  input: string;
  line: number;
  reason: 'not in the database' | 'on several networks';
}

export interface ListMatch {
  /** population index -> the list entry that named it */
  matched: Map<number, ListEntry>;
  unknown: UnknownEntry[];
  /** list entries that name an account already matched by an earlier entry (e.g. @a and twitter:a) */
  repeated: ListEntry[];
}

/** Looks each list entry up by handle (case-insensitive), honouring a network when the entry names one. */
export function matchFollowerList(accounts: AccountColumns, index: Map<string, number[]>, list: FollowerList): ListMatch {
  const out: ListMatch = { matched: new Map(), unknown: [], repeated: [] };
  for (const e of list.entries) {
    const found = (index.get(e.handle.toLowerCase()) ?? []).filter((i) => e.network === undefined || accounts.network[i] === e.network);
    if (found.length === 0) out.unknown.push({ input: e.input, line: e.line, reason: 'not in the database' });
    else if (found.length > 1) out.unknown.push({ input: e.input, line: e.line, reason: 'on several networks' });
    else if (out.matched.has(found[0]!)) out.repeated.push(e);
    else out.matched.set(found[0]!, e);
  }
  return out;
}
