/**
 * Views of an import summary: per source what was read (interactions by kind), its owner
 * and notes; then what was added, changed and derived. What was left out ("not imported")
 * is a message for stderr, grouped by why (renderNotImported), not part of the summary.
 */
import type { Theme } from './output-mode.js';
import { cleanText } from './sanitize.js';
import { renderIdentityOutcome } from './identity-view.js';
import { countNoun, formatCount } from './counts.js';


/** An account an import names as an export's owner. */
export interface OwnerView {
  network: string;
  handle?: string | null;
  externalId?: string | null;
}

/** What an import reports (the fields this view shows of import/run-import.ts's summary). */
export interface ImportSummaryView {
  sources: {
    path: string;
    format: string;
    read: Record<string, number>;
    /** interaction records read, by kind */
    readInteractions?: Record<string, number | undefined>;
    alreadyImported: boolean;
    owners: OwnerView[];
    notices: { name: string; message: string }[];
    skippedRows: number;
    skippedFiles: { name: string; reason: string }[];
  }[];
  added: { accounts: number; posts: number; interactions: number; follows: number; merged: number };
  /** rows that existed before and that the import changed */
  updated?: { accounts: number; posts: number; follows: number };
  /** interactions derived from posts, by kind */
  derived?: Record<string, number | undefined>;
  skippedRows: number;
  firstProblems: { file?: string; line?: number; record?: number; field?: string; reason: string }[];
}

/** Singular and plural names of what imports count. */
const NOUNS: Record<string, [string, string]> = {
  account: ['account', 'accounts'],
  post: ['post', 'posts'],
  interaction: ['interaction', 'interactions'],
  follow: ['follow', 'follows'],
  reply: ['reply', 'replies'],
  reshare: ['reshare', 'reshares'],
  quote: ['quote', 'quotes'],
  mention: ['mention', 'mentions'],
  like: ['like', 'likes'],
  unfollow: ['unfollow event', 'unfollow events'],
  row: ['invalid row', 'invalid rows'],
};

/** '1 account', '2,045 posts' (the noun in its singular or plural). */
export function countOf(n: number, noun: string): string {
  const [one, many] = NOUNS[noun] ?? [noun, `${noun}s`];
  return countNoun(n, one, many);
}

/** 'replies, mentions and reshares' */
function listWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** `network:handle (id)`, or the id alone when the export names no handle. */
function showOwner(o: OwnerView): string {
  if (o.handle && o.externalId) return `${o.network}:${o.handle} (${o.externalId})`;
  if (o.handle) return `${o.network}:${o.handle}`;
  return `${o.network}:${o.externalId ?? '?'} (no handle in the export)`;
}

/** What a source read: interactions by kind where the summary has them ('6,708 likes'). */
function describeRead(src: ImportSummaryView['sources'][number]): string {
  const parts: string[] = [];
  for (const [type, n] of Object.entries(src.read)) {
    if (n <= 0) continue;
    const kinds = type === 'interaction' && src.readInteractions ? Object.entries(src.readInteractions).filter(([, k]) => (k ?? 0) > 0) : [];
    if (kinds.length) for (const [kind, k] of kinds) parts.push(kind === 'follow' ? countOf(k!, 'follow event') : countOf(k!, kind));
    else parts.push(countOf(n, type));
  }
  return parts.join(', ') || 'nothing';
}

