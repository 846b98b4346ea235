/** The TTY score card: the score large, three sub-score bars, confidence, top contributions, flags. */
import React from 'react';
import { Box, Text, renderToString } from 'ink';
import type { Theme } from './output-mode.js';
import { bar, bigDigits } from './big-digits.js';
import { cleanText } from './sanitize.js';
import { describeAsOf, type ReportHeader } from './report-header.js';
import { asOfHint, featureLabel, formatFlags, formatPoints, formatScore, scoreColor, topContributions, type ScoreResultView } from './score-view.js';

interface Props {
  result: ScoreResultView;
  color: boolean;
  /** when and over what window the score was computed */
  header: ReportHeader;
}

/** One account's card. Colour props are only set when colour is on (NO_COLOR, --no-color). */
export function ScoreCard({ result, color, header }: Props): React.ReactElement {
  const hint = asOfHint(result);
  if (result.score === null) {
    return (
      <Box flexDirection="column" borderStyle="round" paddingX={1} width={52}>
        <Text bold={color}>
          @{cleanText(result.handle)} <Text dimColor={color}>({cleanText(result.network)})</Text>
        </Text>
        <Text dimColor={color}>{describeAsOf(header)}</Text>
        <Text>score - (abstains)</Text>
        <Text>{cleanText(result.abstain ?? '')}</Text>
        {hint ? <Text>{hint}</Text> : null}
      </Box>
    );
  }
  const digits = bigDigits(result.score.toFixed(0));
  const tint = color ? scoreColor(result.score) : undefined;
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
      <Text dimColor={color}>{describeAsOf(header)}</Text>
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
          <Text>confidence {Math.round(result.confidence * 100)}%</Text>
          <Text>flags: {formatFlags(result.flags)}</Text>
        </Box>
      </Box>
      {hint ? <Text>{hint}</Text> : null}
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
export function renderScoreCards(results: ScoreResultView[], theme: Theme, columns: number, header: ReportHeader): string {
  return results.map((r) => renderToString(<ScoreCard result={r} color={theme.color} header={header} />, { columns })).join('\n');
}
