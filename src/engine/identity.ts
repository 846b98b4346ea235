/**
 * One person across networks: an identity's combined score, with each network's part
 * (issue 14; `score --identity`, `explain --identity`, `rank --identities`).
 *
 * Definition. Each account has its effective total E = d * T in logit units (T the raw
 * additive total, d its authenticity damping; an account held down by its authenticity cap
 * counts with the total its cap stands for, C^-1(cap)). Per network, the identity's
 * best-scoring account is that network's part (E_n, with the sd of its total); its other
 * accounts on that network add nothing. Across networks the parts' strengths add:
 *   E*      = ln(sum_n exp(E_n))                    (log-sum-exp: the combined total)
 *   share_n = exp(E_n - E*)                         (each network's part of the strength)
 *   sd*     = sqrt(sum_n share_n^2 sd_n^2)          (delta method, independent networks)
 *   score   = min(cap*, C(E*)),  cap* = max_n cap_n (C the model's calibration)
 *   interval = [min(cap*, C(E* - z sd*)), min(cap*, C(E* + z sd*))], z = 1.2816 (80%)
 *   confidence = sum_n share_n confidence_n
 * Accounts that abstain are left out; an identity whose every account abstains abstains.
 * Itemised: the best network's score, then, network by network in descending order, the
 * points each adds (C of the running log-sum-exp), in tenths that sum to the score.
 *
 * Why. The score's total is a Bradley-Terry strength on the logit scale: P(A is judged more
 * influential than B) = exp(T_A) / (exp(T_A) + exp(T_B)) (engine/model.ts). Under Luce's
 * choice axiom, a set of alternatives is chosen with the sum of its members' strengths, so
 * a person reaching people on two networks is compared as exp(E_1) + exp(E_2): the combined
 * total is their log-sum-exp. It never falls below the best network (adding a network with
 * real reception never lowers it), two equal networks add ln 2 = 0.69 logits (about 5 to 9
 * points mid-scale), and a network far below the best adds almost nothing, so a person is
 * not rewarded for opening empty accounts. The sum assumes the networks' audiences are
 * different people: the data cannot say that a Mastodon follower is the same person as a
 * Twitter follower. Within one network it assumes the opposite (a person's accounts there
 * share most of their audience), so only the best counts. The combined interval treats the
 * networks' errors as independent (each rests on its own export). A flagged account keeps
 * its cap; only when every part is capped is the identity capped (at the highest cap).
 *
 * Sources: Bradley and Terry (1952), Rank analysis of incomplete block designs; Luce (1959),
 * Individual Choice Behavior (the choice axiom); the delta method (Casella and Berger,
 * Statistical Inference, 5.5.4).
 *
 * Worked example, with a calibration linear from (4, 20) to (6, 50): twitter E = 5.0 (score
 * 35.0), mastodon E = 4.0 (score 20.0): E* = ln(e^5 + e^4) = 5.313, score C(5.313) = 39.7;
 * shares 0.73 and 0.27; itemised: twitter 35.0 + mastodon 4.7 = 39.7.
 */
import type { Analysis, AccountResult } from './analyze.js';
import { resultOf } from './analyze.js';
import { featureVectorOf } from './features.js';
import { Z80 } from './interval.js';
import { applyCalibration, type Calibration, type Model } from './model.js';
import { apportionTenths, scoreFeatureVector } from './score.js';
import { editDistance } from './handles.js';
import type { Dataset } from './dataset.js';
import { UsageError } from '../errors.js';

/** One network's evidence for the combination: its counted account's effective total and what bounds it. */
export interface NetworkTotal {
  /** effective total E in logits (damping applied; a capped account: C^-1(cap)) */
  total: number;
  /** sd of E (imputation and counting noise, damped) */
  sd: number;
  /** the authenticity cap of the account (100: none) */
  cap: number;
  /** 0..1 */
  confidence: number;
}

