import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiKeyPrincipal } from '../../src/services/principal.js';
import type { Store } from '../../src/ports/store.js';
import { ACCESS_CACHE_TTL_MS, AccessService } from '../../src/services/access-service.js';
import { createStore } from '../../src/storage/create-store.js';
import { FakeClock } from '../support/fake-clock.js';
import { createTestDatabase, dialects, type Dialect } from '../support/test-store.js';

const SUPER = 'access-cache-test-superuser-token-0123456789';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Two stores on one database, as two servers have: each its own connections. */
async function twoStores(dialect: Dialect): Promise<[Store, Store]> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'certkeeper-access-cache-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'certkeeper.db');
    const a = await createStore({ sqlitePath: file });
    cleanups.push(() => a.close());
    const b = await createStore({ sqlitePath: file });
    cleanups.push(() => b.close());
    return [a, b];
  }
  const db = await createTestDatabase();
  cleanups.push(() => db.drop());
  const a = await createStore({ databaseUrl: db.url, sqlitePath: ':memory:' });
  cleanups.push(() => a.close());
  const b = await createStore({ databaseUrl: db.url, sqlitePath: ':memory:' });
  cleanups.push(() => b.close());
  return [a, b];
}

/** Two servers' access services on one database, a project, and keys of every role on it (created through the first). */
async function twoServers(dialect: Dialect) {
  const clock = new FakeClock();
  const [storeA, storeB] = await twoStores(dialect);
  const a = new AccessService(storeA, clock);
  const b = new AccessService(storeB, clock);
  await a.ensureBootstrapKey(SUPER);
  const root = await a.authenticate(SUPER);
  const org = await a.createOrganization(root, 'org');
  const project = await a.createProject(root, org.id, 'web');
  const other = await a.createProject(root, org.id, 'other');
  const admin = await a.createApiKey(root, project.id, 'admin', 'admin');
  const viewer = await a.createApiKey(root, project.id, 'viewer', 'viewer');
  return { clock, a, b, root, org, project, other, admin, viewer };
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (err: { code?: string }) => err.code,
  );

describe.each(dialects)('AccessService caches (%s)', (dialect) => {
  it('a revoked key is refused at once by the server that revoked it and by another server once the cache time has passed', async () => {
    const { clock, a, b, root, project, viewer } = await twoServers(dialect);
    // Both servers have the key cached.
    expect((await a.authenticate(viewer.key)).keyId).toBe(viewer.record.id);
    expect((await b.authenticate(viewer.key)).keyId).toBe(viewer.record.id);

    await a.revokeApiKey(root, project.id, viewer.record.id);
    expect(await refusal(a.authenticate(viewer.key))).toBe('unauthorized');
    // The other server trusts what it read for at most ACCESS_CACHE_TTL_MS (docs/operations.md).
    clock.advance(ACCESS_CACHE_TTL_MS - 1);
    expect(await refusal(b.authenticate(viewer.key))).toBe('accepted');
    clock.advance(1);
    expect(await refusal(b.authenticate(viewer.key))).toBe('unauthorized');
    expect(await refusal(a.authenticate(viewer.key))).toBe('unauthorized');
  });

  it('a disabled organization is refused by another server once the cache time has passed, and accepted again once enabled', async () => {
    const { clock, a, b, root, org, admin } = await twoServers(dialect);
    expect(await refusal(b.authenticate(admin.key))).toBe('accepted');
    await a.setOrganizationDisabled(root, org.id, true);
    expect(await refusal(a.authenticate(admin.key))).toBe('organization_disabled');
    clock.advance(ACCESS_CACHE_TTL_MS);
    expect(await refusal(b.authenticate(admin.key))).toBe('organization_disabled');
    await a.setOrganizationDisabled(root, org.id, false);
    expect(await refusal(a.authenticate(admin.key))).toBe('accepted');
    clock.advance(ACCESS_CACHE_TTL_MS);
    expect(await refusal(b.authenticate(admin.key))).toBe('accepted');
  });

  it('a key created through one server is accepted by another', async () => {
    const { a, b, root, project } = await twoServers(dialect);
    const created = await a.createApiKey(root, project.id, 'late', 'editor');
    expect(((await b.authenticate(created.key)) as ApiKeyPrincipal).role).toBe('editor');
  });

  it('gives every key its own principal and role from the shared caches, and a project only to keys that cover it', async () => {
    const { a, project, other, admin, viewer } = await twoServers(dialect);
    for (let i = 0; i < 3; i++) {
      const [pa, pv] = [(await a.authenticate(admin.key)) as ApiKeyPrincipal, (await a.authenticate(viewer.key)) as ApiKeyPrincipal];
      expect([pa.keyId, pa.role]).toEqual([admin.record.id, 'admin']);
      expect([pv.keyId, pv.role]).toEqual([viewer.record.id, 'viewer']);
      // The project is cached after the first round: the role is still each key's own.
      expect((await a.authorizeProject(pa, project.id, 'admin')).id).toBe(project.id);
      expect(await refusal(a.authorizeProject(pv, project.id, 'admin'))).toBe('forbidden');
      expect((await a.authorizeProject(pv, project.id, 'viewer')).id).toBe(project.id);
    }
    // A sibling project, cached through a superuser, stays out of a project key's reach.
    const root = await a.authenticate(SUPER);
    await a.authorizeProject(root, other.id, 'viewer');
    expect(await refusal(a.authorizeProject(await a.authenticate(admin.key), other.id, 'viewer'))).toBe('project_not_found');
  });

  it('answers from the cache without a promise, and refuses from it at once', async () => {
    const { a, project, viewer } = await twoServers(dialect);
    const first = a.authenticateNow(viewer.key);
    expect(first).toBeInstanceOf(Promise);
    const principal = await first;
    const again = a.authenticateNow(viewer.key) as ApiKeyPrincipal;
    expect(again).not.toBeInstanceOf(Promise);
    expect(again.keyId).toBe(viewer.record.id);
    await a.authorizeProjectNow(again, project.id, 'viewer');
    expect(a.authorizeProjectNow(principal, project.id, 'viewer')).toMatchObject({ id: project.id });
    expect(() => a.authorizeProjectNow(principal, project.id, 'editor')).toThrow(/editor role/);
    expect(() => a.authenticateNow(undefined)).toThrow(/API key is required/);
  });
});
