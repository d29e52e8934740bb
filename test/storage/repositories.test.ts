import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/app-error.js';
import type { ApiKeyRecord } from '../../src/ports/api-key-repository.js';
import type { CertificateQuery } from '../../src/ports/certificate-repository.js';
import type { Store } from '../../src/ports/store.js';
import { createStore } from '../../src/storage/create-store.js';
import { storeInternals } from '../../src/storage/kysely-store.js';
import { createTestStore, dialects } from '../support/test-store.js';
import { aCertificate } from './certificate-builder.js';

const T0 = new Date('2026-01-01T00:00:00.000Z');
const NOW = new Date('2026-03-15T10:30:00.000Z');

async function tenants(store: Store): Promise<void> {
  await store.organizations.insert({ id: 'o1', name: 'One', createdAt: T0 });
  await store.organizations.insert({ id: 'o2', name: 'Two', createdAt: new Date(T0.getTime() + 1) });
  await store.projects.insert({ id: 'p1', organizationId: 'o1', name: 'P1', createdAt: T0 });
  await store.projects.insert({ id: 'p2', organizationId: 'o1', name: 'P2', createdAt: new Date(T0.getTime() + 1) });
  await store.projects.insert({ id: 'p3', organizationId: 'o2', name: 'P3', createdAt: new Date(T0.getTime() + 2) });
}

function listQuery(projectId: string, organizationId: string, extra: Partial<CertificateQuery> = {}): CertificateQuery {
  return { projectId, organizationId, sort: 'id', descending: false, pageIndex: 1, pageSize: 100, now: NOW, ...extra };
}

