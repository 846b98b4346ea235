/**
 * `influence audit` as text: `renderAuditText` for pipes (plain, no colour unless the theme
 * has it), `renderAuditCard` for a TTY (a framed card: the quality large, a bar per
 * class, reach, engagement against the tier, growth, the worst followers). Pure
 * (view, theme) -> string; every handle in the view is already cleaned.
 */
import type { Theme } from './output-mode.js';
import type { AuditView } from './audit-view.js';
import { bar, bigDigits } from './big-digits.js';
import { sparkline } from './sparkline.js';
import { countNoun, formatCount } from './counts.js';

const CLASSES = ['real', 'suspicious', 'fake', 'bot', 'unknown'] as const;
const fmt = (n: number): string => formatCount(Math.round(n));
const pct = (part: number, whole: number): string => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '-');

/** The lines both forms share (no frame). */
function bodyLines(v: AuditView, theme: Theme, options: { accounts: number }): string[] {
  const { chalk } = theme;
  const out: string[] = [];
  const s = v.summary;
  const declared = v.declaredFollowers !== null && v.declaredFollowers !== v.followers ? ` (the account declares ${fmt(v.declaredFollowers)})` : '';
  out.push(`Followers in the database: ${fmt(v.followers)}${declared}; classified ${fmt(v.classified)}, unknown ${fmt(s.unknown)}`);
  const colour = { real: chalk.green, suspicious: chalk.yellow, fake: chalk.red, bot: chalk.magenta, unknown: chalk.gray };
  for (const c of CLASSES) {
    const n = s[c];
    const share = c === 'unknown' ? pct(n, v.followers) : pct(n, v.classified);
    const width = v.followers > 0 ? (100 * n) / Math.max(1, c === 'unknown' ? v.followers : v.classified) : 0;
    out.push(`  ${colour[c](c.padEnd(10))} ${fmt(n).padStart(8)}  ${share.padStart(6)}  ${colour[c](bar(width, 20))}`);
  }
  if (s.quality === null) out.push('Audience quality: not known (no follower could be classified)');
  else out.push(`Audience quality: ${chalk.bold(s.quality.toFixed(1))} / 100 (95% interval ${s.interval![0].toFixed(1)}-${s.interval![1].toFixed(1)}, Wilson, from ${fmt(v.classified)} classified)`);
  out.push(reachLine(v));
  out.push(engagementLine(v));
  out.push(...growthLines(v, theme));
  const flagged = v.accounts.filter((a) => a.class === 'fake' || a.class === 'bot' || a.class === 'suspicious');
  if (flagged.length > 0 && options.accounts > 0) {
    out.push(`Flagged followers (${flagged.length > options.accounts ? `first ${options.accounts} of ${fmt(flagged.length)}` : fmt(flagged.length)}):`);
    for (const a of flagged.slice(0, options.accounts)) {
      const p = a.probability === null ? '' : ` ${a.probability.toFixed(2)}`;
      out.push(`  @${a.handle}  ${colour[a.class](a.class)}${p}  ${a.reasons.join('; ')}`);
    }
  }
  if (v.asOf === null) out.push(chalk.gray('No date the profiles were read (the database is dated only by its import): account ages unknown (pass --as-of, the date the profiles were read).'));
  else if (v.agesFrom === 'latest-creation') {
    out.push(chalk.gray(`No date the profiles were read (the database is dated only by its import): account ages count from ${v.asOf.slice(0, 10)}, the latest account creation in it, so they may be understated (pass --as-of, the date the profiles were read).`));
  }
  return out;
}

/** Two decimals, or two significant digits below 0.1 so a small rate is not shown as 0.00 (0.004, not 0.00); 0 stays 0.00. */
export function formatSmall(x: number): string {
  return x !== 0 && Math.abs(x) < 0.1 ? x.toPrecision(2) : x.toFixed(2);
}

/** Real reach: the followers classified real; not a number when none could be classified, and the unknown ones said, not counted as unreal. */
function reachLine(v: AuditView): string {
  const r = v.reach;
  if (v.classified === 0 && v.followers > 0) return 'Real reach: not known (no follower could be classified)';
  const unknown = v.summary.unknown > 0 ? ` (and ${fmt(v.summary.unknown)} unknown, not counted)` : '';
  const extra = r.estimatedReal !== null && r.estimatedInterval ? `; of the ${fmt(v.declaredFollowers!)} declared, about ${fmt(r.estimatedReal)} (${fmt(r.estimatedInterval[0])}-${fmt(r.estimatedInterval[1])})` : '';
  return `Real reach: ${countNoun(Math.round(r.realFollowers), 'real follower')}${unknown}${extra}`;
}

