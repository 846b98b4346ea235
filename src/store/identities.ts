/**
 * The identities table: which accounts are one person across networks (issue 14). One row
 * per account at most (an account belongs to at most one identity), written from two
 * places that share these rows:
 *   - an import: a generic accounts table's `identity` column (source 'import');
 *   - by hand: `influence identity link NAME ACCOUNT...` and `unlink` (source 'hand').
 *
 * When they disagree, the hand decision stands: an import's declaration is applied to an
 * account nobody decided about by hand (added), moves an account an earlier import put in
 * another identity (the later import wins, as a later link does), and is not applied to an
 * account linked or unlinked by hand (counted as kept; the import summary says so). A hand
 * link moves an account from any identity. A hand unlink leaves a row with identity NULL,
 * so that re-importing the file that declared the link does not quietly undo the unlink;
 * `identity link` is the way back.
 */
import type { Db } from './open.js';
import { writeTransaction } from './open.js';

/** Who wrote a row: an import's identity column, or identity link/unlink. */
export type IdentitySource = 'import' | 'hand';

/** One row of the identities table. */
export interface IdentityRow {
  accountId: number;
  /** null: unlinked by hand (the account stands alone) */
  identity: string | null;
  source: IdentitySource;
}

/** Applies an import's identity declarations (see the module doc), counting moves and declarations kept out by a hand decision. */
export function createIdentityDeclarer(db: Db): { declare(accountId: number, identity: string): void; readonly moved: number; readonly kept: number } {
  const read = db.prepare('SELECT identity, source FROM identities WHERE account_id = ?');
  const insert = db.prepare("INSERT INTO identities (account_id, identity, source) VALUES (?, ?, 'import')");
  const move = db.prepare('UPDATE identities SET identity = ? WHERE account_id = ?');
  let moved = 0;
  let kept = 0;
  return {
    declare(accountId, identity) {
      const row = read.get(accountId) as { identity: string | null; source: IdentitySource } | undefined;
      if (!row) insert.run(accountId, identity);
      else if (row.identity === identity) return;
      else if (row.source === 'hand') kept++;
      else {
        move.run(identity, accountId);
        moved++;
      }
    },
    get moved() {
      return moved;
    },
    get kept() {
      return kept;
    },
  };
}

/** Every row, unlinked ones included, by identity name (byte order) then account id. */
export function readIdentityRows(db: Db): IdentityRow[] {
  return db
    .prepare('SELECT account_id AS accountId, identity, source FROM identities ORDER BY identity IS NULL, identity, account_id')
    .all() as IdentityRow[];
}

/** What a link did to one account. */
export interface LinkChange {
  accountId: number;
  /** added: in no identity before; moved: taken from `from`; unchanged: already in it */
  change: 'added' | 'moved' | 'unchanged';
  /** the identity it was in (moved), else null */
  from: string | null;
}

/**
 * Puts the accounts in identity `name`, by hand, in one transaction: each leaves any other
 * identity it was in. An account already in `name` by an import becomes a hand link too
 * (so a later import cannot move it).
 */
export function linkAccounts(db: Db, name: string, accountIds: readonly number[]): LinkChange[] {
  return writeTransaction(db, () => {
    const read = db.prepare('SELECT identity FROM identities WHERE account_id = ?').pluck();
    const upsert = db.prepare(
      `INSERT INTO identities (account_id, identity, source) VALUES (?, ?, 'hand')
       ON CONFLICT (account_id) DO UPDATE SET identity = excluded.identity, source = 'hand'`,
    );
    return accountIds.map((accountId): LinkChange => {
      const before = read.get(accountId) as string | null | undefined;
      upsert.run(accountId, name);
      if (before === name) return { accountId, change: 'unchanged', from: null };
      return before === undefined || before === null ? { accountId, change: 'added', from: null } : { accountId, change: 'moved', from: before };
    });
  });
}

/**
 * Takes accounts out of identity `name` by hand, in one transaction (all of its accounts
 * when `accountIds` is null); returns the account ids taken out. Accounts not in `name`
 * are left as they are (the caller reports them).
 */
export function unlinkAccounts(db: Db, name: string, accountIds: readonly number[] | null): number[] {
  return writeTransaction(db, () => {
    const members = db.prepare('SELECT account_id FROM identities WHERE identity = ? ORDER BY account_id').pluck().all(name) as number[];
    const wanted = accountIds === null ? members : members.filter((id) => accountIds.includes(id));
    const unlink = db.prepare("UPDATE identities SET identity = NULL, source = 'hand' WHERE account_id = ?");
    for (const id of wanted) unlink.run(id);
    return wanted;
  });
}
