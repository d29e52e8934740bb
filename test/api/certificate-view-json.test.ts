import Fastify from 'fastify';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CertificateView, certificateView, certificateViewJson } from '../../src/api/certificate-view.js';
import { envelopeSchema, ok, okJson, paged, pagedJson } from '../../src/api/envelope.js';
import { certificateKinds, certificateSources, type CertificateRecord, type LifecycleStatus } from '../../src/domain/certificate.js';
import { challengeTypes, keyTypes } from '../../src/domain/managed-certificate.js';
import { Type } from 'typebox';

const now = new Date('2026-03-15T10:30:00.000Z');

function aRecord(overrides: Partial<CertificateRecord> = {}): CertificateRecord {
  return {
    id: 42,
    uid: 'abcdefgh12345678',
    projectId: '22222222-2222-4222-8222-222222222222',
    organizationId: '11111111-1111-4111-8111-111111111111',
    scopeId: 0,
    source: 'imported',
    kind: 'tls',
    status: 'issued',
    sslCertificateId: '01a209b2-47fd-738d-bee8-26146202f7ea',
    domainName: 'www.example.com',
    sans: ['www.example.com', 'example.com'],
    subject: 'CN=www.example.com',
    issuer: 'CN=Test CA, O=Test',
    serialNumber: '45AA1979CD2A35C7',
    notBefore: new Date('2026-01-01T00:00:00.000Z'),
    notAfter: new Date('2026-06-01T00:00:00.007Z'),
    fingerprintSha1: '0d15d0145a62a36ddea7ac40119779697d2d4391',
    fingerprintSha256: 'b0924c0b460613c552822763c301d853f8232a14f36a094adcafbfbba5a5aed0',
    publicKeyInfo: 'EC P-256',
    signatureAlgorithm: 'ecdsa-with-SHA256',
    keyUsage: ['digitalSignature'],
    extendedKeyUsage: ['serverAuth', 'clientAuth'],
    apple: null,
    hasPrivateKey: false,
    createdAt: new Date('2026-01-02T03:04:05.678Z'),
    lastModified: new Date('2026-02-02T03:04:05.000Z'),
    ...overrides,
  };
}

const records: CertificateRecord[] = [
  aRecord(),
  aRecord({ status: 'issued', notAfter: new Date('2026-03-01T00:00:00.000Z') }),
  aRecord({ status: 'revoked', scopeId: 1, source: 'acme', hasPrivateKey: true, keyUsage: [], extendedKeyUsage: [] }),
  aRecord({ status: 'pending_validation', source: 'discovered', sans: [] }),
  aRecord({ domainName: 'xn--bcher-kva.example', sans: ['xn--bcher-kva.example', 'www.xn--bcher-kva.example', 'plain.example'] }),
  aRecord({ subject: 'CN="quoted" \\ back\u0001slash\u2028, O=Ünïcödé 証明書 \ud800', issuer: 'tab\there\nnewline' }),
  aRecord({
    kind: 'apns',
    // Stored key order and an unknown key must not show through: the schema decides.
    apple: { topics: ['com.example.app', 'com.example.app.voip'], extra: 'x', bundleId: 'com.example.app', environments: ['production', 'development'], teamId: 'ABCDE12345' } as never,
  }),
  aRecord({ kind: 'pass', apple: { passTeamIdentifier: 'T1', passTypeIdentifier: 'pass.com.example' } }),
  aRecord({ kind: 'pass', apple: {} }),
  aRecord({
    source: 'acme',
    status: 'failed',
    managed: {
      challengeType: 'dns-01',
      keyType: 'ec-p256',
      identifiers: ['www.example.com'],
      dnsRecords: [],
      orderUrl: null,
      orderCreatedAt: null,
      renewAt: null,
      nextAttemptAt: new Date('2026-03-15T11:00:00.000Z'),
      failureCount: 2,
      // Stored key order must not show through, nor does the hook's output unless asked for.
      lastProblem: { hookStderr: 'line "one"\n\u0001 ünïcödé', detail: 'the DNS hook publish.sh present exited with code 3', type: 'certkeeper:challenge_hook_failed' },
      revokeReason: null,
    },
  }),
];

/** What fastify's schema serializer writes for a value under a response schema. */
async function schemaSerialized(schema: object, value: unknown): Promise<string> {
  const app = Fastify();
  app.get('/x', { schema: { response: { 200: schema } } }, async () => value);
  const res = await app.inject({ method: 'GET', url: '/x' });
  await app.close();
  return res.body;
}

