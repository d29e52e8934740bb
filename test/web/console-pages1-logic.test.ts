/**
 * Pure logic of the import, new managed certificate, apps and endpoints pages (web/src/lib):
 * what a file holds, the batches and progress of a bulk import, errors in words, the names of
 * a certificate request and its DNS records, push health and endpoint findings.
 */
import { describe, expect, it } from 'vitest';
import { base64Of, chunk, derKind, planImport, progressText, readFileBytes, stemOf } from '../../web/src/lib/import-files.js';
import { acmeProblemWords, errorText } from '../../web/src/lib/error-words.js';
import { groupRecords, namesProblem, parseNames, zoneLines } from '../../web/src/lib/managed.js';
import { endpointInput, findingWords } from '../../web/src/lib/endpoint-words.js';
import { checkOutcomeWords, pushVerdict } from '../../web/src/lib/app-words.js';
import { aCertificate, toPkcs12 } from '../support/test-ca.js';

const bytes = (s: string | Buffer) => new Uint8Array(typeof s === 'string' ? Buffer.from(s, 'utf8') : s);

describe('what a chosen file holds', () => {
  const c = aCertificate({ sans: ['files.example.test'] });

  it('a PEM certificate, with its chain and a key in the same file', () => {
    const read = readFileBytes('site.pem', bytes(c.certPem + c.chainPem + c.keyPem));
    expect(read.kind).toBe('certificate');
    if (read.kind !== 'certificate') return;
    expect(read.body.match(/BEGIN CERTIFICATE/g)).toHaveLength(1 + c.chainDers.length);
    expect(read.body).not.toContain('PRIVATE KEY');
    expect(read.key).toContain('-----BEGIN PRIVATE KEY-----');
  });

  it('a key file alone, a DER certificate, a PKCS#12 file (told apart by its first element), and neither', () => {
    expect(readFileBytes('site.key', bytes(c.keyPem)).kind).toBe('key');
    const der = readFileBytes('site.cer', bytes(c.certDer));
    expect(der).toMatchObject({ kind: 'certificate', body: c.certDer.toString('base64') });
    const p12 = toPkcs12(c, { password: 'pw' });
    expect(derKind(bytes(p12))).toBe('pkcs12');
    // The content decides, not the name.
    expect(readFileBytes('renamed.bin', bytes(p12))).toMatchObject({ kind: 'pkcs12', pkcs12: Buffer.from(p12).toString('base64') });
    expect(derKind(bytes(c.certDer))).toBe('certificate');
    expect(readFileBytes('notes.txt', bytes('hello')).kind).toBe('unreadable');
    expect(readFileBytes('empty.pem', bytes('-----BEGIN PUBLIC KEY-----\nAA==\n-----END PUBLIC KEY-----\n')).kind).toBe('unreadable');
  });

  it('base64 of a large file is the same as Node’s', () => {
    const big = Buffer.alloc(200_001, 7);
    expect(base64Of(new Uint8Array(big))).toBe(big.toString('base64'));
  });
});

