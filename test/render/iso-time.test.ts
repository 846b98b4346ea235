/**
 * isoTime(ms) is new Date(ms).toISOString() for every time: each day boundary of the years
 * data comes from (leap days and century years among them), a spread of days over 0000-9999, random times, and the times it hands to Date (fractions, years
 * outside 0000-9999, where toISOString writes six digits and a sign).
 */
import { describe, expect, it } from 'vitest';
import { isoTime } from '../../src/render/iso-time.js';

const DAY = 86_400_000;

/** The times where isoTime differs from toISOString (at most 5). */
function mismatches(times: Iterable<number>): number[] {
  const out: number[] = [];
  for (const t of times) if (isoTime(t) !== new Date(t).toISOString() && out.length < 5) out.push(t);
  return out;
}

describe('isoTime', () => {
  it('equals toISOString at the first and last millisecond of every day of 1960-2110, and of every 37th day of 0000-9999', () => {
    function* times(): Iterable<number> {
      const days = (from: number, to: number, step: number) => ({ from, to, step });
      for (const { from, to, step } of [days(-3653, 51_500, 1), days(-719_528, 2_932_896, 37)]) {
        for (let day = from; day <= to; day += step) {
          yield day * DAY;
          yield day * DAY + DAY - 1;
        }
      }
    }
    expect(mismatches(times())).toEqual([]);
  });

  it('equals toISOString on random times, fractions and out-of-range years', () => {
    let s = 12345;
    const r = (): number => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s / 4294967296;
    };
    const values: number[] = [0, -1, 1, 951_782_400_000, 4_107_542_400_000, -62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, 1.5, -1.5, 1e15, -1e15, 8.64e15, -8.64e15];
    for (let i = 0; i < 300_000; i++) values.push(Math.floor((r() - 0.3) * 4e14)); // -1.2e14 .. 2.8e14 ms
    for (let i = 0; i < 20_000; i++) values.push((r() - 0.5) * 1.7e16, Math.floor(r() * 4e12) + r()); // every year Date holds; fractions
    expect(mismatches(values)).toEqual([]);
    expect(isoTime(951_782_400_000)).toBe('2000-02-29T00:00:00.000Z');
  });
});
