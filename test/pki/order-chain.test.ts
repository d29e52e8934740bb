import { describe, expect, it } from 'vitest';
import { orderChain } from '../../src/pki/order-chain.js';
import { parseCertificate } from '../../src/pki/parse-certificate.js';
import type { ParsedCertificate } from '../../src/pki/parsed-certificate.js';
import { aCertificate, createTestCa } from '../support/test-ca.js';
import { appErrorOf } from './app-error-of.js';

const ca = createTestCa({ keyType: 'ec-p256' });
const other = createTestCa({ keyType: 'ec-p256' });
const issued = aCertificate({ ca, commonName: 'chain.example' });
const leaf = parseCertificate(issued.certDer);
const inter = parseCertificate(ca.intermediate.certDer);
const root = parseCertificate(ca.root.certDer);

const subjects = (cs: ParsedCertificate[]): string[] => cs.map((c) => c.subject);

describe('orderChain', () => {
  it('keeps a chain given in order', () => {
    const r = orderChain(leaf, [inter, root]);
    expect(subjects(r.chain)).toEqual(subjects([inter, root]));
    expect(r.reordered).toBe(false);
  });

  it('accepts a chain without its root', () => {
    const r = orderChain(leaf, [inter]);
    expect(r.chain).toEqual([inter]);
    expect(r.reordered).toBe(false);
  });

  it('reorders a chain given root first', () => {
    const r = orderChain(leaf, [root, inter]);
    expect(subjects(r.chain)).toEqual(subjects([inter, root]));
    expect(r.reordered).toBe(true);
  });

  it('orders a longer chain given in any order', () => {
    // root → intermediate → sub-CA → leaf
    const sub = aCertificate({ ca, isCa: true, commonName: 'Sub CA', sans: [] });
    const subParsed = parseCertificate(sub.certDer);
    // a view of the CA whose issuing certificate is the sub-CA
    const deep = parseCertificate(aCertificate({ ca: { ...ca, intermediate: sub }, commonName: 'deep.example' }).certDer);
    const r = orderChain(deep, [root, subParsed, inter]);
    expect(subjects(r.chain)).toEqual(subjects([subParsed, inter, root]));
    expect(r.reordered).toBe(true);
  });

  it('drops exact duplicates and copies of the leaf', () => {
    const r = orderChain(leaf, [parseCertificate(issued.certDer), inter, parseCertificate(ca.intermediate.certDer), root, root]);
    expect(subjects(r.chain)).toEqual(subjects([inter, root]));
    expect(r.reordered).toBe(false);
  });

  it('returns an empty chain for a self-signed leaf or no others', () => {
    const self = parseCertificate(aCertificate({ issuer: 'self', commonName: 'self.example' }).certDer);
    expect(orderChain(self, [])).toEqual({ chain: [], reordered: false });
    expect(orderChain(leaf, [])).toEqual({ chain: [], reordered: false });
  });

  it('refuses a certificate of another CA, naming its subject', () => {
    const err = appErrorOf(() => orderChain(leaf, [inter, root, parseCertificate(other.root.certDer)]));
    expect(err.code).toBe('chain_invalid');
    expect(err.message).toContain(parseCertificate(other.root.certDer).subject);
  });

  it('refuses an unrelated leaf given as chain', () => {
    const stranger = parseCertificate(aCertificate({ ca, commonName: 'stranger.example' }).certDer);
    const err = appErrorOf(() => orderChain(leaf, [stranger]));
    expect(err.code).toBe('chain_invalid');
    expect(err.message).toContain('CN=stranger.example');
  });

  it('refuses a root whose intermediate is missing', () => {
    const err = appErrorOf(() => orderChain(leaf, [root]));
    expect(err.code).toBe('chain_invalid');
    expect(err.message).toContain(root.subject);
  });

  it('refuses an impostor intermediate: same name, different key', () => {
    // another CA's root issues a CA certificate that carries our intermediate's exact name
    const impostor = aCertificate({
      ca: other,
      issuer: 'root',
      isCa: true,
      sans: [],
      omitKeyIdentifiers: true,
      subjectAttributes: [
        { type: 'C', value: 'US' },
        { type: 'O', value: 'certkeeper tests' },
        { type: 'CN', value: inter.commonName ?? '' },
      ],
    });
    const imp = parseCertificate(impostor.certDer);
    expect(imp.subject).toBe(inter.subject);
    const err = appErrorOf(() => orderChain(leaf, [imp]));
    expect(err.code).toBe('chain_invalid');
  });

  it('refuses anything after a self-signed root', () => {
    const err = appErrorOf(() => orderChain(leaf, [inter, root, parseCertificate(ca.intermediate.certDer), parseCertificate(other.intermediate.certDer)]));
    expect(err.code).toBe('chain_invalid');
    expect(err.message).toContain(parseCertificate(other.intermediate.certDer).subject);
  });
});
