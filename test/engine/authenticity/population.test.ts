/**
 * Dataset level: ~500 ordinary accounts of varied behaviour (casual, regular,
 * prolific, big, mutual-following socialites, hashtag lovers, habitual daily posters,
 * irregular sleepers, tight communities, near-dormant, heavy followers), 1,500 lurkers and
 * 60 planted gamers. The bar: >= 90% of planted flagged, <= 3% of ordinary.
 * Rates for more seeds: `npx tsx bench/authenticity.ts --rates`. The same bar on the
 * simulator's independently built world: sim-population.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { assessAuthenticity } from '../../../src/engine/authenticity/assess.js';
import type { FlagCode } from '../../../src/engine/result-types.js';
import { buildPlantedWorld, type Archetype } from '../../../tools/sim/scenarios/planted-population.js';
import { WINDOW } from '../../../tools/sim/scenarios/authenticity.js';

const EXPECTED_CODE: Record<Archetype, FlagCode> = {
  'follow-back': 'follow-back',
  bot: 'bot-cadence',
  pod: 'engagement-pod',
  'hashtag-stuffing': 'hashtag-stuffing',
  'serial-engager': 'serial-engager',
  churn: 'churn',
};

describe('planted population', () => {
  for (const seed of [1, 2]) {
    it(`seed ${seed}: >= 90% of planted gamers flagged (by the right signal), <= 3% of ordinary accounts`, () => {
      const w = buildPlantedWorld(seed);
      const as = assessAuthenticity(w.pop, WINDOW);
      expect(w.ordinary.length).toBeGreaterThanOrEqual(500);
      expect(w.planted.size).toBe(60);

      const ordinaryFlagged = w.ordinary.filter((a) => as.flags[a]!.length > 0);
      const plantedFlagged = [...w.planted.keys()].filter((a) => as.flags[a]!.length > 0);
      const rightSignal = [...w.planted].filter(([a, arch]) => as.flags[a]!.some((f) => f.code === EXPECTED_CODE[arch]));
      expect(plantedFlagged.length / w.planted.size).toBeGreaterThanOrEqual(0.9);
      expect(rightSignal.length / w.planted.size).toBeGreaterThanOrEqual(0.9);
      expect(ordinaryFlagged.length / w.ordinary.length).toBeLessThanOrEqual(0.03);
      expect(w.lurkers.filter((a) => as.flags[a]!.length > 0)).toEqual([]);

      // every flagged gamer is damped and capped below 70, whatever the additive model
      for (const a of plantedFlagged) {
        expect(as.damping[a]).toBeLessThan(1);
        expect(as.cap[a]).toBeLessThan(70);
      }
    });
  }
});
