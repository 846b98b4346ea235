/**
 * Times opening and reading a Twitter archive (default: the real 2026 sample in
 * ../shared/data/realdata). Run: npx tsx bench/twitter-archive.ts [PATH]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSource } from '../src/import/open-source.js';
import type { RecordSink } from '../src/store/records.js';
import { twitterAdapter } from '../src/import/twitter/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = process.argv[2] ?? path.join(root, '..', 'shared', 'data', 'realdata', 'twitter-milahu104-2026');

async function run(): Promise<void> {
  const t0 = performance.now();
  const source = await openSource(target);
  const t1 = performance.now();
  const counts: Record<string, number> = {};
  const sink: RecordSink = {
    record: (r) => void (counts[r.type] = (counts[r.type] ?? 0) + 1),
    problem: (p) => void console.error('problem:', p.file, p.line, p.reason),
    skippedFile: () => undefined,
  };
  await twitterAdapter.read(source, sink, { defaultNetwork: 'generic', owner: 'archive_owner' }); // owner used only when the archive lacks one
  const t2 = performance.now();
  console.log(`${target}\n  open ${(t1 - t0).toFixed(0)} ms, read ${(t2 - t1).toFixed(0)} ms, ${(source.totalBytes / 1e6).toFixed(1)} MB`);
  console.log(`  records: ${JSON.stringify(counts)}; peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
}

run().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
