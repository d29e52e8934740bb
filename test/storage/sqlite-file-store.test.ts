import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../src/ports/store.js';
import { createStore } from '../../src/storage/create-store.js';
import { seedSyntheticCertificates } from '../../bench/seed-synthetic.js';
import { storeInternals } from '../../src/storage/kysely-store.js';
import { defaultNotificationPolicy } from '../../src/domain/notification-policy.js';
import { aCertificate } from './certificate-builder.js';

// A SQLite file database serves point reads from a second, read-only connection (on SQLite
// only: a PostgreSQL store reads through its pool).
describe('SQLite file store', () => {
  let dir: string;
  let store: Store;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'certkeeper-file-store-'));
    store = await createStore({ sqlitePath: path.join(dir, 'certkeeper.db') });
    await store.organizations.insert({ id: 'o1', name: 'o1', createdAt: new Date() });
    await store.organizations.insert({ id: 'o2', name: 'o2', createdAt: new Date() });
    for (const [id, org] of [['p1', 'o1'], ['p2', 'o1'], ['p3', 'o2']]) await store.projects.insert({ id, organizationId: org, name: id, createdAt: new Date() });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a visible certificate with every field as stored, and hides the others', async () => {
    const apns = aCertificate({
      kind: 'apns',
      sans: ['push.example.com', 'xn--bcher-kva.example'],
      keyUsage: [],
      extendedKeyUsage: ['clientAuth'],
      apple: { environments: ['production'], bundleId: 'com.example.app', topics: ['com.example.app'] },
      hasPrivateKey: true,
    });
    const own = await store.certificates.insert(apns.cert, apns.material);
    const other = aCertificate({ projectId: 'p2', scopeId: 1 });
    const shared = await store.certificates.insert(other.cert, other.material);
    expect(await store.certificates.findVisible('p1', 'o1', own.id)).toEqual(own);
    expect(await store.certificates.findVisible('p1', 'o1', shared.id)).toEqual(shared);
    expect(await store.certificates.findVisible('p2', 'o1', own.id)).toBeUndefined();
    expect(await store.certificates.findVisible('p3', 'o2', shared.id)).toBeUndefined();
    expect(await store.certificates.findVisible('p1', 'o1', own.id + 1000)).toBeUndefined();
  });

  it('sees committed writes at once', async () => {
    const f = aCertificate({ projectId: 'p1' });
    const rec = await store.certificates.insert(f.cert, f.material);
    expect((await store.certificates.findVisible('p1', 'o1', rec.id))?.scopeId).toBe(0);
    await store.certificates.updateScope(rec.id, 1, new Date('2026-04-01T00:00:00.000Z'));
    expect((await store.certificates.findVisible('p1', 'o1', rec.id))?.scopeId).toBe(1);
    await store.certificates.delete(rec.id);
    expect(await store.certificates.findVisible('p1', 'o1', rec.id)).toBeUndefined();
  });

  it('bulk-seeds an empty database', async () => {
    await seedSyntheticCertificates(store, {
      projectId: 'p1',
      organizationId: 'o1',
      count: 50,
      now: new Date('2026-06-01T12:00:00.000Z'),
      materials: [{ der: randomBytes(700), chainPem: '' }],
    });
    const page = await store.certificates.list({ projectId: 'p1', organizationId: 'o1', now: new Date(), sort: 'id', descending: false, pageIndex: 1, pageSize: 1 });
    expect(page.totalCount).toBe(50);
    expect(await store.certificates.findVisible('p1', 'o1', page.items[0].id)).toEqual(page.items[0]);
  });

  // The database file alone (no -wal beside it) holds what the checkpoint copied into it.
  function certificatesInMainFile(table: 'certificates' | 'notification_fired' = 'certificates'): number {
    const copy = path.join(dir, 'main-only.db');
    rmSync(copy, { force: true });
    copyFileSync(path.join(dir, 'certkeeper.db'), copy);
    const db = new BetterSqlite3(copy, { readonly: true });
    try {
      return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  }

  it('copies committed writes into the database file from the worker, not on commit, and not while paused', async () => {
    const { checkpointer } = storeInternals(store);
    if (!checkpointer) throw new Error('a file store has a checkpointer');
    await checkpointer.checkpoint(); // the schema and the organizations
    expect(certificatesInMainFile()).toBe(0);
    const f = aCertificate({ projectId: 'p1' });
    await store.certificates.insert(f.cert, f.material);
    // The commit alone left it in the WAL (the writer's own auto-checkpoint is far above one insert).
    expect(certificatesInMainFile()).toBe(0);
    await checkpointer.pause();
    await checkpointer.checkpoint();
    expect(certificatesInMainFile()).toBe(0);
    checkpointer.resume();
    await checkpointer.checkpoint();
    expect(certificatesInMainFile()).toBe(1);
  });

  it("leaves a sweep's WAL to the worker: no commit between its chunks checkpoints, and the setting comes back once it is copied", async () => {
    const { sqlite, checkpointer } = storeInternals(store);
    if (!sqlite || !checkpointer) throw new Error('a file store has a handle and a checkpointer');
    const now = new Date('2026-06-01T00:00:00.000Z');
    for (let i = 0; i < 6; i++) {
      const f = aCertificate({ projectId: 'p1', notBefore: new Date(now.getTime() - 365 * 86_400_000), notAfter: new Date(now.getTime() + i * 3_600_000) });
      await store.certificates.insert(f.cert, f.material);
    }
    const autocheckpoint = () => sqlite.pragma('wal_autocheckpoint', { simple: true });
    const between: number[] = [];
    const fired = await store.sweeps.fire('p1', defaultNotificationPolicy, now, 'run-1', 1000, { candidates: 2, between: async () => void between.push(autocheckpoint() as number) });
    expect(fired.expiring + fired.expired).toBe(6);
    expect(between.length).toBeGreaterThan(1);
    expect(between.every((n) => n === 0)).toBe(true);
    await vi.waitFor(() => expect(autocheckpoint()).toBe(1000));
    // The worker copied what the sweep wrote into the database file.
    expect(certificatesInMainFile('notification_fired')).toBe(6);
  });

  it('has the worker copy the WAL back while a long sweep runs, so that it does not grow with every chunk', async () => {
    const now = new Date('2026-06-01T00:00:00.000Z');
    for (let i = 0; i < 6; i++) {
      const f = aCertificate({ projectId: 'p1', notBefore: new Date(now.getTime() - 365 * 86_400_000), notAfter: new Date(now.getTime() + i * 3_600_000) });
      await store.certificates.insert(f.cert, f.material);
    }
    await storeInternals(store).checkpointer?.checkpoint(); // the schema and the certificates in the file
    // Fired rows in the database file itself, seen between chunks: the first chunk's stay in the
    // WAL; once a chunk commits a while after the last copy, the sweep waits for the worker.
    const inFile: number[] = [];
    await store.sweeps.fire('p1', defaultNotificationPolicy, now, 'run-1', 1000, {
      candidates: 2,
      between: async () => {
        inFile.push(certificatesInMainFile('notification_fired'));
        if (inFile.length === 1) await new Promise((resolve) => setTimeout(resolve, 150));
      },
    });
    expect(inFile[0]).toBe(0);
    expect(inFile[1]).toBe(4);
  });
});
