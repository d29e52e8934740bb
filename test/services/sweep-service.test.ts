import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS, defaultNotificationPolicy } from '../../src/domain/notification-policy.js';
import type { DispatchResult, Notifier } from '../../src/ports/notifier.js';
import type { Store } from '../../src/ports/store.js';
import { AccessService } from '../../src/services/access-service.js';
import { SweepService } from '../../src/services/sweep-service.js';
import { createStore } from '../../src/storage/create-store.js';
import { aCertificate, aManagedState } from '../storage/certificate-builder.js';
import { FakeClock } from '../support/fake-clock.js';
import { createTestDatabase, createTestStore, dialects } from '../support/test-store.js';

const HOUR = 3_600_000;
const T0 = new Date('2026-06-01T00:00:00Z');

/** Records the dispatches a sweep asks for (what they send is test/notify/notification-dispatch.test.ts's subject). */
class RecordingNotifier implements Notifier {
  calls: string[] = [];
  async dispatch(projectId: string): Promise<DispatchResult> {
    this.calls.push(projectId);
    return { events: 0, deliveries: 0 };
  }
}

const stores: Store[] = [];
afterEach(async () => {
  while (stores.length) await stores.pop()!.close();
});

async function setup(store: Store) {
  await store.organizations.insert({ id: 'o1', name: 'One', createdAt: T0 });
  await store.projects.insert({ id: 'p1', organizationId: 'o1', name: 'P1', createdAt: T0 });
  await store.projects.insert({ id: 'p2', organizationId: 'o1', name: 'P2', createdAt: T0 });
}

/** A certificate in p1 living `lifetimeDays`, expiring `leftMs` after T0. */
async function addCert(store: Store, lifetimeDays: number, leftMs: number, overrides: Parameters<typeof aCertificate>[0] = {}) {
  const notAfter = new Date(T0.getTime() + leftMs);
  const notBefore = new Date(notAfter.getTime() - lifetimeDays * DAY_MS);
  const f = aCertificate({ projectId: 'p1', organizationId: 'o1', notBefore, notAfter, ...overrides });
  return store.certificates.insert(f.cert, { ...f.material, notBefore, notAfter });
}

function service(store: Store, clock: FakeClock, notifier: Notifier = new RecordingNotifier(), instanceId = 'test') {
  return new SweepService(store, new AccessService(store, clock), clock, { intervalMs: 600_000, instanceId }, notifier);
}

/**
 * A service sweeping one certificate per chunk (lease 60 s) over a store whose sweeps call
 * `between` first between chunks, ahead of the service's own step there.
 */
function chunkedService(store: Store, clock: FakeClock, instanceId: string, between: () => Promise<void>) {
  const sweeps: Store['sweeps'] = Object.create(store.sweeps);
  sweeps.fire = (projectId, policy, now, runId, detailLimit, chunking) =>
    store.sweeps.fire(projectId, policy, now, runId, detailLimit, {
      ...chunking,
      between: async () => {
        await between();
        await chunking?.between?.();
      },
    });
  const spied: Store = Object.assign(Object.create(store), { sweeps });
  return new SweepService(spied, new AccessService(spied, clock), clock, { intervalMs: 600_000, instanceId, leaseMs: 60_000, chunkCandidates: 1 }, new RecordingNotifier());
}

/** The object ids of p1's sweep events, sorted (a repeat would show). */
async function sweepEventsOf(store: Store): Promise<string[]> {
  const page = await store.events.listForProject('p1', { pageIndex: 1, pageSize: 1000 });
  return page.items.filter((e) => e.type.startsWith('certificate.expir')).map((e) => e.objectId).sort();
}

