/**
 * The `detail` column of a stored score: the itemisation as shown (each contribution's
 * feature, group, value, points and source; the missing features), names by index into the
 * run's DetailKeys (stored once per run in runs.detail_keys).
 *
 * Written as a small binary record, not JSON: formatting 2.2M numbers as decimal text for a
 * run of 100k accounts cost more than SQLite's whole insert (0.15 s of a 0.56 s store;
 * building the JSON text 0.33 s in all), which held storing runs under 200k rows/s. The
 * doubles are stored as they are, so a value reads back exactly. Layout, little-endian:
 *
 *   byte 0 format (1), byte 1 zero, u16 contributions C, u16 missing M, u16 zero
 *   C f64 values, then C f64 points (NaN: none, as JSON's null: null or not finite)
 *   C x (u16 feature, u16 group, u16 source), then M u16 missing
 *
 * e.g. one contribution (baseline, baseline, none, 1 point, declared) and nothing missing
 * is 8 + 16 + 6 = 30 bytes. Runs stored before this form keep their JSON text and read back
 * through the same readScoreDetail.
 */
import type { Contribution } from '../engine/result-types.js';

/** The format byte of the binary detail. */
const FORMAT = 1;
const HEADER_BYTES = 8;
/** Largest name index a u16 holds; a run naming more stores that row's detail as JSON. */
const MAX_KEY = 0xffff;

/**
 * The names a run's score details refer to (feature, group and source names, imputed
 * features), each given an index the first time it is seen; stored once per run in
 * runs.detail_keys, so a row's detail holds numbers only.
 */
export class DetailKeys {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();

  /** The index of a name (added when new). */
  keyOf(name: string): number {
    let k = this.index.get(name);
    if (k === undefined) {
      k = this.names.length;
      this.names.push(name);
      this.index.set(name, k);
    }
    return k;
  }
}

/**
 * Encodes score details into one growing scratch buffer: each detail is a view into it,
 * valid until `reset` (call it once the rows bound to a statement have been written).
 * Remembers the names at each contribution position, because every account of a run lists
 * the model's features in the same order: the name lookups then cost a string comparison.
 */
export class DetailEncoder {
  private f64 = new Float64Array(1 << 13);
  private u16 = new Uint16Array(this.f64.buffer);
  private u8 = new Uint8Array(this.f64.buffer);
  /** next free byte, a multiple of 8 (each record starts 8-aligned, so its doubles are) */
  private at = 0;
  private readonly lastNames: string[] = [];
  private readonly lastKeys: number[] = [];

  constructor(readonly keys: DetailKeys) {}

  /**
   * The detail of one score: binary (see the module doc), or JSON text when a name index
   * does not fit a u16, or on a big-endian machine (the record is written through typed
   * arrays, in the machine's byte order, and stored little-endian).
   */
  encode(contributions: readonly Contribution[], missing: readonly string[]): Uint8Array | string {
    const c = contributions.length;
    const m = missing.length;
    if (BIG_ENDIAN || c > MAX_KEY || m > MAX_KEY) return scoreDetailJson(contributions, missing, this.keys);
    const size = HEADER_BYTES + 22 * c + 2 * m;
    if (this.at + size > this.u8.length) {
      // views handed out keep the old buffer alive; new ones go to a fresh one
      this.f64 = new Float64Array(Math.max(2 * this.f64.length, Math.ceil(size / 8)));
      this.u16 = new Uint16Array(this.f64.buffer);
      this.u8 = new Uint8Array(this.f64.buffer);
      this.at = 0;
    }
    const { f64, u16 } = this;
    const start = this.at;
    let w = start >> 1; // u16 index
    u16[w] = FORMAT; // format byte, then a zero byte (little-endian)
    u16[w + 1] = c;
    u16[w + 2] = m;
    u16[w + 3] = 0;
    let d = (start + HEADER_BYTES) >> 3; // f64 index
    for (let k = 0; k < c; k++) {
      const v = contributions[k]!.value;
      f64[d++] = v !== null && Number.isFinite(v) ? v : NaN;
    }
    for (let k = 0; k < c; k++) {
      const points = contributions[k]!.points;
      f64[d++] = Number.isFinite(points) ? points : NaN;
    }
    w = d << 2;
    let slot = 0;
    for (let k = 0; k < c; k++) {
      const x = contributions[k]!;
      const f = this.keyAt(slot++, x.feature);
      const g = this.keyAt(slot++, x.group);
      const s = this.keyAt(slot++, x.source);
      if (f > MAX_KEY || g > MAX_KEY || s > MAX_KEY) return scoreDetailJson(contributions, missing, this.keys);
      u16[w++] = f;
      u16[w++] = g;
      u16[w++] = s;
    }
    for (let k = 0; k < m; k++) {
      const key = this.keyAt(slot++, missing[k]!);
      if (key > MAX_KEY) return scoreDetailJson(contributions, missing, this.keys);
      u16[w++] = key;
    }
    const end = w << 1;
    this.at = (end + 7) & ~7;
    return this.u8.subarray(start, end);
  }

