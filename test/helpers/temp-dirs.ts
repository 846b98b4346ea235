/**
 * Temporary directories for tests. The suite runs its files one after another in one process
 * (vitest.config.ts), so the list lives on globalThis: each test file loads this module afresh,
 * and the exit hook is registered once, not once per file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface TempDirLists {
  /** removed after the current test file (test/helpers/fresh-modules.ts) */
  file: string[];
  /** kept for later files of the same process, removed when it exits */
  process: string[];
}

const KEY = Symbol.for('influence.test.temp-dirs');
const holder = globalThis as { [KEY]?: TempDirLists };

function listsOf(): TempDirLists {
  if (holder[KEY] === undefined) {
    const lists: TempDirLists = { file: [], process: [] };
    holder[KEY] = lists;
    process.once('exit', () => {
      for (const dir of [...lists.file, ...lists.process]) fs.rmSync(dir, { recursive: true, force: true });
    });
  }
  return holder[KEY];
}

/** A fresh temporary directory, removed after the current test file (or when the process exits). */
export function tempDir(prefix = 'influence-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  listsOf().file.push(dir);
  return dir;
}

/** A fresh temporary directory that outlives the current test file, for read-only artefacts shared by files; removed when the process exits. */
export function processTempDir(prefix = 'influence-shared-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  listsOf().process.push(dir);
  return dir;
}

/** Removes the temporary directories made by the current test file. */
export function removeFileTempDirs(): void {
  for (const dir of listsOf().file.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
