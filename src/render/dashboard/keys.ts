/**
 * Keys -> actions, and the key list the help overlay, the footer and the README show (one
 * table, so they never disagree). While the filter prompt is open, printable keys are text.
 */
import { reduceDashboard, type DashboardAction, type DashboardState, type ReduceContext } from './dashboard-state.js';
import { PANELS } from './layout.js';
import { cleanText } from '../sanitize.js';

/** The parts of ink's Key that the dashboard reads. */
export interface KeyPress {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  meta?: boolean;
}

/** Every key, as the help overlay lists it. */
export const KEY_HELP: readonly { keys: string; does: string }[] = [
  { keys: '1 2 3 4', does: 'show a panel: 1 ranking, 2 Klout70, 3 topics, 4 authenticity' },
  { keys: 'Tab / Shift-Tab', does: 'cycle focus: the four panels, then the detail pane' },
  { keys: '↑ ↓  j k', does: 'move the selection (in the detail pane: scroll)' },
  { keys: 'PgUp PgDn', does: 'move a page' },
  { keys: 'Home End  g G', does: 'first / last row' },
  { keys: 'Enter  →  l', does: 'open the selected account\'s detail; in topics: pick' },
  { keys: 'Esc  ←  h', does: 'back to the panel; close help' },
  { keys: '/', does: 'filter handles: type, Enter keeps the filter, Esc clears it' },
  { keys: 't', does: 'pick a topic (those present); "all topics" clears it' },
  { keys: 's', does: 'cycle the sort: (topic,) score, reach, amplification, network' },
  { keys: '+ -', does: 'move the Klout70 threshold by one point' },
  { keys: '?', does: 'this help' },
  { keys: 'q  Ctrl-C', does: 'quit' },
];

/** The footer's short form, most useful first (the footer shows what fits), each with its place on the line. */
export const FOOTER_KEYS: readonly [key: string, does: string, place: number][] = [
  ['q', 'quit', 10],
  ['?', 'help', 9],
  ['Enter', 'open', 4],
  ['↑↓', 'move', 3],
  ['1-4', 'panel', 1],
  ['/', 'filter', 5],
  ['s', 'sort', 7],
  ['t', 'topic', 6],
  ['+-', 'Klout70', 8],
  ['Tab', 'focus', 2],
];

/** The action a key press asks for in `state`, or null when it means nothing there. */
export function actionOfKey(input: string, key: KeyPress, state: DashboardState): DashboardAction | null {
  if (key.ctrl && input === 'c') return { type: 'quit' };
  if (state.editing !== null) return filterAction(input, key);
  if (key.tab) return { type: 'cycle-focus', step: key.shift ? -1 : 1 };
  if (key.upArrow || (!key.ctrl && input === 'k')) return { type: 'move', delta: -1 };
  if (key.downArrow || (!key.ctrl && input === 'j')) return { type: 'move', delta: 1 };
  if (key.pageUp) return { type: 'page', step: -1 };
  if (key.pageDown) return { type: 'page', step: 1 };
  if (key.home || input === 'g') return { type: 'home' };
  if (key.end || input === 'G') return { type: 'end' };
  if (key.return || key.rightArrow || input === 'l') return { type: 'open' };
  if (key.escape || key.leftArrow || input === 'h') return { type: 'back' };
  if (key.ctrl || key.meta) return null;
  switch (input) {
    case 'q':
      return { type: 'quit' };
    case '?':
      return { type: 'help' };
    case '/':
      return { type: 'filter-start' };
    case 't':
      return { type: 'topic-picker' };
    case 's':
      return { type: 'cycle-sort' };
    case '+':
    case '=':
      return { type: 'threshold', delta: 1 };
    case '-':
    case '_':
      return { type: 'threshold', delta: -1 };
  }
  const n = Number(input);
  if (input.length === 1 && Number.isInteger(n) && n >= 1 && n <= PANELS.length) return { type: 'panel', panel: PANELS[n - 1]! };
  return null;
}

function filterAction(input: string, key: KeyPress): DashboardAction | null {
  if (key.return) return { type: 'filter-apply' };
  if (key.escape) return { type: 'filter-cancel' };
  if (key.backspace || key.delete) return { type: 'filter-erase' };
  if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return null;
  // printable text only: a pasted escape sequence or control character never reaches the filter
  const text = cleanText(input).replace(/ +/g, ' ');
  return text ? { type: 'filter-input', text } : null;
}

/**
 * A read from the keyboard -> the next state. Several keys in one read (fast typing, keys
 * typed while loading, a script) are several presses, each seeing the state the previous
 * one made: plain characters, and Enter, Tab, Backspace among them. Once `/` opens the
 * filter prompt, the rest of the read up to an Enter is filter text.
 */
export function reduceKeys(state: DashboardState, input: string, key: KeyPress, ctx: ReduceContext): DashboardState {
  if (input.length <= 1 || key.ctrl || key.meta || key.escape || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end) {
    const action = actionOfKey(input, key, state);
    return action ? reduceDashboard(state, action, ctx) : state;
  }
  let next = state;
  let k = 0;
  while (k < input.length) {
    if (next.editing !== null && input[k] !== '\r') {
      const enter = input.indexOf('\r', k);
      const text = input.slice(k, enter < 0 ? input.length : enter);
      const typed = text ? actionOfKey(text, {}, next) : null;
      if (typed) next = reduceDashboard(next, typed, ctx);
      k += text.length;
      continue;
    }
    const ch = input[k]!;
    const action = actionOfKey(ch, keyOfChar(ch), next);
    if (action) next = reduceDashboard(next, action, ctx);
    k++;
  }
  return next;
}

/** The key a lone control character stands for inside a longer read. */
function keyOfChar(ch: string): KeyPress {
  if (ch === '\r' || ch === '\n') return { return: true };
  if (ch === '\t') return { tab: true };
  if (ch === '\u007f' || ch === '\b') return { backspace: true };
  return {};
}
