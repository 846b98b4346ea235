/**
 * numberText(x) is String(x) for every double: values of six significant digits (what
 * results hold), their neighbours, powers of ten, raw bit patterns, integers, -0 and NaN.
 */
import { describe, expect, it } from 'vitest';
import { numberText } from '../../src/render/number-text.js';
import { significant } from '../../src/engine/significant.js';
import { randomDouble, seededRandom as random } from '../helpers/seeded-random.js';


/** The values where numberText differs from String (at most 5). */
function mismatches(values: Iterable<number>): number[] {
  const out: number[] = [];
  for (const x of values) if (numberText(x) !== String(x) && out.length < 5) out.push(x);
  return out;
}

describe('numberText', () => {
  it('equals String(x) on six-digit values of every magnitude, their neighbours and raw doubles', () => {
    const r = random(3);
    function* values(): Iterable<number> {
      for (let i = 0; i < 400_000; i++) {
        const x = significant(Math.exp((r() - 0.5) * 40) * (r() < 0.5 ? 1 : -1)); // six digits, 2e-9 .. 5e8
        yield x;
        yield x * (1 + Number.EPSILON);
        yield x * (1 - Number.EPSILON / 2);
        yield Number(x.toPrecision(1 + Math.floor(r() * 6))); // fewer digits: trailing zeros to drop
      }
      for (let i = 0; i < 200_000; i++) {
        yield randomDouble(r);
        yield r() * 10 ** Math.floor(r() * 14 - 7);
      }
      for (let e = -24; e <= 24; e++) {
        const p = Number(`1e${e}`);
        yield p;
        yield -p;
        yield p * 0.999999;
        yield p * 1.00001;
        yield p * (1 - Number.EPSILON);
      }
      yield* [0, -0, NaN, Infinity, -Infinity, 1e-6, 9.99999e-7, 0.000001, 0.0000012345, 999999.5, 999999, 123456.7, 0.1 + 0.2, 5e-324, Number.MAX_VALUE];
    }
    expect(mismatches(values())).toEqual([]);
  });

  it('writes the shapes results hold', () => {
    expect(numberText(0.0793231)).toBe('0.0793231');
    expect(numberText(-3.08619)).toBe('-3.08619');
    expect(numberText(1234.5)).toBe('1234.5');
    expect(numberText(0.000012)).toBe('0.000012');
  });
});
