import { createHash, X509Certificate } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { der, encoding, readChildren, readTlv } from '../../src/pki/der.js';
import { nodeCertificateOf } from '../../src/pki/node-certificate-of.js';
import { parseCertificate } from '../../src/pki/parse-certificate.js';
import { aCertificate, createTestCa, defaultTestCa, type CertificateOptions, type TestCa } from '../support/test-ca.js';
import { appErrorOf } from './app-error-of.js';

const DAY = 86_400_000;
const rsaCa = createTestCa({ keyType: 'rsa-2048' });
const p384Ca = createTestCa({ keyType: 'ec-p384' });
const edCa = createTestCa({ keyType: 'ed25519' });

/** OpenSSL's view of the same certificate, normalized to the contract's conventions. */
function opensslView(d: Buffer) {
  const x = new X509Certificate(d);
  const san = x.subjectAltName ?? '';
  return {
    serialNumber: x.serialNumber.replace(/^-/, '').padStart(2, '0'),
    fingerprintSha1: x.fingerprint.replace(/:/g, '').toLowerCase(),
    fingerprintSha256: x.fingerprint256.replace(/:/g, '').toLowerCase(),
    notBefore: new Date(x.validFrom),
    notAfter: new Date(x.validTo),
    isCa: x.ca,
    spkiSha256: createHash('sha256').update(x.publicKey.export({ type: 'spki', format: 'der' })).digest('hex'),
    subject: x.subject.split('\n').reverse().join(', '),
    issuer: x.issuer.split('\n').reverse().join(', '),
    dnsNames: [...san.matchAll(/DNS:([^,]+)/g)].map((m) => m[1].toLowerCase()),
    extendedKeyUsage: x.keyUsage ?? [],
  };
}

describe('parseCertificate: key types and signature algorithms', () => {
  const table: Array<[string, CertificateOptions, string, string]> = [
    ['RSA 2048 leaf from an RSA CA', { ca: rsaCa, keyType: 'rsa-2048' }, 'RSA 2048', 'sha256WithRSAEncryption'],
    ['P-256 leaf from a P-256 CA', { keyType: 'ec-p256' }, 'EC P-256', 'ecdsa-with-SHA256'],
    ['P-384 leaf from a P-384 CA', { ca: p384Ca, keyType: 'ec-p384' }, 'EC P-384', 'ecdsa-with-SHA384'],
    ['Ed25519 leaf from an Ed25519 CA', { ca: edCa, keyType: 'ed25519' }, 'Ed25519', 'ED25519'],
    ['Ed25519 leaf from an RSA CA', { ca: rsaCa, keyType: 'ed25519' }, 'Ed25519', 'sha256WithRSAEncryption'],
  ];
  it.each(table)('%s', (_name, options, keyInfo, sigAlg) => {
    const c = aCertificate({ commonName: 'k.example', ...options });
    const p = parseCertificate(c.certDer);
    expect(p.publicKeyInfo).toBe(keyInfo);
    expect(p.signatureAlgorithm).toBe(sigAlg);
    const o = opensslView(c.certDer);
    expect(p.spkiSha256).toBe(o.spkiSha256);
    expect(p.fingerprintSha1).toBe(o.fingerprintSha1);
    expect(p.fingerprintSha256).toBe(o.fingerprintSha256);
    expect(p.serialNumber).toBe(o.serialNumber);
    expect(p.subject).toBe(o.subject);
    expect(p.issuer).toBe(o.issuer);
    expect(p.notBefore).toEqual(o.notBefore);
    expect(p.notAfter).toEqual(o.notAfter);
    expect(p.pem).toBe(c.certPem);
    expect(p.der.equals(c.certDer)).toBe(true);
  });
});

