/**
 * Fits the over-dispersion of word use against the background on real archives, for the
 * topic model's significance test (significance.ts).
 *   npx tsx bench/fit-topic-dispersion.ts      (reads ../shared/data/realdata)
 *
 * For each archive owner and each word w of the background table in the language of their
 * posts: n = the owner's posts (in the 90-day window, reshares left out) that contain w, and
 * mu = W_L * f_w (their words in that language times the word's background frequency).
 * Words that are a token of any topic's surface form are left out: the null hypothesis is
 * ordinary, non-topical writing (style, not interest).
 * Ordinary writing would give n ~ Poisson(mu); people are burstier than that (Church and Gale
 * 1995, "Poisson mixtures"), so n ~ NegativeBinomial(mean mu, shape k): the rate is mu times a
 * Gamma(k, 1/k) factor of the writer's own. k is fitted by maximum likelihood over all words,
 * and checked the other way round (fit on one archive, log-likelihood on the other), beside
 * the Poisson baseline and, as the decision the model takes, the share of words with
 * P(X >= n) below 1e-4 (which at mu << 1 is how topics are found) under each model.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuiltinTaxonomy } from '../src/inputs/ontology.js';
import { topicSetupFor } from '../src/cli/analysis.js';
import { createMatchScratch, tokenizeText } from '../src/engine/topics/matcher.js';
import { identifyLanguage, UNDETERMINED } from '../src/engine/topics/language.js';
import { backgroundLanguageIndex, zipfToFrequency } from '../src/engine/topics/background.js';
import { poissonUpperTail, negativeBinomialUpperTail, negativeBinomialLogPmf } from '../src/engine/topics/significance.js';
import { DAY_MS } from '../src/engine/window.js';
import { generateSurfaceForms } from '../src/engine/topics/surface-forms.js';
import { readThreadsArchive, readTwitterArchive, type RealArchive } from './lib/real-archives.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const real = path.join(root, '..', 'shared', 'data', 'realdata');
const tax = loadBuiltinTaxonomy();
const m = topicSetupFor(tax).matcher;
const bg = m.background;

interface Obs { n: number; mu: number }
const formTokens = new Set<string>();
for (const f of generateSurfaceForms(tax)) for (const t of f.tokens) formTokens.add(t);

function observe(a: RealArchive): Obs[] {
  const from = a.asOf - 90 * DAY_MS;
  const owner = a.input.accounts.findIndex((x) => x.handle.toLowerCase() === a.handle.toLowerCase());
  const s = createMatchScratch();
  const scores = new Float64Array(16);
  const W = new Float64Array(bg.languages.length);
  const df: Map<string, number>[] = bg.languages.map(() => new Map());
  for (const p of a.input.posts) {
    if (p.author !== owner || p.kind === 'reshare' || !p.text || p.createdAt <= from || p.createdAt > a.asOf) continue;
    tokenizeText(m, p.text, s);
    let l = backgroundLanguageIndex(bg, p.lang);
    if (l < 0) l = identifyLanguage(m.languageId, s, 2, scores);
    if (l < 0 || l === UNDETERMINED) continue;
    W[l]! += s.tokens;
    const seen = new Set<string>();
    const text = s.folded;
    for (let k = 0; k < s.tokens; k++) {
      // token text again (the scratch keeps offsets): read up to the next non-word character
      const start = s.tokenStart[k]!;
      const mm = /^[\p{L}\p{N}\p{M}&$+#']+/u.exec(text.slice(start, start + 40));
      if (mm) seen.add(mm[0].replace(/'/g, ''));
    }
    for (const w of seen) df[l]!.set(w, (df[l]!.get(w) ?? 0) + 1);
  }
  const out: Obs[] = [];
  bg.languages.forEach((_, l) => {
    if (W[l]! < 2000) return; // too few words in that language to say anything
    for (const [w, z] of bg.tables[l]!.words) {
      // the null is ordinary, non-topical writing: words that name a topic are left out
      if (formTokens.has(w)) continue;
      const mu = W[l]! * zipfToFrequency(z);
      if (mu < 1e-3) continue;
      out.push({ n: df[l]!.get(w) ?? 0, mu });
    }
  });
  return out;
}

function logLik(obs: Obs[], k: number): number {
  let s = 0;
  for (const o of obs) s += k === Infinity ? o.n * Math.log(o.mu) - o.mu - lgammaInt(o.n + 1) : negativeBinomialLogPmf(o.n, o.mu, k);
  return s;
}
function lgammaInt(n: number): number {
  let s = 0;
  for (let i = 2; i < n; i++) s += Math.log(i);
  return s;
}
function fit(obs: Obs[]): number {
  let best = Infinity;
  let bestLl = logLik(obs, Infinity);
  for (let e = -3; e <= 2; e += 0.02) {
    const k = 10 ** e;
    const ll = logLik(obs, k);
    if (ll > bestLl) {
      bestLl = ll;
      best = k;
    }
  }
  return best;
}
const tailShare = (obs: Obs[], k: number, alpha: number) =>
  obs.filter((o) => o.mu < 1 && o.n >= 3 && (k === Infinity ? poissonUpperTail(o.n, o.mu) : negativeBinomialUpperTail(o.n, o.mu, k)) < alpha).length / obs.filter((o) => o.mu < 1).length;

const archives = [await readTwitterArchive(path.join(real, 'twitter-milahu104-2026'), 'milahu104'), readThreadsArchive(path.join(real, 'threads-yungztr-2024'))];
const data = archives.map((a) => ({ name: a.name, obs: observe(a) }));
const all = data.flatMap((d) => d.obs);
const k = fit(all);
const lines = [`words observed: ${data.map((d) => `${d.name} ${d.obs.length}`).join(', ')}`];
lines.push(`fitted shape k = ${k.toFixed(3)} (all archives); log-likelihood NB ${logLik(all, k).toFixed(0)} vs Poisson ${logLik(all, Infinity).toFixed(0)}`);
for (let i = 0; i < data.length; i++) {
  const train = data.filter((_, j) => j !== i).flatMap((d) => d.obs);
  const test = data[i]!.obs;
  const kt = fit(train);
  lines.push(`held out ${data[i]!.name}: k fitted on the others ${kt.toFixed(3)}; held-out log-likelihood NB ${logLik(test, kt).toFixed(0)} vs Poisson ${logLik(test, Infinity).toFixed(0)}; ` +
    `share of ordinary words (mu < 1) called distinctive at p < 1e-4: Poisson ${(100 * tailShare(test, Infinity, 1e-4)).toFixed(2)}%, NB ${(100 * tailShare(test, kt, 1e-4)).toFixed(2)}%`);
}
process.stdout.write(lines.join('\n') + '\n');
