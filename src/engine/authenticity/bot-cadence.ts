/**
 * bot-cadence: automated posting, from post times alone. Over the account's in-window
 * posts (at least 30):
 *   gapCv        = sd / mean of the gaps between consecutive posts (metronomic when <= 0.35;
 *                  a Poisson process gives 1, bursty humans > 1)
 *   regularShare = share of gaps within +-20% of the median gap (metronomic when >= 0.5,
 *                  median gap >= 1 minute): a scheduler posting every 15 minutes from 8:00
 *                  to 22:00 has a large CV (the nightly gap) but ~all gaps alike; for
 *                  exponential (human-like or random) gaps the share is ~0.14. A robust
 *                  stand-in for Chu et al.'s low entropy of inter-post delays.
 *   quietShare   = share of posts in the quietest 6 consecutive hours of the (UTC) day,
 *                  circular, so any time zone works (round the clock when >= 0.10; a
 *                  sleeping human ~0-0.03, uniform 0.25)
 *   postsPerDay  = posts / active span in days (first to last post, at least one day)
 * Posts whose times are all midnight UTC (dates without a time) or all identical carry no
 * timing and never fire.
 * Fires when: metronomic (by CV or by regularShare) and >= 4 posts/day; or round the clock
 * and (not bursty, gap CV <= 1.2, at >= 4 posts/day; or >= 50 posts/day); or >= 144
 * posts/day whatever the rhythm.
 * Sources: Chu et al. 2012 (bots: regular timing, around the clock); Chavoshi et al. 2016
 * (DeBot: timing as the bot signal); Barabási 2005 (human activity is bursty); Oxford
 * Computational Propaganda memos 2016 (50+ posts a day = heavy automation).
 * Example: one post every 60 min +- 5 min for 30 days: 720 posts, gapCv ~0.07, all gaps
 * within 20% of the median, quietShare 0.25, 24/day -> fires (metronomic, round the
 * clock), severity 1.
 */
import type { Activity } from './activity.js';
import type { BotCadenceConfig } from './config.js';
import { DAY, HOUR, MINUTE, exceedance, logExceedance, meanSeverity, round } from './measure.js';
import type { SignalHit } from './signal.js';

