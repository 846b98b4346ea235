/**
 * Small readers for Twitter archive values: every number is a string there, ids overflow
 * JS numbers, dates use Twitter's own format, and "-1" stands for an unresolvable account.
 */
import { isStorableTime, type AccountRef } from '../../store/records.js';
import { checkedUtc, isoDateExists, zoneOffsetMinutes } from '../checked-time.js';

/** The network name of every ref this adapter makes. */
export const NETWORK = 'twitter';

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };
const TWITTER_DATE = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** 'Fri Mar 06 13:02:05 +0000 2026' (or an ISO 8601 time) -> epoch ms; undefined otherwise (and outside TIME_RANGE). */
export function parseTwitterDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = TWITTER_DATE.exec(value.trim());
  if (m) {
    const month = MONTHS[m[1]!];
    if (month === undefined) return undefined;
    // checked: Date.UTC took 'Mar 36' for April 5th and any offset
    const ms = checkedUtc(Number(m[9]), month + 1, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), zoneOffsetMinutes(m[6]!, m[7]!, m[8]!));
    return ms !== undefined && isStorableTime(ms) ? ms : undefined;
  }
  if (ISO_DATE.test(value.trim()) && isoDateExists(value.trim())) {
    const ms = Date.parse(value);
    return Number.isFinite(ms) && isStorableTime(ms) ? ms : undefined;
  }
  return undefined;
}

/** A platform id as text: a string of digits, or a safe integer; never "-1". */
export function readId(value: unknown): string | undefined {
  if (typeof value === 'string') return /^\d{1,30}$/.test(value) ? value : undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'bigint' && value >= 0n) return value.toString(); // exact, from the lossless reader
  return undefined;
}

/** A count given as "12" (or 12) -> 12; anything else -> undefined. */
export function readCount(value: unknown): number | undefined {
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  return undefined;
}

/**
 * A count field of a record: undefined when absent (or null), the count when readable, and
 * 'invalid' when present but not a count ("abc", 20 digits, "-1"), which the caller reports
 * as a bad record rather than dropping the value without a word.
 */
export function readCountField(value: unknown): number | undefined | 'invalid' {
  if (value === undefined || value === null) return undefined;
  return readCount(value) ?? 'invalid';
}

/** A non-empty string, or undefined. */
export function readString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A Twitter handle without '@' (letters, digits, underscore), or undefined. */
export function readHandle(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const h = value.replace(/^@/, '');
  return /^\w{1,50}$/.test(h) ? h : undefined;
}

/** The object itself when `value` is a plain object. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The array itself, or an empty one. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** An AccountRef with only the parts that are known (undefined when neither is). */
export function makeRef(handle: string | undefined, externalId: string | undefined): AccountRef | undefined {
  if (handle === undefined && externalId === undefined) return undefined;
  const ref: AccountRef = { network: NETWORK };
  if (handle !== undefined) ref.handle = handle;
  if (externalId !== undefined) ref.externalId = externalId;
  return ref;
}

const STATUS_URL = /^https?:\/\/(?:www\.|mobile\.|m\.)?(?:twitter|x)\.com\/(?:i\/web\/|i\/)?(?:(\w{1,50})\/)?status(?:es)?\/(\d{1,30})(?:[/?#]|$)/i;

/**
 * A tweet link -> its id and, when the path names one, its author's handle.
 * 'https://x.com/jack/status/20', 'https://twitter.com/i/web/status/20' (no handle).
 */
export function parseStatusUrl(url: unknown): { id: string; handle?: string } | undefined {
  if (typeof url !== 'string') return undefined;
  const m = STATUS_URL.exec(url);
  if (!m) return undefined;
  const handle = m[1];
  return handle && handle.toLowerCase() !== 'i' ? { id: m[2]!, handle } : { id: m[2]! };
}
