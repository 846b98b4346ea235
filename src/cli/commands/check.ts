/**
 * `influence check EXPECT.json`: fresh scores of the current database against an
 * expectations file, for CI (exit 0 all hold, 1 drift, 2 bad input); `--write` makes one.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { makeContext, type CommandContext } from '../context.js';
import type { Io } from '../io.js';
import { CheckFailed, UsageError } from '../../errors.js';
import { addScoringOptions, type ScoringFlags } from '../scoring-options.js';
import { openScoringSession, type ScoringSession } from '../run-scoring.js';
import { indexHandles, parseHandleArg } from '../resolve-handles.js';
import { computeStoredExpertise, loadOntology, type StoredExpertise } from '../topic-session.js';
import { topicsOfAccount } from '../account-topics.js';
import { parseNumberFlag } from '../campaign-options.js';
import { readExpectations } from '../read-expectations.js';
import { compareExpectations, type Expectation, type Expectations, type Observed } from '../../engine/check.js';
import { explainScore } from '../../engine/score.js';
import { renderJunit } from '../../render/junit.js';
import { renderCheckText, toJunitCases } from '../../render/check-view.js';
import { toJson } from '../../render/json.js';

interface CheckFlags extends ScoringFlags {
  tolerance?: string;
  junit?: string;
  write?: boolean;
  all?: boolean;
  ontology?: string;
}

/** Topics written per account by --write (the best ones: a few, so small topic shifts do not fail CI). */
const WRITE_TOPICS = 3;

export function registerCheck(program: Command, io: Io): void {
  addScoringOptions(
    program
      .command('check')
      .description('compare fresh scores with an expectations file (exit 1 on drift), or --write one from the current scores')
      .argument('<file>', 'expectations file (JSON)')
      .option('--tolerance <points>', 'allowed score difference (default: the file\'s tolerance, else 1)')
      .option('--junit <file>', 'also write JUnit XML for CI')
      .option('--write', 'write FILE from the current scores of every account instead of checking')
      .option('--all', 'list every expectation, not only those that moved')
      .option('--ontology <dir>', 'your own topic ontology (Klout-format CSVs)'),
  ).action(async (file: string, opts: CheckFlags, cmd: Command) => {
    const ctx = makeContext(io, cmd);
    const tolerance = parseNumberFlag(opts.tolerance, '--tolerance', 0, 100);
    const path = ctx.resolvePath(file);
    if (opts.write) return writeExpectations(ctx, path, opts, tolerance);
    if (opts.asOf !== undefined || opts.window !== '90') throw new UsageError('--as-of and --window only go with --write', 'a check scores with the as-of and window the expectations file names');
    const exp = readExpectations(path);
    const session = await openScoringSession(ctx, { asOf: exp.asOf, window: String(exp.windowDays), model: opts.model });
    try {
      const stored = exp.accounts.some((a) => a.topics?.length) ? computeStoredExpertise(session.db, loadOntology(ctx, opts.ontology), session.window) : null;
      const result = compareExpectations(exp, observeWith(session, stored), session.model.version, tolerance);
      if (opts.junit) fs.writeFileSync(ctx.resolvePath(opts.junit), renderJunit(`influence check ${file}`, toJunitCases(result)));
      if (ctx.mode === 'json') ctx.out(toJson({ schema: 1, file, asOf: exp.asOf, windowDays: exp.windowDays, ...result }));
      else ctx.out(renderCheckText(result, file, ctx.theme, ctx.mode === 'tty', opts.all));
      if (!result.ok) throw new CheckFailed(`check failed: ${result.counts.drift} drifted, ${result.counts.missing} missing${result.model.ok ? '' : ', model version differs'}`);
    } finally {
      session.db.close();
    }
  });
}

/** Looks a handle of the file up (as `@a`, `a` or `network:a`) and scores it; undefined when absent or ambiguous. */
function observeWith(session: ScoringSession, stored: StoredExpertise | null): (handle: string) => Observed | undefined {
  const { pop, table } = session;
  const index = indexHandles(pop.accounts);
  return (handle) => {
    const q = parseHandleArg(handle);
    const found = (index.get(q.key) ?? []).filter((i) => q.network === null || pop.accounts.network[i] === q.network);
    if (found.length !== 1) return undefined;
    const s = explainScore(table, found[0]!);
    return {
      score: s.score ?? NaN,
      flags: s.flags.map((f) => f.code),
      topics: stored ? topicsOfAccount(stored, pop.accounts.dbId[found[0]!]!).map((t) => t.slug) : [],
    };
  };
}

async function writeExpectations(ctx: CommandContext, path: string, opts: CheckFlags, tolerance: number | undefined): Promise<void> {
  const session = await openScoringSession(ctx, opts);
  try {
    const { pop, table, window, model } = session;
    const stored = computeStoredExpertise(session.db, loadOntology(ctx, opts.ontology), window);
    const index = indexHandles(pop.accounts);
    const accounts: Expectation[] = [];
    for (let i = 0; i < pop.accounts.n; i++) {
      const h = pop.accounts.handle[i]!;
      if (!h) continue; // an account known only by id cannot be named in the file
      const s = explainScore(table, i);
      if (s.score === null) continue; // abstains: nothing to pin
      const unique = (index.get(h.toLowerCase()) ?? []).length === 1;
      const e: Expectation = { handle: unique ? `@${h}` : `${pop.accounts.network[i]}:${h}`, score: s.score };
      if (s.flags.length) e.flags = s.flags.map((f) => f.code).sort();
      const topics = topicsOfAccount(stored, pop.accounts.dbId[i]!).slice(0, WRITE_TOPICS).map((t) => t.slug);
      if (topics.length) e.topics = topics;
      accounts.push(e);
    }
    accounts.sort((a, b) => (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0));
    const doc: Expectations = { schema: 1, asOf: new Date(window.asOf).toISOString(), windowDays: window.windowDays, model: model.version, tolerance: tolerance ?? 1, accounts };
    fs.writeFileSync(path, `${JSON.stringify(doc, null, 2)}\n`);
    ctx.info(`wrote ${accounts.length} expectations to ${path} (as of ${doc.asOf}, ${doc.windowDays}-day window, model ${doc.model}, tolerance ${doc.tolerance})`);
    if (ctx.mode === 'json') ctx.out(toJson({ schema: 1, file: path, accounts: accounts.length }));
  } finally {
    session.db.close();
  }
}
