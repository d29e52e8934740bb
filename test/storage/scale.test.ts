/**
 * Storage at scale: seeds CERTKEEPER_SCALE certificates (e.g. 1000000) into one project and
 * measures list queries (p50/p99 over CERTKEEPER_SCALE_RUNS runs). Skipped unless
 * CERTKEEPER_SCALE is set; CERTKEEPER_SCALE_DIALECTS=sqlite,postgres picks the dialects.
 *
 *   CERTKEEPER_SCALE=1000000 npx vitest run test/storage/scale.test.ts
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateQuery } from '../../src/ports/certificate-repository.js';
import type { Store } from '../../src/ports/store.js';
import { createStore } from '../../src/storage/create-store.js';
import { seedSyntheticCertificates } from '../../bench/seed-synthetic.js';
import { storeInternals } from '../../src/storage/kysely-store.js';
import { createTestStore, type Dialect } from '../support/test-store.js';

const COUNT = Number(process.env.CERTKEEPER_SCALE ?? 0);
const RUNS = Number(process.env.CERTKEEPER_SCALE_RUNS ?? 300);
const DIALECTS = (process.env.CERTKEEPER_SCALE_DIALECTS ?? 'sqlite,postgres').split(',') as Dialect[];
const NOW = new Date('2026-06-01T12:00:00.000Z');

/** A few real certificates (DER) made with openssl, for the materials. */
function realCertificates(): Array<{ der: Buffer; chainPem: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'certkeeper-scale-'));
  try {
    const out: Array<{ der: Buffer; chainPem: string }> = [];
    for (const [i, key] of [['0', 'ec'], ['1', 'rsa:2048'], ['2', 'rsa:3072']] as const) {
      const keyArgs = key === 'ec' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-newkey', key];
      const der = path.join(dir, `c${i}.der`);
      execFileSync('openssl', [
        'req', '-x509', ...keyArgs, '-nodes', '-keyout', path.join(dir, `k${i}.pem`), '-days', '90',
        '-subj', `/CN=host${i}.example.com/O=Example`, '-addext', `subjectAltName=DNS:host${i}.example.com,DNS:www.host${i}.example.com`,
        '-outform', 'DER', '-out', der,
      ], { stdio: 'ignore' });
      out.push({ der: readFileSync(der), chainPem: '' });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

describe.skipIf(!COUNT).each(DIALECTS)('storage at %s scale', (dialect) => {
  let store: Store;
  let dir: string | undefined;
  const report: string[] = [];

  beforeAll(async () => {
    if (dialect === 'sqlite') {
      dir = mkdtempSync(path.join(tmpdir(), 'certkeeper-scale-db-'));
      store = await createStore({ sqlitePath: path.join(dir, 'scale.db') });
    } else {
      store = await createTestStore('postgres');
    }
    const materials = realCertificates();
    const t0 = performance.now();
    await seedSyntheticCertificates(store, { projectId: 'bench-project', organizationId: 'bench-org', count: COUNT, now: NOW, materials });
    report.push(`${dialect}: seeded ${COUNT} certificates in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }, 900_000);

  afterAll(async () => {
    console.log(report.join('\n'));
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const base: CertificateQuery = {
    projectId: 'bench-project',
    organizationId: 'bench-org',
    pageIndex: 1,
    pageSize: 100,
    sort: 'notAfter',
    descending: false,
    now: NOW,
  };

  async function measure(
    name: string,
    query: () => CertificateQuery,
    check?: (r: { items: unknown[]; totalCount: number }) => void,
    runs = RUNS,
  ): Promise<{ p50: number; p99: number }> {
    for (let i = 0; i < Math.min(20, runs); i++) await store.certificates.list(query());
    const times: number[] = [];
    let last: { items: unknown[]; totalCount: number } | undefined;
    for (let i = 0; i < runs; i++) {
      const q = query();
      const t = performance.now();
      last = await store.certificates.list(q);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p99 = percentile(times, 99);
    report.push(`${dialect}: ${name.padEnd(50)} p50 ${p50.toFixed(2).padStart(7)} ms  p99 ${p99.toFixed(2).padStart(7)} ms  total=${last!.totalCount} items=${last!.items.length}`);
    check?.(last!);
    return { p50, p99 };
  }

  const host = () => {
    const n = Math.floor(Math.random() * COUNT);
    return `host${n}.zone${n % 1000}.example.com`;
  };

  it('counts exactly', async () => {
    const all = await store.certificates.list({ ...base, pageSize: 1 });
    expect(all.totalCount).toBe(COUNT);
    const { db } = storeInternals(store);
    const expiring = await store.certificates.list({ ...base, pageSize: 1, expiringWithinDays: 30 });
    const direct = await db
      .selectFrom('certificates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('project_id', '=', 'bench-project')
      .where('not_after', '>=', NOW.getTime())
      .where('not_after', '<=', NOW.getTime() + 30 * 86_400_000)
      .executeTakeFirstOrThrow();
    expect(expiring.totalCount).toBe(Number(direct.n));
  }, 600_000);

  it('lists fast', async () => {
    const main = [
      await measure('page 1, 100 by notAfter asc', () => base),
      await measure('expiringWithinDays=30, page 1 by notAfter', () => ({ ...base, expiringWithinDays: 30 })),
      await measure('coversNames [host, *.zone] (random host)', () => {
        const h = host();
        return { ...base, coversNames: [h, `*.${h.split('.').slice(1).join('.')}`] };
      }, (r) => expect(r.totalCount).toBeGreaterThan(0)),
    ];
    await measure('page 1 by notAfter desc', () => ({ ...base, descending: true }));
    await measure('page 1 by id desc (the API default)', () => ({ ...base, sort: 'id', descending: true }));
    await measure('page 1 by domainName asc', () => ({ ...base, sort: 'domainName' }));
    await measure('page 1 by lastModified desc', () => ({ ...base, sort: 'lastModified', descending: true }));
    await measure('page 50 by notAfter asc (offset 4900)', () => ({ ...base, pageIndex: 50 }));
    await measure('expiringWithinDays=30 by domainName', () => ({ ...base, sort: 'domainName', expiringWithinDays: 30 }));
    await measure('expiringWithinDays=30 by id desc', () => ({ ...base, sort: 'id', descending: true, expiringWithinDays: 30 }));
    await measure('expiringWithinDays=1 by id desc', () => ({ ...base, sort: 'id', descending: true, expiringWithinDays: 1 }));
    await measure('expiringWithinDays=365, page 1', () => ({ ...base, expiringWithinDays: 365 }));
    await measure('status=issued by notAfter', () => ({ ...base, status: 'issued' }));
    await measure('status=expired by notAfter', () => ({ ...base, status: 'expired' }));
    await measure('status=expired by domainName', () => ({ ...base, status: 'expired', sort: 'domainName' }));
    await measure('status=revoked by notAfter', () => ({ ...base, status: 'revoked' }));
    await measure('status=revoked by id desc', () => ({ ...base, status: 'revoked', sort: 'id', descending: true }));
    await measure('status=expired by id desc', () => ({ ...base, status: 'expired', sort: 'id', descending: true }));
    await measure('kind=apns by notAfter', () => ({ ...base, kind: 'apns' }));
    await measure('source=acme, expiringWithinDays=30', () => ({ ...base, source: 'acme', expiringWithinDays: 30 }));
    await measure('coversNames of an unknown host', () => ({ ...base, coversNames: [`nohost-${randomBytes(4).toString('hex')}.example.com`] }));
    await measure('search "host4242" (substring scan; 10 runs)', () => ({ ...base, search: 'host4242' }), undefined, 10);
    // The three headline queries again, once the database has settled after the bulk load
    // (PostgreSQL's autovacuum/autoanalyze of the fresh tables runs during the first ones).
    const settled = [
      await measure('again: page 1, 100 by notAfter asc', () => base),
      await measure('again: expiringWithinDays=30, page 1 by notAfter', () => ({ ...base, expiringWithinDays: 30 })),
      await measure('again: coversNames [host, *.zone]', () => {
        const h = host();
        return { ...base, coversNames: [h, `*.${h.split('.').slice(1).join('.')}`] };
      }),
    ];
    void main;
    for (const m of settled) expect.soft(m.p99).toBeLessThanOrEqual(5);
  }, 900_000);
});
