import { describe, expect, it } from 'vitest';
import { certificatePolicies } from '../../src/pki/certificate-policies.js';
import { der } from '../../src/pki/der.js';
import { aCertificate, openssl } from '../support/test-ca.js';
import { appErrorOf } from './app-error-of.js';

/** certificatePolicies extnValue: SEQUENCE OF PolicyInformation, qualifiers optional. */
function policies(...items: Array<{ oid: string; cps?: string }>): Buffer {
  return der.sequence(
    ...items.map((p) =>
      p.cps === undefined ? der.sequence(der.oid(p.oid)) : der.sequence(der.oid(p.oid), der.sequence(der.sequence(der.oid('1.3.6.1.5.5.7.2.1'), der.ia5String(p.cps)))),
    ),
  );
}

describe('certificatePolicies', () => {
  it('reads the policy OIDs in order, skipping qualifiers, as OpenSSL sees them', () => {
    const c = aCertificate({
      commonName: 'ov.example.com',
      extensions: [{ oid: '2.5.29.32', value: policies({ oid: '2.23.140.1.2.2' }, { oid: '1.3.6.1.4.1.44947.1.1.1', cps: 'http://cps.example/' }) }],
    });
    expect(certificatePolicies(c.certDer)).toEqual(['2.23.140.1.2.2', '1.3.6.1.4.1.44947.1.1.1']);
    const text = openssl(['x509', '-inform', 'DER', '-noout', '-text'], c.certDer).toString();
    expect(text).toContain('Policy: 2.23.140.1.2.2');
    expect(text).toContain('Policy: 1.3.6.1.4.1.44947.1.1.1');
  });

  it('gives [] for a certificate without the extension', () => {
    expect(certificatePolicies(aCertificate({ commonName: 'plain.example.com' }).certDer)).toEqual([]);
  });

  it('finds the extension among others, critical or not', () => {
    const c = aCertificate({
      commonName: 'ev.example.com',
      extensions: [
        { oid: '1.2.3.4.5', value: der.utf8String('x') },
        { oid: '2.5.29.32', critical: true, value: policies({ oid: '2.23.140.1.1' }) },
      ],
    });
    expect(certificatePolicies(c.certDer)).toEqual(['2.23.140.1.1']);
  });

  it.each([
    ['not DER at all', Buffer.from('hello')],
    ['an empty buffer', Buffer.alloc(0)],
    ['a policy that is not a SEQUENCE', aCertificate({ commonName: 'bad.example.com', extensions: [{ oid: '2.5.29.32', value: der.sequence(der.oid('2.23.140.1.2.1')) }] }).certDer],
    ['trailing bytes after the policies', aCertificate({ commonName: 'bad2.example.com', extensions: [{ oid: '2.5.29.32', value: Buffer.concat([policies({ oid: '2.23.140.1.2.1' }), Buffer.from([0x05, 0x00])]) }] }).certDer],
  ])('refuses %s with certificate_invalid', (_name, input) => {
    expect(appErrorOf(() => certificatePolicies(input))?.code).toBe('certificate_invalid');
  });
});
