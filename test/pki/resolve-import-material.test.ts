import { describe, expect, it } from 'vitest';
import { buildPkcs12 } from '../../src/pki/build-pkcs12.js';
import { parseCertificate } from '../../src/pki/parse-certificate.js';
import type { ParsedCertificate } from '../../src/pki/parsed-certificate.js';
import { REORDERED_NOTE, resolveImportMaterial } from '../../src/pki/resolve-import-material.js';
import { aCertificate, createTestCa, toPkcs12 } from '../support/test-ca.js';
import { appErrorOf } from './app-error-of.js';

const ca = createTestCa({ keyType: 'ec-p256' });
const c = aCertificate({ ca, commonName: 'import.example', sans: ['import.example', 'www.import.example'] });
const [interPem, rootPem] = [ca.intermediate.certPem, ca.root.certPem];
const fingerprints = (cs: ParsedCertificate[]): string[] => cs.map((x) => x.fingerprintSha256);
const expectedChain = [parseCertificate(ca.intermediate.certDer), parseCertificate(ca.root.certDer)].map((x) => x.fingerprintSha256);

describe('resolveImportMaterial: PEM fields', () => {
  it('resolves leaf, ordered chain and key', () => {
    const m = resolveImportMaterial({ certificateBody: c.certPem, certificatePrivateKey: c.keyPem, certificateChain: interPem + rootPem });
    expect(m.leaf.domainName).toBe('import.example');
    expect(fingerprints(m.chain)).toEqual(expectedChain);
    expect(m.privateKey?.type).toBe('ec');
    expect(m.privateKey?.spkiSha256).toBe(m.leaf.spkiSha256);
    expect(m.notes).toEqual([]);
  });

  it('takes a fullchain body: the first certificate is the leaf, the rest joins the chain', () => {
    const m = resolveImportMaterial({ certificateBody: c.fullchainPem, certificateChain: rootPem });
    expect(m.leaf.commonName).toBe('import.example');
    expect(fingerprints(m.chain)).toEqual(expectedChain);
    expect(m.notes).toHaveLength(1);
    expect(m.notes[0]).toMatch(/first is the leaf/);
  });

  it('reorders a chain given out of order and says so', () => {
    const m = resolveImportMaterial({ certificateBody: c.certPem, certificateChain: rootPem + interPem });
    expect(fingerprints(m.chain)).toEqual(expectedChain);
    expect(m.notes).toContain(REORDERED_NOTE);
    expect(REORDERED_NOTE).toBe('certificateChain was given out of order and has been reordered');
  });

  it('works without key and without chain, and treats blank fields as absent', () => {
    const m = resolveImportMaterial({ certificateBody: c.certPem, certificatePrivateKey: '  ', certificateChain: '\n' });
    expect(m.privateKey).toBeNull();
    expect(m.chain).toEqual([]);
  });

  it('accepts DER as base64 in every field and an RSA key in PKCS#1 form', () => {
    const rsaCa = createTestCa({ keyType: 'rsa-2048' });
    const r = aCertificate({ ca: rsaCa, keyType: 'rsa-2048', commonName: 'rsa.import.example' });
    const m = resolveImportMaterial({
      certificateBody: r.certDer.toString('base64'),
      certificatePrivateKey: r.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
      certificateChain: r.chainPem,
    });
    expect(m.leaf.publicKeyInfo).toBe('RSA 2048');
    expect(m.privateKey?.type).toBe('rsa');
    expect(m.chain).toHaveLength(2);
  });

  it.each([
    ['an empty body', { certificateBody: '' }, 'certificate_missing', /^certificateBody: /],
    ['a key in the body', { certificateBody: c.keyPem }, 'private_key_in_certificate_field', /^certificateBody: /],
    ['a key in the chain', { certificateBody: c.certPem, certificateChain: c.keyPem }, 'private_key_in_certificate_field', /^certificateChain: /],
    ['a truncated body', { certificateBody: c.certPem.slice(0, 200) }, 'certificate_invalid', /^certificateBody: /],
    ['a key of another certificate', { certificateBody: c.certPem, certificatePrivateKey: aCertificate({ ca }).keyPem }, 'key_mismatch', /^certificatePrivateKey: /],
    ['an encrypted key', { certificateBody: c.certPem, certificatePrivateKey: c.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'x' }) as string }, 'private_key_encrypted', /^certificatePrivateKey: /],
    ['junk as key', { certificateBody: c.certPem, certificatePrivateKey: 'not a key' }, 'private_key_invalid', /^certificatePrivateKey: /],
    ['a foreign chain', { certificateBody: c.certPem, certificateChain: createTestCa().intermediate.certPem }, 'chain_invalid', /^certificateChain: .*Intermediate CA/],
    ['an unrelated leaf as chain', { certificateBody: c.certPem, certificateChain: aCertificate({ ca, commonName: 'other.example' }).certPem }, 'chain_invalid', /other\.example/],
    ['101 certificates', { certificateBody: c.certPem, certificateChain: interPem.repeat(100) }, 'too_many_certificates', /100/],
  ])('refuses %s', (_name, input, code, message) => {
    const err = appErrorOf(() => resolveImportMaterial(input));
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
  });
});