/** Flags accounts whose posting rhythm is automated. */
export function detectBotCadence(act: Activity, cfg: BotCadenceConfig): SignalHit[] {
  const hits: SignalHit[] = [];
  const hours = new Float64Array(24);
  let gapBuffer = new Float64Array(0);
  for (let a = 0; a < act.accounts; a++) {
    const s = act.postStart[a]!;
    const e = act.postStart[a + 1]!;
    const count = e - s;
    if (count < cfg.minPosts) continue;
    const times = act.postTimes;

    hours.fill(0);
    let sum = 0;
    let sumSq = 0;
    let midnights = 0;
    for (let i = s; i < e; i++) {
      const t = times[i]!;
      const timeOfDay = ((t % DAY) + DAY) % DAY;
      if (timeOfDay === 0) midnights++;
      hours[Math.floor(timeOfDay / HOUR)]!++;
      if (i > s) {
        const g = t - times[i - 1]!;
        sum += g;
        sumSq += g * g;
      }
    }
    const gaps = count - 1;
    const meanGap = sum / gaps;
    // Dates without a time of day, or one timestamp for everything (a batch import): the
    // timing is missing, not metronomic.
    if (midnights === count || meanGap === 0) continue;
    const gapCv = meanGap > 0 ? Math.sqrt(Math.max(0, sumSq / gaps - meanGap * meanGap)) / meanGap : 0;
    const quietShare = quietestShare(hours, cfg.quietHours, count);
    const spanDays = Math.max(1, (times[e - 1]! - times[s]!) / DAY);
    const postsPerDay = count / spanDays;
    if (gapBuffer.length < gaps) gapBuffer = new Float64Array(gaps * 2);
    const { medianGap, regularShare } = measureRegularity(times, s, e, gapBuffer, cfg.regularTolerance);

    const regular = medianGap >= cfg.regularMinMedianGapMinutes * MINUTE && regularShare >= cfg.minRegularShare;
    const enough = postsPerDay >= cfg.automatedMinPostsPerDay;
    const metronomic = (gapCv <= cfg.metronomicMaxCv || regular) && enough;
    const roundTheClock = quietShare >= cfg.roundTheClockMinQuietShare;
    const nonBursty = gapCv <= cfg.nonBurstyMaxCv && enough;
    const heavy = postsPerDay >= cfg.heavyPostsPerDay;
    const extreme = postsPerDay >= cfg.extremePostsPerDay;
    if (!(metronomic || (roundTheClock && (nonBursty || heavy)) || extreme)) continue;

    const parts: number[] = [];
    if (metronomic) parts.push(Math.max(exceedance(gapCv, cfg.metronomicMaxCv, cfg.fullCv), regular ? exceedance(regularShare, cfg.minRegularShare, cfg.fullRegularShare) : 0));
    else if (nonBursty) parts.push(exceedance(gapCv, cfg.nonBurstyMaxCv, cfg.fullCv));
    if (roundTheClock) parts.push(exceedance(quietShare, cfg.roundTheClockMinQuietShare, cfg.fullQuietShare));
    if (heavy) parts.push(logExceedance(postsPerDay, cfg.heavyPostsPerDay, cfg.fullPostsPerDay));
    const reasons = [metronomic && 'metronomic', roundTheClock && 'round-the-clock', heavy && 'heavy-volume'].filter((r): r is string => r !== false);
    hits.push({
      account: a,
      flag: {
        code: 'bot-cadence',
        severity: meanSeverity(parts),
        evidence: {
          reasons,
          posts: count,
          postsMin: cfg.minPosts,
          postsPerDay: round(postsPerDay, 2),
          automatedMinPostsPerDay: cfg.automatedMinPostsPerDay,
          heavyPostsPerDay: cfg.heavyPostsPerDay,
          extremePostsPerDay: cfg.extremePostsPerDay,
          gapCv: round(gapCv),
          metronomicMaxCv: cfg.metronomicMaxCv,
          nonBurstyMaxCv: cfg.nonBurstyMaxCv,
          regularShare: round(regularShare),
          regularTolerance: cfg.regularTolerance,
          regularShareMin: cfg.minRegularShare,
          medianGapMinutes: round(medianGap / MINUTE, 2),
          quietShare: round(quietShare),
          quietHours: cfg.quietHours,
          quietShareMin: cfg.roundTheClockMinQuietShare,
          hourEntropy: round(normalizedEntropy(hours, count)),
        },
      },
    });
  }
  return hits;
}

/**
 * The median gap between consecutive posts and the share of gaps within +-tolerance of it.
 * Example: gaps of 15, 14, 16, 15 minutes and one of 600 -> median 15, share 0.8.
 */
export function measureRegularity(times: Float64Array, s: number, e: number, buffer: Float64Array, tolerance: number): { medianGap: number; regularShare: number } {
  const gaps = e - s - 1;
  const g = buffer.subarray(0, gaps);
  for (let i = 0; i < gaps; i++) g[i] = times[s + i + 1]! - times[s + i]!;
  g.sort();
  const m = gaps >> 1;
  const medianGap = gaps % 2 ? g[m]! : (g[m - 1]! + g[m]!) / 2;
  let within = 0;
  for (let i = 0; i < gaps; i++) if (Math.abs(g[i]! - medianGap) <= tolerance * medianGap) within++;
  return { medianGap, regularShare: within / gaps };
}

/**
 * The share of posts in the quietest `width` consecutive hours of the day (circular).
 * Example: a person asleep 00:00-07:00 with 2 of 100 posts then -> 0.02.
 */
export function quietestShare(hours: Float64Array, width: number, total: number): number {
  let window = 0;
  for (let h = 0; h < width; h++) window += hours[h]!;
  let min = window;
  for (let h = 1; h < 24; h++) {
    window += hours[(h + width - 1) % 24]! - hours[h - 1]!;
    if (window < min) min = window;
  }
  return total > 0 ? min / total : 0;
}

/** Shannon entropy of the hour-of-day histogram over log(24): 1 = perfectly uniform. */
function normalizedEntropy(hours: Float64Array, total: number): number {
  let h = 0;
  for (let i = 0; i < 24; i++) {
    const p = hours[i]! / total;
    if (p > 0) h -= p * Math.log(p);
  }
  return h / Math.log(24);
}
