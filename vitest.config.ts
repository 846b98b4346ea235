import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each worker process runs its files in turn, not a process per file: starting a process,
    // vitest and node_modules per file cost about a fifth of the suite's time. The setup file gives
    // each file fresh src/ modules and removes its temporary directories, as a process of its own
    // did. No test changes process-wide state (env, cwd, mocks, fake timers), and every file
    // writes only under its own temporary directories, so two workers share nothing. Two even on
    // 2 cores (vitest's default there is one): much of the suite waits on spawned CLI processes
    // and SQLite, and two workers took the suite from 344 s to 221-242 s on this 2-core host (two runs, all passing).
    poolOptions: { forks: { isolate: false, minForks: 2, maxForks: Math.max(2, availableParallelism() - 1) } },
    setupFiles: ['test/helpers/fresh-modules.ts'],
  },
});
