/**
 * Record times. Bluesky's `createdAt` is written by the client that made the record, as an
 * RFC 3339 date-time (atproto spec, "Datetime"): milliseconds are usual, but 6 (Go, Python)
 * or 9 fractional digits occur; some clients write no zone or a lower-case `t`. Parsing is
 * lenient (as the spec asks of readers), and a client's clock or an import tool can make the
 * value wrong: it is kept as written and reported when it is implausible.
 */

/** The earliest plausible record time: the first atproto repositories date from late 2022. */
export const EARLIEST_PLAUSIBLE = Date.UTC(2022, 10, 1); // 2022-11-01T00:00:00Z

/** How far after the export a record time may be before it is implausible: a client clock a day fast. */
export const FUTURE_SLACK_MS = 24 * 3600 * 1000;

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|z|[+-]\d{2}:?\d{2})?$/;

/**
 * Epoch ms of an atproto date-time, or undefined when it is not one. Fractions beyond
 * milliseconds are truncated (the store keeps ms): `2024-02-22T18:44:31.123456Z` ->
 * 1708627471123. A missing zone is read as UTC.
 */
export function parseDatetime(v: unknown): number | undefined {
  if (typeof v !== 'string' || v.length > 64) return undefined;
  // The usual shape (JavaScript's toISOString) parses natively, years 0000-0099 included.
  if (ISO_MS.test(v)) {
    const t = Date.parse(v);
    if (Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === v.slice(0, 10)) return t;
  }
  const m = DATETIME.exec(v);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const ms = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, Math.min(second, 59), ms);
  if (date.getUTCDate() !== day) return undefined; // 2024-02-31
  return date.getTime() - zoneOffsetMs(m[8]);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z' || zone === 'z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/**
 * Why a record time is implausible, or undefined when it is not: before
 * EARLIEST_PLAUSIBLE (backdated posts copied from other networks, clocks at 1970), or more
 * than FUTURE_SLACK_MS after `exportTime`, a moment no record can postdate (the repository's
 * last commit, or its export), when known.
 */
export function judgeTime(t: number, exportTime: number | undefined): 'before-network' | 'after-export' | undefined {
  if (t < EARLIEST_PLAUSIBLE) return 'before-network';
  if (exportTime !== undefined && t > exportTime + FUTURE_SLACK_MS) return 'after-export';
  return undefined;
}
