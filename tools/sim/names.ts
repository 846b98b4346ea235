/**
 * Handles and display names that read like real ones ('maria_lopez', 'jbaker88',
 * 'quietfox', 'さくら'), unique within a world, Twitter-shaped (1-15 of [A-Za-z0-9_]).
 */
import { ACCENTED, FIRST_NAMES, HANDLE_ADJECTIVES, HANDLE_NOUNS, LANGS, LAST_NAMES, SCRIPT_NAMES, type Lang } from './lexicon.js';
import type { Rng } from './random.js';
import { SIM_TOPICS } from './topics.js';
import { PERSONAS, type Persona } from './world-types.js';

const MAX = 15;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Named {
  handle: string;
  displayName: string;
}

function personName(rng: Rng, lang: Lang): { first: string; last: string; display: string } {
  const first = rng.pick(FIRST_NAMES[lang]);
  const last = rng.pick(LAST_NAMES[lang]);
  let display: string;
  if (lang === 'ja') display = `${SCRIPT_NAMES[last] ?? cap(last)}${SCRIPT_NAMES[first] ?? cap(first)}`;
  else if (lang === 'ar' || lang === 'ru') display = `${SCRIPT_NAMES[first] ?? cap(first)} ${SCRIPT_NAMES[last] ?? cap(last)}`;
  else if (lang === 'es') display = `${ACCENTED[first] ?? cap(first)} ${ACCENTED[last] ?? cap(last)}`;
  else display = `${cap(first)} ${last === 'obrien' ? "O'Brien" : cap(last)}`;
  if (lang === 'ja' && rng.chance(0.5)) display = SCRIPT_NAMES[first] ?? display;
  return { first, last, display };
}

function personHandle(rng: Rng, first: string, last: string): string {
  switch (rng.int(7)) {
    case 0: return `${first}${last}`;
    case 1: return `${first}_${last}`;
    case 2: return `${first}${rng.between(1, 99)}`;
    case 3: return `${first.charAt(0)}${last}`;
    case 4: return `${first}${last.charAt(0)}${rng.between(70, 99)}`;
    case 5: return `${rng.pick(HANDLE_ADJECTIVES)}${first}`;
    default: return `${first}.${last}`.replace('.', rng.chance(0.5) ? '_' : '');
  }
}

function nameFor(rng: Rng, persona: Persona, lang: Lang, topic: number): Named {
  const t = topic >= 0 ? SIM_TOPICS[topic]! : undefined;
  switch (persona) {
    case 'bot': {
      const stem = rng.pick(['deals', 'news', 'alerts', 'daily', 'feed', 'updates', 'promo']);
      const topicStem = t ? t.tag.slice(0, 7) : rng.pick(['crypto', 'tech', 'shop']);
      return { handle: `${topicStem}_${stem}${rng.between(1, 999)}`, displayName: `${cap(topicStem)} ${cap(stem)} 24/7` };
    }
    case 'farm':
    case 'churner': {
      const p = personName(rng, 'en');
      const tag = rng.pick(['followback', 'f4f', 'teamfollow', 'ifollowback', 'growth']);
      return { handle: rng.chance(0.5) ? `${tag}_${p.first}` : `${p.first}${tag}${rng.between(1, 99)}`, displayName: `${p.display} ✨` };
    }
    case 'stuffer': {
      const p = personName(rng, lang);
      return { handle: `${p.first}.${rng.pick(['vibes', 'life', 'daily', 'style', 'goals'])}`.replace('.', '_'), displayName: `${p.display} 🌸` };
    }
    case 'celebrity': {
      const p = personName(rng, lang);
      const stage = rng.chance(0.3);
      if (stage) {
        const nick = `${rng.pick(['dj', 'mc', 'lil', 'the'])}${cap(rng.pick(HANDLE_NOUNS))}`;
        return { handle: nick.toLowerCase(), displayName: nick.replace(/^(dj|mc|lil|the)/, (m) => `${m.toUpperCase()} `) };
      }
      return { handle: rng.chance(0.4) ? `real${p.first}${p.last}` : `${p.first}${p.last}`, displayName: p.display };
    }
    case 'expert': {
      const p = personName(rng, lang);
      if (t && t.tag.length <= 9 && rng.chance(0.4)) {
        const options = [`${p.first}_${t.tag}`, `${t.tag}with${p.first}`, `${p.first}${t.tag}`].filter((h) => h.length <= MAX);
        if (options.length > 0) return { handle: rng.pick(options), displayName: p.display };
      }
      return { handle: personHandle(rng, p.first, p.last), displayName: p.display };
    }
    default: {
      if (rng.chance(0.12)) {
        const h = `${rng.pick(HANDLE_ADJECTIVES)}${rng.chance(0.3) ? '_' : ''}${rng.pick(HANDLE_NOUNS)}`;
        return { handle: rng.chance(0.2) ? `the_${h}` : h, displayName: rng.chance(0.5) ? cap(h.replace(/_/g, ' ')) : personName(rng, lang).display };
      }
      const p = personName(rng, lang);
      return { handle: personHandle(rng, p.first, p.last), displayName: p.display };
    }
  }
}

/** Unique handles and display names for every account, in account order. */
export function makeNames(
  rng: Rng,
  persona: Uint8Array,
  lang: Uint8Array,
  firstTopic: (i: number) => number,
): { handle: string[]; displayName: string[] } {
  const n = persona.length;
  const handle: string[] = new Array(n);
  const displayName: string[] = new Array(n);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const named = nameFor(rng, PERSONAS[persona[i]!]!, LANGS[lang[i]!]!, firstTopic(i));
    let h = named.handle.replace(/[^A-Za-z0-9_]/g, '').slice(0, MAX);
    if (h.length < 3) h = `${h}${rng.between(100, 999)}`;
    let tries = 0;
    while (seen.has(h.toLowerCase())) {
      const suffix = String(rng.between(1, tries < 5 ? 99 : 99999));
      h = `${named.handle.replace(/[^A-Za-z0-9_]/g, '').slice(0, MAX - suffix.length)}${suffix}`;
      tries++;
    }
    seen.add(h.toLowerCase());
    handle[i] = h;
    displayName[i] = named.displayName;
  }
  return { handle, displayName };
}
