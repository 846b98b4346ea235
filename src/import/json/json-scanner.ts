/**
 * A push scanner that cuts a JSON byte stream into records without building the whole
 * document: the values a `select` predicate picks (the elements of an outbox's
 * `orderedItems`, of a Twitter `window.YTD.x.partN = [...]` file, of a generic table) are
 * cut out and parsed one at a time with JSON.parse, at native speed; everything around them
 * is walked by a small state machine that keeps only the path from the root. Memory is one
 * record, whatever the file's size (a 600 MB outbox no longer needs a 600 MB string).
 *
 * Why not a streaming JSON library: @streamparser/json and stream-json build every value
 * token by token in JavaScript (several times slower than JSON.parse on the same bytes),
 * give no line numbers, and keep the first of two duplicate keys as a stream must; cutting
 * records and handing each to JSON.parse keeps the speed, the lines and the error messages.
 *
 * What it guarantees per record: nesting deeper than MAX_JSON_DEPTH and records over
 * MAX_RECORD_BYTES are refused (and skipped: the scanner resynchronises after them); a
 * record with an integer beyond 2^53 is parsed by parse-lossless.ts (BigInt, exact);
 * a record that is not valid JSON is reported and skipped. Problems in the structure
 * around the records (a truncated file, a missing comma between records) are fatal:
 * reported once, with the records before them delivered and nothing read after them.
 *
 * Bytes, not characters: JSON's structural characters are ASCII and UTF-8 multi-byte
 * sequences never contain ASCII bytes, so the scan never decodes text it does not keep.
 */
import { locateJsonError } from '../locate-json-error.js';
import { MAX_JSON_DEPTH, MAX_RECORD_BYTES, describeRecordLimit } from '../record-limits.js';
import { parseJsonLossless } from './parse-lossless.js';

/** A step on the path from the root: an object key, or an array index. */
export type JsonKey = string | number;
/** What a value is, known from its first byte. */
export type JsonKind = 'object' | 'array' | 'scalar';

/**
 * Picks the values to deliver. Called with the path of each value met outside a delivered
 * one (the array is reused: copy it to keep it) and the value's kind; values not picked
 * are walked into (objects and arrays, up to NAV_DEPTH levels) or skipped.
 */
export type JsonSelect = (path: readonly JsonKey[], kind: JsonKind) => boolean;

/** A delivered value. */
export interface JsonItem {
  /** its path from the root, e.g. ['orderedItems', 3] */
  path: JsonKey[];
  /** its position in the parent: the array index, or the member's position in the object */
  index: number;
  /** values delivered (or refused) before this one in the file */
  ordinal: number;
  /** 1-based line of its first character */
  line: number;
  value: unknown;
}

/** Something wrong in the file; `fatal` when nothing after it could be read. */
export interface JsonProblem {
  line: number;
  /** the record's position in its parent array, when the problem is in one record */
  record?: number;
  reason: string;
  fatal: boolean;
}

export interface JsonScannerOptions {
  select: JsonSelect;
  onItem(item: JsonItem): void;
  onProblem(problem: JsonProblem): void;
  /** the JSON follows `name =` (a Twitter archive data file); the name is in `assignedName` */
  assignment?: boolean;
  /** the root must be an array (or object): anything else is a fatal problem */
  expectRoot?: 'array' | 'object';
  /**
   * Root keys whose repeated occurrences resolve to the last one, as JSON.parse does:
   * key -> how many times it occurs (count them first with countRootKeys). Earlier
   * occurrences are skipped. Mastodon writes `orderedItems` twice, `[]` then the posts.
   */
  lastOf?: ReadonlyMap<string, number>;
  /** called with each root key as it is read (countRootKeys uses it) */
  onRootKey?(key: string): void;
  /** how many levels of unpicked objects and arrays are walked into (default 16); deeper ones are skipped */
  navDepth?: number;
}

type State = 'prefix' | 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'in-key' | 'colon' | 'after' | 'in-value' | 'done' | 'stopped';

interface Frame {
  open: 0x7b | 0x5b;
  /** members or elements begun so far */
  count: number;
}

const MAX_PREFIX = 1024;
const ASSIGNEE = /^(?:window\.)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
/** Digits in a row that may no longer be an exact double: 2^53 has 16 digits. */
const LOSSY_DIGITS = 16;

