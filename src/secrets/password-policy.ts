import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../domain/app-error.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

let common: Set<string> | undefined;

/**
 * The common passwords refused whatever their length: the 49,000-entry list of the
 * `@zxcvbn-ts/language-common` package (MIT licence), compared without regard to case.
 */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/**
 * Refuses a password people or scripts would guess (400 `password_too_weak`): fewer than 12
 * characters, one of the common passwords, or the account's own email address (or its local
 * part). Length counts characters (code points), not bytes.
 */
export function checkPasswordStrength(password: string, context: { email?: string } = {}): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) throw new AppError('password_too_weak', `the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (length > MAX_PASSWORD_LENGTH) throw new AppError('validation_failed', `the password must have at most ${MAX_PASSWORD_LENGTH} characters`);
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) throw new AppError('password_too_weak', 'the password is one of the most common passwords; choose another');
  const email = context.email?.toLowerCase();
  if (email && (lower === email || lower === email.split('@')[0])) throw new AppError('password_too_weak', 'the password must not be the email address');
}
