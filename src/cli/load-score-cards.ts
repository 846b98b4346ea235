/**
 * The TTY score cards, loaded on first use: ink, which draws them, takes ~0.35 s and ~35 MB
 * to load, and every other command and output mode does without it (`influence import`
 * of 1M rows started 0.5 s later with it loaded eagerly).
 */
import type { renderScoreCards } from '../render/ScoreCard.js';

/** renderScoreCards, imported when first asked for. */
export async function loadScoreCards(): Promise<typeof renderScoreCards> {
  return (await import('../render/ScoreCard.js')).renderScoreCards;
}
