import { describe, expect, it } from 'vitest';
import { isMultiLineText, isSingleLineText } from '../../src/domain/text.js';

describe('isSingleLineText and isMultiLineText', () => {
  // [what, text, single line, multi line]
  it.each<[string, string, boolean, boolean]>([
    ['plain ASCII', 'Shop API key', true, true],
    ['empty', '', true, true],
    ['accents, CJK, emoji (a surrogate pair)', 'Bücher 証明書 🔐', true, true],
    ['U+00A0 and U+00FF, just past C1', 'a\u00a0b\u00ff', true, true],
    ['U+2028 (a format character, not a control)', 'a\u2028b', true, true],
    ['NUL', 'a\u0000b', false, false],
    ['NUL at the end', 'name\u0000', false, false],
    ['U+0001', '\u0001', false, false],
    ['U+001F', 'a\u001f', false, false],
    ['DEL', 'a\u007f', false, false],
    ['tab', 'a\tb', false, true],
    ['LF', 'a\nb', false, true],
    ['CRLF', 'a\r\nb', false, true],
    ['vertical tab', 'a\u000bb', false, false],
    ['form feed', 'a\u000cb', false, false],
    ['U+0080 (C1)', 'a\u0080', false, false],
    ['U+0085 NEL (C1)', 'a\u0085b', false, false],
    ['U+009F (C1)', '\u009f', false, false],
    ['a lone high surrogate', 'a\ud800b', false, false],
    ['a lone low surrogate', 'a\udc00b', false, false],
    ['a pair in the wrong order', '\ude00\ud83d', false, false],
    ['a high surrogate at the end', '🔐\ud83d', false, false],
  ])('%s', (_what, text, singleLine, multiLine) => {
    expect(isSingleLineText(text)).toBe(singleLine);
    expect(isMultiLineText(text)).toBe(multiLine);
  });
});
