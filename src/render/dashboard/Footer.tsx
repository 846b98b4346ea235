/** The bottom line: the keys that fit, or the filter prompt while it is open. */
import React from 'react';
import { Text } from 'ink';
import { FOOTER_KEYS } from './keys.js';
import { cleanText } from '../sanitize.js';

interface Props {
  /** the filter being typed, null when the prompt is closed */
  editing: string | null;
  width: number;
  color: boolean;
}

/** The footer (see the module doc). */
export function Footer({ editing, width, color }: Props): React.ReactElement {
  if (editing !== null) {
    return (
      <Text wrap="truncate">
        <Text bold={color}>filter handles: /{cleanText(editing)}</Text>
        <Text inverse={color}>{color ? ' ' : '_'}</Text>
        <Text dimColor={color}>  Enter keep · Esc clear</Text>
      </Text>
    );
  }
  // the most useful keys that fit, in their usual order (FOOTER_KEYS ranks them)
  const picked = new Set<number>();
  let used = 0;
  FOOTER_KEYS.forEach(([key, does], k) => {
    const cost = key.length + 1 + does.length + (picked.size ? 2 : 0);
    if (used + cost <= width) {
      picked.add(k);
      used += cost;
    }
  });
  const shown = FOOTER_KEYS.filter((_, k) => picked.has(k)).sort((a, b) => a[2] - b[2]);
  return (
    <Text wrap="truncate">
      {shown.map(([key, does], i) => (
        <Text key={key}>
          {i ? '  ' : ''}
          <Text bold={color} color={color ? 'cyan' : undefined}>
            {key}
          </Text>{' '}
          {does}
        </Text>
      ))}
    </Text>
  );
}
