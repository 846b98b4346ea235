/** The top lines: database, as-of, window, model, counts, and the topic and list in use. */
import React from 'react';
import { Box, Text } from 'ink';
import type { HeaderView, TopicRef } from './view.js';
import { formatCount } from './text-fit.js';
import { cleanText } from '../sanitize.js';
import { HEADER_ROWS } from './layout.js';

interface Props {
  header: HeaderView;
  topic: TopicRef | null;
  color: boolean;
}

/** The header lines (see the module doc); imported or user-given text is cleaned. */
export function Header({ header: h, topic, color }: Props): React.ReactElement {
  const where = [cleanText(h.database), `as of ${h.asOf.slice(0, 10)}`, `${h.windowDays}-day window`, `model ${cleanText(h.model)}`];
  const what = [`${formatCount(h.accounts)} accounts: ${formatCount(h.scored)} scored, ${formatCount(h.abstaining)} without a score, ${formatCount(h.flagged)} flagged`];
  if (h.list) what.push(`list ${cleanText(h.list.file)} (${formatCount(h.list.listed)} listed, ${formatCount(h.list.unknown)} unknown)`);
  if (topic) what.push(`topic ${topic.name}`);
  return (
    <Box flexDirection="column" height={HEADER_ROWS}>
      <Text wrap="truncate">
        <Text bold={color} color={color ? 'cyan' : undefined}>
          influence dashboard
        </Text>
        {` · ${where.join(' · ')}`}
      </Text>
      <Text wrap="truncate">{what.join(' · ')}</Text>
    </Box>
  );
}
