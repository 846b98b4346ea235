/**
 * Imported text is untrusted: a bio or post can carry ANSI escape sequences that rewrite
 * the terminal, or a leading '=' that a spreadsheet runs as a formula. Every renderer
 * passes imported strings through these before output.
 */

// ESC/CSI/OSC sequences first (so their parameters go too), then every other C0/C1 control.
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Text safe for a terminal: escape sequences and control characters removed, newlines and tabs to spaces. */
export function cleanText(s: string): string {
  // printable ASCII alone (most handles and codes): nothing to remove, skip the three passes
  if (PRINTABLE_ASCII.test(s)) return s;
  return s.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '').replace(/[\n\t]+/g, ' ');
}

/** The terminal-active characters one by one (ESC and CSI included), for visibleText. */
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe for a terminal that still shows what was there: each control or bidi character
 * written as its \u escape (`\u001b[2J`), newlines and tabs as spaces. For error messages,
 * which quote the bad value: removing the controls made "'\u001b[2Jlike' is not an
 * interaction kind" read "'like' is not an interaction kind".
 */
export function visibleText(s: string): string {
  if (PRINTABLE_ASCII.test(s)) return s;
  return s.replace(/[\n\t]+/g, ' ').replace(ACTIVE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What a spreadsheet takes for the start of a formula, after any leading spaces (full-width forms too). */
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/**
 * A CSV cell a spreadsheet will not evaluate (OWASP's advice): the text is cleaned first
 * (cleanText), then guarded, so the guard sees what the spreadsheet will see: a cell whose
 * first non-blank character is = + - @ gets a leading quote mark, and so does one that
 * started with a tab or CR (a spreadsheet may take those as a formula start; cleaning made
 * them blank). Numbers are passed as numbers and never reach this.
 */
export function spreadsheetSafe(cell: string): string {
  const cleaned = cleanText(cell);
  return FORMULA_START.test(cleaned) || /^[\t\r]/.test(cell) ? `'${cleaned}` : cleaned;
}
