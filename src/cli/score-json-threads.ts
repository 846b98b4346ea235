/**
 * `score --all --json`'s results itemised and written on two threads: this one and a worker
 * (score-json-worker.ts) each take the next block of accounts not yet taken (a shared
 * counter), itemise it and write its --json items as UTF-8 bytes, and this thread hands the
 * blocks to stdout in account order. Both threads write a block with the same function
 * (writeScoreBlock: engine/score.ts explainScore, render/score-json.ts writeScoreResultJson,
 * render/json.ts writeListItem), so the document is byte for byte the one-thread document,
 * whichever thread wrote which block and whenever.
 *
 * Why: itemising and writing 100k results (about 160 MB) is about 3 s of the 9 s of
 * `score --all --json`, the same work for every account, and the machine has two cores. The
 * command starts the worker once the data is read (startScoreJsonWorker): it starts its
 * isolate and warms up on made-up accounts of the model while this thread analyses, gets
 * its job as soon as the scores exist, and also works while this thread stores the run.
 * Cold, a worker's first block of 500 accounts took 0.3 s of CPU (0.02 s once the code is
 * hot); warmed up with the model object it then itemises with, 0.07-0.1 s.
 *
 * What the worker is given, not rebuilt: the columns itemising reads (engine/score.ts
 * ItemisingTable) in SharedArrayBuffers that both threads read (the analysis's own columns
 * are moved there: shareItemisingColumns, a copy made once, after which the old ones are
 * garbage), the model, and the few other columns packed: display names as one string with
 * their end offsets, networks and abstention reasons as codes into their distinct texts, and
 * the flags of flagged accounts alone. Neither thread gets more than AHEAD blocks ahead of
 * what has been written, so the text held stays bounded. This thread waits for a block the
 * worker is writing only when it cannot take another one itself.
 *
 * One thread when there are fewer than PARALLEL_MIN accounts (a worker costs tens of ms to
 * start), more than PARALLEL_MAX (peak memory: see there), the machine has one core, or the
 * worker file is not there (run from the TypeScript sources). A worker that fails ends the
 * command with an error that says so (exit 2), never with a document missing results.
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { displayHandle, type Analysis } from '../engine/analyze.js';
import type { Model } from '../engine/model.js';
import type { Flag } from '../engine/result-types.js';
import { explainScore, type ItemisingColumns, type ItemisingTable, type ScoreTable } from '../engine/score.js';
import { makeByteText, takeBytes, type ByteText } from '../render/byte-text.js';
import { writeListItem } from '../render/json.js';
import { writeScoreResultJson } from '../render/score-json.js';
import { scoreResultViewOf } from '../render/score-view.js';
import { codesOf } from './text-codes.js';

/** Accounts per block: a message per block costs nothing beside it, and both threads stay busy to the end. */
export const ITEM_BLOCK = 500;
/**
 * How many blocks past the last one written may be taken (bounds the bytes held: about 0.8 MB
 * a block, 77 MB at most). While this thread stores the run (0.7 s at 100k accounts on a free
 * host, longer on a busy one) the worker writes alone, at 15-20 ms a block warmed up: 48
 * blocks were about what it wrote by the time the run was stored, so it waited on a busy host.
 */
export const AHEAD = 96;
/** Below this many accounts one thread writes them all (starting a worker costs more than it saves). */
export const PARALLEL_MIN = 20_000;
/**
 * Above this many accounts one thread writes them all, for peak memory: the shared copy of
 * the itemising columns (234 bytes an account with model-v2) is made while the old columns
 * still wait for a collection, and the worker's heap and the blocks held come on top. At 1M
 * accounts (10M interactions) `score --all --json` storing its run peaked at 1,045,432 KiB
 * on two threads against 961,024 KiB on one (the 1 GB target read as 10^9 bytes is 976,562
 * KiB); at half that size the same overhead leaves about 400 MB of margin.
 */
export const PARALLEL_MAX = 500_000;

