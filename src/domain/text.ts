/**
 * What text certkeeper takes from callers (names, ids, filters, PEM bodies): no control
 * character and no unpaired surrogate.
 *
 * - The C0 controls and DEL (U+0000–U+001F, U+007F): PostgreSQL cannot store U+0000 at all
 *   (SQLite can, so the same request would succeed or fail by database), and the others are
 *   invisible, end a line in a log or a header, or end a C string in a library.
 * - The C1 controls (U+0080–U+009F) too: Unicode gives them no visible form, nobody types one,
 *   they come from text decoded with the wrong charset (UTF-8 read as Latin-1), and U+0085
 *   (NEL) is a line break to some log readers and parsers. Both databases would store them;
 *   a name holding one would show as nothing or as garbage everywhere it is shown.
 * - Unpaired surrogates (U+D800–U+DFFF not in a pair): not a character; no UTF-8 encoding
 *   exists, so what was stored is not what is read back, and a JSON text holding one is
 *   refused by strict parsers.
 *
 * Text that may span lines (PEM, base64 wrapped in lines) may also hold tab, LF and CR.
 */

// With the u flag a surrogate pair is one code point, so the class matches unpaired ones only.
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/u;
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff]/u;

/** Whether the text has no control character (C0, DEL, C1) and no unpaired surrogate. */
export function isSingleLineText(text: string): boolean {
  return !SINGLE_LINE_FORBIDDEN.test(text);
}

/** As isSingleLineText, but tab, LF and CR are allowed. */
export function isMultiLineText(text: string): boolean {
  return !MULTI_LINE_FORBIDDEN.test(text);
}
