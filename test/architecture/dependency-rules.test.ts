/**
 * The corridors run one way: every import in src/ is checked against the layer rules in
 * layers.json, and every module of src/ must be reachable from the CLI's entry (so dist/
 * ships nothing that bin/influence.js cannot reach).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

interface Rules {
  layers: Record<string, string[]>;
  allow: Record<string, string[]>;
  contracts: string[];
  noNodeBuiltins: string[];
  entry: string;
}

const rules = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'architecture', 'layers.json'), 'utf8')) as Rules;

interface Import {
  from: string;
  /** the module imported, relative to ROOT ('node:fs' style for packages) */
  to: string;
  typeOnly: boolean;
  line: number;
}

function sourceFiles(dir: string): string[] {
  return (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(dir, f).split(path.sep).join('/'));
}

// import/export ... from 'x'; import 'x'; import('x'); new URL('./x.js', import.meta.url) (worker files)
const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /(?:import\(|new URL\()\s*['"]([^'"]+)['"]/g;

/** Every import of a file, resolved to a file of the repository when relative. */
function importsOf(file: string): Import[] {
  // comments are not imports: blank them out (keeping line numbers)
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/^\s*\/\/.*$/gm, '');
  const out: Import[] = [];
  const lineOf = (index: number): number => text.slice(0, index).split('\n').length;
  const resolve = (spec: string): string => {
    if (!spec.startsWith('.')) return spec;
    const abs = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    for (const candidate of [abs.replace(/\.js$/, '.ts'), abs.replace(/\.js$/, '.tsx'), abs]) if (fs.existsSync(path.join(ROOT, candidate))) return candidate;
    return abs;
  };
  for (const m of text.matchAll(IMPORT)) {
    // `import { type A, type B }` is type-only too
    const clause = m[0];
    const typeOnly = m[2] !== undefined || /\{\s*(type\s+\w+\s*,?\s*)+\}/.test(clause);
    out.push({ from: file, to: resolve(m[3]!), typeOnly, line: lineOf(m.index!) });
  }
  for (const m of text.matchAll(DYNAMIC)) if (m[1]!.startsWith('.')) out.push({ from: file, to: resolve(m[1]!), typeOnly: false, line: lineOf(m.index!) });
  return out;
}

function layerOf(file: string): string | null {
  for (const [layer, prefixes] of Object.entries(rules.layers)) if (prefixes.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p))) return layer;
  return null;
}

/** Every import the rules forbid, as `file:line -> module (why)`. */
function violationsOf(list: readonly Import[]): string[] {
  const violations: string[] = [];
  for (const imp of list) {
    const from = layerOf(imp.from)!;
    if (imp.to.startsWith('node:') || !imp.to.startsWith('src/')) {
      if (imp.to.startsWith('node:') && rules.noNodeBuiltins.includes(from)) violations.push(`${imp.from}:${imp.line} imports ${imp.to} (no node:* in ${from})`);
      continue;
    }
    const to = layerOf(imp.to);
    if (to === null || to === from) continue;
    const allowed = rules.allow[from] ?? [];
    if (allowed.includes(to)) continue;
    if (allowed.includes(`${to}:types`) && (imp.typeOnly || rules.contracts.includes(imp.to))) continue;
    violations.push(`${imp.from}:${imp.line} -> ${imp.to} (${from} may not import ${to}${allowed.includes(`${to}:types`) ? ' except types' : ''})`);
  }
  return violations;
}

const files = sourceFiles('src');
const imports = files.flatMap(importsOf);

describe('architecture', () => {
  it('places every module of src/ in a layer', () => {
    expect(files.filter((f) => layerOf(f) === null)).toEqual([]);
  });

  it('has no arrow the layer rules do not allow', () => {
    expect(violationsOf(imports)).toEqual([]);
  });

  it('ships only what the CLI can reach: every module of src/ is reachable from the entry', () => {
    const edges = new Map<string, string[]>();
    for (const imp of imports) if (imp.to.startsWith('src/')) edges.set(imp.from, [...(edges.get(imp.from) ?? []), imp.to]);
    const seen = new Set([rules.entry]);
    const queue = [rules.entry];
    while (queue.length) for (const next of edges.get(queue.pop()!) ?? []) if (!seen.has(next)) (seen.add(next), queue.push(next));
    expect(files.filter((f) => !seen.has(f))).toEqual([]);
  });

  it('catches forbidden arrows (the checker is not vacuous)', () => {
    const at = (from: string, to: string, typeOnly = false): Import => ({ from, to, typeOnly, line: 1 });
    expect(violationsOf([at('src/engine/x.ts', 'src/store/open.ts')])).toHaveLength(1);
    expect(violationsOf([at('src/engine/x.ts', 'node:fs')])).toHaveLength(1);
    expect(violationsOf([at('src/render/x.ts', 'src/engine/score.ts')])).toHaveLength(1);
    expect(violationsOf([at('src/render/x.ts', 'src/engine/score.ts', true)])).toEqual([]);
    expect(violationsOf([at('src/import/x.ts', 'src/cli/main.ts')])).toHaveLength(1);
    expect(violationsOf([at('src/store/x.ts', 'src/import/run-import.ts', true)])).toHaveLength(1);
    expect(imports.length).toBeGreaterThan(200);
  });
});
