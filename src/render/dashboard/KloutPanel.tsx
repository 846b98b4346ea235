/**
 * Panel 2: the Klout70 report at the current threshold (`+`/`-` move it): counts as
 * `report threshold` gives them, the accounts at or above, then the near misses with the
 * cheapest lever of each (the selected one's in full on the second line).
 */
import React from 'react';
import { Box, Text } from 'ink';
import type { KloutItem, KloutView } from './view.js';
import type { ListCursor } from './dashboard-state.js';
import { Frame } from './Frame.js';
import { ListRows, positionNote } from './ListRows.js';
import { abbreviateFlags } from './rank-columns.js';
import { formatCount } from './text-fit.js';

interface Props {
  view: KloutView;
  cursor: ListCursor;
  rows: number;
  width: number;
  height: number;
  focused: boolean;
  color: boolean;
}

/** The Klout70 panel (see the module doc). */
export function KloutPanel({ view, cursor, rows, width, height, focused, color }: Props): React.ReactElement {
  const c = view.counts;
  const selected = view.items.length ? view.items.at(Math.min(cursor.cursor, view.items.length - 1)) : null;
  const apart = [c.abstained ? `${formatCount(c.abstained)} without a score` : '', c.unknown ? `${formatCount(c.unknown)} unknown` : ''].filter(Boolean).join(', ');
  return (
    <Frame title={`2 Klout${view.at}${view.topic ? ` about ${view.topic.name}` : ''}`} note={`· +/- threshold · ${positionNote(cursor.cursor, view.items.length)}`} focused={focused} color={color} width={width} height={height}>
      <Text wrap="truncate">
        <Text bold={color} color={color ? 'magenta' : undefined}>
          {formatCount(c.above)} at/above {view.at}
        </Text>
        {` · ${formatCount(c.near)} near (within ${view.near}) · ${formatCount(c.below)} below${apart ? ` · ${apart}` : ''}`}
      </Text>
      <Text wrap="truncate" dimColor={color}>
        {selected?.kind === 'near' ? `lever for @${selected.handle}: ${selected.lever}` : selected ? `@${selected.handle} is in the club` : `nobody within ${view.near} of ${view.at}`}
      </Text>
      <ListRows items={view.items} offset={cursor.offset} cursor={cursor.cursor} rows={rows} focused={focused} color={color} empty={`nobody at or above ${view.at - view.near}`} renderRow={(item) => <KloutRow item={item} color={color} />} />
    </Frame>
  );
}

function KloutRow({ item, color }: { item: KloutItem; color: boolean }): React.ReactElement {
  return (
    <Box flexDirection="row">
      <Box flexGrow={1} flexBasis={10} paddingRight={1}>
        <Text wrap="truncate">@{item.handle}</Text>
      </Box>
      <Box width={5} justifyContent="flex-end">
        <Text>{item.score.toFixed(1)}</Text>
      </Box>
      <Box width={6} justifyContent="flex-end" paddingRight={1}>
        <Text color={color ? (item.kind === 'above' ? 'magenta' : 'yellow') : undefined}>{item.kind === 'above' ? 'club' : `-${item.gap.toFixed(1)}`}</Text>
      </Box>
      <Box flexGrow={1} flexBasis={14}>
        {item.kind === 'above' ? (
          <Text wrap="truncate" color={color && item.flags.length ? 'red' : undefined}>
            {item.flags.length ? abbreviateFlags(item.flags) : ''}
          </Text>
        ) : (
          <Text wrap="truncate" dimColor={color}>
            {item.leverShort}
          </Text>
        )}
      </Box>
    </Box>
  );
}
