import { describe, expect, it } from 'vitest';
import type { AccountRef, PostRecord } from '../../../src/store/records.js';
import { normalizeFollower, normalizeFollowing, normalizeLike, normalizeManifest, normalizeAccount, normalizeProfile } from '../../../src/import/twitter/normalize-rows.js';
import { normalizeTweet } from '../../../src/import/twitter/normalize-tweet.js';
import { isFault } from '../../../src/import/twitter/row-fault.js';
import { parseStatusUrl, parseTwitterDate } from '../../../src/import/twitter/values.js';

const OWNER: AccountRef = { network: 'twitter', handle: 'lena_dev', externalId: '1600000000000000001' };

/** A tweet as the archive writes it: every number a string, reply keys absent. */
function makeTweet(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tweet: {
      retweeted: false,
      entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
      display_text_range: ['0', '5'],
      favorite_count: '4',
      id_str: '2029905358261500001',
      retweet_count: '2',
      id: '2029905358261500001',
      created_at: 'Fri Mar 06 13:02:05 +0000 2026',
      favorited: false,
      full_text: 'hello',
      lang: 'en',
      ...over,
    },
  };
}

function post(row: unknown): PostRecord {
  const r = normalizeTweet(row, OWNER);
  if (isFault(r)) throw new Error(`fault: ${r.field} ${r.reason}`);
  return r;
}

