/**
 * Writes labelled profiles as the product's generic tables (README "Generic tables"): an
 * accounts CSV with the profile columns and a follows CSV in which every profile follows
 * one audited account. The held-back check's route: import these, then `audit --json`.
 * Used by the held-back-route test and the audit benchmark; never shipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LabelledAccount } from '../../scripts/lib/audience/labelled-accounts.js';

const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const num = (v: number): string => (Number.isFinite(v) ? String(v) : '');
const bool = (v: number): string => (v === 1 ? 'true' : v === 0 ? 'false' : '');

/** The accounts header: the generic names, profile columns included. */
export const ACCOUNTS_HEADER = ['handle', 'id', 'display_name', 'bio', 'followers', 'following', 'posts', 'listed', 'likes_given', 'verified', 'created_at', 'default_avatar', 'url', 'location'];

/** One accounts row. */
export function accountRow(a: LabelledAccount): string {
  return [
    quote(a.handle),
    quote(a.id),
    quote(a.displayName ?? ''),
    quote(a.bio),
    num(a.followers),
    num(a.following),
    num(a.posts),
    num(a.listed),
    num(a.likesGiven),
    bool(a.verified),
    Number.isFinite(a.createdAt) ? new Date(a.createdAt).toISOString() : '',
    bool(a.defaultAvatar),
    quote(a.url),
    quote(a.location),
  ].join(',');
}

/** Writes accounts.csv and follows.csv (everyone follows `target`) into `dir`; returns their paths. */
export function writeGenericAudience(list: readonly LabelledAccount[], dir: string, target: string): { accounts: string; follows: string } {
  fs.mkdirSync(dir, { recursive: true });
  const accounts = path.join(dir, 'accounts.csv');
  const follows = path.join(dir, 'follows.csv');
  fs.writeFileSync(accounts, [ACCOUNTS_HEADER.join(','), ...list.map(accountRow)].join('\n') + '\n');
  fs.writeFileSync(follows, ['follower,followee', ...list.map((a) => `${quote(a.handle)},${quote(target)}`)].join('\n') + '\n');
  return { accounts, follows };
}
