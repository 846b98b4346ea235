/**
 * `influence dashboard` end to end under a pseudo-terminal (util-linux `script`): on the
 * bundled sample, keys select an account and open its detail, the screen shows its score
 * as `score --json` gives it, `q` exits 0 and leaves the alternate screen; the database's
 * runs, scores, flags and topic scores are unchanged (it reads only). Off a terminal it
 * refuses with exit 2 and points to `rank`. No timing is asserted: the test waits for text.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runCli, spawnCli, tempDir } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { sampleDb } from '../helpers/sample-db.js';

const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => fs.existsSync(p)) ?? null;
const ENTER_ALT = '\u001b[?1049h';
const LEAVE_ALT = '\u001b[?1049l';
/** Where the README's capture is written when INFLUENCE_CAPTURE names a file (not part of the test). */
const CAPTURE = process.env['INFLUENCE_CAPTURE'];

// sessions still running when a test ends: a test that times out never reaches its
// `finally`, and its dashboard would outlive the run
const running = new Set<() => void>();
afterEach(() => {
  for (const kill of running) kill();
  running.clear();
});

/** A session: the pty's output so far, keys to send, and a wait for text to appear. */
function startSession(args: string[], cwd: string, size = { columns: 80, rows: 24 }, env: Record<string, string> = { NO_COLOR: '1', TERM: 'xterm-256color' }) {
  const command = `stty cols ${size.columns} rows ${size.rows}; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${args.map((a) => JSON.stringify(a)).join(' ')}`;
  const child = spawn(SCRIPT!, ['-qfec', command, '-E', 'never', '/dev/null'], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', LANG: 'C.UTF-8', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let waiters: { text: string; from: number; plain: boolean; resolve: (at: number) => void }[] = [];
  const check = () => {
    const plain = waiters.some((w) => w.plain) ? stripEscapes(out) : '';
    waiters = waiters.filter((w) => {
      const at = (w.plain ? plain : out).indexOf(w.text, w.from);
      if (at >= 0) w.resolve(at);
      return at < 0;
    });
  };
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    check();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const kill = () => void child.kill('SIGKILL');
  running.add(kill);
  void exited.then(() => running.delete(kill));
  return {
    output: () => out,
    send: (keys: string) => void child.stdin.write(keys),
    /** resolves with the offset where `text` appears at or after `from` */
    waitFor: (text: string, from = 0) =>
      new Promise<number>((resolve) => {
        waiters.push({ text, from, plain: false, resolve });
        check();
      }),
    /** the same in the output without escape sequences (offsets in that text): colours split words */
    waitForPlain: (text: string, from = 0) =>
      new Promise<number>((resolve) => {
        waiters.push({ text, from, plain: true, resolve });
        check();
      }),
    exited,
    kill,
  };
}

/**
 * The colours a terminal output sets: the foreground and background parameters of each SGR
 * sequence (ESC [ ... m), a 256-colour or true-colour one as '38;5;n' / '48;2;r;g;b'.
 */
function coloursIn(out: string): string[] {
  const found: string[] = [];
  for (const m of out.matchAll(/\u001b\[([0-9;]*)m/g)) {
    const params = m[1]!.split(';').filter((p) => p !== '');
    for (let k = 0; k < params.length; k++) {
      const p = Number(params[k]);
      if (p === 38 || p === 48) {
        const len = params[k + 1] === '5' ? 3 : 5;
        found.push(params.slice(k, k + len).join(';'));
        k += len - 1;
      } else if ((p >= 30 && p <= 37) || (p >= 40 && p <= 47) || (p >= 90 && p <= 97) || (p >= 100 && p <= 107)) found.push(String(p));
    }
  }
  return found;
}

/** The output without CSI escape sequences. */
function stripEscapes(out: string): string {
  return out.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

/** The last full frame drawn before `end` (ink redraws whole frames): from the header's last start. */
function frameBefore(out: string, end: number): string {
  const start = out.lastIndexOf('influence dashboard ·', end);
  return out
    .slice(start, end)
    .replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')
    .replace(/\r/g, '');
}

describe('influence dashboard in a pseudo-terminal', () => {
  it('has util-linux `script` to make one (.ci/run installs bsdutils when it is missing)', () => {
    expect(SCRIPT, 'install util-linux script: apt-get install bsdutils').not.toBeNull();
  });

  it('selects an account, shows its score as `score --json` does, quits with q: exit 0, terminal restored, database unchanged', async () => {
    const dir = tempDir('influence-dash-');
    const db = path.join(dir, 'sample.db');
    fs.copyFileSync(await sampleDb(), db); // the sample as `demo --db sample.db --json` imports it
    // one stored run, so the detail has history to draw
    expect((await runCli(['--db', db, 'score', '--all', '--json'], { cwd: dir })).code).toBe(0);
    const rank = JSON.parse((await runCli(['--db', db, 'rank', '--json'], { cwd: dir })).stdout) as { results: { handle: string }[] };
    const third = rank.results[2]!.handle;
    const scored = JSON.parse((await runCli(['--db', db, 'score', `@${third}`, '--no-save', '--json'], { cwd: dir })).stdout) as {
      results: { score: number; interval: [number, number]; subscores: { reach: number; amplification: number; network: number } }[];
    };
    const want = scored.results[0]!;
    const audit = JSON.parse((await runCli(['--db', db, 'audit', `@${third}`, '--json'], { cwd: dir })).stdout) as { summary: { quality: number; interval: [number, number] } };
    const tables = () => [
      ...['runs', 'scores', 'flags', 'topic_scores'].map((t) => query<{ n: number }>(db, `SELECT count(*) AS n FROM ${t}`)[0]),
      query<{ n: number }>(db, 'SELECT max(id) AS n FROM runs')[0],
      query<{ n: number }>(db, 'SELECT total(score) AS n FROM scores')[0],
    ];
    const before = tables();
    expect(before[0]!.n).toBe(1);

    const session = startSession(['dashboard', '--db', 'sample.db'], dir);
    try {
      await session.waitFor(ENTER_ALT);
      const shown = await session.waitFor('1 ranking by score');
      // down twice: the third account; Enter: its detail, focused
      session.send('j');
      const second = await session.waitFor('2 of 300', shown);
      session.send('j');
      await session.waitFor('3 of 300', second);
      session.send('\r');
      const opened = await session.waitFor('Esc back', second);
      // the whole frame: up to the footer that follows
      const footer = await session.waitFor('q quit', opened);
      const frame = frameBefore(session.output(), footer + 'q quit'.length);
      expect(frame).toContain(`@${third} (generic)`);
      expect(frame).toContain(`score ${want.score.toFixed(1)}  80% ${want.interval[0].toFixed(1)}-${want.interval[1].toFixed(1)}`);
      expect(frame).toContain(`reach ${want.subscores.reach.toFixed(1)} amp ${want.subscores.amplification.toFixed(1)} net ${want.subscores.network.toFixed(1)}`);
      expect(frame).toMatch(/history \S+ 1 run/);
      expect(frame).toContain(`audience ${audit.summary.quality.toFixed(1)}% real 95% ${audit.summary.interval[0].toFixed(1)}-${audit.summary.interval[1].toFixed(1)}`);
      if (CAPTURE) fs.writeFileSync(CAPTURE, frame);
      session.send('q');
      expect(await session.exited).toBe(0);
    } finally {
      session.kill();
    }
    const out = session.output();
    expect(out.lastIndexOf(LEAVE_ALT)).toBeGreaterThan(out.lastIndexOf('q quit'));
    expect(out.indexOf(ENTER_ALT)).toBeLessThan(out.indexOf('influence dashboard ·'));
    // cursor shown again on the way out
    expect(out.slice(out.lastIndexOf('q quit'))).toContain('\u001b[?25h');
    expect(tables()).toEqual(before);
    // NO_COLOR: not one colour set (bold, dim and inverse are not colours and may remain)
    expect(coloursIn(out)).toEqual([]);
  });

  // on a terminal that offers 256 colours, so that a 256-colour or hex colour would show up
  // (on a 16-colour one chalk would quietly downsample it)
  it('in colour it sets only the 16 basic colours, so a 16-colour terminal shows it as meant', async () => {
    const dir = tempDir('influence-dash-');
    const db = path.join(dir, 'sample.db');
    fs.copyFileSync(await sampleDb(), db); // the sample as `demo --db sample.db --json` imports it
    const session = startSession(['dashboard', '--db', 'sample.db'], dir, { columns: 100, rows: 30 }, { TERM: 'xterm-256color' });
    try {
      await session.waitForPlain('q quit', await session.waitForPlain('1 ranking by score'));
      // the Klout70 panel too: its bands have colours of their own
      session.send('2');
      await session.waitForPlain('q quit', await session.waitForPlain('+/- threshold'));
      session.send('q');
      expect(await session.exited).toBe(0);
    } finally {
      session.kill();
    }
    const colours = coloursIn(session.output());
    expect(colours.length).toBeGreaterThan(0);
    expect(colours.filter((c) => c.startsWith('38;') || c.startsWith('48;'))).toEqual([]);
  });

  it('refuses off a terminal (exit 2, pointing to rank) and with --json, before touching the screen', () => {
    const dir = tempDir('influence-dash-');
    const piped = spawnCli(['dashboard', '--db', path.join(dir, 'none.db')], { cwd: dir });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatch(/needs a terminal \(stdout is not a terminal\)/);
    expect(piped.stderr).toContain('influence rank');
    expect(piped.stdout).not.toContain(ENTER_ALT);
    const r = spawnSync(SCRIPT!, ['-qec', `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} dashboard --json`, '-E', 'never', '/dev/null'], {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', TERM: 'xterm-256color' },
      encoding: 'utf8',
      input: '',
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('--json asks for output to a file or a pipe');
    expect(r.stdout).not.toContain(ENTER_ALT);
  });

  it('a missing database is an error on the normal screen: exit 2, the alternate screen never entered', () => {
    const dir = tempDir('influence-dash-');
    const r = spawnSync(SCRIPT!, ['-qec', `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} dashboard --db nothing.db`, '-E', 'never', '/dev/null'], {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', TERM: 'xterm-256color' },
      encoding: 'utf8',
      input: '',
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('no database at');
    expect(r.stdout).not.toContain(ENTER_ALT);
    expect(fs.existsSync(path.join(dir, 'nothing.db'))).toBe(false);
  });
});
