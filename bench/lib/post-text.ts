/** Deterministic tweet-like post texts for topic benches: ordinary words, topic names, hashtags, mentions, URLs, other scripts. */
import type { Rng } from '../../tools/sim/random.js';

export const FILLER = `the a to and of in is it for on with that this my just so at be we you i was have are not but
all about get like one out up what your can new time day from more now people will when good really today love week
see back some got going great think work know last still make first night well want home need morning coffee lunch
friends family weekend finally little thanks happy watching reading weather nice again year tonight tomorrow life
house school city walk train bus office meeting project team update news thread photo video post link check read
amazing fun best better long short big small free open late early sun rain snow cold hot summer winter spring fall`.split(/\s+/);

const OTHER_SCRIPTS = ['今日はいい天気ですね', 'Привет, как дела?', 'مرحبا بكم جميعا', 'Ça va très bien, merci', 'Größe und Straße', '🎉🔥👍', 'naïve café déjà vu'];

/** A post text of 8-24 words; `topicNames` are inserted as plain words, hashtags or lower case. */
export function makePostText(rng: Rng, topicNames: readonly string[], topicMentions: number): string {
  const words: string[] = [];
  const n = rng.between(8, 24);
  for (let i = 0; i < n; i++) words.push(rng.pick(FILLER));
  for (let k = 0; k < topicMentions && topicNames.length; k++) {
    const name = rng.pick(topicNames);
    const r = rng.next();
    const form = r < 0.2 ? `#${name.replace(/[^\p{L}\p{N}]+/gu, '')}` : r < 0.5 ? name.toLowerCase() : name;
    words.splice(rng.between(0, words.length), 0, form);
  }
  if (rng.chance(0.3)) words.unshift(`@user${rng.between(1, 5000)}`);
  if (rng.chance(0.15)) words.push(`https://example.com/${rng.between(1, 1e6)}`);
  if (rng.chance(0.1)) words.push(rng.pick(OTHER_SCRIPTS));
  if (rng.chance(0.2)) words.push(`#${rng.pick(FILLER)}`);
  return words.join(' ');
}
