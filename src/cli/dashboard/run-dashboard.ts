/**
 * `influence dashboard`: checks that it runs on a terminal and that its flags are sound
 * before taking the screen over, then hands over to the full-screen app (loaded only now:
 * ink and react cost a third of a second that other commands do without).
 */
import fs from 'node:fs';
import { UsageError } from '../../errors.js';
import { resolveTopicArg } from '../../engine/topics/search.js';
import { readFollowerList } from '../../inputs/follower-list.js';
import { readModelFile } from '../../inputs/model-file.js';
import type { CommandContext } from '../context.js';
import type { Io } from '../io.js';
import { parseAsOf, parseWindow, type AnalysisFlags } from '../options.js';
import { taxonomyOf } from '../analysis.js';

/** The dashboard's own flags besides the analysis ones. */
export interface DashboardFlags extends AnalysisFlags {
  list?: string;
  topic?: string;
}

/** Runs the dashboard until the user quits (see the module doc). */
export async function runDashboard(ctx: CommandContext, flags: DashboardFlags, io: Io): Promise<void> {
  const notTerminal = io.stdout.isTTY !== true ? 'stdout' : io.stdin?.isTTY !== true ? 'stdin' : null;
  if (notTerminal !== null || ctx.mode !== 'tty') {
    const why = notTerminal !== null ? `${notTerminal} is not a terminal` : `--${ctx.mode} asks for output to a file or a pipe`;
    throw new UsageError(`influence dashboard is interactive and needs a terminal (${why})`, 'for a script or a pipe use `influence rank` (add --json for machine-readable output)');
  }
  // everything that can be wrong with the flags is reported before the screen changes
  parseWindow(flags.window);
  if (flags.asOf !== undefined) parseAsOf(flags.asOf);
  if (flags.model !== undefined) readModelFile(ctx.resolvePath(flags.model));
  if (!fs.existsSync(ctx.dbPath)) ctx.openExistingStore();
  const list = flags.list !== undefined ? readFollowerList(ctx.resolvePath(flags.list)) : null;
  const taxonomy = taxonomyOf(ctx, flags.ontology);
  const topic = flags.topic !== undefined ? resolveTopicArg(taxonomy, flags.topic) : null;
  // React's development build times and traces every component render: several times the
  // cost of a frame. This process only ever runs the production build (tests keep theirs).
  process.env['NODE_ENV'] ??= 'production';
  const { showDashboard } = await import('./show-dashboard.js');
  await showDashboard(ctx, io, { flags, list, listFile: flags.list ?? null, taxonomy, topic });
}
