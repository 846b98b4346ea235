import { describe, expect, it } from 'vitest';
import { correlationDifference, spearmanInterval } from '../../src/engine/fit/correlation-interval.js';
import { spearman } from '../../src/engine/metrics.js';
import { Rng } from '../../tools/sim/random.js';

const normal = (rng: Rng): number => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
/** Spearman's rho of a bivariate normal with Pearson correlation r (Pearson 1907): (6 / pi) asin(r / 2). */
const spearmanOfNormal = (r: number) => (6 / Math.PI) * Math.asin(r / 2);

describe('intervals of rank correlations', () => {
  it('gives the worked example of the module doc', () => {
    const [lo, hi] = spearmanInterval(0.378, 9824)!;
    expect(lo).toBeCloseTo(0.36, 2);
    expect(hi).toBeCloseTo(0.395, 2);
    const d = correlationDifference(0.378, 0.319, 0.6, 9824)!;
    expect(d.difference).toBeCloseTo(0.059, 10);
    expect(d.interval[0]).toBeCloseTo(0.042, 2);
    expect(d.interval[1]).toBeCloseTo(0.076, 2);
  });

  it('says nothing for fewer than 4 accounts or a perfect correlation', () => {
    expect(spearmanInterval(0.5, 3)).toBeNull();
    expect(spearmanInterval(1, 100)).toBeNull();
    expect(correlationDifference(1, 0.5, 0.5, 100)).toBeNull();
  });

  it('narrows the difference when the two predictors agree more (their errors cancel)', () => {
    const loose = correlationDifference(0.4, 0.3, 0.1, 500)!;
    const tight = correlationDifference(0.4, 0.3, 0.9, 500)!;
    expect(tight.interval[1] - tight.interval[0]).toBeLessThan(loose.interval[1] - loose.interval[0]);
  });

  it('covers the true Spearman and the true difference about 95% of the time', () => {
    // y ~ N(0,1); x1 = 0.5 y + e1; x2 = 0.3 y + e2 with correlated noise: Pearson 0.5 and 0.3 with y
    const rng = new Rng('correlation-coverage');
    const truth1 = spearmanOfNormal(0.5);
    const truthDiff = truth1 - spearmanOfNormal(0.3);
    const reps = 300;
    let one = 0;
    let diff = 0;
    for (let r = 0; r < reps; r++) {
      const y: number[] = [];
      const x1: number[] = [];
      const x2: number[] = [];
      for (let i = 0; i < 200; i++) {
        const yi = normal(rng);
        const e1 = normal(rng);
        const e2 = 0.5 * e1 + Math.sqrt(0.75) * normal(rng);
        y.push(yi);
        x1.push(0.5 * yi + Math.sqrt(0.75) * e1);
        x2.push(0.3 * yi + Math.sqrt(0.91) * e2);
      }
      const r1 = spearman(x1, y);
      const r2 = spearman(x2, y);
      const [lo, hi] = spearmanInterval(r1, 200)!;
      if (lo <= truth1 && truth1 <= hi) one++;
      const d = correlationDifference(r1, r2, spearman(x1, x2), 200)!;
      if (d.interval[0] <= truthDiff && truthDiff <= d.interval[1]) diff++;
    }
    // binomial(300, 0.95) lies within 0.91-0.99 with probability > 0.99
    for (const covered of [one, diff]) {
      expect(covered / reps).toBeGreaterThan(0.91);
      expect(covered / reps).toBeLessThan(0.99);
    }
  });
});
