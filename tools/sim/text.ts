/**
 * Post text, post ids and bios, generated on demand from a World: each string comes from
 * its own seeded stream (world seed + post index), so nothing is kept in memory and the
 * same post always reads the same, whatever order it is asked for in.
 */
import {
  BIOS_EVERYDAY, CHATTER, CHATTER_TAGS, CITIES_BY_LANG, EMOJI, EXPERT_BIO_ROLES, LANGS, MENTION_CHATTER, MENTION_POSTS, MONTHS,
  ONCE_TEMPLATES, REPLIES, SPAM_TEMPLATES, STUFFED_LEADS, STUFFING_TAGS, TOPIC_TEMPLATES, WEEKDAYS, type Lang,
} from './lexicon.js';
import { Rng, hashSeed } from './random.js';
import { EXPERT_TOPICS, SIM_TOPICS, type SimTopic } from './topics.js';
import { C, KIND_RESHARE, P, type World } from './world-types.js';

/** Twitter's snowflake epoch (2010-11-04T01:42:54.657Z) in seconds. */
const SNOWFLAKE_EPOCH_S = 1288834974;

/**
 * A post's id: 19 digits like a snowflake id, beyond 2^53 (ids are text everywhere), and
 * increasing with time because posts are sorted by time: '1' + 9 digits of seconds since
 * the snowflake epoch + the post's index in 9 digits (unique by construction).
 */
export function postId(world: World, p: number): string {
  const sec = Math.floor(world.t0 / 1000) + world.posts.time[p]! - SNOWFLAKE_EPOCH_S;
  return `1${String(sec).padStart(9, '0')}${String(p).padStart(9, '0')}`;
}

/** The link to a post (what a quote carries, as in real exports). */
export function postUrl(world: World, p: number): string {
  return `https://x.com/${world.accounts.handle[world.posts.author[p]!]}/status/${postId(world, p)}`;
}

/** A template split into literal text and slot names, compiled once. */
type Compiled = { lits: string[]; slots: string[] };
const compiled = new Map<string, Compiled>();

function compile(template: string): Compiled {
  let c = compiled.get(template);
  if (!c) {
    const lits: string[] = [];
    const slots: string[] = [];
    let last = 0;
    for (const m of template.matchAll(/\{(\w+)\}/g)) {
      lits.push(template.slice(last, m.index));
      slots.push(m[1]!);
      last = m.index! + m[0].length;
    }
    lits.push(template.slice(last));
    compiled.set(template, (c = { lits, slots }));
  }
  return c;
}

function slotValue(key: string, r: Rng, slots: Record<string, string>): string {
  const given = slots[key];
  if (given !== undefined) return given;
  switch (key) {
    case 'emoji': return r.pick(EMOJI);
    case 'weekday': return r.pick(WEEKDAYS);
    case 'month': return r.pick(MONTHS);
    case 'n': return String(r.between(2, 12));
    case 'year': return String(2020 + r.int(7));
    case 'url': return `https://example.com/p/${r.u32().toString(36)}`;
    case 'city': return r.pick(CITIES_BY_LANG.en);
    default: return `{${key}}`;
  }
}

const NO_SLOTS: Record<string, string> = {};

function fill(template: string, r: Rng, slots: Record<string, string> = NO_SLOTS): string {
  const c = compile(template);
  let out = c.lits[0]!;
  for (let k = 0; k < c.slots.length; k++) out += slotValue(c.slots[k]!, r, slots) + c.lits[k + 1]!;
  return out;
}

function topicSlots(t: SimTopic, r: Rng): Record<string, string> {
  const forms = [t.name, ...t.forms];
  const v1 = t.vocab.length > 0 ? r.pick(t.vocab) : t.name;
  let v2 = v1;
  for (let k = 0; k < 4 && v2 === v1 && t.vocab.length > 1; k++) v2 = r.pick(t.vocab);
  return { Name: t.name, form: r.pick(forms), tag: t.tag, v1, v2, ar: t.ar ?? t.name };
}

const baseCache = new WeakMap<World, number>();
function textBase(world: World): number {
  let b = baseCache.get(world);
  if (b === undefined) baseCache.set(world, (b = hashSeed(world.config.seed, 'text')));
  return b;
}

