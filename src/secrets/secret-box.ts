import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '../domain/app-error.js';

const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_BYTES = 8;
const HEADER_BYTES = 1 + KEY_ID_BYTES + NONCE_BYTES + TAG_BYTES;

/** Identifies a master key without revealing it: the first 8 bytes of SHA-256("certkeeper-key-id" || key). */
export function masterKeyId(key: Buffer): Buffer {
  return createHash('sha256').update('certkeeper-key-id').update(key).digest().subarray(0, KEY_ID_BYTES);
}

/** Decodes a base64 master key; it must be exactly 32 bytes. */
export function decodeMasterKey(base64: string, what = 'master key'): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32 || key.toString('base64') !== base64.trim().replace(/\s+/g, '')) {
    throw new AppError('master_key_invalid', `${what} must be base64 of exactly 32 bytes`);
  }
  return key;
}

/**
 * Seals secrets with AES-256-GCM under the current master key, a fresh 96-bit nonce per record,
 * and the record's id as associated data (a sealed blob cannot be moved to another record).
 * Blob layout: version(1) | keyId(8) | nonce(12) | tag(16) | ciphertext. Opens blobs sealed
 * under any key of its keyring, so a rotation interrupted half-way loses nothing.
 */
export class SecretBox {
  private readonly current: { id: Buffer; key: Buffer };
  private readonly keyring: Map<string, Buffer>;

  constructor(currentKey: Buffer, otherKeys: Buffer[] = []) {
    if (currentKey.length !== 32) throw new AppError('master_key_invalid', 'master key must be 32 bytes');
    this.current = { id: masterKeyId(currentKey), key: currentKey };
    this.keyring = new Map();
    for (const k of [currentKey, ...otherKeys]) this.keyring.set(masterKeyId(k).toString('hex'), k);
  }

  get currentKeyId(): string {
    return this.current.id.toString('hex');
  }

  seal(plaintext: Buffer, associatedData: string): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, nonce);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), this.current.id, nonce, cipher.getAuthTag(), ciphertext]);
  }

  /** The key id a blob was sealed under (hex), or undefined if it is not a sealed blob. */
  static keyIdOf(blob: Buffer): string | undefined {
    if (blob.length < HEADER_BYTES || blob[0] !== VERSION) return undefined;
    return blob.subarray(1, 1 + KEY_ID_BYTES).toString('hex');
  }

  open(blob: Buffer, associatedData: string): Buffer {
    const keyId = SecretBox.keyIdOf(blob);
    const key = keyId === undefined ? undefined : this.keyring.get(keyId);
    if (!key) {
      throw new AppError('master_key_invalid', 'a sealed secret was encrypted under a master key this server does not have');
    }
    let offset = 1 + KEY_ID_BYTES;
    const nonce = blob.subarray(offset, (offset += NONCE_BYTES));
    const tag = blob.subarray(offset, (offset += TAG_BYTES));
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(blob.subarray(offset)), decipher.final()]);
    } catch (err) {
      throw new AppError('master_key_invalid', 'a sealed secret failed authentication (wrong key or tampered data)', { cause: err });
    }
  }
}
