/**
 * The itemised score as horizontal bars on the score's own scale (the full width is 100
 * points), so the bars laid end to end are as long as the score's bar on the last line;
 * the numbers are the engine's and add up to the score exactly.
 */
import React from 'react';
import { Box, Text } from 'ink';
import type { ContributionView } from './view.js';
import { scaleBar } from './text-fit.js';
import { formatPoints } from '../score-view.js';

const LABEL = 17;
const POINTS = 6;

/** One line per element: a heading, each non-zero contribution, and the total. */
export function contributionLines(contributions: readonly ContributionView[], score: number, width: number, color: boolean): React.ReactElement[] {
  const barWidth = Math.max(4, width - LABEL - POINTS - 2);
  const shown = contributions.filter((c) => c.points !== 0);
  const zero = contributions.length - shown.length;
  const line = (key: string, label: string, points: number, bold: boolean, imputed = false): React.ReactElement => (
    <Box key={key} flexDirection="row" height={1}>
      <Box width={LABEL + 1}>
        <Text wrap="truncate" bold={bold && color}>
          {imputed ? '~' : ''}
          {label}
        </Text>
      </Box>
      <Box width={barWidth + 1}>
        <Text color={color ? (points < 0 ? 'red' : bold ? 'magenta' : 'blue') : undefined} wrap="truncate">
          {scaleBar(points, barWidth)}
        </Text>
      </Box>
      <Box width={POINTS} justifyContent="flex-end">
        <Text bold={bold && color}>{bold ? points.toFixed(1) : formatPoints(points)}</Text>
      </Box>
    </Box>
  );
  return [
    <Text key="contributions-head" bold={color} wrap="truncate">
      contributions <Text dimColor={color}>(sum = score)</Text>
    </Text>,
    ...shown.map((c, k) => line(`c${k}`, c.label, c.points, false, c.imputed)),
    line('total', '= score', score, true),
    ...(zero ? [<Text key="zero" dimColor={color}>{`${zero} more at 0.0`}</Text>] : []),
  ];
}
