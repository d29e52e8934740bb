import { Type, type TStringOptions } from 'typebox';
import { isMultiLineText, isSingleLineText } from '../domain/text.js';

/**
 * The string formats every text a request carries is checked against (domain/text.ts): the
 * validator compiler (validator-compiler.ts) registers them, and to-app-error.ts words their
 * failure with `mustBe`. Every string of a request schema has one of them, a format of its own
 * (uuid, date-time), a constant or an anchored pattern (test/api/openapi.test.ts checks it).
 */
export const textFormats = {
  'single-line-text': {
    validate: isSingleLineText,
    mustBe: 'must not contain control characters (U+0000–U+001F, U+007F–U+009F) or unpaired surrogates',
  },
  'multi-line-text': {
    validate: isMultiLineText,
    mustBe: 'must not contain control characters other than tab, LF and CR (U+0000–U+001F, U+007F–U+009F) or unpaired surrogates',
  },
} as const;

export type TextFormat = keyof typeof textFormats;

/** A string on one line: names, ids, filters, host names, URLs, passwords. */
export function Text(options: TStringOptions = {}) {
  return Type.String({ ...options, format: 'single-line-text' });
}

/** A string that may span lines: PEM bodies, base64 wrapped in lines. */
export function MultiLineText(options: TStringOptions = {}) {
  return Type.String({ ...options, format: 'multi-line-text' });
}

/** A name people give something (organization, project, key, service, app): 1 to 200 characters, not only spaces. */
export const Name = Text({ minLength: 1, maxLength: 200, pattern: '\\S' });

/** An email address: one local part, `@`, one domain, no spaces (matched without regard to case). */
export const Email = Text({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' });

/** A password as a request carries it; its strength is checked by the service (`password_too_weak`), not here. */
export const Password = Text({ minLength: 1, maxLength: 1024 });