describe('normalizeTweet', () => {
  it('reads string numbers and the Twitter date; the author is the owner', () => {
    expect(post(makeTweet())).toEqual({
      type: 'post',
      network: 'twitter',
      externalId: '2029905358261500001',
      author: OWNER,
      createdAt: Date.UTC(2026, 2, 6, 13, 2, 5),
      text: 'hello',
      lang: 'en',
      likes: 4,
      reshares: 2,
    });
  });

  it('tolerates the bare tweet object (no "tweet" key)', () => {
    expect(post((makeTweet() as { tweet: unknown }).tweet).externalId).toBe('2029905358261500001');
  });

  it('keeps ids that overflow JS numbers exactly, as text', () => {
    expect(post(makeTweet({ id_str: '9007199254740993123', id: '9007199254740993123' })).externalId).toBe('9007199254740993123');
  });

  it('stores lang as given, including qme, und, zxx, qam', () => {
    for (const lang of ['qme', 'und', 'zxx', 'qam']) expect(post(makeTweet({ lang })).lang).toBe(lang);
  });

  it('ignores edit_info (each version in the archive is its own tweet)', () => {
    const edit_info = { edit: { initialTweetId: '1', editControlInitial: { editTweetIds: ['1', '2029905358261500001'] } } };
    expect(post(makeTweet({ edit_info })).externalId).toBe('2029905358261500001');
  });

  it('has no replyTo when the reply keys are absent', () => {
    expect(post(makeTweet()).replyTo).toBeUndefined();
  });

  it('reads a reply: status id, user id and screen name', () => {
    const p = post(
      makeTweet({ in_reply_to_status_id_str: '2029800000000000002', in_reply_to_status_id: '2029800000000000002', in_reply_to_user_id_str: '1700000000000000021', in_reply_to_user_id: '1700000000000000021', in_reply_to_screen_name: 'maria_s' }),
    );
    expect(p.replyTo).toEqual({ externalId: '2029800000000000002', author: { network: 'twitter', handle: 'maria_s', externalId: '1700000000000000021' } });
  });

  it('reads a reply that names the user but no status', () => {
    const p = post(makeTweet({ in_reply_to_user_id_str: '783214', in_reply_to_screen_name: 'Twitter' }));
    expect(p.replyTo).toEqual({ author: { network: 'twitter', handle: 'Twitter', externalId: '783214' } });
  });

  it('reads a self-thread reply as a reply to the owner', () => {
    const p = post(makeTweet({ in_reply_to_status_id_str: '2029905358261500000', in_reply_to_user_id_str: OWNER.externalId, in_reply_to_screen_name: OWNER.handle }));
    expect(p.replyTo).toEqual({ externalId: '2029905358261500000', author: OWNER });
  });

  it('reads a retweet from its RT @ prefix: reshareOf the first mention, no counts, no mentions', () => {
    const p = post(
      makeTweet({
        full_text: 'RT @alice_w: Great thread by @bob_r on #parsing… https://t.co/q1',
        favorite_count: '0',
        retweet_count: '0',
        entities: {
          hashtags: [{ text: 'parsing' }],
          user_mentions: [
            { screen_name: 'alice_w', id_str: '1700000000000000031', id: '1700000000000000031' },
            { screen_name: 'bob_r', id_str: '1700000000000000032', id: '1700000000000000032' },
          ],
          urls: [{ expanded_url: 'https://x.com/bob_r/status/2029000000000000099' }],
        },
      }),
    );
    expect(p.reshareOf).toEqual({ author: { network: 'twitter', handle: 'alice_w', externalId: '1700000000000000031' } });
    expect(p.reshareOf!.externalId).toBeUndefined();
    expect(p.likes).toBeUndefined();
    expect(p.reshares).toBeUndefined();
    expect(p.mentions).toBeUndefined(); // the original author's mentions, not the owner's
    expect(p.quoteOf).toBeUndefined(); // the original's link, not a quote by the owner
    expect(p.hashtags).toEqual(['parsing']);
  });

  it('reads a retweet whose author is missing from user_mentions by the handle alone', () => {
    expect(post(makeTweet({ full_text: 'RT @dave_x: hi' })).reshareOf).toEqual({ author: { network: 'twitter', handle: 'dave_x' } });
  });

  it('does not take "RT @" inside the text for a retweet', () => {
    expect(post(makeTweet({ full_text: 'Please RT @x: thanks' })).reshareOf).toBeUndefined();
  });

  it('reads a quote from an x.com or twitter.com status link', () => {
    const quote = (url: string) => post(makeTweet({ entities: { urls: [{ url: 'https://t.co/z', expanded_url: url }] } })).quoteOf;
    expect(quote('https://x.com/bob_r/status/2029000000000000006')).toEqual({ externalId: '2029000000000000006', author: { network: 'twitter', handle: 'bob_r' } });
    expect(quote('https://twitter.com/bob_r/status/2029000000000000006?s=20')).toEqual({ externalId: '2029000000000000006', author: { network: 'twitter', handle: 'bob_r' } });
    expect(quote('https://twitter.com/i/web/status/2029000000000000007')).toEqual({ externalId: '2029000000000000007' });
    expect(quote('https://github.com/bob_r/status/1')).toBeUndefined();
  });

  it("keeps a quote of one's own tweet, but not a link to the tweet it replies to", () => {
    const own = post(makeTweet({ entities: { urls: [{ expanded_url: 'https://x.com/lena_dev/status/2029000000000000001' }] } }));
    expect(own.quoteOf).toEqual({ externalId: '2029000000000000001', author: { network: 'twitter', handle: 'lena_dev' } });
    const reply = post(
      makeTweet({
        in_reply_to_status_id_str: '2029000000000000001',
        in_reply_to_screen_name: 'lena_dev',
        entities: { urls: [{ expanded_url: 'https://x.com/lena_dev/status/2029000000000000001' }] },
      }),
    );
    expect(reply.quoteOf).toBeUndefined();
  });

  it('keeps the handle and drops the id of a mention whose id is "-1"', () => {
    const p = post(
      makeTweet({
        entities: {
          user_mentions: [
            { screen_name: 'ghost_acct', id_str: '-1', id: '-1' },
            { screen_name: 'maria_s', id_str: '1700000000000000021', id: '1700000000000000021' },
            { screen_name: 'Maria_S', id_str: '1700000000000000021', id: '1700000000000000021' },
          ],
        },
      }),
    );
    expect(p.mentions).toEqual([
      { network: 'twitter', handle: 'ghost_acct' },
      { network: 'twitter', handle: 'maria_s', externalId: '1700000000000000021' },
    ]);
  });

  it('reads hashtags from entities, once each', () => {
    expect(post(makeTweet({ entities: { hashtags: [{ text: 'rustlang' }, { text: 'RustLang' }, { text: 'zig' }] } })).hashtags).toEqual(['rustlang', 'zig']);
  });

  it('faults a tweet without an id or a date, naming the field', () => {
    const noId = normalizeTweet(makeTweet({ id_str: undefined, id: undefined }), OWNER);
    expect(noId).toMatchObject({ fault: true, field: 'id_str' });
    const badDate = normalizeTweet(makeTweet({ created_at: 'yesterday' }), OWNER);
    expect(badDate).toMatchObject({ fault: true, field: 'created_at' });
    expect(normalizeTweet('a string', OWNER)).toMatchObject({ fault: true, field: 'tweet' });
  });
});

