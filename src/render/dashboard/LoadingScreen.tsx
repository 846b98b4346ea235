/** What the dashboard shows while the analysis runs (once, before the first frame of data). */
import React from 'react';
import { Box, Text } from 'ink';

interface Props {
  /** what is happening now, e.g. "reading the database" */
  stage: string;
  color: boolean;
}

/** The loading line (see the module doc). */
export function LoadingScreen({ stage, color }: Props): React.ReactElement {
  return (
    <Box flexDirection="column" paddingX={1} paddingY={1}>
      <Text bold={color} color={color ? 'cyan' : undefined}>
        influence dashboard
      </Text>
      <Text>loading: {stage}…</Text>
      <Text dimColor={color}>the analysis runs once; browsing it afterwards reads nothing more (q or Ctrl-C quits)</Text>
    </Box>
  );
}
