/**
 * A string -> id map for the account resolver's caches, which answer two lookups per
 * interaction row. Why not a Map: on the 1M-row benchmark (2M lookups among 100k handles)
 * Map lookups took a fifth of the import's CPU, because every probe of a bucket chain reads
 * the candidate key string, wherever it lies in the heap. Here a probe compares hashes
 * stored in one array and reads only the matching key's characters, kept contiguous:
 * measured 0.6 s instead of 0.75-1.1 s for those 2M lookups.
 *
 * Open addressing with linear probing; each slot is [hash, id, start, length] in one
 * Float64Array (ids are SQLite rowids: exact as doubles), length -1 marking an empty slot.
 */
const SLOT = 4;

export class KeyIdMap {
  private mask = 1023;
  private slots = new Float64Array((this.mask + 1) * SLOT).fill(-1);
  private chars = new Uint16Array(1 << 14);
  private used = 0;
  private count = 0;

  /** the id stored for `key`, or undefined */
  get(key: string): number | undefined {
    const slot = this.find(key, hashKey(key));
    return this.slots[slot + 3]! < 0 ? undefined : this.slots[slot + 1];
  }

  /** stores `id` for `key`, replacing what was there */
  set(key: string, id: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const hash = hashKey(key);
    const slot = this.find(key, hash);
    const s = this.slots;
    if (s[slot + 3]! >= 0) {
      s[slot + 1] = id;
      return;
    }
    const len = key.length;
    if (this.used + len > this.chars.length) {
      const bigger = new Uint16Array(Math.max(this.chars.length * 2, this.used + len));
      bigger.set(this.chars);
      this.chars = bigger;
    }
    for (let j = 0; j < len; j++) this.chars[this.used + j] = key.charCodeAt(j);
    s[slot] = hash;
    s[slot + 1] = id;
    s[slot + 2] = this.used;
    s[slot + 3] = len;
    this.used += len;
    this.count++;
  }

  /** the slot holding `key`, or the empty slot where it would go */
  private find(key: string, hash: number): number {
    const s = this.slots;
    const len = key.length;
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const slot = i * SLOT;
      const l = s[slot + 3]!;
      if (l < 0 || (s[slot] === hash && l === len && this.holds(s[slot + 2]!, key))) return slot;
    }
  }

  private holds(start: number, key: string): boolean {
    const c = this.chars;
    for (let j = 0; j < key.length; j++) if (c[start + j] !== key.charCodeAt(j)) return false;
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Float64Array((this.mask + 1) * SLOT).fill(-1);
    for (let slot = 0; slot < old.length; slot += SLOT) {
      if (old[slot + 3]! < 0) continue;
      let i = old[slot]! & this.mask;
      while (this.slots[i * SLOT + 3]! >= 0) i = (i + 1) & this.mask;
      this.slots.set(old.subarray(slot, slot + SLOT), i * SLOT);
    }
  }
}

/** FNV-1a over UTF-16 code units, then a murmur3 finalizer so the low bits (the slot) mix well. */
function hashKey(key: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}
