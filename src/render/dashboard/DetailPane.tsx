/**
 * The detail pane: the selected account's score card, contributions as bars, topics with
 * evidence, flags with evidence and stored-run history, as one column of lines that
 * scrolls when focused (j/k) and the content is taller than the pane.
 */
import React from 'react';
import { Box, Text } from 'ink';
import type { DetailView } from './view.js';
import { Frame } from './Frame.js';
import { scoreSummaryLines } from './ScoreSummary.js';
import { contributionLines } from './ContributionBars.js';
import { topicLines } from './TopicEvidence.js';
import { flagLines } from './FlagEvidence.js';
import { wrapWords } from './text-fit.js';

/** The pane's lines for a detail at an inner width (the reducer scrolls by their count). */
export function detailLines(d: DetailView, width: number, color: boolean, topicsAvailable: boolean): React.ReactElement[] {
  if (d.kind === 'none') return [<Text key="none" dimColor={color}>nothing selected</Text>];
  if (d.kind === 'unknown') {
    return [
      <Text key="input" bold={color} wrap="truncate">
        {d.input}
      </Text>,
      ...wrapWords(`line ${d.line} of the list: ${d.reason}`, width).map((l, k) => <Text key={`r${k}`}>{l}</Text>),
    ];
  }
  const gap = (key: string) => <Text key={key}> </Text>;
  const missing = d.missing.length ? wrapWords(`~ imputed (not in the data): ${d.missing.join(', ')}`, width).map((l, k) => <Text key={`m${k}`} dimColor={color}>{l}</Text>) : [];
  return [
    ...scoreSummaryLines(d, width, color),
    ...(d.score !== null ? [gap('g1'), ...contributionLines(d.contributions, d.score, width, color), ...missing] : []),
    gap('g2'),
    ...flagLines(d.flags, width, color),
    gap('g3'),
    ...topicLines(d.topics, topicsAvailable, width, color),
  ];
}

interface Props {
  lines: React.ReactElement[];
  /** first line shown */
  scroll: number;
  rows: number;
  width: number;
  height: number;
  focused: boolean;
  color: boolean;
}

/** The pane (see the module doc): only the lines on screen. */
export function DetailPane({ lines, scroll, rows, width, height, focused, color }: Props): React.ReactElement {
  const more = lines.length - scroll - rows;
  return (
    <Frame title="detail" note={focused ? `· Esc back${lines.length > rows ? ` · j/k scroll${more > 0 ? ` · ${more} more` : ''}` : ''}` : lines.length > rows ? '· Enter to scroll' : ''} focused={focused} color={color} width={width} height={height}>
      <Box flexDirection="column">{lines.slice(scroll, scroll + rows)}</Box>
    </Frame>
  );
}
