import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveStatus, type CertificateRecord, type EffectiveStatus } from '../../src/domain/certificate.js';
import type { CertificateQuery, CertificateSort } from '../../src/ports/certificate-repository.js';
import type { Store } from '../../src/ports/store.js';
import { storeInternals } from '../../src/storage/kysely-store.js';
import { createTestStore, dialects } from '../support/test-store.js';
import { aCertificate } from './certificate-builder.js';

const DAY = 86_400_000;
/** Not aligned to a UTC day, so windows have partial boundary days. */
const NOW = new Date('2026-03-15T10:30:00.000Z');
const MIDNIGHT = Date.UTC(2026, 2, 15);

type Viewer = { projectId: string; organizationId: string };
const viewers: Viewer[] = [
  { projectId: 'p1', organizationId: 'o1' },
  { projectId: 'p2', organizationId: 'o1' },
  { projectId: 'p3', organizationId: 'o2' },
];

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// notAfter values chosen to sit on every edge the queries have: now, now ± 1 ms, window ends,
// day boundaries on both sides of now and of the window end, plus ordinary spread.
const notAfterChoices = [
  NOW.getTime(),
  NOW.getTime() - 1,
  NOW.getTime() + 1,
  NOW.getTime() + 30 * DAY,
  NOW.getTime() + 30 * DAY + 1,
  NOW.getTime() + 7 * DAY,
  MIDNIGHT,
  MIDNIGHT - 1,
  MIDNIGHT + DAY,
  MIDNIGHT + DAY - 1,
  MIDNIGHT + 31 * DAY,
  MIDNIGHT + 30 * DAY - 1,
  NOW.getTime() - 40 * DAY,
  NOW.getTime() + 200 * DAY,
  NOW.getTime() + 400 * DAY,
  NOW.getTime() + 3 * DAY + 12345,
];
const domains = ['a.example.com', 'B.example.com', 'zz.example.org', 'mail.example.net', 'a.example.com', '*.shop.example', 'x_y%z.example.com'];
const statuses = ['issued', 'issued', 'issued', 'revoked', 'failed', 'pending_validation', 'validating'] as const;
const kinds = ['tls', 'tls', 'tls', 'apns', 'pass', 'client'] as const;
const sources = ['imported', 'acme', 'discovered'] as const;

function visible(c: CertificateRecord, v: Viewer): boolean {
  return c.projectId === v.projectId || (c.scopeId === 1 && c.organizationId === v.organizationId);
}

function matches(c: CertificateRecord, q: CertificateQuery): boolean {
  if (!visible(c, q)) return false;
  const now = q.now.getTime();
  if (q.status !== undefined && effectiveStatus(c.status, c.notAfter, q.now) !== q.status) return false;
  if (q.kind !== undefined && c.kind !== q.kind) return false;
  if (q.source !== undefined && c.source !== q.source) return false;
  if (q.expiringWithinDays !== undefined) {
    const t = c.notAfter.getTime();
    if (t < now || t > now + q.expiringWithinDays * DAY) return false;
  }
  const names = [c.domainName, ...c.sans].map((n) => n.toLowerCase());
  if (q.search !== undefined && !names.some((n) => n.includes(q.search!))) return false;
  if (q.coversNames !== undefined && !names.some((n) => q.coversNames!.includes(n))) return false;
  return true;
}

function sortKey(c: CertificateRecord, sort: CertificateSort): number | string {
  switch (sort) {
    case 'notAfter':
      return c.notAfter.getTime();
    case 'domainName':
      return c.domainName;
    case 'lastModified':
      return c.lastModified.getTime();
    case 'id':
      return c.id;
  }
}

/** The reference: filter, sort (id breaks ties; bytewise for names), page. */
function expected(model: CertificateRecord[], q: CertificateQuery): { ids: number[]; total: number } {
  const all = model.filter((c) => matches(c, q));
  all.sort((x, y) => {
    const a = sortKey(x, q.sort);
    const b = sortKey(y, q.sort);
    const c = a < b ? -1 : a > b ? 1 : x.id - y.id;
    return q.descending ? -c : c;
  });
  const start = (q.pageIndex - 1) * q.pageSize;
  return { ids: all.slice(start, start + q.pageSize).map((c) => c.id), total: all.length };
}