describe.each(dialects)('sweep on %s', (dialect) => {
  it('fires each threshold once per material, records expiry once, and asks for a dispatch of the project after its commit', async () => {
    const store = await createTestStore(dialect);
    stores.push(store);
    await setup(store);
    const clock = new FakeClock(T0);
    const notifier = new RecordingNotifier();
    const sweeps = service(store, clock, notifier);
    const soon = await addCert(store, 365, 5 * DAY_MS, { domainName: 'soon.example.com' });
    const gone = await addCert(store, 365, -2 * DAY_MS, { domainName: 'gone.example.com' });
    await addCert(store, 365, 200 * DAY_MS);
    await addCert(store, 365, 5 * DAY_MS, { status: 'revoked' });
    const short = await addCert(store, 45, 10 * DAY_MS); // 1/3 of 45 d = 15 d
    await addCert(store, 45, 20 * DAY_MS);

    const first = (await sweeps.sweepProject('p1', false))!;
    expect(first.expiring).toBe(2);
    expect(first.expired).toBe(1);
    const byCert = new Map(first.events.map((e) => [e.certificateId, e]));
    expect(byCert.get(soon.id)).toMatchObject({ type: 'certificate.expiring', notify: true, data: { threshold: 'days:7', domainName: 'soon.example.com', daysLeft: 5, sslCertificateId: soon.sslCertificateId, notAfter: soon.notAfter.toISOString() } });
    expect(byCert.get(gone.id)).toMatchObject({ type: 'certificate.expired', data: { threshold: 'expired', daysLeft: -2 } });
    expect(byCert.get(short.id)?.data.threshold).toBe('fraction:0.333333');
    expect(first.notified).toBe(3);
    expect(notifier.calls).toEqual(['p1']);

    // Events are listed by type.
    const expiredEvents = await store.events.listForProject('p1', { pageIndex: 1, pageSize: 10 }, 'certificate.expired');
    expect(expiredEvents.items.map((e) => e.objectId)).toEqual([String(gone.id)]);

    // Nothing new an hour later.
    clock.advance(HOUR);
    const again = (await sweeps.sweepProject('p1', false))!;
    expect(again.events).toEqual([]);
    expect(again.notified).toBe(0);
    expect(notifier.calls).toEqual(['p1']);

    // Two days later: soon crosses 3 days.
    clock.advance(2 * DAY_MS);
    const later = (await sweeps.sweepProject('p1', false))!;
    expect(later.events.map((e) => [e.certificateId, e.data.threshold])).toEqual([[soon.id, 'days:3']]);
  });

  it('mutes, renewal suppression, digest mode and per-project policy', async () => {
    const store = await createTestStore(dialect);
    stores.push(store);
    await setup(store);
    const clock = new FakeClock(T0);
    const notifier = new RecordingNotifier();
    const sweeps = service(store, clock, notifier);
    const muted = await addCert(store, 365, 5 * DAY_MS);
    const mutedGone = await addCert(store, 365, -1);
    await store.sweeps.setMuted(muted.id, true, T0);
    await store.sweeps.setMuted(mutedGone.id, true, T0);
    const renewing = await addCert(store, 365, 5 * DAY_MS, { source: 'acme' });
    await store.managed.insert(aManagedState(renewing.id, { renewAt: new Date(T0.getTime() - 30 * DAY_MS), updatedAt: T0 }));
    const failing = await addCert(store, 365, 5 * DAY_MS, { source: 'acme' });
    await store.managed.insert(aManagedState(failing.id, { renewAt: new Date(T0.getTime() - 30 * DAY_MS), failureCount: 1, updatedAt: T0 }));
    const far = await addCert(store, 365, 50 * DAY_MS);
    await store.sweeps.putPolicy({ projectId: 'p1', thresholdDays: [60, 5], lifetimeFractions: [], digest: true, updatedAt: T0 });

    const r = (await sweeps.sweepProject('p1', false))!;
    const got = r.events.map((e) => [e.certificateId, e.data.threshold, e.notify]).sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(got).toEqual([
      [muted.id, 'days:5', false],
      [mutedGone.id, 'expired', false],
      [failing.id, 'days:5', true],
      [far.id, 'days:60', true],
    ].sort((a, b) => Number(a[0]) - Number(b[0])));
    // The muted threshold and expiry are recorded, not counted as notified.
    expect(r.notified).toBe(2);
    expect(notifier.calls).toEqual(['p1']);

    // Unmuting lets the crossed threshold fire again at the next sweep, to be sent.
    await store.sweeps.setMuted(muted.id, false, T0);
    const r2 = (await sweeps.sweepProject('p1', false))!;
    expect(r2.events.map((e) => [e.certificateId, e.data.threshold, e.notify])).toEqual([[muted.id, 'days:5', true]]);
  });

  it('counts every event it fires but details only the first ones (a first sweep over a large inventory fires 100,000s)', async () => {
    const store = await createTestStore(dialect);
    stores.push(store);
    await setup(store);
    const certs = [];
    for (let i = 0; i < 5; i++) certs.push(await addCert(store, 365, (i - 2) * DAY_MS + HOUR, { domainName: `c${i}.example.com` }));
    await store.sweeps.setMuted(certs[4]!.id, true, T0);
    const fired = await store.transaction((tx) => tx.sweeps.fire('p1', defaultNotificationPolicy, T0, 'run-limit', 2));
    // c0, c1: expired; c2, c3: expiring (1 and 2 days); c4 muted: expiring, recorded, not to be sent.
    expect({ expiring: fired.expiring, expired: fired.expired, muted: fired.muted }).toEqual({ expiring: 3, expired: 2, muted: 1 });
    expect(fired.events).toHaveLength(2);
    const all = (await store.events.listForProject('p1', { pageIndex: 1, pageSize: 100 })).items.filter((e) => e.type.startsWith('certificate.expir'));
    const lowest = all.map((e) => e.id).sort((a, b) => a - b).slice(0, 2);
    expect(fired.events.map((e) => e.eventId)).toEqual(lowest);
    for (const e of fired.events) {
      expect(e.data).toEqual(all.find((a) => a.id === e.eventId)!.data);
      expect(e.data.domainName).toMatch(/^c[0-3]\.example\.com$/);
    }
  });

  it('a failing dispatch never fails the sweep; the events are stored', async () => {
    const store = await createTestStore(dialect);
    stores.push(store);
    await setup(store);
    const clock = new FakeClock(T0);
    const sweeps = service(store, clock, { dispatch: async () => { throw new Error('database down'); } });
    await addCert(store, 365, DAY_MS);
    const r = (await sweeps.sweepProject('p1', false))!;
    expect(r.expiring).toBe(1);
    expect((await store.events.listForProject('p1', { pageIndex: 1, pageSize: 10 }, 'certificate.expiring')).totalCount).toBe(1);
  });

  it('fires what the rule says at every sweep of 60 days, for every kind of certificate', async () => {
    const store = await createTestStore(dialect);
    stores.push(store);
    await setup(store);
    const clock = new FakeClock(T0);
    const sweeps = service(store, clock);
    const acme = { source: 'acme' } as const;
    const certs = {
      year: await addCert(store, 365, 40 * DAY_MS),
      ninety: await addCert(store, 90, 20 * DAY_MS + 3 * HOUR),
      eightyNine: await addCert(store, 89, 35 * DAY_MS), // 1/3, 1/6, 1/12 = 29 d 16 h, 14 d 20 h, 7 d 10 h
      short: await addCert(store, 45, 10 * DAY_MS), // 15 d, 7.5 d, 3.75 d
      six: await addCert(store, 6, 5 * DAY_MS), // 2 d, 1 d, 12 h
      beyond: await addCert(store, 365, 65 * DAY_MS),
      gone: await addCert(store, 365, -3 * DAY_MS),
      lateImport: await addCert(store, 365, 5 * DAY_MS),
      muted: await addCert(store, 365, 10 * DAY_MS),
      renewing: await addCert(store, 365, 20 * DAY_MS, acme),
      renewingLate: await addCert(store, 365, 20 * DAY_MS, acme),
      renewalFailing: await addCert(store, 365, 20 * DAY_MS, acme),
      shortRenewing: await addCert(store, 45, 10 * DAY_MS, acme),
    };
    await store.sweeps.setMuted(certs.muted.id, true, T0);
    const at = (days: number) => new Date(T0.getTime() + days * DAY_MS);
    await store.managed.insert(aManagedState(certs.renewing.id, { renewAt: at(-11), updatedAt: T0 })); // before every threshold's point (the 30-day one is at -10 d)
    await store.managed.insert(aManagedState(certs.renewingLate.id, { renewAt: at(15), updatedAt: T0 })); // after the 7-day point (13 d), before the 3-day one (17 d)
    await store.managed.insert(aManagedState(certs.renewalFailing.id, { renewAt: at(-11), failureCount: 1, updatedAt: T0 }));
    await store.managed.insert(aManagedState(certs.shortRenewing.id, { renewAt: at(3), updatedAt: T0 })); // after the 1/6 point (2.5 d), before the 1/12 one (6.25 d)

    const names = new Map(Object.entries(certs).map(([name, c]) => [c.id, name]));
    const seen = Object.fromEntries(Object.keys(certs).map((name) => [name, [] as Array<[string, number]>]));
    for (let step = 0; step < 60 * 4; step++) {
      const r = (await sweeps.sweepProject('p1', false))!;
      for (const e of r.events) seen[names.get(e.certificateId)!]!.push([String(e.data.threshold), step]);
      clock.advance(6 * HOUR - 7);
    }
    // Sweep k runs at T0 + k·(6 h − 7 ms): a threshold crossed exactly n·6 h after T0 is first seen by sweep n + 1.
    expect(seen).toEqual({
      year: [['days:30', 41], ['days:14', 105], ['days:7', 133], ['days:3', 149], ['days:1', 157], ['expired', 161]],
      ninety: [['days:30', 0], ['days:14', 25], ['days:7', 53], ['days:3', 69], ['days:1', 77], ['expired', 81]],
      eightyNine: [['fraction:0.333333', 22], ['fraction:0.166667', 81], ['fraction:0.083333', 111], ['expired', 141]],
      short: [['fraction:0.333333', 0], ['fraction:0.166667', 11], ['fraction:0.083333', 26], ['expired', 41]],
      six: [['fraction:0.333333', 13], ['fraction:0.166667', 17], ['fraction:0.083333', 19], ['expired', 21]],
      beyond: [['days:30', 141], ['days:14', 205], ['days:7', 233]],
      gone: [['expired', 0]],
      lateImport: [['days:7', 0], ['days:3', 9], ['days:1', 17], ['expired', 21]],
      muted: [['days:14', 0], ['days:7', 13], ['days:3', 29], ['days:1', 37], ['expired', 41]],
      renewing: [['expired', 81]],
      renewingLate: [['days:30', 0], ['days:14', 25], ['days:7', 53], ['expired', 81]],
      renewalFailing: [['days:30', 0], ['days:14', 25], ['days:7', 53], ['days:3', 69], ['days:1', 77], ['expired', 81]],
      shortRenewing: [['fraction:0.333333', 0], ['fraction:0.166667', 11], ['expired', 41]],
    });
  });

  it('the scheduler sweeps each project once per interval, under a lease', async () => {
    const store = await createTestStore(dialect);
    stores.push(store);
    await setup(store);
    const clock = new FakeClock(T0);
    const a = service(store, clock, undefined, 'server-a');
    const b = service(store, clock, undefined, 'server-b');
    await addCert(store, 365, DAY_MS);
    expect(await a.sweepDue()).toEqual({ swept: 2, events: 1, failed: 0 });
    expect(await b.sweepDue()).toEqual({ swept: 0, events: 0, failed: 0 });
    clock.advance(600_000);
    expect((await b.sweepDue()).swept).toBe(2);
    // A lease held by another server blocks a sweep until it expires.
    expect(await store.leases.acquire({ kind: 'sweep', projectId: 'p1' }, 'other', clock.now(), new Date(clock.now().getTime() + 60_000))).toBe(true);
    expect(await a.sweepProject('p1', false)).toBeUndefined();
    clock.advance(60_000);
    expect(await a.sweepProject('p1', false)).toBeDefined();
  });

  it('a sweep in chunks renews its lease as it goes, so no other server sweeps the project meanwhile', async () => {
    const store = await createTestStore(dialect);
    stores.push(store);
    await setup(store);
    const clock = new FakeClock(T0);
    const certs = [];
    for (let i = 0; i < 12; i++) certs.push(await addCert(store, 365, i * DAY_MS - 2 * DAY_MS));
    const other = service(store, clock, undefined, 'server-b');
    let chunks = 0;
    // Between chunks, 25 s pass (a lease of 60 s would be gone by the third) and another server tries.
    const a = chunkedService(store, clock, 'server-a', async () => {
      chunks++;
      clock.advance(25_000);
      expect(await other.sweepProject('p1', false)).toBeUndefined();
    });
    const r = (await a.sweepProject('p1', false))!;
    expect(chunks).toBeGreaterThan(5);
    expect(r.expiring + r.expired).toBe(12);
    expect(await sweepEventsOf(store)).toEqual(certs.map((c) => String(c.id)).sort());
  });

  it('a sweep in chunks whose lease another server took stops there; that one fires the rest, once', async () => {
    const store = await createTestStore(dialect);
    stores.push(store);
    await setup(store);
    const clock = new FakeClock(T0);
    const certs = [];
    for (let i = 0; i < 12; i++) certs.push(await addCert(store, 365, i * DAY_MS - 2 * DAY_MS));
    let chunks = 0;
    const lease = { kind: 'sweep', projectId: 'p1' } as const;
    // After a few chunks this server stalls past its lease, and another takes it.
    const a = chunkedService(store, clock, 'server-a', async () => {
      if (++chunks !== 6) return;
      clock.advance(61_000);
      expect(await store.leases.acquire(lease, 'server-b', clock.now(), new Date(clock.now().getTime() + 60_000))).toBe(true);
    });
    await expect(a.sweepProject('p1', false)).rejects.toMatchObject({ code: 'sweep_in_progress' });
    const partial = await sweepEventsOf(store);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(12);
    clock.advance(60_000);
    const rest = (await service(store, clock, undefined, 'server-b').sweepProject('p1', false))!;
    expect(rest.expiring + rest.expired).toBe(12 - partial.length);
    expect(await sweepEventsOf(store)).toEqual(certs.map((c) => String(c.id)).sort());
  });
});

