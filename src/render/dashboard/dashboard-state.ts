/**
 * The dashboard's state and its one reducer: every key press becomes an action
 * (keys.ts), and `reduceDashboard(state, action, context)` returns the next state. Pure:
 * what the reducer needs to know about the data (list lengths, which topic a picker row
 * names) arrives in `context`, so key sequences are unit-tested without a terminal.
 */
import type { RankSort } from '../../engine/ranking.js';
import type { DashboardSort } from './view.js';
import { layoutOf, listRowsOf, PANELS, type FocusId, type PanelId, type Viewport } from './layout.js';

/**
 * The sorts `s` cycles through, in rank's --sort order (engine RANK_SORTS: render imports
 * engine types only, so the list is repeated here and a test keeps the two equal).
 */
export const DASHBOARD_SORTS: readonly RankSort[] = ['score', 'reach', 'amplification', 'network'];

/** A list's selected row and the first row on screen. */
export interface ListCursor {
  cursor: number;
  offset: number;
}

/** Everything the screen depends on besides the data. */
export interface DashboardState {
  /** the numbered panel shown on the left */
  panel: PanelId;
  focus: FocusId;
  sort: DashboardSort;
  /** taxonomy index of the chosen topic; null = all accounts */
  topic: number | null;
  /** the applied handle filter ('' = none) */
  filter: string;
  /** the filter being typed (after `/`), null when the prompt is closed */
  editing: string | null;
  /** the Klout70 threshold and the width of the near band below it (as `report threshold --at --near`) */
  at: number;
  near: number;
  help: boolean;
  viewport: Viewport;
  cursors: Record<FocusId, ListCursor>;
  quit: boolean;
}

/** What a key asks for. */
export type DashboardAction =
  | { type: 'panel'; panel: PanelId }
  | { type: 'cycle-focus'; step: 1 | -1 }
  | { type: 'move'; delta: number }
  | { type: 'page'; step: 1 | -1 }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'open' }
  | { type: 'back' }
  | { type: 'filter-start' }
  | { type: 'filter-input'; text: string }
  | { type: 'filter-erase' }
  | { type: 'filter-apply' }
  | { type: 'filter-cancel' }
  | { type: 'topic-picker' }
  | { type: 'cycle-sort' }
  | { type: 'threshold'; delta: number }
  | { type: 'help' }
  | { type: 'resize'; viewport: Viewport }
  | { type: 'quit' };

/** What the reducer needs to know about the data shown in `state`. */
export interface ReduceContext {
  /** rows of each list (for the detail pane: its lines) */
  lengths: Record<FocusId, number>;
  /** the topic a topic-picker row names (null: all accounts) */
  topicAt(row: number): number | null;
  /** the picker row of a topic (0 when absent) */
  rowOfTopic(topic: number | null): number;
}

/** Defaults of a new dashboard. */
export const DASHBOARD_DEFAULTS = { at: 70, near: 5, viewport: { columns: 80, rows: 24 } } as const;

const FOCUS_ORDER: readonly FocusId[] = [...PANELS, 'detail'];
const AT_RANGE = { min: 1, max: 100 };
const top: ListCursor = { cursor: 0, offset: 0 };

/** The first state: the ranking by score, focused. */
export function initialDashboardState(options: Partial<Pick<DashboardState, 'topic' | 'at' | 'near' | 'viewport'>> = {}): DashboardState {
  const topic = options.topic ?? null;
  return {
    panel: 'ranking',
    focus: 'ranking',
    sort: topic === null ? 'score' : 'topic',
    topic,
    filter: '',
    editing: null,
    at: options.at ?? DASHBOARD_DEFAULTS.at,
    near: options.near ?? DASHBOARD_DEFAULTS.near,
    help: false,
    viewport: options.viewport ?? DASHBOARD_DEFAULTS.viewport,
    cursors: { ranking: top, klout: top, topics: top, authenticity: top, detail: top },
    quit: false,
  };
}

/** The sorts `s` cycles through: with a topic, influence on it comes first. */
export function sortsFor(topic: number | null): DashboardSort[] {
  return topic === null ? [...DASHBOARD_SORTS] : ['topic', ...DASHBOARD_SORTS];
}

