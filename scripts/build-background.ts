/**
 * Builds models/background.json.gz, the topic model's picture of how people write in general:
 * per-language word frequencies derived from the wordfreq word lists (Robyn Speer, wordfreq
 * 3.x data, CC BY-SA 4.0; sources: Wikipedia, OpenSubtitles 2018 and SUBTLEX, NewsCrawl and
 * GlobalVoices, Google Books Ngrams, OSCAR web text, Twitter, Reddit, Jieba).
 *
 *   npx tsx scripts/build-background.ts WORDFREQ_DATA_DIR
 *
 * WORDFREQ_DATA_DIR is the `wordfreq/data` folder of a checkout of
 * https://github.com/rspeer/wordfreq (built from commit 912caf6, "version 3.2"), holding the
 * `large_XX.msgpack.gz` / `small_XX.msgpack.gz` lists. The output is committed; rerun only when
 * the lists, the tokenizer (src/engine/topics/text.ts) or the built-in taxonomy change.
 *
 * What is kept per language (everything else is dropped, so the table stays small):
 *   - every word at Zipf >= KEEP_ZIPF (the everyday vocabulary the sense rule needs, and the
 *     common words language identification reads);
 *   - every other word that is a token of a built-in topic's surface form (so a rare topic
 *     word gets its real frequency rather than the floor);
 *   - Chinese and Japanese, written without spaces, also get per-character frequencies
 *     (the matcher reads them a character at a time): a character's share of all characters
 *     written, summed over the words that contain it; traditional Chinese characters take
 *     their simplified form's frequency (wordfreq's own mapping).
 * Words are passed through the project's own tokenizer; a word that is not one token is
 * dropped, two words that fold to one token add up. Frequencies are stored as Zipf values
 * (log10 of occurrences per billion words) rounded to 0.01, as wordfreq stores them.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { isCjkToken, tokenize } from '../src/engine/topics/text.js';
import { generateSurfaceForms } from '../src/engine/topics/surface-forms.js';
import { loadBuiltinTaxonomy } from '../src/inputs/ontology.js';
import { BACKGROUND_FORMAT, BACKGROUND_VERSION, serializeBackground, type BackgroundData, type LanguageTable } from '../src/inputs/background.js';

const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'ja', 'zh', 'ko', 'ar'];
const SPACELESS = new Set(['ja', 'zh']);
const KEEP_ZIPF = 3.5;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npx tsx scripts/build-background.ts WORDFREQ_DATA_DIR (the wordfreq/data folder of a wordfreq checkout)\n');
  process.exit(2);
}
const out = path.join(root, 'models', 'background.json.gz');

/** A small msgpack reader: the subset wordfreq's files use (arrays, maps, strings, integers). */
function decodeMsgpack(buf: Buffer): unknown {
  let i = 0;
  const td = new TextDecoder();
  const str = (n: number): string => {
    const s = td.decode(buf.subarray(i, i + n));
    i += n;
    return s;
  };
  const list = (n: number): unknown[] => Array.from({ length: n }, () => read());
  const map = (n: number): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    for (let k = 0; k < n; k++) {
      const key = String(read());
      o[key] = read();
    }
    return o;
  };
  function read(): unknown {
    const b = buf[i++]!;
    if (b <= 0x7f) return b;
    if (b <= 0x8f) return map(b & 0x0f);
    if (b <= 0x9f) return list(b & 0x0f);
    if (b <= 0xbf) return str(b & 0x1f);
    if (b >= 0xe0) return b - 256;
    switch (b) {
      case 0xc0: return null;
      case 0xc2: return false;
      case 0xc3: return true;
      case 0xcc: return buf[i++]!;
      case 0xcd: { const v = buf.readUInt16BE(i); i += 2; return v; }
      case 0xce: { const v = buf.readUInt32BE(i); i += 4; return v; }
      case 0xd0: { const v = buf.readInt8(i); i += 1; return v; }
      case 0xd1: { const v = buf.readInt16BE(i); i += 2; return v; }
      case 0xd2: { const v = buf.readInt32BE(i); i += 4; return v; }
      case 0xd9: return str(buf[i++]!);
      case 0xda: { const n = buf.readUInt16BE(i); i += 2; return str(n); }
      case 0xdb: { const n = buf.readUInt32BE(i); i += 4; return str(n); }
      case 0xdc: { const n = buf.readUInt16BE(i); i += 2; return list(n); }
      case 0xdd: { const n = buf.readUInt32BE(i); i += 4; return list(n); }
      case 0xde: { const n = buf.readUInt16BE(i); i += 2; return map(n); }
      case 0xdf: { const n = buf.readUInt32BE(i); i += 4; return map(n); }
      default: throw new Error(`unsupported msgpack byte 0x${b.toString(16)} at ${i - 1}`);
    }
  }
  return read();
}

/** wordfreq's "cBpack": [header, bucket0, bucket1, ...]; bucket k holds the words at -k centibels. */
function readWordList(lang: string): { file: string; words: Map<string, number> } {
  const file = ['large', 'small'].map((s) => path.join(dir!, `${s}_${lang}.msgpack.gz`)).find((f) => fs.existsSync(f));
  if (!file) throw new Error(`no wordfreq list for '${lang}' in ${dir}`);
  const doc = decodeMsgpack(zlib.gunzipSync(fs.readFileSync(file))) as unknown[];
  const head = doc[0] as { format?: string; version?: number };
  if (head?.format !== 'cB' || head.version !== 1) throw new Error(`${file}: not a cBpack v1 file`);
  const words = new Map<string, number>();
  for (let k = 1; k < doc.length; k++) for (const w of doc[k] as string[]) words.set(w, 10 ** (-(k - 1) / 100));
  return { file: path.basename(file), words };
}

