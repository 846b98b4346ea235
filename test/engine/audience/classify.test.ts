/**
 * The audience classifier (engine/audience): unknown without profile data, the shipped
 * model's verdicts on archetypal profiles with their reasons, missing columns handled by
 * the sub-model for the evidence at hand, activity flags only ever making a verdict worse.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILE_FEATURES, checkAudienceModel, classifyAccounts, classifyProfile, computeProfileFeatures, readProfileFacts, type AudienceModel } from '../../../src/engine/audience/index.js';
import { AUDIENCE_CLASSES, envelopeValue, standardScore, submodelFor } from '../../../src/engine/audience/model.js';
import { classifyAccountClasses } from '../../../src/engine/audience/classify.js';
import { Rng } from '../../../tools/sim/random.js';
import type { Flag } from '../../../src/engine/result-types.js';
import { ROOT } from '../../helpers/cli.js';
import { DatasetBuilder, day } from '../../../tools/sim/dataset-builder.js';

const MODEL = JSON.parse(fs.readFileSync(path.join(ROOT, 'models/audience-v1.json'), 'utf8')) as AudienceModel;
const AS_OF = day(0);
const YEAR = 365 * 86_400_000;

/** A typical person: follows some hundreds, followed by a similar number, posts and likes for years. */
const PERSON = { handle: 'jane_doe', bio: 'Teacher, runner', url: '', location: 'Leeds', followers: 420, following: 380, posts: 6500, listed: 4, likesGiven: 2400, verified: false, defaultAvatar: false, createdAt: AS_OF - 6 * YEAR };
/** A bought follower: follows hundreds, followed by a handful, barely posts, never likes. */
const BOUGHT = { handle: 'x8k2q', bio: '', url: '', location: '', followers: 3, following: 2001, posts: 0, listed: 0, likesGiven: 0, verified: false, defaultAvatar: true, createdAt: AS_OF - 100 * 86_400_000 };

describe('the shipped audience model', () => {
  it('is a valid model file with provenance (data hashes, cross-validation, baselines)', () => {
    expect(checkAudienceModel(MODEL)).toEqual([]);
    const prov = MODEL.provenance as { data: { sha256: string }[]; crossValidation: { byClass: unknown[] }; baselines: unknown[]; leaveOneSourceOut: unknown[] };
    expect(prov.data).toHaveLength(8);
    expect(prov.data.every((d) => /^[0-9a-f]{64}$/.test(d.sha256))).toBe(true);
    expect(prov.crossValidation.byClass).toHaveLength(3);
    expect(prov.baselines.length).toBeGreaterThan(0);
    expect(prov.leaveOneSourceOut.length).toBeGreaterThan(0);
    expect(MODEL.submodels).toHaveLength(8);
  });

  it('rejects a broken model with the reason', () => {
    expect(checkAudienceModel({ ...MODEL, submodels: [] })).toContain('submodels is not a non-empty array');
    expect(checkAudienceModel({ ...MODEL, features: MODEL.features.slice(1) }).length).toBeGreaterThan(0);
  });
});

describe('account age beyond the labelled people', () => {
  it('reads an age younger than every labelled person at their edge: youth alone is not evidence of a bought account', () => {
    const age = MODEL.features.find((f) => f.name === 'ageDays')!;
    const ratio = MODEL.features.find((f) => f.name === 'followRatio')!;
    expect(age.lowest).toBeDefined();
    expect(ratio.lowest).toBeUndefined(); // extreme follow ratios stay evidence
    expect(standardScore(age, age.lowest! - 1)).toBe(standardScore(age, age.lowest!));
    // a person six months old (posting and liking for months) and the same person ten months old:
    // both younger than any labelled person; both real (before the edge, P(fake) 0.99 at six months)
    const b = new DatasetBuilder();
    b.account({ ...PERSON, createdAt: AS_OF - 0.5 * YEAR });
    b.account({ ...PERSON, handle: 'jane_doe2', createdAt: AS_OF - (10 / 12) * YEAR });
    const [six, ten] = classifyAccounts(b.build(), MODEL, { asOf: AS_OF });
    expect(six!.class).toBe('real');
    expect(ten!.class).toBe('real');
  });
});

