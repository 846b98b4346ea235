/**
 * One renderer table per command: each command says which outputs it has
 * (`{json, csv, plain, tty}`) and writes its view through it; nothing else branches on the
 * output mode. A command without a CSV form refuses `--csv` (exit 2) before doing any work.
 *
 * A renderer returns the whole text, or chunks (an iterable, or an async one when they are
 * made on another thread: cli/score-json-threads.ts) that are written as they are produced,
 * in blocks of about 64 KiB: a big output (score --all --json) never sits in memory whole,
 * and a reader that closes early stops the work (cli/process-io.ts).
 */
import { Writable } from 'node:stream';
import { UsageError } from '../errors.js';
import { toJson, toListJson } from '../render/json.js';
import type { Theme } from '../render/output-mode.js';
import type { CommandContext } from './context.js';
import type { OutStream } from './io.js';

/** Chunks of an output in order (text, or text's UTF-8 bytes), perhaps made asynchronously. */
export type Chunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** A rendered output: the whole text, or its chunks in order. */
export type Rendered = string | Chunks;

/** The outputs of one command, as pure formatters of its view. */
export interface Renderers<V> {
  /** default: the view as stable JSON (render/json.ts toJson, or toListJson when `jsonLists` names its lists) */
  json?: (view: V) => Rendered;
  /** the view's top-level arrays of results, written one compact item per line (render/json.ts toListJson) */
  jsonLists?: readonly (keyof V & string)[];
  csv?: (view: V) => Rendered;
  /** null: nothing on stdout (the command's messages on stderr say it all) */
  plain: (view: V, theme: Theme) => Rendered | null;
  /** the rich terminal view (default: plain with colour); may load ink lazily */
  tty?: (view: V, theme: Theme, columns: number) => Rendered | null | Promise<Rendered | null>;
}

/** A command's output, checked against the mode up front. */
export interface Output<V> {
  write(view: V): Promise<void>;
}

/** A UTF-16 code unit that is half of no pair: such text does not survive a trip through UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Bytes gathered before one write to stdout. */
const WRITE_BLOCK = 64 * 1024;

/** Checks that the command has the requested output (a UsageError naming the ones it has) and returns its writer. */
export function outputOf<V>(ctx: CommandContext, command: string, renderers: Renderers<V>): Output<V> {
  if (ctx.mode === 'csv' && !renderers.csv) {
    throw new UsageError(`\`${command}\` has no CSV output; it writes ${describeOutputs(renderers)}`, 'use --json for machine-readable output, or --plain for text');
  }
  return {
    async write(view) {
      const text = await render(ctx, renderers, view);
      ctx.progress.done();
      if (text === null) return;
      if (typeof text === 'string') return ctx.out(text);
      await writeChunks(ctx.io.stdout, text);
    },
  };
}

/**
 * Writes chunks in blocks, waiting for 'drain' when the stream asks for it; ends with a newline like ctx.out.
 *
 * Each chunk is copied into a byte block as it comes (ASCII and other well-formed text as
 * UTF-8, which decodes back to the same string), not appended to a string: a string
 * block is a rope of every row's small pieces, held until written and flattened then
 * (`score --all --json --no-save` on 100k accounts: 480-500 -> 385 MB peak RSS, measured
 * back to back). A chunk that is not well-formed UTF-16 (a lone surrogate) is written on its
 * own, as it is. A chunk of bytes (UTF-8 of whole characters: a sink of strings gets it
 * decoded alone) is handed over as it is, after the text before it.
 */