// slots of the shared control array
/** the next block not yet taken */
export const NEXT = 0;
/** blocks handed to stdout so far */
export const WRITTEN = 1;
/** 1: stop taking blocks */
export const STOP = 2;
/** blocks (or an error) the worker has posted so far */
export const POSTED = 3;
/** 1: the job is posted (a worker started ahead of it waits for this) */
export const JOB = 4;
const CONTROL_SLOTS = 5;

/** What itemising and naming an account reads. */
export interface ScoreItemSource {
  table: ItemisingTable;
  /** the name account i is shown under (engine/analyze.ts displayHandle) */
  handle(i: number): string;
  network(i: number): string;
}

/** Block b of `indices`' results (items b * size ... as the list's items k), appended to `out`. */
export function writeScoreBlock(source: ScoreItemSource, indices: ArrayLike<number>, b: number, size: number, out: ByteText): void {
  const end = Math.min(indices.length, (b + 1) * size);
  for (let k = b * size; k < end; k++) {
    const i = indices[k]!;
    writeListItem(out, k, scoreResultViewOf(explainScore(source.table, i), source.handle(i), source.network(i)), writeScoreResultJson);
  }
}

/** What itemising reads of an analysis, for another thread: shared columns, the model, and the other columns packed. */
export interface PackedItemising {
  model: Model;
  /** the ItemisingTable's typed columns (SharedArrayBuffer-backed) */
  columns: ItemisingColumns;
  n: number;
  /** display names, one after another; name i ends at nameEnd[i] */
  names: string;
  nameEnd: Int32Array;
  networkCode: Uint16Array;
  networks: string[];
  /** -1: the account is scored */
  abstainCode: Int32Array;
  abstainTexts: string[];
  /** the accounts with flags, and their flags */
  flagged: Int32Array;
  flagLists: Flag[][];
}

/** What the worker is started with (workerData): the shared counters, its port, and the model to warm up with. */
export interface ScoreJsonStart {
  control: SharedArrayBuffer;
  port: MessagePort;
  /** itemise and write made-up accounts of this model while waiting for the job (see warmUpPacked), or null */
  warmUp: Model | null;
}

/**
 * The job, posted once the scores exist: the analysis packed, the accounts, and the blocks'
 * size and lead. Its model is null when it is the one the worker warmed up with: the worker
 * then itemises with that copy, whose objects the code it compiled while warming up was
 * made for (a second copy of the same model made V8 compile that code again: 0.2 s).
 */
export interface ScoreJsonJob extends Omit<PackedItemising, 'model'> {
  model: Model | null;
  indices: Int32Array;
  block: number;
  ahead: number;
}

/** A block the worker wrote (its bytes, transferred), or why it failed. */
export type ScoreJsonMessage = { block: number; bytes: Uint8Array } | { error: string };

/** The worker's source: the packed columns and texts unpacked. */
export function sourceOfPacked(job: PackedItemising): ScoreItemSource {
  const flags = new Array<Flag[]>(job.n).fill(NO_FLAGS);
  for (let j = 0; j < job.flagged.length; j++) flags[job.flagged[j]!] = job.flagLists[j]!;
  const abstain = new Array<string | null>(job.n);
  for (let i = 0; i < job.n; i++) abstain[i] = job.abstainCode[i]! < 0 ? null : job.abstainTexts[job.abstainCode[i]!]!;
  const c = job.columns;
  const table: ItemisingTable = { ...c, model: job.model, assessment: { ...c.assessment, flags }, abstain };
  const { names, nameEnd, networkCode, networks } = job;
  return {
    table,
    handle: (i) => names.slice(i === 0 ? 0 : nameEnd[i - 1]!, nameEnd[i]!),
    network: (i) => networks[networkCode[i]!]!,
  };
}
const NO_FLAGS: Flag[] = Object.freeze([]) as unknown as Flag[];

/**
 * Moves the columns itemising reads into SharedArrayBuffers, in the table itself (the values
 * are the same; the old columns are left to the GC), so that another thread reads them
 * where they are. A column already shared stays; one shared by several features stays one.
 */
