import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RevocationRecord } from '../../src/ports/revocation-repository.js';
import type { Store } from '../../src/ports/store.js';
import { aCertificate } from '../storage/certificate-builder.js';
import { createTestStore, dialects } from '../support/test-store.js';

const T0 = new Date('2026-01-01T00:00:00.000Z');
const NOW = new Date('2026-03-20T00:00:00.000Z');
const CHAIN = '-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----\n';

function record(certificateId: number, materialId: string, over: Partial<RevocationRecord> = {}): RevocationRecord {
  return {
    certificateId,
    materialId,
    status: 'good',
    method: 'crl',
    url: 'http://crl.example/ca.crl',
    reason: null,
    revokedAt: null,
    thisUpdate: new Date(NOW.getTime() - 3_600_000),
    nextUpdate: new Date(NOW.getTime() + 3_600_000),
    detail: null,
    checkedAt: NOW,
    dueAt: new Date(NOW.getTime() + 3_600_000),
    ...over,
  };
}

describe.each(dialects)('revocation repository on %s', (dialect) => {
  let store: Store;

  beforeEach(async () => {
    store = await createTestStore(dialect);
    await store.organizations.insert({ id: 'o1', name: 'One', createdAt: T0 });
    await store.projects.insert({ id: 'p1', organizationId: 'o1', name: 'P1', createdAt: T0 });
  });
  afterEach(async () => {
    await store.close();
  });

  const insert = async (over: Parameters<typeof aCertificate>[0] = {}, chainPem = CHAIN) => {
    const f = aCertificate(over, { chainPem });
    return store.certificates.insert(f.cert, f.material);
  };

  it('stores, replaces and reads back a record (all fields, times in ms)', async () => {
    const c = await insert();
    expect(await store.revocation.get(c.id)).toBeUndefined();
    const revoked = record(c.id, c.sslCertificateId, { status: 'revoked', reason: 'keyCompromise', revokedAt: new Date('2026-03-01T12:00:00.000Z'), method: 'ocsp' });
    await store.revocation.put(record(c.id, c.sslCertificateId));
    await store.revocation.put(revoked);
    expect(await store.revocation.get(c.id)).toEqual(revoked);
    const failed = record(c.id, c.sslCertificateId, { status: 'error', method: null, url: null, thisUpdate: null, nextUpdate: null, detail: 'OCSP http://x: unreachable' });
    await store.revocation.put(failed);
    expect(await store.revocation.get(c.id)).toEqual(failed);
  });

  it('lists as due: never checked, cache expired, older material; not cached, expired, revoked or chainless ones', async () => {
    const never = await insert();
    const expiredCache = await insert();
    const cached = await insert();
    const oldMaterial = await insert();
    const revoked = await insert({ status: 'revoked' });
    const expired = await insert({ notAfter: new Date(NOW.getTime() - 1000) });
    await insert({}, ''); // no chain: the issuer is unknown
    await store.revocation.put(record(expiredCache.id, expiredCache.sslCertificateId, { dueAt: new Date(NOW.getTime() - 1000) }));
    await store.revocation.put(record(cached.id, cached.sslCertificateId));
    await store.revocation.put(record(oldMaterial.id, 'an-older-material'));
    expect(revoked.id).toBeGreaterThan(0);
    expect(expired.id).toBeGreaterThan(0);
    const due = await store.revocation.listDue(NOW, 10);
    expect(due.sort((a, b) => a - b)).toEqual([never.id, expiredCache.id, oldMaterial.id].sort((a, b) => a - b));
    expect(await store.revocation.listDue(NOW, 1)).toHaveLength(1);
    // Checked before and due again first (by due time), then never-checked ones, oldest first.
    const ordered = await store.revocation.listDue(NOW, 10);
    expect(ordered[ordered.length - 1]).toBe(never.id);
    expect(new Set(ordered.slice(0, 2))).toEqual(new Set([expiredCache.id, oldMaterial.id]));
  });

  it('deletes the record with its certificate', async () => {
    const c = await insert();
    await store.revocation.put(record(c.id, c.sslCertificateId));
    await store.certificates.delete(c.id);
    expect(await store.revocation.get(c.id)).toBeUndefined();
  });
});
