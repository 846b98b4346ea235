/**
 * Loads the shipped background (models/background.json.gz: per-language word frequencies
 * derived from wordfreq, CC BY-SA 4.0; built by scripts/build-background.ts) into the engine's
 * Background model. Read once per process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MODELS_DIR } from '../package-paths.js';
import zlib from 'node:zlib';
import { InputError } from '../errors.js';
import type { Background, BackgroundLanguage } from '../engine/topics/background.js';

export const BACKGROUND_FORMAT = 'influence-background';
export const BACKGROUND_VERSION = 1;

/** models/background.json.gz in the package. */
export const BUILTIN_BACKGROUND_PATH = path.join(MODELS_DIR, 'background.json.gz');

export const HOMONYMS_FORMAT = 'influence-homonyms';
export const HOMONYMS_VERSION = 1;

/** models/homonyms.json in the package (built by scripts/build-homonyms.ts from a spelling dictionary). */
export const BUILTIN_HOMONYMS_PATH = path.join(MODELS_DIR, 'homonyms.json');

/** One language as stored: words grouped by Zipf x 100, most frequent group first. */
export interface LanguageTable {
  words: [number, string][];
  characters?: [number, string][];
  charactersPerWord?: number;
}

/** The file's content. */
export interface BackgroundData {
  format: string;
  version: number;
  source: string;
  attribution: string;
  license: string;
  changes: string;
  floorZipf: number;
  languages: Record<string, LanguageTable>;
}

/** One JSON document, one Zipf group per line (diffable once unzipped). */
export function serializeBackground(data: BackgroundData): string {
  const { languages, ...head } = data;
  const langs = Object.keys(languages).map((l) => {
    const t = languages[l]!;
    const part = (name: string, groups: [number, string][]) => `"${name}":[\n${groups.map((g) => JSON.stringify(g)).join(',\n')}\n]`;
    const fields = [part('words', t.words)];
    if (t.characters) fields.push(part('characters', t.characters), `"charactersPerWord":${t.charactersPerWord ?? 1}`);
    return `${JSON.stringify(l)}:{${fields.join(',')}}`;
  });
  return `${JSON.stringify(head).slice(0, -1)},"languages":{\n${langs.join(',\n')}\n}}\n`;
}

function groups(value: unknown, file: string, field: string): Map<string, number> {
  const bad = (): never => {
    throw new InputError('malformed frequency table', { file, field, expected: '[[zipf x 100, "word word ..."], ...]', fix: 'rebuild it with scripts/build-background.ts' });
  };
  if (!Array.isArray(value)) return bad();
  const m = new Map<string, number>();
  for (const g of value) {
    if (!Array.isArray(g) || !Number.isInteger(g[0]) || typeof g[1] !== 'string') return bad();
    const z = (g[0] as number) / 100;
    for (const w of (g[1] as string).split(' ')) if (w) m.set(w, z);
  }
  return m;
}

/** Parses the file's JSON text into the engine model, checking its shape. */
export function parseBackgroundJson(text: string, file: string): Background {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new InputError(`not valid JSON: ${(err as Error).message}`, { file, expected: `an ${BACKGROUND_FORMAT} file` });
  }
  if (doc['format'] !== BACKGROUND_FORMAT || doc['version'] !== BACKGROUND_VERSION || typeof doc['languages'] !== 'object' || doc['languages'] === null) {
    throw new InputError('not a background file', { file, field: 'format', expected: `"format": "${BACKGROUND_FORMAT}", "version": ${BACKGROUND_VERSION}`, fix: 'rebuild it with scripts/build-background.ts' });
  }
  const langs = doc['languages'] as Record<string, LanguageTable>;
  const languages = Object.keys(langs);
  const tables: BackgroundLanguage[] = languages.map((l) => {
    const words = groups(langs[l]!.words, file, `languages.${l}.words`);
    return {
      words,
      characters: langs[l]!.characters ? groups(langs[l]!.characters, file, `languages.${l}.characters`) : null,
      charactersPerWord: Number(langs[l]!.charactersPerWord ?? 1) || 1,
      ranked: Float32Array.from(words.values()).sort().reverse(),
      nameHomonyms: null,
    };
  });
  return {
    source: String(doc['source'] ?? file),
    attribution: typeof doc['attribution'] === 'string' ? doc['attribution'] : null,
    license: typeof doc['license'] === 'string' ? doc['license'] : null,
    languages,
    tables,
    floorZipf: Number(doc['floorZipf'] ?? 1),
  };
}

let builtin: Background | null = null;

/** The shipped background (read and unzipped once per process). */
export function loadBuiltinBackground(): Background {
  if (!builtin) {
    let raw: Buffer;
    try {
      raw = fs.readFileSync(BUILTIN_BACKGROUND_PATH);
    } catch {
      throw new InputError('the word-frequency background is missing', { file: BUILTIN_BACKGROUND_PATH, expected: 'models/background.json.gz shipped with influence', fix: 'reinstall influence, or rebuild it with scripts/build-background.ts' });
    }
    builtin = parseBackgroundJson(zlib.gunzipSync(raw).toString('utf8'), BUILTIN_BACKGROUND_PATH);
    attachHomonyms(builtin, readHomonyms(BUILTIN_HOMONYMS_PATH));
  }
  return builtin;
}

/** Per language, the words a dictionary lists both as a proper name and as a common word (models/homonyms.json). */
export function readHomonyms(file: string): Map<string, Set<string>> {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new InputError(`cannot read the name homonyms: ${(err as Error).message}`, { file, expected: 'models/homonyms.json shipped with influence', fix: 'reinstall influence, or rebuild it with scripts/build-homonyms.ts' });
  }
  const langs = doc['languages'];
  if (doc['format'] !== HOMONYMS_FORMAT || doc['version'] !== HOMONYMS_VERSION || typeof langs !== 'object' || langs === null) {
    throw new InputError('not a homonyms file', { file, field: 'format', expected: `"format": "${HOMONYMS_FORMAT}", "version": ${HOMONYMS_VERSION}`, fix: 'rebuild it with scripts/build-homonyms.ts' });
  }
  const out = new Map<string, Set<string>>();
  for (const [lang, words] of Object.entries(langs as Record<string, unknown>)) {
    if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) {
      throw new InputError('malformed word list', { file, field: `languages.${lang}`, expected: 'an array of lower-case words', fix: 'rebuild it with scripts/build-homonyms.ts' });
    }
    out.set(lang, new Set(words as string[]));
  }
  return out;
}

/** Gives each background language its name homonyms (languages the list lacks keep none). */
export function attachHomonyms(bg: Background, homonyms: Map<string, Set<string>>): void {
  bg.languages.forEach((lang, l) => {
    bg.tables[l]!.nameHomonyms = homonyms.get(lang) ?? null;
  });
}
