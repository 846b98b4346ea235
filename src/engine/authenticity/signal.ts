/** What each signal module returns: the accounts it flags, with severity and evidence. */
import type { Flag } from '../result-types.js';

/** A flag before damping: `factor` is attached by damping.ts from the severity. */
export type RawFlag = Omit<Flag, 'factor'>;

/** One account a signal fired on. */
export interface SignalHit {
  account: number;
  flag: RawFlag;
}
