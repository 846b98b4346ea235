/** The visible window of a long list: rows offset..offset+rows-1 only, the selected one marked. */
import React from 'react';
import { Box, Text } from 'ink';
import type { RowList } from './view.js';

interface Props<T> {
  items: RowList<T>;
  offset: number;
  cursor: number;
  rows: number;
  focused: boolean;
  color: boolean;
  /** one row's content (a single line) */
  renderRow: (item: T, k: number) => React.ReactNode;
  /** shown when the list is empty */
  empty: string;
}

/** Renders only what is on screen, so a list of 100k rows costs what a list of 20 does. */
export function ListRows<T>({ items, offset, cursor, rows, focused, color, renderRow, empty }: Props<T>): React.ReactElement {
  if (items.length === 0) {
    return (
      <Text dimColor={color} wrap="truncate">
        {empty}
      </Text>
    );
  }
  const end = Math.min(items.length, offset + rows);
  const shown: React.ReactNode[] = [];
  for (let k = offset; k < end; k++) {
    const selected = k === cursor;
    shown.push(
      <Box key={k} flexDirection="row" height={1}>
        <Text bold={selected && color} color={selected && color ? (focused ? 'cyan' : 'blue') : undefined}>
          {selected ? '>' : ' '}
        </Text>
        <Box flexGrow={1} flexDirection="column">
          {renderRow(items.at(k), k)}
        </Box>
      </Box>,
    );
  }
  return <Box flexDirection="column">{shown}</Box>;
}

/** A row position note for a title: "12 of 300". */
export function positionNote(cursor: number, length: number): string {
  return length === 0 ? '0 rows' : `${(cursor + 1).toLocaleString('en-US')} of ${length.toLocaleString('en-US')}`;
}
