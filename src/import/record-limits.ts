/**
 * Bounds on one record of any import format (documented in README, "Input formats"). A
 * record is one CSV row, one NDJSON line, or one element of a JSON array that is read as
 * rows (an outbox activity, a tweet, a generic JSON row). Past these bounds the record is
 * an input error: a real export never comes near them, a damaged or hostile file does
 * (an unterminated quote swallows the rest of a CSV; a 100,000-deep array overflows
 * whatever later walks it).
 */

/** Most bytes in one record (16 MiB); text readers count UTF-16 code units, which never exceed the bytes. */
export const MAX_RECORD_BYTES = 16 * 2 ** 20;

/** Most levels of nested arrays and objects inside one JSON record. */
export const MAX_JSON_DEPTH = 100;

/** '16 MiB' for messages. */
export function describeRecordLimit(): string {
  return `${MAX_RECORD_BYTES / 2 ** 20} MiB`;
}
