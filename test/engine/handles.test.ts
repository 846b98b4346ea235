/** Issue 13, item 14: finding yourself by the name you know (a Mastodon local part, a prefix). */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { indexHandles, resolveHandle } from '../../src/engine/handles.js';
import { DatasetBuilder } from '../../tools/sim/dataset-builder.js';

function accounts() {
  const b = new DatasetBuilder();
  b.account({ handle: 'dealingwith@indieweb.social', network: 'mastodon' });
  b.account({ handle: 'milahu104', network: 'twitter' });
  b.account({ handle: 'milahu2000', network: 'twitter' });
  b.account({ handle: 'sam@one.example', network: 'mastodon' });
  b.account({ handle: 'sam@two.example', network: 'mastodon' });
  b.account({ handle: 'bob', network: 'twitter' });
  b.account({ handle: 'bob@bob.example', network: 'mastodon' });
  const a = b.build().accounts;
  return { a, index: indexHandles(a) };
}

function usageError(f: () => unknown): UsageError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return err as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('resolveHandle', () => {
  it('resolves a unique local part of a Mastodon address', () => {
    const { a, index } = accounts();
    expect(a.handle[resolveHandle(a, index, '@dealingwith')]).toBe('dealingwith@indieweb.social');
    expect(a.handle[resolveHandle(a, index, 'DealingWith')]).toBe('dealingwith@indieweb.social');
    expect(a.handle[resolveHandle(a, index, 'mastodon:dealingwith')]).toBe('dealingwith@indieweb.social');
  });

  it('an exact handle wins over a local part; several local parts are listed to choose from', () => {
    const { a, index } = accounts();
    expect(a.handle[resolveHandle(a, index, 'bob')]).toBe('bob');
    const e = usageError(() => resolveHandle(a, index, 'sam'));
    expect(e.message).toContain('@sam matches several accounts');
    expect(e.message).toContain('mastodon:sam@one.example');
    expect(e.message).toContain('mastodon:sam@two.example');
    expect(e.fix).toContain('mastodon:sam@one.example');
  });

  it('suggests handles that start with what was typed, before close spellings', () => {
    const { a, index } = accounts();
    const e = usageError(() => resolveHandle(a, index, '@milahu'));
    expect(e.message).toBe('unknown handle @milahu');
    expect(e.fix).toBe('did you mean @milahu104, @milahu2000?');
    expect(usageError(() => resolveHandle(a, index, 'dealing')).fix).toContain('@dealingwith@indieweb.social');
    expect(usageError(() => resolveHandle(a, index, 'bobb')).fix).toContain('@bob');
  });
});
