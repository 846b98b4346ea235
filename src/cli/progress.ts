/** Progress on stderr (imports, big scorings), only when stderr is a TTY (a pipe or CI log gets nothing). */
import type { Io } from './io.js';
import { cleanText } from '../render/sanitize.js';

const MB = 1024 * 1024;

// The stderr streams a status line is showing on (no newline yet). Shared by every progress
// display and by whoever else writes to stderr: a message or an error written while a line
// shows would be glued to its end ("... (3/3)error: ..."), so writers clear it first.
const showing = new WeakSet<object>();

function show(io: Io, text: string): void {
  io.stderr.write(`\r\u001b[2K${text}`);
  showing.add(io.stderr);
}

/** Clears the status line on io's stderr, if one is showing (before a message, a warning or an error). */
export function clearStatusLine(io: Io): void {
  if (!showing.has(io.stderr)) return;
  showing.delete(io.stderr);
  io.stderr.write('\r\u001b[2K');
}

/** A throttled one-line progress display; no-ops when not on a TTY or with --quiet. */
export function makeProgress(io: Io, quiet: boolean): { update: (path: string, read: number, total: number) => void; done: () => void } {
  const active = io.stderr.isTTY === true && !quiet;
  let last = 0;
  return {
    update(path, read, total) {
      if (!active) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const pct = total > 0 ? ` ${Math.min(100, Math.floor((read / total) * 100))}%` : '';
      show(io, `importing ${cleanText(path).slice(-50)}  ${(read / MB).toFixed(1)} / ${(total / MB).toFixed(1)} MB${pct}`);
    },
    done: () => clearStatusLine(io),
  };
}

/** Scorings of at least this many accounts show their stages (smaller ones take a second or two). */
export const STAGE_PROGRESS_MIN_ACCOUNTS = 30_000;

/** What a long command says as it goes: one status line, replaced by the next. */
export interface StageProgress {
  /** shows `text` (one line) when active */
  stage(text: string): void;
  /** clears the line */
  done(): void;
}

/** A status line on a TTY's stderr (none with --quiet or off a TTY). */
export function makeStageProgress(io: Io, quiet: boolean): StageProgress {
  const active = io.stderr.isTTY === true && !quiet;
  return {
    stage(text) {
      if (!active) return;
      show(io, cleanText(text).slice(0, Math.max(20, (io.stderr.columns ?? 80) - 1)));
    },
    done: () => clearStatusLine(io),
  };
}
