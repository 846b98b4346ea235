import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../tools/sim/config.js';
import { computeTruth } from '../../tools/sim/truth.js';
import { generateWorld } from '../../tools/sim/world.js';
import { writeGenericTables, writeTruth } from '../../tools/sim/write-generic.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const SAMPLE = path.join(ROOT, 'fixtures', 'sample');
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('fixtures/sample', () => {
  it('is what `npx tsx scripts/make-sample.ts` generates (regenerate it after changing tools/sim)', () => {
    const dir = tempDir('influence-sample-');
    const world = generateWorld(resolveConfig('sample'));
    writeGenericTables(world, dir);
    writeTruth(world, path.join(dir, 'truth.json'), computeTruth(world));
    for (const f of ['accounts.csv', 'posts.csv', 'interactions.csv', 'follows.csv', 'truth.json']) {
      expect(sha(path.join(dir, f)), f).toBe(sha(path.join(SAMPLE, f)));
    }
  });

  it('stays small and describes itself', () => {
    let bytes = 0;
    for (const f of fs.readdirSync(SAMPLE)) bytes += fs.statSync(path.join(SAMPLE, f)).size;
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
    const readme = fs.readFileSync(path.join(SAMPLE, 'README.md'), 'utf8');
    expect(readme).toContain('npx tsx scripts/make-sample.ts');
    expect(readme).toMatch(/synthetic/i);
  });
});
