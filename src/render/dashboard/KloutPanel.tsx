/**
 * Panel 2: the Klout70 report at the current threshold (`+`/`-` move it): counts as
 * `report threshold` gives them, the accounts at or above, then the near misses with the
 * cheapest lever of each (the selected one's in full on the second line).
 */
import React from 'react';
import { Text } from 'ink';
import type { KloutItem, KloutView } from './view.js';
import type { ListCursor } from './dashboard-state.js';
import { Frame } from './Frame.js';
import { ListRows, NameCell, positionNote } from './ListRows.js';
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
      <ListRows items={view.items} offset={cursor.offset} cursor={cursor.cursor} rows={rows} color={color} empty={`nobody at or above ${view.at - view.near}`} renderRow={(item) => <KloutRow item={item} width={Math.max(10, Math.min(24, width - 2 - 1 - 13 - 16))} color={color} />} />
    </Frame>
  );
}

function KloutRow({ item, width, color }: { item: KloutItem; width: number; color: boolean }): React.ReactElement {
  const mark = item.kind === 'above' ? 'club' : `-${item.gap.toFixed(1)}`;
  const after = item.kind === 'above' ? (item.flags.length ? abbreviateFlags(item.flags) : '') : item.leverShort;
  return (
    <>
      <NameCell text={`@${item.handle}`} width={width} />
      <Text wrap="truncate">
        {`${item.score.toFixed(1).padStart(5)} `}
        <Text color={color ? (item.kind === 'above' ? 'magenta' : 'yellow') : undefined}>{mark.padStart(5)}</Text>
        <Text dimColor={color && item.kind === 'near'} color={color && item.kind === 'above' && after ? 'red' : undefined}>{` ${after}`}</Text>
      </Text>
    </>
  );
}