// The GET-by-id and list routes send JSON.stringify of the envelope instead of using the schema serializer.
describe('JSON.stringify of certificate views', () => {
  it('is exactly what the response schema serializer writes for a single certificate', async () => {
    for (const rec of records) {
      for (const hookOutput of [false, true]) {
        const expected = await schemaSerialized(envelopeSchema(CertificateView), ok(certificateView(rec, now, { hookOutput })));
        expect(JSON.stringify(ok(certificateView(rec, now, { hookOutput })))).toBe(expected);
      }
    }
    expect(JSON.stringify(certificateView(records.at(-1)!, now))).not.toContain('hookStderr');
    expect(JSON.stringify(certificateView(records.at(-1)!, now, { hookOutput: true }))).toContain('"hookStderr":"line \\"one\\"');
  });

  it('is exactly what the response schema serializer writes for a page', async () => {
    const schema = envelopeSchema(Type.Array(CertificateView));
    for (const [items, total, index, size] of [
      [records, 95, 2, 9],
      [[], 0, 1, 20],
      [records.slice(0, 1), 1, 1, 20],
    ] as const) {
      const expected = await schemaSerialized(schema, paged(items.map((r) => certificateView(r, now)), total, index, size));
      expect(JSON.stringify(paged(items.map((r) => certificateView(r, now)), total, index, size))).toBe(expected);
      // What the list route sends: the same bytes, item by item (non-ASCII and escapes included).
      expect(pagedJson(items.map((r) => certificateView(r, now)), total, index, size).equals(Buffer.from(expected))).toBe(true);
    }
    const withMessages = await schemaSerialized(schema, paged([], 0, 1, 1, ['a "note"']));
    expect(JSON.stringify(paged([], 0, 1, 1, ['a "note"']))).toBe(withMessages);
  });
});

// The GET-by-id and list routes write each view with certificateViewJson, not JSON.stringify.
describe('certificateViewJson', () => {
  it('writes JSON.stringify of the view for every sample record, admins and others', () => {
    for (const rec of records) {
      for (const hookOutput of [false, true]) {
        expect(certificateViewJson(rec, now, { hookOutput })).toBe(JSON.stringify(certificateView(rec, now, { hookOutput })));
        expect(okJson(certificateViewJson(rec, now, { hookOutput }))).toBe(JSON.stringify(ok(certificateView(rec, now, { hookOutput }))));
      }
    }
  });

  // Any text: quotes, backslashes, control characters, non-ASCII, lone surrogates, IDN labels.
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('', 'xn--bcher-kva.example', '*.xn--80ak6aa92e.com', 'a"b', 'back\\slash', '\u2028\u2029', '\ud800', '\u007f\u0080', 'CN=x, O=y'),
    fc.domain(),
  );
  const date = fc.date({ noInvalidDate: true });
  const maybeDate = fc.option(date, { nil: null });
  const strings = fc.array(text, { maxLength: 4 });
  const managed = fc.record({
    challengeType: fc.constantFrom(...challengeTypes),
    keyType: fc.constantFrom(...keyTypes),
    identifiers: strings,
    dnsRecords: fc.array(fc.record({ key: text, value: text }), { maxLength: 3 }),
    orderUrl: fc.option(text, { nil: null }),
    orderCreatedAt: maybeDate,
    renewAt: maybeDate,
    nextAttemptAt: maybeDate,
    failureCount: fc.nat(),
    lastProblem: fc.option(
      fc.record({ type: fc.oneof(text, fc.constant('certkeeper:challenge_hook_failed')), detail: text, hookStderr: fc.option(text, { nil: undefined }) }, { requiredKeys: ['type', 'detail'] }),
      { nil: null },
    ),
    revokeReason: fc.option(text, { nil: null }),
  });
  const apple = fc.record(
    {
      environments: fc.subarray(['production', 'development'] as Array<'production' | 'development'>),
      bundleId: text,
      topics: strings,
      teamId: text,
      passTypeIdentifier: text,
      passTeamIdentifier: text,
    },
    { requiredKeys: [] },
  );
  const statuses: LifecycleStatus[] = ['pending_validation', 'validating', 'issued', 'failed', 'revoked'];
  const record: fc.Arbitrary<CertificateRecord> = fc.record(
    {
      id: fc.integer({ min: 1, max: 2147483647 }),
      uid: text,
      projectId: fc.uuid(),
      organizationId: fc.uuid(),
      scopeId: fc.constantFrom(0 as const, 1 as const),
      source: fc.constantFrom(...certificateSources),
      kind: fc.constantFrom(...certificateKinds),
      status: fc.constantFrom(...statuses),
      sslCertificateId: fc.uuid(),
      domainName: text,
      sans: strings,
      subject: text,
      issuer: text,
      serialNumber: text,
      notBefore: date,
      notAfter: date,
      fingerprintSha1: text,
      fingerprintSha256: text,
      publicKeyInfo: text,
      signatureAlgorithm: text,
      keyUsage: strings,
      extendedKeyUsage: strings,
      apple: fc.option(apple, { nil: null }),
      hasPrivateKey: fc.boolean(),
      createdAt: date,
      lastModified: date,
      managed: fc.option(managed, { nil: null }),
      issued: fc.boolean(),
    },
    { requiredKeys: ['id', 'uid', 'projectId', 'organizationId', 'scopeId', 'source', 'kind', 'status', 'sslCertificateId', 'domainName', 'sans', 'subject', 'issuer', 'serialNumber', 'notBefore', 'notAfter', 'fingerprintSha1', 'fingerprintSha256', 'publicKeyInfo', 'signatureAlgorithm', 'keyUsage', 'extendedKeyUsage', 'apple', 'hasPrivateKey', 'createdAt', 'lastModified'] },
  );

  it('writes JSON.stringify of the view for arbitrary records', () => {
    fc.assert(
      fc.property(record, date, fc.boolean(), (rec, at, hookOutput) => {
        expect(certificateViewJson(rec, at, { hookOutput })).toBe(JSON.stringify(certificateView(rec, at, { hookOutput })));
      }),
      { numRuns: 2000 },
    );
  });
});
