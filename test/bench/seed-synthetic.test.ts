import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.js';
import { storeInternals } from '../../src/storage/kysely-store.js';
import { seedSyntheticCertificates } from '../../bench/seed-synthetic.js';
import { createTestStore, dialects } from '../support/test-store.js';
import { aCertificate } from '../storage/certificate-builder.js';

const DAY = 86_400_000;
const NOW = new Date('2026-06-01T12:00:00.000Z');
const materials = [
  { der: randomBytes(700), chainPem: '' },
  { der: randomBytes(1100), chainPem: '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n' },
];

describe.each(dialects)('seedSyntheticCertificates on %s', (dialect) => {
  let store: Store;

  beforeEach(async () => {
    store = await createTestStore(dialect);
  });

  afterEach(async () => {
    await store.close();
  });

  async function checkSeeded(count: number): Promise<void> {
    const { db } = storeInternals(store);
    const certs = await db.selectFrom('certificates').selectAll().where('project_id', '=', 'bench-p').execute();
    expect(certs).toHaveLength(count);
    expect(new Set(certs.map((c) => c.uid)).size).toBe(count);
    expect(new Set(certs.map((c) => c.fingerprint_sha256)).size).toBe(count);
    expect(new Set(certs.map((c) => c.domain_name)).size).toBe(count);
    for (const c of certs) {
      expect(c.uid).toMatch(/^[a-z0-9]{16}$/);
      expect(c.fingerprint_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(c.fingerprint_sha1).toMatch(/^[0-9a-f]{40}$/);
      expect(c.ssl_certificate_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const sans = JSON.parse(c.sans) as string[];
      expect(sans[0]).toBe(c.domain_name);
      expect(sans.length).toBeGreaterThanOrEqual(1);
      expect(sans.length).toBeLessThanOrEqual(3);
      expect(c.names_lower).toBe(sans.join(' '));
      expect(Number(c.not_before)).toBeLessThan(Number(c.not_after));
      expect(Number.isInteger(Number(c.not_after))).toBe(true);
    }
    const wildcards = certs.filter((c) => c.domain_name.startsWith('*.')).length / count;
    expect(wildcards).toBeGreaterThan(0.05);
    expect(wildcards).toBeLessThan(0.15);
    const expired = certs.filter((c) => Number(c.not_after) <= NOW.getTime()).length / count;
    expect(expired).toBeGreaterThan(0.02);
    expect(expired).toBeLessThan(0.08);
    expect(certs.every((c) => Number(c.not_after) <= NOW.getTime() + 400 * DAY)).toBe(true);
    expect(certs.filter((c) => c.kind === 'tls').length / count).toBeGreaterThan(0.85);

    // One material per certificate, with the slot's id, fingerprint and one of the given DERs.
    const mats = await db.selectFrom('certificate_materials').selectAll().execute();
    expect(mats).toHaveLength(count);
    const byId = new Map(certs.map((c) => [c.id, c]));
    for (const m of mats) {
      const c = byId.get(Number(m.certificate_id))!;
      expect(m.id).toBe(c.ssl_certificate_id);
      expect(m.fingerprint_sha256).toBe(c.fingerprint_sha256);
      expect(materials.some((x) => x.der.equals(Buffer.from(m.der)))).toBe(true);
      expect(m.encrypted_key === null).toBe(Number(c.has_private_key) === 0);
    }

    // The names rows are exactly the SANs.
    const names = await db.selectFrom('certificate_names').selectAll().execute();
    const expectedNames = certs.flatMap((c) => (JSON.parse(c.sans) as string[]).map((n) => `${c.id}|${n}`)).sort();
    expect(names.map((n) => `${n.certificate_id}|${n.name}`).sort()).toEqual(expectedNames);

    // Counters equal the rows.
    const tallies = new Map<string, number>();
    const days = new Map<string, number>();
    for (const c of certs) {
      const k = [c.project_id, Number(c.scope_id), c.status, c.kind, c.source].join('|');
      tallies.set(k, (tallies.get(k) ?? 0) + 1);
      const d = `${k}|${Math.floor(Number(c.not_after) / DAY)}`;
      days.set(d, (days.get(d) ?? 0) + 1);
    }
    const storedTallies = new Map(
      (await db.selectFrom('certificate_tallies').selectAll().execute()).map((r) => [[r.project_id, Number(r.scope_id), r.status, r.kind, r.source].join('|'), Number(r.count)]),
    );
    const storedDays = new Map(
      (await db.selectFrom('certificate_expiry_days').selectAll().execute()).map((r) => [[r.project_id, Number(r.scope_id), r.status, r.kind, r.source, Number(r.day)].join('|'), Number(r.count)]),
    );
    expect(storedTallies).toEqual(tallies);
    expect(storedDays).toEqual(days);
  }

  it('writes realistic rows, materials, names and exact counters', async () => {
    const progress: number[] = [];
    await seedSyntheticCertificates(store, { projectId: 'bench-p', organizationId: 'bench-o', count: 2500, now: NOW, materials, batchSize: 1000, onProgress: (d) => progress.push(d) });
    expect(progress).toEqual([1000, 2000, 2500]);
    await checkSeeded(2500);
    const page = await store.certificates.list({ projectId: 'bench-p', organizationId: 'bench-o', pageIndex: 1, pageSize: 10, sort: 'notAfter', descending: false, now: NOW, expiringWithinDays: 30 });
    expect(page.items).toHaveLength(10);
    expect(page.totalCount).toBeGreaterThan(50);
    const host = page.items[0].sans[0];
    const covers = await store.certificates.list({ projectId: 'bench-p', organizationId: 'bench-o', pageIndex: 1, pageSize: 10, sort: 'id', descending: false, now: NOW, coversNames: [host] });
    expect(covers.items.map((c) => c.id)).toEqual([page.items[0].id]);
  });

  it('adds to a non-empty store and keeps ids, uids and counters consistent with later inserts', async () => {
    await store.organizations.insert({ id: 'bench-o', name: 'o', createdAt: NOW });
    await store.projects.insert({ id: 'bench-p', organizationId: 'bench-o', name: 'p', createdAt: NOW });
    const first = aCertificate({ projectId: 'bench-p', organizationId: 'bench-o', domainName: 'first.example.com', sans: ['first.example.com'] });
    const before = await store.certificates.insert(first.cert, first.material);
    await seedSyntheticCertificates(store, { projectId: 'bench-p', organizationId: 'bench-o', count: 700, now: NOW, materials });
    const after = aCertificate({ projectId: 'bench-p', organizationId: 'bench-o', domainName: 'after.example.com', sans: ['after.example.com'] });
    const last = await store.certificates.insert(after.cert, after.material);
    expect(last.id).toBe(before.id + 701);
    await store.certificates.delete(before.id);
    await store.certificates.delete(last.id);
    await checkSeeded(700);
  });
});
