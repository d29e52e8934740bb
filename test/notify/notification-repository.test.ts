import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationDeliveryRecord, Store } from '../../src/ports/store.js';
import { OutboundGuard } from '../../src/notify/outbound-guard.js';
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
    const claims = await Promise.all([1, 2, 3, 4].map(() => store.notifications.claimDue(now, lease, 50)));
    const ids = claims.flat().map((d) => d.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    // Claimed: not claimable again until the claim is older than the lease.
    expect(await store.notifications.claimDue(now, lease, 50)).toHaveLength(0);
    const later = new Date(now.getTime() + 180_000);
    const retaken = await store.notifications.claimDue(later, new Date(later.getTime() - 120_000), 50);
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

describe('outbound guard', () => {
  it('refuses link-local and metadata addresses (also IPv4-mapped), allows loopback and private ranges, and honours the allow list', () => {
    const guard = new OutboundGuard();
    expect(guard.addressAllowed('127.0.0.1', 4)).toBe(true);
    expect(guard.addressAllowed('::1', 6)).toBe(true);
    expect(guard.addressAllowed('10.1.2.3', 4)).toBe(true);
    expect(guard.addressAllowed('169.254.169.254', 4)).toBe(false);
    expect(guard.addressAllowed('169.254.1.1', 4)).toBe(false);
    expect(guard.addressAllowed('100.100.100.200', 4)).toBe(false);
    expect(guard.addressAllowed('fe80::1', 6)).toBe(false);
    expect(guard.addressAllowed('fd00:ec2::254', 6)).toBe(false);
    expect(guard.addressAllowed('::ffff:169.254.169.254', 6)).toBe(false);
    const allowing = new OutboundGuard(['169.254.169.254', 'fe80::/10']);
    expect(allowing.addressAllowed('169.254.169.254', 4)).toBe(true);
    expect(allowing.addressAllowed('169.254.1.1', 4)).toBe(false);
    expect(allowing.addressAllowed('fe80::1', 6)).toBe(true);
  });

  it('resolves a host name and checks its addresses before connecting', async () => {
    const guard = new OutboundGuard();
    const lookup = guard.lookupFor('localhost');
    const address = await new Promise<string>((resolve, reject) =>
      lookup('localhost', { family: 4 }, (err, addr) => (err ? reject(err) : resolve(String(addr)))),
    );
    expect(address).toBe('127.0.0.1');
  });
});