describe('parseCertificate: names', () => {
  it('reads DNS and IP SANs, lower-cases DNS names and puts the CN first when it is a SAN', () => {
    const c = aCertificate({
      commonName: 'www.example.com',
      sans: ['API.Example.com', 'www.example.com', '192.0.2.7', '2001:db8:0:0:0:0:0:1', '::ffff:0:1'],
    });
    const p = parseCertificate(c.certDer);
    expect(p.dnsNames).toEqual(['api.example.com', 'www.example.com']);
    expect(p.ipAddresses).toEqual(['192.0.2.7', '2001:db8::1', '::ffff:0:1']);
    expect(p.sans).toEqual(['api.example.com', 'www.example.com', '192.0.2.7', '2001:db8::1', '::ffff:0:1']);
    expect(p.domainName).toBe('www.example.com');
    expect(p.commonName).toBe('www.example.com');
    expect(p.dnsNames).toEqual(opensslView(c.certDer).dnsNames);
  });

  it('takes the first SAN as domainName when the CN is not among the SANs', () => {
    const p = parseCertificate(aCertificate({ commonName: 'Some Service', sans: ['b.example', 'a.example'] }).certDer);
    expect(p.domainName).toBe('b.example');
    expect(p.sans).toEqual(['b.example', 'a.example']);
  });

  it('falls back to [CN] without SANs, and to the subject without CN either', () => {
    const noSan = parseCertificate(aCertificate({ commonName: 'only-cn.example', sans: [] }).certDer);
    expect(noSan.sans).toEqual(['only-cn.example']);
    expect(noSan.dnsNames).toEqual([]);
    expect(noSan.domainName).toBe('only-cn.example');
    const nothing = parseCertificate(aCertificate({ commonName: null, sans: [], subject: { O: 'Org Only', C: 'DE' } }).certDer);
    expect(nothing.commonName).toBeNull();
    expect(nothing.sans).toEqual([]);
    expect(nothing.domainName).toBe('O=Org Only, C=DE');
  });

  it('keeps wildcards as written', () => {
    const p = parseCertificate(aCertificate({ commonName: '*.example.com', sans: ['*.example.com', 'example.com'] }).certDer);
    expect(p.dnsNames).toEqual(['*.example.com', 'example.com']);
    expect(p.domainName).toBe('*.example.com');
    expect(p.sansUnicode).toEqual(['*.example.com', 'example.com']);
  });

  it.each([
    ['given in Unicode', ['bücher.example', '*.müller.example', 'plain.example']],
    ['given in punycode', ['xn--bcher-kva.example', '*.xn--mller-kva.example', 'plain.example']],
  ])('shows IDNs as A-labels in sans and as U-labels in sansUnicode (%s)', (_how, sans) => {
    const p = parseCertificate(aCertificate({ commonName: null, sans }).certDer);
    expect(p.dnsNames).toEqual(['xn--bcher-kva.example', '*.xn--mller-kva.example', 'plain.example']);
    expect(p.sansUnicode).toEqual(['bücher.example', '*.müller.example', 'plain.example']);
    expect(p.domainName).toBe('xn--bcher-kva.example');
  });

  it('formats subject and issuer most significant RDN last, OpenSSL short names, RFC 4514 escaping', () => {
    const c = aCertificate({
      subjectAttributes: [
        { type: 'C', value: 'US' },
        { type: 'ST', value: 'California' },
        { type: 'O', value: 'Acme, Inc.' },
        { type: 'OU', value: 'R+D' },
        { type: 'CN', value: ' padded ' },
        { type: 'emailAddress', value: 'ops@example.com' },
        { type: '2.5.4.97', value: 'VATDE-123' },
        { type: '2.5.4.99', value: 'unnamed' },
      ],
    });
    const p = parseCertificate(c.certDer);
    expect(p.subject).toBe(
      '2.5.4.99=unnamed, organizationIdentifier=VATDE-123, emailAddress=ops@example.com, CN=\\ padded\\ , OU=R\\+D, O=Acme\\, Inc., ST=California, C=US',
    );
    expect(p.issuer).toBe(`CN=certkeeper Test Intermediate CA ${defaultCaNumber(c.ca)}, O=certkeeper tests, C=US`);
    expect(p.commonName).toBe(' padded ');
  });

  it('joins the values of a multi-valued RDN with "+"', () => {
    const name = der.sequence(
      der.set(der.sequence(der.oid('2.5.4.6'), der.printableString('US'))),
      der.setOf(
        der.sequence(der.oid('2.5.4.3'), der.utf8String('multi.example')),
        der.sequence(der.oid('0.9.2342.19200300.100.1.1'), der.utf8String('u1')),
      ),
    );
    const p = parseCertificate(withSubject(aCertificate({ commonName: 'x.example' }).certDer, name));
    expect(p.subject).toMatch(/^(CN=multi\.example\+UID=u1|UID=u1\+CN=multi\.example), C=US$/);
    expect(p.commonName).toBe('multi.example');
  });

  it('decodes T61String as Latin-1, BMPString and UniversalString, never throwing on bad bytes', () => {
    const p = parseCertificate(
      aCertificate({
        subjectAttributes: [
          { type: 'O', value: Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]), encoding: 't61' },
          { type: 'OU', value: 'Zürich ✓', encoding: 'bmp' },
          { type: 'L', value: 'Straße 😀', encoding: 'universal' },
          { type: 'CN', value: Buffer.from([0x61, 0xff, 0xfe, 0x62]), encoding: 'utf8' },
        ],
      }).certDer,
    );
    expect(p.subject).toBe('CN=a\uFFFD\uFFFDb, L=Straße 😀, OU=Zürich ✓, O=Müller');
    expect(p.commonName).toBe('a\uFFFD\uFFFDb');
  });

  it('replaces the odd byte of an odd-length BMPString and lone surrogates instead of throwing', () => {
    const p = parseCertificate(
      aCertificate({
        subjectAttributes: [
          { type: 'O', value: Buffer.from([0x00, 0x41, 0xd8, 0x00]), encoding: 'bmp' },
          { type: 'CN', value: Buffer.from([0x00, 0x41, 0x00, 0x42, 0x43]), encoding: 'bmp' },
        ],
      }).certDer,
    );
    expect(p.commonName).toBe('AB\uFFFD');
    expect(p.subject).toBe('CN=AB\uFFFD, O=A\uFFFD');
  });

  it('escapes control characters in the subject and keeps NUL out of commonName', () => {
    const p = parseCertificate(aCertificate({ subjectAttributes: [{ type: 'CN', value: 'evil\0.example\n' }] }).certDer);
    expect(p.subject).toBe('CN=evil\\00.example\\0A');
    expect(p.commonName).toBe('evil\uFFFD.example\n');
  });
});

