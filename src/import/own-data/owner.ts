/**
 * Whose export this is. Own-data exports name their owner in a profile file (Instagram's
 * personal_information.json, TikTok's Profile Info), or not at all (LinkedIn names only a
 * person's first and last name; a lone Threads file names nobody). The owner is taken
 * from the export, else from `--owner`, else recorded under a placeholder handle that no
 * real account can have (`~owner`), and the import summary says which of the three it was.
 */
import { UsageError } from '../../errors.js';
import type { AccountRecord, AccountRef, RecordSink } from '../../store/records.js';

/** The handle of an owner neither the export nor `--owner` names (`~` is valid on no network read here). */
export const PLACEHOLDER_OWNER = '~owner';

/** The owner of one network's part of an export, resolved once and then fixed. */
export interface ExportOwner {
  readonly network: string;
  /** records the handle the export gives (the first one wins), with the file that gave it */
  nameFromExport(handle: string, file: string): void;
  /** the handle and file the export named the owner in, if it did */
  named(): { handle: string; file: string } | undefined;
  /** the owner's profile fields read from the export (display name, bio, url, counts) */
  profile: Omit<AccountRecord, 'type' | 'ref'>;
  /** the owner's reference: resolves (and reports to the summary) on first use */
  ref(): AccountRef;
  /** emits the owner's account record with its profile; call once, after the export is read */
  finish(file: string): void;
}

const NETWORK_NAMES: Record<string, string> = { instagram: 'an Instagram', threads: 'a Threads', tiktok: 'a TikTok', linkedin: 'a LinkedIn' };

/**
 * An owner for `network`. `parseHandle` turns a handle as written (or a profile URL) into
 * the network's handle, or undefined. `--owner` is checked when it is needed (the export
 * names no owner): one `--owner` serves every path of a command, and an export that names
 * its owner does not need it.
 */
export function makeExportOwner(network: string, sink: RecordSink, optionOwner: string | undefined, parseHandle: (raw: string) => string | undefined): ExportOwner {
  const fromOption = optionOwner === undefined ? undefined : parseHandle(optionOwner.trim());
  let exported: { handle: string; file: string } | undefined;
  let resolved: AccountRef | undefined;
  const owner: ExportOwner = {
    network,
    profile: {},
    nameFromExport(handle, file) {
      if (exported || resolved) return;
      const parsed = parseHandle(handle);
      if (parsed !== undefined) exported = { handle: parsed, file };
    },
    named: () => exported,
    ref() {
      if (resolved) return resolved;
      if (exported) {
        resolved = { network, handle: exported.handle };
        sink.owner?.(resolved);
        if (fromOption !== undefined && fromOption.toLowerCase() !== exported.handle.toLowerCase()) {
          sink.notice?.(exported.file, `names the owner ${network}:${exported.handle}; --owner ${fromOption} was ignored`);
        }
      } else if (optionOwner !== undefined && fromOption === undefined) {
        const kind = NETWORK_NAMES[network] ?? `a ${network}`;
        throw new UsageError(`--owner '${optionOwner}' is not ${kind} user name, and the export does not name its owner`, `pass --owner HANDLE, ${kind} user name (or profile link) of the export's owner`);
      } else if (fromOption !== undefined) {
        resolved = { network, handle: fromOption };
        sink.owner?.(resolved);
      } else {
        resolved = { network, handle: PLACEHOLDER_OWNER };
        sink.owner?.(resolved);
        sink.notice?.(
          `${network} owner`,
          `the export does not name its owner and no --owner was given: recorded as '${PLACEHOLDER_OWNER}'; import with --owner HANDLE to name it`,
        );
      }
      return resolved;
    },
    finish(file) {
      sink.record({ type: 'account', ref: owner.ref(), ...owner.profile }, { file });
    },
  };
  return owner;
}