// On PostgreSQL only: servers share a database there; a SQLite file is one server's own.
describe('exactly once on PostgreSQL with two servers', () => {
  it('two services on one database racing fire each threshold once', async () => {
    const db = await createTestDatabase();
    const one = await createStore({ databaseUrl: db.url, sqlitePath: ':memory:' });
    const two = await createStore({ databaseUrl: db.url, sqlitePath: ':memory:' });
    try {
      await setup(one);
      const ids = [];
      for (let i = 0; i < 200; i++) ids.push((await addCert(one, 365, (i % 40) * DAY_MS - 5 * DAY_MS)).id);
      const clock = new FakeClock(T0);
      const na = new RecordingNotifier();
      const nb = new RecordingNotifier();
      const a = service(one, clock, na, 'server-a');
      const b = service(two, clock, nb, 'server-b');
      // Manual sweeps (lease waited for) and raw fire() calls bypassing the lease, all at once.
      const results = await Promise.all([
        a.sweepProject('p1', false),
        b.sweepProject('p1', false),
        one.transaction((tx) => tx.sweeps.fire('p1', defaultNotificationPolicy, clock.now(), 'raw-1')),
        two.transaction((tx) => tx.sweeps.fire('p1', defaultNotificationPolicy, clock.now(), 'raw-2')),
        a.sweepDue(),
        b.sweepDue(),
      ]);
      const fired = [
        ...(results[0]?.events ?? []),
        ...(results[1]?.events ?? []),
        ...(results[2] as Awaited<ReturnType<typeof one.sweeps.fire>>).events,
        ...(results[3] as Awaited<ReturnType<typeof one.sweeps.fire>>).events,
      ];
      const events = await one.events.listForProject('p1', { pageIndex: 1, pageSize: 1000 });
      const sweepEvents = events.items.filter((e) => e.type.startsWith('certificate.expir'));
      // 200 certificates: 5 d ago … 34 d ahead; ≤ 30 d left = 36 of every 40.
      const expected = ids.filter((_, i) => (i % 40) - 5 <= 30).length;
      expect(sweepEvents).toHaveLength(expected);
      expect(new Set(sweepEvents.map((e) => e.objectId)).size).toBe(expected);
      // Every event was reported by exactly one of the six racers.
      const byScheduler = (results[4] as { events: number }).events + (results[5] as { events: number }).events;
      expect(fired.length + byScheduler).toBe(expected);
      // A sweep asks for a dispatch only when it created something to send.
      for (const c of [...na.calls, ...nb.calls]) expect(c).toBe('p1');
    } finally {
      await one.close();
      await two.close();
      await db.drop();
    }
  });
});
