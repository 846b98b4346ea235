import { describe, expect, it } from 'vitest';
import { assessAuthenticity } from '../../../src/engine/authenticity/assess.js';
import { measureRegularity, quietestShare } from '../../../src/engine/authenticity/bot-cadence.js';
import { DAY, DatasetBuilder, day } from '../../../tools/sim/dataset-builder.js';
import { HOUR, MINUTE, Rng, WINDOW, humanTimes } from '../../../tools/sim/scenarios/authenticity.js';

function cadenceFlag(times: number[]) {
  const b = new DatasetBuilder();
  const a = b.account({ handle: 'poster' });
  for (const at of times) b.post(a, { at });
  return assessAuthenticity(b.build(), WINDOW).flags[a]!.find((f) => f.code === 'bot-cadence');
}

describe('bot-cadence', () => {
  it('fires on a scheduler posting every hour +-3 minutes, round the clock', () => {
    const rng = new Rng(7);
    const times: number[] = [];
    for (let t = day(60) + 30 * MINUTE; t < day(90); t += HOUR) times.push(Math.round(t + rng.uniform(-3, 3) * MINUTE));
    const f = cadenceFlag(times)!;
    expect(f).toBeDefined();
    expect(f.evidence['reasons']).toEqual(['metronomic', 'round-the-clock']);
    expect(f.evidence['posts']).toBe(720);
    expect(f.evidence['postsPerDay']).toBeCloseTo(24, 0);
    expect(f.evidence['gapCv']).toBeLessThan(0.1);
    expect(f.evidence['metronomicMaxCv']).toBe(0.35);
    expect(f.evidence['quietShare']).toBeCloseTo(0.25, 2);
    expect(f.evidence['quietShareMin']).toBe(0.1);
    expect(f.evidence['hourEntropy']).toBeGreaterThan(0.99);
    expect(f.severity).toBeGreaterThan(0.7);
  });

  it('fires on random (Poisson) posting around the clock: not bursty, no sleep', () => {
    const rng = new Rng(11);
    const times: number[] = [];
    for (let t = day(1) + rng.exponential(DAY / 20); t < day(90); t += rng.exponential(DAY / 20)) times.push(Math.round(t));
    const f = cadenceFlag(times)!;
    expect(f.evidence['reasons']).toEqual(['round-the-clock']);
    expect(f.evidence['gapCv']).toBeGreaterThan(0.8);
    expect(f.evidence['gapCv']).toBeLessThanOrEqual(1.2);
    expect(f.evidence['quietShare']).toBeGreaterThan(0.2);
  });

  it('fires on a business-hours scheduler by regularity, though the nightly gap makes the CV large', () => {
    const times: number[] = [];
    for (let d = 0; d < 90; d++) for (let t = day(d) + 8 * HOUR; t < day(d) + 22 * HOUR; t += 15 * MINUTE) times.push(t + ((d * 7 + t / MINUTE) % 3) * MINUTE);
    const f = cadenceFlag(times)!;
    expect(f.evidence['reasons']).toEqual(['metronomic', 'heavy-volume']);
    expect(f.evidence['gapCv']).toBeGreaterThan(1.2);
    expect(f.evidence['regularShare']).toBeGreaterThan(0.9);
    expect(f.evidence['medianGapMinutes']).toBeCloseTo(15, 0);
  });

  it('fires on extreme volume whatever the rhythm', () => {
    const rng = new Rng(3);
    const f = cadenceFlag(humanTimes(rng, { perDay: 300, session: 40 }).filter((t) => t > day(80)))!;
    expect(f).toBeDefined();
    expect(f.evidence['postsPerDay'] as number).toBeGreaterThanOrEqual(144);
  });

  it('does not flag a prolific real poster: bursty, diurnal, 25-60 a day', () => {
    for (const [seed, perDay] of [
      [1, 25],
      [2, 60],
    ] as const) {
      const rng = new Rng(seed);
      const times = humanTimes(rng, { perDay, tz: -5, session: 5 });
      expect(times.length).toBeGreaterThan(2000);
      expect(cadenceFlag(times)).toBeUndefined();
    }
  });

  it('does not flag a habitual once-a-day poster (regular, but one a day)', () => {
    const times = Array.from({ length: 85 }, (_, d) => day(d + 1) + 8 * HOUR + ((d * 37) % 20) * MINUTE);
    expect(cadenceFlag(times)).toBeUndefined();
  });

  it('does not flag a person whose sleep drifts at a few posts a day', () => {
    const rng = new Rng(5);
    expect(cadenceFlag(humanTimes(rng, { perDay: 2, jitter: 6, awake: 19, session: 1.2 }))).toBeUndefined();
  });

  it('treats dates without a time of day, and a single batch timestamp, as missing timing', () => {
    const datesOnly = Array.from({ length: 400 }, (_, i) => day(1 + Math.floor(i / 5)));
    expect(cadenceFlag(datesOnly)).toBeUndefined();
    expect(cadenceFlag(Array.from({ length: 200 }, () => day(50) + 1234))).toBeUndefined();
  });

  it('needs 30 posts in the window', () => {
    const times = Array.from({ length: 29 }, (_, i) => day(89) + i * 20 * MINUTE);
    expect(cadenceFlag(times)).toBeUndefined();
    expect(cadenceFlag([...times, day(89) + 29 * 20 * MINUTE])).toBeDefined();
  });

  it('ignores posts outside the window', () => {
    const times: number[] = [];
    for (let t = day(91); t < day(120); t += HOUR) times.push(t);
    expect(cadenceFlag(times)).toBeUndefined();
  });
});

describe('bot-cadence measures', () => {
  it('quietestShare finds the sleep window circularly', () => {
    const hours = new Float64Array(24);
    for (let h = 0; h < 24; h++) hours[h] = h >= 22 || h < 5 ? 0 : 10; // asleep 22:00-05:00 across midnight
    hours[2] = 3;
    expect(quietestShare(hours, 6, 173)).toBeCloseTo(3 / 173, 6);
  });

  it('measureRegularity: median gap and share within tolerance', () => {
    const t = Float64Array.from([0, 15, 29, 45, 60, 660].map((m) => m * MINUTE));
    const r = measureRegularity(t, 0, 6, new Float64Array(5), 0.2);
    expect(r.medianGap).toBe(15 * MINUTE);
    expect(r.regularShare).toBe(0.8);
  });
});
