import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPkcs12 } from '../../src/pki/build-pkcs12.js';
import { der, oidContent } from '../../src/pki/der.js';
import { derivePkcs12Key } from '../../src/pki/derive-pkcs12-key.js';
import { parsePrivateKey } from '../../src/pki/parse-private-key.js';
import { PKCS12_MAX_ITERATIONS, readPkcs12 } from '../../src/pki/read-pkcs12.js';
import { aCertificate, createTestCa, openssl, toPkcs12, type TestCertificate } from '../support/test-ca.js';
import { appErrorOf } from './app-error-of.js';

const rsaCa = createTestCa({ keyType: 'rsa-2048' });
const rsa = aCertificate({ ca: rsaCa, keyType: 'rsa-2048', commonName: 'rsa.p12.example' });
const ec = aCertificate({ keyType: 'ec-p256', commonName: 'ec.p12.example' });

const hasOid = (file: Buffer, dotted: string): boolean => file.includes(oidContent(dotted));
const OID = {
  rc2_40: '1.2.840.113549.1.12.1.6',
  tripleDes: '1.2.840.113549.1.12.1.3',
  pbes2: '1.2.840.113549.1.5.13',
  aes256: '2.16.840.1.101.3.4.1.42',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
};

function expectContents(read: ReturnType<typeof readPkcs12>, c: TestCertificate): void {
  expect(read.certificates.map((b) => b.toString('hex'))).toEqual([c.certDer, ...c.chainDers].map((b) => b.toString('hex')));
  expect(read.privateKeyPkcs8).not.toBeNull();
  expect(parsePrivateKey(read.privateKeyPkcs8 as Buffer).spkiSha256).toBe(parsePrivateKey(c.keyDer).spkiSha256);
}

describe('readPkcs12: files made by OpenSSL', () => {
  const table: Array<[string, TestCertificate, boolean, string]> = [
    ['RSA, modern', rsa, false, 'correct horse'],
    ['RSA, legacy', rsa, true, 'correct horse'],
    ['EC, modern', ec, false, 'correct horse'],
    ['EC, legacy', ec, true, 'correct horse'],
    ['EC, modern, empty password', ec, false, ''],
    ['RSA, legacy, empty password', rsa, true, ''],
    ['EC, modern, non-ASCII password', ec, false, 'pässwörd ✓'],
    ['EC, legacy, non-ASCII password', ec, true, 'pässwörd ✓'],
  ];
  it.each(table)('%s: certificates byte for byte, leaf first, and the key', (_name, c, legacy, password) => {
    const file = toPkcs12(c, { password, legacy });
    if (legacy) {
      expect(hasOid(file, OID.rc2_40) && hasOid(file, OID.tripleDes) && hasOid(file, OID.sha1)).toBe(true);
      expect(hasOid(file, OID.pbes2)).toBe(false);
    } else {
      expect(hasOid(file, OID.pbes2) && hasOid(file, OID.aes256) && hasOid(file, OID.sha256)).toBe(true);
    }
    expectContents(readPkcs12(file, password), c);
    expect(appErrorOf(() => readPkcs12(file, `${password}x`)).code).toBe('pkcs12_bad_password');
  });

  it.each([
    ['modern', false],
    ['legacy', true],
  ])('detects a wrong password of a %s file without MAC by its failed decryption', (_name, legacy) => {
    const file = toPkcs12(ec, { password: 'right', legacy, mac: false });
    expectContents(readPkcs12(file, 'right'), ec);
    for (const wrong of ['wrong', '', 'Right', 'right ']) {
      expect(appErrorOf(() => readPkcs12(file, wrong)).code).toBe('pkcs12_bad_password');
    }
  });

  it('returns a null key for a certificates-only file', () => {
    const r = readPkcs12(toPkcs12(ec, { password: 'pw', includeKey: false }), 'pw');
    expect(r.privateKeyPkcs8).toBeNull();
    expect(r.certificates).toHaveLength(3);
  });

  it('refuses a file without certificates', () => {
    const err = appErrorOf(() => readPkcs12(toPkcs12(ec, { password: 'pw', includeCertificates: false }), 'pw'));
    expect(err.code).toBe('pkcs12_no_certificate');
  });

  it('refuses a file that has only a MAC-less key bag with a wrong password', () => {
    const file = toPkcs12(ec, { password: 'pw', includeCertificates: false, mac: false });
    expect(appErrorOf(() => readPkcs12(file, 'nope')).code).toBe('pkcs12_bad_password');
  });
});

