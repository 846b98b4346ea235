/**
 * The ways a topic is written in posts ("surface forms"), derived from the taxonomy:
 * - the English display name, and without a trailing qualifier: "Queen (Band)" -> "queen";
 *   an acronym qualifier is a form of its own: "Electronic Dance Music (EDM)" -> "edm";
 * - the slug's words ("womens-rights" -> "womens rights"; "-super" dropped);
 * - "&" spelt "and" ("Barnes & Noble" -> "barnes and noble"), "$" spelt "s" ("A$AP" -> "asap");
 * - the hashtag form, the name's tokens run together: "Hip Hop" -> "hiphop" (matches "#HipHop");
 * - simple English plural/singular of the last word: "Cookies" -> "cookie", "Tablet" -> "tablets";
 * - display names in other languages (the ontology's display file). One in Latin script
 *   applies only to posts tagged with that language ("Mode" is French for fashion but an
 *   English word); one in another script (Arabic, Cyrillic, Japanese) applies to every post.
 * Dropped: one-character forms, lone stop words ("the", "it"), lone numbers.
 */
import { isCjkToken, stripDiacritics, tokenize } from './text.js';
import type { Taxonomy } from './taxonomy.js';

export type FormSource = 'name' | 'slug' | 'acronym' | 'variant' | 'hashtag' | 'plural' | 'alt';

export interface SurfaceForm {
  topic: number;
  tokens: string[];
  /** null: every post; else the language a post must be tagged with */
  lang: string | null;
  source: FormSource;
}

const STOP_WORDS = new Set(
  `a an and are as at be been but by can de del der des di die do du el en et for from go had has have he her his how i if in
  into is it its la le les los me my no not of on or our per se she so than that the their them then there these they this
  to un una und up us was we were what when where which who why will with you your`.split(/\s+/),
);

// Words ending in 's' whose singular is not another form of them ("news" is not "new").
const NO_SINGULAR = new Set(
  `news series species means chess physics economics politics athletics ethics mathematics gymnastics aerobics genetics
  graphics robotics analytics logistics linguistics windows glasses atlas canvas lens texas paris athens dallas kansas
  arkansas illinois mars vegas williams jones james lewis davis billiards diabetes herpes measles mumps rabies lupus
  crisis analysis basis thesis tennis status bus gas yes its this his`.split(/\s+/),
);

const LATIN_WORD = /^[a-z]+$/;

/** Plural of an English word by the usual spelling rules, or null when it does not apply. */
export function pluralOf(w: string): string | null {
  if (!LATIN_WORD.test(w) || w.length < 3) return null;
  if (/(s|x|z|ch|sh)$/.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  return `${w}s`;
}

/** Singular candidates of an English plural ("cookies" -> cookie, cooky), empty when the word does not look plural. */
export function singularsOf(w: string): string[] {
  if (!LATIN_WORD.test(w) || w.length < 4 || NO_SINGULAR.has(w)) return [];
  if (/(ss|us|is|ics|ous)$/.test(w)) return [];
  if (/[^aeiou]ies$/.test(w)) return [w.slice(0, -1), `${w.slice(0, -3)}y`];
  if (/(ches|shes|xes|sses|zes)$/.test(w)) return [w.slice(0, -2), w.slice(0, -1)];
  if (w.endsWith('s')) return [w.slice(0, -1)];
  return [];
}

const QUALIFIER = /^(.*?)\s*\(([^()]*)\)\s*$/;

/** Keeps a form unless it is too weak to mean anything alone. */
function keepForm(tokens: string[]): boolean {
  if (tokens.length === 0) return false;
  if (tokens.length > 1) return true;
  const t = tokens[0]!;
  if (STOP_WORDS.has(t) || /^[0-9]+$/.test(t)) return false;
  return isCjkToken(t) ? false : [...t].length >= 2;
}

/** The English forms of one topic (name, slug, variants, hashtag and plural forms). */
function englishForms(name: string, slug: string): [string[], FormSource][] {
  const out: [string[], FormSource][] = [];
  const m = QUALIFIER.exec(name);
  const base = m ? m[1]! : name;
  out.push([tokenize(name), 'name']);
  if (m) {
    out.push([tokenize(base), 'name']);
    const q = m[2]!.trim();
    if (/^[A-Z][A-Z0-9&]{1,7}$/.test(q)) out.push([tokenize(q), 'acronym']);
  }
  out.push([tokenize(slug.replace(/-super$/, '').replace(/-/g, ' ')), 'slug']);
  if (base.includes('&')) out.push([tokenize(base.replace(/\s*&\s*/g, ' and ')), 'variant']);
  if (base.includes('$')) out.push([tokenize(base.replace(/\$/g, 's')), 'variant']);
  const main = tokenize(base);
  if (main.length > 1) {
    const joined = main.join('');
    if (joined.length >= 4) out.push([[joined], 'hashtag']);
  }
  for (const [tokens] of [...out]) {
    const last = tokens[tokens.length - 1];
    if (last === undefined) continue;
    const singulars = singularsOf(last);
    const plural = pluralOf(last);
    for (const v of singulars.length ? singulars : plural ? [plural] : []) out.push([[...tokens.slice(0, -1), v], 'plural']);
  }
  return out;
}

/** Every surface form of every topic, deduplicated per topic and language. */
export function generateSurfaceForms(tax: Taxonomy): SurfaceForm[] {
  const forms: SurfaceForm[] = [];
  const langs = Object.keys(tax.altNames).sort();
  const ownForms = new Map<string, number>();
  const english = tax.names.map((name, t) => englishForms(name, tax.slugs[t]!));
  for (let t = 0; t < tax.size; t++) {
    for (const [tokens, source] of english[t]!) {
      if (source !== 'plural' && !ownForms.has(tokens.join(' '))) ownForms.set(tokens.join(' '), t);
    }
  }
  for (let t = 0; t < tax.size; t++) {
    const seen = new Set<string>();
    const add = (tokens: string[], lang: string | null, source: FormSource) => {
      if (!keepForm(tokens)) return;
      const key = tokens.join(' ');
      // an English form already covers every post; a language-gated copy adds nothing
      if (seen.has(`*${key}`) || seen.has(`${lang ?? '*'}${key}`)) return;
      seen.add(`${lang ?? '*'}${key}`);
      forms.push({ topic: t, tokens, lang, source });
      // A name written with diacritics also matches text typed without them ("Björk" in
      // "bjork"); the reverse is not added: "über" in German text is not "Uber".
      const plain = tokens.map(stripDiacritics);
      if (plain.some((tok, i) => tok !== tokens[i])) add(plain, lang, 'variant');
    };
    for (const [tokens, source] of english[t]!) {
      // "Queens" (the borough) must not claim "queen": a plural form never takes another topic's own name
      if (source === 'plural' && ownForms.get(tokens.join(' ')) !== undefined && ownForms.get(tokens.join(' ')) !== t) continue;
      add(tokens, null, source);
    }
    for (const lang of langs) {
      const alt = tax.altNames[lang]![t];
      if (!alt) continue;
      const m = QUALIFIER.exec(alt);
      for (const text of m ? [alt, m[1]!] : [alt]) {
        const tokens = tokenize(text);
        // English and Latin-script alternatives in an unknown language are gated by the post's language
        const gated = lang !== 'en' && tokens.some((tok) => /[a-z]/.test(tok));
        add(tokens, gated ? lang : null, 'alt');
      }
    }
  }
  return forms;
}
