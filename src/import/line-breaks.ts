/**
 * Line breaks of text read in chunks: LF and CRLF (mixed too: LinkedIn mixes them within a
 * file), or CR alone (old Mac files). The file's first line break decides: when it is a CR
 * not followed by LF, every CR is a line end; otherwise a CR alone is text. Real CSVs of the
 * second kind hold CRs inside fields (the labelled accounts' descriptions, written by
 * pandas): reading those as line ends would split their rows and shift every line number
 * after them.
 *
 * A first chunk that ends in CR holds it back until the next shows whether an LF follows.
 */

/** A converter for one stream: call with each decoded chunk, then with final = true at the end. */
export function makeLineBreakNormalizer(): (text: string, final?: boolean) => string {
  let crOnly: boolean | undefined;
  let heldCr = false;
  const toLf = (text: string): string => (text.indexOf('\r') < 0 ? text : text.replace(/\r/g, '\n'));
  return (text, final = false) => {
    if (crOnly !== undefined) return crOnly ? toLf(text) : text;
    if (heldCr) {
      text = `\r${text}`;
      heldCr = false;
    }
    const at = text.search(/[\r\n]/);
    if (at < 0) return text;
    if (text.charCodeAt(at) === 10 /* \n */) {
      crOnly = false;
      return text;
    }
    if (at + 1 < text.length || final) {
      crOnly = at + 1 >= text.length || text.charCodeAt(at + 1) !== 10;
      return crOnly ? toLf(text) : text;
    }
    heldCr = true;
    return text.slice(0, -1);
  };
}
