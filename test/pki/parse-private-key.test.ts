import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { der, encoding, readChildren } from '../../src/pki/der.js';
import { parseCertificate } from '../../src/pki/parse-certificate.js';
import { parsePrivateKey } from '../../src/pki/parse-private-key.js';
import { toPem } from '../../src/pki/pem.js';
import { sniffDer } from '../../src/pki/sniff-der.js';
import { readTlv } from '../../src/pki/der.js';
import { aCertificate, createTestCa, openssl, type TestKeyType } from '../support/test-ca.js';
import { appErrorOf } from './app-error-of.js';

const rsaCa = createTestCa({ keyType: 'rsa-2048' });

const byType: Array<[TestKeyType, string]> = [
  ['rsa-2048', 'rsa'],
  ['ec-p256', 'ec'],
  ['ec-p384', 'ec'],
  ['ed25519', 'ed25519'],
];

describe('parsePrivateKey: PKCS#8 in every form', () => {
  it.each(byType)('%s: PEM, DER and base64 give the same key, matching the certificate', (keyType, type) => {
    const c = aCertificate({ keyType, ca: keyType === 'rsa-2048' ? rsaCa : undefined });
    const spki = parseCertificate(c.certDer).spkiSha256;
    for (const input of [c.keyPem, Buffer.from(c.keyPem), c.keyDer, c.keyDer.toString('base64'), c.keyDer.toString('base64').replace(/(.{64})/g, '$1\n')]) {
      const k = parsePrivateKey(input);
      expect(k.type).toBe(type);
      expect(k.spkiSha256).toBe(spki);
      expect(k.pkcs8Der.equals(c.keyDer)).toBe(true);
    }
  });

  it('reads Ed448 keys', () => {
    const k = generateKeyPairSync('ed448').privateKey;
    expect(parsePrivateKey(k.export({ type: 'pkcs8', format: 'pem' }) as string).type).toBe('ed448');
  });

  it('reads a key given together with its certificate, with CRLF and surrounding text', () => {
    const c = aCertificate({});
    const text = `Bag Attributes\r\n${c.certPem}${c.keyPem}`.replace(/\n/g, '\r\n');
    expect(parsePrivateKey(text).spkiSha256).toBe(parseCertificate(c.certDer).spkiSha256);
  });
});

describe('parsePrivateKey: legacy formats become PKCS#8', () => {
  function isPkcs8(d: Buffer): boolean {
    return sniffDer(d, readTlv(d, 0)) === 'pkcs8';
  }

  it('reads a PKCS#1 "RSA PRIVATE KEY" (PEM and DER)', () => {
    const c = aCertificate({ keyType: 'rsa-2048', ca: rsaCa });
    const spki = parseCertificate(c.certDer).spkiSha256;
    for (const input of [c.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string, c.privateKey.export({ type: 'pkcs1', format: 'der' })]) {
      const k = parsePrivateKey(input);
      expect([k.type, k.spkiSha256]).toEqual(['rsa', spki]);
      expect(isPkcs8(k.pkcs8Der)).toBe(true);
    }
  });

  it('reads a SEC1 "EC PRIVATE KEY", also after an "EC PARAMETERS" block as `openssl ecparam -genkey` writes', () => {
    const c = aCertificate({ keyType: 'ec-p256' });
    const spki = parseCertificate(c.certDer).spkiSha256;
    const sec1 = c.privateKey.export({ type: 'sec1', format: 'pem' }) as string;
    const params = '-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n';
    for (const input of [sec1, params + sec1, c.privateKey.export({ type: 'sec1', format: 'der' })]) {
      const k = parsePrivateKey(input);
      expect([k.type, k.spkiSha256]).toEqual(['ec', spki]);
      expect(isPkcs8(k.pkcs8Der)).toBe(true);
    }
    const generated = openssl(['ecparam', '-name', 'prime256v1', '-genkey']).toString();
    expect(generated).toContain('EC PARAMETERS');
    expect(parsePrivateKey(generated).type).toBe('ec');
  });

  it('trusts the structure over a wrong PEM label', () => {
    const c = aCertificate({ keyType: 'ec-p256' });
    expect(parsePrivateKey(toPem(c.keyDer, 'RSA PRIVATE KEY')).type).toBe('ec');
  });
});

