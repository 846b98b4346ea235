/** A small deterministic generator (mulberry32): the same values in [0, 1) every run, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A double made of 64 random bits (low word first): subnormals, huge values, infinities and NaN payloads included. */
export function randomDouble(r: () => number): number {
  const bits = new Uint32Array(2);
  bits[0] = Math.floor(r() * 2 ** 32);
  bits[1] = Math.floor(r() * 2 ** 32);
  return new Float64Array(bits.buffer)[0]!;
}
