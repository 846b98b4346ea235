/**
 * Parsers for cell values shared by the adapters. Each returns a value or throws a
 * ValueError saying what was expected; the adapter adds file, line and field.
 */

import { TIME_RANGE, isStorableTime } from '../store/records.js';
import { checkedUtc, isCalendarDate, isoDateExists, zoneOffsetMinutes } from './checked-time.js';

export class ValueError extends Error {
  constructor(
    readonly expected: string,
    readonly fix: string,
  ) {
    super(`expected ${expected}`);
  }
}

/**
 * The largest count stored exactly: above 2^53 a number is rounded (a CSV cell
 * '99999999999999999999' became 1e20), and 1e308 became Infinity once summed, which made
 * `explain` print NaN. No real count comes near it; a value past it is a typo or a unit error.
 */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;
const MAX_COUNT_TEXT = '9,007,199,254,740,991';

/** A non-negative count or rate ('1200', '1.5', '1,200' is refused: ambiguous) up to MAX_COUNT. Empty = missing. */
export function parseCount(raw: unknown): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  // a BigInt comes from the lossless JSON reader: an integer past 2^53, too large by definition
  const n = typeof raw === 'number' ? raw : typeof raw === 'bigint' ? Infinity : typeof raw === 'string' && /^\s*[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?\s*$/.test(raw) ? Number(raw) : NaN;
  if (n > MAX_COUNT) {
    throw new ValueError(`a count from 0 to ${MAX_COUNT_TEXT}`, 'check the value: a count this large is a typo or a unit error, and could not be stored exactly');
  }
  if (!Number.isFinite(n) || n < 0) {
    throw new ValueError('a non-negative number such as 1200 or 3.5', 'write plain digits, without thousands separators or units');
  }
  return n;
}

/** true/false, 1/0, yes/no (any case). Empty = missing. */
export function parseBool(raw: unknown): boolean | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'boolean') return raw;
  const s = String(raw).trim().toLowerCase();
  if (s === 'true' || s === '1' || s === 'yes' || s === 'y') return true;
  if (s === 'false' || s === '0' || s === 'no' || s === 'n') return false;
  throw new ValueError('true or false (or 1/0, yes/no)', 'use true or false');
}

const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TWITTER = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A time as epoch ms: ISO 8601 (a time without a zone is UTC), Twitter's
 * 'Fri Mar 06 13:02:05 +0000 2026', or Unix seconds/milliseconds. Empty = missing.
 */
export function parseTime(raw: unknown): number | undefined {
  const t = parseAnyTime(raw);
  if (t !== undefined && !isStorableTime(t)) {
    throw new ValueError(`a time from ${TIME_RANGE.text}`, 'check the value (Unix seconds or milliseconds? a typo in the year?)');
  }
  return t;
}

function parseAnyTime(raw: unknown): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'number') return epochToMs(raw);
  const s = String(raw).trim();
  const fast = parseCanonicalUtc(s);
  if (fast !== undefined) return fast;
  if (/^\d{9,13}(\.\d+)?$/.test(s)) return epochToMs(Number(s));
  if (ISO.test(s) && isoDateExists(s)) {
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(s) && s.length > 10;
    const t = Date.parse(hasZone ? s.replace(' ', 'T') : `${s.replace(' ', 'T')}${s.length === 10 ? 'T00:00:00' : ''}Z`);
    if (Number.isFinite(t)) return t;
  }
  const m = TWITTER.exec(s);
  if (m) {
    const zone = m[6]!;
    // checked: Date.UTC took 'Mar 36' for April 5th and any offset
    const t = checkedUtc(Number(m[7]), MONTHS.indexOf(m[1]!) + 1, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), zoneOffsetMinutes(zone[0]!, zone.slice(1, 3), zone.slice(3)));
    if (t !== undefined) return t;
  }
  throw new ValueError(
    'a date-time such as 2026-03-06T13:02:05Z (ISO 8601), or Unix seconds',
    'write times as ISO 8601 in UTC, e.g. 2026-03-06T13:02:05Z',
  );
}

/**
 * 'YYYY-MM-DDTHH:MM:SSZ' (and with .sss) read by character codes: bulk tables use this one
 * form, and a regex plus Date.parse per row was a tenth of a million-row import. Plain
 * functions, no closures: this runs once per row (0.3 s per million rows with closures,
 * under 0.1 s without). Anything else, and years before 100 (which Date.UTC would read as
 * 19xx), is left to the general parser: undefined.
 */
