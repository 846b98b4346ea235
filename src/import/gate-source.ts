/**
 * Back-pressure for threaded imports: a view of a Source whose entries read on only when
 * the database writer has caught up. Adapters push records synchronously and never wait
 * for the writer; waiting between stream chunks (and before whole-file reads) bounds what
 * queues up between the threads without changing the adapter contract.
 */
import { Transform, pipeline } from 'node:stream';
import type { Source, SourceEntry } from './source.js';

/** `wait()` returns a promise to await before reading on, or undefined to go on at once. */
export type Gate = () => Promise<void> | undefined;

/** The same source, its reads held back by `wait`. */
export function gateSource(source: Source, wait: Gate): Source {
  return { ...source, entries: source.entries.map((e) => gateEntry(e, wait)) };
}

function gateEntry(entry: SourceEntry, wait: Gate): SourceEntry {
  return {
    ...entry,
    async readText() {
      await wait();
      return entry.readText();
    },
    openStream() {
      const gate = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          const pending = wait();
          if (pending) pending.then(() => done(null, chunk), done);
          else done(null, chunk);
        },
      });
      // Errors travel downstream to the adapter; destroying the gate closes the file.
      return pipeline(entry.openStream(), gate, () => undefined);
    },
  };
}
