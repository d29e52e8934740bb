import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { loadMasterKeys } from '../../src/secrets/master-key-file.js';
import { masterKeyId, SecretBox } from '../../src/secrets/secret-box.js';
import { aCertificate } from '../support/test-ca.js';
import { createTestApp } from '../support/test-app.js';
import { createReopenableDatabase, dialects } from '../support/test-store.js';
import { appErrorOf } from '../pki/app-error-of.js';

/** Blob layout (secret-box.ts): version(1) | keyId(8) | nonce(12) | tag(16) | ciphertext. */
const at = { version: 0, keyId: 1, nonce: 9, tag: 21, ciphertext: 37 } as const;
const AAD = 'notification-channel:abc123';
const SECRET = Buffer.from('a channel signing secret, 0123456789');
/** What opening a blob that does not authenticate answers (docs/errors.md: master_key_invalid). */
const TAMPERED = { code: 'master_key_invalid', message: 'a sealed secret failed authentication (wrong key or tampered data)' };
/** What opening a blob sealed under a key the server does not have answers. */
const UNKNOWN_KEY = { code: 'master_key_invalid', message: 'a sealed secret was encrypted under a master key this server does not have' };

const flipped = (blob: Buffer, offset: number) => {
  const copy = Buffer.from(blob);
  copy[offset] ^= 0x01;
  return copy;
};

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'certkeeper-secret-box-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, with the same associated data; the blob carries no plaintext', () => {
    const blob = box.seal(SECRET, AAD);
    expect(blob.length).toBe(at.ciphertext + SECRET.length);
    expect(blob[at.version]).toBe(1);
    expect(blob.subarray(at.keyId, at.nonce).toString('hex')).toBe(box.currentKeyId);
    expect(blob.includes(SECRET)).toBe(false);
    expect(box.open(blob, AAD)).toEqual(SECRET);
    // A fresh nonce every time: the same secret seals to another blob.
    expect(box.seal(SECRET, AAD).subarray(at.nonce)).not.toEqual(blob.subarray(at.nonce));
  });

  it.each([
    ['the ciphertext', at.ciphertext],
    ['the last byte of the ciphertext', -1],
    ['the tag', at.tag],
    ['the last byte of the tag', at.ciphertext - 1],
    ['the nonce', at.nonce],
    ['the last byte of the nonce', at.tag - 1],
  ])('refuses a blob with one bit flipped in %s', (_where, offset) => {
    const blob = box.seal(SECRET, AAD);
    const err = appErrorOf(() => box.open(flipped(blob, offset < 0 ? blob.length + offset : offset), AAD));
    expect(err).toMatchObject(TAMPERED);
    expect(err.message).not.toContain(SECRET.toString());
  });

  it('refuses a blob opened with other associated data: moved to another row, it does not open', () => {
    const blob = box.seal(SECRET, AAD);
    for (const aad of ['notification-channel:abc124', '', `${AAD} `, 'access-key:abc123']) {
      expect(appErrorOf(() => box.open(blob, aad))).toMatchObject(TAMPERED);
    }
  });

  it('refuses a blob whose key id or version was changed, or that is too short, as sealed under a key it does not have', () => {
    const blob = box.seal(SECRET, AAD);
    expect(appErrorOf(() => box.open(flipped(blob, at.keyId), AAD))).toMatchObject(UNKNOWN_KEY);
    expect(appErrorOf(() => box.open(flipped(blob, at.version), AAD))).toMatchObject(UNKNOWN_KEY);
    expect(appErrorOf(() => box.open(blob.subarray(0, at.ciphertext - 1), AAD))).toMatchObject(UNKNOWN_KEY);
  });
});

describe('SecretBox across a master key change, configured through CERTKEEPER_PREVIOUS_MASTER_KEYS', () => {
  const oldKey = randomBytes(32).toString('base64');
  const newKey = randomBytes(32).toString('base64');
  const boxOf = (env: Record<string, string>) => {
    const keys = loadMasterKeys(loadConfig({ CERTKEEPER_DATA_DIR: tempDir(), ...env }));
    return new SecretBox(keys.current, keys.others);
  };

  it('opens a blob sealed under a previous key and seals new ones under the current key', () => {
    const sealedBefore = boxOf({ CERTKEEPER_MASTER_KEY: oldKey }).seal(SECRET, AAD);
    const box = boxOf({ CERTKEEPER_MASTER_KEY: newKey, CERTKEEPER_PREVIOUS_MASTER_KEYS: `${randomBytes(32).toString('base64')}, ${oldKey}` });
    expect(box.open(sealedBefore, AAD)).toEqual(SECRET);
    expect(box.currentKeyId).toBe(masterKeyId(Buffer.from(newKey, 'base64')).toString('hex'));
    expect(SecretBox.keyIdOf(box.seal(SECRET, AAD))).toBe(box.currentKeyId);
    // Still bound to its row under the previous key.
    expect(appErrorOf(() => box.open(sealedBefore, 'notification-channel:other'))).toMatchObject(TAMPERED);
  });

  it('refuses it without the previous key', () => {
    const sealedBefore = boxOf({ CERTKEEPER_MASTER_KEY: oldKey }).seal(SECRET, AAD);
    expect(appErrorOf(() => boxOf({ CERTKEEPER_MASTER_KEY: newKey }).open(sealedBefore, AAD))).toMatchObject(UNKNOWN_KEY);
  });

  it.each(dialects)('a private key imported under the old key exports after a restart with the previous key, and answers master_key_invalid without it, on %s', async (dialect) => {
    const database = await createReopenableDatabase(dialect, tempDir());
    cleanups.push(database.drop);
    const c = aCertificate({ commonName: 'sealed.example.com' });
    const before = await createTestApp({ store: await database.open(), env: { CERTKEEPER_MASTER_KEY: oldKey } });
    const projectId = before.project.id;
    const imported = await before.call('POST', `/api/v1/projects/${projectId}/certificates/import`, { key: before.keys.editor, body: { certificateBody: c.certPem, certificatePrivateKey: c.keyPem } });
    expect(imported.statusCode, imported.body).toBe(200);
    const id = imported.json().result.id;
    await before.close();

    const restart = async (env: Record<string, string>) => {
      const app = await createTestApp({ store: await database.open(), env });
      cleanups.push(() => app.close());
      return app.call('POST', `/api/v1/projects/${projectId}/certificates/${id}/export`, { body: { format: 'pem' } });
    };
    const opened = await restart({ CERTKEEPER_MASTER_KEY: newKey, CERTKEEPER_PREVIOUS_MASTER_KEYS: oldKey });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().result.privateKey).toBe(c.keyPem);

    const refused = await restart({ CERTKEEPER_MASTER_KEY: newKey });
    expect(refused.statusCode).toBe(500);
    expect(refused.json()).toMatchObject({ success: false, code: 'master_key_invalid' });
    expect(refused.body).not.toContain('PRIVATE KEY');
  });
});
