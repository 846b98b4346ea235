/**
 * The cost of producing and writing `score --all --json`'s bytes, in one process: every
 * account itemised once first (held in memory, so no round pays for itemising), then
 * alternating rounds of (views) making the result views alone, (a) the document
 * of another build's `score --json` renderer (render/score-view.ts renderScoreJsonStream)
 * and (b) this build's, each written through this build's writeChunks to a file. CPU seconds per variant, median of the rounds.
 *
 *   npx tsx bench/json-cost.ts --a /path/to/other/checkout [--db bench/out/bench-small.db] [--rounds 5]
 *
 * Both checkouts must be built (npm run build); the model is models/model-v2.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openDb } from '../src/store/open.js';
import { readDataset, readLatestActivity } from '../src/store/read-dataset.js';
import { resolveWindow } from '../src/engine/window.js';
import { analyze, allAccounts, displayHandle, explainAccount, keepScoresOnly } from '../src/engine/analyze.js';
import { validateModel } from '../src/engine/model.js';
import { scoreResultViewOf } from '../src/render/score-view.js';
import { reportHeader } from '../src/render/report-header.js';
const flag = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
if (!flag('a', '')) throw new Error('pass --a CHECKOUT (a built checkout whose JSON renderer to compare with this one)');
const other = path.resolve(flag('a', ''), 'dist');
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
// each build's own `score --json` renderer (whatever it writes: text or byte chunks)
const oldView = await import(pathToFileURL(`${other}/render/score-view.js`).href);
const newView = await import(pathToFileURL(`${here}/render/score-view.js`).href);
const { writeChunks } = await import(pathToFileURL(`${here}/cli/output.js`).href);
const outFile = path.join(os.tmpdir(), `influence-json-cost-${process.pid}.json`);
const db = openDb(flag('db', 'bench/out/bench-small.db'), { readonly: true });
const window = resolveWindow({ windowDays: 90 }, readLatestActivity(db));
const ds = readDataset(db, { bios: false });
db.close();
const model = validateModel(JSON.parse(fs.readFileSync('models/model-v2.json', 'utf8')));
const analysis = keepScoresOnly(analyze(ds, { window, model }));
const idx = allAccounts(analysis);
// itemised once, here, so the rounds pay only the views and the bytes
const itemised = idx.map((i) => explainAccount(analysis, i));
const views = () => (function* () { for (let k = 0; k < idx.length; k++) yield scoreResultViewOf(itemised[k]!, displayHandle(analysis.dataset, idx[k]!), analysis.dataset.accounts.network[idx[k]!]!); })();
const head = { schema: 1, ...reportHeader(analysis.window, analysis.model.version) };
const stream = () => ({ head, count: idx.length, results: views, rows: () => [], csvRows: () => [] });
const sink = () => { const fd = fs.openSync(outFile, 'w'); return { fd, w: new Writable({ write(c, _e, cb) { fs.writeSync(fd, c); cb(); } }) }; };
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const variants: Record<string, () => Promise<void>> = {
  views: async () => { for (const _ of views()); },
  a: async () => { const s = sink(); await writeChunks(s.w, oldView.renderScoreJsonStream(stream())); fs.closeSync(s.fd); },
  b: async () => { const s = sink(); await writeChunks(s.w, newView.renderScoreJsonStream(stream())); fs.closeSync(s.fd); },
};
const times: Record<string, number[]> = {};
for (let r = 0; r < Number(flag('rounds', '5')); r++) {
  for (const k of r % 2 ? Object.keys(variants).reverse() : Object.keys(variants)) {
    const c0 = cpu(); await variants[k]!(); (times[k] ??= []).push(cpu() - c0);
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
fs.rmSync(outFile, { force: true });
console.log(`${idx.length.toLocaleString('en-US')} accounts; CPU seconds (median, then every round):`);
for (const [k, xs] of Object.entries(times)) console.log(`  ${k.padEnd(6)} ${med(xs).toFixed(3)}  ${xs.map((x) => x.toFixed(2)).join(' ')}`);
