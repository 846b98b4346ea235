/**
 * The dashboard: header, the numbered panel on the left (1 ranking, 2 Klout70, 3 topics,
 * 4 authenticity), the detail pane of the selected account on the right, the keys in the
 * footer. Keys go through keys.ts -> dashboard-state.ts; the data comes from the source,
 * asked only for what the state shows (and memoised there).
 */
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { initialDashboardState, reduceDashboard, type DashboardState, type ListCursor, type ReduceContext } from './dashboard-state.js';
import { reduceKeys } from './keys.js';
import { layoutOf, listRowsOf, MIN_VIEWPORT, type Viewport } from './layout.js';
import { listOf, type DashboardSource, type DetailView, type KloutView, type RankingView, type AuthenticityView, type TopicChoice, type TopicRef } from './view.js';
import { Header } from './Header.js';
import { Footer } from './Footer.js';
import { RankingPanel } from './RankingPanel.js';
import { KloutPanel } from './KloutPanel.js';
import { TopicsPanel } from './TopicsPanel.js';
import { AuthenticityPanel } from './AuthenticityPanel.js';
import { DetailPane, detailLines } from './DetailPane.js';
import { HelpOverlay } from './HelpOverlay.js';

interface Props {
  source: DashboardSource;
  color: boolean;
  /** the starting topic and threshold (--topic; the Klout70 defaults otherwise) */
  initial?: Partial<Pick<DashboardState, 'topic' | 'at' | 'near'>>;
  /** a fixed size (tests); default: the terminal's, following resize events */
  viewport?: Viewport;
}

/**
 * The part of the terminal the dashboard draws on: all of it but the last row. ink redraws a
 * frame in place only while it is shorter than the terminal; a full-height frame makes it
 * clear the whole terminal, scrollback included in some emulators, on every key.
 */
function viewportOf(stdout: NodeJS.WriteStream): Viewport {
  return { columns: stdout.columns || 80, rows: Math.max(1, (stdout.rows || 24) - 1) };
}

const clamp = (c: ListCursor, length: number): ListCursor => {
  const cursor = Math.max(0, Math.min(length - 1, c.cursor));
  return { cursor, offset: Math.max(0, Math.min(c.offset, cursor)) };
};

/** The whole screen (see the module doc). */
export function Dashboard({ source, color, initial, viewport: fixed }: Props): React.ReactElement {
  const { stdout } = useStdout();
  const { exit } = useApp();
  const [state, setState] = useState<DashboardState>(() => initialDashboardState({ ...initial, viewport: fixed ?? viewportOf(stdout) }));
  const layout = layoutOf(state.viewport);

  const ranking = useMemo(() => source.ranking({ sort: state.sort, topic: state.topic, filter: state.filter }), [source, state.sort, state.topic, state.filter]);
  // the other panels are asked for only while shown: a 100k-account database starts on the ranking alone
  const panel = state.help ? null : state.panel;
  const klout = useMemo(() => (panel === 'klout' ? source.klout({ at: state.at, near: state.near, topic: state.topic }) : null), [source, panel, state.at, state.near, state.topic]);
  const topics = useMemo(() => (panel === 'topics' ? listOf<TopicChoice>([{ topic: null, slug: '', name: 'all topics', accounts: source.header.list?.matched ?? source.header.accounts }, ...source.topics()]) : null), [source, panel]);
  const authenticity = useMemo(() => (panel === 'authenticity' ? source.authenticity() : null), [source, panel]);
  // a list not shown has no known length: Infinity leaves its cursor where it was
  const lengthOf = (list: { length: number } | null): number => list?.length ?? Number.POSITIVE_INFINITY;
  const cursors = {
    ranking: clamp(state.cursors.ranking, ranking.items.length),
    klout: clamp(state.cursors.klout, lengthOf(klout?.items ?? null)),
    topics: clamp(state.cursors.topics, lengthOf(topics)),
    authenticity: clamp(state.cursors.authenticity, lengthOf(authenticity?.items ?? null)),
  };
  const detail = useMemo(() => selectedDetail(source, state, cursors, ranking, klout, authenticity), [source, state.panel, cursors.ranking.cursor, cursors.klout.cursor, cursors.authenticity.cursor, ranking, klout, authenticity]);
  const paneWidth = layout.split ? layout.rightWidth : layout.columns;
  const lines = useMemo(() => detailLines(detail, paneWidth - 2, color, source.topicsAvailable), [detail, paneWidth, color, source.topicsAvailable]);

  const ctx: ReduceContext = {
    lengths: { ranking: ranking.items.length, klout: lengthOf(klout?.items ?? null), topics: lengthOf(topics), authenticity: lengthOf(authenticity?.items ?? null), detail: lines.length },
    topicAt: (row) => (topics && row < topics.length ? topics.at(row).topic : null),
    rowOfTopic: (topic) => {
      // the picker opens on the current topic; its list is built when it is shown, so look it up here
      const choices = topics ?? listOf<TopicChoice>([{ topic: null, slug: '', name: '', accounts: 0 }, ...source.topics()]);
      for (let k = 0; k < choices.length; k++) if (choices.at(k).topic === topic) return k;
      return 0;
    },
  };

  useInput((input, key) => setState((s) => reduceKeys(s, input, key, ctx)));

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);

  useEffect(() => {
    if (fixed) return undefined;
    const onResize = () => setState((s) => reduceDashboard(s, { type: 'resize', viewport: viewportOf(stdout) }, ctx));
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
  });

  const topic: TopicRef | null = ranking.topic;
  return (
    <Box flexDirection="column" width={layout.columns} height={layout.rows}>
      <Header header={source.header} topic={topic} color={color} />
      {layout.tooSmall ? (
        <Box height={layout.bodyRows}>
          <Text wrap="truncate">
            terminal too small: {layout.columns}x{layout.rows}, needs {MIN_VIEWPORT.columns}x{MIN_VIEWPORT.rows}
          </Text>
        </Box>
      ) : state.help ? (
        <HelpOverlay width={layout.columns} height={layout.bodyRows} color={color} />
      ) : (
        <Box flexDirection="row" height={layout.bodyRows}>
          {layout.split || state.focus !== 'detail' ? <LeftPanel state={state} cursors={cursors} layout={layout} ranking={ranking} klout={klout} topics={topics} authenticity={authenticity} source={source} color={color} /> : null}
          {layout.split || state.focus === 'detail' ? (
            <DetailPane lines={lines} scroll={Math.min(state.cursors.detail.cursor, Math.max(0, lines.length - listRowsOf(layout, 'detail')))} rows={listRowsOf(layout, 'detail')} width={paneWidth} height={layout.bodyRows} focused={state.focus === 'detail'} color={color} />
          ) : null}
        </Box>
      )}
      <Footer editing={state.editing} width={layout.columns} color={color} />
    </Box>
  );
}

