/**
 * Builds engine TopicInput by hand:
 *   const b = new TopicInputBuilder();
 *   const alice = b.account('alice', 'I bake');
 *   b.post(alice, 'Baked cookies', { engagers: [bob, carol] });   // each engager likes it
 *   const input = b.build();
 */
import type { PostKind } from '../../src/engine/dataset.js';
import type { TopicInput, TopicPost } from '../../src/engine/topics/expertise.js';
import { day } from '../../tools/sim/dataset-builder.js';

export interface PostOptions {
  at?: number;
  kind?: PostKind;
  lang?: string;
  hashtags?: number;
  /** accounts that engage; each contributes one event of `engageAs` */
  engagers?: number[];
  engageAs?: 'like' | 'reshare' | 'reply' | 'quote';
  likes?: number;
  reshares?: number;
  replies?: number;
}

export class TopicInputBuilder {
  private accounts: TopicInput['accounts'] = [];
  private posts: TopicPost[] = [];

  /** adds an account; returns its index */
  account(handle: string, bio: string | null = null): number {
    this.accounts.push({ handle, network: 'generic', bio });
    return this.accounts.length - 1;
  }

  /** adds `count` accounts that only engage; returns their indices */
  audience(count: number, prefix = 'fan'): number[] {
    return Array.from({ length: count }, () => this.account(`${prefix}${this.accounts.length}`));
  }

  /** adds a post; returns its id */
  post(author: number, text: string, o: PostOptions = {}): string {
    const id = `p${this.posts.length + 1}`;
    const engagers = o.engagers ?? [];
    const kind = o.engageAs ?? 'like';
    this.posts.push({
      author,
      id,
      createdAt: o.at ?? day(10),
      kind: o.kind ?? 'original',
      text,
      lang: o.lang ?? null,
      hashtags: o.hashtags ?? 0,
      events: { reply: kind === 'reply' ? engagers.length : 0, reshare: kind === 'reshare' ? engagers.length : 0, quote: kind === 'quote' ? engagers.length : 0, like: kind === 'like' ? engagers.length : 0 },
      declared: { likes: o.likes ?? NaN, reshares: o.reshares ?? NaN, replies: o.replies ?? NaN },
      engagers,
    });
    return id;
  }

  build(): TopicInput {
    return { accounts: [...this.accounts], posts: [...this.posts] };
  }
}
