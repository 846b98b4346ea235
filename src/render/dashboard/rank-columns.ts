/**
 * Which columns of a ranking row fit a width: rank, handle and score always; then the sort
 * key when it is not the score, the interval, audience quality (when the source has it),
 * flags, and the other sub-scores, as long as the handle keeps HANDLE_MIN cells.
 */
import type { DashboardSort, RankItem } from './view.js';
import { formatInterval } from './text-fit.js';

export type RankColumnId = 'rank' | 'handle' | 'score' | 'key' | 'interval' | 'audience' | 'flags' | 'reach' | 'amplification' | 'network';

/** A column: its id, heading, width in cells, alignment. */
export interface RankColumn {
  id: RankColumnId;
  title: string;
  width: number;
  right: boolean;
}

const HANDLE_MIN = 12;

const FIXED: Record<Exclude<RankColumnId, 'rank' | 'handle'>, Omit<RankColumn, 'id'>> = {
  score: { title: 'score', width: 5, right: true },
  key: { title: 'key', width: 5, right: true },
  interval: { title: '80% int', width: 9, right: true },
  audience: { title: 'aud%', width: 5, right: true },
  flags: { title: 'flags', width: 7, right: false },
  reach: { title: 'reach', width: 5, right: true },
  amplification: { title: 'amp', width: 5, right: true },
  network: { title: 'netw', width: 5, right: true },
};

/** The columns for a panel's inner width: the cursor mark, then each column and a space after it. */
export function planRankColumns(width: number, sort: DashboardSort, rankDigits: number, hasAudience: boolean): RankColumn[] {
  const subs: ('reach' | 'amplification' | 'network')[] = ['reach', 'amplification', 'network'];
  const key: Exclude<RankColumnId, 'rank' | 'handle'> | null = sort === 'score' ? null : sort === 'topic' ? 'key' : sort;
  const wanted: Exclude<RankColumnId, 'rank' | 'handle'>[] = [
    'score',
    ...(key ? [key] : []),
    'interval',
    ...(hasAudience ? ['audience' as const] : []),
    'flags',
    ...subs.filter((s) => s !== key),
  ];
  const rank: RankColumn = { id: 'rank', title: '#', width: Math.max(3, rankDigits), right: true };
  let used = 1 + rank.width + 1 + HANDLE_MIN + 1;
  const chosen: RankColumn[] = [];
  for (const id of wanted) {
    const c = FIXED[id];
    if (id !== 'score' && used + 1 + c.width > width) continue;
    chosen.push({ id, ...c });
    used += 1 + c.width;
  }
  const handle: RankColumn = { id: 'handle', title: 'handle', width: Math.max(1, width - used + HANDLE_MIN), right: false };
  return [rank, handle, ...chosen];
}

const FLAG_ABBREVIATIONS: Record<string, string> = {
  'follow-back': 'fb',
  'bot-cadence': 'bot',
  'hashtag-stuffing': 'hash',
  'engagement-pod': 'pod',
  'serial-engager': 'ser',
  churn: 'churn',
};

/** Flags in a few cells: abbreviations joined by commas, '-' for none. */
export function abbreviateFlags(codes: readonly string[]): string {
  return codes.length === 0 ? '-' : codes.map((c) => FLAG_ABBREVIATIONS[c] ?? c).join(',');
}

/** The text of one cell of a ranked row. */
export function rankCell(item: Extract<RankItem, { kind: 'ranked' }>, id: RankColumnId): string {
  switch (id) {
    case 'rank':
      return String(item.rank);
    case 'handle':
      return `@${item.handle}`;
    case 'score':
      return item.score.toFixed(1);
    case 'key':
      return item.topicKey ? item.topicKey.key.toFixed(1) : '-';
    case 'interval':
      return formatInterval(item.interval);
    case 'audience':
      return item.audience?.quality != null ? item.audience.quality.toFixed(0) : '-';
    case 'flags':
      return abbreviateFlags(item.flags);
    case 'reach':
      return item.subscores.reach.toFixed(1);
    case 'amplification':
      return item.subscores.amplification.toFixed(1);
    case 'network':
      return item.subscores.network.toFixed(1);
  }
}