export function shareItemisingColumns(table: ScoreTable): ItemisingColumns {
  const moved = new Map<ArrayBufferLike, ArrayBufferLike>();
  function share<T extends Float64Array | Uint8Array>(a: T): T {
    if (a.buffer instanceof SharedArrayBuffer) return a;
    let to = moved.get(a.buffer);
    if (!to) {
      to = new SharedArrayBuffer(a.buffer.byteLength);
      new Uint8Array(to).set(new Uint8Array(a.buffer));
      moved.set(a.buffer, to);
    }
    return new (a.constructor as new (b: ArrayBufferLike, offset: number, length: number) => T)(to, a.byteOffset, a.length);
  }
  const f = table.features;
  const features: ItemisingColumns['features'] = { value: {}, source: {}, perCount: {}, evidence: { activityInWindow: (f.evidence.activityInWindow = share(f.evidence.activityInWindow)), lastActivity: (f.evidence.lastActivity = share(f.evidence.lastActivity)) } };
  for (const { name } of table.model.features) {
    features.value[name] = f.value[name] = share(f.value[name]);
    features.source[name] = f.source[name] = share(f.source[name]);
    features.perCount[name] = f.perCount[name] = share(f.perCount[name]);
  }
  const a = table.assessment;
  return {
    features,
    assessment: { damping: (a.damping = share(a.damping)), cap: (a.cap = share(a.cap)) },
    score: (table.score = share(table.score)),
    low: (table.low = share(table.low)),
    high: (table.high = share(table.high)),
    reach: (table.reach = share(table.reach)),
    amplification: (table.amplification = share(table.amplification)),
    networkScore: (table.networkScore = share(table.networkScore)),
    confidence: (table.confidence = share(table.confidence)),
  };
}

/** Atomics.waitAsync (ES2024, in Node since 16; not in this project's ES2023 lib types). */
const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, index: number, value: number): { async: false; value: string } | { async: true; value: Promise<string> } }).waitAsync;

const sharedInt32 = (n: number): Int32Array => new Int32Array(new SharedArrayBuffer(n * Int32Array.BYTES_PER_ELEMENT));

/**
 * What itemising reads of `analysis`, for another thread: its itemising columns moved to
 * shared memory (shareItemisingColumns: the analysis then reads them there too), the rest packed.
 */
export function packItemising(analysis: Analysis): PackedItemising {
  const columns = shareItemisingColumns(analysis.table);
  const { table, dataset } = analysis;
  const n = dataset.accounts.n;
  const nameEnd = sharedInt32(n);
  const parts = new Array<string>(n);
  let end = 0;
  for (let i = 0; i < n; i++) {
    const name = displayHandle(dataset, i);
    parts[i] = name;
    nameEnd[i] = end += name.length;
  }
  const networkCode = new Uint16Array(new SharedArrayBuffer(2 * n));
  const networks = codesOf(dataset.accounts.network, n, networkCode);
  if (networks.length > 0xffff) throw new Error(`${networks.length} networks: more than --json's second thread can name`);
  const abstainCode = sharedInt32(n);
  const abstainTexts = codesOf(table.abstain, n, abstainCode);
  const flaggedList: number[] = [];
  const flagLists: Flag[][] = [];
  const flags = table.assessment.flags;
  for (let i = 0; i < n; i++) {
    const list = flags[i];
    if (list && list.length > 0) {
      flaggedList.push(i);
      flagLists.push(list);
    }
  }
  return {
    model: table.model,
    columns,
    n,
    names: parts.join(''),
    nameEnd,
    networkCode,
    networks,
    abstainCode,
    abstainTexts,
    flagged: Int32Array.from(flaggedList),
    flagLists,
  };
}

