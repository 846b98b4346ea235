/**
 * Stable JSON for --json: two-space indent, keys in the order the result contract gives.
 *
 * Imported text reaches JSON as is (JSON is data, not a terminal), except for the
 * characters a terminal or an editor acts on even inside a string: C1 controls
 * (U+0080-U+009F; U+009B is an 8-bit CSI that starts an escape sequence), bidi controls
 * (U+200E/F, U+202A-U+202E, U+2066-U+2069, which reorder what `cat` shows) and the line
 * separators U+2028/U+2029. They are written as \u escapes: the document parses back to the
 * very same strings, and printing it is safe. (JSON.stringify already escapes C0 controls.)
 */
import { encodePiece, makeByteText, putBytes, putText, takeBytes, type ByteText } from './byte-text.js';

/** Characters written as \u escapes in every JSON document (see the module doc). */
export const JSON_ESCAPED = /[\u0080-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `\u009b`-style escape of one UTF-16 code unit. */
function escapeCodeUnit(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Escapes the terminal-active characters of a JSON text. Outside strings JSON is ASCII, so
 * every match is inside a string, where a \u escape means the same character.
 */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_ESCAPED, escapeCodeUnit);
}

/** A value as JSON with `indent` spaces (JSON.stringify's layout), terminal-active characters escaped. */
export function stringifyJson(value: unknown, indent = 2): string {
  return escapeJsonText(JSON.stringify(value, null, indent));
}

/** A whole --json document: the value, two-space indent, a final newline. */
export function toJson(value: unknown): string {
  return `${stringifyJson(value)}\n`;
}

/**
 * A --json document with long arrays of results (a list document): laid out as toJson lays
 * it out, except that each item of the top-level arrays named in `lists` is compact
 * (stringifyJson(item, 0)) on a line of its own, indented to its place:
 *
 *   {
 *     "schema": 1,
 *     "results": [
 *       {"handle":"alice","score":57.1},
 *       {"handle":"bob","score":31.4}
 *     ]
 *   }
 *
 * Half the bytes of the fully indented layout (whose indentation was about half of
 * `score --all --json`), the same value when parsed, one result per line for line tools.
 */
export function toListJson(value: object, lists: readonly string[]): string {
  const members: string[] = [];
  for (const [key, v] of Object.entries(value) as [string, unknown][]) {
    // what JSON.stringify leaves out of an object
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    const name = JSON.stringify(key);
    if (Array.isArray(v) && v.length > 0 && lists.includes(key)) {
      members.push(`  ${name}: [\n${v.map((item) => `${ITEM_PAD}${JSON.stringify(item) ?? 'null'}`).join(',\n')}\n  ]`);
    } else members.push(`  ${name}: ${JSON.stringify(v, null, 2).replace(/\n/g, '\n  ')}`);
  }
  return `${escapeJsonText(members.length === 0 ? '{}' : `{\n${members.join(',\n')}\n}`)}\n`;
}

/**
 * A list document whose last member is its one list (the UTF-8 of toListJson(head +
 * {[key]: items}, [key])), produced as it is read, in byte blocks of about `block` bytes cut
 * between items, so the whole document never sits in memory (`score --all --json` on 100k
 * accounts is 160 MB). Each item is written by `writeItem` straight into the block
 * (render/byte-text.ts); it must write the UTF-8 of stringifyJson(item, 0), as the default
 * does. The biggest outputs' writers copy their repeated pieces as bytes (render/score-json.ts).
 */
export function* streamJsonDocumentBytes<T>(head: Record<string, unknown>, key: string, items: Iterable<T>, writeItem: (item: T, out: ByteText) => void = writeItemJson, block = 64 * 1024): Iterable<Uint8Array> {
  // room for an item or two past the block's end before it is handed over
  const size = block + 16 * 1024;
  const out = makeByteText(size);
  putText(out, listDocumentHead(head, key));
  let k = 0;
  for (const item of items) {
    writeListItem(out, k++, item, writeItem);
    if (out.used >= block) yield takeBytes(out, size);
  }
  putText(out, listDocumentTail(k));
  yield takeBytes(out, 0);
}

/**
 * streamJsonDocumentBytes's bytes around items written elsewhere (another thread):
 * `items` gives, in order, the bytes of the list's `count` items as writeListItem writes
 * them (item k at position k), in parts of any size.
 */
export async function* streamJsonDocumentParts(head: Record<string, unknown>, key: string, count: number, items: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  yield encodePiece(listDocumentHead(head, key));
  yield* items;
  yield encodePiece(listDocumentTail(count));
}

/** A list document's text before its list: its head laid out as toListJson lays it out, up to the list's `[` (excluded). */
function listDocumentHead(head: Record<string, unknown>, key: string): string {
  const open = stringifyJson({ ...head, [key]: [] });
  // '...\n  "key": []\n}': everything before the empty array
  return open.slice(0, open.lastIndexOf('[]'));
}

/** What ends a list document after its `count` items. */
function listDocumentTail(count: number): string {
  return count === 0 ? '[]\n}\n' : '\n  ]\n}\n';
}

/**
 * Item k (0-based) of a list document's list, appended to `out`: what opens the list (k = 0)
 * or separates the item from the one before, its indentation, then the item as `writeItem`
 * writes it.
 */
export function writeListItem<T>(out: ByteText, k: number, item: T, writeItem: (item: T, out: ByteText) => void): void {
  putBytes(out, k === 0 ? FIRST_ITEM : NEXT_ITEM);
  writeItem(item, out);
}

/** An item as stringifyJson(item, 0) writes it (well-formed text: lone surrogates come out escaped), as UTF-8. */
function writeItemJson(item: unknown, out: ByteText): void {
  putText(out, stringifyJson(item, 0));
}

/** The indentation of an item of a document's array (two levels down). */
const ITEM_PAD = '    ';
const FIRST_ITEM = encodePiece(`[\n${ITEM_PAD}`);
const NEXT_ITEM = encodePiece(`,\n${ITEM_PAD}`);
