import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessAuthenticity } from '../../../src/engine/authenticity/assess.js';
import { DEFAULT_AUTHENTICITY_CONFIG } from '../../../src/engine/authenticity/config.js';
import { splitDampingPoints } from '../../../src/engine/authenticity/damping.js';
import { FLAG_LABELS } from '../../../src/engine/result-types.js';
import { attachFactor, capFor, combineDamping } from '../../../src/engine/authenticity/damping.js';
import { FLAG_CODES, neutralAssessment, type Flag } from '../../../src/engine/result-types.js';
import { DatasetBuilder, day } from '../../../tools/sim/dataset-builder.js';
import { ROOT } from '../../helpers/cli.js';
import { MINUTE, Rng, WINDOW, addBot, addFollowBackFarm, addHashtagStuffer } from '../../../tools/sim/scenarios/authenticity.js';

const cfg = DEFAULT_AUTHENTICITY_CONFIG.damping;

describe('damping and cap', () => {
  it('turns severity into a factor: half the strength at the threshold, all of it when clear-cut', () => {
    expect(attachFactor({ code: 'follow-back', severity: 0, evidence: {} }, cfg).factor).toBe(0.75);
    expect(attachFactor({ code: 'follow-back', severity: 1, evidence: {} }, cfg).factor).toBe(0.5);
    expect(attachFactor({ code: 'hashtag-stuffing', severity: 0.5, evidence: {} }, cfg).factor).toBe(0.775);
  });

  it('multiplies factors, floors the product, and caps the score below 70 by the worst severity', () => {
    const f = (code: Flag['code'], severity: number): Flag => attachFactor({ code, severity, evidence: {} }, cfg);
    const two = [f('follow-back', 0.6), f('bot-cadence', 0.2)];
    expect(two.map((x) => x.factor)).toEqual([0.6, 0.7]);
    expect(combineDamping(two, cfg)).toBe(0.42);
    expect(capFor(two, cfg)).toBe(45);
    const all = FLAG_CODES.map((c) => f(c, 1));
    expect(combineDamping(all, cfg)).toBe(cfg.floor);
    expect(capFor(all, cfg)).toBe(cfg.capLow);
    expect(capFor([f('churn', 0)], cfg)).toBe(60);
    expect(capFor([], cfg)).toBe(100);
  });

  it('splits the points removed across flags so the items add up exactly', () => {
    const flags = [attachFactor({ code: 'follow-back', severity: 0.6, evidence: {} }, cfg), attachFactor({ code: 'bot-cadence', severity: 0.2, evidence: {} }, cfg)];
    const items = splitDampingPoints(50, flags, 0.42);
    expect(items.map((i) => i.label)).toEqual(['follow-back farm', 'bot cadence']);
    expect(items[0]!.points).toBeCloseTo(-17.08, 2);
    expect(items[1]!.points).toBeCloseTo(-11.92, 2);
    expect(items[0]!.points + items[1]!.points).toBeCloseTo(-50 * (1 - 0.42), 10);
    expect(splitDampingPoints(50, [], 1)).toEqual([]);
  });

  it('labels every flag code', () => {
    for (const c of FLAG_CODES) expect(FLAG_LABELS[c]).toMatch(/\w/);
  });
});