/** A post's text. */
export function postText(world: World, p: number): string {
  const posts = world.posts;
  const a = world.accounts;
  const content = posts.content[p]!;
  if (posts.kind[p] === KIND_RESHARE || content === C.reshare) {
    const parent = posts.parent[p]!;
    return parent >= 0 ? postText(world, parent) : '';
  }
  const r = Rng.forItem(textBase(world), p);
  const author = posts.author[p]!;
  const lang: Lang = LANGS[a.lang[author]!]!;
  const topic = posts.topic[p]!;
  switch (content) {
    case C.chatter: {
      const mention = posts.mention[p]!;
      let text = mention >= 0 && lang === 'en'
        ? fill(r.pick(MENTION_CHATTER), r, { m: `@${a.handle[mention]}` })
        : fill(r.pick(CHATTER[lang]), r, { city: r.pick(CITIES_BY_LANG[lang]) });
      if (mention >= 0 && lang !== 'en') text = `@${a.handle[mention]} ${text}`;
      if (r.chance(0.08)) text += ` #${r.pick(CHATTER_TAGS)}`;
      else if (r.chance(0.12)) text += ` ${r.pick(EMOJI)}`;
      return text;
    }
    case C.topic: {
      const t = SIM_TOPICS[topic]!;
      const templates = lang === 'en' || r.chance(0.3) ? TOPIC_TEMPLATES.en : TOPIC_TEMPLATES[lang];
      let text = fill(r.pick(templates), r, topicSlots(t, r));
      if (r.chance(0.15)) text += ` ${r.pick(EMOJI)}`;
      return text;
    }
    case C.once:
      return fill(r.pick(ONCE_TEMPLATES), r, topicSlots(SIM_TOPICS[topic]!, r));
    case C.spam: {
      const t = SIM_TOPICS[topic >= 0 ? topic : EXPERT_TOPICS[0]!]!;
      return fill(r.pick(SPAM_TEMPLATES), r, { ...topicSlots(t, r), n: String(r.between(3, 999)) });
    }
    case C.stuffed: {
      const k = r.between(6, 15);
      const tags = new Set<string>();
      for (let i = 0; i < 3 && tags.size < k; i++) tags.add(SIM_TOPICS[r.pick(EXPERT_TOPICS)]!.tag);
      for (let guard = 0; tags.size < k && guard < 100; guard++) tags.add(r.pick(STUFFING_TAGS));
      return `${r.pick(STUFFED_LEADS)} ${[...tags].map((t) => `#${t}`).join(' ')}`;
    }
    case C.reply:
    case C.replyBack:
      return r.pick(REPLIES[lang]);
    case C.quote: {
      const parent = posts.parent[p]!;
      return `${r.pick(REPLIES[lang])} ${parent >= 0 ? postUrl(world, parent) : ''}`.trim();
    }
    case C.mention:
      return fill(r.pick(MENTION_POSTS), r, { m: `@${a.handle[posts.mention[p]!]}` });
    default:
      return '';
  }
}

/** An account's bio (may be empty, may span two lines). */
export function accountBio(world: World, i: number): string {
  const a = world.accounts;
  const r = new Rng(world.config.seed, 'bio', i);
  const lang: Lang = LANGS[a.lang[i]!]!;
  const persona = a.persona[i]!;
  const city = r.pick(CITIES_BY_LANG[lang]);
  const everyday = () => fill(r.pick(BIOS_EVERYDAY[lang]), r, { city });
  const t0 = a.topics[i * 3]!;
  const t1 = a.topics[i * 3 + 1]!;
  let bio: string;
  if (persona === P.farm) bio = 'Follow me and I follow back! #F4F #TeamFollowBack 💯';
  else if (persona === P.churner) bio = 'Building my audience 📈 | follow for follow';
  else if (persona === P.bot) bio = `Automated ${SIM_TOPICS[a.sideTopic[i]!]?.name ?? 'news'} updates 24/7 🤖 DM for promo`;
  else if (persona === P.stuffer) bio = '📸 | ✈️ | ☕ | DM for collabs';
  else if (persona === P.pod) bio = "Growth mindset | Entrepreneur | Let's connect 🚀";
  else if (persona === P['serial-engager']) bio = r.chance(0.5) ? '' : 'fan account';
  else if (persona === P.celebrity) {
    bio = t0 >= 0 ? `Official account. ${SIM_TOPICS[t0]!.name} ${r.pick(['artist', 'champion', 'legend', 'host'])}. Booking: mgmt@example.com` : `Official account of ${a.displayName[i]}.`;
  } else if (t0 >= 0 && (persona === P.expert || persona === P.rising || r.chance(0.3))) {
    const t = SIM_TOPICS[t0]!;
    const slots = topicSlots(t, r);
    bio = `${t.name} ${r.pick(EXPERT_BIO_ROLES)}. ${slots.v1} + ${slots.v2}.`;
    if (t1 >= 0) bio += ` Also ${SIM_TOPICS[t1]!.forms[0]}.`;
    if (r.chance(0.5)) bio += r.chance(0.3) ? `\n${city}` : ' Views my own.';
  } else if (persona === P.lurker && r.chance(0.5)) bio = '';
  else bio = everyday();
  const side = a.sideTopic[i]!;
  if (side >= 0 && persona !== P.bot) bio = `${bio}${bio ? ' · ' : ''}${SIM_TOPICS[side]!.name}, naps, repeat.`;
  return bio;
}
