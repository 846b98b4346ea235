/**
 * foldInto (the code units the tokenizer reads) against foldText (the definition's string):
 * the same folded text, unit for unit, on texts of every path foldInto takes (ASCII, plain
 * non-ASCII decoded from UTF-8, the string path), and the fact its ASCII shortcut rests on.
 */
import { describe, expect, it } from 'vitest';
import { createUnitBuffer, foldInto, foldText } from '../../src/engine/topics/fold.js';

const codeUnits = (s: string): number[] => {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
  return out;
};

describe('folding into code units', () => {
  it('a character whose lower case is all ASCII folds to that lower case (the ASCII shortcut of foldInto)', () => {
    const found: number[] = [];
    for (let cp = 128; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      const lower = c.toLowerCase();
      if (!/^[\u0000-\u007f]*$/.test(lower)) continue;
      found.push(cp);
      expect(foldText(c), cp.toString(16)).toBe(lower);
      expect(foldText(`A${c}b`), cp.toString(16)).toBe(`a${lower}b`);
    }
    expect(found).toEqual([0x212a]); // the Kelvin sign, "k"
  });

  it('leaves the units of foldText(text) and returns that string, on every path', () => {
    const buf = createUnitBuffer();
    const pool = [...'AbÇçÉéÑñÖöÜüßÆæŒœΑαΣσςЖжЁёЙйאבשالعربيةأإآ日本語のテキストカタカナ한국어가각“”‘’–—…€™←↑✓❤👍🎉\ufe0f', '\u0301', '\u0308', '\u3099', 'ﬁ', 'Ａ', '\u{16D67}', '\u1161', '\u212a', 'İ', '\ud83c', '\udf89', '\ufffd', ' ', 'x', 'Q', '.'];
    const tricky = ['', 'Hello World', 'ΟΔΟΣ ΣΟΦΟΣ', 'ﬁne Ｆｕｌｌ', 'cafe\u0301 café', 'İstanbul', 'K Å µ', '\ud83c x \udf89', 'lone \ud800', 'a\ufffdb', 'Größe', 'Привет', '🎉🔥👍'];
    let seed = 11;
    const next = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const texts = [...tricky];
    for (let k = 0; k < 5000; k++) {
      let t = '';
      for (let j = 1 + next(12); j > 0; j--) t += pool[next(pool.length)];
      texts.push(t);
    }
    // long texts after short ones and the reverse, so units left in the reused buffers would show
    texts.push('x'.repeat(3000) + 'É', 'ab', 'Ω'.repeat(2000), 'z');
    for (const t of texts) {
      const want = foldText(t);
      expect(foldInto(buf, t), JSON.stringify(t)).toBe(want);
      expect([...buf.chars.subarray(0, buf.length)], JSON.stringify(t)).toEqual(codeUnits(want));
    }
  });
});
