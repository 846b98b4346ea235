/** Panel 1: the ranked accounts (rank, handle, score, interval, sub-scores, flags, audience quality when present), then those without a score and list lines naming nobody. */
import React from 'react';
import { Text } from 'ink';
import type { RankingView, RankItem } from './view.js';
import { planRankColumns, rankCell, type RankColumn } from './rank-columns.js';
import { Frame } from './Frame.js';
import { ListRows, NameCell, positionNote } from './ListRows.js';
import type { ListCursor } from './dashboard-state.js';
import { formatCount } from './text-fit.js';
import { cleanText } from '../sanitize.js';
import { scoreColor } from '../score-view.js';

interface Props {
  view: RankingView;
  cursor: ListCursor;
  rows: number;
  width: number;
  height: number;
  focused: boolean;
  color: boolean;
  /** the source has audience quality: show its column */
  audience: boolean;
}

const SORT_NAMES: Record<RankingView['sort'], string> = { score: 'score', reach: 'reach', amplification: 'amplification', network: 'network', topic: 'topic influence' };

/** The ranking panel (see the module doc). */
export function RankingPanel({ view, cursor, rows, width, height, focused, color, audience }: Props): React.ReactElement {
  const inner = width - 2;
  const columns = planRankColumns(inner, view.sort, String(view.counts.ranked).length, audience);
  const title = `1 ranking by ${SORT_NAMES[view.sort]}${view.topic ? ` about ${view.topic.name}` : ''}`;
  const filter = view.filter ? ` · /${cleanText(view.filter)} ${formatCount(view.shown)} match` : '';
  const apart = view.counts.abstained + view.counts.unknown > 0 ? ` · ${formatCount(view.counts.abstained)} without a score, ${formatCount(view.counts.unknown)} unknown listed after` : '';
  return (
    <Frame title={title} note={`· ${positionNote(cursor.cursor, view.items.length)}${filter}${apart}`} focused={focused} color={color} width={width} height={height}>
      <Text wrap="truncate" dimColor={color}>
        {` ${columns.map((c) => (c.right ? c.title.padStart(c.width) : c.title.padEnd(c.width))).join(' ')}`}
      </Text>
      <ListRows
        items={view.items}
        offset={cursor.offset}
        cursor={cursor.cursor}
        rows={rows}
        color={color}
        empty={view.filter ? `no handle contains "${cleanText(view.filter)}"` : 'no accounts to rank'}
        renderRow={(item) => <RankRow item={item} columns={columns} color={color} />}
      />
    </Frame>
  );
}

/** The numeric cells after the handle, right-aligned in their widths, as one text. */
function numbersOf(item: Extract<RankItem, { kind: 'ranked' }>, columns: RankColumn[], color: boolean): React.ReactNode[] {
  return columns
    .filter((c) => c.id !== 'rank' && c.id !== 'handle')
    .map((c) => {
      const text = rankCell(item, c.id);
      const cell = c.right ? text.padStart(c.width) : text.slice(0, c.width).padEnd(c.width);
      const tint = !color ? undefined : c.id === 'flags' && item.flags.length ? 'red' : c.id === 'score' ? scoreColor(item.score) : undefined;
      return (
        <Text key={c.id} color={tint}>
          {`${cell} `}
        </Text>
      );
    });
}

function RankRow({ item, columns, color }: { item: RankItem; columns: RankColumn[]; color: boolean }): React.ReactElement {
  const rankWidth = columns[0]!.width;
  if (item.kind === 'abstained') {
    return (
      <Text wrap="truncate" dimColor={color}>
        {`${'-'.padStart(rankWidth)} @${item.handle} no score: ${item.reason}`}
      </Text>
    );
  }
  if (item.kind === 'unknown') {
    return (
      <Text wrap="truncate" dimColor={color}>
        {`${'?'.padStart(rankWidth)} ${item.input} (line ${item.line}): ${item.reason}`}
      </Text>
    );
  }
  return (
    <>
      <Text>{`${String(item.rank).padStart(rankWidth)} `}</Text>
      <NameCell text={`@${item.handle}`} width={columns[1]!.width} />
      <Text wrap="truncate">{numbersOf(item, columns, color)}</Text>
    </>
  );
}