async function rowCount(store: Store, table: 'certificate_names' | 'certificate_materials' | 'certificates' | 'events'): Promise<number> {
  const { db } = storeInternals(store);
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(dialects)('repositories on %s', (dialect) => {
  let store: Store;

  beforeEach(async () => {
    store = await createTestStore(dialect);
    await tenants(store);
  });

  afterEach(async () => {
    await store.close();
  });

  it('reports its dialect and answers ping', async () => {
    expect(storeInternals(store).adapter.name).toBe(dialect);
    expect(await store.ping()).toBe(true);
  });

  describe('certificates', () => {
    it('inserts a slot and returns it as a domain record, read back identically', async () => {
      const { cert, material } = aCertificate({
        sans: ['a.example.com', 'www.a.example.com'],
        domainName: 'a.example.com',
        kind: 'apns',
        apple: { environments: ['production', 'development'], bundleId: 'com.example.app', topics: ['com.example.app', 'com.example.app.voip'], teamId: 'TEAM123' },
        hasPrivateKey: true,
        keyUsage: ['digitalSignature', 'keyEncipherment'],
        extendedKeyUsage: ['clientAuth', '1.2.840.113635.100.4.1'],
      });
      const rec = await store.certificates.insert(cert, material);
      expect(Number.isInteger(rec.id)).toBe(true);
      expect(rec.id).toBeGreaterThan(0);
      expect(rec.id).toBeLessThan(2 ** 31);
      expect(rec.uid).toMatch(/^[a-z0-9]{16}$/);
      const { uid: _uid, ...rest } = cert;
      expect(rec).toEqual({ ...rest, id: rec.id, uid: rec.uid, managed: null, issued: true });
      expect(rec.notAfter).toBeInstanceOf(Date);
      expect(rec.hasPrivateKey).toBe(true);
      expect(await store.certificates.findVisible('p1', 'o1', rec.id)).toEqual(rec);
      expect(await store.certificates.findByUid(rec.uid)).toEqual(rec);
      expect(await store.certificates.findByUid('zzzzzzzzzzzzzzzz')).toBeUndefined();
      const m = await store.certificates.getMaterial(material.id);
      expect(m).toEqual({ ...material, certificateId: rec.id });
      expect(m?.certificateDer).toBeInstanceOf(Buffer);
      expect(await store.certificates.listMaterials(rec.id)).toEqual([{ ...material, certificateId: rec.id }]);
    });

    it('gives distinct 16-character [a-z0-9] uids, keeps a given uid and refuses a taken one', async () => {
      const uids = new Set<string>();
      for (let i = 0; i < 40; i++) {
        const { cert, material } = aCertificate();
        const rec = await store.certificates.insert(cert, material);
        expect(rec.uid).toMatch(/^[a-z0-9]{16}$/);
        uids.add(rec.uid);
      }
      expect(uids.size).toBe(40);
      const given = aCertificate({ uid: 'abcdefghij012345' });
      expect((await store.certificates.insert(given.cert, given.material)).uid).toBe('abcdefghij012345');
      const again = aCertificate({ uid: 'abcdefghij012345' });
      const err = await store.certificates.insert(again.cert, again.material).catch((e: unknown) => e);
      expect(isAppError(err) && err.code).toBe('validation_failed');
      expect(await store.certificates.getMaterial(again.material.id)).toBeUndefined();
    });

    it('assigns increasing integer ids', async () => {
      const a = aCertificate();
      const b = aCertificate();
      const ra = await store.certificates.insert(a.cert, a.material);
      const rb = await store.certificates.insert(b.cert, b.material);
      expect(rb.id).toBeGreaterThan(ra.id);
    });

    it('gives a list page the managed state of issued-by-certkeeper slots, as a point read does', async () => {
      const acme = aCertificate({ source: 'acme', domainName: 'managed.example.com' });
      const plain = aCertificate();
      const ra = await store.certificates.insert(acme.cert, acme.material);
      const rp = await store.certificates.insert(plain.cert, plain.material);
      const managed = {
        challengeType: 'dns-01' as const,
        keyType: 'rsa-2048' as const,
        identifiers: ['managed.example.com'],
        dnsRecords: [{ key: '_acme-challenge.managed.example.com', value: 'token-value' }],
        orderUrl: 'https://acme.example/order/1',
        orderCreatedAt: T0,
        renewAt: NOW,
        nextAttemptAt: null,
        failureCount: 2,
        lastProblem: { type: 'urn:ietf:params:acme:error:dns', detail: 'no TXT record' },
        revokeReason: null,
      };
      await store.managed.insert({ ...managed, certificateId: ra.id, automated: false, pendingKey: null, updatedAt: T0 });
      const page = await store.certificates.list(listQuery('p1', 'o1'));
      const listed = new Map(page.items.map((r) => [r.id, r]));
      expect(listed.get(ra.id)?.managed).toEqual(managed);
      expect(listed.get(ra.id)).toEqual(await store.certificates.findVisible('p1', 'o1', ra.id));
      expect(listed.get(rp.id)?.managed).toBeNull();
    });

    it('rejects a material whose id is not the slot\'s sslCertificateId', async () => {
      const { cert, material } = aCertificate();
      const err = await store.certificates.insert(cert, { ...material, id: randomUUID() }).catch((e: unknown) => e);
      expect(isAppError(err) && err.code).toBe('validation_failed');
    });

    it('shows Project-scoped certificates in their project only, Organization-scoped ones in every project of the organization', async () => {
      const own = aCertificate({ projectId: 'p1', scopeId: 0 });
      const shared = aCertificate({ projectId: 'p1', scopeId: 1 });
      const other = aCertificate({ projectId: 'p3', organizationId: 'o2', scopeId: 1 });
      const rOwn = await store.certificates.insert(own.cert, own.material);
      const rShared = await store.certificates.insert(shared.cert, shared.material);
      const rOther = await store.certificates.insert(other.cert, other.material);

      expect(await store.certificates.findVisible('p1', 'o1', rOwn.id)).toBeDefined();
      expect(await store.certificates.findVisible('p2', 'o1', rOwn.id)).toBeUndefined();
      expect(await store.certificates.findVisible('p3', 'o2', rOwn.id)).toBeUndefined();
      expect(await store.certificates.findVisible('p2', 'o1', rShared.id)).toBeDefined();
      expect(await store.certificates.findVisible('p3', 'o2', rShared.id)).toBeUndefined();
      expect(await store.certificates.findVisible('p1', 'o1', rOther.id)).toBeUndefined();

      const ids = async (p: string, o: string) => (await store.certificates.list(listQuery(p, o))).items.map((c) => c.id);
      expect(await ids('p1', 'o1')).toEqual([rOwn.id, rShared.id]);
      expect(await ids('p2', 'o1')).toEqual([rShared.id]);
      expect(await ids('p3', 'o2')).toEqual([rOther.id]);
      expect((await store.certificates.list(listQuery('p2', 'o1'))).totalCount).toBe(1);

      // Scope changes move it in and out of the other project's list and count.
      await store.certificates.updateScope(rShared.id, 0, NOW);
      expect(await ids('p2', 'o1')).toEqual([]);
      expect((await store.certificates.list(listQuery('p2', 'o1'))).totalCount).toBe(0);
      expect((await store.certificates.list(listQuery('p1', 'o1'))).totalCount).toBe(2);
      await store.certificates.updateScope(rOwn.id, 1, NOW);
      expect(await ids('p2', 'o1')).toEqual([rOwn.id]);
      expect(await store.certificates.updateScope(999_999, 1, NOW)).toBeUndefined();
    });

    it('finds a visible certificate by SHA-256 fingerprint, preferring the project\'s own', async () => {
      const fp = randomBytes(32).toString('hex');
      const inP2 = aCertificate({ projectId: 'p2', scopeId: 1, fingerprintSha256: fp });
      const inP1 = aCertificate({ projectId: 'p1', scopeId: 0, fingerprintSha256: fp });
      const byFingerprint = async (projectId: string, orgId: string, f: string) => (await store.certificates.findVisibleByFingerprints(projectId, orgId, [f, 'ee'.repeat(32)])).get(f);
      const rP2 = await store.certificates.insert(inP2.cert, inP2.material);
      expect((await byFingerprint('p1', 'o1', fp))?.id).toBe(rP2.id);
      const rP1 = await store.certificates.insert(inP1.cert, inP1.material);
      expect((await byFingerprint('p1', 'o1', fp))?.id).toBe(rP1.id);
      expect((await byFingerprint('p2', 'o1', fp))?.id).toBe(rP2.id);
      expect(await byFingerprint('p3', 'o2', fp)).toBeUndefined();
      expect(await byFingerprint('p1', 'o1', 'ff'.repeat(32))).toBeUndefined();
    });

    it('uses an index for the fingerprint lookup', async () => {
      const query = "select * from certificates where fingerprint_sha256 = 'ab'";
      const { sqlite, pool } = storeInternals(store);
      let plan: string;
      if (sqlite) {
        plan = JSON.stringify(sqlite.prepare(`explain query plan ${query}`).all());
      } else {
        const client = await pool!.connect();
        try {
          await client.query('set enable_seqscan = off'); // an empty table would be scanned otherwise
          plan = JSON.stringify((await client.query(`explain ${query}`)).rows);
          await client.query('reset enable_seqscan');
        } finally {
          client.release();
        }
      }
      expect(plan).toContain('certificates_fingerprint_idx');
    });

    it('deletes a slot with its materials and names', async () => {
      const keep = aCertificate({ domainName: 'keep.example.com', sans: ['keep.example.com'] });
      const gone = aCertificate({ domainName: 'gone.example.com', sans: ['gone.example.com', 'alt.example.com'] });
      await store.certificates.insert(keep.cert, keep.material);
      const rGone = await store.certificates.insert(gone.cert, gone.material);
      expect(await rowCount(store, 'certificate_names')).toBe(3);
      await store.certificates.delete(rGone.id);
      expect(await store.certificates.findVisible('p1', 'o1', rGone.id)).toBeUndefined();
      expect(await store.certificates.getMaterial(gone.material.id)).toBeUndefined();
      expect(await store.certificates.listMaterials(rGone.id)).toEqual([]);
      expect(await rowCount(store, 'certificate_names')).toBe(1);
      expect(await rowCount(store, 'certificate_materials')).toBe(1);
      const covers = await store.certificates.list(listQuery('p1', 'o1', { coversNames: ['alt.example.com'] }));
      expect(covers).toEqual({ items: [], totalCount: 0 });
      expect((await store.certificates.list(listQuery('p1', 'o1'))).totalCount).toBe(1);
      await store.certificates.delete(rGone.id); // deleting again is a no-op
      expect((await store.certificates.list(listQuery('p1', 'o1'))).totalCount).toBe(1);
    });

    it('cascades materials and names when a certificate row is deleted directly', async () => {
      const c = aCertificate({ sans: ['x.example.com', 'y.example.com'] });
      const rec = await store.certificates.insert(c.cert, c.material);
      await storeInternals(store).db.deleteFrom('certificates').where('id', '=', rec.id).execute();
      expect(await rowCount(store, 'certificate_names')).toBe(0);
      expect(await rowCount(store, 'certificate_materials')).toBe(0);
    });

    it('updates the status, its lastModified and the status counts', async () => {
      const c = aCertificate({ notAfter: new Date(NOW.getTime() + 86_400_000) });
      const rec = await store.certificates.insert(c.cert, c.material);
      const at = new Date(NOW.getTime() + 1000);
      await store.certificates.updateStatus(rec.id, 'revoked', at);
      const after = await store.certificates.findByUid(rec.uid);
      expect(after).toMatchObject({ status: 'revoked', lastModified: at });
      expect((await store.certificates.list(listQuery('p1', 'o1', { status: 'revoked' }))).totalCount).toBe(1);
      expect((await store.certificates.list(listQuery('p1', 'o1', { status: 'issued' }))).totalCount).toBe(0);
      expect((await store.certificates.list(listQuery('p1', 'o1', { status: 'revoked', expiringWithinDays: 2 }))).totalCount).toBe(1);
      await store.certificates.updateStatus(999_999, 'failed', at); // unknown id: nothing happens
    });

    it('rolls a transaction back completely', async () => {
      const c = aCertificate({ sans: ['rollback.example.com'] });
      const err = await store
        .transaction(async (tx) => {
          const rec = await tx.certificates.insert(c.cert, c.material);
          await tx.events.append({ organizationId: 'o1', projectId: 'p1', type: 'certificate.imported', actor: 'test', objectType: 'certificate', objectId: String(rec.id), data: {}, createdAt: NOW });
          await tx.settings.set('k', 'v');
          expect((await tx.certificates.list(listQuery('p1', 'o1'))).totalCount).toBe(1);
          throw new Error('boom');
        })
        .catch((e: unknown) => e);
      expect((err as Error).message).toBe('boom');
      expect(await store.certificates.list(listQuery('p1', 'o1'))).toEqual({ items: [], totalCount: 0 });
      expect(await store.certificates.list(listQuery('p1', 'o1', { expiringWithinDays: 365 }))).toEqual({ items: [], totalCount: 0 });
      expect(await store.certificates.getMaterial(c.material.id)).toBeUndefined();
      for (const table of ['certificates', 'certificate_materials', 'certificate_names', 'events'] as const) expect(await rowCount(store, table)).toBe(0);
      expect(await store.settings.get('k')).toBeUndefined();
      const { db } = storeInternals(store);
      const tallies = await db.selectFrom('certificate_tallies').select('count').execute();
      expect(tallies.every((t) => Number(t.count) === 0)).toBe(true);
    });

    it('commits a transaction\'s writes together', async () => {
      const a = aCertificate();
      const b = aCertificate();
      const result = await store.transaction(async (tx) => {
        const ra = await tx.certificates.insert(a.cert, a.material);
        const rb = await tx.certificates.insert(b.cert, b.material);
        await tx.certificates.updateScope(ra.id, 1, NOW);
        return [ra.id, rb.id];
      });
      const page = await store.certificates.list(listQuery('p2', 'o1'));
      expect(page.items.map((c) => c.id)).toEqual([result[0]]);
      expect((await store.certificates.list(listQuery('p1', 'o1'))).totalCount).toBe(2);
    });

    it('pages over sealed keys by material id and updates them', async () => {
      const sealed: string[] = [];
      for (let i = 0; i < 7; i++) {
        const c = aCertificate({ hasPrivateKey: true }, { encryptedKey: randomBytes(48) });
        await store.certificates.insert(c.cert, c.material);
        sealed.push(c.material.id);
      }
      for (let i = 0; i < 3; i++) {
        const c = aCertificate();
        await store.certificates.insert(c.cert, c.material);
      }
      sealed.sort();
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const batch = await store.certificates.listSealedKeys(after, 3);
        if (batch.length === 0) break;
        expect(batch.length).toBeLessThanOrEqual(3);
        for (const b of batch) expect(b.encryptedKey).toBeInstanceOf(Buffer);
        seen.push(...batch.map((b) => b.id));
        after = batch[batch.length - 1].id;
      }
      expect(seen).toEqual(sealed);
      const fresh = randomBytes(60);
      await store.certificates.updateSealedKey(sealed[2], fresh);
      expect((await store.certificates.getMaterial(sealed[2]))?.encryptedKey).toEqual(fresh);
      const again = await store.certificates.listSealedKeys(sealed[1], 1);
      expect(again).toEqual([{ id: sealed[2], encryptedKey: fresh }]);
    });
  });

  describe('events', () => {
    it('appends with increasing ids and pages a project\'s events newest first, with a type filter', async () => {
      const appended = [];
      for (let i = 0; i < 12; i++) {
        appended.push(
          await store.events.append({
            organizationId: 'o1',
            projectId: i % 4 === 3 ? 'p2' : 'p1',
            type: i % 2 === 0 ? 'certificate.imported' : 'certificate.deleted',
            actor: 'api_key:k1',
            objectType: 'certificate',
            objectId: String(i),
            data: { i, nested: { ok: true } },
            createdAt: new Date(NOW.getTime() + i),
          }),
        );
      }
      for (let i = 1; i < appended.length; i++) expect(appended[i].id).toBeGreaterThan(appended[i - 1].id);
      const p1 = appended.filter((e) => e.projectId === 'p1').reverse();
      const page1 = await store.events.listForProject('p1', { pageIndex: 1, pageSize: 4 });
      const page3 = await store.events.listForProject('p1', { pageIndex: 3, pageSize: 4 });
      expect(page1.totalCount).toBe(9);
      expect(page1.items).toEqual(p1.slice(0, 4));
      expect(page3.items).toEqual(p1.slice(8, 12));
      const deleted = await store.events.listForProject('p1', { pageIndex: 1, pageSize: 10 }, 'certificate.deleted');
      expect(deleted.items.map((e) => e.objectId)).toEqual(p1.filter((e) => e.type === 'certificate.deleted').map((e) => e.objectId));
      expect(deleted.totalCount).toBe(3);
      expect(deleted.items[0].data).toEqual({ i: 9, nested: { ok: true } });
      expect(deleted.items[0].createdAt).toEqual(new Date(NOW.getTime() + 9));
      expect((await store.events.listForProject('p3', { pageIndex: 1, pageSize: 10 })).totalCount).toBe(0);
    });

    it('keeps events without a project (superuser actions)', async () => {
      const e = await store.events.append({ organizationId: null, projectId: null, type: 'api_key.created', actor: 'system', objectType: 'api_key', objectId: 'k', data: {}, createdAt: NOW });
      expect(e.projectId).toBeNull();
      expect(await rowCount(store, 'events')).toBe(1);
    });
  });

  describe('api keys', () => {
    const key = (over: Partial<ApiKeyRecord> = {}): ApiKeyRecord => ({
      id: randomUUID(),
      organizationId: 'o1',
      projectId: 'p1',
      name: 'ci',
      role: 'editor',
      superuser: false,
      keyHash: randomBytes(32).toString('hex'),
      prefix: 'ck_abcd',
      createdAt: NOW,
      revokedAt: null,
      ...over,
    });

    it('finds a key by hash, lists a project\'s keys and revokes once', async () => {
      const a = await store.apiKeys.insert(key({ name: 'a', createdAt: new Date(NOW.getTime() + 1) }));
      const b = await store.apiKeys.insert(key({ name: 'b' }));
      const sup = await store.apiKeys.insert(key({ organizationId: null, projectId: null, superuser: true, role: 'admin' }));
      await store.apiKeys.insert(key({ projectId: 'p2' }));
      expect(await store.apiKeys.findByHash(a.keyHash)).toEqual(a);
      expect(await store.apiKeys.findByHash(sup.keyHash)).toEqual(sup);
      expect(await store.apiKeys.findByHash('00'.repeat(32))).toBeUndefined();
      expect(await store.apiKeys.get(b.id)).toEqual(b);
      expect((await store.apiKeys.listForProject('p1')).map((k) => k.name)).toEqual(['b', 'a']);
      const at = new Date(NOW.getTime() + 5000);
      await store.apiKeys.revoke(a.id, at);
      await store.apiKeys.revoke(a.id, new Date(at.getTime() + 1));
      expect((await store.apiKeys.get(a.id))?.revokedAt).toEqual(at);
    });

    it('refuses a second key with the same hash', async () => {
      const a = await store.apiKeys.insert(key());
      await expect(store.apiKeys.insert(key({ keyHash: a.keyHash }))).rejects.toThrow();
    });
  });

  describe('organizations, projects and settings', () => {
    it('pages organizations and projects oldest first with totals', async () => {
      const orgs = await store.organizations.list({ pageIndex: 1, pageSize: 1 });
      expect(orgs.totalCount).toBe(2);
      expect(orgs.items.map((o) => o.id)).toEqual(['o1']);
      expect(await store.organizations.get('o2')).toEqual({ id: 'o2', name: 'Two', createdAt: new Date(T0.getTime() + 1), disabledAt: null });
      expect((await store.organizations.setDisabled('o2', T0))?.disabledAt).toEqual(T0);
      expect((await store.organizations.setDisabled('o2', null))?.disabledAt).toBeNull();
      expect(await store.organizations.setDisabled('nope', T0)).toBeUndefined();
      expect(await store.organizations.get('nope')).toBeUndefined();
      const all = await store.projects.list({ pageIndex: 1, pageSize: 10 });
      expect(all.items.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
      const o1 = await store.projects.list({ pageIndex: 2, pageSize: 1 }, 'o1');
      expect(o1).toEqual({ items: [{ id: 'p2', organizationId: 'o1', name: 'P2', createdAt: new Date(T0.getTime() + 1) }], totalCount: 2 });
      expect(await store.projects.get('p3')).toMatchObject({ organizationId: 'o2' });
    });

    it('refuses a project of an unknown organization, and a certificate whose organization is not its project\'s', async () => {
      await expect(store.projects.insert({ id: 'px', organizationId: 'nope', name: 'x', createdAt: NOW })).rejects.toThrow();
      const c = aCertificate({ projectId: 'p1', organizationId: 'o2' });
      await expect(store.certificates.insert(c.cert, c.material)).rejects.toThrow();
    });

    it('sets and overwrites settings', async () => {
      expect(await store.settings.get('a')).toBeUndefined();
      await store.settings.set('a', '1');
      await store.settings.set('a', '2');
      expect(await store.settings.get('a')).toBe('2');
    });
  });
});

// On SQLite only: the pragmas and the file of the embedded store.
describe('SQLite file store', () => {
  it('creates the directory, uses WAL and foreign keys, and keeps data across reopen without re-migrating', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'certkeeper-sqlite-'));
    try {
      const file = path.join(dir, 'nested', 'deeper', 'certkeeper.db');
      const first = await createStore({ sqlitePath: file });
      const { sqlite } = storeInternals(first);
      expect(sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite!.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqlite!.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(sqlite!.pragma('synchronous', { simple: true })).toBe(1);
      await tenants(first);
      await first.settings.set('x', 'y');
      await first.close();
      const second = await createStore({ sqlitePath: file });
      expect(await second.settings.get('x')).toBe('y');
      expect((await second.projects.list({ pageIndex: 1, pageSize: 10 })).totalCount).toBe(3);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
