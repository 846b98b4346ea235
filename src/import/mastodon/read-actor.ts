/** `actor.json`: the archive owner's profile (an ActivityPub actor). No follower counts exist in it. */
import type { AccountRecord, RecordSink } from '../../store/records.js';
import type { SourceEntry } from '../source.js';
import { hostOf, mastodonRef, normalizeAddress } from './addresses.js';
import { convertHtmlToText } from './html-to-text.js';
import { isObject, parseIsoTime, readJsonEntry, stringField } from './read-json-entry.js';

/**
 * Converts a parsed actor to the owner's AccountRecord: handle `preferredUsername@host`
 * with the host of the actor `id` (else of `url`). Follower, following and post counts
 * are left undefined: an archive does not declare them (the outbox gives `posts`).
 *
 * Profile evidence for the audience audit: `url` is the owner's website, the first profile
 * field (`attachment` PropertyValue) whose value is a link, '' when the actor has fields
 * but none links out; the actor's own `url` is its profile page on the instance, which
 * every account has, so it says nothing. `defaultAvatar`: Mastodon's actor serializer
 * writes `icon` only when the account has uploaded a picture, so no `icon` means the
 * default one.
 */
export function convertActor(actor: unknown): { record: AccountRecord } | { field: string; reason: string; expected: string } {
  if (!isObject(actor)) return { field: '', reason: 'is not a JSON object', expected: 'an ActivityPub actor object' };
  const username = stringField(actor, 'preferredUsername');
  if (!username) return { field: 'preferredUsername', reason: 'is missing', expected: "the account's user name, e.g. 'alice'" };
  const url = stringField(actor, 'url');
  const host = hostOf(stringField(actor, 'id') ?? '') ?? hostOf(url ?? '');
  if (!host) return { field: 'id', reason: 'is missing or not a URL', expected: "the actor URI, e.g. 'https://mastodon.social/users/alice'" };
  const handle = normalizeAddress(`${username}@${host}`);
  if (!handle) return { field: 'preferredUsername', reason: `'${username}@${host}' is not a valid address`, expected: 'user@host' };

  const record: AccountRecord = { type: 'account', ref: mastodonRef(handle) };
  const name = stringField(actor, 'name');
  if (name) record.displayName = name;
  const summary = stringField(actor, 'summary');
  if (summary) record.bio = convertHtmlToText(summary);
  const website = readWebsite(actor['attachment']);
  if (website !== undefined) record.url = website;
  const icon = actor['icon'];
  record.defaultAvatar = !(isObject(icon) && typeof icon['url'] === 'string' && icon['url'] !== '');
  const createdAt = parseIsoTime(actor['published']);
  if (createdAt !== undefined) record.createdAt = createdAt;
  return { record };
}

/** The first http(s) link among the profile fields; '' when there are fields but no link; undefined without fields. */
function readWebsite(attachment: unknown): string | undefined {
  if (!Array.isArray(attachment)) return undefined;
  for (const field of attachment) {
    if (!isObject(field) || field['type'] !== 'PropertyValue') continue;
    const m = /href="(https?:\/\/[^"]+)"/.exec(stringField(field, 'value') ?? '');
    if (m) return m[1]!.replace(/&amp;/g, '&');
  }
  return '';
}

/** Reads `actor.json`; reports a problem and returns undefined when it is unreadable. */
export async function readActor(entry: SourceEntry, sink: RecordSink): Promise<AccountRecord | undefined> {
  const parsed = await readJsonEntry(entry, sink, 'an ActivityPub actor object (Mastodon actor.json)');
  if (parsed === undefined) return undefined;
  const result = convertActor(parsed);
  if ('record' in result) return result.record;
  sink.problem({ file: entry.displayPath, field: result.field || undefined, reason: result.reason, expected: result.expected, fix: 'use the actor.json of an unmodified Mastodon archive' });
  return undefined;
}
