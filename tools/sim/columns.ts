/**
 * Growable typed-array tables: the simulator keeps millions of posts and events as columns
 * (a few bytes per row), never as objects, so a 10M-event world fits in a few hundred MB.
 */

type TypedArray = Int32Array | Uint32Array | Float64Array | Uint8Array | Int16Array;
type TypedCtor = { new (n: number): TypedArray };
type Cols<S extends Record<string, TypedCtor>> = { [K in keyof S]: InstanceType<S[K]> };

/** A set of equally long typed columns that grow together (capacity x1.6). */
export class GrowTable<S extends Record<string, TypedCtor>> {
  length = 0;
  private capacity: number;
  /** the live columns (longer than `length`); re-read after add(), which may replace them */
  readonly cols: Cols<S>;
  private readonly spec: S;

  constructor(spec: S, initial = 1024) {
    this.capacity = Math.max(16, initial);
    this.spec = spec;
    this.cols = {} as Cols<S>;
    for (const k of Object.keys(spec) as (keyof S)[]) this.cols[k] = new spec[k]!(this.capacity) as InstanceType<S[typeof k]>;
  }

  /** Appends a row of zeros and returns its index; set its fields through `cols`. */
  add(): number {
    if (this.length === this.capacity) this.grow();
    return this.length++;
  }

  private grow(): void {
    this.capacity = Math.ceil(this.capacity * 1.6);
    for (const k of Object.keys(this.spec) as (keyof S)[]) {
      const next = new this.spec[k]!(this.capacity) as InstanceType<S[typeof k]>;
      next.set(this.cols[k]);
      this.cols[k] = next;
    }
  }

  /** The columns trimmed to `length`: views, not copies (no second copy of millions of rows). */
  finish(): Cols<S> {
    const out = {} as Cols<S>;
    for (const k of Object.keys(this.spec) as (keyof S)[]) out[k] = this.cols[k].subarray(0, this.length) as InstanceType<S[typeof k]>;
    return out;
  }
}

/**
 * The permutation that sorts rows by time (stable: ties keep their index order). Packs
 * (seconds, index) into one double so a native Float64Array sort does the work: fast for
 * 10M rows where a comparator sort would take many seconds.
 */
export function sortPermutationByTime(time: Uint32Array, n: number): Uint32Array {
  const shift = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  let maxTime = 0;
  for (let i = 0; i < n; i++) if (time[i]! > maxTime) maxTime = time[i]!;
  if ((maxTime + 1) * shift > Number.MAX_SAFE_INTEGER) {
    throw new Error(`sortPermutationByTime: ${n} rows over ${maxTime} s do not fit one double key`);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = time[i]! * shift + i;
  keys.sort();
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = keys[i]! % shift;
  return perm;
}

/** Reorders a column by a permutation: out[i] = col[perm[i]]. */
export function permute<T extends TypedArray>(col: T, perm: Uint32Array): T {
  const out = new (col.constructor as { new (n: number): T })(perm.length);
  for (let i = 0; i < perm.length; i++) out[i] = col[perm[i]!]!;
  return out;
}
