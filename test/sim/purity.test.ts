import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const SIM = path.join(ROOT, 'tools', 'sim');
const IO_MODULES = new Set(['write-generic.ts']);

describe('tools/sim is deterministic and I/O-free', () => {
  const files = (fs.readdirSync(SIM, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));

  it('never reads the clock or Math.random', () => {
    for (const f of files) {
      const src = fs.readFileSync(path.join(SIM, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(src, f).not.toMatch(/Math\.random|Date\.now|performance\.now|new Date\(\)/);
    }
  });

  it('imports node:* only in the writer', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const src = fs.readFileSync(path.join(SIM, f), 'utf8');
      const io = /from ['"](node:[\w/]+|fs|path|os)['"]/.test(src);
      expect(io, f).toBe(IO_MODULES.has(f));
    }
  });
});
