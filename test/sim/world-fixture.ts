/** One sample-preset world per test file (generation takes a fraction of a second). */
import { resolveConfig, type WorldOverrides } from '../../tools/sim/config.js';
import { forEachEngagement } from '../../tools/sim/events.js';
import { generateWorld } from '../../tools/sim/world.js';
import { PERSONAS, type Persona, type World } from '../../tools/sim/world-types.js';

const cache = new Map<string, World>();

/** The sample world (optionally with overrides), generated once per process. */
export function sampleWorld(overrides: WorldOverrides = {}): World {
  const key = JSON.stringify(overrides);
  let w = cache.get(key);
  if (!w) cache.set(key, (w = generateWorld(resolveConfig('sample', overrides))));
  return w;
}

/** Indexes of accounts of a persona. */
export function accountsOf(w: World, persona: Persona): number[] {
  const code = PERSONAS.indexOf(persona);
  const out: number[] = [];
  for (let i = 0; i < w.accounts.n; i++) if (w.accounts.persona[i] === code) out.push(i);
  return out;
}

/** Seconds since t0 of asOf. */
export const asOfSec = (w: World) => (w.asOf - w.t0) / 1000;

export interface Ev {
  actor: number;
  target: number;
  kind: number;
  time: number;
  source: number;
  post: number;
  fake: number;
}

/** All engagement events as objects (small worlds only). */
export function events(w: World): Ev[] {
  const out: Ev[] = [];
  forEachEngagement(w, (actor, target, kind, time, source, post, fake) => out.push({ actor, target, kind, time, source, post, fake }));
  return out;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};

/** Coefficient of variation of the gaps between sorted times. */
export function gapCv(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  const gaps = s.slice(1).map((t, k) => t - s[k]!);
  const m = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  const v = gaps.reduce((a, g) => a + (g - m) ** 2, 0) / gaps.length;
  return Math.sqrt(v) / m;
}