/** The next state (see the module doc). */
export function reduceDashboard(state: DashboardState, action: DashboardAction, ctx: ReduceContext): DashboardState {
  switch (action.type) {
    case 'quit':
      return { ...state, quit: true };
    case 'help':
      return { ...state, help: !state.help };
    case 'resize':
      return withCursors({ ...state, viewport: action.viewport }, ctx);
    case 'panel':
      return { ...state, panel: action.panel, focus: action.panel, help: false };
    case 'cycle-focus': {
      const k = (FOCUS_ORDER.indexOf(state.focus) + action.step + FOCUS_ORDER.length) % FOCUS_ORDER.length;
      const focus = FOCUS_ORDER[k]!;
      return { ...state, focus, panel: focus === 'detail' ? state.panel : focus, cursors: focus === 'detail' ? { ...state.cursors, detail: top } : state.cursors };
    }
    case 'move':
      return moveTo(state, state.cursors[state.focus].cursor + action.delta, ctx);
    case 'page':
      return moveTo(state, state.cursors[state.focus].cursor + action.step * pageOf(state), ctx);
    case 'home':
      return moveTo(state, 0, ctx);
    case 'end':
      return moveTo(state, ctx.lengths[state.focus] - 1, ctx);
    case 'open':
      if (state.focus === 'topics') return pickTopic(state, ctx.topicAt(state.cursors.topics.cursor));
      if (state.focus === 'detail') return { ...state, focus: state.panel };
      return { ...state, focus: 'detail', cursors: { ...state.cursors, detail: top } };
    case 'back':
      if (state.help) return { ...state, help: false };
      if (state.focus === 'detail') return { ...state, focus: state.panel };
      if (state.focus === 'topics') return { ...state, panel: 'ranking', focus: 'ranking' };
      return state;
    case 'filter-start':
      return { ...state, editing: state.filter, panel: 'ranking', focus: 'ranking', help: false };
    case 'filter-input':
      return state.editing === null ? state : withFilter(state, state.editing + action.text, state.editing + action.text);
    case 'filter-erase':
      return state.editing === null ? state : withFilter(state, state.editing.slice(0, -1), state.editing.slice(0, -1));
    case 'filter-apply':
      return { ...state, editing: null };
    case 'filter-cancel':
      return withFilter(state, null, '');
    case 'topic-picker': {
      const row = ctx.rowOfTopic(state.topic);
      return scrolled({ ...state, panel: 'topics', focus: 'topics', help: false, cursors: { ...state.cursors, topics: { cursor: row, offset: state.cursors.topics.offset } } }, 'topics');
    }
    case 'cycle-sort': {
      const sorts = sortsFor(state.topic);
      const next = sorts[(sorts.indexOf(state.sort) + 1) % sorts.length]!;
      return { ...state, sort: next, cursors: { ...state.cursors, ranking: top } };
    }
    case 'threshold': {
      const at = Math.min(AT_RANGE.max, Math.max(AT_RANGE.min, state.at + action.delta));
      return at === state.at ? state : { ...state, at, cursors: { ...state.cursors, klout: top } };
    }
  }
}

/** Rows a page moves: the rows the focused list shows. */
export function pageOf(state: DashboardState): number {
  return listRowsOf(layoutOf(state.viewport), state.focus);
}

function pickTopic(state: DashboardState, topic: number | null): DashboardState {
  const sort = topic === null ? (state.sort === 'topic' ? 'score' : state.sort) : 'topic';
  return { ...state, topic, sort, panel: 'ranking', focus: 'ranking', cursors: { ...state.cursors, ranking: top, klout: top, authenticity: top } };
}

function withFilter(state: DashboardState, editing: string | null, filter: string): DashboardState {
  return { ...state, editing, filter, cursors: { ...state.cursors, ranking: top } };
}

function moveTo(state: DashboardState, cursor: number, ctx: ReduceContext): DashboardState {
  const length = ctx.lengths[state.focus];
  const clamped = Math.max(0, Math.min(Math.max(0, length - 1), cursor));
  if (state.focus === 'detail') {
    // the detail pane scrolls: its "cursor" is the first line shown, up to the last full page
    const last = Math.max(0, length - pageOf(state));
    const line = Math.max(0, Math.min(last, cursor));
    return { ...state, cursors: { ...state.cursors, detail: { cursor: line, offset: line } } };
  }
  return scrolled({ ...state, cursors: { ...state.cursors, [state.focus]: { ...state.cursors[state.focus], cursor: clamped } } }, state.focus);
}

/** Keeps a list's cursor on screen: the offset follows the cursor. */
function scrolled(state: DashboardState, focus: FocusId): DashboardState {
  const rows = listRowsOf(layoutOf(state.viewport), focus);
  const { cursor, offset } = state.cursors[focus];
  const next = cursor < offset ? cursor : cursor >= offset + rows ? cursor - rows + 1 : offset;
  return next === offset ? state : { ...state, cursors: { ...state.cursors, [focus]: { cursor, offset: next } } };
}

/** After a resize: every list's cursor within its length and on screen, no blank rows below the last when it fits. */
function withCursors(state: DashboardState, ctx: ReduceContext): DashboardState {
  let next = state;
  const layout = layoutOf(state.viewport);
  for (const focus of PANELS) {
    const length = ctx.lengths[focus];
    const cursor = Math.max(0, Math.min(Math.max(0, length - 1), next.cursors[focus].cursor));
    const offset = Math.min(next.cursors[focus].offset, Math.max(0, length - listRowsOf(layout, focus)));
    next = scrolled({ ...next, cursors: { ...next.cursors, [focus]: { cursor, offset } } }, focus);
  }
  const detail = Math.min(next.cursors.detail.cursor, Math.max(0, ctx.lengths.detail - listRowsOf(layout, 'detail')));
  return { ...next, cursors: { ...next.cursors, detail: { cursor: detail, offset: detail } } };
}
