import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/app-error.js';
import { buildPkcs12 } from '../../src/pki/build-pkcs12.js';
import { declaredPkcs12Iterations, PKCS12_MAX_REQUEST_ITERATIONS, pkcs12IterationAllowances } from '../../src/pki/pkcs12-iteration-budget.js';
import { readPkcs12 } from '../../src/pki/read-pkcs12.js';
import { der } from '../../src/pki/der.js';
import { oids } from '../../src/pki/oids.js';
import { pfxAround, pfxDeclaring, pfxKeyBag, pfxWithKeyInEncryptedContents, toBer } from '../support/crafted-pkcs12.js';
import { aCertificate, toPkcs12 } from '../support/test-ca.js';
import { appErrorOf } from './app-error-of.js';

const c = aCertificate({ keyType: 'ec-p256', commonName: 'budget.p12.example' });
const N = 3_000;

/** Reading the file spends exactly `iterations`: it succeeds within them and is refused one short. */
function expectSpends(file: Buffer, password: string, iterations: number): void {
  expect(readPkcs12(file, password, { maxIterations: iterations }).certificates.length).toBeGreaterThan(0);
  const err = appErrorOf(() => readPkcs12(file, password, { maxIterations: iterations - 1 }));
  expect(err.code).toBe('pkcs12_iteration_budget_exceeded');
  expect(err.details).toEqual({ maxIterations: iterations - 1 });
}

