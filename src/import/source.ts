/**
 * A source is what `influence import PATH` points at, opened as a set of named entries:
 * a plain file (one entry), a folder, a .zip or a .tar.gz (bounded extraction, see
 * import/archive/). Adapters only ever see entries, never the filesystem.
 */
import type { Readable } from 'node:stream';
import type { RecordSink } from '../store/records.js';

export interface SourceEntry {
  /** path inside the source with '/' separators ('data/tweets.js'); a plain file's base name */
  name: string;
  /** path shown in messages: 'archive.zip:data/tweets.js' or the file path */
  displayPath: string;
  size: number;
  /** whole content as UTF-8 text (BOM stripped) */
  readText(): Promise<string>;
  /** a byte stream, for large tables */
  openStream(): Readable;
}

export interface Source {
  /** what the user passed */
  path: string;
  kind: 'file' | 'folder' | 'zip' | 'tar.gz';
  entries: SourceEntry[];
  /**
   * sha256 of the file (or of the sorted entry names and contents for a folder). For a plain
   * file, a thenable to await once the source is read: the hash is taken from that reading
   * (disk-source.ts).
   */
  sha256: string | PromiseLike<string>;
  totalBytes: number;
}

/** An adapter reads one export format from a source. */
export interface Adapter {
  /** the name `--format` accepts: 'twitter', 'mastodon', 'csv', 'json', 'ndjson', ... */
  format: string;
  /** one line for `--help` and the README */
  description: string;
  /** true when this adapter recognises the source (by entry names, headers or keys) */
  detect(source: Source): Promise<boolean>;
  /** stream records of the source into the sink */
  read(source: Source, sink: RecordSink, options: AdapterOptions): Promise<void>;
}

export interface AdapterOptions {
  /** network for generic tables that carry no `network` column (default 'generic') */
  defaultNetwork: string;
  /** the archive or list owner when the files do not say (a standalone following_accounts.csv) */
  owner?: string;
}