describe('parsePrivateKey: every structure gives the same public key as OpenSSL', () => {
  const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
  const opensslSpki = (k: KeyObject): string =>
    createHash('sha256').update(createPublicKey(k).export({ type: 'spki', format: 'der' })).digest('hex');
  /** RFC 5915 ECPrivateKey without its optional public key. */
  const withoutPoint = (k: KeyObject, curveOid: string): Buffer => {
    const sec1 = k.export({ type: 'sec1', format: 'der' });
    const [version, priv] = readChildren(sec1, readTlv(sec1, 0));
    return der.sequence(encoding(sec1, version), encoding(sec1, priv), der.explicit(0, der.oid(curveOid)));
  };

  it.each([
    ['P-256 SEC1 without public key', () => withoutPoint(ecKey, '1.2.840.10045.3.1.7'), ecKey],
    ['P-384 SEC1 without public key', () => withoutPoint(p384, '1.3.132.0.34'), p384],
    [
      'P-256 PKCS#8 whose ECPrivateKey has no public key',
      () =>
        der.sequence(
          der.integer(0),
          der.sequence(der.oid('1.2.840.10045.2.1'), der.oid('1.2.840.10045.3.1.7')),
          der.octetString(withoutPoint(ecKey, '1.2.840.10045.3.1.7')),
        ),
      ecKey,
    ],
    ['P-384 SEC1 with public key', () => p384.export({ type: 'sec1', format: 'der' }), p384],
  ])('%s', (_name, make, original) => {
    const k = parsePrivateKey(make());
    expect(k.type).toBe('ec');
    expect(k.spkiSha256).toBe(opensslSpki(original));
    expect(createPrivateKey({ key: k.pkcs8Der, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' })).toEqual(original.export({ format: 'jwk' }));
  });

  it('reads a three-prime RSA key (OpenSSL path)', () => {
    const pem = openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-pkeyopt', 'rsa_keygen_primes:3']).toString();
    const k = parsePrivateKey(pem);
    expect(k.type).toBe('rsa');
    expect(k.spkiSha256).toBe(opensslSpki(createPrivateKey(pem)));
  });

  it('turns PKCS#1 into a PKCS#8 that holds the same key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const k = parsePrivateKey(rsa.export({ type: 'pkcs1', format: 'pem' }) as string);
    expect(k.spkiSha256).toBe(opensslSpki(rsa));
    expect(createPrivateKey({ key: k.pkcs8Der, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' })).toEqual(rsa.export({ format: 'jwk' }));
  });

  it('refuses a P-256 key whose stored public point is not on the curve', () => {
    const sec1 = Buffer.from(ecKey.export({ type: 'sec1', format: 'der' }));
    sec1[sec1.length - 1] ^= 0x01;
    expect(appErrorOf(() => parsePrivateKey(sec1)).code).toBe('private_key_invalid');
  });
});

describe('parsePrivateKey: errors', () => {
  const ec: KeyObject = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const rsa: KeyObject = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
  const dsa: KeyObject = generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 }).privateKey;
  const c = aCertificate({});
  const cases: Array<[string, string | Buffer, string]> = [
    ['an encrypted PKCS#8 PEM', ec.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }) as string, 'private_key_encrypted'],
    ['an encrypted PKCS#8 DER', ec.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: 'pw' }), 'private_key_encrypted'],
    ['a Proc-Type encrypted PKCS#1 PEM', rsa.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' }) as string, 'private_key_encrypted'],
    ['a Proc-Type encrypted SEC1 PEM', ec.export({ type: 'sec1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' }) as string, 'private_key_encrypted'],
    ['a DSA key (PKCS#8)', dsa.export({ type: 'pkcs8', format: 'pem' }) as string, 'unsupported_key_type'],
    ['a DSA key (OpenSSL "DSA PRIVATE KEY")', openssl(['pkey', '-traditional'], dsa.export({ type: 'pkcs8', format: 'pem' })).toString(), 'unsupported_key_type'],
    ['an X25519 key', generateKeyPairSync('x25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, 'unsupported_key_type'],
    ['an X448 key', generateKeyPairSync('x448').privateKey.export({ type: 'pkcs8', format: 'der' }), 'unsupported_key_type'],
    ['an RSA-PSS key', generateKeyPairSync('rsa-pss', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, 'unsupported_key_type'],
    [
      'a PKCS#8 of an unknown algorithm',
      der.sequence(der.integer(0), der.sequence(der.oid('1.2.3.4.5')), der.octetString(Buffer.from([4, 2, 0, 1]))),
      'unsupported_key_type',
    ],
    ['an empty string', '', 'private_key_invalid'],
    ['an empty buffer', Buffer.alloc(0), 'private_key_invalid'],
    ['plain words', 'my key is secret', 'private_key_invalid'],
    ['a certificate', c.certPem, 'private_key_invalid'],
    ['a certificate as DER', c.certDer, 'private_key_invalid'],
    ['two keys', c.keyPem + c.keyPem, 'private_key_invalid'],
    ['a truncated PEM block', c.keyPem.slice(0, 60), 'private_key_invalid'],
    ['a PEM block with bad base64', '-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n', 'private_key_invalid'],
    ['a PEM block holding junk', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', 'private_key_invalid'],
    ['truncated DER', c.keyDer.subarray(0, c.keyDer.length - 3), 'private_key_invalid'],
    ['DER with trailing bytes', Buffer.concat([c.keyDer, Buffer.from([0])]), 'private_key_invalid'],
    ['a PKCS#8 whose key octets are garbage', corruptPkcs8(c.keyDer), 'private_key_invalid'],
    ['an OpenSSH key', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n', 'private_key_invalid'],
    ['a public key', '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n', 'private_key_invalid'],
  ];
  it.each(cases)('rejects %s', (_name, input, code) => {
    const err = appErrorOf(() => parsePrivateKey(input));
    expect(err.code).toBe(code);
    expect(err.message).not.toMatch(/MII[A-Za-z0-9+/]{20}/); // never echoes key material
  });
});

/** PKCS#8 of an EC key with the inner ECPrivateKey replaced by junk of the same length. */
function corruptPkcs8(pkcs8: Buffer): Buffer {
  const out = Buffer.from(pkcs8);
  out.fill(0x41, out.length - 20);
  return out;
}


