/** Panel 4: how many of the accounts considered each authenticity signal flagged, and the flagged accounts, worst first. */
import React from 'react';
import { Text } from 'ink';
import type { AuthenticityView } from './view.js';
import type { ListCursor } from './dashboard-state.js';
import { Frame } from './Frame.js';
import { ListRows, NameCell, positionNote } from './ListRows.js';
import { abbreviateFlags } from './rank-columns.js';
import { formatCount } from './text-fit.js';
import { FLAG_CODES } from '../../engine/result-types.js';

interface Props {
  view: AuthenticityView;
  cursor: ListCursor;
  rows: number;
  width: number;
  height: number;
  focused: boolean;
  color: boolean;
}

/** The authenticity panel (see the module doc). */
export function AuthenticityPanel({ view, cursor, rows, width, height, focused, color }: Props): React.ReactElement {
  const byCode = FLAG_CODES.filter((c) => view.byCode[c] > 0).map((c) => `${c} ${formatCount(view.byCode[c])}`);
  return (
    <Frame title="4 authenticity" note={`· ${formatCount(view.flagged)} of ${formatCount(view.accounts)} flagged · ${positionNote(cursor.cursor, view.items.length)}`} focused={focused} color={color} width={width} height={height}>
      <Text wrap="truncate" dimColor={color}>
        {byCode.length ? byCode.join(' · ') : 'no signal fired'}
      </Text>
      <ListRows
        items={view.items}
        offset={cursor.offset}
        cursor={cursor.cursor}
        rows={rows}
        color={color}
        empty="no account is flagged"
        renderRow={(a) => (
          <>
            <NameCell text={`@${a.handle}`} width={Math.max(10, width - 2 - 1 - 25)} />
            <Text wrap="truncate">
              <Text color={color ? 'red' : undefined}>{abbreviateFlags(a.codes).slice(0, 12).padEnd(12)}</Text>
              {`cap ${a.cap.toFixed(1)}`.padStart(10)}
            </Text>
          </>
        )}
      />
    </Frame>
  );
}
