/**
 * Files given to commands other than import, tried as an attacker would: an expectations or
 * model file nested 100,000 deep ("internal error: Maximum call stack size exceeded"
 * before), and follower lists with CR-only line endings or in UTF-16 (an export from a
 * spreadsheet or an old Mac), which were read as one unreadable line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFollowerList } from '../../src/inputs/follower-list.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { writeScoreFixture } from '../helpers/score-fixture.js';

let dir = '';
let db = '';
beforeAll(() => {
  dir = tempDir();
  db = writeScoreFixture(dir);
});

const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

describe('JSON files nested 100,000 deep', () => {
  it.each([
    ['check', (f: string) => ['check', f]],
    ['--model', (f: string) => ['score', '--all', '--no-save', '--model', f]],
    ['--audience-model', (f: string) => ['audit', '@alice', '--audience-model', f]],
  ])('%s: an input error naming the file, not an internal error', async (_label, args) => {
    const file = path.join(dir, 'deep.json');
    fs.writeFileSync(file, deep);
    const r = await runCli(['--db', db, ...args(file)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('deep.json');
    expect(r.stderr).not.toContain('internal error');
  });
});

describe('follower lists', () => {
  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  it.each([
    ['CR-only, one handle per line', 'plain.txt', '@alice\r@bob\r'],
    ['CR-only CSV with a BOM', 'cr.csv', '\uFEFFhandle,note\r@alice,x\r@bob,y\r'],
    ['UTF-16LE with a byte-order mark', 'u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('handle\r\n@alice\r\n@bob\r\n', 'utf16le')])],
    ['UTF-16BE with a byte-order mark', 'u16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('handle\n@alice\n@bob\n', 'utf16le').swap16()])],
  ])('%s', (_label, name, content) => {
    const list = readFollowerList(write(name, content));
    expect(list.entries.map((e) => e.input.replace(/^@/, ''))).toEqual(['alice', 'bob']);
  });
});
