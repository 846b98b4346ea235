import { describe, expect, it } from 'vitest';
import { KeyIdMap } from '../../src/store/key-id-map.js';

describe('KeyIdMap', () => {
  it('answers like a Map through growth, overwrites, near-identical, long and non-Latin-1 keys', () => {
    const map = new KeyIdMap();
    const ref = new Map<string, number>();
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0);
    const keys = ['', 'a', 'A', 'ab', 'ba', 'ünïcödé', '日本語', 'emoji😀', 'user1', 'user10', 'user100', 'nineteen_characters', 'twenty_characters__', 'alice@mastodon.example.social'];
    for (let i = 0; i < 20_000; i++) keys.push(`user${next() % 50_000}`, `x${i}`, `someone${i}@example.social`);
    for (const [i, k] of keys.entries()) {
      map.set(k, i + 1);
      ref.set(k, i + 1);
    }
    for (const k of ['user1', 'x5', '日本語', 'someone7@example.social']) {
      map.set(k, -7); // replaced, not added
      ref.set(k, -7);
    }
    for (const k of [...ref.keys(), 'missing', 'user', 'x', 'ünïcöde', '日本', 'nineteen_character', 'someone7@example.socia']) expect(map.get(k)).toBe(ref.get(k));
  });
});