function parseCanonicalUtc(s: string): number | undefined {
  const len = s.length;
  if (len !== 20 && len !== 24) return undefined;
  if (s.charCodeAt(4) !== 45 /* - */ || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 /* T */) return undefined;
  if (s.charCodeAt(13) !== 58 /* : */ || s.charCodeAt(16) !== 58 || s.charCodeAt(len - 1) !== 90 /* Z */) return undefined;
  const year = readDigits(s, 0, 4);
  const month = readDigits(s, 5, 2);
  const day = readDigits(s, 8, 2);
  const hour = readDigits(s, 11, 2);
  const minute = readDigits(s, 14, 2);
  const second = readDigits(s, 17, 2);
  const ms = len === 24 ? (s.charCodeAt(19) === 46 /* . */ ? readDigits(s, 20, 3) : -1) : 0;
  if (year < 100 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60 || ms < 0) return undefined;
  if (!isCalendarDate(year, month, day)) return undefined;
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date, as Date.UTC counts them but in plain
 * integer arithmetic (a runtime call per row otherwise). Howard Hinnant's days_from_civil,
 * https://howardhinnant.github.io/date_algorithms.html; e.g. 2000-03-01 -> 11017.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The decimal number in s[at, at + count), or -1 when a character there is not a digit. */
function readDigits(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function epochToMs(n: number): number {
  if (!Number.isFinite(n)) return NaN;
  // Seconds until the year 5138; milliseconds above that.
  return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
}

/**
 * A cell as text, without losing anything: a string as is; an integer given as a JSON
 * number only when it is exact (a safe integer, or a BigInt from the lossless reader);
 * never an object or array (String() would make every one '[object Object]', and two
 * different ids would merge). Empty = missing.
 */
export function parseText(raw: unknown): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'bigint') return raw.toString();
  if (typeof raw === 'number') {
    if (Number.isSafeInteger(raw) || (Number.isFinite(raw) && !Number.isInteger(raw))) return String(raw);
    throw new ValueError(
      'text, or a whole number below 2^53 (ids and handles are best given as strings)',
      'write ids and handles as JSON strings, e.g. "id": "1234567890123456789": a number this large was rounded',
    );
  }
  if (typeof raw === 'boolean') return String(raw);
  throw new ValueError(`a single value, not ${describeValue(raw)}`, 'give this field one value (a string or a number), not a nested object or list');
}

/** How a value is named in a message without printing it: 'an object', 'an array', '"abc"', 12. */
export function describeValue(raw: unknown): string {
  if (Array.isArray(raw)) return 'an array';
  if (typeof raw === 'object' && raw !== null) return 'an object';
  if (typeof raw === 'string') return `'${raw.slice(0, 60)}'`;
  if (typeof raw === 'bigint') return `the number ${raw.toString().slice(0, 60)}`;
  return `the ${typeof raw} ${String(raw).slice(0, 60)}`;
}

/**
 * A network name as a handle spec can name it (`twitter:alice`, engine/handles.ts): a letter,
 * then letters, digits or '-', at most 40, lower-cased. A name with a space, a control
 * character or nothing in it ('a b', '') was stored as given, and its accounts could then
 * be named by no command.
 */
const NETWORK_NAME = /^[a-z][a-z0-9-]{0,39}$/;
let lastNetwork = '';

/** A network name, lower-cased; ValueError when it is not one. Empty = missing. */
export function parseNetwork(raw: unknown): string | undefined {
  const text = parseText(raw);
  if (text === undefined) return undefined;
  const name = text.toLowerCase();
  // one network per file is the rule: test each new name once, not once per row
  if (name === lastNetwork) return name;
  if (!NETWORK_NAME.test(name)) throw new ValueError("a network name such as twitter or mastodon (a letter, then letters, digits or '-'; at most 40)", 'write the network in lower case without spaces, e.g. twitter');
  lastNetwork = name;
  return name;
}

const MAX_HANDLE_LENGTH = 320;

/** A handle: leading '@' removed; must be non-empty and without spaces, controls, text-direction marks or '/'. */
export function parseHandle(raw: unknown): string | undefined {
  let s = parseText(raw);
  if (s === undefined) return undefined;
  if (s.charCodeAt(0) === 64 /* @ */) s = s.slice(1);
  // 320: past any network's longest (a Mastodon address is at most 30 + 1 + 253); a
  // 100,000-character 'handle' is a broken file, and it made every table row that long
  if (s.length > MAX_HANDLE_LENGTH) {
    throw new ValueError(`a handle of at most ${MAX_HANDLE_LENGTH} characters`, 'check the column: it holds something other than a handle');
  }
  const bad = s ? firstBadHandleChar(s) : 0;
  if (bad > 0x9f && bad !== 0xa0 && bad !== 0x2028 && bad !== 0x2029 && bad !== 0x3000) {
    throw new ValueError(
      `a handle without invisible text-direction characters (it holds ${codePointName(bad)})`,
      "remove the character: it makes the handle display as another account's (U+202E reverses what follows it)",
    );
  }
  if (bad >= 0) {
    throw new ValueError("a handle such as @alice or alice@mastodon.social (no spaces or '/')", `remove spaces, control characters${bad >= 0x7f && bad <= 0x9f ? ` (it holds ${codePointName(bad)})` : ''} and '/' from the handle (a profile link? give the name it ends in)`);
  }
  return s;
}

/** 'U+202E': how a character is named in a message (never written raw). */
function codePointName(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first character no handle may hold, or -1: spaces and controls (C0, DEL and the C1
 * range U+0080-U+009F, whose U+009B is a terminal escape on its own), the bidirectional
 * marks, embeddings, overrides and isolates (U+200E, U+200F, U+202A-U+202E,
 * U+2066-U+2069: the set render/sanitize.ts strips from the screen, so 'abc\u202Efed' would
 * show as another account's 'abcdef'), and '/': no network's handle holds one, and a
 * command naming the account (engine/handles.ts parseHandleSpec) refuses it, so an
 * account stored as 'a/b' could be scored by no command. Empty: 0.
 */
function firstBadHandleChar(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c < 127 && c !== 47 /* / */) continue; // printable ASCII, nearly every character of a handle: one test
    if (c <= 32 || c === 47 || (c >= 127 && c <= 0xa0) || c === 0x2028 || c === 0x2029 || c === 0x3000) return c;
    if (c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return c;
  }
  return -1;
}
