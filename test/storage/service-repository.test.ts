import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/app-error.js';
import type { Store } from '../../src/ports/store.js';
import { storeInternals } from '../../src/storage/kysely-store.js';
import { createTestStore, dialects } from '../support/test-store.js';
import { aCertificate } from './certificate-builder.js';

const T0 = new Date('2026-01-01T00:00:00.000Z');
const T1 = new Date('2026-02-01T12:00:00.000Z');

async function tenants(store: Store): Promise<void> {
  await store.organizations.insert({ id: 'o1', name: 'One', createdAt: T0 });
  await store.projects.insert({ id: 'p1', organizationId: 'o1', name: 'P1', createdAt: T0 });
  await store.projects.insert({ id: 'p2', organizationId: 'o1', name: 'P2', createdAt: T0 });
}

async function domainRows(store: Store): Promise<number> {
  const { db } = storeInternals(store);
  const row = await (db as unknown as import('kysely').Kysely<{ service_domains: { service_id: number } }>)
    .selectFrom('service_domains')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(dialects)('service repository on %s', (dialect) => {
  let store: Store;

  beforeEach(async () => {
    store = await createTestStore(dialect);
    await tenants(store);
  });
  afterEach(async () => {
    await store.close();
  });

  it('assigns increasing int32 ids unique across projects and reads a service back', async () => {
    const a = await store.services.insert({ projectId: 'p1', name: 'web', createdAt: T0 });
    const b = await store.services.insert({ projectId: 'p2', name: 'api', createdAt: T1 });
    expect(Number.isInteger(a.id)).toBe(true);
    expect(a.id).toBeGreaterThan(0);
    expect(b.id).toBeGreaterThan(a.id);
    expect(b.id).toBeLessThan(2 ** 31);
    expect(await store.services.get(a.id)).toEqual({ id: a.id, projectId: 'p1', name: 'web', createdAt: T0 });
    expect(await store.services.get(b.id + 1000)).toBeUndefined();
  });

  it('lists a project’s services oldest first, paged, with the exact total', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await store.services.insert({ projectId: 'p1', name: `s${i}`, createdAt: T0 })).id);
    await store.services.insert({ projectId: 'p2', name: 'other', createdAt: T0 });
    const page2 = await store.services.list('p1', { pageIndex: 2, pageSize: 2 });
    expect(page2.totalCount).toBe(5);
    expect(page2.items.map((s) => s.id)).toEqual(ids.slice(2, 4));
    expect((await store.services.list('p2', { pageIndex: 1, pageSize: 10 })).items.map((s) => s.name)).toEqual(['other']);
  });

  it('adds domains with no certificate, refuses a duplicate, and lists them by name', async () => {
    const s = await store.services.insert({ projectId: 'p1', name: 'web', createdAt: T0 });
    const added = await store.services.insertDomain({ serviceId: s.id, domain: 'www.example.com', createdAt: T1 });
    expect(added).toEqual({ serviceId: s.id, domain: 'www.example.com', certificateId: null, certType: 'none', autocertStatus: null, autocertRequestedAt: null, createdAt: T1 });
    await store.services.insertDomain({ serviceId: s.id, domain: 'api.example.com', createdAt: T1 });
    await store.services.insertDomain({ serviceId: s.id, domain: '*.example.com', createdAt: T1 });
    const err = await store.services.insertDomain({ serviceId: s.id, domain: 'www.example.com', createdAt: T1 }).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('domain_already_exists');
    // The same domain on another service is fine.
    const other = await store.services.insert({ projectId: 'p1', name: 'other', createdAt: T0 });
    await store.services.insertDomain({ serviceId: other.id, domain: 'www.example.com', createdAt: T1 });
    const list = await store.services.listDomains(s.id, { pageIndex: 1, pageSize: 10 });
    expect(list.totalCount).toBe(3);
    expect(list.items.map((d) => d.domain)).toEqual(['*.example.com', 'api.example.com', 'www.example.com']);
    expect((await store.services.listDomains(s.id, { pageIndex: 2, pageSize: 2 })).items.map((d) => d.domain)).toEqual(['www.example.com']);
    expect(await store.services.getDomain(s.id, 'nope.example.com')).toBeUndefined();
  });

  it('refuses a duplicate domain inside a transaction without aborting it', async () => {
    const s = await store.services.insert({ projectId: 'p1', name: 'web', createdAt: T0 });
    await store.services.insertDomain({ serviceId: s.id, domain: 'a.example.com', createdAt: T1 });
    const outcome = await store.transaction(async (tx) => {
      const err = await tx.services.insertDomain({ serviceId: s.id, domain: 'a.example.com', createdAt: T1 }).catch((e: unknown) => e);
      await tx.services.insertDomain({ serviceId: s.id, domain: 'b.example.com', createdAt: T1 });
      return isAppError(err) && err.code;
    });
    expect(outcome).toBe('domain_already_exists');
    expect((await store.services.listDomains(s.id, { pageIndex: 1, pageSize: 10 })).totalCount).toBe(2);
  });

  it('updates only the fields given, and reports an unknown domain', async () => {
    const { cert, material } = aCertificate({ projectId: 'p1' });
    const rec = await store.certificates.insert(cert, material);
    const s = await store.services.insert({ projectId: 'p1', name: 'web', createdAt: T0 });
    await store.services.insertDomain({ serviceId: s.id, domain: 'a.example.com', createdAt: T0 });
    const manual = await store.services.updateDomain(s.id, 'a.example.com', { certificateId: rec.id, certType: 'manual' });
    expect(manual).toMatchObject({ certificateId: rec.id, certType: 'manual', autocertStatus: null, autocertRequestedAt: null });
    const auto = await store.services.updateDomain(s.id, 'a.example.com', { certType: 'auto', autocertStatus: 'issuing', autocertRequestedAt: T1 });
    expect(auto).toMatchObject({ certificateId: rec.id, certType: 'auto', autocertStatus: 'issuing', autocertRequestedAt: T1 });
    expect(await store.services.updateDomain(s.id, 'a.example.com', {})).toEqual(auto);
    expect(await store.services.updateDomain(s.id, 'missing.example.com', { certType: 'none' })).toBeUndefined();
    const cleared = await store.services.updateDomain(s.id, 'a.example.com', { certificateId: null, certType: 'none', autocertStatus: null, autocertRequestedAt: null });
    expect(cleared).toMatchObject({ certificateId: null, certType: 'none', autocertStatus: null, autocertRequestedAt: null });
  });

  it('falls back to none when the attached certificate is deleted (foreign key ON DELETE SET NULL)', async () => {
    const a = aCertificate({ projectId: 'p1' });
    const b = aCertificate({ projectId: 'p1' });
    const ra = await store.certificates.insert(a.cert, a.material);
    const rb = await store.certificates.insert(b.cert, b.material);
    const s = await store.services.insert({ projectId: 'p1', name: 'web', createdAt: T0 });
    await store.services.insertDomain({ serviceId: s.id, domain: 'a.example.com', createdAt: T0 });
    await store.services.insertDomain({ serviceId: s.id, domain: 'b.example.com', createdAt: T0 });
    await store.services.updateDomain(s.id, 'a.example.com', { certificateId: ra.id, certType: 'manual' });
    await store.services.updateDomain(s.id, 'b.example.com', { certificateId: rb.id, certType: 'auto', autocertStatus: 'issued', autocertRequestedAt: T1 });
    await store.certificates.delete(ra.id);
    await store.certificates.delete(rb.id);
    expect(await store.services.getDomain(s.id, 'a.example.com')).toMatchObject({ certificateId: null, certType: 'none' });
    // An auto domain stays auto (certkeeper will request again); only its certificate is gone.
    expect(await store.services.getDomain(s.id, 'b.example.com')).toMatchObject({ certificateId: null, certType: 'auto', autocertStatus: 'issued' });
    const { db } = storeInternals(store);
    const raw = await (db as unknown as import('kysely').Kysely<{ service_domains: { domain: string; certificate_id: number | null } }>)
      .selectFrom('service_domains')
      .select(['domain', 'certificate_id'])
      .orderBy('domain')
      .execute();
    expect(raw.map((r) => r.certificate_id)).toEqual([null, null]);
  });

  it('deletes a domain, and a service with all its domains', async () => {
    const s = await store.services.insert({ projectId: 'p1', name: 'web', createdAt: T0 });
    const keep = await store.services.insert({ projectId: 'p1', name: 'keep', createdAt: T0 });
    for (const d of ['a.example.com', 'b.example.com', 'c.example.com']) await store.services.insertDomain({ serviceId: s.id, domain: d, createdAt: T0 });
    await store.services.insertDomain({ serviceId: keep.id, domain: 'a.example.com', createdAt: T0 });
    expect(await store.services.deleteDomain(s.id, 'a.example.com')).toBe(true);
    expect(await store.services.deleteDomain(s.id, 'a.example.com')).toBe(false);
    expect(await domainRows(store)).toBe(3);
    await store.services.delete(s.id);
    expect(await store.services.get(s.id)).toBeUndefined();
    expect(await domainRows(store)).toBe(1);
    expect(await store.services.getDomain(keep.id, 'a.example.com')).toBeDefined();
  });

  it('rolls back a service and its domains with the transaction', async () => {
    const err = await store
      .transaction(async (tx) => {
        const s = await tx.services.insert({ projectId: 'p1', name: 'doomed', createdAt: T0 });
        await tx.services.insertDomain({ serviceId: s.id, domain: 'a.example.com', createdAt: T0 });
        throw new Error('boom');
      })
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe('boom');
    expect((await store.services.list('p1', { pageIndex: 1, pageSize: 10 })).totalCount).toBe(0);
    expect(await domainRows(store)).toBe(0);
  });
});