function defaultCaNumber(ca: TestCa): string {
  return /Intermediate CA (\d+)/.exec(parseCertificate(ca.intermediate.certDer).subject)?.[1] ?? '?';
}

/** Swaps the subject of a certificate (the signature no longer verifies; parsing does not care). */
function withSubject(certDer: Buffer, subject: Buffer): Buffer {
  const [tbs, alg, sig] = readChildren(certDer, readTlv(certDer, 0));
  const parts = readChildren(certDer, tbs).map((t) => encoding(certDer, t));
  parts[5] = subject; // [0] version, serial, signature, issuer, validity, subject
  return der.sequence(der.sequence(...parts), encoding(certDer, alg), encoding(certDer, sig));
}

describe('parseCertificate: validity and serial numbers', () => {
  it('reads an expired and a not-yet-valid certificate to the second', () => {
    const now = Date.now();
    const expired = aCertificate({ notBefore: new Date(Date.UTC(2019, 0, 1, 12, 0, 0)), notAfter: new Date(Date.UTC(2020, 1, 29, 23, 59, 59)) });
    const p = parseCertificate(expired.certDer);
    expect(p.notBefore.toISOString()).toBe('2019-01-01T12:00:00.000Z');
    expect(p.notAfter.toISOString()).toBe('2020-02-29T23:59:59.000Z');
    const future = parseCertificate(aCertificate({ notBefore: new Date(now + 10 * DAY), notAfter: new Date(now + 400 * DAY) }).certDer);
    expect(future.notBefore.getTime()).toBeGreaterThan(now);
  });

  it('reads UTCTime before 2000 and GeneralizedTime from 2050 (RFC 5280 §4.1.2.5)', () => {
    const p = parseCertificate(
      aCertificate({ notBefore: new Date(Date.UTC(1999, 11, 31, 23, 0, 0)), notAfter: new Date(Date.UTC(2051, 5, 1, 0, 0, 0)) }).certDer,
    );
    expect(p.notBefore.toISOString()).toBe('1999-12-31T23:00:00.000Z');
    expect(p.notAfter.toISOString()).toBe('2051-06-01T00:00:00.000Z');
  });

  it.each([
    ['a small positive serial', '01', '01'],
    ['a serial whose high bit is set (encoded with a 00 octet)', 'FF00', 'FF00'],
    ['zero', '00', '00'],
    ['a negative serial (shown as its magnitude)', '-0102', '0102'],
    ['a negative serial of one octet', '-80', '80'],
    ['a 30-octet serial', 'AB'.repeat(30), 'AB'.repeat(30)],
    ['a 64-octet serial', '7F'.repeat(64), '7F'.repeat(64)],
  ])('reads %s', (_name, serial, shown) => {
    const c = aCertificate({ serialNumber: serial });
    const p = parseCertificate(c.certDer);
    expect(p.serialNumber).toBe(shown);
    expect(p.serialNumber).toBe(c.serialNumber);
    expect(p.serialNumber).toBe(opensslView(c.certDer).serialNumber);
  });
});

