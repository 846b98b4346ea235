/**
 * Calendar checks for times read from text. Date.UTC and Date.parse roll a day the month
 * does not have over into the next month (2026-02-31 is March 3rd, 'Mar 36' is April 5th)
 * and take any zone offset: a typo or a damaged file became a plausible, wrong date. Every
 * reader of a date-time text checks its parts here first.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when the day exists: month 1-12, day 1 to the month's length (29 February in leap years). */
export function isCalendarDate(year: number, month: number, dayOfMonth: number): boolean {
  if (!(month >= 1 && month <= 12 && dayOfMonth >= 1)) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return dayOfMonth <= DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0);
}

/**
 * Epoch ms of a date and time of day at a zone offset (minutes east of UTC), or undefined
 * when a part is out of range: a day the month lacks, hour 24 or more, minute 60 or more,
 * second past 60 (a leap second), or an offset beyond ±14:00 (the widest real zone).
 * E.g. (2026, 3, 6, 13, 2, 5, 0) -> Date.UTC(2026, 2, 6, 13, 2, 5); (2026, 3, 36, ...) -> undefined.
 */
export function checkedUtc(year: number, month: number, day: number, hour: number, minute: number, second: number, offsetMinutes = 0): number | undefined {
  if (!isCalendarDate(year, month, day)) return undefined;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60)) return undefined;
  if (!(Math.abs(offsetMinutes) <= 14 * 60)) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
}

/** True when an ISO 8601 text's date part (its first ten characters, YYYY-MM-DD) is a real day. */
export function isoDateExists(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(s) && isCalendarDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
}

/** A zone suffix (`+0000`, `-04:30`) in minutes east of UTC, or NaN when its minutes are 60 or more. */
export function zoneOffsetMinutes(sign: string, hours: string, minutes: string): number {
  const m = Number(minutes);
  return m >= 60 ? NaN : (sign === '-' ? -1 : 1) * (Number(hours) * 60 + m);
}