describe('classifyAccounts', () => {
  it('calls an account with no profile data unknown, never real or fake, whatever its handle says', () => {
    const b = new DatasetBuilder();
    const ghost = b.account({ handle: 'bot_4815162342' });
    const named = b.account({ handle: 'Jane', displayName: 'Jane Doe', bio: 'Teacher' }); // text, but no counts
    const [g, n] = classifyAccounts(b.build(), MODEL, { asOf: AS_OF });
    for (const v of [g!, n!]) {
      expect(v.class).toBe('unknown');
      expect(v.probability).toBeNull();
      expect(v.evidence).toBe('none');
    }
    expect(g!.index).toBe(ghost);
    expect(n!.index).toBe(named);
  });

  it('tells a person from a bought follower, with the facts behind the verdict', () => {
    const b = new DatasetBuilder();
    b.account(PERSON);
    b.account(BOUGHT);
    const [person, bought] = classifyAccounts(b.build(), MODEL, { asOf: AS_OF });
    expect(person!.class).toBe('real');
    expect(person!.p!.real).toBeGreaterThan(0.5);
    expect(['fake', 'bot']).toContain(bought!.class);
    expect(bought!.probability).toBeGreaterThan(0.9);
    expect(bought!.reasons).toContain('following 2,001, followers 3');
    expect(bought!.reasons).toContain('mass-follower');
  });

  it('judges a profile without likes or age by the sub-model fitted without them, and still flags the bought follower', () => {
    const b = new DatasetBuilder();
    const { likesGiven: _l, createdAt: _c, ...bare } = BOUGHT;
    const { likesGiven: _l2, createdAt: _c2, ...person } = PERSON;
    b.account(bare);
    b.account(person);
    const ds = b.build();
    const facts = readProfileFacts(ds.accounts, 0, AS_OF);
    expect(Number.isNaN(facts.likesGiven) && Number.isNaN(facts.ageDays)).toBe(true);
    const [v, p] = classifyAccounts(ds, MODEL, { asOf: AS_OF });
    expect(['fake', 'bot', 'suspicious']).toContain(v!.class);
    expect(p!.class).toBe('real');
    expect(submodelFor(MODEL, { likes: false, age: false, posts: true })).toMatchObject({ likes: false, age: false, posts: true });
  });

  it('without an as-of, ages are unknown (not computed against some other date)', () => {
    const b = new DatasetBuilder();
    b.account(BOUGHT);
    const facts = readProfileFacts(b.build().accounts, 0, null);
    expect(Number.isNaN(facts.ageDays)).toBe(true);
  });

  it('an age counted from a lower bound reads "at least", its posts a day "at most", and names no "empty new account"; the class is the same', async () => {
    const { describeFeature, describePatterns } = await import('../../../src/engine/audience/reasons.js');
    const b = new DatasetBuilder();
    b.account({ ...BOUGHT, posts: 40, bio: '', createdAt: AS_OF - 30 * 86_400_000 });
    const ds = b.build();
    const exact = readProfileFacts(ds.accounts, 0, AS_OF);
    const bound = readProfileFacts(ds.accounts, 0, AS_OF, true);
    expect([exact.ageAtLeast, bound.ageAtLeast]).toEqual([false, true]);
    expect(describeFeature('ageDays', exact)).toBe('account 30 days old');
    expect(describeFeature('ageDays', bound)).toBe('account at least 30 days old');
    expect(describeFeature('postsPerDay', bound)).toBe('at most 1.3 posts a day');
    expect(describePatterns(exact)).toContain('empty new account');
    expect(describePatterns(bound)).not.toContain('empty new account');
    expect(classifyAccounts(ds, MODEL, { asOf: AS_OF, agesAtLeast: true })[0]!.class).toBe(classifyAccounts(ds, MODEL, { asOf: AS_OF })[0]!.class);
    // no age, nothing to bound
    expect(readProfileFacts(ds.accounts, 0, null, true).ageAtLeast).toBe(false);
  });

  it('more followers never make a profile look less real (monotone in followers)', () => {
    let last = -1;
    for (const followers of [0, 3, 10, 30, 100, 300, 1000, 3000, 10_000, 100_000, 1_000_000]) {
      const b = new DatasetBuilder();
      b.account({ ...BOUGHT, followers });
      const [v] = classifyAccounts(b.build(), MODEL, { asOf: AS_OF });
      expect(v!.p!.real).toBeGreaterThanOrEqual(last - 1e-12);
      last = v!.p!.real;
    }
  });

  it('a celebrity (millions of followers, follows few) is real', () => {
    const b = new DatasetBuilder();
    b.account({ handle: 'star', bio: 'Singer', followers: 25_000_000, following: 120, posts: 4000, listed: 40_000, likesGiven: 900, verified: true, defaultAvatar: false, createdAt: AS_OF - 9 * YEAR });
    expect(classifyAccounts(b.build(), MODEL, { asOf: AS_OF })[0]!.class).toBe('real');
  });

  it('an account following thousands is suspicious (mass follower) even with a person-like profile, and says why', () => {
    const b = new DatasetBuilder();
    b.account({ ...PERSON, followers: 30_000, following: 29_000 });
    const [v] = classifyAccounts(b.build(), MODEL, { asOf: AS_OF });
    expect(v!.class).toBe('suspicious');
    expect(v!.reasons[0]).toMatch(/^following 29,000: at or above [\d,]+, the mass-follower count$/);
  });

  it('the people\'s envelope: a profile the logit calls real but beyond an edge is suspicious, says which edge, and an unknown measure never fires', () => {
    const b = new DatasetBuilder();
    b.account(PERSON);
    const { likesGiven: _l, ...noLikes } = PERSON;
    b.account({ ...noLikes, handle: 'no_likes' });
    const ds = b.build();
    // an edge PERSON is beyond: fewer likes per post than log10(1) = 0, i.e. fewer likes than posts
    const edge = { measure: 'likesPerPost' as const, direction: 'below' as const, threshold: 0, peopleBeyond: 0.005 };
    const withEdge: AudienceModel = { ...MODEL, envelope: [edge] };
    expect(checkAudienceModel(withEdge)).toEqual([]);
    const [person, unknownLikes] = classifyAccounts(ds, withEdge, { asOf: AS_OF });
    expect(person!.class).toBe('suspicious');
    expect(person!.reasons[0]).toBe('6,500 posts, 2,400 likes given: fewer likes per post than 99.5% of people');
    expect(unknownLikes!.class).toBe('real');
    // the same profile without the envelope (a 1.1.0 model file has none) is real
    const { envelope: _e, ...older } = MODEL;
    expect(checkAudienceModel(older)).toEqual([]);
    expect(classifyAccounts(ds, older as AudienceModel, { asOf: AS_OF })[0]!.class).toBe('real');
    expect(checkAudienceModel({ ...MODEL, envelope: [{ ...edge, measure: 'followers' }] })[0]).toMatch(/^envelope\[0\]\.measure/);
  });

  it('the shipped envelope: each edge set at no more than 0.5% of the labelled people; a young account is not held to years of silence', () => {
    expect(MODEL.envelope!.map((r) => r.measure).sort()).toEqual(['followRatio', 'likesPerDay', 'likesPerPost', 'listedPerFollower']);
    for (const r of MODEL.envelope!) expect(r.peopleBeyond).toBeLessThanOrEqual(0.005);
    // never liked anything: at 3 months that is a new account, at 20 years a silence no labelled person keeps
    const b = new DatasetBuilder();
    b.account({ ...PERSON, likesGiven: 0, posts: 40, createdAt: AS_OF - 0.25 * YEAR });
    b.account({ ...PERSON, handle: 'old_silent', likesGiven: 0, posts: 40, createdAt: AS_OF - 20 * YEAR });
    const [young, old] = classifyAccounts(b.build(), MODEL, { asOf: AS_OF });
    expect(young!.reasons.some((r) => r.includes('likes a day'))).toBe(false);
    expect(old!.class).not.toBe('real');
  });

  it('likes per followed account: a feature known without an age, and an envelope measure that still reads when the as-of is unknown', () => {
    const b = new DatasetBuilder();
    // follows 900, has liked 2 things in all: a feed no one reads
    b.account({ ...PERSON, handle: 'feed_unread', followers: 900, following: 900, likesGiven: 2, posts: 3 });
    b.account(PERSON);
    const ds = b.build();
    const x = computeProfileFeatures(readProfileFacts(ds.accounts, 0, null), new Float64Array(PROFILE_FEATURES.length));
    expect(x[PROFILE_FEATURES.indexOf('likesPerFollowing')]).toBeCloseTo(Math.log10(3 / 901), 12);
    expect(Number.isNaN(x[PROFILE_FEATURES.indexOf('ageDays')]!)).toBe(true);
    // the shipped model: fewer likes per followed account only ever points away from real (every
    // weight <= 0), it carries evidence where likes are known (a weight below 0 toward the bots),
    // and none where they are not
    const j = PROFILE_FEATURES.indexOf('likesPerFollowing');
    for (const sub of MODEL.submodels) for (const a of sub.archetypes) expect(a.weights[j]).toBeLessThanOrEqual(0);
    for (const sub of MODEL.submodels.filter((s) => s.likes)) expect(Math.min(...sub.archetypes.map((a) => a.weights[j]!))).toBeLessThan(-0.5);
    for (const sub of MODEL.submodels.filter((s) => !s.likes)) for (const a of sub.archetypes) expect(a.weights[j]).toBe(0);
    const [feed] = classifyAccounts(ds, MODEL, { asOf: null });
    const out = classifyProfile(MODEL, readProfileFacts(ds.accounts, 0, null));
    expect(out.p!.bot).toBeGreaterThan(classifyProfile(MODEL, readProfileFacts(ds.accounts, 1, null)).p!.bot);
    expect(feed!.p).toEqual(out.p);
    // as an envelope edge PERSON is beyond (fewer than 10 likes per followed account: log10(2401/381) = 0.80 < 1):
    // fires without an age, says which edge
    const edge = { measure: 'likesPerFollowing' as const, direction: 'below' as const, threshold: 1, peopleBeyond: 0.005 };
    const withEdge: AudienceModel = { ...MODEL, envelope: [edge] };
    expect(checkAudienceModel(withEdge)).toEqual([]);
    const [v] = classifyAccounts(ds, withEdge, { asOf: null, accounts: [1] });
    expect(v!.class).toBe('suspicious');
    expect(v!.reasons[0]).toBe('2,400 likes given, following 380: fewer likes per followed account than 99.5% of people');
    // without likes the measure is unknown: no feature value, and the edge never fires
    const { likesGiven: _l, ...noLikes } = PERSON;
    const c = new DatasetBuilder();
    c.account({ ...noLikes, handle: 'likes_unknown' });
    const cds = c.build();
    expect(Number.isNaN(computeProfileFeatures(readProfileFacts(cds.accounts, 0, null), new Float64Array(PROFILE_FEATURES.length))[PROFILE_FEATURES.indexOf('likesPerFollowing')]!)).toBe(true);
    expect(classifyAccounts(cds, withEdge, { asOf: null })[0]!.reasons.some((r) => r.includes('per followed account'))).toBe(false);
  });

  it('lists per follower (model 1.4.0): an envelope edge above, set by the people; on far more lists than followers is suspicious, with the edge named', () => {
    const edge = MODEL.envelope!.find((r) => r.measure === 'listedPerFollower');
    expect(edge).toMatchObject({ direction: 'above' });
    // people are on about a list per hundred followers: the edge lies far above that, below one list per follower
    expect(edge!.threshold).toBeGreaterThan(Math.log10(10 / 100));
    expect(edge!.threshold).toBeLessThan(0);
    const b = new DatasetBuilder();
    b.account(PERSON);
    // a person's profile in every other respect, on 20 lists with 28 followers
    b.account({ ...PERSON, handle: 'listed_by_others', followers: 28, following: 25, listed: 20 });
    b.account({ ...PERSON, handle: 'lists_unknown', followers: 28, following: 25, listed: undefined });
    // on no list: cannot be on too many, however few follow it
    b.account({ ...PERSON, handle: 'no_lists', followers: 0, following: 25, listed: 0 });
    const ds = b.build();
    const x = (i: number) => computeProfileFeatures(readProfileFacts(ds.accounts, i, AS_OF), new Float64Array(PROFILE_FEATURES.length));
    expect(envelopeValue('listedPerFollower', x(0))).toBeCloseTo(Math.log10(4 / 421), 12);
    expect(envelopeValue('listedPerFollower', x(1))).toBeCloseTo(Math.log10(20 / 29), 12);
    expect(Number.isNaN(envelopeValue('listedPerFollower', x(2)))).toBe(true);
    expect(envelopeValue('listedPerFollower', x(3))).toBe(-Infinity);
    // this edge alone in the envelope, so no other edge decides
    const onlyEdge: AudienceModel = { ...MODEL, envelope: [edge!] };
    const [person, listed, unknown] = classifyAccounts(ds, onlyEdge, { asOf: AS_OF, accounts: [0, 1, 2] });
    expect(person!.class).toBe('real');
    expect(listed!.class).toBe('suspicious');
    expect(listed!.reasons[0]).toBe(`on 20 lists, 28 followers: more lists per follower than ${(100 * (1 - edge!.peopleBeyond)).toFixed(1)}% of people`);
    // an unknown list count is never beyond
    expect(unknown!.class).toBe('real');
    expect(classifyAccounts(ds, onlyEdge, { asOf: AS_OF, accounts: [3] })[0]!.reasons.some((r) => r.includes('lists per follower'))).toBe(false);
    // the shipped model as a whole says the same of this profile
    expect(classifyAccounts(ds, MODEL, { asOf: AS_OF, accounts: [1] })[0]!.class).not.toBe('real');
  });

  it('activity flags make a verdict worse, never better: bot cadence -> bot; others -> suspicious', () => {
    const b = new DatasetBuilder();
    b.account(PERSON);
    b.account(PERSON);
    b.account(BOUGHT);
    b.account({ handle: 'no_profile' });
    const flag = (code: Flag['code']): Flag => ({ code, severity: 0.5, evidence: {}, factor: 0.7 });
    const flags: Flag[][] = [[flag('bot-cadence')], [flag('follow-back')], [flag('hashtag-stuffing')], [flag('churn')]];
    const [cadence, farm, bought, ghost] = classifyAccounts(b.build(), MODEL, { asOf: AS_OF, flags });
    expect(cadence!.class).toBe('bot');
    expect(cadence!.reasons[0]).toBe('activity: bot-cadence (severity 0.50)');
    expect(farm!.class).toBe('suspicious');
    expect(['fake', 'bot']).toContain(bought!.class); // not softened to suspicious
    expect(ghost!.class).toBe('suspicious');
    expect(ghost!.evidence).toBe('activity');
  });

  it('is deterministic: the same dataset and model give identical verdicts', () => {
    const b = new DatasetBuilder();
    b.account(PERSON);
    b.account(BOUGHT);
    const ds = b.build();
    expect(classifyAccounts(ds, MODEL, { asOf: AS_OF })).toEqual(classifyAccounts(ds, MODEL, { asOf: AS_OF }));
    expect(classifyProfile(MODEL, readProfileFacts(ds.accounts, 1, AS_OF))).toEqual(classifyProfile(MODEL, readProfileFacts(ds.accounts, 1, AS_OF)));
  });
});

