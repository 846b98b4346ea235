/**
 * The import registry loads an adapter's reader only for a source it detects
 * (src/import/registry.ts): a plain CSV must not load the archive readers, their CSV
 * parser or the CBOR decoder. Spawns the built CLI with a module loader hook that lists
 * every module it loads; an archive import is the control that the list sees them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../helpers/cli.js';

const FIX = path.join(ROOT, 'test/fixtures');
const FORMAT_MODULE = /\/dist\/import\/((?:twitter|mastodon|bluesky|instagram|threads|tiktok|linkedin)\/[^/]+\.js)$/;
/** What detection loads of a format's folder: its detect.js, and two small helpers (header cells, addresses). */
const DETECTION = new Set(['linkedin/read-csv.js', 'mastodon/addresses.js']);
/** A module of a format's folder that only reading needs. */
const isReader = (url: string): boolean => {
  const m = FORMAT_MODULE.exec(url);
  return m !== null && !m[1]!.endsWith('/detect.js') && !DETECTION.has(m[1]!);
};
const PARSERS = /\/node_modules\/(?:@atcute\/|csv-parse\/)/;

/** The module URLs an `influence import` of `paths` loads on its main thread. */
function modulesLoadedBy(paths: string[]): string[] {
  const dir = tempDir('influence-lazy-');
  const log = path.join(dir, 'modules.log');
  fs.writeFileSync(
    path.join(dir, 'hooks.mjs'),
    `import fs from 'node:fs';\nexport async function load(url, context, next) {\n  fs.appendFileSync(${JSON.stringify(log)}, url + '\\n');\n  return next(url, context);\n}\n`,
  );
  fs.writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)});\n`);
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(dir, 'register.mjs')).href, BIN, 'import', '--quiet', '--db', path.join(dir, 'x.db'), ...paths], {
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe('import adapters loaded on demand (spawned)', () => {
  it('a generic CSV loads the detection of every format and no archive reader or its parsers', () => {
    const loaded = modulesLoadedBy([path.join(FIX, 'generic/accounts.csv'), path.join(FIX, 'generic/interactions.csv')]);
    expect(loaded.some((u) => u.endsWith('/dist/import/generic/adapters.js'))).toBe(true);
    expect(loaded.filter((u) => u.endsWith('/detect.js'))).toHaveLength(7);
    expect(loaded.filter((u) => isReader(u) || PARSERS.test(u))).toEqual([]);
  });

  it('an archive loads its own reader, and only that one (the control: the hook sees readers load)', () => {
    const loaded = modulesLoadedBy([path.join(FIX, 'mastodon/archive-2024')]);
    const readers = loaded.filter((u) => isReader(u)).map((u) => /\/dist\/import\/(\w+)\//.exec(u)![1]);
    expect(readers).toContain('mastodon');
    expect(new Set(readers)).toEqual(new Set(['mastodon']));
  });
});