describe('parseCertificate: classification', () => {
  it('classifies TLS, client, other and CA certificates', () => {
    expect(parseCertificate(aCertificate({ extendedKeyUsage: ['serverAuth'] }).certDer).kind).toBe('tls');
    expect(parseCertificate(aCertificate({ extendedKeyUsage: ['serverAuth', 'clientAuth'] }).certDer).kind).toBe('tls');
    expect(parseCertificate(aCertificate({ extendedKeyUsage: [], sans: ['no-eku.example'] }).certDer).kind).toBe('tls');
    expect(parseCertificate(aCertificate({ extendedKeyUsage: [], sans: ['192.0.2.1'], commonName: null }).certDer).kind).toBe('tls');
    expect(parseCertificate(aCertificate({ extendedKeyUsage: ['anyExtendedKeyUsage'] }).certDer).kind).toBe('tls');
    const client = parseCertificate(aCertificate({ commonName: 'device-42', sans: [], extendedKeyUsage: ['clientAuth'] }).certDer);
    expect(client.kind).toBe('client');
    expect(client.extendedKeyUsage).toEqual(['clientAuth']);
    const signing = parseCertificate(aCertificate({ extendedKeyUsage: ['codeSigning', '1.3.6.1.4.1.311.10.3.13'] }).certDer);
    expect(signing.kind).toBe('other');
    expect(signing.extendedKeyUsage).toEqual(['codeSigning', '1.3.6.1.4.1.311.10.3.13']);
    expect(parseCertificate(aCertificate({ extendedKeyUsage: [], sans: [] }).certDer).kind).toBe('other');
  });

  it('classifies roots and intermediates as ca, and marks only the root self-signed', () => {
    const ca = defaultTestCa();
    const root = parseCertificate(ca.root.certDer);
    const inter = parseCertificate(ca.intermediate.certDer);
    expect([root.kind, root.isCa, root.selfSigned]).toEqual(['ca', true, true]);
    expect([inter.kind, inter.isCa, inter.selfSigned]).toEqual(['ca', true, false]);
    expect(root.keyUsage).toEqual(['digitalSignature', 'keyCertSign', 'cRLSign']);
    expect(inter.authorityKeyId).toBe(root.subjectKeyId);
    expect(root.subjectKeyId).toMatch(/^[0-9a-f]{40}$/);
    const leaf = parseCertificate(aCertificate({}).certDer);
    expect([leaf.isCa, leaf.selfSigned]).toEqual([false, false]);
    expect(leaf.authorityKeyId).toBe(inter.subjectKeyId);
    const selfSignedLeaf = parseCertificate(aCertificate({ issuer: 'self' }).certDer);
    expect([selfSignedLeaf.kind, selfSignedLeaf.selfSigned]).toEqual(['tls', true]);
  });

  it('reads every key usage bit', () => {
    const p = parseCertificate(
      aCertificate({ keyUsage: ['digitalSignature', 'nonRepudiation', 'keyAgreement', 'encipherOnly', 'decipherOnly'] }).certDer,
    );
    expect(p.keyUsage).toEqual(['digitalSignature', 'nonRepudiation', 'keyAgreement', 'encipherOnly', 'decipherOnly']);
    expect(parseCertificate(aCertificate({ keyUsage: [] }).certDer).keyUsage).toEqual([]);
  });

  it('has null key identifiers when the extensions are absent', () => {
    const p = parseCertificate(aCertificate({ omitKeyIdentifiers: true }).certDer);
    expect(p.subjectKeyId).toBeNull();
    expect(p.authorityKeyId).toBeNull();
  });

  it.each([
    ['development only', ['development'] as const, undefined, ['development'], ['com.example.app']],
    ['production only', ['production'] as const, undefined, ['production'], ['com.example.app']],
    ['both environments', ['production', 'development'] as const, undefined, ['production', 'development'], ['com.example.app']],
    [
      'universal, with topics',
      ['production', 'development'] as const,
      ['com.example.app', 'com.example.app.voip', 'com.example.app.complication'],
      ['production', 'development'],
      ['com.example.app', 'com.example.app.voip', 'com.example.app.complication'],
    ],
    ['topics without 6.3.1/6.3.2 (serves both)', [] as const, ['com.example.app', 'com.example.app.voip'], ['production', 'development'], ['com.example.app', 'com.example.app.voip']],
  ])('classifies an APNs certificate: %s', (_name, environments, topics, expectedEnvs, expectedTopics) => {
    const c = aCertificate({ apns: { environments: [...environments], topics, bundleId: 'com.example.app', teamId: 'TEAM123456' } });
    const p = parseCertificate(c.certDer);
    expect(p.kind).toBe('apns');
    expect(p.apple).toEqual({ environments: expectedEnvs, bundleId: 'com.example.app', topics: expectedTopics, teamId: 'TEAM123456' });
    expect(p.subject).toContain('UID=com.example.app');
    expect(p.commonName).toMatch(/^Apple (Development IOS |Production IOS )?Push Services: com\.example\.app$/);
  });

  it('classifies a Pass Type ID certificate', () => {
    const p = parseCertificate(aCertificate({ passType: { passTypeIdentifier: 'pass.com.example.tickets', teamId: 'TEAM999999' } }).certDer);
    expect(p.kind).toBe('pass');
    expect(p.apple).toEqual({ passTypeIdentifier: 'pass.com.example.tickets', passTeamIdentifier: 'TEAM999999' });
    expect(p.commonName).toBe('Pass Type ID: pass.com.example.tickets');
  });

  it('reads the APNs topics of an extension value wrapped in an extra OCTET STRING', () => {
    const value = der.octetString(der.sequence(der.utf8String('com.wrap.app'), der.sequence(der.utf8String('app'))));
    const p = parseCertificate(
      aCertificate({ apns: { environments: [] }, extensions: [{ oid: '1.2.840.113635.100.6.3.6', value }] }).certDer,
    );
    expect(p.apple?.topics).toEqual(['com.wrap.app']);
  });

  it('tolerates a malformed APNs topics extension', () => {
    const p = parseCertificate(
      aCertificate({ apns: { environments: ['production'] }, extensions: [{ oid: '1.2.840.113635.100.6.3.6', value: Buffer.from([0x30, 0x05, 0x0c]) }] })
        .certDer,
    );
    expect(p.kind).toBe('apns');
    expect(p.apple?.topics).toEqual([]);
  });
});

