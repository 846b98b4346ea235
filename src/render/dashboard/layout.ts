/**
 * Where everything goes for a terminal size: one pure function, so the reducer (page
 * sizes, scrolling) and the components (widths, visible rows) agree. At 80 columns and more
 * the panel and the detail pane sit side by side; narrower, one of them fills the screen.
 */

/** The numbered panels (1-4) shown on the left. */
export type PanelId = 'ranking' | 'klout' | 'topics' | 'authenticity';
/** What keys act on: a panel, or the detail pane. */
export type FocusId = PanelId | 'detail';

export const PANELS: readonly PanelId[] = ['ranking', 'klout', 'topics', 'authenticity'];
export const PANEL_TITLES: Record<PanelId, string> = { ranking: 'ranking', klout: 'Klout70', topics: 'topics', authenticity: 'authenticity' };

/** Terminal size in cells. */
export interface Viewport {
  columns: number;
  rows: number;
}

/** Below this the dashboard asks for a larger terminal. */
export const MIN_VIEWPORT: Viewport = { columns: 40, rows: 12 };
/** Lines of the header (where, then what) and of the footer (keys). */
export const HEADER_ROWS = 2;
export const FOOTER_ROWS = 1;
/** From this width on, the panel and the detail pane are side by side. */
export const SPLIT_COLUMNS = 80;

// fixed lines each panel shows above its rows (inside the border, after the title line)
const CHROME: Record<FocusId, number> = { ranking: 1, klout: 2, topics: 0, authenticity: 1, detail: 0 };

/** The computed layout. */
export interface Layout {
  columns: number;
  rows: number;
  tooSmall: boolean;
  /** panel and detail side by side */
  split: boolean;
  leftWidth: number;
  rightWidth: number;
  /** rows between the header and the footer */
  bodyRows: number;
}

/** The layout of a viewport. */
export function layoutOf(v: Viewport): Layout {
  const columns = Math.max(1, Math.floor(v.columns));
  const rows = Math.max(1, Math.floor(v.rows));
  const tooSmall = columns < MIN_VIEWPORT.columns || rows < MIN_VIEWPORT.rows;
  const split = columns >= SPLIT_COLUMNS;
  const leftWidth = split ? Math.max(42, Math.min(columns - 36, Math.round(columns * 0.55))) : columns;
  return { columns, rows, tooSmall, split, leftWidth, rightWidth: split ? columns - leftWidth : columns, bodyRows: Math.max(0, rows - HEADER_ROWS - FOOTER_ROWS) };
}

/** How many list rows (or detail lines) a panel shows: the body less its border, title and fixed lines. */
export function listRowsOf(layout: Layout, focus: FocusId): number {
  return Math.max(1, layout.bodyRows - 3 - CHROME[focus]);
}