describe('the other archive rows', () => {
  it('follower and following rows, with and without userLink, become id-only follow edges', () => {
    expect(normalizeFollower({ follower: { accountId: '25073877', userLink: 'https://twitter.com/intent/user?user_id=25073877' } }, OWNER)).toEqual({
      type: 'follow',
      follower: { network: 'twitter', externalId: '25073877' },
      followee: OWNER,
    });
    expect(normalizeFollowing({ following: { accountId: '12' } }, OWNER)).toEqual({ type: 'follow', follower: OWNER, followee: { network: 'twitter', externalId: '12' } });
    expect(normalizeFollower({ follower: {} }, OWNER)).toMatchObject({ fault: true, field: 'follower.accountId' });
  });

  it('a like names the tweet, not its author; no time; fullText may be missing', () => {
    expect(normalizeLike({ like: { tweetId: '2029894586810660002', expandedUrl: 'https://twitter.com/i/web/status/2029894586810660002' } }, OWNER)).toEqual({
      type: 'interaction',
      actor: OWNER,
      kind: 'like',
      targetPost: '2029894586810660002',
    });
    // an old-style link that names the author gives the target's handle
    expect(normalizeLike({ like: { tweetId: '12', fullText: 'x', expandedUrl: 'https://twitter.com/carol_k/status/12' } }, OWNER)).toMatchObject({ target: { network: 'twitter', handle: 'carol_k' } });
    expect(normalizeLike({ like: { fullText: 'x' } }, OWNER)).toMatchObject({ fault: true, field: 'like.tweetId' });
  });

  it('account, profile and manifest rows describe the owner', () => {
    expect(normalizeAccount({ account: { username: 'simonw', accountId: '12497', accountDisplayName: 'Simon Willison', createdAt: '2006-11-15T13:18:50.000Z' } })).toEqual({
      ref: { network: 'twitter', handle: 'simonw', externalId: '12497' },
      displayName: 'Simon Willison',
      createdAt: Date.UTC(2006, 10, 15, 13, 18, 50),
    });
    expect(normalizeAccount({ account: { accountId: '1' } })).toMatchObject({ fault: true, field: 'account.username' });
    // an empty website is known to be empty (audience audit evidence); an absent key is not known
    expect(normalizeProfile({ profile: { description: { bio: 'b', website: '', location: 'L' } } })).toEqual({ bio: 'b', url: '', location: 'L' });
    expect(normalizeProfile({ profile: { description: {} } })).toEqual({});
    expect(normalizeProfile({ profile: { description: {}, avatarMediaUrl: 'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png' } })).toEqual({ defaultAvatar: true });
    expect(normalizeProfile({ profile: { description: {}, avatarMediaUrl: 'https://pbs.twimg.com/profile_images/1/a.jpg' } })).toEqual({ defaultAvatar: false });
    const m = normalizeManifest({
      userInfo: { accountId: '40000001', userName: 'old_timer', displayName: 'Old Timer' },
      archiveInfo: { isPartialArchive: false },
      dataTypes: { tweets: { files: [{ fileName: 'data/tweets.js', count: '5' }, { fileName: 'data/tweets-part1.js', count: '2' }] }, tweetsMedia: { mediaDirectory: 'x' } },
    });
    expect(m.owner).toEqual({ ref: { network: 'twitter', handle: 'old_timer', externalId: '40000001' }, displayName: 'Old Timer' });
    expect(m.files.get('tweets')).toEqual([
      { fileName: 'data/tweets.js', count: 5 },
      { fileName: 'data/tweets-part1.js', count: 2 },
    ]);
    expect(m.partial).toBe(false);
  });
});

describe('values', () => {
  it('parses Twitter dates with offsets, and ISO dates', () => {
    expect(parseTwitterDate('Fri Mar 06 13:02:05 +0000 2026')).toBe(Date.UTC(2026, 2, 6, 13, 2, 5));
    expect(parseTwitterDate('Fri Mar 06 14:32:05 +0130 2026')).toBe(Date.UTC(2026, 2, 6, 13, 2, 5));
    expect(parseTwitterDate('2025-09-06T13:02:20.496Z')).toBe(Date.UTC(2025, 8, 6, 13, 2, 20, 496));
    expect(parseTwitterDate('Fri Xyz 06 13:02:05 +0000 2026')).toBeUndefined();
    expect(parseTwitterDate(1234)).toBeUndefined();
  });

  it('parses status links of both hosts, with and without a handle', () => {
    expect(parseStatusUrl('https://mobile.twitter.com/a_b/statuses/12/photo/1')).toEqual({ id: '12', handle: 'a_b' });
    expect(parseStatusUrl('https://x.com/i/status/34')).toEqual({ id: '34' });
    expect(parseStatusUrl('https://x.com/a/status/12abc')).toBeUndefined();
    expect(parseStatusUrl('https://evil.com/?u=https://x.com/a/status/1')).toBeUndefined();
  });
});

describe('text as written', () => {
  it('decodes the HTML entities Twitter stores in full_text and bios, in one pass', () => {
    expect(post(makeTweet({ full_text: '&gt; How did we get here? R&amp;D &lt;3 and a literal &amp;lt;' })).text).toBe('> How did we get here? R&D <3 and a literal &lt;');
    expect(post(makeTweet({ full_text: 'RT @x: fish &amp; chips' })).text).toBe('RT @x: fish & chips');
    expect(normalizeProfile({ profile: { description: { bio: 'maker &amp; breaker' } } })).toEqual({ bio: 'maker & breaker' });
  });
});
