/**
 * The real process as an Io. A reader that closes early (`influence score --all --json |
 * head -c 100`) makes the next write fail with EPIPE; like `git log | head`, the command
 * then ends at once, quietly, with exit code 0: nobody is left to read the rest. (Runs are
 * stored before their output is written, so nothing is lost.) Any other stream error is
 * an internal error.
 */
import type { Io } from './io.js';

/** Whether a stream error means the reader went away. */
export function isClosedPipe(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/** process.stdout/stderr/stdin, env and cwd, with a closed pipe ending the process quietly (see the module doc). */
export function processIo(): Io {
  const onError = (err: unknown): void => {
    if (isClosedPipe(err)) process.exit(0);
    throw err;
  };
  process.stdout.on('error', onError);
  process.stderr.on('error', onError);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    // a getter: only the dashboard touches stdin (creating it is not free)
    get stdin() {
      return process.stdin;
    },
  };
}