/** The combination of network totals (exact, unrounded). */
export interface Combination {
  /** E* = ln(sum exp(E_n)) */
  total: number;
  sd: number;
  cap: number;
  score: number;
  interval: [number, number];
  confidence: number;
  /** per input, in input order: exp(E_n - E*) */
  shares: number[];
  /** per input, in input order: points it adds when the inputs are added in descending total order (the first: its own score) */
  added: number[];
}

/**
 * C^-1: the smallest total whose calibrated score is `score` (0 at or below the floor,
 * Infinity at or above the asymptote). The inverse of engine/model.ts applyCalibration.
 */
export function invertCalibration(cal: Calibration, score: number): number {
  const { totals, scores } = cal;
  const last = totals.length - 1;
  if (!(score > scores[0]!)) return totals[0]!;
  if (score <= scores[last]!) {
    let j = 1;
    while (j < last && score > scores[j]!) j++;
    const s0 = scores[j - 1]!;
    const s1 = scores[j]!;
    return s1 > s0 ? totals[j - 1]! + ((score - s0) * (totals[j]! - totals[j - 1]!)) / (s1 - s0) : totals[j - 1]!;
  }
  const cL = scores[last]!;
  const room = cal.max - cL;
  if (score >= cal.max) return Infinity;
  if (room <= 0 || last === 0) return totals[last]!;
  const slope = (scores[last]! - scores[last - 1]!) / (totals[last]! - totals[last - 1]!);
  if (!(slope > 0)) return totals[last]!;
  return totals[last]! - (room / slope) * Math.log((cal.max - score) / room);
}

/** ln(sum exp(x)) without overflow; -Infinity for none. */
function logSumExp(xs: readonly number[]): number {
  if (xs.length === 0) return -Infinity;
  const m = Math.max(...xs);
  if (!Number.isFinite(m)) return m;
  let s = 0;
  for (const x of xs) s += Math.exp(x - m);
  return m + Math.log(s);
}

/** Combines network totals into one score with its interval (see the module doc); `parts` must not be empty. */
export function combineNetworks(model: Model, parts: readonly NetworkTotal[]): Combination {
  const cal = model.calibration;
  const valueOf = (set: readonly NetworkTotal[]): number =>
    Math.min(Math.max(...set.map((p) => p.cap)), applyCalibration(cal, logSumExp(set.map((p) => p.total))));
  const total = logSumExp(parts.map((p) => p.total));
  const cap = Math.max(...parts.map((p) => p.cap));
  const shares = parts.map((p) => Math.exp(p.total - total));
  const sd = Math.sqrt(parts.reduce((s, p, k) => s + (shares[k]! * p.sd) ** 2, 0));
  const score = valueOf(parts);
  const interval: [number, number] = [Math.min(cap, applyCalibration(cal, total - Z80 * sd)), Math.min(cap, applyCalibration(cal, total + Z80 * sd))];
  const confidence = parts.reduce((s, p, k) => s + shares[k]! * p.confidence, 0);
  // points added in descending order of total (ties: input order), each C of the running sum
  const order = parts.map((_, k) => k).sort((a, b) => parts[b]!.total - parts[a]!.total || a - b);
  const added = new Array<number>(parts.length).fill(0);
  let before = 0;
  order.forEach((k, r) => {
    const now = valueOf(order.slice(0, r + 1).map((j) => parts[j]!));
    added[k] = now - before;
    before = now;
  });
  return { total, sd, cap, score, interval, confidence, shares, added };
}

/** One network of an identity: the account counted for it, and the others there. */
export interface NetworkPart {
  network: string;
  /** the network's best-scoring account (the first account when all of them abstain) */
  account: AccountResult;
  /** effective total of the counted account in logits; null when every account on the network abstains */
  total: number | null;
  /** its sd; null when abstaining */
  sd: number | null;
  /** its share of the identity's strength, exp(E_n - E*); null when abstaining */
  share: number | null;
  /** the points it adds to the combined score (the first network: its own score), tenths summing to the score; null when abstaining */
  points: number | null;
  /** the identity's other accounts on this network: not added (they share its audience) */
  others: AccountResult[];
}

