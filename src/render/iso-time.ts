/**
 * An epoch-ms time as ISO 8601 text, exactly `new Date(ms).toISOString()`, without making
 * a Date: `score --all --json` writes one per account (100k Date objects and their
 * formatting were a tenth of writing the document).
 *
 * The calendar date is the proleptic Gregorian date of the day number (H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms", civil_from_days), as ECMA-262's
 * YearFromTime/MonthFromTime/DateFromTime define it. E.g. 0 -> 1970-01-01T00:00:00.000Z,
 * 951782400000 (day 11016) -> 2000-02-29T00:00:00.000Z. Only whole milliseconds of the
 * years 0000-9999 are formatted here (toISOString writes other years with six digits and a
 * sign, and truncates a fraction); anything else goes to Date itself.
 */

const DAY_MS = 86_400_000;
/** 9999-12-31T23:59:59.999Z: the last time toISOString writes with a four-digit year. */
const LAST_FOUR_DIGIT_MS = 253_402_300_799_999;
/** -62167219200000 = 0000-01-01T00:00:00.000Z: the first. */
const FIRST_FOUR_DIGIT_MS = -62_167_219_200_000;

const pad2 = Array.from({ length: 100 }, (_, k) => String(k).padStart(2, '0'));
const pad3 = Array.from({ length: 1000 }, (_, k) => String(k).padStart(3, '0'));

// the date part of the last day formatted: times of one day in a row share it
let lastDay = NaN;
let lastDate = '';

/** `new Date(ms).toISOString()` (see the module doc). */
export function isoTime(ms: number): string {
  if (!Number.isInteger(ms) || ms < FIRST_FOUR_DIGIT_MS || ms > LAST_FOUR_DIGIT_MS) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  if (day !== lastDay) {
    lastDate = dateOfDay(day);
    lastDay = day;
  }
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  return `${lastDate}T${pad2[h]}:${pad2[m]}:${pad2[s]}.${pad3[rest - s * 1000]}Z`;
}

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01), years 0-9999. */
function dateOfDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097; // day of the 400-year era, 0..146096
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // from March 1st
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2[month]}-${pad2[d]}`;
}
