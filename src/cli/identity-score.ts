/**
 * The identity side of `score`, `explain` and `rank` (issue 14): `score --identity NAME`,
 * `explain --identity NAME`, `rank --identities`. Each is flags -> loadAnalysis -> an engine
 * function of engine/identity.ts -> a view of render/identity-score-view.ts. Kept apart from
 * the account commands so that they only add an option and a call.
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { CommandContext } from './context.js';
import { loadAnalysis } from './analysis.js';
import { outputOf } from './output.js';
import type { AnalysisFlags } from './options.js';
import { resolveIdentity, scoreIdentity } from '../engine/identity.js';
import { rankIdentities } from '../engine/campaign/rank-identities.js';
import { reportHeader } from '../render/report-header.js';
import { toScoreResultView } from '../render/score-view.js';
import { sumTenths } from '../render/explain-text.js';
import {
  renderIdentityExplain,
  renderIdentityRankCsv,
  renderIdentityRankText,
  renderIdentityScoreCsv,
  renderIdentityScorePlain,
  toIdentityRankReport,
  toIdentityResultView,
  type IdentityExplainReport,
  type IdentityRankReport,
  type IdentityScoreReport,
} from '../render/identity-score-view.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Adds `--identity NAME` (repeatable) to `score`. */
export function addIdentityScoreOption(cmd: Command): Command {
  return cmd.option('--identity <name>', 'the combined score of an identity across its networks, with each network\'s part (influence identity link); repeatable', collect);
}

/** Adds `--identity NAME` to `explain`. */
export function addIdentityExplainOption(cmd: Command): Command {
  return cmd.option('--identity <name>', 'explain an identity\'s combined score: how its networks add up, and each network\'s contributions');
}

/** Adds `--identities` to `rank`. */
export function addIdentitiesRankOption(cmd: Command): Command {
  return cmd.option('--identities', 'rank people: each identity one row with its combined score (accounts in no identity rank as themselves)');
}

/** `score --identity NAME...`: the identities' combined scores (no run is stored: runs hold accounts). */
export async function scoreIdentities(ctx: CommandContext, flags: AnalysisFlags & { all?: boolean }, names: string[], handles: string[]): Promise<void> {
  if (handles.length > 0 || flags.all) throw new UsageError('--identity with handles or --all', 'score identities (--identity NAME) or accounts, one or the other');
  const output = outputOf<IdentityScoreReport>(ctx, 'score', { plain: renderIdentityScorePlain, csv: renderIdentityScoreCsv });
  const analysis = await loadAnalysis(ctx, flags, { topics: false });
  const indices = [...new Set(names.map((n) => resolveIdentity(analysis.dataset, n)))];
  await output.write({ schema: 1, ...reportHeader(analysis.window, analysis.model.version), identities: indices.map((k) => toIdentityResultView(scoreIdentity(analysis, k))) });
}

/** `explain --identity NAME`: the combination, the proof it adds up, and each counted account's contributions. */
export async function explainIdentity(ctx: CommandContext, flags: AnalysisFlags, name: string, handle: string | undefined): Promise<void> {
  if (handle !== undefined) throw new UsageError('--identity with a handle', 'explain an identity (--identity NAME) or an account, one or the other');
  const output = outputOf<IdentityExplainReport>(ctx, 'explain', { plain: renderIdentityExplain });
  const analysis = await loadAnalysis(ctx, flags, { topics: false });
  const k = resolveIdentity(analysis.dataset, name);
  const s = scoreIdentity(analysis, k);
  const counted = s.networks.filter((n) => n.total !== null).map((n) => n.account);
  const view = toIdentityResultView(s);
  await output.write({
    schema: 1,
    ...reportHeader(analysis.window, analysis.model.version),
    identity: view,
    sum: s.score === null ? null : sumTenths(view.networks.flatMap((n) => (n.points === null ? [] : [n.points]))) / 10,
    accounts: counted.map(toScoreResultView),
  });
}

/** The `rank` flags `--identities` understands. */
export interface IdentityRankFlags extends AnalysisFlags {
  list?: string;
  topic?: string;
  sort?: string;
  excludeFlagged?: boolean;
}

/** `rank --identities`: people ranked by combined score (engine/campaign/rank-identities.ts); `filters` as `rank` parsed them. */
export async function rankPeople(ctx: CommandContext, flags: IdentityRankFlags, filters: { minScore?: number; limit?: number; minConfidence?: number }): Promise<void> {
  if (flags.list !== undefined) throw new UsageError('--identities with --list is not supported', 'rank the list\'s accounts (influence rank --list FILE), or everyone by identity (influence rank --identities)');
  if (flags.topic !== undefined) throw new UsageError('--identities with --topic is not supported: topics are per account', 'rank accounts by topic (influence rank --topic SLUG)');
  if (flags.sort !== undefined && flags.sort !== 'score') throw new UsageError(`--identities ranks by score; --sort ${flags.sort} is per account`, 'leave out --sort, or rank accounts');
  const output = outputOf<IdentityRankReport>(ctx, 'rank', { csv: renderIdentityRankCsv, plain: (r, theme) => renderIdentityRankText(r, theme, false), tty: (r, theme) => renderIdentityRankText(r, theme, true) });
  const analysis = await loadAnalysis(ctx, flags, { topics: false });
  const ranking = rankIdentities(analysis, { ...filters, excludeFlagged: flags.excludeFlagged });
  await output.write(toIdentityRankReport(reportHeader(analysis.window, analysis.model.version), ranking));
}
