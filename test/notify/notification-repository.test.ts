import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationDeliveryRecord } from '../../src/ports/notification-repository.js';
import type { Store } from '../../src/ports/store.js';
import { AddressPolicy } from '../../src/net/address-policy.js';
import { createTestStore, dialects } from '../support/test-store.js';

const orgId = '00000000-0000-4000-8000-000000000001';
const projectId = '00000000-0000-4000-8000-000000000002';
const now = new Date('2026-06-01T00:00:00Z');

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

function delivery(id: string, channelId: string, nextAttemptAt: Date): NotificationDeliveryRecord {
  return {
    id,
    projectId,
    channelId,
    kind: 'each',
    eventType: 'certificate.expiring',
    payload: { kind: 'each', projectId, projectName: 'p', items: [] },
    status: 'pending',
    attempts: 0,
    maxAttempts: 8,
    nextAttemptAt,
    lastAttemptAt: null,
    lastStatusCode: null,
    lastResponse: null,
    lastError: null,
    redeliveryOf: null,
    createdAt: now,
    deliveredAt: null,
  };
}

describe.each(dialects)('notification repository on %s', (dialect) => {
  it('claims each due delivery once among concurrent workers, honours claims until they expire, and pages the log', async () => {
    const store = await createTestStore(dialect);
    stores.push(store);
    await store.organizations.insert({ id: orgId, name: 'o', createdAt: now });
    await store.projects.insert({ id: projectId, organizationId: orgId, name: 'p', createdAt: now });
    await store.notifications.insertChannel({ id: 'chan000000000001', projectId, name: 'c', type: 'slack', config: { url: 'https://x/…' }, enabled: true, createdAt: now, updatedAt: now }, Buffer.from('sealed'));
    const due = Array.from({ length: 20 }, (_, i) => delivery(`d${String(i).padStart(15, '0')}`, 'chan000000000001', now));
    await store.notifications.insertDeliveries([...due, delivery('later0000000000x', 'chan000000000001', new Date(now.getTime() + 60_000))], null);

    const lease = new Date(now.getTime() - 120_000);
    const claims = await Promise.all([1, 2, 3, 4].map(() => store.leases.claimDue('delivery', { now, dueBefore: now, claimExpiredBefore: lease }, 50)));
    const ids = claims.flat().map((d) => d.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    // Claimed: not claimable again until the claim is older than the lease.
    expect(await store.leases.claimDue('delivery', { now, dueBefore: now, claimExpiredBefore: lease }, 50)).toHaveLength(0);
    const later = new Date(now.getTime() + 180_000);
    const retaken = await store.leases.claimDue('delivery', { now: later, dueBefore: later, claimExpiredBefore: new Date(later.getTime() - 120_000) }, 50);
    expect(retaken).toHaveLength(21);

    await store.notifications.recordAttempt(due[0].id, { status: 'delivered', attempts: 1, nextAttemptAt: null, lastAttemptAt: later, lastStatusCode: 200, lastResponse: 'ok', lastError: null, deliveredAt: later });
    const got = await store.notifications.getDelivery(projectId, due[0].id);
    expect(got).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, lastResponse: 'ok', deliveredAt: later, nextAttemptAt: null });
    const page = await store.notifications.listDeliveries(projectId, { pageIndex: 2, pageSize: 5 }, { status: 'pending' });
    expect(page.totalCount).toBe(20);
    expect(page.items).toHaveLength(5);
    expect(await store.notifications.getDelivery('00000000-0000-4000-8000-000000000009', due[0].id)).toBeUndefined();

    expect(await store.notifications.deleteChannel(projectId, 'chan000000000001')).toBe(true);
    expect((await store.notifications.listDeliveries(projectId, { pageIndex: 1, pageSize: 5 })).totalCount).toBe(0);
    expect(await store.notifications.deleteChannel(projectId, 'chan000000000001')).toBe(false);
  });
});

