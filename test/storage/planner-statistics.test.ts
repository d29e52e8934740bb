/**
 * SQLite planner statistics (src/storage/planner-statistics.ts): gathered when a table of 1,000+
 * rows has none, when an index has none, when the table grew fourfold; and kept by the store at
 * start and after write transactions. Without them the list's first page walked the wrong index.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultNotificationPolicy } from '../../src/domain/notification-policy.js';
import type { Store } from '../../src/ports/store.js';
import { createStore } from '../../src/storage/create-store.js';
import { storeInternals } from '../../src/storage/kysely-store.js';
import { PlannerStatistics } from '../../src/storage/planner-statistics.js';
import { aCertificate } from './certificate-builder.js';

const T0 = new Date('2026-01-01T00:00:00.000Z');
/** The first branch of the list's default page: a project's newest ids. */
const FIRST_PAGE = "select id from certificates where project_id = 'p1' order by id desc limit 100";

let dir: string;
let file: string;
let store: Store;

/** n certificates in write transactions of at most `batch`. */
async function fill(s: Store, n: number, batch = 500): Promise<void> {
  const items = Array.from({ length: n }, () => aCertificate());
  for (let i = 0; i < items.length; i += batch) await s.certificates.insertMany(items.slice(i, i + batch));
}

function sqliteOf(s: Store) {
  const { sqlite } = storeInternals(s);
  if (!sqlite) throw new Error('not SQLite');
  return sqlite;
}

