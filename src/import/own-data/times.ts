/**
 * Times as own-data exports write them. Meta: Unix seconds. TikTok and LinkedIn:
 * `2024-12-15 19:03:14`, with no time zone (read as UTC: TikTok and LinkedIn write their
 * exports in UTC; a `UTC` suffix, as TikTok's comments have, is accepted), LinkedIn's
 * connections `09 Sep 2022`, and older LinkedIn exports' `3/1/18, 10:04 AM`, `3/1/18` and
 * `Mar 1, 2018` (US order, UTC).
 */
import { parseTime } from '../values.js';
import { checkedUtc } from '../checked-time.js';

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };
const DAY_MONTH_YEAR = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*\.?[ -](\d{4})$/;
const US_DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const MONTH_DAY_YEAR = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/** A time field that is written but holds no time ('abc', -5, true, an object): the record is reported, naming the field. */
export class NotATime extends Error {
  constructor(
    readonly field: string,
    readonly raw: unknown,
  ) {
    super(`${field} is not a time`);
  }
}

/**
 * Epoch ms of a Meta time: Unix seconds as a number or digits (an ISO 8601 text is read
 * too). Undefined when absent or 0, which Meta writes for a time it does not know. Anything
 * else throws NotATime: a damaged value dropped silently would lose the time of a follow.
 */
export function fromUnixSeconds(v: unknown, field = 'timestamp'): number | undefined {
  if (v === undefined || v === null || v === '' || v === 0 || v === '0') return undefined;
  if (typeof v === 'number') {
    if (Number.isFinite(v) && v > 0) return Math.round(v * 1000);
    throw new NotATime(field, v);
  }
  if (typeof v === 'string') {
    const s = v.trim();
    if (/^\d{1,12}(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
    try {
      const t = /^\d{4}-\d{2}-\d{2}/.test(s) ? parseTime(s) : undefined;
      if (t !== undefined) return t;
    } catch {
      // not a time either way: reported below
    }
  }
  throw new NotATime(field, v);
}

/** Epoch ms of a date or date-time as TikTok and LinkedIn write them (UTC); undefined when it is none of those forms. */
export function parseExportTime(raw: unknown): number | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim().replace(/\s+UTC$/i, '');
  if (!s) return undefined;
  const dmy = DAY_MONTH_YEAR.exec(s);
  if (dmy) return utc(Number(dmy[3]), MONTHS[dmy[2]!.toLowerCase()], Number(dmy[1]), 0, 0, 0);
  const us = US_DATE_TIME.exec(s);
  if (us) {
    const year = us[3]!.length === 2 ? 2000 + Number(us[3]) : Number(us[3]);
    return utc(year, Number(us[1]) - 1, Number(us[2]), hour12(us[4], us[7]), Number(us[5] ?? 0), Number(us[6] ?? 0));
  }
  const mdy = MONTH_DAY_YEAR.exec(s);
  if (mdy) return utc(Number(mdy[3]), MONTHS[mdy[1]!.toLowerCase()], Number(mdy[2]), hour12(mdy[4], mdy[7]), Number(mdy[5] ?? 0), Number(mdy[6] ?? 0));
  try {
    return parseTime(s);
  } catch {
    return undefined;
  }
}

/** The 24-hour hour of `10` with `PM` (22), `12 AM` (0); no hour is midnight. */
function hour12(hour: string | undefined, ampm: string | undefined): number {
  let h = Number(hour ?? 0);
  const a = ampm?.toLowerCase();
  if (a === 'pm' && h < 12) h += 12;
  if (a === 'am' && h === 12) h = 0;
  return h;
}

/** A UTC time from its parts (month 0-11), or undefined for a day the month lacks or a part out of range (checkedUtc). */
function utc(year: number, month: number | undefined, day: number, hour: number, minute: number, second: number): number | undefined {
  return month === undefined ? undefined : checkedUtc(year, month + 1, day, hour, minute, second);
}