interface LeftProps {
  state: DashboardState;
  cursors: Record<'ranking' | 'klout' | 'topics' | 'authenticity', ListCursor>;
  layout: ReturnType<typeof layoutOf>;
  ranking: RankingView;
  klout: KloutView | null;
  topics: ReturnType<typeof listOf<TopicChoice>> | null;
  authenticity: AuthenticityView | null;
  source: DashboardSource;
  color: boolean;
}

function LeftPanel({ state, cursors, layout, ranking, klout, topics, authenticity, source, color }: LeftProps): React.ReactElement {
  const common = { width: layout.leftWidth, height: layout.bodyRows, color, rows: listRowsOf(layout, state.panel), focused: state.focus === state.panel };
  switch (state.panel) {
    case 'ranking':
      return <RankingPanel view={ranking} cursor={cursors.ranking} audience={source.audience !== undefined} {...common} />;
    case 'klout':
      return klout ? <KloutPanel view={klout} cursor={cursors.klout} {...common} /> : <Text> </Text>;
    case 'topics':
      return topics ? <TopicsPanel items={topics} current={state.topic} available={source.topicsAvailable} cursor={cursors.topics} {...common} /> : <Text> </Text>;
    case 'authenticity':
      return authenticity ? <AuthenticityPanel view={authenticity} cursor={cursors.authenticity} {...common} /> : <Text> </Text>;
  }
}

/** The detail of what the shown panel has selected (the topics panel keeps the ranking's selection). */
function selectedDetail(
  source: DashboardSource,
  state: DashboardState,
  cursors: Record<'ranking' | 'klout' | 'authenticity', ListCursor>,
  ranking: RankingView,
  klout: KloutView | null,
  authenticity: AuthenticityView | null,
): DetailView {
  if (state.panel === 'klout' && klout) return klout.items.length ? source.detail(klout.items.at(cursors.klout.cursor).account) : { kind: 'none' };
  if (state.panel === 'authenticity' && authenticity) return authenticity.items.length ? source.detail(authenticity.items.at(cursors.authenticity.cursor).account) : { kind: 'none' };
  if (ranking.items.length === 0) return { kind: 'none' };
  const item = ranking.items.at(cursors.ranking.cursor);
  return item.kind === 'unknown' ? { kind: 'unknown', input: item.input, line: item.line, reason: item.reason } : source.detail(item.account);
}
