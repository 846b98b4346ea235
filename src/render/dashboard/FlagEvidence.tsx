/** The selected account's authenticity flags, each with its severity and the measured values against their thresholds. */
import React from 'react';
import { Text } from 'ink';
import type { FlagLine } from './view.js';
import { wrapWords } from './text-fit.js';

/** One line per element (see the module doc). */
export function flagLines(flags: readonly FlagLine[], width: number, color: boolean): React.ReactElement[] {
  if (flags.length === 0) {
    return [
      <Text key="f" wrap="truncate">
        <Text bold={color}>flags</Text> none
      </Text>,
    ];
  }
  const lines: React.ReactElement[] = [
    <Text key="flags-head" bold={color}>
      flags
    </Text>,
  ];
  flags.forEach((f, k) => {
    lines.push(
      <Text key={`f${k}`} wrap="truncate" color={color ? 'red' : undefined}>
        {`${f.code} ${f.severity.toFixed(2)}`}
      </Text>,
    );
    wrapWords(f.evidence, width - 2).forEach((l, j) => lines.push(<Text key={`v${k}.${j}`} wrap="truncate" dimColor={color}>{`  ${l}`}</Text>));
  });
  return lines;
}
