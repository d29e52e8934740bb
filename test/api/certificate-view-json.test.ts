import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { CertificateView, certificateView } from '../../src/api/certificate-view.js';
import { envelopeSchema, ok, paged, pagedJson } from '../../src/api/envelope.js';
import type { CertificateRecord } from '../../src/domain/certificate.js';
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
