/** Line numbers for JSON.parse errors, so messages can say where a file is broken. */

/**
 * The 1-based line of the position V8 reports in a JSON.parse error ('... at position 123'
 * or '... (line 4 column 2)'); the last line when the text ended early (a truncated file).
 */
export function jsonErrorLine(text: string, err: unknown): number {
  const message = err instanceof Error ? err.message : String(err);
  const lineCol = /line (\d+) column \d+/.exec(message);
  if (lineCol) return Number(lineCol[1]);
  const pos = /position (\d+)/.exec(message);
  const at = pos ? Number(pos[1]) : text.length;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
