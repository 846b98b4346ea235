/**
 * Line breaks of text read in chunks: a CR not followed by LF (an old Mac line end) becomes
 * LF, so LF, CRLF and CR alone are all line ends, also mixed within one file (LinkedIn's
 * exports mix them; a file edited on two systems does too). Deciding once per file by its
 * first line break read a CSV whose later lines end in CR alone as one long line with too
 * many fields. CRLF is left as it is (the readers drop the CR before an LF).
 *
 * A chunk that ends in CR holds it back until the next chunk shows whether an LF follows.
 */
const BARE_CR = /\r(?!\n)/g;

/** A converter for one stream: call with each decoded chunk, then with final = true at the end. */
export function makeBareCrToLf(): (text: string, final?: boolean) => string {
  let heldCr = false;
  return (text, final = false) => {
    if (heldCr) {
      text = `\r${text}`;
      heldCr = false;
    }
    if (!final && text.charCodeAt(text.length - 1) === 13 /* \r */) {
      heldCr = true;
      text = text.slice(0, -1);
    }
    // most files hold no CR at all: no second pass over them
    return text.indexOf('\r') < 0 ? text : text.replace(BARE_CR, '\n');
  };
}
