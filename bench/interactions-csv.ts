/** A deterministic generic interactions.csv for the import benchmark (no Math.random). */
import fs from 'node:fs';

const KINDS = ['like', 'like', 'like', 'like', 'reply', 'reshare', 'mention', 'quote'];

/** Writes `rows` interactions among `accounts` handles; heavy-tailed targets, seeded. */
export async function writeInteractionsCsv(file: string, rows: number, accounts: number, seed: number): Promise<void> {
  let s = seed >>> 0;
  const next = () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = fs.createWriteStream(file);
  const start = Date.UTC(2026, 0, 1);
  let chunk = 'actor,target,kind,created_at,post_id\n';
  for (let i = 0; i < rows; i++) {
    const actor = Math.floor(next() * accounts);
    // Zipf-like popularity: a few accounts receive most engagement, as in real networks.
    const target = Math.floor(accounts * next() ** 3);
    const kind = KINDS[Math.floor(next() * KINDS.length)]!;
    const at = new Date(start + Math.floor(next() * 180 * 86_400_000)).toISOString().slice(0, 19) + 'Z';
    chunk += `user${actor},user${target},${kind},${at},p${i}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((r) => out.on("finish", () => r()));
}