describe('classifyAccountClasses (the whole-population path)', () => {
  it('gives every account the class and probability classifyAccounts gives it, bit for bit, flags included', () => {
    const rng = new Rng('audience-classes');
    const b = new DatasetBuilder();
    const pick = <T>(xs: T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
    const maybe = (v: number): number | undefined => (rng.next() < 0.2 ? undefined : v);
    const counts = [0, 1, 3, 40, 420, 2001, 7500, 120_000];
    for (let k = 0; k < 600; k++) {
      b.account({
        handle: pick(['jane_doe', 'x8k2q', 'bot12345', 'ab', 'user@host.example', '']),
        bio: pick([undefined, '', 'Teacher']),
        url: pick([undefined, '', 'https://a.example']),
        location: pick([undefined, '', 'Leeds']),
        defaultAvatar: pick([undefined, true, false]),
        followers: maybe(pick(counts)),
        following: maybe(pick(counts)),
        posts: maybe(pick(counts)),
        listed: maybe(pick([0, 1, 4, 90])),
        likesGiven: maybe(pick(counts)),
        verified: pick([undefined, true, false]),
        createdAt: maybe(AS_OF - pick([1, 30, 200, 800, 3000]) * 86_400_000),
      });
    }
    const ds = b.build();
    const flag = (code: Flag['code']): Flag => ({ code, severity: 0.5, evidence: {}, factor: 0.9 });
    const flags = Array.from({ length: ds.accounts.n }, () => pick([[], [], [flag('bot-cadence')], [flag('follow-back')]]));
    for (const asOf of [AS_OF, null]) {
      const verdicts = classifyAccounts(ds, MODEL, { asOf, flags, reasons: false });
      const fast = classifyAccountClasses(ds, MODEL, { asOf, flags });
      const seen = new Set<string>();
      verdicts.forEach((v, i) => {
        seen.add(v.class);
        expect(AUDIENCE_CLASSES[fast.class[i]!]).toBe(v.class);
        expect(Object.is(fast.probability[i], v.probability ?? NaN)).toBe(true);
      });
      expect(seen.size).toBeGreaterThanOrEqual(4); // the cases cover most classes
    }
  });
});