function engagementLine(v: AuditView): string {
  const e = v.engagement;
  if (e === null) return v.agesFrom === 'latest-creation' ? 'Engagement: not measured (no posts or interactions in the database)' : 'Engagement: not measured (no as-of date: pass --as-of)';
  if (e.rate === null) return `Engagement: not measured (${e.note ?? 'no data'})${e.tier ? `; tier ${e.tier}` : ''}`;
  const tier = e.tier ? `; tier ${e.tier}: median ${e.tierMedian}%, average ${e.tierAverage}% (HypeAuditor 2018, Instagram) -> ${e.vsMedian === null ? '?' : formatSmall(e.vsMedian)}x the tier median` : '';
  return `Engagement: ${formatSmall(e.rate)}% per post (${fmt(e.reactions)} reactions on ${fmt(e.posts)} posts in ${v.windowDays} days)${tier}`;
}

function growthLines(v: AuditView, theme: Theme): string[] {
  if (v.growthSource === 'none') return [`Growth: no follow times and no earlier imports${v.untimedFollows ? ` (${fmt(v.untimedFollows)} follows without a time)` : ''}`];
  const source = v.growthSource === 'follows' ? 'follow times' : 'declared counts at successive imports';
  const bursts = v.growth.filter((p) => p.burst);
  const first = v.growth[0]!;
  const last = v.growth[v.growth.length - 1]!;
  if (v.growthSource === 'imports' && v.growth.length === 1) {
    return [`Growth (${source}): one import so far (${first.date.slice(0, 10)}, ${countNoun(first.followers, 'follower')} declared); a series starts with the next import`];
  }
  // a series too short for the burst test says so rather than "no bursts"
  const verdict = bursts.length > 0 ? `${bursts.length} burst${bursts.length > 1 ? 's' : ''}` : v.growthJudged ? 'no bursts' : 'too short to judge bursts';
  const out = [`Growth (${source}): ${first.date.slice(0, 10)} to ${last.date.slice(0, 10)}, ${verdict}  ${sparkline(v.growth.map((p) => p.gained), 0, Math.max(1, ...v.growth.map((p) => p.gained)))}`];
  for (const b of bursts.slice(0, 10)) {
    const classes = b.classes ? `: ${CLASSES.filter((c) => b.classes![c] > 0).map((c) => `${fmt(b.classes![c])} ${c}`).join(', ')}` : '';
    out.push(`  ${theme.chalk.red(b.date.slice(0, 10))}  +${fmt(b.gained)} followers (modified z ${b.score?.toFixed(1)})${classes}`);
  }
  return out;
}

function title(v: AuditView): string {
  const dated = v.asOf !== null && v.agesFrom !== 'latest-creation';
  return `Audience audit of @${v.handle} (${v.network})${dated ? ` as of ${v.asOf!.slice(0, 10)}` : ''}, model ${v.model}`;
}

/** Plain text (pipes, --plain). */
export function renderAuditText(v: AuditView, theme: Theme, options: { accounts?: number } = {}): string {
  return [title(v), ...bodyLines(v, theme, { accounts: options.accounts ?? 20 })].join('\n');
}

/** The TTY card: a frame, the quality in large digits, then the same lines. */
export function renderAuditCard(v: AuditView, theme: Theme, options: { accounts?: number; width?: number } = {}): string {
  const { chalk } = theme;
  const width = Math.max(60, Math.min(options.width ?? 100, 120));
  const big = v.summary.quality === null ? ['', ' ? ', ''] : bigDigits(v.summary.quality.toFixed(0));
  const head = [chalk.bold(title(v)), '', ...big.map((row, k) => `${row}${k === 1 ? '  audience quality / 100' : ''}`), ''];
  const lines = [...head, ...bodyLines(v, theme, { accounts: options.accounts ?? 10 })];
  // eslint-disable-next-line no-control-regex
  const visible = (s: string): number => [...s.replace(/\u001b\[[0-9;]*m/g, '')].length;
  const inner = width - 4;
  const clip = (s: string): string => (visible(s) <= inner ? s + ' '.repeat(inner - visible(s)) : clipVisible(s, inner));
  return [`╭${'─'.repeat(width - 2)}╮`, ...lines.map((l) => `│ ${clip(l)} │`), `╰${'─'.repeat(width - 2)}╯`].join('\n');
}

/** Cuts a string with colour codes to `n` visible characters (an ellipsis last), resetting colour. */
function clipVisible(s: string, n: number): string {
  let out = '';
  let seen = 0;
  for (let i = 0; i < s.length && seen < n - 1; ) {
    // eslint-disable-next-line no-control-regex
    const m = /^\u001b\[[0-9;]*m/.exec(s.slice(i));
    if (m) {
      out += m[0];
      i += m[0].length;
      continue;
    }
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    out += ch;
    i += ch.length;
    seen++;
  }
  return `${out}…${s.includes('\u001b[') ? '\u001b[0m' : ''}`;
}
