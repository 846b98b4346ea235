/** Reads a KONECT temporal edge list (`from to weight unix_time` per line) as interaction rows. */
import type { InteractionRow } from '../../src/engine/engagement-split.js';
import type { KindName } from '../../src/engine/dataset.js';

/** One row per edge line: actor u<from>, target u<to>, the given kind, time in ms. */
export function readKonect(text: string, file: string, kind: string): InteractionRow[] {
  const rows: InteractionRow[] = [];
  const lines = text.split('\n');
  lines.forEach((line, n) => {
    const s = line.trim();
    if (s === '' || s.startsWith('%')) return;
    const f = s.split(/\s+/);
    const t = Number(f[3]);
    if (f.length < 4 || !Number.isFinite(t)) throw new Error(`${file}:${n + 1}: expected 'from to weight unix_time', got ${JSON.stringify(s.slice(0, 80))}`);
    rows.push({ actor: `u${f[0]}`, target: `u${f[1]}`, kind: kind as KindName, createdAt: t * 1000 });
  });
  return rows;
}
