/**
 * Mastodon stores statuses and bios as sanitized HTML (`<p>`, `<br>`, links whose URL is
 * split over `<span class="invisible">` parts). Topic and word analysis want the text a
 * reader sees: paragraphs and line breaks as newlines, tags dropped, entities decoded.
 */
import { decodeEntities } from '../../html-entities.js';

export { decodeEntities };

// A tag, tolerating '>' inside quoted attribute values.
const TAG = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const LINE_BREAK = /<br\s*\/?>/gi;
const BLOCK_END = /<\/(?:p|div|li|blockquote|pre|h[1-6])\s*>|<hr\s*\/?>/gi;
/** Plain text of a Mastodon HTML fragment: `<br>` and block ends to newlines, tags removed, entities decoded. */
export function convertHtmlToText(html: string): string {
  const text = html
    .replace(/\r\n?/g, '\n')
    .replace(LINE_BREAK, '\n')
    .replace(BLOCK_END, '\n\n')
    .replace(TAG, '');
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