/** How the results were written, for tests and benchmarks (filled as they are). */
export interface ScoreJsonReport {
  threads: number;
  /** blocks written by the worker, and by this thread */
  workerBlocks: number;
  mainBlocks: number;
  /** whether the job carried the model (false: the worker's own copy, the one it warmed up with) */
  modelSent?: boolean;
}

/** Options for tests: the block size, and the worker file to run (default: score-json-worker.js beside this module). */
export interface ScoreJsonOptions {
  block?: number;
  ahead?: number;
  workerFile?: string | URL;
  report?: ScoreJsonReport;
  /** the worker started ahead (startScoreJsonWorker); else one is started now, without warming up */
  started?: ScoreJsonWorker;
}

/**
 * A worker started before the analysis, for the job startScoreJsonThreads gives it then:
 * it starts its isolate, loads its modules and warms up (warmUpPacked) while this
 * thread reads and analyses, so that it writes its first block as soon as the job comes.
 */
export interface ScoreJsonWorker {
  /** the model it warms up with (the analysis's own object), or null */
  model: Model | null;
  port: MessagePort;
  control: Int32Array;
  /** its error, once it has reported one */
  error: string | null;
  /** settles with its exit code when it has ended */
  exit: Promise<number>;
  /** called on its error and on its exit (after `error` or the exit is noted) */
  onEvent: (() => void) | null;
  /** stops the worker (idempotent): for a command that fails, or finds it has too many or too few accounts, before the job */
  close(): Promise<void>;
}

/** Accounts the worker itemises and writes to warm up: one block (its first real blocks then took a third of the time; more warm-up saved no more). */
export const WARM_UP_ACCOUNTS = ITEM_BLOCK;

/**
 * Starts the worker now (see ScoreJsonWorker), warming up with `model` (the model the
 * analysis will score with) when given. Null where one thread would write the results
 * (usesTwoThreads, for `accounts` results), unless a worker file is given (tests).
 */
export function startScoreJsonWorker(accounts: number, model: Model | null, options: Pick<ScoreJsonOptions, 'workerFile'> = {}): ScoreJsonWorker | null {
  if (!usesTwoThreads(accounts) && !options.workerFile) return null;
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  const start: ScoreJsonStart = { control: control.buffer as SharedArrayBuffer, port: port2, warmUp: model };
  // execArgv []: the worker is plain JS, and flags such as --input-type are invalid there
  const worker = new Worker(options.workerFile ?? defaultWorkerFile(), { workerData: start, transferList: [port2], execArgv: [] });
  // listened to from the start: an error before the job is reported when its blocks are read (startScoreJsonThreads)
  let stopped = false;
  const started: ScoreJsonWorker = {
    model,
    port: port1,
    control,
    error: null,
    exit: new Promise<number>((resolve) =>
      worker.once('exit', (code) => {
        resolve(code);
        started.onEvent?.();
      }),
    ),
    onEvent: null,
    async close() {
      if (stopped) return;
      stopped = true;
      stopWorker(control);
      port1.close();
      await worker.terminate();
    },
  };
  worker.on('error', (e) => {
    started.error ??= e instanceof Error ? e.message : String(e);
    started.onEvent?.();
  });
  return started;
}

/** Tells the worker to stop taking blocks, and lets go of every wait of either thread. */
function stopWorker(control: Int32Array): void {
  Atomics.store(control, STOP, 1);
  Atomics.notify(control, WRITTEN);
  Atomics.notify(control, JOB);
  // and lets go of a wait for the worker that a failure cut short
  Atomics.add(control, POSTED, 1);
  Atomics.notify(control, POSTED);
}

/**
 * Made-up accounts of `model` (values about its reference medians, some missing, some lower
 * bounds, a few abstaining or damped), packed as packItemising packs an analysis: the worker
 * itemises and writes them once, output dropped, so that its isolate compiles the code it
 * will run on the job while this thread is still analysing. A deterministic sequence, not
 * Math.random: the warm-up is the same every run.
 */