/** An identity's combined score and its per-network breakdown. */
export interface IdentityScore {
  identity: string;
  /** null when every account abstains */
  score: number | null;
  interval: [number, number] | null;
  /** why no score: every account abstains */
  abstain: string | null;
  confidence: number;
  /** the combined total E* in logits (null when abstaining) */
  total: number | null;
  /** networks with a score, by total descending, then those whose accounts all abstain */
  networks: NetworkPart[];
}

const tenths = (x: number): number => Math.round(x * 10);

/** Account indices of each identity, in account index order: one list per `dataset.identities.names` entry. */
export function identityMembers(dataset: Dataset): number[][] {
  const ids = dataset.identities;
  if (!ids) return [];
  const members = ids.names.map((): number[] => []);
  for (let i = 0; i < ids.of.length; i++) if (ids.of[i]! >= 0) members[ids.of[i]!]!.push(i);
  return members;
}

/** Longest identity name, in characters. */
export const MAX_IDENTITY_NAME = 100;

/** Networks whose `network:` prefix an identity name may not start with (it would read as an account). */
const ACCOUNT_PREFIXES = ['twitter', 'mastodon', 'bluesky', 'instagram', 'tiktok', 'linkedin', 'threads', 'generic'];

/**
 * A name for `identity link`, trimmed; a UsageError when it is empty, too long, holds
 * control characters, or reads as an account (`twitter:alice`: the name was left out).
 */
export function checkIdentityName(raw: string, networks: ReadonlySet<string> = new Set()): string {
  const name = raw.trim();
  if (name === '') throw new UsageError('the identity name is empty', 'name the person first: influence identity link alice twitter:alice mastodon:alice@example.social');
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) throw new UsageError('the identity name holds control characters', 'use letters, digits, spaces and punctuation');
  if (name.length > MAX_IDENTITY_NAME) throw new UsageError(`the identity name is longer than ${MAX_IDENTITY_NAME} characters`, 'use a shorter name');
  const prefix = /^([a-z][a-z0-9-]*):/i.exec(name)?.[1]?.toLowerCase();
  if (prefix !== undefined && (networks.has(prefix) || ACCOUNT_PREFIXES.includes(prefix))) {
    throw new UsageError(`${JSON.stringify(name)} reads as an account, not an identity name`, `name the person first: influence identity link alice ${name} ...`);
  }
  return name;
}

/** The identity a name argument names, among `names`; a UsageError with close names when none. */
export function resolveIdentityName(names: readonly string[], raw: string): string {
  const name = raw.trim();
  if (names.includes(name)) return name;
  if (names.length === 0) throw new UsageError(`no identity named ${JSON.stringify(name)}: the database has no identities`, 'link accounts first: influence identity link NAME twitter:alice mastodon:alice@example.social');
  const q = name.toLowerCase();
  const limit = Math.max(2, Math.floor(q.length / 3));
  const close = names
    .map((n) => ({ n, d: editDistance(q, n.toLowerCase(), limit) }))
    .filter((c) => c.d <= limit)
    .sort((a, b) => a.d - b.d || (a.n < b.n ? -1 : a.n > b.n ? 1 : 0))
    .slice(0, 5)
    .map((c) => JSON.stringify(c.n));
  throw new UsageError(`no identity named ${JSON.stringify(name)}`, close.length > 0 ? `did you mean ${close.join(', ')}? (influence identity list)` : 'see influence identity list');
}

/** The index (into dataset.identities.names) of the identity a name argument names; a UsageError with close names when none. */
export function resolveIdentity(dataset: Dataset, raw: string): number {
  const names = dataset.identities?.names ?? [];
  return names.indexOf(resolveIdentityName(names, raw));
}