function readChineseMapping(): Map<string, string> {
  const file = path.join(dir!, '_chinese_mapping.msgpack.gz');
  const m = new Map<string, string>();
  if (!fs.existsSync(file)) return m;
  const doc = decodeMsgpack(zlib.gunzipSync(fs.readFileSync(file))) as Record<string, string>;
  for (const [code, simplified] of Object.entries(doc)) m.set(String.fromCodePoint(Number(code)), simplified);
  return m;
}

const zipfOf = (f: number): number => Math.round((Math.log10(f) + 9) * 100) / 100;

const tax = loadBuiltinTaxonomy();
const formTokens = new Set<string>();
for (const f of generateSurfaceForms(tax)) for (const t of f.tokens) formTokens.add(t);
const traditional = readChineseMapping();

const languages: Record<string, LanguageTable> = {};
const sources: string[] = [];
for (const lang of LANGUAGES) {
  const { file, words } = readWordList(lang);
  sources.push(file);
  const kept = new Map<string, number>();
  let charMass = 0;
  const chars = new Map<string, number>();
  let wordMass = 0;
  for (const [w, f] of words) {
    const toks = tokenize(w);
    if (SPACELESS.has(lang)) {
      // every character written, as a share of all characters (the matcher's unit here)
      for (const c of toks) if ([...c].length === 1) chars.set(c, (chars.get(c) ?? 0) + f);
      charMass += f * toks.length;
      wordMass += f;
    }
    // a word of a spaceless script is kept whole (the matcher sees it as a run of characters)
    const t = toks.length === 1 ? toks[0]! : SPACELESS.has(lang) && toks.every((c) => isCjkToken(c)) ? toks.join('') : null;
    if (t === null) continue;
    if (zipfOf(f) < KEEP_ZIPF && !formTokens.has(t)) continue;
    kept.set(t, (kept.get(t) ?? 0) + f);
  }
  const table: LanguageTable = { words: bucket(kept) };
  if (SPACELESS.has(lang)) {
    const perChar = new Map<string, number>();
    for (const [c, f] of chars) perChar.set(c, f / charMass);
    if (lang === 'zh') for (const [trad, simp] of traditional) if (!perChar.has(trad) && perChar.has(simp)) perChar.set(trad, perChar.get(simp)!);
    table.characters = bucket(perChar);
    table.charactersPerWord = Math.round((charMass / wordMass) * 1000) / 1000;
  }
  languages[lang] = table;
}

/** Words grouped by Zipf value (x100), most frequent first; each group sorted. */
function bucket(m: Map<string, number>): [number, string][] {
  const groups = new Map<number, string[]>();
  for (const [w, f] of m) {
    const z = Math.round(zipfOf(f) * 100);
    if (z < 100) continue; // below Zipf 1: under the floor anyway
    (groups.get(z) ?? groups.set(z, []).get(z)!).push(w);
  }
  return [...groups].sort((a, b) => b[0] - a[0]).map(([z, ws]) => [z, ws.sort().join(' ')]);
}

const data: BackgroundData = {
  format: BACKGROUND_FORMAT,
  version: BACKGROUND_VERSION,
  source: `wordfreq 3.2 word lists (github.com/rspeer/wordfreq, commit 912caf6): ${sources.join(', ')}`,
  attribution:
    'Derived from wordfreq by Robyn Speer (doi:10.5281/zenodo.7199437), CC BY-SA 4.0, which contains data from Wikipedia, ' +
    'OPUS OpenSubtitles 2018 (opensubtitles.org), SUBTLEX (Brysbaert et al.; freely available data), NewsCrawl, GlobalVoices, ' +
    'Google Books Ngrams (books.google.com/ngrams), OSCAR, the Leeds Internet Corpus, ParaCrawl, Twitter and Reddit word counts, and the Jieba word list',
  license: 'https://creativecommons.org/licenses/by-sa/4.0/',
  changes:
    `Re-tokenized with influence's tokenizer; kept words at Zipf >= ${KEEP_ZIPF} and the tokens of the built-in taxonomy's surface forms; ` +
    'Chinese and Japanese also as per-character frequencies (traditional Chinese characters take their simplified form\'s frequency); ' +
    'frequencies stored as Zipf values x100 (log10 per billion words).',
  floorZipf: 1,
  languages,
};
const text = serializeBackground(data);
const gz = zlib.gzipSync(text, { level: 9 });
fs.writeFileSync(out, gz);
const counts = LANGUAGES.map((l) => {
  const t = languages[l]!;
  const n = t.words.reduce((s, [, ws]) => s + ws.split(' ').length, 0);
  const c = t.characters ? `+${t.characters.reduce((s, [, ws]) => s + ws.split(' ').length, 0)} chars` : '';
  return `${l} ${n}${c}`;
});
process.stdout.write(`${path.relative(process.cwd(), out)}: ${counts.join(', ')}; ${(text.length / 1024).toFixed(0)} KiB JSON, ${(gz.length / 1024).toFixed(0)} KiB gzipped\n`);
