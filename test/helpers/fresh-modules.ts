/**
 * Setup file, run before every test file. The suite runs its files one after another in one
 * worker process (vitest.config.ts: isolate false saves starting a process and loading
 * node_modules for each of ~140 files), so this gives each file what a process of its own gave:
 * every module the previous file loaded is dropped, so the file evaluates src/ afresh with no
 * module state (caches, workspaces) left by another file; and its temporary directories are
 * removed when it ends.
 */
import { afterAll, vi } from 'vitest';
import { removeFileTempDirs } from './temp-dirs.js';

vi.resetModules();
afterAll(removeFileTempDirs);
