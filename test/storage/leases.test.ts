import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeaseName } from '../../src/ports/leases.js';
import type { Store } from '../../src/ports/store.js';
import { aCertificate, aManagedState } from './certificate-builder.js';
import { createTestStore, dialects } from '../support/test-store.js';

const T0 = new Date('2026-06-01T00:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

/** Makes the work a lease of this kind guards, and names it. */
const kinds: Array<{ kind: LeaseName['kind']; make(store: Store): Promise<LeaseName>; absent: LeaseName | null }> = [
  {
    kind: 'issuance',
    make: async (store) => {
      const { cert, material } = aCertificate({ projectId: 'p1', organizationId: 'o1', source: 'acme' });
      const rec = await store.certificates.insert(cert, material);
      await store.managed.insert(aManagedState(rec.id, { identifiers: [rec.domainName], renewAt: T0, updatedAt: T0 }));
      return { kind: 'issuance', certificateId: rec.id };
    },
    // No managed slot: nothing to lease.
    absent: { kind: 'issuance', certificateId: 999_999 },
  },
  // The first lease of a project's sweep makes its row.
  { kind: 'sweep', make: async () => ({ kind: 'sweep', projectId: 'p1' }), absent: null },
  {
    kind: 'dispatch',
    make: async (store) => {
      await store.notifications.placeCursor('p1', await store.notifications.endPosition('p1'), true);
      return { kind: 'dispatch', projectId: 'p1' };
    },
    // No cursor: nothing to dispatch from.
    absent: { kind: 'dispatch', projectId: 'p1' },
  },
  {
    kind: 'deployment',
    make: async (store) => {
      const target = await store.deployments.insertTarget({ projectId: 'p1', organizationId: 'o1', name: 'web', type: 'local', config: { directory: 'web' }, createdAt: T0, updatedAt: T0 }, () => null);
      return { kind: 'deployment', targetId: target.id };
    },
    // No target: nothing to deploy to.
    absent: { kind: 'deployment', targetId: 999_999 },
  },
];

describe.each(dialects)('leases on %s', (dialect) => {
  let store: Store;
  beforeEach(async () => {
    store = await createTestStore(dialect);
    await store.organizations.insert({ id: 'o1', name: 'o', createdAt: T0 });
    await store.projects.insert({ id: 'p1', organizationId: 'o1', name: 'p', createdAt: T0 });
  });
  afterEach(async () => {
    await store.close();
  });

  it.each(kinds)('$kind: one holder at a time; the holder takes it again; it lapses at its end; only the holder releases it', async ({ make, absent }) => {
    if (absent) expect(await store.leases.acquire(absent, 'a', T0, at(MINUTE))).toBe(false);
    const name = await make(store);
    const racers = await Promise.all(['a', 'b', 'c'].map((owner) => store.leases.acquire(name, owner, T0, at(MINUTE))));
    expect(racers.filter(Boolean)).toHaveLength(1);
    const holder = ['a', 'b', 'c'][racers.indexOf(true)]!;
    const other = holder === 'a' ? 'b' : 'a';
    expect(await store.leases.acquire(name, other, at(MINUTE - 1), at(2 * MINUTE))).toBe(false);
    // A restarted server under the same name takes its own lease back at once.
    expect(await store.leases.acquire(name, holder, at(1), at(MINUTE))).toBe(true);
    await store.leases.release(name, other);
    expect(await store.leases.acquire(name, other, at(2), at(MINUTE))).toBe(false);
    // Run out: taken over.
    expect(await store.leases.acquire(name, other, at(MINUTE), at(2 * MINUTE))).toBe(true);
    expect(await store.leases.acquire(name, holder, at(MINUTE + 1), at(2 * MINUTE))).toBe(false);
    await store.leases.release(name, other);
    expect(await store.leases.acquire(name, 'd', at(MINUTE + 2), at(2 * MINUTE))).toBe(true);
  });
});
