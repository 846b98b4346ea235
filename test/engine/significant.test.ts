/**
 * significant(x) is Number(x.toPrecision(6)) for every double: random magnitudes and raw
 * bit patterns, and the cases its floating-point path must hand to toPrecision (ties, near
 * ties, powers of ten, the ends of the exact powers of ten, tiny and huge values), compared
 * with Object.is (so -0 and NaN count).
 */
import { describe, expect, it } from 'vitest';
import { significant } from '../../src/engine/significant.js';
import { randomDouble, seededRandom as random } from '../helpers/seeded-random.js';


const reference = (x: number): number => Number(x.toPrecision(6));

/** The values where significant differs from toPrecision (at most `max` of them). */
function mismatches(values: Iterable<number>, max = 5): number[] {
  const out: number[] = [];
  for (const x of values) if (!Object.is(significant(x), reference(x)) && out.length < max) out.push(x);
  return out;
}

describe('significant', () => {
  it('equals Number(x.toPrecision(6)) on edge cases', () => {
    const edge = [
      0, -0, 1, -1, 0.5, -0.5, 1e-7, 5e-324, -5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE,
      Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Infinity, -Infinity, NaN, 999999, 999999.4, 999999.5, 999999.6, 1e6, -1e6,
      1e6 + 0.5, 1000000.5, 100000.5, -100000.5, 123456.5, 1234565, 12345650, 0.1234565, 1.234565, 12.34565, 1.0000005, 0.99999949999,
      0.9999995, 0.99999950001, 1e21, 1e22, 1e23, 1e-22, 1e-23, 9.999995e22, 1.000005e-17, 0.1 + 0.2, 1 / 3, -1 / 3, 2 / 3, Math.PI, Math.E,
    ];
    // powers of ten and their neighbours (log10 is one off next to them)
    for (let e = -30; e <= 30; e++) {
      const p = Number(`1e${e}`);
      edge.push(p, -p, p * (1 + Number.EPSILON), p * (1 - Number.EPSILON / 2), p * 0.9999995, p * 1.0000005, p * 9.999995, p * 9.9999949, p * 9.9999951);
    }
    // decimal ties at every scale: n + 0.5 in the 7th digit, and the doubles either side
    const r = random(7);
    for (let i = 0; i < 20_000; i++) {
      const n = 100000 + Math.floor(r() * 900000);
      const e = Math.floor(r() * 50) - 25;
      const tie = (n + 0.5) * Number(`1e${e}`);
      edge.push(tie, -tie, tie * (1 + Number.EPSILON), tie * (1 - Number.EPSILON), Number(`${n}5e${e - 1}`));
    }
    expect(mismatches(edge)).toEqual([]);
  });

  it('equals Number(x.toPrecision(6)) on a million random values of every magnitude and sign', () => {
    const r = random(42);
    function* values(): Iterable<number> {
      for (let i = 0; i < 500_000; i++) {
        const x = Math.exp((r() - 0.5) * 140); // 1e-30 .. 1e30
        yield r() < 0.5 ? x : -x;
      }
      // the shapes shown feature values take: decayed counts, rates, ratios
      for (let i = 0; i < 300_000; i++) yield r() * 10 ** Math.floor(r() * 12 - 4);
      // raw bit patterns (subnormals, huge, NaN payloads and all)
      for (let i = 0; i < 200_000; i++) yield randomDouble(r);
    }
    expect(mismatches(values())).toEqual([]);
  });

  it('keeps whole numbers below a million as they are, and -0 as 0', () => {
    expect(Object.is(significant(-0), 0)).toBe(true);
    expect(significant(123456)).toBe(123456);
    expect(significant(-999999)).toBe(-999999);
    expect(significant(1234567)).toBe(1234570);
    expect(significant(1234.5678)).toBe(1234.57);
  });
});