/** Cuts a JSON byte stream into the records `select` picks; push chunks, then call end(). */
export class JsonScanner {
  /** the name before '=' without `window.` ('YTD.tweets.part0'), once read */
  assignedName = '';
  /** records delivered or refused */
  records = 0;
  private state: State;
  private readonly frames: Frame[] = [];
  private readonly path: JsonKey[] = [];
  private readonly navDepth: number;
  private readonly rootKeyCounts = new Map<string, number>();
  // line bookkeeping: `line` is the line of byte `counted` of the current chunk
  private line = 1;
  private counted = 0;
  private buf: Buffer = Buffer.alloc(0);
  // cached positions of the next '"' and '\' in `buf` (re-searched only once passed)
  private nextQuote = -1;
  private nextBackslash = -1;
  private nextNewline = -1;
  // a string (key or inside a value) in progress
  private inString = false;
  private escapePending = false;
  // the key being read, or the value being cut out or skipped
  private parts: Buffer[] = [];
  private partBytes = 0;
  private start = 0;
  private depth = 0;
  private capturing = false;
  private tooDeep = false;
  private lossy = false;
  private digits = 0;
  private valueLine = 0;
  private valueIndex = 0;
  private prefixBytes = 0;
  private semicolon = false;

  constructor(private readonly options: JsonScannerOptions) {
    this.state = options.assignment ? 'prefix' : 'value';
    this.navDepth = options.navDepth ?? 16;
  }

  /** Scans the next chunk. */
  push(chunk: Buffer): void {
    if (this.state === 'stopped') return;
    this.buf = chunk;
    this.counted = 0;
    this.nextQuote = -1;
    this.nextBackslash = -1;
    this.nextNewline = -1;
    this.start = 0;
    let i = 0;
    const n = chunk.length;
    while (i < n && (this.state as State) !== 'stopped') i = this.step(chunk, i);
    // keep what a key or a record has so far; count the rest of the chunk's lines
    if (this.state === 'in-key' || (this.state === 'in-value' && this.capturing)) this.keep(chunk.subarray(this.start));
    this.lineAt(n);
  }

  /** Ends the input: a record cut off by the end of the file is reported. */
  end(): void {
    // a number or literal may end with the file (`42`, `[1, 2` cut after the 2 is still cut)
    if (this.state === 'in-value' && this.bareScalarOpen && !this.inString) {
      this.start = 0;
      this.finishValue(Buffer.alloc(0), 0);
    }
    const s = this.state;
    if (s === 'stopped' || s === 'done') return;
    const line = this.line;
    if (s === 'prefix') {
      this.fatal(line, this.prefixBytes === 0 ? 'the file is empty' : 'not a Twitter archive data file (no `window.YTD... =` assignment before the JSON)');
      return;
    }
    if (this.frames.length === 0 && s === 'value') {
      this.fatal(line, 'the file is empty or holds no JSON value');
      return;
    }
    const top = this.frames[this.frames.length - 1];
    if (s === 'in-value' && this.capturing) {
      this.fatal(line, `the file ends inside record ${this.valueIndex} (truncated?)`, this.valueIndex);
    } else if (top?.open === 0x5b && this.frames.length === 1) {
      const complete = top.count - (s === 'in-value' ? 1 : 0);
      this.fatal(line, `the file ends inside the array after ${complete} complete records (truncated?)`, complete);
    } else {
      this.fatal(line, 'the file ends in the middle of the JSON (truncated?)');
    }
  }

  /** True once the input was read to its end without a fatal problem. */
  get complete(): boolean {
    return this.state === 'done';
  }

  // ---- the state machine ------------------------------------------------------------

  private bareScalarOpen = false;

