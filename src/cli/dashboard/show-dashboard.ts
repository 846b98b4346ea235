/**
 * The full-screen part of `influence dashboard`: the alternate screen, a loading line while
 * the analysis runs (once), then the ink app until `q` or Ctrl-C. The terminal is restored
 * however it ends: a quit, an error (thrown on to main, which prints it on the normal
 * screen), or a signal (restored, then the signal is raised again so the exit status says so).
 * Reads only: the store is opened read-only for stored-run history, and no run is saved.
 */
import fs from 'node:fs';
import path from 'node:path';
import React from 'react';
import { render, type Instance } from 'ink';
import type { Taxonomy } from '../../engine/topics/taxonomy.js';
import type { FollowerList } from '../../engine/campaign/list.js';
import { openDb } from '../../store/open.js';
import { readHistory } from '../../store/runs.js';
import { Dashboard } from '../../render/dashboard/Dashboard.js';
import { LoadingScreen } from '../../render/dashboard/LoadingScreen.js';
import type { CommandContext } from '../context.js';
import type { Io } from '../io.js';
import { loadAnalysis } from '../analysis.js';
import { makeDashboardSource } from './dashboard-source.js';
import { makeAudienceQuality } from './audience-quality.js';
import { readAudienceModelFile } from '../../inputs/audience-model-file.js';
import type { DashboardFlags } from './run-dashboard.js';

/** xterm's alternate screen (saves the cursor, clears): every terminal emulator in use has it. */
export const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H\u001b[2J';
/** Cursor shown again, then back to the normal screen as it was. */
export const LEAVE_ALTERNATE_SCREEN = '\u001b[?25h\u001b[?1049l';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** What run-dashboard checked and parsed. */
export interface DashboardSetup {
  flags: DashboardFlags;
  list: FollowerList | null;
  listFile: string | null;
  taxonomy: Taxonomy;
  topic: number | null;
}

/** Shows the dashboard until the user quits (see the module doc). */
export async function showDashboard(ctx: CommandContext, io: Io, setup: DashboardSetup): Promise<void> {
  const stdout = io.stdout as NodeJS.WriteStream;
  const stdin = io.stdin as NodeJS.ReadStream;
  const stderr = io.stderr as NodeJS.WriteStream;
  const color = ctx.theme.color;
  let instance: Instance | undefined;
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE_ALTERNATE_SCREEN);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    instance?.unmount();
    restore();
    detach();
    process.kill(process.pid, signal);
  };
  const detach = (): void => {
    for (const s of SIGNALS) process.off(s, onSignal);
    process.off('exit', restore);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', restore);

  // the shipped audience model, for the detail's audience quality (read before the screen changes)
  const audienceModel = readAudienceModelFile();
  const marks = stageMarks(io.env['INFLUENCE_PROFILE']);
  marks.mark('start');
  stdout.write(ENTER_ALTERNATE_SCREEN);
  // silent: the screen is the dashboard's (a note would tear it)
  const db = openDb(ctx.dbPath, { readonly: true, mustExist: true, onReadCopy: () => {} });
  const typeAhead = holdKeys(stdin);
  try {
    instance = render(React.createElement(LoadingScreen, { stage: 'starting', color }), { stdout, stdin, stderr, exitOnCtrlC: false, patchConsole: true });
    const shown = instance;
    const analysis = await loadAnalysis(ctx, setup.flags, { topics: setup.taxonomy }, async (stage) => {
      if (typeAhead.quit()) throw QUIT;
      marks.mark(stage.split(' ')[0]!);
      shown.rerender(React.createElement(LoadingScreen, { stage, color }));
      // let the frame reach the terminal before the engine holds the thread
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    marks.mark('analysed');
    if (typeAhead.quit()) throw QUIT;
    shown.rerender(React.createElement(LoadingScreen, { stage: 'ranking', color }));
    const source = makeDashboardSource({
      analysis,
      list: setup.list,
      listFile: setup.listFile,
      database: shownPath(io.cwd, ctx.dbPath),
      readRuns: (accountId) => readHistory(db, accountId).map((r) => ({ asOf: r.asOf, score: r.score })),
      detailAudience: makeAudienceQuality(analysis, audienceModel),
    });
    if (typeAhead.quit()) throw QUIT;
    marks.mark('source');
    typeAhead.release();
    shown.rerender(React.createElement(Dashboard, { source, color, initial: { topic: setup.topic } }));
    marks.mark('first frame');
    await shown.waitUntilExit();
  } catch (err) {
    if (err !== QUIT) throw err;
  } finally {
    instance?.unmount();
    typeAhead.stop();
    db.close();
    restore();
    detach();
    marks.save();
  }
}

/**
 * Stage times for `npm run bench:dashboard`: with INFLUENCE_PROFILE=FILE, when each
 * loading stage began (ms since the process started, and CPU ms used by then), written to
 * FILE on exit.
 */
function stageMarks(file: string | undefined): { mark(stage: string): void; save(): void } {
  const marks: { stage: string; ms: number; cpuMs: number }[] = [];
  return {
    mark(stage) {
      if (!file) return;
      const cpu = process.cpuUsage();
      marks.push({ stage, ms: Math.round(performance.now()), cpuMs: Math.round((cpu.user + cpu.system) / 1000) });
    },
    save: () => void (file && fs.writeFileSync(file, `${JSON.stringify(marks)}\n`)),
  };
}

/** Thrown when q or Ctrl-C was pressed while loading: a quit, not an error. */
const QUIT = Symbol('quit while loading');

/**
 * Keys pressed while the analysis loads: held in raw mode (no echo over the loading
 * screen), handed back to the app when it starts (type-ahead), and a q or Ctrl-C among
 * them quits at the next stage boundary (the engine's stages themselves run to the end).
 */
function holdKeys(stdin: NodeJS.ReadStream): { quit(): boolean; release(): void; stop(): void } {
  const held: Buffer[] = [];
  let released = false;
  // 'readable' and read(), as ink reads: a 'data' listener would switch the stream to
  // flowing mode, and after pause() a tty stream gave ink nothing more to read
  const onReadable = (): void => {
    let chunk: Buffer | string | null;
    while ((chunk = stdin.read() as Buffer | string | null) !== null) held.push(Buffer.from(chunk));
  };
  stdin.setRawMode?.(true);
  stdin.on('readable', onReadable);
  return {
    quit: () => held.some((b) => b.includes(3) || b.includes(0x71)),
    release() {
      if (released) return;
      released = true;
      stdin.off('readable', onReadable);
      for (const b of held.reverse()) stdin.unshift(b);
      held.length = 0;
    },
    /** the keyboard back as it was: cooked mode, and not keeping the process alive */
    stop() {
      this.release();
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.unref?.();
    },
  };
}

/** A path as short as it is unambiguous: relative when under the working directory. */
function shownPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
