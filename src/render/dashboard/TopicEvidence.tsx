/** The selected account's topics with their evidence: score, posts (and the sub-topics behind them), engagers (unknown when the export has none), bio, the best example post (cleaned). */
import React from 'react';
import { Text } from 'ink';
import type { TopicLine } from './view.js';
import { wrapWords } from './text-fit.js';

/** One line per element (see the module doc). */
export function topicLines(topics: readonly TopicLine[], available: boolean, width: number, color: boolean): React.ReactElement[] {
  if (!available) return [<Text key="t" dimColor={color}>topics: not computed</Text>];
  if (topics.length === 0) {
    return [
      <Text key="t" wrap="truncate">
        <Text bold={color}>topics</Text> <Text dimColor={color}>none assigned (3+ posts, 2+ engagers needed)</Text>
      </Text>,
    ];
  }
  const lines: React.ReactElement[] = [
    <Text key="topics-head" bold={color}>
      topics
    </Text>,
  ];
  topics.forEach((t, k) => {
    lines.push(
      <Text key={`t${k}`} wrap="truncate">
        <Text bold={color} color={color ? 'green' : undefined}>
          {String(t.score).padStart(3)}
        </Text>
        {` ${t.name} (${t.slug})`}
      </Text>,
      <Text key={`e${k}`} wrap="truncate" dimColor={color}>
        {`    ${t.posts} posts, ${t.engagers === null ? '? engagers (not in the export)' : `${t.engagers} engagers`}${t.bio ? ', bio' : ''}${t.direct ? '' : ', via sub-topics'}`}
      </Text>,
    );
    if (t.subTopics.length) {
      const parts = t.subTopics.map((p) => `${p.name} ${p.posts}`).join(', ');
      lines.push(
        <Text key={`s${k}`} wrap="truncate" dimColor={color}>
          {`    posts: ${t.ownPosts ? `${t.ownPosts} naming it, ` : ''}${parts}`}
        </Text>,
      );
    }
    if (t.example && t.direct) {
      wrapWords(`e.g. "${t.example}"`, width - 4)
        .slice(0, 2)
        .forEach((l, j) => lines.push(<Text key={`x${k}.${j}`} wrap="truncate" dimColor={color}>{`    ${l}`}</Text>));
    }
  });
  return lines;
}