  /** Handles input from offset i in the current state; returns where to go on. */
  private step(b: Buffer, i: number): number {
    switch (this.state) {
      case 'prefix':
        return this.readPrefix(b, i);
      case 'value':
      case 'value-or-close': {
        i = skipSpace(b, i);
        if (i >= b.length) return i;
        const c = b[i]!;
        if (c === 0x5d && this.state === 'value-or-close') return this.close(b, i);
        return this.beginValue(b, i, c);
      }
      case 'key':
      case 'key-or-close': {
        i = skipSpace(b, i);
        if (i >= b.length) return i;
        const c = b[i]!;
        if (c === 0x7d && this.state === 'key-or-close') return this.close(b, i);
        if (c !== 0x22) return this.structureError(i, `expected a property name in double quotes, found ${showByte(c)}`);
        this.state = 'in-key';
        this.parts = [];
        this.partBytes = 0;
        this.start = i;
        this.inString = true;
        return i + 1;
      }
      case 'in-key': {
        const end = this.skipStringBody(b, i);
        if (end < 0) return b.length;
        this.inString = false;
        const keyText = this.take(b, end);
        let key: string;
        try {
          key = JSON.parse(keyText) as string;
        } catch {
          return this.structureError(i, 'invalid character or escape in a property name');
        }
        this.path[this.path.length - 1] = key;
        if (this.frames.length === 1) {
          this.options.onRootKey?.(key);
          this.rootKeyCounts.set(key, (this.rootKeyCounts.get(key) ?? 0) + 1);
        }
        this.state = 'colon';
        return end;
      }
      case 'colon': {
        i = skipSpace(b, i);
        if (i >= b.length) return i;
        if (b[i] !== 0x3a) return this.structureError(i, `expected ':' after the property name, found ${showByte(b[i]!)}`);
        this.state = 'value';
        return i + 1;
      }
      case 'after': {
        i = skipSpace(b, i);
        if (i >= b.length) return i;
        const c = b[i]!;
        const top = this.frames[this.frames.length - 1]!;
        if (c === 0x2c) {
          this.state = top.open === 0x7b ? 'key' : 'value';
          return i + 1;
        }
        if ((c === 0x7d && top.open === 0x7b) || (c === 0x5d && top.open === 0x5b)) return this.close(b, i);
        return this.structureError(i, `expected ',' or '${top.open === 0x7b ? '}' : ']'}' after record ${Math.max(0, top.count - 1)}, found ${showByte(c)}`);
      }
      case 'in-value':
        return this.scanValue(b, i);
      case 'done': {
        i = skipSpace(b, i);
        if (i >= b.length) return i;
        if (b[i] === 0x3b && this.options.assignment && !this.semicolon) {
          this.semicolon = true;
          return i + 1;
        }
        const what = this.options.expectRoot === 'array' ? "after the array's closing ']'" : 'after the end of the JSON value';
        this.options.onProblem({ line: this.lineAt(i), reason: `unexpected text ${what}`, fatal: true });
        this.state = 'stopped';
        return b.length;
      }
      case 'stopped':
        return b.length;
    }
  }

  private readPrefix(b: Buffer, i: number): number {
    const eq = b.indexOf(0x3d /* = */, i);
    const end = eq < 0 ? b.length : eq;
    if (this.prefixBytes + (end - i) > MAX_PREFIX) {
      this.fatal(this.lineAt(i), 'not a Twitter archive data file (no `window.YTD... =` assignment before the JSON)');
      return b.length;
    }
    this.parts.push(b.subarray(i, end));
    this.prefixBytes += end - i;
    if (eq < 0) return b.length;
    const lhs = Buffer.concat(this.parts).toString('utf8').replace(/^\uFEFF/, '').trim();
    this.parts = [];
    if (!ASSIGNEE.test(lhs)) {
      this.fatal(1, 'not a Twitter archive data file (no `window.YTD... =` assignment before the JSON)');
      return b.length;
    }
    this.assignedName = lhs.replace(/^window\./, '');
    this.state = 'value';
    return eq + 1;
  }

  private beginValue(b: Buffer, i: number, c: number): number {
    const kind: JsonKind = c === 0x7b ? 'object' : c === 0x5b ? 'array' : 'scalar';
    if (this.frames.length === 0 && this.options.expectRoot) {
      const want = this.options.expectRoot;
      if (kind !== want) return this.structureError(i, `expected '${want === 'array' ? '[' : '{'}' at the start of the JSON, found ${showByte(c)}`);
    }
    if (kind === 'scalar' && !isScalarStart(c)) return this.structureError(i, `invalid JSON: expected a value, found ${showByte(c)}`);
    const top = this.frames[this.frames.length - 1];
    if (top) {
      if (top.open === 0x5b) this.path[this.path.length - 1] = top.count;
      this.valueIndex = top.count;
      top.count++;
    } else this.valueIndex = 0;
    let pick = false;
    let walk = false;
    if (!this.isEarlierDuplicate()) {
      pick = this.options.select(this.path, kind);
      walk = !pick && kind !== 'scalar' && this.frames.length < this.navDepth;
    }
    if (walk) {
      this.frames.push({ open: c as 0x7b | 0x5b, count: 0 });
      this.path.push(kind === 'object' ? '' : 0);
      this.state = kind === 'object' ? 'key-or-close' : 'value-or-close';
      return i + 1;
    }
    // cut out (pick) or skip the value
    this.state = 'in-value';
    this.capturing = pick;
    this.depth = 0;
    this.tooDeep = false;
    this.lossy = false;
    this.digits = 0;
    this.parts = [];
    this.partBytes = 0;
    this.start = i;
    this.bareScalarOpen = kind === 'scalar' && c !== 0x22;
    if (pick) this.valueLine = this.lineAt(i);
    return this.scanValue(b, i);
  }

