/** A bordered panel with a title line; the focused one has a double border (and colour when on). */
import React from 'react';
import { Box, Text } from 'ink';

interface Props {
  title: string;
  /** shown after the title, dimmed */
  note?: string;
  focused: boolean;
  color: boolean;
  width: number;
  height: number;
  children?: React.ReactNode;
}

/** One panel's frame (see the module doc). */
export function Frame({ title, note, focused, color, width, height, children }: Props): React.ReactElement {
  return (
    <Box flexDirection="column" borderStyle={focused ? 'double' : 'single'} borderColor={color && focused ? 'cyan' : undefined} width={width} height={height} overflow="hidden">
      <Text wrap="truncate">
        <Text bold={color} color={color && focused ? 'cyan' : undefined}>
          {title}
        </Text>
        {note ? <Text dimColor={color}> {note}</Text> : null}
      </Text>
      {children}
    </Box>
  );
}