export function warmUpPacked(model: Model, n = WARM_UP_ACCOUNTS): PackedItemising {
  let seed = 0x9e3779b9;
  const next = (): number => {
    // xorshift32, in [0, 1)
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x100000000;
  };
  const column = (f: () => number): Float64Array => Float64Array.from({ length: n }, f);
  const features: ItemisingColumns['features'] = {
    value: {},
    source: {},
    perCount: {},
    evidence: { activityInWindow: column(() => Math.floor(next() * 40)), lastActivity: column(() => (next() < 0.1 ? NaN : 1.7e12 + next() * 1e10)) },
  };
  for (const f of model.features) {
    const value = new Float64Array(n);
    const source = new Uint8Array(n);
    const perCount = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = next();
      // t about the reference median, give or take two scales; x from t = ln(1 + scale x)
      const t = Math.max(0, f.reference.median + (4 * next() - 2) * f.reference.scale);
      const x = Math.expm1(t) / (f.scale ?? 1);
      // codes as engine/features.ts SOURCE_CODES: 0 events, 1 declared, 2 missing, 3 and 4 lower bounds
      source[i] = r < 0.3 ? 2 : r < 0.4 ? 3 + (i & 1) : i & 1;
      value[i] = source[i] === 2 ? NaN : r < 0.7 ? Math.round(x) : x;
      perCount[i] = next() < 0.5 ? NaN : next();
    }
    features.value[f.name] = value;
    features.source[f.name] = source;
    features.perCount[f.name] = perCount;
  }
  const score = column(() => 1 + 98 * next());
  const names = Array.from({ length: n }, (_, i) => `warm${i}`);
  const nameEnd = new Int32Array(n);
  for (let i = 0, end = 0; i < n; i++) nameEnd[i] = end += names[i]!.length;
  const abstainCode = Int32Array.from({ length: n }, (_, i) => (i % 50 === 7 ? 0 : -1));
  return {
    model,
    columns: {
      features,
      assessment: { damping: column(() => (next() < 0.05 ? 0.5 + next() / 2 : 1)), cap: column(() => 100) },
      score,
      low: Float64Array.from(score, (x) => Math.max(1, x - 10 * next())),
      high: Float64Array.from(score, (x) => Math.min(100, x + 10 * next())),
      reach: column(() => 1 + 98 * next()),
      amplification: column(() => 1 + 98 * next()),
      networkScore: column(() => 1 + 98 * next()),
      confidence: column(() => next()),
    },
    n,
    names: names.join(''),
    nameEnd,
    networkCode: new Uint16Array(n),
    networks: ['warm-up'],
    abstainCode,
    abstainTexts: ['warm-up'],
    flagged: new Int32Array(0),
    flagLists: [],
  };
}

/** The results' --json items of a command, as blocks of bytes in order, and what to do when the command ends. */
export interface ScoreJsonWriter {
  blocks(): AsyncIterable<Uint8Array>;
  /** stops the worker (idempotent; after the blocks were read, or when the command fails first) */
  close(): Promise<void>;
  /** for tests: settles once the worker has posted its first block (or an error), or has ended */
  firstPost: Promise<void>;
}

/** The worker file beside this module (absent when running from TypeScript sources). */
function defaultWorkerFile(): string {
  return fileURLToPath(new URL('./score-json-worker.js', import.meta.url));
}

/** Whether `count` results are written on two threads here (see the module doc). */
export function usesTwoThreads(count: number): boolean {
  return count >= PARALLEL_MIN && count <= PARALLEL_MAX && os.availableParallelism() >= 2 && fs.existsSync(defaultWorkerFile());
}

/**
 * Starts writing the results of `indices` on two threads: the worker starts on the first
 * blocks at once (while the command stores its run, say), and `blocks()` gives every block
 * in order. The analysis's itemising columns are moved to shared memory (shareItemisingColumns).
 */
