import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterByFormat } from '../../src/import/registry.js';

describe('adapter registry', () => {
  it('each entry loads the adapter it names, with the same description and detection', async () => {
    for (const entry of ADAPTERS) {
      const adapter = await entry.load();
      expect(adapter.format).toBe(entry.format);
      expect(adapter.description).toBe(entry.description);
      // detection before loading is the loaded adapter's own (the generic tables are loaded already and wrapped)
      if (!['csv', 'json', 'ndjson'].includes(entry.format)) expect(adapter.detect).toBe(entry.detect);
    }
  });

  it('lists each format once, in detection order, archives before the generic tables', () => {
    const formats = ADAPTERS.map((a) => a.format);
    expect(new Set(formats).size).toBe(formats.length);
    expect(formats).toEqual(['twitter', 'mastodon', 'instagram', 'threads', 'tiktok', 'linkedin', 'mastodon-following', 'bluesky', 'csv', 'json', 'ndjson']);
    expect(adapterByFormat('MASTODON')?.format).toBe('mastodon');
    expect(adapterByFormat('xml')).toBeUndefined();
  });
});
