/**
 * Audience quality of the account the detail pane shows: the audit of `influence audit`
 * (engine/audience: its followers classified, quality = real share with a 95% Wilson
 * interval) over the analysis's own dataset, window and authenticity flags, so the number
 * equals `audit @handle --as-of ASOF --window N`'s. One account at a time, when shown, and
 * kept: an audit scans the follows and classifies the followers, too much to do for every
 * row of a 100k-account ranking (so the ranking has no audience column).
 */
import type { Analysis } from '../../engine/analyze.js';
import { auditAudience, type AudienceModel } from '../../engine/audience/index.js';
import type { AudienceQualityView } from '../../render/dashboard/view.js';

/** A memoised account -> audience quality for one analysis (see the module doc). */
export function makeAudienceQuality(analysis: Analysis, model: AudienceModel): (account: number) => AudienceQualityView {
  const { dataset, window } = analysis;
  // as `audit`: authenticity flags only when the database has activity to judge
  const flags = dataset.posts.n + dataset.interactions.n > 0 ? analysis.table.assessment.flags : undefined;
  const made = new Map<number, AudienceQualityView>();
  return (account) => {
    let view = made.get(account);
    if (!view) {
      const audit = auditAudience({ dataset, account, model, asOf: window.asOf, windowDays: window.windowDays, ...(flags ? { flags } : {}) });
      view = { quality: audit.quality, interval: audit.interval };
      made.set(account, view);
    }
    return view;
  };
}
