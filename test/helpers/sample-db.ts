/** The bundled sample imported once per test file (via `influence demo --db`), for campaign CLI tests. */
import path from 'node:path';
import { runCli, tempDir } from './cli.js';

let cached: Promise<string> | null = null;

/** Path of a database holding fixtures/sample (imported in-process, once per worker). */
export function sampleDb(): Promise<string> {
  cached ??= (async () => {
    const dir = tempDir('influence-sample-');
    const db = path.join(dir, 'sample.db');
    const r = await runCli(['demo', '--db', db, '--json'], { cwd: dir });
    if (r.code !== 0) throw new Error(`demo import failed: ${r.stderr}`);
    return db;
  })();
  return cached;
}
