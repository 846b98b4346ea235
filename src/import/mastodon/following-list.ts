/**
 * Mastodon's `following_accounts.csv`. Current exports have the header
 * `Account address,Show boosts,Notify on new posts,Languages` (older ones stop after
 * `Show boosts`; Languages may be a quoted list "en,fr"); 2017 exports have no header and
 * one column of addresses; blank lines occur. Mastodon's other account CSVs look alike and
 * are NOT follows: `muted_accounts.csv` (`Account address,Hide notifications`), block
 * imports (`Account address,Stealth`), `lists.csv` (no header, `list name,address`) and
 * `blocked_accounts.csv` (no header, one column, like a 2017 following list: told apart by
 * its name only).
 */
import { parse } from 'csv-parse';
import type { AccountRef, FollowRecord, RecordSink, RowProblem } from '../../store/records.js';
import type { SourceEntry } from '../source.js';
import { mastodonRef, normalizeAddress } from './addresses.js';
import { ADDRESS_FIELD, type FollowingLayout } from './detect.js';

export { type FollowingLayout, classifyFirstLine, detectFollowingList } from './detect.js';

/**
 * Streams the list: one FollowRecord `owner -> address` per row. A row whose address is
 * not `user@host`, or that the CSV parser cannot read, is reported with its line number.
 */
export async function readFollowingList(entry: SourceEntry, layout: FollowingLayout, owner: AccountRef, sink: RecordSink): Promise<void> {
  const file = entry.displayPath;
  const input = entry.openStream();
  const parser = input.pipe(
    parse({ bom: true, info: true, trim: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true }),
  );
  let headerSeen = layout === 'headerless';
  await new Promise<void>((resolve, reject) => {
    // sink.problem throws in strict mode: stop parsing and fail the read with its error.
    const guard = (fn: () => void): void => {
      try {
        fn();
      } catch (err) {
        input.destroy();
        parser.destroy();
        reject(err);
      }
    };
    parser.on('data', (row: { record: string[]; info: { lines: number } }) =>
      guard(() => {
        const line = row.info.lines;
        const value = row.record[0] ?? '';
        if (!headerSeen) {
          headerSeen = true;
          if (value === ADDRESS_FIELD) return;
        }
        const address = normalizeAddress(value);
        if (!address) {
          sink.problem(badRow(file, line, value));
          return;
        }
        const follow: FollowRecord = { type: 'follow', follower: owner, followee: mastodonRef(address) };
        sink.record(follow, { file, line });
      }),
    );
    parser.on('skip', (err: Error & { lines?: number }) =>
      guard(() =>
        sink.problem({
          file,
          line: err.lines,
          reason: `unreadable CSV row: ${err.message}`,
          expected: 'comma-separated values; a value containing a comma in double quotes',
          fix: 'repair the quoting on that line, or pass --skip-invalid to import the other rows',
        }),
      ),
    );
    parser.on('error', (err) => guard(() => { throw err; }));
    input.on('error', (err) => guard(() => { throw err; }));
    parser.on('end', () => resolve());
  });
}

function badRow(file: string, line: number, value: string): RowProblem {
  return {
    file,
    line,
    field: ADDRESS_FIELD,
    reason: value ? `'${value.length > 80 ? `${value.slice(0, 80)}…` : value}' is not an account address` : 'is empty',
    expected: 'user@host, e.g. alice@mastodon.social',
    fix: 'correct or delete that row, or pass --skip-invalid to import the other rows',
  };
}

