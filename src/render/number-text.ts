/**
 * A number as JavaScript writes it (`String(x)`, so JSON.stringify for finite x), made
 * quickly for the numbers results mostly hold: doubles of at most six significant digits
 * (engine/significant.ts rounds every shown feature value so). `score --all --json` writes
 * ~1M such values per 100k accounts, and V8's shortest-digits search was a tenth of it.
 *
 * Why it is exact. For |x| = a in [1e-6, 1e6), take k = 5 - floor(log10 a) and n =
 * round(a 10^k). When n is a six-digit integer and n / 10^k (one correctly rounded
 * division by an exact power of ten) is a itself, a is the double nearest the decimal
 * D = n 10^-k. Any other decimal of at most six significant digits is at least 1e-7 of a
 * away, relatively, and two decimals that both read back as a are within 2^-52 of each
 * other: so D, its trailing zeros dropped, is the shortest decimal that reads back as a,
 * which is what Number::toString writes (ECMA-262 6.1.6.1.20), laid out by its rules:
 * digits with the point inside, or '0.' and zeros before them. Anything else is String(x).
 *
 * Worked example: 0.0793231 -> k = 7, n = 793231, 793231 / 1e7 === 0.0793231 -> '0.0793231'.
 */

/** 10^0 .. 10^22: the powers of ten a double holds exactly. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** String(x), exactly (see the module doc). */
export function numberText(x: number): string {
  const a = x < 0 ? -x : x;
  if (!(a >= 1e-6 && a < 1e6) || Number.isInteger(a)) return String(x);
  const k = 5 - Math.floor(Math.log10(a));
  if (k < 0 || k > 22) return String(x);
  const n = Math.round(a * POW10[k]!);
  if (n < 1e5 || n >= 1e6 || n / POW10[k]! !== a) return String(x);
  // drop trailing zeros: s 10^-z = n 10^-k
  let s = n;
  let z = k;
  while (z > 0 && s % 10 === 0) {
    s /= 10;
    z--;
  }
  const digits = String(s);
  const point = digits.length - z; // the point's place from the first digit (toString's n)
  let body: string;
  if (z === 0) body = digits;
  else if (point > 0) body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  else if (point > -6) body = `0.${ZEROS[-point]}${digits}`;
  else return String(x);
  return x < 0 ? `-${body}` : body;
}

const ZEROS = ['', '0', '00', '000', '0000', '00000'];
