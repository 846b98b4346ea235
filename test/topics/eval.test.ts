import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/open.js';
import { loadBuiltinTaxonomy } from '../../src/inputs/ontology.js';
import { findTopic, isSelfOrAncestor } from '../../src/engine/topics/taxonomy.js';
import { generateTopicWorld, writeWorld } from '../../bench/lib/topic-world.js';
import { evaluateStore, parseTruth } from '../../bench/lib/evaluate-store.js';
import { StoreRows } from '../helpers/store-rows.js';
import { tempDir } from '../helpers/cli.js';

describe('topic assignment on a generated population with known topics', () => {
  it('meets precision >= 0.8 and recall >= 0.6, and no stray topic is assigned', () => {
    const tax = loadBuiltinTaxonomy();
    const world = generateTopicWorld(tax, { accounts: 150, seed: 11 });
    const db = openDb(path.join(tempDir(), 'world.db'));
    writeWorld(world, new StoreRows(db));
    const truth = new Map(world.accounts.map((a) => [a.handle, a.trueTopics]));
    const { evaluation, assigned } = evaluateStore(db, tax, truth, { asOf: world.asOf, windowDays: world.windowDays });
    db.close();
    expect(evaluation.truePairs).toBeGreaterThan(100);
    expect(evaluation.precision).toBeGreaterThanOrEqual(0.8);
    expect(evaluation.recall).toBeGreaterThanOrEqual(0.6);
    let strays = 0;
    for (const a of world.accounts) {
      const got = new Set(assigned.get(a.handle) ?? []);
      const trueTopics = a.trueTopics.map((s) => findTopic(tax, s)!);
      for (const s of a.strayTopics) if (got.has(s) && !trueTopics.some((t) => isSelfOrAncestor(tax, findTopic(tax, s)!, t))) strays++;
    }
    expect(strays).toBe(0);
    // stuffers and resharers have no true topics, and get none
    for (const a of world.accounts.filter((x) => x.role === 'stuffer' || x.role === 'resharer')) expect(assigned.get(a.handle) ?? []).toEqual([]);
  });

  it('reads truth files as JSON or CSV', () => {
    expect([...parseTruth('{"alice": ["cookies"], "bob": []}')]).toEqual([
      ['alice', ['cookies']],
      ['bob', []],
    ]);
    expect([...parseTruth('handle,topic\nalice,cookies;baking\nbob,\nalice,jazz\n')]).toEqual([
      ['alice', ['cookies', 'baking', 'jazz']],
      ['bob', []],
    ]);
  });
});
