/** Reads labelled pair files for `eval` and `fit`; handle pairs take their features from the database. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { featureVectorOf } from '../engine/features.js';
import { peerIndexFeatures } from '../engine/peerindex.js';
import type { LabelledPair } from '../engine/fit.js';
import { parsePairs } from '../import/pairs.js';
import type { CommandContext } from './context.js';
import { InputError, UsageError } from '../errors.js';
import { openScoringSession, type ScoringSession } from './run-scoring.js';
import type { ScoringFlags } from './scoring-options.js';

/** A pairs file as recorded in a fitted model's provenance. */
export interface PairsSource {
  /** as given on the command line */
  file: string;
  sha256: string;
  format: 'peerindex' | 'handles';
  pairs: number;
}

/** Loads every file's pairs (a database session is opened only for handle pairs; caller closes it). */
export async function loadPairs(ctx: CommandContext, files: string[], flags: ScoringFlags): Promise<{ pairs: LabelledPair[]; sources: PairsSource[]; session: ScoringSession | null }> {
  const pairs: LabelledPair[] = [];
  const sources: PairsSource[] = [];
  let session: ScoringSession | null = null;
  for (const file of files) {
    const full = ctx.resolvePath(file);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(full);
    } catch {
      throw new UsageError(`cannot read ${file}`, 'check the path');
    }
    const parsed = parsePairs(bytes.toString('utf8'), file);
    if (parsed.pairs.length === 0) throw new InputError('no pairs in the file', { file, expected: 'at least one labelled pair', fix: 'add rows under the header' });
    const source = path.basename(file);
    if (parsed.format === 'peerindex') {
      pairs.push(...parsed.pairs.map((p) => ({ a: peerIndexFeatures(p.a), b: peerIndexFeatures(p.b), winner: p.winner, source })));
    } else {
      session ??= await openScoringSession(ctx, flags);
      const s = session;
      for (const hp of parsed.pairs) {
        const resolve = (h: string): number => {
          try {
            return s.resolve(h);
          } catch (err) {
            if (err instanceof UsageError) throw new InputError(err.message, { file, line: hp.line, field: h === hp.a ? 'a' : 'b', expected: 'a handle in the database', fix: err.fix ?? 'import the account first' });
            throw err;
          }
        };
        const a = resolve(hp.a);
        const b = resolve(hp.b);
        pairs.push({
          a: featureVectorOf(s.table.features, a),
          b: featureVectorOf(s.table.features, b),
          winner: hp.winner,
          source,
          aKey: `db:${s.pop.accounts.dbId[a]}`,
          bKey: `db:${s.pop.accounts.dbId[b]}`,
          aDamping: s.table.assessment.damping[a] ?? 1,
          bDamping: s.table.assessment.damping[b] ?? 1,
          aCap: s.table.assessment.cap[a] ?? 100,
          bCap: s.table.assessment.cap[b] ?? 100,
        });
      }
    }
    sources.push({ file: path.basename(file), sha256: crypto.createHash('sha256').update(bytes).digest('hex'), format: parsed.format, pairs: parsed.pairs.length });
  }
  return { pairs, sources, session };
}
