import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/app-error.js';
import type { EndpointProbe } from '../../src/domain/endpoint.js';
import type { Store } from '../../src/ports/store.js';
import { createTestStore, dialects } from '../support/test-store.js';

const T0 = new Date('2026-01-01T00:00:00.000Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

const aProbe = (probedAt: Date): EndpointProbe => ({
  probedAt,
  error: null,
  address: '127.0.0.1',
  tlsVersion: 'TLSv1.3',
  cipher: 'TLS_AES_256_GCM_SHA384',
  chainFingerprints: ['ab'.repeat(32)],
  chainTrusted: true,
  trustError: null,
  nameMatches: true,
  nameError: null,
  leaf: { fingerprintSha256: 'ab'.repeat(32), subject: 'CN=x.test', issuer: 'CN=CA', domainName: 'x.test', sans: ['x.test'], notBefore: T0, notAfter: at(90 * 24 * HOUR) },
  findings: [{ type: 'expiring', key: 'k', message: 'm', data: { daysLeft: 3 } }],
});

describe.each(dialects)('endpoint repository on %s', (dialect) => {
  let store: Store;
  beforeEach(async () => {
    store = await createTestStore(dialect);
    await store.organizations.insert({ id: 'o1', name: 'One', createdAt: T0 });
    await store.projects.insert({ id: 'p1', organizationId: 'o1', name: 'P1', createdAt: T0 });
  });
  afterEach(async () => store.close());

  const insert = (host: string, serverName: string | null = null) =>
    store.endpoints.insert({ projectId: 'p1', organizationId: 'o1', host, port: 443, serverName, protocol: 'tls', createdAt: T0 });

  it('inserts, refuses the same target twice (a null server name included), lists, records a probe, deletes', async () => {
    const a = await insert('a.test');
    const b = await insert('a.test', 'other.test');
    expect(a).toEqual({ id: a.id, projectId: 'p1', organizationId: 'o1', host: 'a.test', port: 443, serverName: null, protocol: 'tls', createdAt: T0, certificateId: null, lastProbe: null });
    const dup = await insert('a.test').catch((e: unknown) => e);
    expect(isAppError(dup) && dup.code).toBe('endpoint_already_exists');
    expect((await store.endpoints.list('p1', { pageIndex: 1, pageSize: 10 })).items.map((e) => e.id)).toEqual([a.id, b.id]);
    const probe = aProbe(at(HOUR));
    expect(await store.endpoints.recordProbe(a.id, probe, null)).toBe(true);
    expect((await store.endpoints.get(a.id))?.lastProbe).toEqual(probe);
    expect(await store.endpoints.delete(a.id)).toBe(true);
    expect(await store.endpoints.delete(a.id)).toBe(false);
    expect(await store.endpoints.recordProbe(a.id, probe, null)).toBe(false);
  });

  it('claims due endpoints once; a claim expires; recording a probe releases it', async () => {
    const a = await insert('a.test');
    const b = await insert('b.test');
    const now = at(HOUR);
    const claim = (n: Date) => store.leases.claimDue('probe', { now: n, dueBefore: new Date(n.getTime() - HOUR), claimExpiredBefore: new Date(n.getTime() - 10 * 60_000) }, 10);
    const [first, second] = await Promise.all([claim(now), claim(now)]);
    expect([...first, ...second].map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
    expect(await claim(at(HOUR + 60_000))).toEqual([]);
    await store.endpoints.recordProbe(a.id, aProbe(now), null);
    // b's claim expired after 10 minutes (a server died); a is not due before an hour.
    expect((await claim(at(HOUR + 11 * 60_000))).map((e) => e.id)).toEqual([b.id]);
    await store.endpoints.recordProbe(b.id, aProbe(at(HOUR + 11 * 60_000)), null);
    expect((await claim(at(2 * HOUR + 5 * 60_000))).map((e) => e.id)).toEqual([a.id]);
  });
});
