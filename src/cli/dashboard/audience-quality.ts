/**
 * Audience quality of the account the detail pane shows: the audit's quality (real share of
 * its classified followers with a 95% Wilson interval) read from the analysis's audience
 * table (engine/audience/classes.ts), the classes every command shares, so the number
 * equals `audit @handle --as-of ASOF --window N`'s and `rank`'s quality column. An analysis
 * made without an audience model gets its table computed here once, the same way.
 */
import type { Analysis } from '../../engine/analyze.js';
import { audienceQualityOf, classifyAudience, type AudienceModel } from '../../engine/audience/index.js';
import type { AudienceQualityView } from '../../render/dashboard/view.js';

/** Account -> audience quality for one analysis (see the module doc). */
export function makeAudienceQuality(analysis: Analysis, model: AudienceModel): (account: number) => AudienceQualityView {
  const table = analysis.audience ?? classifyAudience(analysis.dataset, model, { window: analysis.window, flags: analysis.table.assessment.flags });
  return (account) => {
    const q = audienceQualityOf(table, account);
    return { quality: q?.quality ?? null, interval: q?.interval ?? null };
  };
}