function planOf(s: Store, query: string): string {
  return (sqliteOf(s).prepare(`explain query plan ${query}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
}

function statRows(s: Store, table: string): number {
  const hasStat = sqliteOf(s).prepare("select 1 from sqlite_schema where name = 'sqlite_stat1'").get() !== undefined;
  if (!hasStat) return 0;
  return (sqliteOf(s).prepare('select count(*) as n from sqlite_stat1 where tbl = ?').get(table) as { n: number }).n;
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ck-stats-'));
  file = path.join(dir, 'certkeeper.db');
  store = await createStore({ sqlitePath: file });
  await store.organizations.insert({ id: 'o1', name: 'One', createdAt: T0 });
  await store.projects.insert({ id: 'p1', organizationId: 'o1', name: 'P1', createdAt: T0 });
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

// On SQLite only: sqlite_stat1 and SQLite's query plans; PostgreSQL's autovacuum keeps its own statistics.
describe('planner statistics', () => {
  it('finds nothing to do under 1,000 rows, then a table without statistics, and gathers them', async () => {
    const stats = new PlannerStatistics(sqliteOf(store));
    await fill(store, 900);
    expect(stats.staleness()).toEqual([]);
    await fill(store, 300);
    // A new instance: what a restarted server sees (the store's own may have refreshed already).
    sqliteOf(store).exec('drop table if exists sqlite_stat1');
    const fresh = new PlannerStatistics(sqliteOf(store));
    expect(fresh.staleness()).toEqual(expect.arrayContaining(['certificates: no statistics']));
    expect(fresh.refreshIfStale()).toContain('certificates: no statistics');
    expect(statRows(store, 'certificates')).toBeGreaterThan(0);
    expect(fresh.staleness()).toEqual([]);
    expect(planOf(store, FIRST_PAGE)).toMatch(/certificates_project_id_idx/);
    expect(planOf(store, FIRST_PAGE)).not.toMatch(/TEMP B-TREE/);
  });

  it('sees an index without statistics (a migration added it) and a table grown fourfold', async () => {
    await fill(store, 1200);
    sqliteOf(store).exec('ANALYZE');
    sqliteOf(store).exec('create index certificates_test_idx on certificates (serial_number)');
    const stats = new PlannerStatistics(sqliteOf(store));
    expect(stats.staleness()).toEqual(['certificates: no statistics for certificates_test_idx']);
    stats.refreshIfStale();
    expect(stats.staleness()).toEqual([]);
    await fill(store, 2500); // 3,700 rows: less than four times 1,200
    expect(stats.staleness()).toEqual([]);
    await fill(store, 1200); // 4,900
    expect(stats.staleness()).toEqual(expect.arrayContaining(['certificates: grown from 1200 to about 4900 rows']));
  });

  it('refreshes gradually, one index at a time, each through the exclusive call, the event loop free between them', async () => {
    await fill(store, 1200);
    sqliteOf(store).exec('drop table if exists sqlite_stat1');
    const stats = new PlannerStatistics(sqliteOf(store));
    const indexes = sqliteOf(store).prepare("select count(*) as n from sqlite_schema where type = 'index' and tbl_name = 'certificates'").get() as { n: number };
    // Each call queues a task; had the next call come in the same task, that task would not have run.
    let queued = 0;
    let ran = 0;
    const ranBefore: boolean[] = [];
    const reasons = await stats.refreshGradually(async (analyze) => {
      ranBefore.push(ran === queued);
      setImmediate(() => ran++);
      queued++;
      analyze();
    });
    expect(reasons).toContain('certificates: no statistics');
    expect(ranBefore.length).toBeGreaterThanOrEqual(indexes.n);
    expect(ranBefore.every(Boolean)).toBe(true);
    expect(statRows(store, 'certificates')).toBe(indexes.n);
    expect(stats.staleness()).toEqual([]);
    expect(planOf(store, FIRST_PAGE)).toMatch(/certificates_project_id_idx/);
  });

  it('does not analyze again a table it analyzed whose rows were deleted', async () => {
    await fill(store, 4000);
    const stats = new PlannerStatistics(sqliteOf(store));
    expect(stats.refreshIfStale().length).toBeGreaterThan(0);
    sqliteOf(store).exec('delete from certificates where id < 3900');
    sqliteOf(store).exec('ANALYZE');
    // 100 rows left below a rowid of 4,000: the rowid says 40 times more, but this process saw it already.
    expect(stats.staleness()).toEqual([]);
  });

  it('is kept by the store: gathered at start, and after a bulk write transaction', async () => {
    await store.close();
    store = await createStore({ sqlitePath: file });
    expect(statRows(store, 'certificates')).toBe(0);
    await fill(store, 1200, 1200);
    // The first write transaction after start has the statistics looked at a second later.
    expect(statRows(store, 'certificates')).toBe(0);
    await vi.waitFor(() => expect(statRows(store, 'certificates')).toBeGreaterThan(0), { timeout: 5000, interval: 100 });

    await store.close();
    const raw = await createStore({ sqlitePath: file });
    sqliteOf(raw).exec('drop table sqlite_stat1');
    await raw.close();
    store = await createStore({ sqlitePath: file });
    expect(statRows(store, 'certificates')).toBeGreaterThan(0);
    expect(planOf(store, FIRST_PAGE)).toMatch(/certificates_project_id_idx/);
  });

  it("waits while a sweep's chunks run, and gathers those of the tables it grew once it is done", async () => {
    await fill(store, 2500, 2500);
    await store.close();
    store = await createStore({ sqlitePath: file });
    // Every certificate 4 days from expiry: the sweep fires each, 1,200 a chunk.
    const now = new Date('2026-05-10T00:00:00.000Z');
    const during: number[] = [];
    const fired = await store.sweeps.fire('p1', defaultNotificationPolicy, now, 'run-1', 10, {
      candidates: 1200,
      between: async () => {
        // Once 1,200 rows fired, past the moment the first chunk's commit has the statistics looked at.
        if (during.length === 1) await new Promise((resolve) => setTimeout(resolve, 1500));
        during.push(statRows(store, 'notification_fired'));
      },
    });
    expect(fired.expiring).toBe(2500);
    expect(during.length).toBeGreaterThan(2);
    expect(during.every((n) => n === 0)).toBe(true);
    await vi.waitFor(() => expect(statRows(store, 'notification_fired')).toBeGreaterThan(0), { timeout: 5000, interval: 100 });
  });
});
