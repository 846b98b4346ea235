import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BIOS_EVERYDAY, CHATTER, CHATTER_TAGS, MENTION_CHATTER, MENTION_POSTS, ONCE_TEMPLATES, REPLIES, TOPIC_TEMPLATES } from '../../tools/sim/lexicon.js';
import { EXPERT_TOPICS, PLAIN_EXPERT_TOPICS, SIM_TOPICS } from '../../tools/sim/topics.js';
import { SHARED } from '../helpers/cli.js';

const ONTOLOGY = path.join(SHARED, 'data', 'klout-topic-ontology');
const hasOntology = fs.existsSync(path.join(ONTOLOGY, 'klout_topic_ontology_20180601.csv'));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Matches a surface form as a whole word, also as a simple plural or singular (what a matcher might do). */
function formPattern(form: string): RegExp {
  const f = form.toLowerCase();
  const variants = new Set([f, `${f}s`, f.endsWith('s') ? f.slice(0, -1) : f]);
  return new RegExp(`(^|[^\\p{L}\\p{N}])(${[...variants].map(escape).join('|')})($|[^\\p{L}\\p{N}])`, 'iu');
}
const surfaceForms = (i: number) => [SIM_TOPICS[i]!.name, ...SIM_TOPICS[i]!.forms, SIM_TOPICS[i]!.tag];

describe('curated topics', () => {
  it('are about 60-80 distinct topics, most of them possible expertise, some everyday words', () => {
    expect(SIM_TOPICS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(SIM_TOPICS.map((t) => t.slug)).size).toBe(SIM_TOPICS.length);
    expect(EXPERT_TOPICS.length).toBeGreaterThan(55);
    const everyday = SIM_TOPICS.filter((t) => t.everyday).map((t) => t.slug);
    for (const slug of ['weather', 'nice', 'apple', 'happiness']) expect(everyday).toContain(slug);
    expect(PLAIN_EXPERT_TOPICS.every((i) => !SIM_TOPICS[i]!.everyday)).toBe(true);
    for (const t of SIM_TOPICS) expect(t.tag).toMatch(/^[a-z0-9]+$/);
  });

  it.skipIf(!hasOntology)('exist in the real Klout ontology with the exact slug and display name (and Arabic name)', () => {
    const rows = parse(fs.readFileSync(path.join(ONTOLOGY, 'klout_topic_ontology_20180601.csv')), { columns: true }) as Record<string, string>[];
    const bySlug = new Map(rows.map((r) => [r.topicSlug!, r]));
    const display = parse(fs.readFileSync(path.join(ONTOLOGY, 'klout_topic_display_20180601.csv')), { columns: true }) as Record<string, string>[];
    const arabic = new Map(display.filter((d) => d.language === 'ar').map((d) => [d.topicId!, d.topicDisplayName!]));
    for (const t of SIM_TOPICS) {
      const row = bySlug.get(t.slug);
      expect(row, t.slug).toBeDefined();
      expect(row!.topicDisplayName).toBe(t.name);
      if (t.ar !== undefined) expect(arabic.get(row!.topicId!)).toBe(t.ar);
    }
    // there is no "Today" topic: only "India Today"
    expect(rows.some((r) => r.topicDisplayName === 'Today')).toBe(false);
  });
});

describe('lexicon', () => {
  const chatter = [...Object.values(CHATTER).flat(), ...MENTION_CHATTER, ...MENTION_POSTS, ...CHATTER_TAGS, ...Object.values(REPLIES).flat(), ...Object.values(BIOS_EVERYDAY).flat()];

  it('ordinary chatter, replies and bios name no expertise topic except the everyday-word ones', () => {
    for (let i = 0; i < SIM_TOPICS.length; i++) {
      if (SIM_TOPICS[i]!.everyday) continue;
      for (const form of surfaceForms(i)) {
        const re = formPattern(form);
        for (const line of chatter) expect(re.test(line), `${SIM_TOPICS[i]!.slug} in "${line}"`).toBe(false);
      }
    }
  });

  it('ordinary chatter does use everyday-word topics (the trap)', () => {
    const en = CHATTER.en.join('\n');
    for (const word of ['nice', 'weather', 'today', 'apple', 'coffee', 'happiness', 'walking', 'internet', 'running']) {
      expect(formPattern(word).test(en), word).toBe(true);
    }
  });

  it('topic vocabularies name no other curated topic', () => {
    for (let i = 0; i < SIM_TOPICS.length; i++) {
      for (const word of SIM_TOPICS[i]!.vocab) {
        for (let j = 0; j < SIM_TOPICS.length; j++) {
          if (j === i) continue;
          for (const form of surfaceForms(j)) expect(formPattern(form).test(word), `${SIM_TOPICS[i]!.slug}: "${word}" names ${SIM_TOPICS[j]!.slug}`).toBe(false);
        }
      }
    }
  });

  it('every topic and one-off template names the topic', () => {
    for (const templates of Object.values(TOPIC_TEMPLATES)) {
      for (const tpl of templates) expect(/\{(Name|form|tag|ar)\}/.test(tpl), tpl).toBe(true);
    }
    for (const tpl of ONCE_TEMPLATES) expect(/\{(Name|form)\}/.test(tpl), tpl).toBe(true);
  });
});
