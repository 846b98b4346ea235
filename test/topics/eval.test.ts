import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/open.js';
import { loadBuiltinTaxonomy } from '../../src/inputs/ontology.js';
import { findTopic, isSelfOrAncestor } from '../../src/engine/topics/taxonomy.js';
import { generateTopicWorld, worldToTopicInput, writeWorld } from '../../tools/sim/scenarios/topic-world.js';
import { CHATTER } from '../../tools/sim/scenarios/chatter.js';
import { computeTopicExpertise, TOPIC_DEFAULTS } from '../../src/engine/topics/expertise.js';
import { findTopics } from '../../src/engine/topics/matcher.js';
import { topicSetupFor } from '../../src/cli/analysis.js';
import { evaluateStore, parseTruth } from '../../bench/lib/evaluate-store.js';
import { StoreRows } from '../../tools/sim/store-rows.js';
import { tempDir } from '../helpers/cli.js';

describe('topic assignment on a generated population with known topics', () => {
  it('with everyday chatter in eight languages: precision >= 0.9, recall >= 0.8, no stray topic, everyday senses < 0.5% of accounts', () => {
    const tax = loadBuiltinTaxonomy();
    const world = generateTopicWorld(tax, { accounts: 300, seed: 11 });
    const db = openDb(path.join(tempDir(), 'world.db'));
    writeWorld(world, new StoreRows(db));
    const truth = new Map(world.accounts.map((a) => [a.handle, a.trueTopics]));
    const { evaluation, assigned } = evaluateStore(db, tax, truth, { asOf: world.asOf, windowDays: world.windowDays });
    db.close();
    expect(evaluation.truePairs).toBeGreaterThan(200);
    expect(evaluation.precision).toBeGreaterThanOrEqual(0.9);
    expect(evaluation.recall).toBeGreaterThanOrEqual(0.8);
    // everyday senses: a topic the account's own everyday chatter names, assigned though it is not true for it
    const m = topicSetupFor(tax).matcher;
    let everyday = 0;
    for (const a of world.accounts) {
      const named = new Set(CHATTER[a.lang].flatMap((line) => findTopics(m, line, a.lang).map((x) => x.topic)));
      const trueTopics = a.trueTopics.map((s) => findTopic(tax, s)!);
      const wrong = (assigned.get(a.handle) ?? []).filter((s) => named.has(findTopic(tax, s)!) && !trueTopics.some((t) => isSelfOrAncestor(tax, findTopic(tax, s)!, t)));
      if (wrong.length) everyday++;
    }
    expect(everyday / world.accounts.length).toBeLessThan(0.005);
    // the chatter does name everyday-word topics, so the check above could fail
    expect(CHATTER.en.some((line) => findTopics(m, line, 'en').some((x) => tax.slugs[x.topic] === 'weather'))).toBe(true);
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

  it.each(['rarest-word', 'collocation-midpoint'] as const)('gives an account the same topics whether it is imported alone or beside 1,000 others (phrases: %s)', (phraseFrequency) => {
    const tax = loadBuiltinTaxonomy();
    const m = topicSetupFor(tax).matcher;
    const config = { ...TOPIC_DEFAULTS, phraseFrequency };
    const world = generateTopicWorld(tax, { accounts: 1001, seed: 5 });
    const window = { asOf: world.asOf, windowDays: world.windowDays };
    const all = computeTopicExpertise(worldToTopicInput(world), tax, m, window, config);
    // experts without engagement from others, so the account's own export is all there is
    const subjects = world.accounts.map((a, i) => ({ a, i })).filter(({ a }) => a.role === 'expert').slice(0, 12).map(({ i }) => i);
    let compared = 0;
    for (const i of subjects) {
      const alone = computeTopicExpertise(worldToTopicInput(world, new Set([i])), tax, m, window, config);
      // which topics: the scores differ only by the engagement the others brought
      const slugs = (t: { slug: string }[]) => t.map((x) => x.slug).sort();
      expect(slugs(alone.accounts[0]!.topics)).toEqual(slugs(all.accounts[i]!.topics));
      compared += all.accounts[i]!.topics.length;
    }
    expect(compared).toBeGreaterThan(10);
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
