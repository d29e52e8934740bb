import { hash, randomBytes } from 'node:crypto';

/** A new API key: "ck_" + 43 characters of base64url (256 random bits). */
export function generateApiKey(): string {
  return `ck_${randomBytes(32).toString('base64url')}`;
}

/**
 * What is stored instead of the key: lower-case hex SHA-256 (the key has 256 bits of entropy, so
 * no slow hash is needed). Every request hashes its key: the one-shot `hash` makes no Hash
 * object (a native handle the young-generation GC has to process), a quarter of the cost.
 */
export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/** Enough of a key for a person to recognise it in a list, never enough to use it. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, 7);
}
