/** Reads labelled pair files for `eval` and `fit`; handle pairs take their features from an analysis of the database. */
import path from 'node:path';
import { featureVectorOf } from '../engine/features.js';
import type { LabelledPair } from '../engine/fit/pairs.js';
import { peerIndexFeatures } from '../engine/peerindex.js';
import { resolveAccount, type Analysis } from '../engine/analyze.js';
import { readPairsFile } from '../inputs/pairs.js';
import { InputError, UsageError } from '../errors.js';
import type { CommandContext } from './context.js';
import { loadAnalysis } from './analysis.js';
import type { AnalysisFlags } from './options.js';

/** A pairs file as recorded in a fitted model's provenance. */
export interface PairsSource {
  /** as given on the command line */
  file: string;
  sha256: string;
  format: 'peerindex' | 'handles';
  pairs: number;
}

/** Loads every file's pairs (the database is analysed only for handle pairs). */
export async function loadPairs(ctx: CommandContext, files: string[], flags: AnalysisFlags): Promise<{ pairs: LabelledPair[]; sources: PairsSource[]; analysis: Analysis | null }> {
  const pairs: LabelledPair[] = [];
  const sources: PairsSource[] = [];
  let analysis: Analysis | null = null;
  for (const file of files) {
    const { parsed, sha256 } = readPairsFile(ctx.resolvePath(file), file);
    const source = path.basename(file);
    if (parsed.format === 'peerindex') {
      pairs.push(...parsed.pairs.map((p) => ({ a: peerIndexFeatures(p.a), b: peerIndexFeatures(p.b), winner: p.winner, source })));
    } else {
      analysis ??= await loadAnalysis(ctx, flags, { topics: false });
      const an = analysis;
      const { table, dataset } = an;
      for (const hp of parsed.pairs) {
        const resolve = (h: string): number => {
          try {
            return resolveAccount(an, h);
          } catch (err) {
            if (err instanceof UsageError) throw new InputError(err.message, { file, line: hp.line, field: h === hp.a ? 'a' : 'b', expected: 'a handle in the database', fix: err.fix ?? 'import the account first' });
            throw err;
          }
        };
        const a = resolve(hp.a);
        const b = resolve(hp.b);
        pairs.push({
          a: featureVectorOf(table.features, a),
          b: featureVectorOf(table.features, b),
          winner: hp.winner,
          source,
          aKey: `db:${dataset.accounts.dbId[a]}`,
          bKey: `db:${dataset.accounts.dbId[b]}`,
          aDamping: table.assessment.damping[a] ?? 1,
          bDamping: table.assessment.damping[b] ?? 1,
          aCap: table.assessment.cap[a] ?? 100,
          bCap: table.assessment.cap[b] ?? 100,
        });
      }
    }
    sources.push({ file: path.basename(file), sha256, format: parsed.format, pairs: parsed.pairs.length });
  }
  return { pairs, sources, analysis };
}
