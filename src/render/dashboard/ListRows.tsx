/** The visible window of a long list: rows offset..offset+rows-1 only, the selected one marked. */
import React from 'react';
import { Box, Text } from 'ink';
import type { RowList } from './view.js';

interface Props<T> {
  items: RowList<T>;
  offset: number;
  cursor: number;
  rows: number;
  color: boolean;
  /** one row's content (a single line, after the selection mark); few ink nodes, as it is drawn on every key */
  renderRow: (item: T, selected: boolean) => React.ReactNode;
  /** shown when the list is empty */
  empty: string;
}

/** Renders only what is on screen, so a list of 100k rows costs what a list of 20 does. */
export function ListRows<T>({ items, offset, cursor, rows, color, renderRow, empty }: Props<T>): React.ReactElement {
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
        <Text bold={selected && color} color={selected && color ? 'cyan' : undefined}>
          {selected ? '>' : ' '}
        </Text>
        {renderRow(items.at(k), selected)}
      </Box>,
    );
  }
  return <Box flexDirection="column">{shown}</Box>;
}

/** A row position note for a title: "12 of 300". */
export function positionNote(cursor: number, length: number): string {
  return length === 0 ? '0 rows' : `${(cursor + 1).toLocaleString('en-US')} of ${length.toLocaleString('en-US')}`;
}

/** A name that may be wide or long (a handle, a topic): its own box, truncated to `width` cells. */
export function NameCell({ text, width, bold }: { text: string; width: number; bold?: boolean }): React.ReactElement {
  return (
    <Box width={width} flexShrink={0} marginRight={1}>
      <Text wrap="truncate" bold={bold}>
        {text}
      </Text>
    </Box>
  );
}