describe('parseCertificate: invalid input', () => {
  const good = aCertificate({ commonName: 'good.example' });
  const cases: Array<[string, unknown]> = [
    ['an empty buffer', Buffer.alloc(0)],
    ['a string', good.certPem],
    ['PEM bytes instead of DER', Buffer.from(good.certPem)],
    ['random bytes', Buffer.from('0123456789abcdef0123456789abcdef', 'hex')],
    ['a truncated certificate', good.certDer.subarray(0, good.certDer.length - 10)],
    ['a certificate with trailing bytes', Buffer.concat([good.certDer, Buffer.from([0, 0])])],
    ['a private key', good.keyDer],
    ['a SEQUENCE of nothing', Buffer.from([0x30, 0x00])],
    ['an indefinite length', Buffer.concat([Buffer.from([0x30, 0x80]), good.certDer.subarray(4), Buffer.from([0, 0])])],
    ['a 5-octet length', Buffer.from([0x30, 0x85, 1, 0, 0, 0, 0])],
    ['null', null],
  ];
  it.each(cases)('rejects %s with certificate_invalid', (_name, input) => {
    const err = appErrorOf(() => parseCertificate(input as Buffer));
    expect(err.code).toBe('certificate_invalid');
    expect(err.message.length).toBeGreaterThan(10);
  });

  it('rejects an INTEGER with illegal padding and a certificate with an unsupported version', () => {
    const padded = Buffer.from(good.certDer);
    // the serial follows [0] version (a0 03 02 01 02): 02 10 <16 bytes>; make it 02 10 00 <first < 0x80>
    const serialAt = padded.indexOf(Buffer.from([0xa0, 0x03, 0x02, 0x01, 0x02])) + 5;
    padded[serialAt + 2] = 0x00;
    padded[serialAt + 3] = 0x01;
    expect(appErrorOf(() => parseCertificate(padded)).message).toMatch(/padding/);
    const v9 = Buffer.from(good.certDer);
    v9[serialAt - 1] = 0x09;
    expect(appErrorOf(() => parseCertificate(v9)).message).toMatch(/version/);
  });

  it('throws only certificate_invalid for any corruption of a certificate (fuzz)', () => {
    const base = aCertificate({ sans: ['fuzz.example', '192.0.2.1'], apns: undefined }).certDer;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.option(fc.nat(base.length), { nil: undefined }),
        (edits, cut) => {
          const mutated = Buffer.from(base);
          for (const [pos, value] of edits) mutated[pos] = value;
          const input = cut === undefined ? mutated : mutated.subarray(0, cut);
          let parsed;
          try {
            parsed = parseCertificate(input);
          } catch (err) {
            expect((err as { code?: string }).code).toBe('certificate_invalid');
            return;
          }
          expect(parsed.der.length).toBe(input.length);
          // what parsed must be readable by OpenSSL too, or refused with certificate_invalid
          try {
            nodeCertificateOf(parsed);
          } catch (err) {
            expect((err as { code?: string }).code).toBe('certificate_invalid');
          }
        },
      ),
      { numRuns: 400, seed: 20240501 },
    );
  });
});