describe('planning a bulk import', () => {
  const a = aCertificate({ sans: ['a.example.test'] });
  const b = aCertificate({ sans: ['b.example.test'] });

  it('a key file joins the certificate of the same name; a lone key is refused in words and never sent', () => {
    expect(stemOf('a.example.test.crt')).toBe('a.example.test');
    expect(stemOf('a.example.test.key.pem')).toBe('a.example.test');
    expect(stemOf('a.example.test-key.pem')).toBe('a.example.test');
    const files = [readFileBytes('a.example.test.crt', bytes(a.certPem)), readFileBytes('a.example.test.key', bytes(a.keyPem)), readFileBytes('b.pem', bytes(b.certPem)), readFileBytes('lonely.key', bytes(b.keyPem)), readFileBytes('x.txt', bytes('x'))];
    const plan = planImport(files, 'pw');
    expect(plan.map((p) => p.names)).toEqual([['a.example.test.crt', 'a.example.test.key'], ['b.pem'], ['x.txt'], ['lonely.key']]);
    expect(plan[0].item).toMatchObject({ certificateBody: a.certPem, certificatePrivateKey: a.keyPem });
    expect(plan[1].item).toEqual({ certificateBody: b.certPem });
    expect(plan[2]).toMatchObject({ item: undefined, refused: expect.stringMatching(/neither a PEM, DER nor PKCS#12/) });
    expect(plan[3]).toMatchObject({ item: undefined, refused: expect.stringMatching(/private key without a certificate/) });
  });

  it('PKCS#12 items carry the password given for them', () => {
    const plan = planImport([{ name: 'p.p12', kind: 'pkcs12', pkcs12: 'AAAA', size: 3 }], 'secret');
    expect(plan[0].item).toEqual({ pkcs12: 'AAAA', password: 'secret' });
  });

  it('batches hold at most so many items and about so many bytes; a file over the limit goes alone', () => {
    const sizes = [10, 10, 10, 10, 10];
    expect(chunk(sizes, (s) => s, 2, 1000)).toEqual([[10, 10], [10, 10], [10]]);
    expect(chunk([400, 400, 400, 2000, 10], (s) => s, 20, 1000)).toEqual([[400, 400], [400], [2000], [10]]);
    expect(chunk([], (s: number) => s)).toEqual([]);
    const forty = Array.from({ length: 40 }, (_, i) => i);
    expect(chunk(forty, () => 1).map((c) => c.length)).toEqual([20, 20]);
  });

  it('progress in words', () => {
    expect(progressText({ total: 40, done: 13, imported: 12, duplicates: 0, failed: 1, cancelled: false })).toBe('12 of 40 imported, 1 failed');
    expect(progressText({ total: 5, done: 5, imported: 3, duplicates: 2, failed: 0, cancelled: false })).toBe('5 of 5 imported, 2 already in the inventory');
    expect(progressText({ total: 40, done: 20, imported: 20, duplicates: 0, failed: 0, cancelled: true })).toBe('20 of 40 imported; cancelled, 20 not sent');
  });
});

describe('errors in words', () => {
  it('a known code gives its sentence, the server’s message stays as the detail', () => {
    expect(errorText('key_mismatch', 'the private key does not match the certificate')).toEqual({ words: 'The private key does not belong to this certificate.', detail: 'the private key does not match the certificate' });
    expect(errorText('pkcs12_bad_password', '').detail).toBeUndefined();
    expect(errorText('something_new', 'what the server said')).toEqual({ words: 'what the server said', detail: undefined });
    expect(errorText(undefined, '')).toEqual({ words: 'The request failed.', detail: undefined });
  });

  it('ACME problem types', () => {
    expect(acmeProblemWords('urn:ietf:params:acme:error:unauthorized')).toMatch(/no matching record/);
    expect(acmeProblemWords('urn:ietf:params:acme:error:dns')).toMatch(/DNS/);
    expect(acmeProblemWords('certkeeper:acme_unavailable')).toBeUndefined();
  });
});

describe('a managed certificate request', () => {
  it('names one per line (or separated), trimmed, lower-cased, without duplicates, in order', () => {
    expect(parseNames(' Shop.Example.test \n*.shop.example.test\n\nshop.example.test.\napi.example.test, www.example.test')).toEqual(['shop.example.test', '*.shop.example.test', 'api.example.test', 'www.example.test']);
    expect(parseNames('\n  \n')).toEqual([]);
  });

  it('problems told before asking the server', () => {
    expect(namesProblem([], 'dns-01')).toMatch(/at least one/);
    expect(namesProblem(['*.a.test'], 'http-01')).toMatch(/wildcard/);
    expect(namesProblem(['*.a.test'], 'dns-01')).toBeUndefined();
  });

  it('records grouped by name (a wildcard and its base share one) and as zone-file lines', () => {
    const records = [
      { key: '_acme-challenge.shop.example.test', value: 'AAA' },
      { key: '_acme-challenge.shop.example.test', value: 'BBB' },
      { key: '_acme-challenge.api.example.test', value: 'CCC' },
    ];
    expect(groupRecords(records)).toEqual([
      { name: '_acme-challenge.shop.example.test', values: ['AAA', 'BBB'] },
      { name: '_acme-challenge.api.example.test', values: ['CCC'] },
    ]);
    expect(zoneLines(records)).toBe(['_acme-challenge.shop.example.test. 300 IN TXT "AAA"', '_acme-challenge.shop.example.test. 300 IN TXT "BBB"', '_acme-challenge.api.example.test. 300 IN TXT "CCC"'].join('\n'));
    expect(zoneLines([{ key: 'x.test.', value: 'a"b' }], 60)).toBe('x.test. 60 IN TXT "a\\"b"');
  });
});

describe('endpoints and apps in words', () => {
  it('the add form: a pasted URL gives host and port, the protocol’s port by default, bad ports refused', () => {
    expect(endpointInput('https://www.example.test:8443/path', '', 'tls', '')).toEqual({ host: 'www.example.test', port: 8443, protocol: 'tls', serverName: null });
    expect(endpointInput(' mail.example.test ', '', 'smtp', ' mx.example.test ')).toEqual({ host: 'mail.example.test', port: 25, protocol: 'smtp', serverName: 'mx.example.test' });
    expect(endpointInput('[2001:db8::1]', '443', 'tls', '')).toMatchObject({ host: '2001:db8::1', port: 443 });
    expect(endpointInput('a.test', '70000', 'tls', '')).toMatch(/1 to 65535/);
    expect(endpointInput('', '', 'tls', '')).toMatch(/host/);
    expect(endpointInput('a b', '', 'tls', '')).toMatch(/without spaces/);
  });

  it('findings and push health', () => {
    expect(findingWords('mismatch')).toBe('Does not name the host');
    expect(findingWords('new_kind')).toBe('new kind');
    expect(pushVerdict({ status: 'REVOKED', reason: 'BadCertificate', source: 'push-result', at: '2026-06-01T00:00:00Z', lastCheck: null })).toEqual({ words: 'Refused by APNs (BadCertificate), seen by a reported push', critical: true });
    expect(pushVerdict({ status: 'OK', reason: null, source: null, at: null, lastCheck: null })).toEqual({ words: 'OK: no push outcome reported yet', critical: false });
    expect(pushVerdict({ status: 'OK', reason: 'BadDeviceToken', source: 'push-check', at: '2026-06-01T00:00:00Z', lastCheck: null }).words).toBe('OK, last seen by a push check');
    expect(checkOutcomeWords('revoked')).toBe('refused the certificate');
  });
});