export function startScoreJsonThreads(analysis: Analysis, indices: readonly number[], options: ScoreJsonOptions = {}): ScoreJsonWriter {
  const size = options.block ?? ITEM_BLOCK;
  const ahead = options.ahead ?? AHEAD;
  const count = Math.ceil(indices.length / size);
  const report = options.report ?? { threads: 2, workerBlocks: 0, mainBlocks: 0 };
  report.threads = 2;
  const started = options.started ?? startScoreJsonWorker(indices.length, null, { workerFile: options.workerFile ?? defaultWorkerFile() })!;
  const { control, port: port1 } = started;
  const shared = sharedInt32(indices.length);
  shared.set(indices);
  const packed = packItemising(analysis);
  const job: ScoreJsonJob = { ...packed, model: packed.model === started.model ? null : packed.model, indices: shared, block: size, ahead };
  report.modelSent = job.model !== null;
  port1.postMessage(job);
  Atomics.store(control, JOB, 1);
  Atomics.notify(control, JOB);
  let failure: Error | null = null;
  let exited = false;
  let closed = false;
  let wake: (() => void) | null = null;
  const fail = (why: string): void => {
    failure ??= new Error(`score --json: the second thread writing results failed: ${why}`);
    wake?.();
  };
  // the worker's error and exit, also those before the job came
  started.onEvent = () => {
    if (started.error !== null) fail(started.error);
    wake?.();
  };
  if (started.error !== null) fail(started.error);
  const exit = started.exit.then((code) => {
    exited = true;
    if (code !== 0 && !closed) fail(`it exited with code ${code}`);
    wake?.();
  });
  const source: ScoreItemSource = {
    table: analysis.table,
    handle: (i) => displayHandle(analysis.dataset, i),
    network: (i) => analysis.dataset.accounts.network[i]!,
  };
  const ready = new Map<number, Uint8Array>();
  /** Takes the blocks the worker has posted off the port, without waiting. */
  const receive = (): void => {
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
      const msg = m.message as ScoreJsonMessage;
      if ('error' in msg) fail(msg.error);
      else {
        ready.set(msg.block, msg.bytes);
        report.workerBlocks++;
      }
    }
  };
  const writeHere = (b: number): Uint8Array => {
    const out = makeByteText(1 << 20);
    writeScoreBlock(source, indices, b, size, out);
    report.mainBlocks++;
    return takeBytes(out, 0);
  };
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await started.close();
  };
  async function* blocks(): AsyncIterable<Uint8Array> {
    for (let p = 0; p < count; ) {
      const posted = Atomics.load(control, POSTED);
      receive();
      if (failure) throw failure;
      const done = ready.get(p);
      if (done !== undefined) {
        ready.delete(p);
        yield done;
        Atomics.store(control, WRITTEN, ++p);
        Atomics.notify(control, WRITTEN);
        continue;
      }
      // block p is not written: take the next block not taken (p itself unless the worker
      // has it) while that is fewer than `ahead` blocks on, else wait for the worker's p
      if (Atomics.load(control, NEXT) - p < ahead) {
        const b = Atomics.add(control, NEXT, 1);
        if (b < count) {
          const bytes = writeHere(b);
          if (b !== p) ready.set(b, bytes);
          else {
            yield bytes;
            Atomics.store(control, WRITTEN, ++p);
            Atomics.notify(control, WRITTEN);
          }
          continue;
        }
      }
      if (exited) throw failure ?? new Error(`score --json: the second thread writing results ended without block ${p}`);
      const waiting = waitAsync(control, POSTED, posted);
      if (waiting.async) await Promise.race([waiting.value, new Promise<void>((resolve) => (wake = resolve))]);
      wake = null;
    }
    // every block is written: the worker finds none left and ends; an error of its own
    // (one that came before it took a block, say) still fails the command
    Atomics.store(control, STOP, 1);
    Atomics.notify(control, WRITTEN);
    await exit;
    if (failure) throw failure;
  }
  const posted = waitAsync(control, POSTED, 0);
  const firstPost = posted.async ? posted.value.then(() => undefined) : Promise.resolve();
  return { blocks, close, firstPost: Promise.race([firstPost, exit]) };
}