const filterCases: Array<Partial<CertificateQuery>> = [
  {},
  { status: 'issued' },
  { status: 'expired' },
  { status: 'revoked' },
  { status: 'failed' },
  { status: 'pending_validation' },
  { status: 'validating' },
  { kind: 'tls' },
  { kind: 'apns' },
  { source: 'acme' },
  { kind: 'tls', source: 'imported' },
  { expiringWithinDays: 30 },
  { expiringWithinDays: 7 },
  { expiringWithinDays: 0 },
  { expiringWithinDays: 1 },
  { expiringWithinDays: 400 },
  { expiringWithinDays: 30, status: 'issued' },
  { expiringWithinDays: 30, status: 'expired' },
  { expiringWithinDays: 30, status: 'revoked' },
  { expiringWithinDays: 30, kind: 'tls', source: 'acme' },
  { status: 'expired', kind: 'tls' },
  { status: 'issued', source: 'discovered' },
  { search: 'example.com' },
  { search: 'b.example' },
  { search: '_y%' },
  { search: 'nothing-matches' },
  { coversNames: ['a.example.com'] },
  { coversNames: ['foo.shop.example', '*.shop.example'] },
  { coversNames: ['b.example.com'], status: 'issued' },
  { search: 'example', expiringWithinDays: 30 },
];

const sorts: CertificateSort[] = ['notAfter', 'domainName', 'lastModified', 'id'];

