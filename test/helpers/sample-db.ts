/** The bundled sample imported once per test process (via `influence demo --db`), copied for each test file, for campaign CLI tests. */
import fs from 'node:fs';
import path from 'node:path';
import { analyze, type Analysis } from '../../src/engine/analyze.js';
import { resolveWindow } from '../../src/engine/window.js';
import { openDb } from '../../src/store/open.js';
import { readDataset, readLatestActivity } from '../../src/store/read-dataset.js';
import { runCli } from './cli.js';
import { shippedModel } from './model.js';
import { processTempDir, tempDir } from './temp-dirs.js';

const KEY = Symbol.for('influence.test.sample-db');
const holder = globalThis as { [KEY]?: Promise<string> };

/** Imports fixtures/sample once per process into a directory no test file is given; later files reuse it. */
function importSampleOnce(): Promise<string> {
  holder[KEY] ??= (async () => {
    const dir = processTempDir('influence-sample-');
    const db = path.join(dir, 'sample.db');
    const r = await runCli(['demo', '--db', db, '--json'], { cwd: dir });
    if (r.code !== 0) throw new Error(`demo import failed: ${r.stderr}`);
    return db;
  })();
  return holder[KEY];
}

let cached: Promise<string> | null = null;

/**
 * Path of a database holding fixtures/sample, the same for every call in a test file. Each file
 * gets its own copy of one import (copying the file is what importing it again would produce,
 * at a fraction of the time), so a file that writes runs to it changes no other file's copy.
 */
export function sampleDb(): Promise<string> {
  cached ??= (async () => {
    const master = await importSampleOnce();
    const dir = tempDir('influence-sample-');
    // the database and any journal beside it (the demo has closed it, so there should be none)
    for (const name of fs.readdirSync(path.dirname(master))) {
      if (name.startsWith(path.basename(master))) fs.copyFileSync(path.join(path.dirname(master), name), path.join(dir, name));
    }
    return path.join(dir, path.basename(master));
  })();
  return cached;
}

/**
 * The bundled sample analysed as `score` analyses it by default (a 90-day window ending at
 * its latest activity, the shipped model), for engine and renderer tests over every account.
 */
export async function analysedSample(): Promise<Analysis> {
  const db = openDb(await sampleDb(), { readonly: true });
  const dataset = readDataset(db, { bios: false });
  const window = resolveWindow({ windowDays: 90 }, readLatestActivity(db));
  db.close();
  return analyze(dataset, { window, model: shippedModel() });
}
