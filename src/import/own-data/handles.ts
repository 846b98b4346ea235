/**
 * Handles as own-data exports write them: a bare user name (`kaynes._`), with an `@`, or
 * inside a profile link (`https://www.instagram.com/kaynes._`, the 2026 layout's
 * `https://www.instagram.com/_u/kaynes._`, `https://www.threads.net/@name`,
 * `https://www.tiktok.com/@name`, `https://www.linkedin.com/in/jane-doe-12ab`).
 */

// Instagram, Threads and TikTok user names: letters, digits, '.' and '_' (30 and 24
// characters on the platforms; 64 here, so an unusual old account is not refused).
const SIMPLE_HANDLE = /^[A-Za-z0-9._]{1,64}$/;
// LinkedIn public profile names ("vanity names"): letters (any script), digits, '-' and '_'.
const LINKEDIN_SLUG = /^[\p{L}\p{N}_-]{1,100}$/u;

// First path segments that are pages, not accounts.
const NOT_ACCOUNTS = new Set(['p', 'reel', 'reels', 'tv', 'stories', 'explore', 'accounts', 'direct', 'share', 'video', 'post', 'search', 'tag', 'tags']);

/** An Instagram/Threads/TikTok user name (without '@'), from a name or a profile link; undefined otherwise. */
export function parseSimpleHandle(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (/^https?:\/\//i.test(s)) return handleFromProfileUrl(s);
  const h = s.startsWith('@') ? s.slice(1) : s;
  return SIMPLE_HANDLE.test(h) && !/^\.+$/.test(h) ? h : undefined;
}

/** A LinkedIn public profile name, from the name or a `linkedin.com/in/NAME` link; undefined otherwise. */
export function parseLinkedinHandle(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (/^https?:\/\//i.test(s) || /^(?:www\.)?linkedin\.com\//i.test(s)) {
    const m = /linkedin\.com\/in\/([^/?#]+)/i.exec(s);
    if (!m) return undefined;
    let slug: string;
    try {
      slug = decodeURIComponent(m[1]!);
    } catch {
      return undefined;
    }
    return LINKEDIN_SLUG.test(slug) ? slug : undefined;
  }
  return LINKEDIN_SLUG.test(s) ? s : undefined;
}

/**
 * The account a profile link names: `instagram.com/NAME`, `instagram.com/_u/NAME`,
 * `threads.net/@NAME`, `threads.com/NAME`, `tiktok.com/@NAME`; undefined for a link to a
 * post, a page, or another site.
 */
export function handleFromProfileUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const host = u.hostname.toLowerCase().replace(/^(?:www|m)\./, '');
  if (!['instagram.com', 'threads.net', 'threads.com', 'tiktok.com'].includes(host)) return undefined;
  const parts = u.pathname.split('/').filter(Boolean);
  let first = parts[0];
  if (first === '_u') first = parts[1];
  if (first === undefined) return undefined;
  if (host === 'tiktok.com' && !first.startsWith('@')) return undefined;
  const name = first.startsWith('@') ? first.slice(1) : first;
  if (NOT_ACCOUNTS.has(name.toLowerCase())) return undefined;
  // a post link names its author too: threads.net/@NAME/post/CODE, tiktok.com/@NAME/video/ID
  return SIMPLE_HANDLE.test(name) ? name : undefined;
}
