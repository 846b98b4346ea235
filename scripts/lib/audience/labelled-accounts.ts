/**
 * Reads ../shared/data/labelled-accounts (Cresci et al. 2017's account lists, profiles
 * fetched in April 2017: Twitter API v1.1 user objects flattened to CSV) into labelled
 * profiles, the engine's account columns and feature rows. Development tooling for fitting
 * and testing the audience model; never shipped (tools/ is outside src/).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { unknownAccountColumns, type AccountColumns } from '../../../src/engine/dataset.js';
import { PROFILE_FEATURES, computeProfileFeatures, readProfileFacts } from '../../../src/engine/audience/features.js';
import type { LabelledSet } from './evaluate.js';
import { parseTime } from '../../../src/import/values.js';

/** 0 real (genuine), 1 fake (bought follower), 2 bot (spambot). */
export type Label = 0 | 1 | 2;

/** The files, their labels and what the dataset's README says they are. */
export const LABELLED_FILES: readonly { file: string; label: Label; description: string }[] = [
  { file: 'genuine.csv', label: 0, description: 'verified humans' },
  { file: 'fake_followers.csv', label: 1, description: 'followers bought from a fake-follower market' },
  { file: 'social_spambots_1.csv', label: 2, description: 'social spambots: retweeters of a political candidate' },
  { file: 'social_spambots_2.csv', label: 2, description: 'social spambots: promoters of apps' },
  { file: 'social_spambots_3.csv', label: 2, description: 'social spambots: promoters of products' },
  { file: 'traditional_spambots_1.csv', label: 2, description: 'traditional spambots: URL spam' },
  { file: 'traditional_spambots_3.csv', label: 2, description: 'traditional spambots' },
  { file: 'traditional_spambots_4.csv', label: 2, description: 'traditional spambots: job spam' },
];

/**
 * The as-of of the profiles: fetched "in April 2017" (README); the middle of the month.
 * Every account in the files was created before 2016-04.
 */
export const LABELLED_AS_OF = Date.UTC(2017, 3, 15);

/** One labelled profile, in the generic accounts table's terms (null / NaN = not given). */
export interface LabelledAccount {
  source: string;
  label: Label;
  id: string;
  handle: string;
  displayName: string | null;
  bio: string;
  url: string;
  location: string;
  followers: number;
  following: number;
  posts: number;
  listed: number;
  likesGiven: number;
  verified: number;
  defaultAvatar: number;
  createdAt: number;
  /** the interface language the account chose (`en`, `it`, ...; '' when not given): for splits, never a feature */
  lang: string;
}

/** 'social_spambots_1.csv' -> 'social_spambots_1' */
const sourceName = (file: string): string => file.replace(/\.csv$/, '');

const num = (v: string | undefined): number => (v === undefined || v.trim() === '' ? NaN : Number(v));
const bool = (v: string | undefined): number => (v === 'True' || v === 'true' || v === '1' ? 1 : v === 'False' || v === 'false' || v === '0' ? 0 : NaN);

/** Reads the labelled files in `dir`, with each file's sha256 and row count. */
export function readLabelledAccounts(dir: string): { accounts: LabelledAccount[]; files: { file: string; label: Label; sha256: string; rows: number }[] } {
  const accounts: LabelledAccount[] = [];
  const files = LABELLED_FILES.map(({ file, label }) => {
    const bytes = fs.readFileSync(path.join(dir, file));
    const rows = parse(bytes, { columns: true, relax_column_count: true, bom: true }) as Record<string, string>[];
    for (const r of rows) {
      const created = r['created_at'] ? parseTime(r['created_at']) : undefined;
      accounts.push({
        source: sourceName(file),
        label,
        id: r['id'] ?? '',
        handle: r['screen_name'] ?? '',
        displayName: (r['name'] ?? r['user_name'] ?? '') || null,
        bio: r['description'] ?? '',
        url: r['url'] ?? '',
        location: r['location'] ?? '',
        followers: num(r['followers_count']),
        following: num(r['friends_count']),
        posts: num(r['statuses_count']),
        listed: num(r['listed_count']),
        likesGiven: num(r['favourites_count']),
        verified: bool(r['verified']),
        defaultAvatar: bool(r['default_profile_image']),
        createdAt: created ?? NaN,
        lang: r['lang'] ?? '',
      });
    }
    return { file, label, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), rows: rows.length };
  });
  return { accounts, files };
}

