/**
 * Deterministic benchmark datasets as generic CSV tables.
 *
 *   npx tsx bench/generate.ts --accounts 100000 --interactions 1000000 --out DIR [--seed N] [--truth]
 *     a synthetic world (bench preset) written as accounts.csv, posts.csv, interactions.csv,
 *     follows.csv (+ truth.json with --truth); `interactions` is the number of engagement
 *     events up to asOf (likes, replies, reshares, quotes, mentions), reached within a few %.
 *   npx tsx bench/generate.ts --preset eval --out DIR --truth
 *     the same for another preset (sample, eval, bench) at its own size, unless --accounts or
 *     --interactions say otherwise.
 *   npx tsx bench/generate.ts --import-table FILE [--rows 1000000] [--accounts 100000] [--seed N]
 *     one interactions.csv of exactly `rows` rows for `bench:import` (see writeImportBenchTable).
 *
 * Prints what it wrote, the time it took and the peak RSS, as JSON on stdout.
 */
import { pathToFileURL } from 'node:url';
import { importBenchChunks, type ImportBenchOptions } from '../tools/sim/bench-interactions.js';
import { PRESETS, type PresetName, resolveConfig } from '../tools/sim/config.js';
import { forEachEngagement } from '../tools/sim/events.js';
import { generateWorld } from '../tools/sim/world.js';
import { type WriteSummary, writeChunks, writeGenericTables, writeTruth } from '../tools/sim/write-generic.js';

export interface DatasetOptions {
  /** config preset (default 'bench') */
  preset?: PresetName;
  /** accounts (default: the preset's) */
  accounts?: number;
  /** engagement events up to asOf to aim for (default: the preset's activity) */
  interactions?: number;
  out: string;
  seed?: number;
  truth?: boolean;
}

export interface DatasetReport extends WriteSummary {
  accounts: number;
  /** engagement events up to asOf actually generated */
  engagementEvents: number;
  generateSeconds: number;
  writeSeconds: number;
  peakRssMB: number;
}

/** Generates and writes a benchmark world of about the given size. */
export function generateDataset(opts: DatasetOptions): DatasetReport {
  const started = performance.now();
  const world = generateWorld(
    resolveConfig(opts.preset ?? 'bench', {
      ...(opts.accounts !== undefined ? { accounts: opts.accounts } : {}),
      ...(opts.interactions !== undefined ? { targetInteractions: opts.interactions } : {}),
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    }),
  );
  const generated = performance.now();
  const summary = writeGenericTables(world, opts.out);
  if (opts.truth) writeTruth(world, `${opts.out}/truth.json`);
  const written = performance.now();
  const asOfSec = (world.asOf - world.t0) / 1000;
  let events = 0;
  forEachEngagement(world, (_a, _t, _k, time) => {
    if (time <= asOfSec) events++;
  });
  return {
    ...summary,
    accounts: world.accounts.n,
    engagementEvents: events,
    generateSeconds: round((generated - started) / 1000),
    writeSeconds: round((written - generated) / 1000),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/**
 * Writes the `bench:import` table: an interactions.csv (actor,target,kind,created_at,
 * post_id) of exactly `rows` rows over `accounts` accounts (defaults 1,000,000 and
 * 100,000), deterministic for a seed. Returns bytes written.
 */
export function writeImportBenchTable(path: string, opts: Partial<ImportBenchOptions> = {}): number {
  return writeChunks(path, importBenchChunks({ rows: 1_000_000, accounts: 100_000, ...opts }));
}

const round = (x: number) => Math.round(x * 100) / 100;

function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const next = argv[k + 1];
    if (next === undefined || next.startsWith('--')) out[a.slice(2)] = true;
    else {
      out[a.slice(2)] = next;
      k++;
    }
  }
  return out;
}

function num(args: Record<string, string | true>, key: string, fallback?: number): number {
  const v = args[key];
  if (v === undefined) {
    if (fallback === undefined) throw new Error(`--${key} is required`);
    return fallback;
  }
  const n = Number(String(v).replace(/_/g, ''));
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${key} must be a positive number (got ${String(v)})`);
  return n;
}

function main(argv: string[]): void {
  const args = parseArgs(argv);
  const seed = args.seed === undefined ? undefined : num(args, 'seed');
  if (typeof args['import-table'] === 'string') {
    const t = performance.now();
    const rows = num(args, 'rows', 1_000_000);
    const accounts = num(args, 'accounts', 100_000);
    const bytes = writeImportBenchTable(args['import-table'], { rows, accounts, ...(seed !== undefined ? { seed } : {}) });
    const seconds = round((performance.now() - t) / 1000);
    process.stdout.write(`${JSON.stringify({ file: args['import-table'], rows, accounts, bytes, seconds, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
    return;
  }
  if (typeof args.out !== 'string') throw new Error('--out DIR is required');
  const preset = (typeof args.preset === 'string' ? args.preset : 'bench') as PresetName;
  if (!(preset in PRESETS)) throw new Error(`--preset must be one of ${Object.keys(PRESETS).join(', ')}`);
  const sized = preset === 'bench';
  const report = generateDataset({
    preset,
    ...(args.accounts !== undefined || sized ? { accounts: num(args, 'accounts', 100_000) } : {}),
    ...(args.interactions !== undefined || sized ? { interactions: num(args, 'interactions', 1_000_000) } : {}),
    out: args.out,
    ...(seed !== undefined ? { seed } : {}),
    truth: args.truth === true,
  });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bench/generate: ${(err as Error).message}\n`);
    process.exitCode = 2;
  }
}