describe('assessAuthenticity', () => {
  function mixed() {
    const rng = new Rng(99);
    const b = new DatasetBuilder();
    const people = Array.from({ length: 300 }, (_, i) => b.account({ handle: `p${i}`, followers: 100, following: 100 }));
    const farm = addFollowBackFarm(b, rng, people, 'farm');
    const bot = addBot(b, rng, people, 'bot', 'scheduled');
    const stuffer = addHashtagStuffer(b, rng, people, 'stuffer');
    return { b, people, farm, bot, stuffer };
  }

  it('has the contract shape; unflagged accounts are neutral; flagged ones damped and capped below 70', () => {
    const { b, farm, bot, stuffer, people } = mixed();
    const pop = b.build();
    const as = assessAuthenticity(pop, WINDOW);
    expect(as.flags).toHaveLength(pop.accounts.n);
    expect(as.damping).toHaveLength(pop.accounts.n);
    expect(as.cap).toHaveLength(pop.accounts.n);
    expect(as.interactionWeight).toHaveLength(pop.interactions.n);
    expect(as.flags[farm]!.map((f) => f.code)).toEqual(['follow-back']);
    expect(as.flags[bot]!.map((f) => f.code)).toEqual(['bot-cadence']);
    expect(as.flags[stuffer]!.map((f) => f.code)).toEqual(['hashtag-stuffing']);
    for (const g of [farm, bot, stuffer]) {
      expect(as.damping[g]).toBeLessThan(1);
      expect(as.damping[g]).toBeGreaterThan(0);
      expect(as.cap[g]).toBeLessThanOrEqual(60);
    }
    for (const p of people) {
      expect(as.flags[p]).toEqual([]);
      expect(as.damping[p]).toBe(1);
      expect(as.cap[p]).toBe(100);
    }
    for (const w of as.interactionWeight) {
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThanOrEqual(1);
    }
  });

  it("weights a flagged bot's engagement of others by its own factor", () => {
    const { b, bot, people } = mixed();
    b.interact(bot, people[0]!, 'reshare', { at: day(50) });
    const pop = b.build();
    const as = assessAuthenticity(pop, WINDOW);
    const botFactor = as.flags[bot]![0]!.factor;
    expect(as.interactionWeight[pop.interactions.n - 1]).toBeCloseTo(botFactor, 6);
  });

  it('is deterministic: the same input gives the same assessment', () => {
    const run = () => {
      const { b } = mixed();
      const as = assessAuthenticity(b.build(), WINDOW);
      return JSON.stringify({ flags: as.flags, damping: Array.from(as.damping), cap: Array.from(as.cap), w: Array.from(as.interactionWeight) });
    };
    expect(run()).toBe(run());
  });

  it('judges only the window: activity after asOf or before the window does not count', () => {
    const b = new DatasetBuilder();
    const a = b.account({ handle: 'later' });
    for (let t = day(91); t < day(100); t += 20 * MINUTE) b.post(a, { at: t });
    for (let t = day(-30); t < day(-1); t += 20 * MINUTE) b.post(a, { at: t });
    expect(assessAuthenticity(b.build(), WINDOW).flags[a]).toEqual([]);
    expect(assessAuthenticity(b.build(), { asOf: day(100), windowDays: 90 }).flags[a]!.map((f) => f.code)).toEqual(['bot-cadence']);
  });

  it('takes a config: a stricter threshold silences a signal', () => {
    const { b, stuffer } = mixed();
    const strict = { ...DEFAULT_AUTHENTICITY_CONFIG, hashtagStuffing: { ...DEFAULT_AUTHENTICITY_CONFIG.hashtagStuffing, manyHashtags: 50, extremeHashtagWordRatio: 99 } };
    expect(assessAuthenticity(b.build(), WINDOW, strict).flags[stuffer]).toEqual([]);
  });

  it('handles an empty population and ignores events with unknown actors or targets', () => {
    const empty = new DatasetBuilder().build();
    expect(assessAuthenticity(empty, WINDOW)).toEqual(neutralAssessment(0, 0));
    const b = new DatasetBuilder();
    const a = b.account({ handle: 'a' });
    b.interact(a, -1, 'like', { at: day(5) });
    b.interact(a, a, 'follow', { at: day(5) });
    const as = assessAuthenticity(b.build(), WINDOW);
    expect(as.flags[a]).toEqual([]);
    expect(Array.from(as.interactionWeight)).toEqual([1, 0]);
  });

  it('neutralAssessment: no flags, damping 1, cap 100, weights 1', () => {
    const n = neutralAssessment(2, 3);
    expect(n.flags).toEqual([[], []]);
    expect(Array.from(n.damping)).toEqual([1, 1]);
    expect(Array.from(n.cap)).toEqual([100, 100]);
    expect(Array.from(n.interactionWeight)).toEqual([1, 1, 1]);
  });

  it('every flag carries evidence with measured values and their thresholds, JSON-safe', () => {
    const { b } = mixed();
    const as = assessAuthenticity(b.build(), WINDOW);
    const flags = as.flags.flat();
    expect(flags.length).toBeGreaterThan(0);
    for (const f of flags) {
      expect(Object.keys(f.evidence).some((k) => /(Min|Max|Alone|PerDay|Share|Days)$/.test(k))).toBe(true);
      expect(JSON.parse(JSON.stringify(f))).toEqual(f); // no NaN or Infinity
    }
  });
});

describe('engine purity', () => {
  it('src/engine/authenticity imports nothing from node, and reads no clock or randomness', () => {
    const dir = path.join(ROOT, 'src/engine/authenticity');
    for (const file of fs.readdirSync(dir)) {
      const src = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(src, file).not.toMatch(/from ['"](node:|fs|path|better-sqlite3|chalk|ink|react)/);
      expect(src, file).not.toMatch(/Math\.random|Date\.now|new Date\(|performance\.now|process\./);
    }
  });
});


