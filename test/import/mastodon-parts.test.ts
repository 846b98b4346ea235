import { describe, expect, it } from 'vitest';
import { inferHandleFromUri, normalizeAddress } from '../../src/import/mastodon/addresses.js';
import { classifyVisibility, findBoostedAuthor } from '../../src/import/mastodon/convert-activity.js';
import { convertHtmlToText, decodeEntities } from '../../src/import/mastodon/html-to-text.js';

const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';
const FOLLOWERS = 'https://h.example/users/a/followers';

describe('convertHtmlToText', () => {
  it('turns paragraphs into blank lines and <br> into newlines', () => {
    expect(convertHtmlToText('<p>one<br>two<br/>three<br />four</p><p>five</p>')).toBe('one\ntwo\nthree\nfour\n\nfive');
  });
  it('drops tags, including attributes holding ">"', () => {
    expect(convertHtmlToText('<a href="x" title="a>b">link</a> <span class="invisible">https://</span>x.example')).toBe('link https://x.example');
  });
  it('decodes named, decimal and hex entities, and leaves unknown names alone', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&#39;&apos; &#233;&#xE9;&#x1F600; &eacute;&Eacute; &hellip; &bogus; &#0; &#xD800;')).toBe(
      `&<>"'' éé😀 éÉ … &bogus; \uFFFD \uFFFD`,
    );
  });
  it('decodes once: an escaped entity stays text', () => {
    expect(convertHtmlToText('<p>&amp;lt;b&amp;gt; &lt;script&gt;</p>')).toBe('&lt;b&gt; <script>');
  });
  it('is empty for empty content', () => {
    expect(convertHtmlToText('')).toBe('');
    expect(convertHtmlToText('<p></p>')).toBe('');
  });
  it('does not look up entity names on the object prototype', () => {
    expect(decodeEntities('&constructor; &toString;')).toBe('&constructor; &toString;');
  });
});

describe('normalizeAddress', () => {
  it('accepts user@host with or without a leading @, lower-casing the host', () => {
    expect(normalizeAddress('@Ann@Mastodon.Social')).toBe('Ann@mastodon.social');
    expect(normalizeAddress(' zed_1.x@sub.host-name.example ')).toBe('zed_1.x@sub.host-name.example');
    expect(normalizeAddress('ann@xn--bcher-kva.example')).toBe('ann@xn--bcher-kva.example');
  });
  it('rejects what is not an address', () => {
    for (const bad of ['', 'ann', '@ann', 'ann@', 'ann@localhost', 'a b@h.example', 'ann@h.example/path', 'Account address', 'ann@@h.example']) {
      expect(normalizeAddress(bad), bad).toBeUndefined();
    }
  });
});

describe('inferHandleFromUri', () => {
  it('reads the account from Mastodon actor and status URIs', () => {
    expect(inferHandleFromUri('https://h.example/users/Ann')).toBe('Ann@h.example');
    expect(inferHandleFromUri('https://h.example/users/ann/statuses/123')).toBe('ann@h.example');
    expect(inferHandleFromUri('https://h.example/users/ann/statuses/123/activity')).toBe('ann@h.example');
    expect(inferHandleFromUri('https://h.example/@ann')).toBe('ann@h.example');
    expect(inferHandleFromUri('https://h.example/@ann/123')).toBe('ann@h.example');
    expect(inferHandleFromUri('https://h.example/@bob@other.example/456')).toBe('bob@other.example');
    expect(inferHandleFromUri('https://pix.example/p/ann/789')).toBe('ann@pix.example');
  });
  it('says nothing when the path does not name an account', () => {
    for (const uri of ['https://h.example/objects/0b1c-uuid', 'https://h.example/notes/9xyz', 'https://h.example/users/ann/followers', 'tag:h.example,2024:1', 'not a uri', 'ftp://h.example/users/ann']) {
      expect(inferHandleFromUri(uri), uri).toBeUndefined();
    }
  });
});

describe('classifyVisibility', () => {
  it('follows Mastodon addressing', () => {
    expect(classifyVisibility([PUBLIC], [FOLLOWERS])).toBe('public');
    expect(classifyVisibility(['as:Public'], [])).toBe('public');
    expect(classifyVisibility(['Public'], [])).toBe('public');
    expect(classifyVisibility([FOLLOWERS], [PUBLIC])).toBe('unlisted');
    expect(classifyVisibility([FOLLOWERS], ['https://o.example/users/b'])).toBe('followers');
    expect(classifyVisibility(['https://o.example/users/b'], [])).toBe('direct');
    expect(classifyVisibility([], [FOLLOWERS])).toBe('direct');
  });
});

describe('findBoostedAuthor', () => {
  it('prefers the cc actor, skipping the public and followers collections', () => {
    expect(findBoostedAuthor([PUBLIC, FOLLOWERS, 'https://o.example/users/bee'], 'https://o.example/objects/1')).toEqual({ network: 'mastodon', handle: 'bee@o.example' });
  });
  it('picks the cc actor that matches the status URI when cc names several', () => {
    expect(findBoostedAuthor(['https://x.example/users/cat', 'https://o.example/users/bee'], 'https://o.example/users/bee/statuses/1')!.handle).toBe('bee@o.example');
  });
  it('falls back to the status URI, else undefined', () => {
    expect(findBoostedAuthor([FOLLOWERS], 'https://o.example/@bee/1')!.handle).toBe('bee@o.example');
    expect(findBoostedAuthor([FOLLOWERS], 'https://o.example/objects/1')).toBeUndefined();
  });
});
