import { describe, expect, it } from 'vitest';
import { handleKey } from '../../src/store/account-resolver.js';

/** The definition the fast path must keep: one leading @ dropped, then toLowerCase. */
const reference = (h: string) => (h.charCodeAt(0) === 64 ? h.slice(1) : h).toLowerCase();

describe('handleKey', () => {
  it('is toLowerCase after one leading @, for every code unit and for random handles', () => {
    // every BMP code unit alone, after a lower-case prefix and before one (the scan stops at the first that needs lowering)
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const h of [ch, `ab${ch}`, `${ch}yz`, `@${ch}`]) expect(handleKey(h)).toBe(reference(h));
    }
    // Unicode cases whose lower-casing is not per character: dotted capital I, final sigma, astral capitals
    for (const h of ['İstanbul', 'ΟΔΟΣ', 'ὈΔΥΣΣΕΎΣ', '𐐀𐐁abc', 'ß', 'ǅungla', '@@Alice', '@', '']) expect(handleKey(h)).toBe(reference(h));
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0);
    const alphabet = 'abcxyz019_.-@ABZÀÉÿĀİΣ日😀\u0130\u212a';
    for (let i = 0; i < 20_000; i++) {
      let h = '';
      for (let n = next() % 12; n > 0; n--) h += alphabet[next() % alphabet.length];
      expect(handleKey(h)).toBe(reference(h));
    }
  });

  it('returns an already lower-case ASCII handle unchanged', () => {
    expect(handleKey('alice_1')).toBe('alice_1');
    expect(handleKey('@alice_1')).toBe('alice_1');
    expect(handleKey('Alice')).toBe('alice');
  });
});
