/**
 * `score --all --json` on two threads (cli/score-json-threads.ts): the blocks the worker and
 * this thread write make the very bytes of the one-thread document, whichever thread wrote
 * which; a worker that fails ends the command with an error that says so, exit 2. Runs the
 * built dist (the worker is a .js file), in child processes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, spawnCli, tempDir } from '../helpers/cli.js';
import { sampleDb } from '../helpers/sample-db.js';
import { DbWriter } from '../helpers/score-db.js';
import { day } from '../../tools/sim/dataset-builder.js';

const dist = (m: string): string => JSON.stringify(path.join(ROOT, 'dist', m));
const built = fs.existsSync(path.join(ROOT, 'dist', 'cli', 'score-json-worker.js'));

/** Accounts whose names, networks, flags and abstentions take every path of the worker's unpacking. */
function addVariedAccounts(w: DbWriter, count: number): void {
  w.db.transaction(() => {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      // names: plain, non-ASCII, needing JSON escapes, terminal-active (escaped as \u), astral, none (shown as id:...)
      const handle = i % 23 === 0 ? undefined : i % 7 === 0 ? `ünï${i}` : i % 11 === 0 ? `q"uo\\te${i}` : i % 13 === 0 ? `\u202eevil${i}` : i % 17 === 0 ? `c1\u009b${i}` : i % 19 === 0 ? `😀${i}` : `g${i}`;
      ids.push(
        w.account({
          ...(handle === undefined ? {} : { handle }),
          ...(i % 46 === 0 ? { externalId: `x${i}` } : {}),
          network: i % 3 === 0 ? 'mastodon' : 'twitter',
          // unknown audience (abstains unless its reception is known); follow-back farms
          ...(i % 5 === 0 ? {} : i % 9 === 0 ? { followers: 5000 + i, following: 4950 + i } : { followers: 10 + ((i * 37) % 900), following: 50 + ((i * 11) % 300) }),
        }),
      );
    }
    for (let i = 0; i < count; i++) {
      // every fifth account is known only by what others did to it (it abstains: no
      // audience, no reception of its own), some more often than others (distinct reasons)
      const silent = i % 5 === 0;
      const post = silent ? undefined : w.post(ids[i]!, { at: day(i % 40) });
      for (let k = 1; k <= 1 + (i % 4); k++) {
        const actor = (i * 7 + k * 13) % count;
        w.interact(ids[actor % 5 === 0 ? (actor + 1) % count : actor]!, ids[i]!, silent ? 'mention' : ['like', 'reply', 'reshare', 'mention'][k % 4]!, { at: day((i + k) % 45), ...(post ? { post } : {}) });
      }
    }
  })();
}

