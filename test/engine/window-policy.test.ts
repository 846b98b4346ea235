/** The one as-of policy (engine/window.ts resolveWindow): its tiers in order, and which tier dated the window. */
import { describe, expect, it } from 'vitest';
import { resolveWindow } from '../../src/engine/window.js';
import { audienceAsOf } from '../../src/engine/audience/classes.js';
import { UsageError } from '../../src/errors.js';

describe('resolveWindow', () => {
  it('takes the requested date first, then activity, then the latest dated follow, then the latest import', () => {
    const all = { activity: 100, follow: 200, imported: 300 };
    expect(resolveWindow({ asOf: 50, windowDays: 90 }, all)).toEqual({ asOf: 50, windowDays: 90, datedBy: 'requested' });
    expect(resolveWindow({ windowDays: 90 }, all)).toEqual({ asOf: 100, windowDays: 90, datedBy: 'activity' });
    expect(resolveWindow({ windowDays: 30 }, { ...all, activity: null })).toEqual({ asOf: 200, windowDays: 30, datedBy: 'follow' });
    expect(resolveWindow({ windowDays: 30 }, { activity: null, follow: null, imported: 300 })).toEqual({ asOf: 300, windowDays: 30, datedBy: 'import' });
  });
  it('an empty database without --as-of is a UsageError; a bare number is the latest activity', () => {
    expect(() => resolveWindow({ windowDays: 90 }, { activity: null, follow: null, imported: null })).toThrow(UsageError);
    expect(() => resolveWindow({ windowDays: 90 }, null)).toThrow(UsageError);
    expect(resolveWindow({ windowDays: 90 }, 7)).toEqual({ asOf: 7, windowDays: 90, datedBy: 'activity' });
  });
  it('account ages never count from an import time: from the latest account creation before it (a lower bound), else unknown', () => {
    const created = [120, NaN, 250, 400];
    expect(audienceAsOf({ asOf: 300, windowDays: 90, datedBy: 'import' }, created)).toEqual({ asOf: 250, agesFrom: 'latest-creation' });
    expect(audienceAsOf({ asOf: 300, windowDays: 90, datedBy: 'import' }, [NaN, 400])).toBeNull();
    expect(audienceAsOf({ asOf: 200, windowDays: 90, datedBy: 'follow' }, created)).toEqual({ asOf: 200, agesFrom: 'follow' });
    expect(audienceAsOf({ asOf: 50, windowDays: 90 }, created)).toEqual({ asOf: 50, agesFrom: 'requested' });
  });
});