describe.each(dialects)('dispatch cursors on %s', (dialect) => {
  it('place (only forward), claim under a lease, read in batches of the given types, list projects with something new', async () => {
    const store = await createTestStore(dialect);
    stores.push(store);
    await store.organizations.insert({ id: orgId, name: 'o', createdAt: now });
    await store.projects.insert({ id: projectId, organizationId: orgId, name: 'p', createdAt: now });
    const n = store.notifications;
    const append = (type: string, count = 1) =>
      store.events.appendMany(Array.from({ length: count }, () => ({ organizationId: orgId, projectId, type, actor: 'system', objectType: 'certificate', objectId: '1', data: {}, createdAt: now })));
    const until = new Date(now.getTime() + 60_000);
    // The cursor's position when the dispatch lease is taken, as a dispatch reads it.
    const lease = { kind: 'dispatch', projectId } as const;
    const claimCursor = async (owner: string, at: Date, leaseUntil: Date) => ((await store.leases.acquire(lease, owner, at, leaseUntil)) ? n.cursorPosition(projectId) : undefined);

    await append('certificate.revoked');
    // No cursor: nothing to claim, nothing listed.
    expect(await claimCursor('a', now, until)).toBeUndefined();
    expect(await n.listProjectsToDispatch(now, 10)).toEqual([]);
    const start = await n.endPosition(projectId);
    await n.placeCursor(projectId, start, true);
    // What was there before the cursor is history.
    expect(await n.listProjectsToDispatch(now, 10)).toEqual([]);

    await append('certificate.revoked', 3);
    await append('certificate.imported', 2);
    await append('push.rejected');
    expect(await n.listProjectsToDispatch(now, 10)).toEqual([projectId]);
    const from = (await claimCursor('a', now, until))!;
    expect(from).toEqual(start);
    // Held by a until its lease ends: neither b's claim nor the listing gets it.
    expect(await claimCursor('b', now, until)).toBeUndefined();
    expect(await n.listProjectsToDispatch(now, 10)).toEqual([]);

    const types = ['certificate.revoked', 'push.rejected'];
    const first = await n.readEventsAfter(projectId, from, types, 2);
    expect(first.events.map((e) => e.type)).toEqual(['certificate.revoked', 'certificate.revoked']);
    expect(first.done).toBe(false);
    await n.moveCursor(projectId, first.next);
    const second = await n.readEventsAfter(projectId, (await claimCursor('a', now, until))!, types, 2);
    expect(second.events.map((e) => e.type)).toEqual(['certificate.revoked', 'push.rejected']);
    const third = await n.readEventsAfter(projectId, second.next, types, 2);
    expect(third).toMatchObject({ events: [], done: true });
    await n.moveCursor(projectId, third.next);
    await store.leases.release(lease, 'a');
    // Caught up, the other types passed over too; free again.
    expect(await n.listProjectsToDispatch(now, 10)).toEqual([]);
    expect(await claimCursor('b', now, until)).toEqual(third.next);
    // A lease that ran out may be taken over.
    expect(await claimCursor('c', until, new Date(until.getTime() + 60_000))).toEqual(third.next);

    // Placing never moves a cursor back; onlyIfAbsent never moves it at all.
    await n.placeCursor(projectId, { txId: 0, eventId: 0 }, false);
    await append('certificate.revoked');
    const end = await n.endPosition(projectId);
    await n.placeCursor(projectId, end, true);
    expect(await claimCursor('c', until, until)).toEqual(third.next);
    await n.placeCursor(projectId, end, false);
    expect(await claimCursor('c', until, until)).toEqual(end);
  });
});

describe('outbound address policy for notification channels', () => {
  it('refuses link-local and metadata addresses (also IPv4-mapped), allows loopback and private ranges, and honours the allow list', () => {
    const guard = new AddressPolicy();
    const allowed = (p: AddressPolicy, address: string) => p.refusalOfAddress(address) === null;
    expect(allowed(guard, '127.0.0.1')).toBe(true);
    expect(allowed(guard, '::1')).toBe(true);
    expect(allowed(guard, '10.1.2.3')).toBe(true);
    expect(allowed(guard, '169.254.169.254')).toBe(false);
    expect(allowed(guard, '169.254.1.1')).toBe(false);
    expect(allowed(guard, '100.100.100.200')).toBe(false);
    expect(allowed(guard, 'fe80::1')).toBe(false);
    expect(allowed(guard, 'fd00:ec2::254')).toBe(false);
    expect(allowed(guard, '::ffff:169.254.169.254')).toBe(false);
    const allowing = new AddressPolicy({ allow: ['169.254.169.254', 'fe80::/10'] });
    expect(allowed(allowing, '169.254.169.254')).toBe(true);
    expect(allowed(allowing, '169.254.1.1')).toBe(false);
    expect(allowed(allowing, 'fe80::1')).toBe(true);
  });

  it('resolves a host name and checks its addresses before connecting', async () => {
    const lookup = new AddressPolicy().lookup;
    const address = await new Promise<string>((resolve, reject) =>
      lookup('localhost', { family: 4 }, (err, addr) => (err ? reject(err) : resolve(String(addr)))),
    );
    expect(address).toBe('127.0.0.1');
  });
});