export async function writeChunks(out: OutStream, chunks: Chunks): Promise<void> {
  // a Node stream (the real stdout) is handed the block's bytes as they are: no string is
  // made of them to be encoded back (two copies of every byte: 0.15-0.2 s of the 270 MB of
  // `score --all --json` at 100k accounts); a sink of strings (tests' fakes) gets text
  const takesBytes = out instanceof Writable;
  let block = Buffer.allocUnsafe(WRITE_BLOCK);
  let used = 0;
  let ascii = true;
  let endsWithNewline = true;
  let wrote = false;
  const send = async (text: string | Buffer, encoding?: 'latin1') => {
    const ok = typeof text !== 'string' ? (out as Writable).write(text) : encoding ? out.write(text, encoding) : out.write(text);
    if (ok === false && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
  };
  const flush = async () => {
    if (used === 0) return;
    if (takesBytes) {
      // the stream may hold the block until it is written: the next one is a new block
      const bytes = block.subarray(0, used);
      block = Buffer.allocUnsafe(WRITE_BLOCK);
      used = 0;
      ascii = true;
      return send(bytes);
    }
    const text = block.toString(ascii ? 'latin1' : 'utf8', 0, used);
    const wasAscii = ascii;
    used = 0;
    ascii = true;
    await send(text, wasAscii ? 'latin1' : undefined);
  };
  /** Bytes made ready (render/byte-text.ts): handed over as they are, after the text before them. */
  const putBytes = async (chunk: Uint8Array): Promise<void> => {
    await flush();
    wrote = true;
    endsWithNewline = chunk[chunk.length - 1] === 0x0a;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    await send(takesBytes ? bytes : bytes.toString('utf8'));
  };
  /** Text that may need measuring, may not fit the block, or is not well-formed. */
  const putLongText = async (chunk: string): Promise<void> => {
    const bytes = Buffer.byteLength(chunk);
    const isAscii = bytes === chunk.length;
    if (!isAscii && LONE_SURROGATE.test(chunk)) {
      await flush();
      await send(chunk);
      return;
    }
    if (used + bytes > WRITE_BLOCK) await flush();
    if (bytes > WRITE_BLOCK) {
      await send(chunk, isAscii ? 'latin1' : undefined);
      return;
    }
    used += block.write(chunk, used, isAscii ? 'latin1' : 'utf8');
    if (!isAscii) ascii = false;
  };
  /** Takes one chunk; a promise only when it has to wait (no promise per row of a CSV). */
  const put = (chunk: string | Uint8Array): Promise<void> | undefined => {
    if (typeof chunk !== 'string') return chunk.length === 0 ? undefined : putBytes(chunk);
    if (chunk === '') return undefined;
    wrote = true;
    endsWithNewline = chunk.endsWith('\n');
    if (3 * chunk.length <= WRITE_BLOCK - used) {
      // room for it whatever it holds (UTF-8 takes at most 3 bytes per UTF-16 unit): written
      // as UTF-8 straight away, it took one byte per unit exactly when it is ASCII, which is
      // done then, without measuring it first (Buffer.byteLength scans every chunk once more:
      // 0.2 s of the 270 MB of `score --all --json` at 100k accounts); other text is written
      // again by putLongText, over these bytes, after the lone-surrogate check
      const written = block.write(chunk, used, 'utf8');
      if (written === chunk.length) {
        used += written;
        return undefined;
      }
    }
    return putLongText(chunk);
  };
  if (Symbol.asyncIterator in chunks) {
    for await (const chunk of chunks) await put(chunk);
  } else {
    for (const chunk of chunks) {
      const waiting = put(chunk);
      if (waiting) await waiting;
    }
  }
  await flush();
  if (wrote && !endsWithNewline) out.write('\n');
}

/** The outputs a command has, as a phrase for messages: "text (--plain, a rich view on a terminal) and --json". */
export function describeOutputs<V>(renderers: Renderers<V>): string {
  const text = renderers.tty ? 'text (--plain, a rich view on a terminal)' : 'text (--plain)';
  return `${text}, --json${renderers.csv ? ' and --csv' : ''}`;
}

async function render<V>(ctx: CommandContext, renderers: Renderers<V>, view: V): Promise<Rendered | null> {
  switch (ctx.mode) {
    case 'json':
      return renderers.json ? renderers.json(view) : renderers.jsonLists ? toListJson(view as object, renderers.jsonLists) : toJson(view);
    case 'csv':
      return renderers.csv!(view);
    case 'tty':
      return renderers.tty ? renderers.tty(view, ctx.theme, ctx.io.stdout.columns ?? 80) : renderers.plain(view, ctx.theme);
    default:
      return renderers.plain(view, ctx.theme);
  }
}