  /** True for a value under a root key that occurs again later (`lastOf`): the last one counts. */
  private isEarlierDuplicate(): boolean {
    const lastOf = this.options.lastOf;
    if (!lastOf || this.frames.length !== 1 || this.frames[0]!.open !== 0x7b) return false;
    const key = this.path[0] as string;
    const total = lastOf.get(key);
    return total !== undefined && (this.rootKeyCounts.get(key) ?? 0) < total;
  }

  /** Walks a picked or skipped value; returns the offset after it, or the chunk's end. */
  private scanValue(b: Buffer, i: number): number {
    const n = b.length;
    const capturing = this.capturing;
    let depth = this.depth;
    let digits = this.digits;
    for (;;) {
      if (this.inString) {
        const end = this.skipStringBody(b, i);
        if (end < 0) {
          this.depth = depth;
          return n;
        }
        this.inString = false;
        i = end;
        if (depth === 0) return this.finishValue(b, i);
        continue;
      }
      if (i >= n) {
        this.depth = depth;
        this.digits = digits;
        return n;
      }
      const c = b[i]!;
      if (c === 0x22) {
        this.inString = true;
        digits = 0;
        i++;
      } else if (c === 0x7b || c === 0x5b) {
        depth++;
        if (depth > MAX_JSON_DEPTH) this.tooDeep = true;
        digits = 0;
        i++;
      } else if (c === 0x7d || c === 0x5d) {
        if (depth === 0) return this.finishValue(b, i);
        depth--;
        i++;
        if (depth === 0) return this.finishValue(b, i);
      } else if (depth === 0 && (c === 0x2c || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)) {
        return this.finishValue(b, i);
      } else {
        if (c >= 0x30 && c <= 0x39) {
          if (++digits >= LOSSY_DIGITS && capturing) this.lossy = true;
        } else digits = 0;
        i++;
      }
    }
  }

  /** The value ended just before offset `end`: deliver it (when picked) and go on after it. */
  private finishValue(b: Buffer, end: number): number {
    this.depth = 0;
    this.bareScalarOpen = false;
    this.state = this.frames.length === 0 ? 'done' : 'after';
    if (!this.capturing) return end;
    this.capturing = false;
    const line = this.valueLine;
    const index = this.valueIndex;
    const ordinal = this.records++;
    const oversize = this.partBytes + (end - this.start) > MAX_RECORD_BYTES;
    const text = oversize ? '' : this.take(b, end);
    this.parts = [];
    if (oversize) {
      this.options.onProblem({ line, record: index, reason: `record ${index} is larger than ${describeRecordLimit()} (the most one record may hold)`, fatal: false });
      return end;
    }
    if (this.tooDeep) {
      this.options.onProblem({ line, record: index, reason: `record ${index} is nested deeper than ${MAX_JSON_DEPTH} levels`, fatal: false });
      return end;
    }
    let value: unknown;
    try {
      value = this.lossy ? parseJsonLossless(text) : JSON.parse(text);
    } catch (err) {
      const at = locateJsonError(text)?.offset ?? text.length;
      this.options.onProblem({ line: line + countNewlines(text, at), record: index, reason: `invalid JSON: ${jsonMessage(err)}`, fatal: false });
      return end;
    }
    this.options.onItem({ path: this.path.slice(), index, ordinal, line, value });
    return end;
  }

  private close(b: Buffer, i: number): number {
    this.frames.pop();
    this.path.pop();
    this.state = this.frames.length === 0 ? 'done' : 'after';
    return i + 1;
  }

