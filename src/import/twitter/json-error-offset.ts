/**
 * Where JSON text first goes wrong. V8's JSON.parse errors name a position only for some
 * mistakes ("Unexpected token 'x', ... is not valid JSON" does not), and an error message
 * must name the line, so after a failed parse this small scanner finds the offset itself.
 * It validates syntax only and builds nothing; it runs only on text that already failed.
 */

/** Offset of the first syntax error in `s` (s.length when the text just ends too early). */
export function findJsonErrorOffset(s: string): number {
  let i = 0;
  const n = s.length;
  class Stop {
    constructor(readonly at: number) {}
  }
  const ws = (): void => {
    while (i < n && (s[i] === ' ' || s[i] === '\n' || s[i] === '\r' || s[i] === '\t')) i++;
  };
  const stop = (): never => {
    throw new Stop(Math.min(i, n));
  };
  const expect = (ch: string): void => {
    if (s[i] !== ch) stop();
    i++;
  };
  const string = (): void => {
    expect('"');
    while (i < n && s[i] !== '"') {
      const c = s.charCodeAt(i);
      if (c < 0x20) stop();
      if (s[i] === '\\') {
        i++;
        if (s[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) stop();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(s[i] ?? '')) stop();
      }
      i++;
    }
    expect('"');
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') return void i++;
      for (;;) {
        ws();
        string();
        ws();
        expect(':');
        value();
        ws();
        if (s[i] === ',') i++;
        else return expect('}');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (s[i] === ',') i++;
        else return expect(']');
      }
    }
    if (c === '"') return string();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(s.slice(i, i + 400));
    if (!m) stop();
    i += m![0].length;
  };
  try {
    value();
    ws();
    return i < n ? i : n;
  } catch (err) {
    if (err instanceof Stop) return err.at;
    throw err;
  }
}
