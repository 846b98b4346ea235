/** The engine is pure: no I/O modules, no clock, no randomness (STYLE.md). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const FORBIDDEN = [/from ['"]node:/, /from ['"](fs|path|os|child_process)['"]/, /better-sqlite3/, /from ['"]chalk/, /from ['"]ink/, /from ['"]react/, /Date\.now\(/, /new Date\(/, /Math\.random\(/, /process\./];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('engine purity', () => {
  it('engine modules import no I/O and read no clock or randomness', () => {
    const found = files(path.join(ROOT, 'src', 'engine')).flatMap((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return FORBIDDEN.filter((re) => re.test(text)).map((re) => `${path.relative(ROOT, f)}: ${re}`);
    });
    expect(found).toEqual([]);
  });
});