/** An import summary as text: per source what was read, its owner and notes; then what was added and changed. */
export function renderImportSummary(s: ImportSummaryView, theme: Theme): string {
  const { chalk } = theme;
  const lines: string[] = [];
  for (const src of s.sources) {
    lines.push(`${chalk.bold(cleanText(src.path))} (${src.format}): read ${describeRead(src)}${src.alreadyImported ? chalk.dim(' (imported before: same sha256)') : ''}`);
    for (const o of src.owners) lines.push(`  owner: ${cleanText(showOwner(o))}`);
    for (const n of src.notices) lines.push(chalk.yellow(`  note: ${cleanText(n.name)}: ${cleanText(n.message)}`));
    if (src.skippedRows) lines.push(chalk.yellow(`  skipped ${countOf(src.skippedRows, 'row')}`));
  }
  const a = s.added;
  const derivedKinds = Object.entries(s.derived ?? {})
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([kind]) => NOUNS[kind]?.[1] ?? kind);
  const derived = derivedKinds.length && a.interactions > 0 ? ` (with ${listWords(derivedKinds)} derived from posts)` : '';
  const u = s.updated;
  const updated = u ? [u.accounts ? countOf(u.accounts, 'account') : '', u.posts ? countOf(u.posts, 'post') : '', u.follows ? countOf(u.follows, 'follow') : ''].filter(Boolean) : [];
  lines.push(
    `added ${countOf(a.accounts, 'account')}, ${countOf(a.posts, 'post')}, ${countOf(a.interactions, 'interaction')}${derived}, ${countOf(a.follows, 'follow')}` +
      `; updated ${updated.length ? updated.join(', ') : 'nothing'}` +
      (a.merged ? `; merged ${countOf(a.merged, 'account')} known by id and by handle` : ''),
  );
  if (s.skippedRows) {
    lines.push(chalk.yellow(`skipped ${countOf(s.skippedRows, 'row')}; first reasons:`));
    for (const p of s.firstProblems) {
      const where = [p.file, p.line !== undefined ? `line ${p.line}` : '', p.record !== undefined ? `record ${p.record}` : ''].filter(Boolean).join(':');
      lines.push(`  ${cleanText(where)}: ${p.field ? `${cleanText(p.field)}: ` : ''}${cleanText(p.reason)}`);
    }
  }
  lines.push(...renderIdentityOutcome(s.added, theme));
  return lines.join('\n');
}

/**
 * Why files or records were left out, as the groups the "not imported" line counts: the first
 * pattern a reason matches names its group, so the narrower patterns come first ("archived
 * posts are hidden" is an archived post, not a hidden account). A reason no pattern knows is
 * counted as "other"; --json always has each reason in full.
 */
const SKIP_GROUPS: readonly [RegExp, string][] = [
  [/chat settings/i, 'chat settings'],
  [/direct message/i, 'direct messages'],
  [/media/i, 'media'],
  [/block|mute/i, 'blocks and mutes'],
  [/bookmark|saved (?:items|threads)|favourites/i, 'bookmarks and saved items'],
  [/advertis/i, 'advertising'],
  [/profile (?:image|photo)/i, 'profile images'],
  [/documentation/i, 'documentation'],
  [/deleted/i, 'deleted posts'],
  [/archived/i, 'archived posts'],
  [/\bstor(?:y|ies)\b/i, 'stories'], // not the 'story' in 'history'
  [/columns not used/i, 'unused columns'],
  [/outside/i, 'outside the export folder'],
  [/activit(?:y|ies) of type/i, 'other activities'],
  [/curation/i, 'lists and curation'],
  [/viewing history|search history|LIVE history/i, 'viewing and search history'],
  [/purchases/i, 'purchases'],
  [/requests|invitations/i, 'requests and invitations'],
  [/repeat a post already read/i, 'repeated rows'],
  [/hidden or closed accounts/i, 'hidden accounts'],
  [/collection influence does not read/i, 'collections not read'],
  [/not used by influence/i, 'not used'],
];

/** How many things a skipped entry stands for: its leading count ('60 files: ...', '3 direct messages ...'), else 1. */
function countInReason(reason: string): number {
  const m = /^(\d[\d,]*) /.exec(reason);
  return m ? Number(m[1]!.replace(/,/g, '')) : 1;
}

/**
 * The files and records a source left out, grouped by why, on one line (null when none):
 * 'not imported: 68 (media 60, direct messages 3, blocks and mutes 2, ...); --json lists each'.
 */
export function renderNotImported(src: { path: string; skippedFiles: { name: string; reason: string }[] }): string | null {
  if (src.skippedFiles.length === 0) return null;
  const groups = new Map<string, number>();
  let total = 0;
  for (const f of src.skippedFiles) {
    const group = SKIP_GROUPS.find(([re]) => re.test(f.reason))?.[1] ?? 'other';
    const n = countInReason(f.reason);
    groups.set(group, (groups.get(group) ?? 0) + n);
    total += n;
  }
  const parts = [...groups].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([g, n]) => `${g} ${formatCount(n)}`);
  return `${cleanText(src.path)}: not imported: ${formatCount(total)} (${parts.join(', ')}); --json lists each with the reason`;
}
