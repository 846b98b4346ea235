/** `?`: every key and what it does (the table in keys.ts), in place of the panels. */
import React from 'react';
import { Box, Text } from 'ink';
import { KEY_HELP } from './keys.js';
import { Frame } from './Frame.js';

interface Props {
  width: number;
  height: number;
  color: boolean;
}

/** The help overlay (see the module doc). */
export function HelpOverlay({ width, height, color }: Props): React.ReactElement {
  const keyWidth = Math.max(...KEY_HELP.map((k) => k.keys.length)) + 2;
  return (
    <Frame title="help" note="Esc or ? closes" focused color={color} width={width} height={height}>
      {KEY_HELP.map((k) => (
        <Box key={k.keys} flexDirection="row">
          <Box width={keyWidth} flexShrink={0}>
            <Text bold={color} color={color ? 'cyan' : undefined}>
              {k.keys}
            </Text>
          </Box>
          <Text wrap="truncate">{k.does}</Text>
        </Box>
      ))}
      <Text> </Text>
      <Text dimColor={color} wrap="truncate">
        Scores carry an 80% interval; an account the data says nothing about abstains (no score, a reason).
      </Text>
      <Text dimColor={color} wrap="truncate">
        The dashboard reads only: it never stores a run (`influence score` and `report threshold` do).
      </Text>
    </Frame>
  );
}