/** An account's evidence for the combination: exact effective total, sd, cap and confidence. */
function networkTotalOf(analysis: Analysis, i: number): NetworkTotal {
  const table = analysis.table;
  const damping = table.assessment.damping[i] ?? 1;
  const cap = table.assessment.cap[i] ?? 100;
  const ev = scoreFeatureVector(table.model, featureVectorOf(table.features, i), damping, cap);
  const damped = damping * ev.total;
  // held down by its cap: it counts with the total its cap stands for
  const total = applyCalibration(table.model.calibration, damped) > cap ? invertCalibration(table.model.calibration, cap) : damped;
  return { total, sd: damping * ev.sd, cap, confidence: ev.confidence };
}

/** The combined score of identity k (an index into dataset.identities.names) with its per-network breakdown. */
export function scoreIdentity(analysis: Analysis, k: number): IdentityScore {
  const name = analysis.dataset.identities?.names[k];
  if (name === undefined) throw new RangeError(`no identity ${k}`);
  return combineAccounts(analysis, name, identityMembers(analysis.dataset)[k]!);
}

/** Combines the given accounts as one person named `identity` (see the module doc). */
export function combineAccounts(analysis: Analysis, identity: string, accounts: readonly number[]): IdentityScore {
  type Entry = { result: AccountResult; total: NetworkTotal | null };
  const byNetwork = new Map<string, Entry[]>();
  for (const i of accounts) {
    const result = resultOf(analysis, i);
    const entry: Entry = { result, total: result.score === null ? null : networkTotalOf(analysis, i) };
    const list = byNetwork.get(result.network);
    if (list) list.push(entry);
    else byNetwork.set(result.network, [entry]);
  }
  const scored: { network: string; best: Entry & { total: NetworkTotal }; others: AccountResult[] }[] = [];
  const silent: NetworkPart[] = [];
  for (const [network, list] of byNetwork) {
    const withScore = list.filter((e): e is Entry & { total: NetworkTotal } => e.total !== null);
    if (withScore.length === 0) {
      silent.push({ network, account: list[0]!.result, total: null, sd: null, share: null, points: null, others: list.slice(1).map((e) => e.result) });
      continue;
    }
    const best = withScore.reduce((a, b) => (b.total.total > a.total.total ? b : a));
    scored.push({ network, best, others: list.filter((e) => e !== best).map((e) => e.result) });
  }
  scored.sort((a, b) => b.best.total.total - a.best.total.total || (a.network < b.network ? -1 : a.network > b.network ? 1 : 0));
  silent.sort((a, b) => (a.network < b.network ? -1 : a.network > b.network ? 1 : 0));
  if (scored.length === 0) {
    const reasons = silent.map((p) => `${p.network}:${p.account.handle}: ${p.account.abstain ?? 'no score'}`);
    return {
      identity,
      score: null,
      interval: null,
      abstain: `every account abstains (${reasons.join('; ')})`,
      confidence: 0,
      total: null,
      networks: silent,
    };
  }
  const c = combineNetworks(analysis.model, scored.map((s) => s.best.total));
  const scoreTenths = tenths(c.score);
  const points = apportionTenths(c.added, scoreTenths);
  const networks: NetworkPart[] = scored.map((s, k) => ({
    network: s.network,
    account: s.best.result,
    total: sixDigits(s.best.total.total),
    sd: sixDigits(s.best.total.sd),
    share: Math.round(c.shares[k]! * 1000) / 1000,
    points: points[k]! / 10,
    others: s.others,
  }));
  return {
    identity,
    score: scoreTenths / 10,
    interval: [Math.min(tenths(c.interval[0]), scoreTenths) / 10, Math.max(tenths(c.interval[1]), scoreTenths) / 10],
    abstain: null,
    confidence: Math.round(c.confidence * 100) / 100,
    total: sixDigits(c.total),
    networks: [...networks, ...silent],
  };
}

const sixDigits = (x: number): number => Number(x.toPrecision(6));
