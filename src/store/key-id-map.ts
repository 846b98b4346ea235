/**
 * A string -> id map for the account resolver's caches, which answer two lookups per
 * interaction row. Why not a Map: on the 1M-row benchmark (2M lookups among 100k handles)
 * Map lookups took a fifth of the import's CPU, because every probe of a bucket chain
 * reads the candidate key string, wherever it lies in the heap. Here a slot holds the key's
 * hash, its id and the key itself, so a lookup touches one 32-byte slot and nothing else.
 * Measured on those 2M lookups: Map 0.75-1.1 s, hashes in one array and keys in another
 * 0.6-0.85 s, this 0.45-0.5 s.
 *
 * Open addressing with linear probing over 32-byte slots: id (float64: exact for any
 * rowid) at byte 0, hash (int32) at 8, key length at 12 (255 = empty slot), the key's
 * characters at 13-31. Keys longer than that or outside Latin-1 (rare for handles; long
 * Mastodon user@host names are the usual ones) live in an ordinary Map instead.
 */
const SLOT_BYTES = 32;
const LEN_AT = 12;
const KEY_AT = 13;
const MAX_INLINE = SLOT_BYTES - KEY_AT;
const EMPTY = 255;

/** Map<string, number> for many keys and lookups, laid out for few cache misses (see above). */
export class KeyIdMap {
  private mask = 0;
  private count = 0;
  private ids = new Float64Array(0);
  private hashes = new Int32Array(0);
  private bytes = new Uint8Array(0);
  private readonly others = new Map<string, number>();

  constructor() {
    this.allocate(1024);
  }

  /** the id stored for `key`, or undefined */
  get(key: string): number | undefined {
    const hash = hashInline(key);
    if (hash === null) return this.others.get(key);
    const slot = this.find(key, hash);
    return this.bytes[slot * SLOT_BYTES + LEN_AT] === EMPTY ? undefined : this.ids[slot * 4];
  }

  /** stores `id` for `key`, replacing what was there */
  set(key: string, id: number): void {
    const hash = hashInline(key);
    if (hash === null) {
      this.others.set(key, id);
      return;
    }
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const slot = this.find(key, hash);
    const at = slot * SLOT_BYTES;
    this.ids[slot * 4] = id;
    if (this.bytes[at + LEN_AT] !== EMPTY) return;
    this.hashes[slot * 8 + 2] = hash;
    this.bytes[at + LEN_AT] = key.length;
    for (let j = 0; j < key.length; j++) this.bytes[at + KEY_AT + j] = key.charCodeAt(j);
    this.count++;
  }

  /** the slot holding `key`, or the empty slot where it would go */
  private find(key: string, hash: number): number {
    const bytes = this.bytes;
    const len = key.length;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * SLOT_BYTES;
      const l = bytes[at + LEN_AT];
      if (l === EMPTY) return slot;
      if (l === len && this.hashes[slot * 8 + 2] === hash) {
        let j = 0;
        while (j < len && bytes[at + KEY_AT + j] === key.charCodeAt(j)) j++;
        if (j === len) return slot;
      }
    }
  }

  private allocate(slots: number): void {
    const buffer = new ArrayBuffer(slots * SLOT_BYTES);
    this.mask = slots - 1;
    this.ids = new Float64Array(buffer);
    this.hashes = new Int32Array(buffer);
    this.bytes = new Uint8Array(buffer).fill(EMPTY);
  }

  private grow(): void {
    const old = this.bytes;
    const oldHashes = this.hashes;
    const oldSlots = this.mask + 1;
    this.allocate(oldSlots * 2);
    for (let s = 0; s < oldSlots; s++) {
      if (old[s * SLOT_BYTES + LEN_AT] === EMPTY) continue;
      let t = oldHashes[s * 8 + 2]! & this.mask;
      while (this.bytes[t * SLOT_BYTES + LEN_AT] !== EMPTY) t = (t + 1) & this.mask;
      this.bytes.set(old.subarray(s * SLOT_BYTES, (s + 1) * SLOT_BYTES), t * SLOT_BYTES);
    }
  }
}

/**
 * FNV-1a over the characters, then a murmur3 finalizer so the low bits (the slot) mix well;
 * null when the key cannot be stored inline (too long, or a character above U+00FF).
 */
function hashInline(key: string): number | null {
  if (key.length > MAX_INLINE) return null;
  let h = 0x811c9dc5 | 0;
  let all = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    all |= c;
    h = Math.imul(h ^ c, 0x01000193);
  }
  if (all > 0xff) return null;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}