  private structureError(i: number, reason: string): number {
    const top = this.frames[this.frames.length - 1];
    this.fatal(this.lineAt(i), reason.startsWith('invalid JSON') || reason.startsWith('expected \'') ? reason : `invalid JSON: ${reason}`, top?.open === 0x5b ? Math.max(0, top.count - 1) : undefined);
    return this.buf.length;
  }

  private fatal(line: number, reason: string, record?: number): void {
    this.state = 'stopped';
    this.options.onProblem({ line, reason, fatal: true, ...(record !== undefined ? { record } : {}) });
  }

  // ---- strings, bytes and lines -----------------------------------------------------

  /** From inside a string: the offset after its closing quote, or -1 when the chunk ends first. */
  private skipStringBody(b: Buffer, i: number): number {
    const n = b.length;
    if (this.escapePending) {
      this.escapePending = false;
      i++;
    }
    for (;;) {
      if (i >= n) return -1;
      let q = this.nextQuote;
      if (q < i) {
        q = b.indexOf(0x22, i);
        this.nextQuote = q = q < 0 ? n : q;
      }
      let s = this.nextBackslash;
      if (s < i) {
        s = b.indexOf(0x5c, i);
        this.nextBackslash = s = s < 0 ? n : s;
      }
      if (s < q) {
        if (s + 1 >= n) {
          this.escapePending = true;
          return -1;
        }
        i = s + 2;
        continue;
      }
      if (q >= n) return -1;
      return q + 1;
    }
  }

  /** Keeps bytes of a key or record that continues in the next chunk (within the record limit). */
  private keep(piece: Buffer): void {
    if (this.partBytes + piece.length <= MAX_RECORD_BYTES) this.parts.push(piece);
    else this.parts = [];
    this.partBytes += piece.length;
    this.start = 0;
  }

  /** The text of the key or record from its start to `end` (of the current chunk). */
  private take(b: Buffer, end: number): string {
    if (this.parts.length === 0) return b.toString('utf8', this.start, end);
    if (end > this.start) this.parts.push(b.subarray(this.start, end));
    const text = Buffer.concat(this.parts).toString('utf8');
    this.parts = [];
    this.partBytes = 0;
    return text;
  }

  /** The 1-based line of offset `pos` of the current chunk (offsets only move forward). */
  private lineAt(pos: number): number {
    if (pos <= this.counted) return this.line;
    // the next newline is searched again only once passed: a one-line file is scanned once per chunk, not once per record
    const b = this.buf;
    let k = this.nextNewline;
    if (k < this.counted) k = b.indexOf(0x0a, this.counted);
    while (k >= 0 && k < pos) {
      this.line++;
      k = b.indexOf(0x0a, k + 1);
    }
    this.nextNewline = k < 0 ? b.length : k;
    this.counted = pos;
    return this.line;
  }
}

/**
 * Counts how often each root key occurs (a pass that builds nothing), for `lastOf`.
 * Only the keys in `keys` are counted.
 */
export function createRootKeyCounter(keys: readonly string[]): { scanner: JsonScanner; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  const wanted = new Set(keys);
  const scanner = new JsonScanner({
    select: () => false,
    onItem: () => undefined,
    onProblem: () => undefined,
    navDepth: 1,
    onRootKey: (key) => {
      if (wanted.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
    },
  });
  return { scanner, counts };
}

function skipSpace(b: Buffer, i: number): number {
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}

function isScalarStart(c: number): boolean {
  return c === 0x22 || c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 /* t */ || c === 0x66 /* f */ || c === 0x6e /* n */;
}

function showByte(c: number): string {
  if (c >= 0x21 && c <= 0x7e) return `'${String.fromCharCode(c)}'`;
  // 0xfe and 0xff never occur in UTF-8: they start a UTF-16 byte-order mark
  return `byte 0x${c.toString(16).padStart(2, '0')}${c >= 0xfe ? ' (never in UTF-8 text: UTF-16? save the file as UTF-8)' : ''}`;
}

function countNewlines(s: string, to: number): number {
  let count = 0;
  for (let i = s.indexOf('\n'); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) count++;
  return count;
}

/** V8's message without the input excerpt it quotes (archive text is untrusted) or its offset. */
export function jsonMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message
    .replace(/, (?:\.\.\.)?".*$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}
