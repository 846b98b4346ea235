/**
 * Issue 13, items 9 and 10: hostile handles, file names and list columns, generated here,
 * never reach --json raw (C1 and bidi controls escaped, strings faithful) and never reach
 * --csv as a formula (header cells too; tab/CR-prefixed cells keep their guard).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { day } from '../../tools/sim/dataset-builder.js';
import { DbWriter } from '../helpers/score-db.js';

const CSI8 = '\u009b'; // 8-bit CSI
const RLO = '\u202e'; // right-to-left override
const EVIL = [`ev${CSI8}31mil`, `bi${RLO}di`, `is\u2066o\u2069\u200e`, '=cmd', '\tplus', '@at'];
const RAW = /[\u0080-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let dir = '';
let db = '';
const cli = (...args: string[]) => runCli(['--db', db, ...args], { cwd: dir });

beforeAll(async () => {
  dir = tempDir();
  db = path.join(dir, 'hostile.db');
  // a file whose name carries a bidi override, imported so `db info` lists it
  const file = path.join(dir, `acc${RLO}vsc.csv`);
  fs.writeFileSync(file, 'handle,followers\nplain_person,10\n');
  const imp = await cli('import', file);
  expect(imp.code, imp.stderr).toBe(0);
  const w = new DbWriter(db);
  const ids = EVIL.map((handle, k) => w.account({ handle, followers: 5000 + 1000 * k, listed: 50 }));
  const fans = Array.from({ length: 12 }, (_, i) => w.account({ handle: `fan${i}`, followers: 20 }));
  ids.forEach((id, k) => {
    for (let p = 0; p < 4; p++) {
      const post = w.post(id, { at: day(p * 3 + k), externalId: `x${k}-${p}` });
      fans.forEach((f, j) => {
        if ((j + p) % 2 === 0) w.interact(f, id, 'reshare', { at: day(p * 3 + k + 0.5), post });
      });
    }
  });
  w.close();
});

function expectSafeJson(stdout: string): unknown {
  expect(stdout).not.toMatch(RAW);
  return JSON.parse(stdout);
}

describe('--json escapes C1 and bidi controls in every command, faithfully', () => {
  it('score --all', async () => {
    const r = await cli('score', '--all', '--json', '--no-save');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('\\u009b');
    const doc = expectSafeJson(r.stdout) as { results: { handle: string }[] };
    for (const h of EVIL) expect(doc.results.map((x) => x.handle)).toContain(h);
  });

  it('rank, explain, report threshold, report authenticity', async () => {
    const rank = expectSafeJson((await cli('rank', '--json')).stdout) as { results: { handle: string }[] };
    expect(rank.results.map((x) => x.handle)).toContain(EVIL[1]);
    const ex = await cli('explain', EVIL[0]!, '--json');
    expect(ex.code, ex.stderr).toBe(0);
    expect((expectSafeJson(ex.stdout) as { result: { handle: string } }).result.handle).toBe(EVIL[0]);
    const th = await cli('report', 'threshold', '--at', '1', '--json', '--no-save');
    expect(th.code, th.stderr).toBe(0);
    const doc = expectSafeJson(th.stdout) as { above: { handle: string }[] };
    expect(doc.above.map((a) => a.handle)).toContain(EVIL[2]);
    expectSafeJson((await cli('report', 'authenticity', '--json')).stdout);
  });

  it('db info (a file name) and history', async () => {
    const info = expectSafeJson((await cli('db', 'info', '--json')).stdout) as { imports: { path: string }[] };
    expect(info.imports[0]!.path).toContain(`acc${RLO}vsc.csv`);
    await cli('score', EVIL[1]!);
    const h = await cli('history', EVIL[1]!, '--json');
    expect(h.code, h.stderr).toBe(0);
    expect((expectSafeJson(h.stdout) as { handle: string }).handle).toBe(EVIL[1]);
  });
});

describe('--csv guards every cell, header cells included, with one writer', () => {
  const cellsOf = (csv: string): string[] => {
    const cells: string[] = [];
    // RFC 4180 cells (no line breaks inside cells: they are cleaned to spaces)
    for (const line of csv.split('\r\n')) {
      for (const m of line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)) cells.push(m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!);
    }
    return cells;
  };
  const expectSafeCsv = (csv: string): void => {
    expect(csv).not.toMatch(/[\t\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(csv.endsWith('\r\n')).toBe(true);
    for (const c of cellsOf(csv)) expect(c, c).not.toMatch(/^\s*[=+@]|^\s*-(?!\d)/);
  };

  it('rank --list keeps a list column named like a formula, guarded', async () => {
    const list = path.join(dir, 'list.csv');
    fs.writeFileSync(list, `handle,"=HYPERLINK(""http://evil.example"",""x"")",note\n@fan1,"=1+1",\tx\n"${EVIL[3]}",+1,"\r@2"\n`);
    const r = await cli('rank', '--list', list, '--csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(r.stdout).toContain("'=1+1");
    expectSafeCsv(r.stdout);
  });

  it('score, topics and report authenticity', async () => {
    for (const args of [['score', '--all', '--no-save'], ['topics', '--all'], ['report', 'authenticity']]) {
      const r = await cli(...args, '--csv');
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expectSafeCsv(r.stdout);
    }
    const score = (await cli('score', '--all', '--no-save', '--csv')).stdout;
    expect(score).toContain("'=cmd");
    expect(score).toContain("' plus");
    expect(score).toContain("'@at");
  });
});
