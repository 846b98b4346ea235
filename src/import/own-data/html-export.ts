/**
 * Meta lets people download their information as HTML or as JSON. Only JSON can be read:
 * an HTML download is recognised (its data files are `.html` where JSON ones would be) so
 * the error says what to do instead of "cannot tell what export this is".
 */
import { InputError } from '../../errors.js';
import type { Source } from '../source.js';

/** Throws an InputError when `source` is the HTML form of an export whose JSON form `jsonMarker` recognises. */
export function refuseHtmlExport(source: Source, htmlMarker: RegExp, network: string): void {
  const hasJson = source.entries.some((e) => /\.json$/i.test(e.name));
  const html = source.entries.find((e) => htmlMarker.test(e.name.slice(e.name.lastIndexOf('/') + 1).toLowerCase()));
  if (html && !hasJson) {
    throw new InputError(`this is the HTML version of a ${network} export (${html.name}); only the JSON version can be imported`, {
      file: source.path,
      expected: `a ${network} export downloaded in JSON format`,
      fix: `request your information again and choose Format: JSON (Accounts Center > Your information and permissions > Download your information)`,
    });
  }
}
