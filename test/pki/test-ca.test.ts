import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../../src/pki/parse-certificate.js';
import { aCertificate, createTestCa, openssl, testKeyTypes } from '../support/test-ca.js';

function opensslVerify(leafPem: string, intermediatePem: string, rootPem: string, extra: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'verify-'));
  try {
    writeFileSync(join(dir, 'root.pem'), rootPem);
    writeFileSync(join(dir, 'inter.pem'), intermediatePem);
    writeFileSync(join(dir, 'leaf.pem'), leafPem);
    return openssl(['verify', '-CAfile', join(dir, 'root.pem'), '-untrusted', join(dir, 'inter.pem'), ...extra, join(dir, 'leaf.pem')]).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('test CA', () => {
  it.each(testKeyTypes)('mints %s chains that openssl verifies for TLS', (keyType) => {
    const ca = createTestCa({ keyType });
    const c = ca.issue({ keyType, commonName: 'verify.example', sans: ['verify.example'] });
    const out = opensslVerify(c.certPem, ca.intermediate.certPem, ca.root.certPem, ['-purpose', 'sslserver', '-verify_hostname', 'verify.example']);
    expect(out).toMatch(/: OK/);
    expect(c.chainPem).toBe(ca.intermediate.certPem + ca.root.certPem);
    expect(c.fullchainPem).toBe(c.certPem + ca.intermediate.certPem);
  });

  it('mints Apple certificates that verify as TLS clients', () => {
    const ca = createTestCa();
    const apns = ca.issue({ apns: { environments: ['production'] } });
    expect(opensslVerify(apns.certPem, ca.intermediate.certPem, ca.root.certPem, ['-purpose', 'sslclient'])).toMatch(/: OK/);
  });

  it('gives every certificate its own key unless a slot is shared', () => {
    const a = aCertificate({});
    const b = aCertificate({});
    expect(parseCertificate(a.certDer).spkiSha256).not.toBe(parseCertificate(b.certDer).spkiSha256);
    const s1 = aCertificate({ keySlot: 'shared' });
    const s2 = aCertificate({ keySlot: 'shared' });
    expect(parseCertificate(s1.certDer).spkiSha256).toBe(parseCertificate(s2.certDer).spkiSha256);
  });

  it('writes expiry, serial and names as asked', () => {
    const notAfter = new Date(Date.UTC(2030, 0, 2, 3, 4, 5));
    const c = aCertificate({ serialNumber: '0A0B', notAfter, commonName: 'asked.example', subject: { O: 'Org', C: 'FR' } });
    const text = openssl(['x509', '-noout', '-serial', '-enddate', '-subject', '-nameopt', 'RFC2253'], c.certPem).toString();
    expect(text).toContain('serial=0A0B');
    expect(text).toContain('notAfter=Jan  2 03:04:05 2030 GMT');
    expect(text).toContain('subject=CN=asked.example,O=Org,C=FR');
  });
});
