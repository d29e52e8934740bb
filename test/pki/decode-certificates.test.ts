import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCertificates } from '../../src/pki/decode-certificates.js';
import { der } from '../../src/pki/der.js';
import { toPem } from '../../src/pki/pem.js';
import { aCertificate, encodeName, openssl, toPkcs12 } from '../support/test-ca.js';
import { appErrorOf } from './app-error-of.js';

const leaf = aCertificate({ commonName: 'decode.example' });
const [inter, root] = leaf.chainDers;
const all = [leaf.certDer, inter, root];

/** A certification request (RFC 2986) shape: it looks much like a certificate from outside. */
function csrDer(): Buffer {
  const spki = createPublicKey(leaf.privateKey).export({ type: 'spki', format: 'der' });
  const info = der.sequence(der.integer(0), encodeName([{ type: 'CN', value: 'csr.example' }]), spki, der.explicit(0));
  const alg = der.sequence(der.oid('1.2.840.10045.4.3.2'));
  return der.sequence(info, alg, der.bitString(sign('sha256', info, leaf.privateKey)));
}

function same(actual: Buffer[], expected: Buffer[]): void {
  expect(actual.map((b) => b.toString('hex'))).toEqual(expected.map((b) => b.toString('hex')));
}

describe('decodeCertificates: accepted forms', () => {
  it('reads one PEM certificate', () => {
    same(decodeCertificates(leaf.certPem), [leaf.certDer]);
  });

  it('reads a fullchain with CRLF line ends, leading text, indentation and blank lines, in order', () => {
    const text =
      'subject=CN = decode.example\r\nissuer=whatever\r\n' +
      [leaf.certPem, leaf.chainPem]
        .join('\r\n\r\n')
        .split('\n')
        .map((l) => `   ${l}`)
        .join('\r\n') +
      '\r\ntrailing words';
    same(decodeCertificates(text), all);
  });

  it('reads PEM given as bytes, with a UTF-8 BOM', () => {
    same(decodeCertificates(Buffer.from('\uFEFF' + leaf.fullchainPem)), [leaf.certDer, inter]);
  });

  it('reads a TRUSTED CERTIFICATE block and drops its OpenSSL trust data', () => {
    const trusted = openssl(['x509', '-addtrust', 'serverAuth', '-trustout'], leaf.certPem).toString();
    expect(trusted).toContain('BEGIN TRUSTED CERTIFICATE');
    same(decodeCertificates(trusted), [leaf.certDer]);
  });

  it('reads base64 of DER, with and without line breaks, and base64url', () => {
    const b64 = leaf.certDer.toString('base64');
    same(decodeCertificates(b64), [leaf.certDer]);
    same(decodeCertificates(b64.replace(/(.{76})/g, '$1\n')), [leaf.certDer]);
    same(decodeCertificates(leaf.certDer.toString('base64url')), [leaf.certDer]);
  });

  it('reads raw DER, one certificate or several concatenated', () => {
    same(decodeCertificates(leaf.certDer), [leaf.certDer]);
    same(decodeCertificates(Buffer.concat(all)), all);
  });

  it('reads a PKCS#7 bundle (.p7b), as PEM and as DER', () => {
    const dir = mkdtempSync(join(tmpdir(), 'p7b-'));
    writeFileSync(join(dir, 'certs.pem'), leaf.certPem + leaf.chainPem);
    const p7pem = openssl(['crl2pkcs7', '-nocrl', '-certfile', join(dir, 'certs.pem')]).toString();
    rmSync(dir, { recursive: true });
    expect(p7pem).toContain('BEGIN PKCS7');
    same(decodeCertificates(p7pem), all);
    const p7der = openssl(['pkcs7', '-outform', 'DER'], p7pem);
    same(decodeCertificates(p7der), all);
  });

  it('ignores other PEM blocks next to certificates', () => {
    const csr = '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n';
    same(decodeCertificates(csr + leaf.certPem), [leaf.certDer]);
  });

  it('accepts exactly max certificates', () => {
    same(decodeCertificates(leaf.certPem + leaf.chainPem, { max: 3 }), all);
    expect(decodeCertificates(leaf.certPem.repeat(100))).toHaveLength(100);
  });
});