describe('resolveImportMaterial: PKCS#12', () => {
  it.each([
    ['modern', false],
    ['legacy', true],
  ])('resolves a %s file', (_name, legacy) => {
    const m = resolveImportMaterial({ pkcs12: toPkcs12(c, { password: 'pw', legacy }), password: 'pw' });
    expect(m.leaf.fingerprintSha256).toBe(parseCertificate(c.certDer).fingerprintSha256);
    expect(fingerprints(m.chain)).toEqual(expectedChain);
    expect(m.privateKey?.spkiSha256).toBe(m.leaf.spkiSha256);
    expect(m.notes).toEqual([]);
  });

  it('finds the leaf by its key wherever it sits in the file', () => {
    const file = buildPkcs12({ certificateDer: ca.root.certDer, chainDers: [c.certDer, ca.intermediate.certDer], pkcs8Der: c.keyDer, password: '' });
    const m = resolveImportMaterial({ pkcs12: file, password: '' });
    expect(m.leaf.commonName).toBe('import.example');
    expect(fingerprints(m.chain)).toEqual(expectedChain);
    expect(m.notes.some((n) => /reordered/.test(n))).toBe(true);
  });

  it('takes the certificate that is not a CA as leaf when the file has no key', () => {
    const file = buildPkcs12({ certificateDer: ca.intermediate.certDer, chainDers: [c.certDer], pkcs8Der: null, password: 'pw' });
    const m = resolveImportMaterial({ pkcs12: file, password: 'pw' });
    expect(m.leaf.commonName).toBe('import.example');
    expect(m.privateKey).toBeNull();
    expect(m.chain).toHaveLength(1);
  });

  it('refuses a key that belongs to none of the certificates', () => {
    const file = buildPkcs12({ certificateDer: c.certDer, chainDers: [], pkcs8Der: aCertificate({ ca }).keyDer, password: 'pw' });
    expect(appErrorOf(() => resolveImportMaterial({ pkcs12: file, password: 'pw' })).code).toBe('key_mismatch');
  });

  it('passes the PKCS#12 errors through', () => {
    const file = toPkcs12(c, { password: 'pw', legacy: true });
    expect(appErrorOf(() => resolveImportMaterial({ pkcs12: file, password: 'wrong' })).code).toBe('pkcs12_bad_password');
    expect(appErrorOf(() => resolveImportMaterial({ pkcs12: Buffer.from('nope'), password: 'pw' })).code).toBe('pkcs12_invalid');
    const keyOnly = toPkcs12(c, { password: 'pw', includeCertificates: false });
    expect(appErrorOf(() => resolveImportMaterial({ pkcs12: keyOnly, password: 'pw' })).code).toBe('pkcs12_no_certificate');
  });
});
