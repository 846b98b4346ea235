/**
 * Six significant digits: `Number(x.toPrecision(6))`, the rounding every shown feature
 * value goes through, computed in floating point where the answer is certain and by
 * toPrecision where it is not.
 *
 * Why: itemising `score --all` rounds ~2M values per 100k accounts, and formatting each as
 * text to parse it back was a tenth of the itemisation.
 *
 * Definition (ECMA-262 Number.prototype.toPrecision, p = 6): for |x| = a, the integer n
 * with 10^5 <= n < 10^6 and n x 10^-k closest to a (the larger on a tie), then the
 * decimal n x 10^-k read back as a double, with x's sign. Here k = 5 - floor(log10 a)
 * and y = a x 10^k is one correctly rounded product (or quotient) by an exact power of ten
 * (|k| <= 22), so |y - a 10^k| <= y 2^-53 < 1.2e-10 for y < 10^6. When y is further than
 * GUARD from 10^5, 10^6 and from the midpoint between two integers, the exact value falls on
 * the same side of each as y does, so n = round(y) and k are toPrecision's; then
 * n / 10^k (or n x 10^-k) is the double nearest the decimal, as parsing its text gives
 * (both are correctly rounded). Anything else (ties and near-ties, tiny, huge, non-finite
 * values) goes to toPrecision itself.
 *
 * Worked example: 1234.5678 -> k = 2, y = 123456.78 (fraction .78, far from .5) -> n = 123457
 * -> 123457 / 100 = 1234.57, the double Number('1234.57') gives.
 */

/** 10^0 .. 10^22: the powers of ten a double holds exactly. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** How close y may come to a rounding boundary before toPrecision decides (>> 1.2e-10, see the module doc). */
const GUARD = 1e-6;

/** x to six significant digits, exactly `Number(x.toPrecision(6))` (integers below 10^6 as they are, -0 as 0). */
export function significant(x: number): number {
  // the common case (counts): a whole number of at most six digits is its own; + 0 makes -0 read 0 as toPrecision does
  if (Number.isInteger(x) && x > -1e6 && x < 1e6) return x + 0;
  if (!Number.isFinite(x)) return x;
  const a = Math.abs(x);
  let k = 5 - Math.floor(Math.log10(a));
  let y = scaled(a, k);
  // log10 may be one off next to a power of ten
  if (y < 1e5) y = scaled(a, ++k);
  else if (y >= 1e6) y = scaled(a, --k);
  if (!(y >= 1e5 + GUARD && y < 1e6 - GUARD)) return Number(x.toPrecision(6));
  const floor = Math.floor(y);
  const fraction = y - floor; // exact: y and floor share y's exponent
  if (Math.abs(fraction - 0.5) < GUARD) return Number(x.toPrecision(6));
  const n = fraction > 0.5 ? floor + 1 : floor;
  const v = k >= 0 ? n / POW10[k]! : n * POW10[-k]!;
  return x < 0 ? -v : v;
}

/** a x 10^k in one correctly rounded operation, NaN when 10^|k| is not exact (then toPrecision decides). */
function scaled(a: number, k: number): number {
  if (k > 22 || k < -22) return NaN;
  return k >= 0 ? a * POW10[k]! : a / POW10[-k]!;
}