describe('declaredPkcs12Iterations', () => {
  it.each([
    ['OpenSSL, modern: MAC, PBES2 certificates, PBES2 key', toPkcs12(c, { password: 'pw', iterations: N }), 3 * N],
    ['OpenSSL, legacy: MAC, RC2 certificates and 3DES key (key and IV each)', toPkcs12(c, { password: 'pw', iterations: N, legacy: true }), 5 * N],
    ['OpenSSL, modern, no MAC', toPkcs12(c, { password: 'pw', iterations: N, mac: false }), 2 * N],
    ['OpenSSL, modern, certificates only', toPkcs12(c, { password: 'pw', iterations: N, includeKey: false }), 2 * N],
    ['buildPkcs12 (export)', buildPkcs12({ certificateDer: c.certDer, chainDers: c.chainDers, pkcs8Der: c.keyDer, password: 'pw', iterations: N }), 3 * N],
    ['OpenSSL, legacy, in BER', toBer(toPkcs12(c, { password: 'pw', iterations: N, legacy: true })), 5 * N],
  ])('%s: what reading it spends, before deriving anything', (_name, file, iterations) => {
    expect(declaredPkcs12Iterations(file, 'pw')).toBe(iterations);
    expectSpends(file, 'pw', iterations);
  });

  it('counts an empty password twice: it is tried as an empty password and as none', () => {
    const file = toPkcs12(c, { password: '', iterations: N });
    expect(declaredPkcs12Iterations(file, '')).toBe(2 * 3 * N);
    expect(declaredPkcs12Iterations(file, 'x')).toBe(3 * N);
    // the first try succeeds here; a wrong empty password spends both
    expectSpends(file, '', 3 * N);
    const other = toPkcs12(c, { password: 'pw', iterations: N });
    expect(appErrorOf(() => readPkcs12(other, '', { maxIterations: 2 * N })).code).toBe('pkcs12_bad_password');
    expect(appErrorOf(() => readPkcs12(other, '', { maxIterations: 2 * N - 1 })).code).toBe('pkcs12_iteration_budget_exceeded');
  });

  it('stops where the per-file limits refuse the next derivation, as the reader does', () => {
    expect(declaredPkcs12Iterations(pfxDeclaring({ mac: 1_000_000_000, encryptedData: [1000] }), 'pw')).toBe(0);
    expect(declaredPkcs12Iterations(pfxDeclaring({ mac: 1000, encryptedData: [1_000_001, 1000] }), 'pw')).toBe(1000);
    expect(declaredPkcs12Iterations(pfxDeclaring({ mac: 800_000, encryptedData: [800_000], shroudedKeys: [800_000] }), 'pw')).toBe(1_600_000);
    expect(declaredPkcs12Iterations(pfxDeclaring({ mac: 0, encryptedData: [1000] }), 'pw')).toBe(0);
    expect(declaredPkcs12Iterations(pfxDeclaring({ encryptedData: [{ pkcs12Pbe: 1000 }, 2000], shroudedKeys: [3000, 4000] }), 'pw')).toBe(2000 + 2000 + 3000 + 4000);
    expect(declaredPkcs12Iterations(pfxDeclaring({}), 'pw')).toBe(0);
  });

  it.each([
    ['nothing', Buffer.alloc(0)],
    ['random bytes', Buffer.from('deadbeefcafebabe00112233445566778899', 'hex')],
    ['a certificate', c.certDer],
    ['a truncated file', toPkcs12(c, { password: 'pw' }).subarray(0, 300)],
    ['nested indefinite lengths', Buffer.concat([Buffer.alloc(20_000, 0x30).map((b, i) => (i % 2 ? 0x80 : b)), Buffer.alloc(20_000, 0)])],
  ])('is 0 for %s', (_name, bytes) => {
    expect(declaredPkcs12Iterations(bytes, 'pw')).toBe(0);
  });

  it('reads at most 200,000 elements of the structure, for all the files of a request', () => {
    // 100,000 certificate bags before the key bag: the key's count is never reached
    const bag = der.sequence(der.oid(oids.pkcs12CertBag), der.explicit(0, der.sequence()));
    const bags = der.sequence(...Array<Buffer>(100_000).fill(bag), pfxKeyBag(5000));
    const file = pfxAround(bags, 1000);
    expect(declaredPkcs12Iterations(pfxAround(der.sequence(bag, pfxKeyBag(5000)), 1000), 'pw')).toBe(6000);
    expect(declaredPkcs12Iterations(file, 'pw')).toBe(1000);
    // what is left after that file is too little for the next one, which then declares nothing
    const other = pfxDeclaring({ mac: 3000 });
    const share = Math.floor((PKCS12_MAX_REQUEST_ITERATIONS - 1000) / 2);
    expect(pkcs12IterationAllowances([{ data: file, password: 'pw' }, { data: other, password: 'pw' }])).toEqual([1000 + share, share]);
    const shareAfter = Math.floor((PKCS12_MAX_REQUEST_ITERATIONS - 3000 - 1000) / 2);
    expect(pkcs12IterationAllowances([{ data: other, password: 'pw' }, { data: file, password: 'pw' }])).toEqual([3000 + shareAfter, 1000 + shareAfter]);
  });

  it('cannot see a key bag inside encrypted contents: reading it spends more than declared', () => {
    const file = pfxWithKeyInEncryptedContents(c, { password: 'pw', macIterations: 1000, contentsIterations: 2000, keyIterations: 4000 });
    expect(declaredPkcs12Iterations(file, 'pw')).toBe(3000);
    expectSpends(file, 'pw', 7000);
    expect(readPkcs12(file, 'pw').privateKeyPkcs8?.equals(c.keyDer)).toBe(true);
  });
});

describe('pkcs12IterationAllowances', () => {
  const file = (iterations: number, password = 'pw') => ({ data: pfxDeclaring({ mac: iterations }), password });

  it('gives each file what it declares and an equal share of what the request has left', () => {
    expect(pkcs12IterationAllowances([])).toEqual([]);
    expect(pkcs12IterationAllowances([file(1000)])).toEqual([PKCS12_MAX_REQUEST_ITERATIONS]);
    const share = Math.floor((PKCS12_MAX_REQUEST_ITERATIONS - 1000 - 2 * 3000 - 0) / 3);
    expect(pkcs12IterationAllowances([file(1000), file(3000, ''), { data: Buffer.from('junk'), password: 'pw' }])).toEqual([1000 + share, 6000 + share, share]);
  });

  it('refuses files that declare more than the request may spend, up to the last iteration', () => {
    const files = Array.from({ length: 10 }, () => file(1_000_000));
    expect(pkcs12IterationAllowances(files)).toEqual(Array(10).fill(1_000_000));
    const err = appErrorOf(() => pkcs12IterationAllowances([...files, file(1)]));
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('pkcs12_iteration_budget_exceeded');
    expect(err.details).toEqual({ iterations: 10_000_001, maxIterations: 10_000_000 });
    expect(err.message).toMatch(/10,000,001 key-derivation iterations .* limit of 10,000,000 per request/);
  });
});