  /** Views handed out so far may be overwritten from now on. */
  reset(): void {
    this.at = 0;
  }

  /** The key of `name`, remembered for this position of a detail. */
  private keyAt(slot: number, name: string): number {
    if (this.lastNames[slot] === name) return this.lastKeys[slot]!;
    const key = this.keys.keyOf(name);
    this.lastNames[slot] = name;
    this.lastKeys[slot] = key;
    return key;
  }
}

/** Whether this machine stores numbers big-endian (typed arrays use the machine's order). */
const BIG_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;

const jsonNumber = (x: number | null): string => (x === null || !Number.isFinite(x) ? 'null' : String(x));

/**
 * The JSON form of a detail, `{"c":[[feature,group,value,points,source],...],"m":[missing...]}`
 * with names as indices into `keys`: runs stored it before the binary form, and a row whose
 * name indices do not fit the binary form still does.
 */
export function scoreDetailJson(contributions: readonly Contribution[], missing: readonly string[], keys: DetailKeys): string {
  let out = '{"c":[';
  for (let k = 0; k < contributions.length; k++) {
    const c = contributions[k]!;
    out += `${k ? ',' : ''}[${keys.keyOf(c.feature)},${keys.keyOf(c.group)},${jsonNumber(c.value)},${jsonNumber(c.points)},${keys.keyOf(c.source)}]`;
  }
  out += '],"m":[';
  for (let k = 0; k < missing.length; k++) out += `${k ? ',' : ''}${keys.keyOf(missing[k]!)}`;
  return `${out}]}`;
}

/**
 * A stored detail read back: the contributions and missing features as shown, from any form
 * stored (binary; JSON with names by index; JSON with names in full, before runs.detail_keys).
 * A value or points stored as none (null, or not finite) reads as null.
 */
export function readScoreDetail(detail: string | Uint8Array, detailKeys: string | null): { contributions: Contribution[]; missing: string[] } {
  if (typeof detail !== 'string') {
    if (detailKeys === null) throw new Error('a binary score detail needs its run\'s detail_keys');
    return readBinaryDetail(detail, JSON.parse(detailKeys) as string[]);
  }
  const d = JSON.parse(detail) as { c?: unknown[][]; m?: number[]; contributions?: unknown[][]; missing?: string[] };
  if (detailKeys === null || d.c === undefined) {
    return { contributions: (d.contributions ?? []).map(([feature, group, value, points, source]) => ({ feature, group, value, points, source }) as Contribution), missing: d.missing ?? [] };
  }
  const names = JSON.parse(detailKeys) as string[];
  return {
    contributions: d.c.map(([f, g, value, points, s]) => ({ feature: names[f as number]!, group: names[g as number]!, value, points, source: names[s as number]! }) as Contribution),
    missing: (d.m ?? []).map((k) => names[k]!),
  };
}

function readBinaryDetail(bytes: Uint8Array, names: readonly string[]): { contributions: Contribution[]; missing: string[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const c = bytes.length >= HEADER_BYTES ? view.getUint16(2, true) : 0;
  const m = bytes.length >= HEADER_BYTES ? view.getUint16(4, true) : 0;
  if (bytes.length < HEADER_BYTES || bytes[0] !== FORMAT || bytes.length !== HEADER_BYTES + 22 * c + 2 * m) {
    throw new Error(`a stored score detail is not in a known form (${bytes.length} bytes, format ${bytes[0] ?? 'none'})`);
  }
  const name = (at: number): string => {
    const k = view.getUint16(at, true);
    const n = names[k];
    if (n === undefined) throw new Error(`a stored score detail names key ${k}, beyond its run's ${names.length} names`);
    return n;
  };
  const number = (at: number): number | null => {
    const x = view.getFloat64(at, true);
    return Number.isNaN(x) ? null : x;
  };
  const keysAt = HEADER_BYTES + 16 * c;
  const contributions: Contribution[] = [];
  for (let k = 0; k < c; k++) {
    const at = keysAt + 6 * k;
    contributions.push({ feature: name(at), group: name(at + 2), value: number(HEADER_BYTES + 8 * k), points: number(HEADER_BYTES + 8 * (c + k)), source: name(at + 4) } as Contribution);
  }
  const missing: string[] = [];
  for (let k = 0; k < m; k++) missing.push(name(keysAt + 6 * c + 2 * k));
  return { contributions, missing };
}
