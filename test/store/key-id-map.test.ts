import { describe, expect, it } from 'vitest';
import { KeyIdMap } from '../../src/store/key-id-map.js';

describe('KeyIdMap', () => {
  it('answers like a Map through growth, overwrites, near-identical and non-ASCII keys', () => {
    const map = new KeyIdMap();
    const ref = new Map<string, number>();
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0);
    const keys = ['', 'a', 'A', 'ab', 'ba', 'ünïcödé', '日本語', 'emoji😀', 'user1', 'user10', 'user100'];
    for (let i = 0; i < 20_000; i++) keys.push(`user${next() % 50_000}`, `x${i}`);
    for (const [i, k] of keys.entries()) {
      map.set(k, i + 1);
      ref.set(k, i + 1);
    }
    for (const k of ['user1', 'x5', '日本語']) {
      map.set(k, -7); // replaced, not added
      ref.set(k, -7);
    }
    for (const k of [...ref.keys(), 'missing', 'user', 'x', 'ünïcöde', '日本']) expect(map.get(k)).toBe(ref.get(k));
  });
});
