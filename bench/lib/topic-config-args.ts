/**
 * Topic-model variants from the command line, for the topic benches: `--lead` (TopicConfig.detailsLead
 * on) and `--set path=value` (any TopicConfig field by dotted path, value as JSON: `--set sense.anchorPosts=3`).
 */
import { TOPIC_DEFAULTS, type TopicConfig } from '../../src/engine/topics/expertise.js';

/** The default TopicConfig with the overrides named in `args`; throws on an unknown field. */
export function topicConfigOf(args: string[]): TopicConfig {
  const config = structuredClone(TOPIC_DEFAULTS) as TopicConfig;
  if (args.includes('--lead')) config.detailsLead = true;
  args.forEach((a, i) => {
    if (a !== '--set') return;
    const [path, raw] = (args[i + 1] ?? '').split('=');
    const keys = path!.split('.');
    let obj = config as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) obj = obj[k] as Record<string, unknown>;
    const last = keys[keys.length - 1]!;
    if (!obj || !(last in obj)) throw new Error(`--set: no TopicConfig field ${path}`);
    obj[last] = JSON.parse(raw!);
  });
  return config;
}

/** A one-line description of the overrides (for the bench's header). */
export function describeOverrides(args: string[]): string {
  const parts = args.includes('--lead') ? ['detailsLead=true'] : [];
  args.forEach((a, i) => a === '--set' && parts.push(args[i + 1]!));
  return parts.join(' ') || 'defaults';
}
