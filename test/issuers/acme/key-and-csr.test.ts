/**
 * generateKeyPair / generateAccountKey and createCsr, per key type; the CSR is read back with
 * @peculiar/x509 and openssl, independently of the DER writer that built it.
 */
import 'reflect-metadata';
import { createPrivateKey, createPublicKey, generateKeyPairSync, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/app-error.js';
import { keyTypes, type KeyType } from '../../../src/domain/managed-certificate.js';
import { createCsr } from '../../../src/pki/create-csr.js';
import { generateAccountKey, generateKeyPair } from '../../../src/pki/generate-key-pair.js';
import { openssl } from '../../support/test-ca.js';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const expected: Record<KeyType, { type: string; curve?: string; bits?: number; signature: string }> = {
  'ec-p256': { type: 'ec', curve: 'prime256v1', signature: 'ecdsa-with-SHA256' },
  'ec-p384': { type: 'ec', curve: 'secp384r1', signature: 'ecdsa-with-SHA384' },
  'rsa-2048': { type: 'rsa', bits: 2048, signature: 'sha256WithRSAEncryption' },
  'rsa-3072': { type: 'rsa', bits: 3072, signature: 'sha256WithRSAEncryption' },
  'rsa-4096': { type: 'rsa', bits: 4096, signature: 'sha256WithRSAEncryption' },
};

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected a rejection, but the promise resolved');
}

function parseCsr(csrDer: Buffer): x509.Pkcs10CertificateRequest {
  return new x509.Pkcs10CertificateRequest(new Uint8Array(csrDer));
}

function sansOf(csrDer: Buffer): string[] {
  const san = parseCsr(csrDer).getExtension('2.5.29.17') as x509.SubjectAlternativeNameExtension | null;
  if (!san) throw new Error('the CSR has no subjectAltName extension');
  return san.names.items.map((n) => `${n.type}:${n.value}`);
}

describe('generateKeyPair and createCsr', () => {
  it.each(keyTypes)('%s: a PKCS#8 key of that type, and a CSR signed with it', async (keyType) => {
    const want = expected[keyType];
    const { privateKeyPem, publicKeyPem } = await generateKeyPair(keyType);
    expect(privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const key = createPrivateKey(privateKeyPem);
    expect(key.asymmetricKeyType).toBe(want.type);
    if (want.curve) expect(key.asymmetricKeyDetails?.namedCurve).toBe(want.curve);
    if (want.bits) expect(key.asymmetricKeyDetails?.modulusLength).toBe(want.bits);
    expect(createPublicKey(key).export({ type: 'spki', format: 'pem' })).toBe(publicKeyPem);

    const names = ['shop.example.com', '*.shop.example.com', 'example.net'];
    const csrDer = await createCsr(privateKeyPem, names);
    const csr = parseCsr(csrDer);
    expect(await csr.verify()).toBe(true);
    expect(csr.subject).toBe('CN=shop.example.com');
    expect(sansOf(csrDer)).toEqual(names.map((n) => `dns:${n}`));
    expect(Buffer.from(csr.publicKey.rawData)).toEqual(createPublicKey(key).export({ type: 'spki', format: 'der' }));
    const text = openssl(['req', '-inform', 'DER', '-noout', '-verify', '-text'], csrDer).toString('utf8');
    expect(text).toContain(`Signature Algorithm: ${want.signature}`);
  });

  it('puts IP addresses in the SAN as iPAddress', async () => {
    const { privateKeyPem } = await generateKeyPair('ec-p256');
    const csrDer = await createCsr(privateKeyPem, ['192.0.2.10', '2001:db8::7', '::ffff:198.51.100.1', 'host.example']);
    expect(sansOf(csrDer)).toEqual(['ip:192.0.2.10', 'ip:2001:db8::7', 'ip:::ffff:c633:6401', 'dns:host.example']);
  });

  it('leaves the CN out when the first name is longer than 64 characters (RFC 5280 ub-common-name)', async () => {
    const { privateKeyPem } = await generateKeyPair('ec-p256');
    const long = `${'a'.repeat(60)}.example.com`;
    const csrDer = await createCsr(privateKeyPem, [long, 'short.example.com']);
    const csr = parseCsr(csrDer);
    expect(await csr.verify()).toBe(true);
    expect(csr.subject).toBe('');
    expect(sansOf(csrDer)).toEqual([`dns:${long}`, 'dns:short.example.com']);
  });

  it('accepts a PKCS#1 / SEC1 PEM key as well', async () => {
    const sec1 = createPrivateKey((await generateKeyPair('ec-p256')).privateKeyPem).export({ type: 'sec1', format: 'pem' }) as string;
    expect(await parseCsr(await createCsr(sec1, ['a.example'])).verify()).toBe(true);
  });

  it('refuses unusable input with AppErrors that do not echo the key', async () => {
    const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect((await rejection(createCsr(ed, ['a.example']))).code).toBe('unsupported_key_type');
    const garbage = '-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----\n';
    const err = await rejection(createCsr(garbage, ['a.example']));
    expect(err.code).toBe('private_key_invalid');
    expect(err.message).not.toContain('c2VjcmV0');
    const { privateKeyPem } = await generateKeyPair('ec-p256');
    expect((await rejection(createCsr(privateKeyPem, []))).code).toBe('validation_failed');
    expect((await rejection(createCsr(privateKeyPem, ['bücher.example']))).code).toBe('validation_failed');
  });

  it('makes EC P-256 account keys, a new one each time', async () => {
    const a = await generateAccountKey();
    const b = await generateAccountKey();
    expect(a).not.toBe(b);
    const key = createPrivateKey(a);
    expect(key.asymmetricKeyType).toBe('ec');
    expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(a).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });
});
