import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/open.js';
import { runCli, SHARED, tempDir } from '../helpers/cli.js';
import { writeScoreFixture } from '../helpers/score-fixture.js';

let dir = '';
let db = '';
beforeAll(() => {
  dir = tempDir();
  db = writeScoreFixture(dir);
});
const cli = (...args: string[]) => runCli(['--db', db, ...args], { cwd: dir });

describe('score', () => {
  it('prints the JSON contract, byte-identical across runs, without run metadata', async () => {
    const one = await cli('score', 'twitter:alice', '@bob', '--json');
    const two = await cli('score', 'twitter:alice', '@bob', '--json', '--no-save');
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(two.stdout);
    const doc = JSON.parse(one.stdout);
    expect(Object.keys(doc)).toEqual(['schema', 'asOf', 'windowDays', 'model', 'results']);
    expect(doc.schema).toBe(1);
    expect(doc.asOf).toBe('2026-02-15T08:52:48.000Z'); // the latest activity (day 45 + 0.1 + 29/100), not the clock
    expect(doc.windowDays).toBe(90);
    expect(doc.model).toBe('2.2.0');
    const r = doc.results[0];
    expect(Object.keys(r)).toEqual(['handle', 'network', 'score', 'interval', 'abstain', 'subscores', 'confidence', 'contributions', 'flags', 'missing', 'activityInWindow', 'lastActivity']);
    expect(r.interval[0]).toBeLessThanOrEqual(r.score);
    expect(r.interval[1]).toBeGreaterThanOrEqual(r.score);
    expect(Object.keys(r.contributions[1])).toEqual(['feature', 'group', 'value', 'points', 'source']);
    expect(r.handle).toBe('alice');
    expect(r.score).toBeGreaterThan(doc.results[1].score);
    const sum = r.contributions.reduce((s: number, c: { points: number }) => s + Math.round(c.points * 10), 0);
    expect(sum).toBe(Math.round(r.score * 10));
    expect(one.stdout).not.toMatch(/created|runId/);
  });

  it('stores a run per scoring (unless --no-save) and history lists them', async () => {
    const before = (await cli('history', 'twitter:alice', '--json'));
    const n0 = JSON.parse(before.stdout).runs.length;
    await cli('score', 'twitter:alice');
    await cli('score', 'twitter:alice', '--window', '30');
    await cli('score', 'twitter:alice', '--no-save');
    const h = JSON.parse((await cli('history', 'twitter:alice', '--json')).stdout);
    expect(h.runs.length).toBe(n0 + 2);
    expect(h.runs.at(-1).windowDays).toBe(30);
    // the stored run keeps the numbers the score showed, its interval included (not its itemisation)
    const shown = JSON.parse((await cli('score', 'twitter:alice', '--window', '30', '--json', '--no-save')).stdout).results[0];
    expect(h.runs.at(-1)).toMatchObject({ score: shown.score, interval: shown.interval, subscores: shown.subscores, confidence: shown.confidence });
    expect(h.runs.at(-1).interval[0]).toBeLessThan(h.runs.at(-1).interval[1]);
    const plain = await cli('history', 'twitter:alice');
    expect(plain.stdout).toContain('@alice (twitter)');
    expect(plain.stdout).toMatch(/score/);
    const conn = openDb(db);
    expect(conn.prepare('SELECT count(*) FROM runs').pluck().get()).toBeGreaterThanOrEqual(n0 + 2);
    conn.close();
  });

  it('scores everyone with --all, and honours --as-of and --window', async () => {
    const all = JSON.parse((await cli('score', '--all', '--json', '--no-save')).stdout);
    expect(all.results).toHaveLength(35);
    const dave = all.results.find((r: { handle: string }) => r.handle === 'dave');
    expect(dave.confidence).toBeLessThan(0.5);
    expect(dave.missing).toContain('engagers');
    const early = JSON.parse((await cli('score', 'bob', '--json', '--no-save', '--as-of', '2026-01-10', '--window', '30')).stdout);
    expect(early.asOf).toBe('2026-01-10T23:59:59.999Z');
    expect(early.windowDays).toBe(30);
  });

  it('plain output when piped: one block for one account, rows for several', async () => {
    const one = await cli('score', 'bob');
    expect(one.stdout).toMatch(/^@bob \(twitter\)  score \d+\.\d/);
    expect(one.stdout).toContain('reach');
    expect(one.stdout).not.toMatch(/\u001b\[/);
    const many = await cli('score', 'bob', 'carol', '--no-save');
    expect(many.stdout.split('\n')[0]).toMatch(/^handle\s+network\s+score/);
    const csv = await cli('score', 'bob', 'carol', '--no-save', '--csv');
    expect(csv.stdout.split('\r\n')[0]).toBe('handle,network,score,low,high,reach,amplification,network_score,confidence,missing,flags,abstain');
    expect(csv.stdout.split('\r\n')[1]).toMatch(/^bob,twitter,\d/);
  });

  it('explains every contribution and proves the sum', async () => {
    const r = await cli('explain', 'twitter:alice');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sum: .* = (\d+\.\d) = score \1/);
    expect(r.stdout).toContain('engagers');
    expect(r.stdout).toContain('top engagers');
    const j = JSON.parse((await cli('explain', 'twitter:alice', '--json')).stdout);
    expect(j.sum).toBe(j.result.score);
    expect(j.topEngagers[0].handle).toBe('bob'); // bob is engaged by carol: the most influential engager
    const d = await cli('explain', 'dave');
    // an imputed value is shown as ~value with what it rests on
    expect(d.stdout).toMatch(/^ {2}engagers ~[\d.]+: from followers/m);
    expect(d.stdout).toContain('imputed');
  });

  it('explains unknown and ambiguous handles', async () => {
    const unknown = await cli('score', '@alise');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown handle @alise');
    expect(unknown.stderr).toContain('did you mean @alice');
    const ambiguous = await cli('explain', 'alice');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('twitter:alice, mastodon:alice');
    expect((await cli('score')).stderr).toContain('--all');
    expect((await cli('score', 'bob', '--window', 'ten')).code).toBe(2);
    expect((await cli('score', 'bob', '--as-of', 'soon')).stderr).toContain('--as-of');
  });

  it('rejects a broken model file as an input error naming it', async () => {
    const bad = path.join(dir, 'bad-model.json');
    fs.writeFileSync(bad, JSON.stringify({ schema: 1, version: 'x', features: 'none' }));
    const r = await cli('score', 'bob', '--model', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad-model.json');
    expect(r.stderr).toContain('"features" must be an array');
  });
});

describe('eval and fit', () => {
  it('evaluates a,b,winner pairs of handles from the database', async () => {
    const pairs = path.join(dir, 'pairs.csv');
    fs.writeFileSync(pairs, 'a,b,winner\ntwitter:alice,bob,twitter:alice\nbob,carol,bob\ncarol,fan3,carol\nfan5,twitter:alice,twitter:alice\n');
    const r = await cli('eval', pairs, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['schema', 'model', 'n', 'auc', 'aucInterval', 'accuracy', 'baselines', 'versusBaselines']);
    expect(j.n).toBe(4);
    // one pair won by B: too few to say how sure the AUC is, and it says so instead of an interval
    expect(j.aucInterval).toBeNull();
    expect(j.versusBaselines).toEqual({ followers: null, listed: null });
    expect(j.accuracy).toBe(1);
    expect(j.baselines.followers).toBeGreaterThan(0);
    const bad = path.join(dir, 'bad-pairs.csv');
    fs.writeFileSync(bad, 'a,b,winner\ntwitter:alice,zed,zed\n');
    const e = await cli('eval', bad);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('bad-pairs.csv:line 2');
  });

  it('fits a model file that records how it was made, deterministically', async () => {
    const pairs = path.join(dir, 'fit-pairs.csv');
    const rows = ['a,b,winner'];
    for (let i = 0; i < 29; i++) rows.push(`fan${i},fan${i + 1},fan${i + 1}`, `twitter:alice,fan${i},twitter:alice`);
    fs.writeFileSync(pairs, `${rows.join('\n')}\n`);
    const args = ['fit', pairs, '--out', 'm1.json', '--date', '2026-01-02', '--model-version', 'test-1', '--folds', '2'];
    const r = await cli(...args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CV');
    await cli(...args.map((a) => (a === 'm1.json' ? 'm2.json' : a)));
    const m1 = fs.readFileSync(path.join(dir, 'm1.json'), 'utf8');
    expect(m1).toBe(fs.readFileSync(path.join(dir, 'm2.json'), 'utf8').replace('m2.json', 'm1.json'));
    const model = JSON.parse(m1);
    expect(model.version).toBe('test-1');
    expect(model.provenance.date).toBe('2026-01-02');
    expect(model.provenance.command).toContain('influence fit');
    expect(model.provenance.data[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(model.provenance.data[0].format).toBe('handles');
    expect(typeof model.provenance.cvAuc).toBe('number');
    const scored = await cli('score', 'bob', '--model', 'm1.json', '--json', '--no-save');
    expect(JSON.parse(scored.stdout).model).toBe('test-1');
    const tooFew = await cli('fit', pairs, '--out', 'm3.json', '--folds', '6'); // 58 pairs < 6 x 10
    expect(tooFew.code).toBe(2);
    expect(tooFew.stderr).toMatch(/too few for 6-fold cross-validation/);
  });

  it.runIf(fs.existsSync(path.join(SHARED, 'benchmarks/peerindex-pairs/dev.csv')))('the shipped model scores AUC >= 0.85 on the PeerIndex dev pairs', async () => {
    const r = await runCli(['eval', path.join(SHARED, 'benchmarks/peerindex-pairs/dev.csv'), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.n).toBe(2727);
    expect(j.auc).toBeGreaterThanOrEqual(0.85);
    expect(j.auc).toBeGreaterThan(j.baselines.followers);
    expect(j.baselines.followers).toBeCloseTo(0.849, 2);
    expect(j.baselines.listed).toBeCloseTo(0.86, 2);
    // how sure: the interval holds the AUC, and each margin is the AUC less the baseline's
    expect(j.aucInterval[0]).toBeLessThan(j.auc);
    expect(j.aucInterval[1]).toBeGreaterThan(j.auc);
    for (const b of ['followers', 'listed'] as const) {
      expect(j.versusBaselines[b].difference).toBeCloseTo(j.auc - j.baselines[b], 3);
      expect(j.versusBaselines[b].interval[0]).toBeLessThan(j.versusBaselines[b].difference);
    }
  });
});