describe.runIf(built)('score --json on two threads', () => {
  let db = '';
  beforeAll(async () => {
    // the bundled sample (flagged and idle accounts) and 1,500 more of every kind
    db = path.join(tempDir(), 'threads.db');
    fs.copyFileSync(await sampleDb(), db);
    const w = new DbWriter(db);
    addVariedAccounts(w, 1500);
    w.close();
  });

  it('writes the same bytes as one thread, blocks written by both threads', () => {
    const script = `
      const { openDb } = await import(${dist('store/open.js')});
      const { readDataset } = await import(${dist('store/read-dataset.js')});
      const { readDataDates } = await import(${dist('store/read-data-dates.js')});
      const { resolveWindow } = await import(${dist('engine/window.js')});
      const { analyze, allAccounts, displayHandle, explainAccount } = await import(${dist('engine/analyze.js')});
      const { readModelFile } = await import(${dist('inputs/model-file.js')});
      const { readAudienceModelFile } = await import(${dist('inputs/audience-model-file.js')});
      const { renderScoreJsonStream, scoreResultViewOf } = await import(${dist('render/score-view.js')});
      const { reportHeader } = await import(${dist('render/report-header.js')});
      const { startScoreJsonThreads, startScoreJsonWorker, packItemising, sourceOfPacked, writeScoreBlock } = await import(${dist('cli/score-json-threads.js')});
      const { makeByteText, takeBytes } = await import(${dist('render/byte-text.js')});
      const db = openDb(${JSON.stringify(db)}, { readonly: true });
      const dataset = readDataset(db, { bios: true, profile: true });
      const window = resolveWindow({ windowDays: 90 }, readDataDates(db));
      db.close();
      // as score --all reads it (scoresOnly)
      const a = analyze(dataset, { window, model: readModelFile().model, audience: readAudienceModelFile(), scoresOnly: true });
      const idx = allAccounts(a);
      const stream = (more) => ({
        head: { schema: 1, ...reportHeader(a.window, a.model.version) },
        count: idx.length,
        results: function* () { for (const i of idx) yield scoreResultViewOf(explainAccount(a, i), displayHandle(a.dataset, i), a.dataset.accounts.network[i]); },
        rows: () => [],
        csvRows: () => [],
        ...more,
      });
      const bytesOf = async (chunks) => { const parts = []; for await (const c of chunks) parts.push(Buffer.from(c)); return Buffer.concat(parts); };
      const one = await bytesOf(renderScoreJsonStream(stream({})));
      const report = { threads: 0, workerBlocks: 0, mainBlocks: 0 };
      const threads = startScoreJsonThreads(a, idx, { block: 16, ahead: 4, report });
      let two;
      try {
        // the worker has written a block before this thread starts, so both write some
        await threads.firstPost;
        two = await bytesOf(renderScoreJsonStream(stream({ resultBlocks: () => threads.blocks() })));
      } finally {
        await threads.close();
      }
      // a worker started ahead, as the command starts it: it warms up with the analysis's model
      // and is then given the job without a model (it itemises with the copy it warmed up with)
      const warmedReport = { threads: 0, workerBlocks: 0, mainBlocks: 0 };
      const warmed = startScoreJsonWorker(idx.length, a.model, { workerFile: ${dist('cli/score-json-worker.js')} });
      const ahead = startScoreJsonThreads(a, idx, { block: 16, ahead: 4, report: warmedReport, started: warmed });
      let three;
      try {
        await ahead.firstPost;
        three = await bytesOf(renderScoreJsonStream(stream({ resultBlocks: () => ahead.blocks() })));
      } finally {
        await ahead.close();
      }
      // and one thread again, on the columns now in shared memory
      const again = await bytesOf(renderScoreJsonStream(stream({})));
      // every block as the worker writes it: from the analysis packed, passed as a worker gets
      // it (a structured clone: the same shared memory, copies of the rest), and unpacked
      const unpacked = sourceOfPacked(structuredClone(packItemising(a)));
      const all = makeByteText();
      for (let b = 0; b * 16 < idx.length; b++) writeScoreBlock(unpacked, idx, b, 16, all);
      const asWorker = await bytesOf(renderScoreJsonStream(stream({ resultBlocks: async function* () { yield takeBytes(all, 0); } })));
      const doc = JSON.parse(one.toString('utf8'));
      console.log(JSON.stringify({
        same: one.equals(two), sameWarmedUp: one.equals(three), sameAfterSharing: one.equals(again), sameUnpacked: one.equals(asWorker), results: doc.results.length, accounts: idx.length, report, warmedReport,
        flagged: doc.results.filter((r) => r.flags.length > 0).length,
        abstainReasons: new Set(doc.results.map((r) => r.abstain).filter((x) => x !== null)).size,
        idNames: doc.results.filter((r) => r.handle.startsWith('id:')).length,
        networks: [...new Set(doc.results.map((r) => r.network))].sort(),
        escaped: one.includes('\\\\u202e') && one.includes('\\\\u009b') && one.includes('q\\\\"uo'),
      }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).toBe('');
    type Report = { threads: number; workerBlocks: number; mainBlocks: number; modelSent: boolean };
    const out = JSON.parse(r.stdout) as Record<string, unknown> & { report: Report; warmedReport: Report; accounts: number };
    expect(out).toMatchObject({ same: true, sameWarmedUp: true, sameAfterSharing: true, sameUnpacked: true, escaped: true });
    // the worker started without a model was sent one; the one warmed up with the analysis's model was not
    expect(out.report.modelSent).toBe(true);
    expect(out.warmedReport.modelSent).toBe(false);
    expect(out.warmedReport.workerBlocks).toBeGreaterThan(0);
    expect(out['networks']).toEqual(expect.arrayContaining(['mastodon', 'twitter']));
    expect(out['results']).toBe(out.accounts);
    expect(out.accounts).toBeGreaterThanOrEqual(1800);
    expect(out.report.threads).toBe(2);
    expect(out.report.workerBlocks).toBeGreaterThan(0);
    expect(out.report.mainBlocks).toBeGreaterThan(0);
    expect(out.report.workerBlocks + out.report.mainBlocks).toBe(Math.ceil(out.accounts / 16));
    // the unpacked flags, abstention reasons and id: names were used
    expect(out['flagged']).toBeGreaterThan(0);
    expect(out['abstainReasons']).toBeGreaterThan(1);
    expect(out['idNames']).toBeGreaterThan(10);
  });

  it('warms up on made-up accounts of every kind, and a worker stopped before its job ends quietly', () => {
    const script = `
      const { readModelFile } = await import(${dist('inputs/model-file.js')});
      const { startScoreJsonWorker, warmUpPacked, sourceOfPacked, writeScoreBlock } = await import(${dist('cli/score-json-threads.js')});
      const { makeByteText, takeString } = await import(${dist('render/byte-text.js')});
      const model = readModelFile().model;
      const warm = warmUpPacked(model);
      const source = sourceOfPacked(warm);
      const out = makeByteText();
      writeScoreBlock(source, Int32Array.from({ length: warm.n }, (_, i) => i), 0, warm.n, out);
      // the block's items as a list (writeListItem opens it with its '[')
      const text = takeString(out);
      const items = JSON.parse(text + ']');
      const again = makeByteText();
      writeScoreBlock(sourceOfPacked(warmUpPacked(model)), Int32Array.from({ length: warm.n }, (_, i) => i), 0, warm.n, again);
      const worker = startScoreJsonWorker(warm.n, model, { workerFile: ${dist('cli/score-json-worker.js')} });
      await worker.close();
      const code = await worker.exit;
      console.log(JSON.stringify({
        n: warm.n, items: items.length,
        deterministic: takeString(again) === text,
        imputed: items.filter((r) => r.contributions.some((c) => c.source === 'imputed')).length,
        lowerBounds: items.filter((r) => r.contributions.some((c) => c.basis && c.basis.includes('at least'))).length,
        abstaining: items.filter((r) => r.abstain !== null).length,
        damped: items.filter((r) => r.contributions.some((c) => c.feature === 'authenticity')).length,
        error: worker.error, code,
      }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out['items']).toBe(out['n']);
    expect(out['deterministic']).toBe(true);
    // the paths the job's accounts take: imputed values, lower bounds, abstentions, damping
    for (const k of ['imputed', 'lowerBounds', 'abstaining', 'damped']) expect(out[k], k).toBeGreaterThan(0);
    expect(out['error']).toBeNull();
  });

  /** A worker file that fails: at once, or after taking a block (as if it crashed while writing it). */
  function failingWorker(takesABlock: boolean): string {
    const file = path.join(tempDir(), `failing-${takesABlock ? 'late' : 'early'}.mjs`);
    fs.writeFileSync(
      file,
      takesABlock
        ? `import { workerData } from 'node:worker_threads';
           const { NEXT } = await import(${dist('cli/score-json-threads.js')});
           Atomics.add(new Int32Array(workerData.control), NEXT, 1);
           throw new Error('boom after taking a block');`
        : `throw new Error('boom at start');`,
    );
    return file;
  }

  for (const takesABlock of [false, true]) {
    it(`fails the writing when the worker fails ${takesABlock ? 'after taking a block' : 'at once'}`, () => {
      const script = `
        const { openDb } = await import(${dist('store/open.js')});
        const { readDataset } = await import(${dist('store/read-dataset.js')});
        const { readDataDates } = await import(${dist('store/read-data-dates.js')});
        const { resolveWindow } = await import(${dist('engine/window.js')});
        const { analyze, allAccounts } = await import(${dist('engine/analyze.js')});
        const { readModelFile } = await import(${dist('inputs/model-file.js')});
        const { startScoreJsonThreads } = await import(${dist('cli/score-json-threads.js')});
        const db = openDb(${JSON.stringify(db)}, { readonly: true });
        const a = analyze(readDataset(db), { window: resolveWindow({ windowDays: 90 }, readDataDates(db)), model: readModelFile().model, scoresOnly: true });
        const accounts = allAccounts(a);
        const threads = startScoreJsonThreads(a, accounts, { block: 16, workerFile: ${JSON.stringify(failingWorker(takesABlock))} });
        let blocks = 0;
        try {
          // the worker has taken its block (or not, failing at once) and died before this thread starts
          await threads.firstPost;
          for await (const _ of threads.blocks()) blocks++;
          console.log(JSON.stringify({ error: null, blocks, of: Math.ceil(accounts.length / 16) }));
        } catch (e) {
          console.log(JSON.stringify({ error: e.message, blocks, of: Math.ceil(accounts.length / 16) }));
        } finally {
          await threads.close();
        }
      `;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as { error: string | null; blocks: number; of: number };
      expect(out.error).toMatch(takesABlock ? /second thread writing results failed: boom after taking a block/ : /second thread writing results failed: boom at start/);
      // a failure known is reported before anything more is written, and a block the worker
      // took and never wrote is never skipped (the blocks before it at most: here none)
      expect(out.blocks).toBe(0);
      expect(out.of).toBeGreaterThan(100);
    });
  }

  it('score --all --json exits 2 saying so when its worker fails (a big database: two threads)', () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.db');
    const w = new DbWriter(big);
    // past cli/score-json-threads.ts PARALLEL_MIN accounts
    w.db.transaction(() => {
      for (let i = 0; i < 20_500; i++) {
        const id = w.account({ handle: `a${i}`, followers: i % 1000, following: 100 });
        if (i % 10 === 0) w.post(id, { at: day(i % 30) });
      }
    })();
    w.close();
    // the worker replaced by one that takes a block and dies, as the process starts
    const preload = path.join(dir, 'fail-worker.mjs');
    fs.writeFileSync(
      preload,
      `import wt from 'node:worker_threads';
       import { syncBuiltinESMExports } from 'node:module';
       const Real = wt.Worker;
       wt.Worker = class extends Real {
         constructor(file, options) { super(String(file).endsWith('score-json-worker.js') ? ${JSON.stringify(failingWorker(true))} : file, options); }
       };
       syncBuiltinESMExports();`,
    );
    const r = spawnSync(process.execPath, ['--import', preload, path.join(ROOT, 'bin', 'influence.js'), '--db', big, 'score', '--all', '--json', '--no-save'], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^internal error: score --json: the second thread writing results failed: boom after taking a block$/m);
    // the same database and command without the failure: the whole document
    const ok = spawnCli(['--db', big, 'score', '--all', '--json', '--no-save']);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { results: unknown[] }).results).toHaveLength(20_500);
  });
});
