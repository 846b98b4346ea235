/** Panel 1: the ranked accounts (rank, handle, score, interval, sub-scores, flags, audience quality when present), then those without a score and list lines naming nobody. */
import React from 'react';
import { Box, Text } from 'ink';
import type { RankingView, RankItem } from './view.js';
import { planRankColumns, rankCell, type RankColumn } from './rank-columns.js';
import { Frame } from './Frame.js';
import { ListRows, positionNote } from './ListRows.js';
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
  const columns = planRankColumns(inner - 1, view.sort, String(view.counts.ranked).length, audience);
  const title = `1 ranking by ${SORT_NAMES[view.sort]}${view.topic ? ` about ${view.topic.name}` : ''}`;
  const filter = view.filter ? ` · /${cleanText(view.filter)} ${formatCount(view.shown)} match` : '';
  const apart = view.counts.abstained + view.counts.unknown > 0 ? ` · ${formatCount(view.counts.abstained)} without a score, ${formatCount(view.counts.unknown)} unknown listed after` : '';
  return (
    <Frame title={title} note={`· ${positionNote(cursor.cursor, view.items.length)}${filter}${apart}`} focused={focused} color={color} width={width} height={height}>
      <Box flexDirection="row" height={1}>
        <Text> </Text>
        {columns.map((c) => (
          <Cell key={c.id} column={c} dim={color} text={c.title} />
        ))}
      </Box>
      <ListRows
        items={view.items}
        offset={cursor.offset}
        cursor={cursor.cursor}
        rows={rows}
        focused={focused}
        color={color}
        empty={view.filter ? `no handle contains "${cleanText(view.filter)}"` : 'no accounts to rank'}
        renderRow={(item) => <RankRow item={item} columns={columns} color={color} />}
      />
    </Frame>
  );
}

function Cell({ column, text, dim, tint }: { column: RankColumn; text: string; dim?: boolean; tint?: string | undefined }): React.ReactElement {
  return (
    <Box width={column.width + 1} justifyContent={column.right ? 'flex-end' : 'flex-start'} paddingRight={column.right ? 1 : 0}>
      <Text dimColor={dim} color={tint} wrap="truncate">
        {text}
      </Text>
    </Box>
  );
}

function RankRow({ item, columns, color }: { item: RankItem; columns: RankColumn[]; color: boolean }): React.ReactElement {
  if (item.kind === 'abstained') {
    return (
      <Text wrap="truncate" dimColor={color}>
        {'-'.padStart(columns[0]!.width)} @{item.handle} no score: {item.reason}
      </Text>
    );
  }
  if (item.kind === 'unknown') {
    return (
      <Text wrap="truncate" dimColor={color}>
        {'?'.padStart(columns[0]!.width)} {item.input} (line {item.line}): {item.reason}
      </Text>
    );
  }
  return (
    <Box flexDirection="row">
      {columns.map((c) => (
        <Cell key={c.id} column={c} text={rankCell(item, c.id)} tint={color && c.id === 'flags' && item.flags.length ? 'red' : color && c.id === 'score' ? scoreColor(item.score) : undefined} />
      ))}
    </Box>
  );
}

