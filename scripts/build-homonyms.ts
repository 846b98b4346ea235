/**
 * Builds models/homonyms.json: per language, the words a spelling dictionary lists both as a
 * proper name (capitalised: "Python", "Oracle", "Phoenix") and as a common word in lower case
 * ("python" the snake, "oracle" the prophet, "phoenix" the bird). A topic named by such a word
 * is a homonym of everyday vocabulary even when the word is not frequent, so its lower-case
 * matches need sense evidence (src/engine/topics/background.ts, "Name homonyms").
 *
 *   npx tsx scripts/build-homonyms.ts
 *
 * Source: the en_US Hunspell dictionary derived from SCOWL (Kevin Atkinson,
 * http://wordlist.aspell.net, size 60), as packaged in the npm package dictionary-en 4.0.0
 * (a devDependency; licence "(MIT AND BSD)"; its notices are copied to models/homonyms-license.txt). Only English:
 * the case-aware dictionaries of the other languages the background covers are GPL, LGPL or
 * MPL licensed, and German writes every noun with a capital, so case tells it nothing.
 * Kept: words of three letters or more, written in lower case, whose capitalised form is also
 * an entry (a stem, before affixes). The output is committed; rerun when the dictionary changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOMONYMS_FORMAT, HOMONYMS_VERSION } from '../src/inputs/background.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// the package exports only its loader (index.js, which reads the files next to it); its .dic is read directly
const dic = path.join(root, 'node_modules', 'dictionary-en', 'index.dic');
const stems = fs
  .readFileSync(dic, 'utf8')
  .split('\n')
  .slice(1) // the first line is the entry count
  .map((line) => line.split('/')[0]!.trim())
  .filter(Boolean);
const lower = new Set(stems.filter((w) => w === w.toLowerCase()));
const homonyms = stems
  .filter((w) => w.length >= 3 && w[0] !== w[0]!.toLowerCase() && w.slice(1) === w.slice(1).toLowerCase() && lower.has(w.toLowerCase()))
  .map((w) => w.toLowerCase());
const words = [...new Set(homonyms)].sort();
const doc = {
  format: HOMONYMS_FORMAT,
  version: HOMONYMS_VERSION,
  source: 'en_US Hunspell dictionary from SCOWL size 60 (npm dictionary-en 4.0.0)',
  attribution: 'SCOWL word lists, Copyright 2000-2018 Kevin Atkinson, http://wordlist.aspell.net',
  license: 'MIT AND BSD (models/homonyms-license.txt)',
  languages: { en: words },
};
// one word per line, so a rebuild's change reads as a diff
const { languages, ...head } = doc;
const body = Object.entries(languages).map(([lang, list]) => `${JSON.stringify(lang)}:[\n${list.map((w) => JSON.stringify(w)).join(',\n')}\n]`);
fs.writeFileSync(path.join(root, 'models', 'homonyms.json'), `${JSON.stringify(head).slice(0, -1)},"languages":{${body.join(',')}}}\n`);
// the dictionary's copyright and permission notices travel with the list
fs.copyFileSync(path.join(root, 'node_modules', 'dictionary-en', 'license'), path.join(root, 'models', 'homonyms-license.txt'));
console.log(`models/homonyms.json: ${words.length} English words`);