/** The account's interface language is English (`en`, `en-gb`, ...): the people's group for `balancePeople`, never a feature. */
export const englishInterface = (a: Pick<LabelledAccount, 'lang'>): boolean => a.lang.toLowerCase() === 'en' || a.lang.toLowerCase().startsWith('en-');

/** The engine's account columns for a list of labelled profiles (what the store would give). */
export function toAccountColumns(list: readonly LabelledAccount[]): AccountColumns {
  const n = list.length;
  const f64 = (get: (a: LabelledAccount) => number) => Float64Array.from(list, get);
  return {
    ...unknownAccountColumns(n, 'twitter'),
    handle: list.map((a) => a.handle),
    externalId: list.map((a) => a.id),
    bio: list.map((a) => a.bio),
    displayName: list.map((a) => a.displayName),
    url: list.map((a) => a.url),
    location: list.map((a) => a.location),
    defaultAvatar: f64((a) => a.defaultAvatar),
    likesGiven: f64((a) => a.likesGiven),
    followers: f64((a) => a.followers),
    following: f64((a) => a.following),
    listed: f64((a) => a.listed),
    postsDeclared: f64((a) => a.posts),
    verified: f64((a) => a.verified),
    createdAt: f64((a) => a.createdAt),
  };
}

/**
 * Feature rows with labels and weights: each class weighs the same in total, and within
 * the bots each source file weighs the same (so six bot families count alike, not by how
 * many of each were crawled). Weights sum to the number of examples.
 */
export function toLabelledSet(list: readonly LabelledAccount[], asOf: number | null, options: { archetypes: 'per-source' | 'per-class' } = { archetypes: 'per-class' }): LabelledSet {
  const cols = toAccountColumns(list);
  const sources = [...new Set(list.map((a) => a.source))];
  const perSource = new Map<string, number>();
  for (const a of list) perSource.set(a.source, (perSource.get(a.source) ?? 0) + 1);
  const botSources = new Set(list.filter((a) => a.label === 2).map((a) => a.source)).size;
  const perClass = [0, 0, 0];
  for (const a of list) perClass[a.label]!++;
  const classes = perClass.filter((c) => c > 0).length;
  const raw = list.map((a) => (a.label === 2 ? 1 / (botSources * perSource.get(a.source)!) : 1 / perClass[a.label]!) / classes);
  // one archetype per inauthentic source file (in LABELLED_FILES order), or one per class
  const archetypes =
    options.archetypes === 'per-source'
      ? LABELLED_FILES.filter((f) => f.label !== 0 && list.some((a) => a.source === sourceName(f.file))).map((f) => ({
          name: sourceName(f.file),
          class: f.label === 1 ? ('fake' as const) : ('bot' as const),
          description: f.description,
        }))
      : [
          { name: 'fake_followers', class: 'fake' as const, description: 'followers bought from a fake-follower market' },
          { name: 'spambots', class: 'bot' as const, description: 'social and traditional spambots (six families, each weighing the same)' },
        ].filter((t) => list.some((a) => (t.class === 'fake' ? a.label === 1 : a.label === 2)));
  const archetypeOf = (a: LabelledAccount): number =>
    options.archetypes === 'per-source' ? archetypes.findIndex((t) => t.name === a.source) : archetypes.findIndex((t) => t.class === (a.label === 1 ? 'fake' : 'bot'));
  return {
    x: list.map((_, i) => computeProfileFeatures(readProfileFacts(cols, i, asOf), new Float64Array(PROFILE_FEATURES.length))),
    y: Uint8Array.from(list, (a) => (a.label === 0 ? 0 : 1 + archetypeOf(a))),
    archetypes,
    weight: Float64Array.from(raw, (w) => w * list.length),
    source: Uint16Array.from(list, (a) => sources.indexOf(a.source)),
    sources,
    key: list.map((a) => `${a.source}:${a.id}`),
    peopleGroup: Uint8Array.from(list, (a) => (englishInterface(a) ? 0 : 1)),
  };
}
