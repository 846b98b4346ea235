import { describe, expect, it } from 'vitest';
import { countNoun, formatCount } from '../../src/render/counts.js';

describe('counts in views', () => {
  it('groups thousands whatever the locale, and keeps small counts and zero plain', () => {
    expect(formatCount(1668)).toBe('1,668');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
  });

  it('puts the noun in the singular for exactly one, else the plural given or the noun + s', () => {
    expect(countNoun(1, 'account')).toBe('1 account');
    expect(countNoun(0, 'account')).toBe('0 accounts');
    expect(countNoun(1668, 'account')).toBe('1,668 accounts');
    expect(countNoun(1, 'identity', 'identities')).toBe('1 identity');
    expect(countNoun(2, 'identity', 'identities')).toBe('2 identities');
  });
});