describe('decodeCertificates: errors', () => {
  const rsaKey = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
  const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const cases: Array<[string, string | Buffer, string]> = [
    ['an empty string', '', 'certificate_missing'],
    ['only whitespace', ' \r\n\t ', 'certificate_missing'],
    ['an empty buffer', Buffer.alloc(0), 'certificate_missing'],
    ['only a CSR block', '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n', 'certificate_missing'],
    ['a PKCS#8 PEM key', leaf.keyPem, 'private_key_in_certificate_field'],
    ['a certificate followed by its key', leaf.certPem + leaf.keyPem, 'private_key_in_certificate_field'],
    ['a PKCS#1 RSA key', rsaKey.export({ type: 'pkcs1', format: 'pem' }) as string, 'private_key_in_certificate_field'],
    ['a SEC1 EC key', ecKey.export({ type: 'sec1', format: 'pem' }) as string, 'private_key_in_certificate_field'],
    [
      'an encrypted PKCS#8 key',
      ecKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' }) as string,
      'private_key_in_certificate_field',
    ],
    ['a PKCS#8 key as DER', leaf.keyDer, 'private_key_in_certificate_field'],
    ['a PKCS#8 key as base64', leaf.keyDer.toString('base64'), 'private_key_in_certificate_field'],
    ['a PKCS#1 key as DER', rsaKey.export({ type: 'pkcs1', format: 'der' }), 'private_key_in_certificate_field'],
    ['a key DER in a CERTIFICATE block', toPem(leaf.keyDer), 'private_key_in_certificate_field'],
    ['a PEM block without END line', leaf.certPem.slice(0, 300), 'certificate_invalid'],
    ['a CERTIFICATE block with bad base64', '-----BEGIN CERTIFICATE-----\nnot*base64!\n-----END CERTIFICATE-----\n', 'certificate_invalid'],
    ['a truncated certificate in a CERTIFICATE block', toPem(leaf.certDer.subarray(0, 200)), 'certificate_invalid'],
    ['trailing bytes after the certificate', toPem(Buffer.concat([leaf.certDer, Buffer.from([1, 2, 3])])), 'certificate_invalid'],
    ['truncated DER', leaf.certDer.subarray(0, leaf.certDer.length - 1), 'certificate_invalid'],
    ['truncated base64 DER', leaf.certDer.subarray(0, 200).toString('base64'), 'certificate_invalid'],
    ['plain words', 'hello world, this is not a certificate', 'certificate_invalid'],
    ['JSON', '{"certificate": true}', 'certificate_invalid'],
    ['random bytes', Buffer.from([0x01, 0x02, 0x03, 0x04]), 'certificate_invalid'],
    ['a DER SEQUENCE that is no certificate', Buffer.from([0x30, 0x03, 0x02, 0x01, 0x05]), 'certificate_invalid'],
    ['a CSR as DER', csrDer(), 'certificate_invalid'],
  ];
  it.each(cases)('rejects %s', (_name, input, code) => {
    const err = appErrorOf(() => decodeCertificates(input));
    expect(err.code).toBe(code);
  });

  it('rejects a PKCS#12 file with a hint', () => {
    const err = appErrorOf(() => decodeCertificates(toPkcs12(leaf, { password: 'x' })));
    expect(err.code).toBe('certificate_invalid');
    expect(err.message).toMatch(/PKCS#12/);
  });

  it('rejects more than max certificates (default 100)', () => {
    expect(appErrorOf(() => decodeCertificates(leaf.certPem.repeat(101))).code).toBe('too_many_certificates');
    expect(appErrorOf(() => decodeCertificates(leaf.certPem + leaf.chainPem, { max: 2 })).code).toBe('too_many_certificates');
    expect(appErrorOf(() => decodeCertificates(Buffer.concat(all), { max: 2 })).code).toBe('too_many_certificates');
  });

  it('names the missing block types it found', () => {
    const err = appErrorOf(() => decodeCertificates('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n'));
    expect(err.code).toBe('certificate_missing');
    expect(err.message).toContain('PUBLIC KEY');
  });
});
