/** Panel 3: the topic picker: "all topics", then every topic present in the analysis with how many accounts have it; Enter picks. */
import React from 'react';
import { Text } from 'ink';
import type { RowList, TopicChoice } from './view.js';
import type { ListCursor } from './dashboard-state.js';
import { Frame } from './Frame.js';
import { ListRows, NameCell, positionNote } from './ListRows.js';
import { formatCount } from './text-fit.js';

interface Props {
  items: RowList<TopicChoice>;
  /** the topic in use (null: all) */
  current: number | null;
  available: boolean;
  cursor: ListCursor;
  rows: number;
  width: number;
  height: number;
  focused: boolean;
  color: boolean;
}

/** The topics panel (see the module doc). */
export function TopicsPanel({ items, current, available, cursor, rows, width, height, focused, color }: Props): React.ReactElement {
  return (
    <Frame title="3 topics" note={`· Enter picks · ${positionNote(cursor.cursor, items.length)}`} focused={focused} color={color} width={width} height={height}>
      <ListRows
        items={items}
        offset={cursor.offset}
        cursor={cursor.cursor}
        rows={rows}
        color={color}
        empty={available ? 'no topic is assigned to anyone here' : 'topics were not computed'}
        renderRow={(t) => (
          <>
            <NameCell text={`${t.topic === current ? '*' : ' '} ${t.topic === null ? 'all topics' : `${t.name} (${t.slug})`}`} width={Math.max(10, width - 2 - 1 - 10)} />
            <Text dimColor={color}>{formatCount(t.accounts).padStart(8)}</Text>
          </>
        )}
      />
    </Frame>
  );
}
