/** The TTY score card: the score large, three sub-score bars, confidence, top contributions, flags. */
import React from 'react';
import { Box, Text, renderToString } from 'ink';
import type { Theme } from './output-mode.js';
import { bar, bigDigits } from './big-digits.js';
import { cleanText } from './sanitize.js';
import { asOfHint, featureLabel, formatFlags, formatPoints, formatScore, scoreColor, topContributions, type ScoreResultView } from './score-view.js';

interface Props {
  result: ScoreResultView;
  color: boolean;
}

/** One account's card. Colour props are only set when colour is on (NO_COLOR, --no-color). */
export function ScoreCard({ result, color }: Props): React.ReactElement {
  if (result.score === null) {
    return (
      <Box flexDirection="column" borderStyle="round" paddingX={1} width={52}>
        <Text bold={color}>
          @{cleanText(result.handle)} <Text dimColor={color}>({cleanText(result.network)})</Text>
        </Text>
        <Text>score - (abstains)</Text>
        <Text>{cleanText(result.abstain ?? '')}</Text>
      </Box>
    );
  }
  const digits = bigDigits(result.score.toFixed(0));
  const tint = color ? scoreColor(result.score) : undefined;
  const hint = asOfHint(result);
  const bars: [string, number][] = [
    ['reach', result.subscores.reach],
    ['amplification', result.subscores.amplification],
    ['network', result.subscores.network],
  ];
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={52}>
      <Text bold={color}>
        @{cleanText(result.handle)} <Text dimColor={color}>({cleanText(result.network)})</Text>
      </Text>
      <Box flexDirection="row">
        <Box flexDirection="column" marginRight={2}>
          {digits.map((row, i) => (
            <Text key={i} color={tint}>
              {row}
            </Text>
          ))}
        </Box>
        <Box flexDirection="column">
          <Text>score {formatScore(result)}</Text>
          {hint ? <Text>{hint}</Text> : null}
          <Text>confidence {Math.round(result.confidence * 100)}%</Text>
          <Text>flags: {formatFlags(result.flags)}</Text>
        </Box>
      </Box>
      {bars.map(([name, v]) => (
        <Text key={name}>
          {name.padEnd(14)}
          <Text color={color ? 'blue' : undefined}>{bar(v, 24)}</Text> {v.toFixed(0).padStart(3)}
        </Text>
      ))}
      <Text bold={color}>top contributions</Text>
      {topContributions(result.contributions).map((c) => (
        <Text key={c.feature}>
          {'  '}
          {featureLabel(c.feature).padEnd(22)} {formatPoints(c.points).padStart(6)}
          {c.source === 'imputed' ? ' (imputed)' : ''}
        </Text>
      ))}
    </Box>
  );
}

/** Renders cards for results to a string (static: nothing interactive). */
export function renderScoreCards(results: ScoreResultView[], theme: Theme, columns = 80): string {
  return results.map((r) => renderToString(<ScoreCard result={r} color={theme.color} />, { columns })).join('\n');
}
