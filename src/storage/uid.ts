import { randomBytes, randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const UID_LENGTH = 16;
export const UID_PATTERN = /^[a-z0-9]{16}$/;

/** A random 16-character [a-z0-9] id (Huawei Cloud SCM's certificate_id): about 82 bits. */
export function generateUid(): string {
  let uid = '';
  for (let i = 0; i < UID_LENGTH; i++) uid += ALPHABET[randomInt(ALPHABET.length)];
  return uid;
}

/**
 * Many uids at once, for bulk seeding: the same distribution as `generateUid` (rejection
 * sampling of random bytes keeps it uniform) at a fraction of the cost of one randomInt per
 * character.
 */
export function generateUids(count: number): string[] {
  const out: string[] = [];
  const limit = 252; // the largest multiple of 36 below 256
  let pool = randomBytes(Math.ceil(count * UID_LENGTH * 1.2) + 64);
  let at = 0;
  let chars = '';
  while (out.length < count) {
    if (at >= pool.length) {
      pool = randomBytes(4096);
      at = 0;
    }
    const b = pool[at++];
    if (b >= limit) continue;
    chars += ALPHABET[b % 36];
    if (chars.length === UID_LENGTH) {
      out.push(chars);
      chars = '';
    }
  }
  return out;
}
