/** A three-row box-drawing font for the score on the TTY card ("the score large"). */
const GLYPHS: Record<string, [string, string, string]> = {
  '0': ['┏━┓', '┃ ┃', '┗━┛'],
  '1': [' ┓ ', ' ┃ ', ' ┻ '],
  '2': ['┏━┓', '┏━┛', '┗━━'],
  '3': ['━━┓', '━━┫', '━━┛'],
  '4': ['┃ ┃', '┗━┫', '  ┃'],
  '5': ['┏━━', '┗━┓', '━━┛'],
  '6': ['┏━━', '┣━┓', '┗━┛'],
  '7': ['━━┓', '  ┃', '  ┃'],
  '8': ['┏━┓', '┣━┫', '┗━┛'],
  '9': ['┏━┓', '┗━┫', '━━┛'],
  '.': [' ', ' ', '•'],
};

/** The three rows of `text` (digits and '.') in the big font; other characters are skipped. */
export function bigDigits(text: string): [string, string, string] {
  const rows: [string, string, string] = ['', '', ''];
  for (const ch of text) {
    const g = GLYPHS[ch];
    if (!g) continue;
    for (let r = 0; r < 3; r++) rows[r] += (rows[r] === '' ? '' : ' ') + g[r];
  }
  return rows;
}

/** A horizontal bar of `width` cells for a 0..100 value. */
export function bar(value: number, width: number): string {
  const full = Math.max(0, Math.min(width, Math.round((value / 100) * width)));
  return '█'.repeat(full) + '░'.repeat(width - full);
}
