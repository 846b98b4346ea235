/** The top of the detail pane: handle, score with its interval (or why it abstains), sub-scores, confidence, stored-run sparkline, audience quality when present. */
import React from 'react';
import { Text } from 'ink';
import type { DetailView } from './view.js';
import { formatInterval, wrapWords } from './text-fit.js';
import { sparkline } from '../sparkline.js';
import { scoreColor } from '../score-view.js';

type AccountDetail = Extract<DetailView, { kind: 'account' }>;

/** One line per element: the summary of an account (see the module doc). */
export function scoreSummaryLines(d: AccountDetail, width: number, color: boolean): React.ReactElement[] {
  const lines: React.ReactElement[] = [
    <Text key="handle" bold={color} wrap="truncate">
      @{d.handle} <Text dimColor={color}>({d.network})</Text>
    </Text>,
  ];
  if (d.score === null || d.interval === null) {
    lines.push(<Text key="score">score - (abstains)</Text>);
    wrapWords(d.abstain ?? '', width).forEach((l, k) => lines.push(<Text key={`abstain${k}`} dimColor={color}>{l}</Text>));
  } else {
    lines.push(
      <Text key="score" wrap="truncate">
        score{' '}
        <Text bold={color} color={color ? scoreColor(d.score) : undefined}>
          {d.score.toFixed(1)}
        </Text>
        {`  80% ${formatInterval(d.interval)}`}
      </Text>,
    );
  }
  lines.push(
    <Text key="subs" wrap="truncate">
      {`reach ${d.subscores.reach.toFixed(1)} amp ${d.subscores.amplification.toFixed(1)} net ${d.subscores.network.toFixed(1)}`}
    </Text>,
    <Text key="conf" wrap="truncate">
      {`confidence ${d.confidence.toFixed(2)}${d.missing.length ? ` (${d.missing.length} imputed)` : ''}`}
    </Text>,
  );
  if (d.hint) wrapWords(d.hint, width).forEach((l, k) => lines.push(<Text key={`hint${k}`} color={color ? 'yellow' : undefined}>{l}</Text>));
  const h = d.history;
  lines.push(
    <Text key="history" wrap="truncate">
      {h.scores.length === 0 ? (
        <Text dimColor={color}>history: no stored runs</Text>
      ) : (
        <>
          {'history '}
          <Text color={color ? 'blue' : undefined}>{sparkline(h.scores.slice(-Math.max(1, width - 30)))}</Text>
          {` ${h.scores.length} run${h.scores.length === 1 ? '' : 's'} ${h.first === h.last ? h.first : `${h.first}..${h.last}`}`}
        </>
      )}
    </Text>,
  );
  if (d.audience !== undefined) {
    const a = d.audience;
    lines.push(
      <Text key="audience" wrap="truncate">
        {/* as the score line has it ("score 62.0  80% 60.3-63.4"), short enough for an 80-column detail pane */}
        {a === null || a.quality === null || a.interval === null ? 'audience: no follower classified' : `audience ${a.quality.toFixed(1)}% real 95% ${formatInterval(a.interval)}`}
      </Text>,
    );
  }
  return lines;
}
