import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One worker process runs every file in turn (on 2 cores vitest uses one worker anyway): starting
    // a process, vitest and node_modules per file cost about a fifth of the suite's time. The setup
    // file gives each file fresh src/ modules and removes its temporary directories, as a process
    // of its own did. No test changes process-wide state (env, cwd, mocks, fake timers).
    poolOptions: { forks: { isolate: false } },
    setupFiles: ['test/helpers/fresh-modules.ts'],
  },
});
