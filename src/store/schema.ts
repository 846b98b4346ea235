/**
 * The database schema, as an ordered list of migrations. `PRAGMA user_version` holds the
 * number of migrations applied; opening a database applies the missing ones in order.
 * A migration is never edited once released: schema changes are new entries.
 *
 * Conventions: platform ids are TEXT; times are INTEGER Unix epoch milliseconds (UTC);
 * counts that an export may not give are NULL (missing), never 0.
 */
import type Database from 'better-sqlite3';
import { decodeEntities } from '../html-entities.js';
import { addTargetPostIds } from './target-posts.js';

/** SQL to run, or a function for a data migration SQL cannot express. */
export type Migration = string | ((db: Database.Database) => void);

/**
 * Twitter text and bios imported before the importer decoded HTML entities ("&gt; quote",
 * "R&amp;D") are decoded once, as the importer now does at import.
 */
function decodeTwitterEntities(db: Database.Database): void {
  const posts = db.prepare(`SELECT p.id, p.text FROM posts p WHERE p.network = 'twitter' AND p.text LIKE '%&%;%'`).all() as { id: number; text: string }[];
  const setText = db.prepare('UPDATE posts SET text = ? WHERE id = ?');
  for (const p of posts) {
    const text = decodeEntities(p.text);
    if (text !== p.text) setText.run(text, p.id);
  }
  const bios = db.prepare(`SELECT id, bio FROM accounts WHERE network = 'twitter' AND bio LIKE '%&%;%'`).all() as { id: number; bio: string }[];
  const setBio = db.prepare('UPDATE accounts SET bio = ? WHERE id = ?');
  for (const a of bios) {
    const bio = decodeEntities(a.bio);
    if (bio !== a.bio) setBio.run(bio, a.id);
  }
}
export const MIGRATIONS: readonly Migration[] = [
  /* 1: the core data model */ `
  CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    network       TEXT NOT NULL,
    handle        TEXT,              -- as last seen, without '@'
    handle_key    TEXT,              -- lower case, for lookups (handles are case-insensitive)
    external_id   TEXT,
    display_name  TEXT,
    bio           TEXT,
    url           TEXT,
    followers     INTEGER,
    following     INTEGER,
    posts         INTEGER,
    listed        INTEGER,
    verified      INTEGER,
    created_at    INTEGER,
    mentions_received REAL,
    reshares_received REAL,
    replies_received  REAL,
    likes_received    REAL,
    mentions_sent     REAL,
    reshares_sent     REAL,
    window_days   INTEGER
  );
  CREATE UNIQUE INDEX accounts_by_handle ON accounts(network, handle_key) WHERE handle_key IS NOT NULL;
  CREATE UNIQUE INDEX accounts_by_external_id ON accounts(network, external_id) WHERE external_id IS NOT NULL;

  CREATE TABLE posts (
    id            INTEGER PRIMARY KEY,
    network       TEXT NOT NULL,
    external_id   TEXT NOT NULL,
    author_id     INTEGER NOT NULL REFERENCES accounts(id),
    created_at    INTEGER NOT NULL,
    text          TEXT,
    lang          TEXT,
    kind          TEXT NOT NULL,     -- original | reply | reshare | quote
    reply_to_post TEXT,              -- external id of the post replied to
    reshare_of_post TEXT,
    quote_of_post TEXT,
    hashtags      INTEGER NOT NULL DEFAULT 0,   -- number of hashtags
    words         INTEGER NOT NULL DEFAULT 0,   -- number of words (hashtags excluded)
    likes         INTEGER,           -- declared counts; NULL when the export has none
    reshares      INTEGER,
    replies       INTEGER,
    visibility    TEXT
  );
  CREATE UNIQUE INDEX posts_by_external_id ON posts(network, external_id);
  CREATE INDEX posts_by_author_time ON posts(author_id, created_at);

  -- One row per engagement event; the primary key is the event's natural key, so a
  -- re-import, or the same event given both as a post and as an interaction, is one row.
  -- event_key: the source post id for replies, reshares, quotes and mentions; the target
  -- post id for likes; else 't:' || time. target_id 0 = the export does not say (a Twitter
  -- like names the tweet, not its author); no foreign keys here, for bulk-load speed: the
  -- import orchestrator is the only writer and always resolves ids first.
  -- WITHOUT ROWID + inserts sorted by actor: measured 1.3 s per million rows vs 3-9 s
  -- for a rowid table with secondary indexes (see bench/import.ts).
  CREATE TABLE interactions (
    actor_id      INTEGER NOT NULL,
    kind          TEXT NOT NULL,     -- reply | reshare | quote | mention | like | follow | unfollow
    event_key     TEXT NOT NULL,
    target_id     INTEGER NOT NULL,
    created_at    INTEGER,           -- NULL when the export gave no time
    source_post   TEXT,
    target_post   TEXT,
    PRIMARY KEY (actor_id, kind, event_key, target_id)
  ) WITHOUT ROWID;

  CREATE TABLE follows (
    follower_id   INTEGER NOT NULL REFERENCES accounts(id),
    followee_id   INTEGER NOT NULL REFERENCES accounts(id),
    created_at    INTEGER,
    PRIMARY KEY (follower_id, followee_id)
  ) WITHOUT ROWID;
  CREATE INDEX follows_by_followee ON follows(followee_id);

  CREATE TABLE identities (
    identity      TEXT NOT NULL,
    account_id    INTEGER NOT NULL REFERENCES accounts(id),
    PRIMARY KEY (identity, account_id)
  ) WITHOUT ROWID;

  CREATE TABLE imports (
    id            INTEGER PRIMARY KEY,
    path          TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    format        TEXT NOT NULL,
    bytes         INTEGER NOT NULL,
    counts        TEXT NOT NULL,     -- JSON: records read per type, rows added per table, skipped
    imported_at   INTEGER NOT NULL
  );

  -- Scoring runs: never rewritten; a new model version or as-of date is a new run.
  CREATE TABLE runs (
    id            INTEGER PRIMARY KEY,
    model_version TEXT NOT NULL,
    as_of         INTEGER NOT NULL,
    window_days   INTEGER NOT NULL,
    created_at    INTEGER NOT NULL,
    accounts      INTEGER NOT NULL
  );
  CREATE TABLE scores (
    run_id        INTEGER NOT NULL REFERENCES runs(id),
    account_id    INTEGER NOT NULL REFERENCES accounts(id),
    score         REAL NOT NULL,
    reach         REAL NOT NULL,
    amplification REAL NOT NULL,
    network       REAL NOT NULL,
    confidence    REAL NOT NULL,
    detail        TEXT NOT NULL,     -- JSON: contributions and flags, as shown
    PRIMARY KEY (run_id, account_id)
  ) WITHOUT ROWID;
  CREATE INDEX scores_by_account ON scores(account_id, run_id);
  CREATE TABLE topic_scores (
    run_id        INTEGER NOT NULL REFERENCES runs(id),
    account_id    INTEGER NOT NULL REFERENCES accounts(id),
    topic_id      TEXT NOT NULL,
    score         REAL NOT NULL,
    detail        TEXT NOT NULL,     -- JSON: evidence
    PRIMARY KEY (run_id, account_id, topic_id)
  ) WITHOUT ROWID;
  CREATE TABLE flags (
    run_id        INTEGER NOT NULL REFERENCES runs(id),
    account_id    INTEGER NOT NULL REFERENCES accounts(id),
    code          TEXT NOT NULL,
    severity      REAL NOT NULL,
    evidence      TEXT NOT NULL,     -- JSON
    PRIMARY KEY (run_id, account_id, code)
  ) WITHOUT ROWID;
  `,
  /* 2: Twitter text as written (HTML entities decoded, issue 11) */ decodeTwitterEntities,
  /* 3: profile columns for the audience audit (issue 12), and declared counts per import */ `
  ALTER TABLE accounts ADD COLUMN default_avatar INTEGER;   -- 1 = the network's default picture, 0 = own picture, NULL = not known
  ALTER TABLE accounts ADD COLUMN location TEXT;            -- '' = known to be empty, NULL = not known
  ALTER TABLE accounts ADD COLUMN likes_given INTEGER;      -- likes (favourites) the account gave, all time
  -- The declared counts an import saw, one row per account and import where they changed:
  -- a follower series from successive imports, dated by the import.
  CREATE TABLE account_snapshots (
    account_id    INTEGER NOT NULL REFERENCES accounts(id),
    observed_at   INTEGER NOT NULL,
    followers     INTEGER,
    following     INTEGER,
    posts         INTEGER,
    PRIMARY KEY (account_id, observed_at)
  ) WITHOUT ROWID;
  `,
  /* 4: one identity per account, and who decided it (issue 14: influence identity link/unlink) */ `
  -- An account belongs to at most one identity (account_id is the key). source: 'import'
  -- (a generic accounts table's identity column) or 'hand' (influence identity link/unlink);
  -- a hand decision stands against later imports (store/identities.ts). identity NULL: the
  -- account was unlinked by hand and stands alone. An account that version 3 held in
  -- several identities keeps the first name in byte order.
  CREATE TABLE identities_v4 (
    account_id    INTEGER PRIMARY KEY REFERENCES accounts(id),
    identity      TEXT,
    source        TEXT NOT NULL CHECK (source IN ('import', 'hand')),
    CHECK (identity IS NOT NULL OR source = 'hand')
  );
  INSERT INTO identities_v4 (account_id, identity, source) SELECT account_id, min(identity), 'import' FROM identities GROUP BY account_id;
  DROP TABLE identities;
  ALTER TABLE identities_v4 RENAME TO identities;
  CREATE INDEX identities_by_name ON identities(identity) WHERE identity IS NOT NULL;
  `,
  /* 5: what a run is of: its population and the data it read (issue 13: identical runs stored once, movement against the same population) */ `
  ALTER TABLE runs ADD COLUMN population TEXT;   -- which accounts: 'all', 'topic:<id>', 'list:<hash>', 'accounts:<hash>'; NULL before this migration
  ALTER TABLE runs ADD COLUMN data TEXT;         -- the data read, as JSON: import log length and last id, rows per table; NULL before
  ALTER TABLE runs ADD COLUMN detail_keys TEXT;  -- JSON array of the names scores.detail refers to by index (store/runs.ts); NULL: detail names them in full
  CREATE INDEX runs_by_scope ON runs(model_version, window_days, population, id);
  `,
  /* 6: which of an account's own lists an import holds complete (store/records.ts OwnLists;
        bits as engine/dataset.ts LISTS: 1 followers, 2 following, 4 posts, 8 reception) */ `
  ALTER TABLE accounts ADD COLUMN lists INTEGER NOT NULL DEFAULT 0;
  `,
  /* 7: each interaction's target post resolved once, at import (store/target-posts.ts: the
        score read probed the posts index for every row, three quarters of its time at 10M) */ addTargetPostIds,
  /* 8: a stored score keeps its 80% interval (history shows each past score with it), and
        no longer its itemisation: from this migration on, scores.detail is written '' and
        runs.detail_keys NULL. Why: no command read the stored itemisation back, and making
        it was three quarters of storing a run (about 1.8 of 2.6 s per 100k scores). Older
        runs keep theirs as written (JSON text, or a binary record naming features by index
        into runs.detail_keys). */ `
  ALTER TABLE scores ADD COLUMN low REAL;   -- the score's 80% interval as shown; NULL for runs stored before this migration
  ALTER TABLE scores ADD COLUMN high REAL;
  `,
];
