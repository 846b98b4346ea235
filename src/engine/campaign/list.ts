/**
 * A campaign list (a follower export, a shortlist) as the engine sees it: every line of the
 * file accounted for, as an entry or a duplicate. inputs/follower-list.ts reads the file.
 */
import type { HandleSpec } from '../handles.js';

/** One line of a list that names an account. */
export interface ListEntry extends HandleSpec {
  /** the text as written in the list */
  input: string;
  /** 1-based line */
  line: number;
  /** the list's other columns, by header name */
  extra: Record<string, string>;
}

/** A parsed list. */
export interface FollowerList {
  entries: ListEntry[];
  /** names of the extra columns, in file order */
  extraColumns: string[];
  /** repeated handles: counted once, listed here */
  duplicates: ListEntry[];
}
