import { describe, expect, it } from 'vitest';
import { fixMojibake } from '../../../src/import/own-data/meta-text.js';

// JSON.parse of Meta's escapes gives these Latin-1 strings; the tests start from the JSON text.
const parsed = (json: string): string => JSON.parse(`"${json}"`) as string;

describe('fixMojibake (Meta exports: UTF-8 bytes written as \\u00XX escapes)', () => {
  it('turns the four escapes of a thumbs-up into one emoji', () => {
    const s = fixMojibake(parsed('\\u00f0\\u009f\\u0091\\u008d'));
    expect(s).toBe('\u{1F44D}');
    expect([...s]).toHaveLength(1);
  });

  it('decodes accented letters and punctuation inside ordinary text', () => {
    expect(fixMojibake(parsed('caf\\u00c3\\u00a9 \\u00e2\\u0080\\u0094 ok'))).toBe('café — ok');
  });

  it('keeps a string that does not decode as UTF-8 (real Latin-1 text is not mojibake)', () => {
    expect(fixMojibake('Café')).toBe('Café');
    expect(fixMojibake('naïve façade')).toBe('naïve façade');
    // a lead byte without its continuation, and a continuation byte alone
    expect(fixMojibake(parsed('\\u00c3('))).toBe('\u00c3(');
    expect(fixMojibake(parsed('x\\u0080y'))).toBe('x\u0080y');
  });

  it('keeps text fixed by hand and repairs only the byte runs left in it (the Threads sample)', () => {
    const mixed = parsed('Fr\\u00fcher war Mittwoch wirklich mitte der woche\\u00e2\\u0080\\u00a6');
    expect(fixMojibake(mixed)).toBe('Früher war Mittwoch wirklich mitte der woche…');
    expect(fixMojibake('real emoji 👍 and ' + parsed('\\u00f0\\u009f\\u0091\\u008d'))).toBe('real emoji 👍 and 👍');
  });

  it('is idempotent: decoded text stays as it is', () => {
    const once = fixMojibake(parsed('\\u00f0\\u009f\\u0091\\u008d caf\\u00c3\\u00a9'));
    expect(fixMojibake(once)).toBe(once);
  });

  it('refuses what is not strict UTF-8: overlong forms and surrogates stay as written', () => {
    expect(fixMojibake(parsed('\\u00c0\\u00af'))).toBe('\u00c0\u00af'); // C0 is never a lead byte
    expect(fixMojibake(parsed('\\u00e0\\u0080\\u00af'))).toBe('\u00e0\u0080\u00af'); // overlong 3-byte '/'
    expect(fixMojibake(parsed('\\u00ed\\u00a0\\u0080'))).toBe('\u00ed\u00a0\u0080'); // U+D800
    expect(fixMojibake(parsed('\\u00f4\\u0090\\u0080\\u0080'))).toBe('\u00f4\u0090\u0080\u0080'); // past U+10FFFF
  });

  it('returns the same string object when there is nothing to fix', () => {
    const s = 'plain ascii';
    expect(fixMojibake(s)).toBe(s);
  });
});
