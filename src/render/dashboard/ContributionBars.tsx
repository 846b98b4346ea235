/**
 * The itemised score as horizontal bars on the score's own scale (the full width is 100
 * points), so the bars laid end to end are as long as the score's bar on the last line;
 * the numbers are the engine's and add up to the score exactly.
 */
import React from 'react';
import { Text } from 'ink';
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
  // one text per line: drawn on every key, so few ink nodes
  const line = (key: string, label: string, points: number, bold: boolean, imputed = false): React.ReactElement => {
    const name = `${imputed ? '~' : ''}${label}`;
    const shown = name.length > LABEL ? `${name.slice(0, LABEL - 1)}…` : name.padEnd(LABEL);
    return (
      <Text key={key} wrap="truncate" bold={bold && color}>
        {`${shown} `}
        <Text color={color ? (points < 0 ? 'red' : bold ? 'magenta' : 'blue') : undefined}>{scaleBar(points, barWidth).padEnd(barWidth)}</Text>
        {` ${(bold ? points.toFixed(1) : formatPoints(points)).padStart(POINTS - 1)}`}
      </Text>
    );
  };
  return [
    <Text key="contributions-head" bold={color} wrap="truncate">
      contributions <Text dimColor={color}>(sum = score)</Text>
    </Text>,
    ...shown.map((c, k) => line(`c${k}`, c.label, c.points, false, c.imputed)),
    line('total', '= score', score, true),
    ...(zero ? [<Text key="zero" dimColor={color}>{`${zero} more at 0.0`}</Text>] : []),
  ];
}