describe('readPkcs12: hostile and invalid input', () => {
  const cases: Array<[string, Buffer]> = [
    ['an empty buffer', Buffer.alloc(0)],
    ['random bytes', Buffer.from('deadbeefcafebabe00112233445566778899', 'hex')],
    ['a certificate', ec.certDer],
    ['a PKCS#8 key', ec.keyDer],
    ['PEM text', Buffer.from(ec.certPem)],
    ['a PFX of version 2', der.sequence(der.integer(2), der.sequence(der.oid('1.2.840.113549.1.7.1')))],
    ['a truncated PFX', toPkcs12(ec, { password: 'pw' }).subarray(0, 300)],
    ['a PFX whose authSafe is not data', der.sequence(der.integer(3), der.sequence(der.oid('1.2.840.113549.1.7.2'), der.explicit(0, der.sequence())))],
  ];
  it.each(cases)('refuses %s with pkcs12_invalid', (_name, input) => {
    expect(appErrorOf(() => readPkcs12(input, 'pw')).code).toBe('pkcs12_invalid');
  });

  it('refuses a MAC with 10^9 iterations at once', () => {
    // Computing 10^9 iterations would take minutes: the refusal comes before any derivation.
    const err = appErrorOf(() => readPkcs12(pfxWithMacIterations(1_000_000_000), 'pw'));
    expect(err.code).toBe('pkcs12_invalid');
    expect(err.message).toMatch(/iteration/);
  });

  it('refuses a MAC just over the iteration limit', () => {
    expect(appErrorOf(() => readPkcs12(pfxWithMacIterations(PKCS12_MAX_ITERATIONS + 1), 'pw')).code).toBe('pkcs12_invalid');
  });

  it('refuses a MAC-less shrouded key bag with 10^9 PBKDF2 iterations at once', () => {
    const err = appErrorOf(() => readPkcs12(pfxWithHugePbkdf2(), 'pw'));
    expect(err.code).toBe('pkcs12_invalid');
    expect(err.message).toMatch(/iteration/);
  });

  it('throws nothing but the three PKCS#12 codes for any corruption of a file (fuzz)', () => {
    const files = [toPkcs12(ec, { password: 'pw' }), toPkcs12(ec, { password: 'pw', legacy: true }), toPkcs12(ec, { password: 'pw', legacy: true, mac: false })];
    fc.assert(
      fc.property(
        fc.nat(files.length - 1),
        fc.array(fc.tuple(fc.nat(100_000), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 }),
        fc.option(fc.nat(100_000), { nil: undefined }),
        (which, edits, cut) => {
          const file = Buffer.from(files[which]);
          for (const [pos, value] of edits) file[pos % file.length] = value;
          const input = cut === undefined ? file : file.subarray(0, cut % file.length);
          try {
            readPkcs12(input, 'pw');
          } catch (err) {
            expect(['pkcs12_invalid', 'pkcs12_bad_password', 'pkcs12_no_certificate']).toContain((err as { code?: string }).code);
          }
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });
});

/** A PFX whose MacData claims `iterations` (the MAC itself is junk: it must never be computed). */
function pfxWithMacIterations(iterations: number): Buffer {
  const authSafe = der.sequence();
  return der.sequence(
    der.integer(3),
    der.sequence(der.oid('1.2.840.113549.1.7.1'), der.explicit(0, der.octetString(authSafe))),
    der.sequence(der.sequence(der.sequence(der.oid(OID.sha1), der.null()), der.octetString(Buffer.alloc(20))), der.octetString(Buffer.alloc(8, 1)), der.integer(iterations)),
  );
}

/** A PFX without MAC holding one pkcs8ShroudedKeyBag under PBES2 with 10^9 PBKDF2 iterations. */
function pfxWithHugePbkdf2(): Buffer {
  const alg = der.sequence(
    der.oid(OID.pbes2),
    der.sequence(
      der.sequence(der.oid('1.2.840.113549.1.5.12'), der.sequence(der.octetString(Buffer.alloc(8, 2)), der.integer(1_000_000_000))),
      der.sequence(der.oid(OID.aes256), der.octetString(Buffer.alloc(16, 3))),
    ),
  );
  const bag = der.sequence(der.oid('1.2.840.113549.1.12.10.1.2'), der.explicit(0, der.sequence(alg, der.octetString(Buffer.alloc(48, 4)))));
  const safeContents = der.sequence(bag);
  const authSafe = der.sequence(der.sequence(der.oid('1.2.840.113549.1.7.1'), der.explicit(0, der.octetString(safeContents))));
  return der.sequence(der.integer(3), der.sequence(der.oid('1.2.840.113549.1.7.1'), der.explicit(0, der.octetString(authSafe))));
}

describe('buildPkcs12', () => {
  it.each([
    ['RSA', rsa, 'export-pw'],
    ['EC', ec, 'export-pw'],
    ['EC, empty password', ec, ''],
    ['RSA, non-ASCII password', rsa, 'pässwörd ✓'],
  ])('%s: readable back by readPkcs12 and by openssl, AES-256 with a SHA-256 MAC', (_name, c, password) => {
    const file = buildPkcs12({ certificateDer: c.certDer, chainDers: c.chainDers, pkcs8Der: c.keyDer, password, friendlyName: 'My Cert' });
    expect(hasOid(file, OID.pbes2) && hasOid(file, OID.aes256) && hasOid(file, OID.sha256)).toBe(true);
    const back = readPkcs12(file, password);
    expectContents(back, c);
    expect(back.privateKeyPkcs8?.equals(c.keyDer)).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'p12-'));
    try {
      writeFileSync(join(dir, 'f.p12'), file);
      const out = openssl(['pkcs12', '-in', join(dir, 'f.p12'), '-passin', `pass:${password}`, '-nodes', '-info'], undefined).toString();
      expect(out.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
      expect(out.match(/BEGIN PRIVATE KEY/g)).toHaveLength(1);
      expect(out).toContain('friendlyName: My Cert');
      expect(parsePrivateKey(out).spkiSha256).toBe(parsePrivateKey(c.keyDer).spkiSha256);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(appErrorOf(() => readPkcs12(file, password + '!')).code).toBe('pkcs12_bad_password');
  });

  it('writes a certificates-only file when there is no key', () => {
    const back = readPkcs12(buildPkcs12({ certificateDer: ec.certDer, chainDers: [], pkcs8Der: null, password: 'pw' }), 'pw');
    expect(back.certificates).toHaveLength(1);
    expect(back.privateKeyPkcs8).toBeNull();
  });
});

describe('derivePkcs12Key', () => {
  it('reproduces the known-answer vectors of OpenSSL\'s PKCS#12 KDF tests (RFC 7292 B.2, SHA-1)', () => {
    // (buildPkcs12's SHA-256 MAC, keyed by this function, is verified by openssl above)
    const salt = Buffer.from('0a58cf64530d823f', 'hex');
    const k1 = derivePkcs12Key('smeg', salt, 1, 1, 24, 'sha1');
    expect(k1.toString('hex')).toBe('8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3');
    const iv = derivePkcs12Key('smeg', salt, 2, 1, 8, 'sha1');
    expect(iv.toString('hex')).toBe('79993dfe048d3b76');
  });
});
