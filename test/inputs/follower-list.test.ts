import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFollowerList } from '../../src/inputs/follower-list.js';
import { tempDir } from '../helpers/cli.js';

function write(name: string, text: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('readFollowerList', () => {
  it('reads a CSV with a handle column and keeps the other columns', () => {
    const list = readFollowerList(write('f.csv', 'Name,Handle,Segment\n"Doe, Jane",@jane,vip\nBob,https://x.com/bob,\nJane again,JANE,\n'));
    expect(list.extraColumns).toEqual(['Name', 'Segment']);
    expect(list.entries.map((e) => [e.handle, e.network, e.line, e.extra])).toEqual([
      ['jane', undefined, 2, { Name: 'Doe, Jane', Segment: 'vip' }],
      ['bob', 'twitter', 3, { Name: 'Bob', Segment: '' }],
    ]);
    expect(list.duplicates.map((d) => d.line)).toEqual([4]);
  });

  it('reads one handle per line, skipping blanks and # comments', () => {
    const list = readFollowerList(write('f.txt', '# exported 2026-03-01\n@alice\n\nmastodon:bob@mastodon.social\r\n'));
    expect(list.entries.map((e) => `${e.network ?? ''}:${e.handle}@${e.line}`)).toEqual([':alice@2', 'mastodon:bob@mastodon.social@4']);
  });

  it('names the line of something that is not a handle', () => {
    expect(() => readFollowerList(write('f.txt', '@alice\nnot a handle\n'))).toThrow(/not a handle/);
    try {
      readFollowerList(write('f.txt', '@alice\nnot a handle\n'));
    } catch (err) {
      expect((err as { detail: { line: number } }).detail.line).toBe(2);
    }
  });
});