describe.each(dialects)('certificate list on %s', (dialect) => {
  let store: Store;
  let model: CertificateRecord[] = [];

  beforeAll(async () => {
    store = await createTestStore(dialect);
    const t0 = new Date('2026-01-01T00:00:00Z');
    await store.organizations.insert({ id: 'o1', name: 'One', createdAt: t0 });
    await store.organizations.insert({ id: 'o2', name: 'Two', createdAt: t0 });
    await store.projects.insert({ id: 'p1', organizationId: 'o1', name: 'P1', createdAt: t0 });
    await store.projects.insert({ id: 'p2', organizationId: 'o1', name: 'P2', createdAt: t0 });
    await store.projects.insert({ id: 'p3', organizationId: 'o2', name: 'P3', createdAt: t0 });
    const rnd = mulberry32(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    for (let i = 0; i < 90; i++) {
      const r = rnd();
      const [projectId, organizationId] = r < 0.6 ? ['p1', 'o1'] : r < 0.85 ? ['p2', 'o1'] : ['p3', 'o2'];
      const domainName = pick(domains);
      const extra = pick(['b.example.com', 'www.example.org', 'foo.shop.example', 'MiXeD.Example.com']);
      const { cert, material } = aCertificate({
        projectId,
        organizationId,
        scopeId: rnd() < 0.3 ? 1 : 0,
        status: pick(statuses),
        kind: pick(kinds),
        source: pick(sources),
        domainName,
        sans: rnd() < 0.5 ? [domainName] : [domainName, extra],
        notAfter: new Date(pick(notAfterChoices)),
        lastModified: new Date(NOW.getTime() - Math.floor(rnd() * 5) * 1000),
      });
      model.push(await store.certificates.insert(cert, material));
    }
  });

  afterAll(async () => {
    await store?.close();
  });

  async function checkMatrix(): Promise<void> {
    for (const viewer of viewers) {
      for (const filter of filterCases) {
        for (const sort of sorts) {
          for (const descending of [false, true]) {
            for (const pageIndex of [1, 2]) {
              const q: CertificateQuery = { ...viewer, ...filter, sort, descending, pageIndex, pageSize: 5, now: NOW };
              const got = await store.certificates.list(q);
              const want = expected(model, q);
              expect({ ids: got.items.map((c) => c.id), total: got.totalCount }, JSON.stringify(q)).toEqual(want);
            }
          }
        }
      }
    }
  }

  async function checkFullPaging(): Promise<void> {
    for (const viewer of viewers) {
      for (const sort of sorts) {
        for (const descending of [false, true]) {
          const base = { ...viewer, sort, descending, pageSize: 7, now: NOW };
          const want = expected(model, { ...base, pageIndex: 1, pageSize: 10_000 });
          const seen: number[] = [];
          for (let pageIndex = 1; pageIndex <= Math.ceil(want.total / 7) + 1; pageIndex++) {
            const page = await store.certificates.list({ ...base, pageIndex });
            expect(page.totalCount).toBe(want.total);
            seen.push(...page.items.map((c) => c.id));
          }
          expect(seen).toEqual(want.ids);
        }
      }
    }
  }

  /** certificate_tallies and certificate_expiry_days equal what the rows say. */
  async function checkCounters(): Promise<void> {
    const { db } = storeInternals(store);
    const rows = await db.selectFrom('certificates').select(['project_id', 'scope_id', 'status', 'kind', 'source', 'not_after']).execute();
    const tallies = new Map<string, number>();
    const days = new Map<string, number>();
    for (const r of rows) {
      const k = [r.project_id, Number(r.scope_id), r.status, r.kind, r.source].join('|');
      tallies.set(k, (tallies.get(k) ?? 0) + 1);
      const d = `${k}|${Math.floor(Number(r.not_after) / DAY)}`;
      days.set(d, (days.get(d) ?? 0) + 1);
    }
    const storedTallies = new Map<string, number>();
    for (const r of await db.selectFrom('certificate_tallies').selectAll().execute()) {
      if (Number(r.count) !== 0) storedTallies.set([r.project_id, Number(r.scope_id), r.status, r.kind, r.source].join('|'), Number(r.count));
    }
    const storedDays = new Map<string, number>();
    for (const r of await db.selectFrom('certificate_expiry_days').selectAll().execute()) {
      if (Number(r.count) !== 0) storedDays.set([r.project_id, Number(r.scope_id), r.status, r.kind, r.source, Number(r.day)].join('|'), Number(r.count));
    }
    expect(storedTallies).toEqual(tallies);
    expect(storedDays).toEqual(days);
  }

  it('matches the reference for every filter, sort, direction and page', async () => {
    await checkMatrix();
  });

  it('pages through everything with stable order and an exact total', async () => {
    await checkFullPaging();
    await checkCounters();
  });

  it('stays exact after deletes, scope changes and status changes', async () => {
    const rnd = mulberry32(7);
    const later = new Date(NOW.getTime() + 5000);
    for (const c of [...model]) {
      const r = rnd();
      if (r < 0.15) {
        await store.certificates.delete(c.id);
        model = model.filter((m) => m.id !== c.id);
      } else if (r < 0.35) {
        const updated = await store.certificates.updateScope(c.id, c.scopeId === 1 ? 0 : 1, later);
        expect(updated?.scopeId).toBe(c.scopeId === 1 ? 0 : 1);
        expect(updated?.lastModified).toEqual(later);
        model = model.map((m) => (m.id === c.id ? updated! : m));
      } else if (r < 0.5) {
        const status = c.status === 'issued' ? 'revoked' : 'issued';
        await store.certificates.updateStatus(c.id, status, later);
        const updated = await store.certificates.findByUid(c.uid);
        expect(updated?.status).toBe(status);
        expect(updated?.lastModified).toEqual(later);
        model = model.map((m) => (m.id === c.id ? updated! : m));
      }
    }
    await checkCounters();
    await checkMatrix();
    await checkFullPaging();
  });

  it('answers for other clocks: on a day boundary, and a millisecond either side of NOW (statements compiled for NOW, other numbers bound)', async () => {
    for (const now of [new Date(MIDNIGHT), new Date(MIDNIGHT - 1), new Date(MIDNIGHT + DAY - 1), new Date(NOW.getTime() - 1), new Date(NOW.getTime() + 1)]) {
      for (const filter of filterCases) {
        const q: CertificateQuery = { ...viewers[0], ...filter, sort: 'notAfter', descending: false, pageIndex: 1, pageSize: 3, now };
        const got = await store.certificates.list(q);
        expect({ ids: got.items.map((c) => c.id), total: got.totalCount }, JSON.stringify(q)).toEqual(expected(model, q));
      }
    }
  });

  it('returns nothing for an empty coversNames list and no items for pageSize 0', async () => {
    const base = { ...viewers[0], sort: 'id' as const, descending: false, pageIndex: 1, pageSize: 10, now: NOW };
    expect(await store.certificates.list({ ...base, coversNames: [] })).toEqual({ items: [], totalCount: 0 });
    const zero = await store.certificates.list({ ...base, pageSize: 0 });
    expect(zero.items).toEqual([]);
    expect(zero.totalCount).toBe(expected(model, base).total);
  });

  it('lists the same records inside a transaction (PostgreSQL reads them there as objects, outside as arrays)', async () => {
    for (const filter of [{}, { expiringWithinDays: 30 }, { search: 'example.com' }, { search: 'nothing-matches' }]) {
      for (const pageIndex of [1, 2, 99]) {
        const q: CertificateQuery = { ...viewers[0], ...filter, sort: 'notAfter', descending: false, pageIndex, pageSize: 5, now: NOW };
        const outside = await store.certificates.list(q);
        expect(await store.transaction((repos) => repos.certificates.list(q)), JSON.stringify(q)).toEqual(outside);
        expect(outside.totalCount, JSON.stringify(q)).toBe(expected(model, q).total);
      }
    }
  });

  it('lists every effective status exactly once', async () => {
    const all: EffectiveStatus[] = ['issued', 'expired', 'revoked', 'failed', 'pending_validation', 'validating'];
    for (const viewer of viewers) {
      const base = { ...viewer, sort: 'id' as const, descending: false, pageIndex: 1, pageSize: 1, now: NOW };
      const total = (await store.certificates.list(base)).totalCount;
      let sum = 0;
      for (const status of all) sum += (await store.certificates.list({ ...base, status })).totalCount;
      expect(sum).toBe(total);
    }
  });
});
