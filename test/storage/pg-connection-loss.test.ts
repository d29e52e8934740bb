/**
 * A PostgreSQL connection that the server ends while certkeeper holds it between two queries
 * (a transaction awaiting other work, as when PostgreSQL restarts or an administrator ends the
 * session) fails that transaction; it does not take the whole process down, and the store
 * answers again on a fresh connection.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/create-store.js';
import { createTestDatabase } from '../support/test-store.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

describe('PostgreSQL connection lost while in use', () => {
  it('fails the transaction that held it, and neither crashes the process nor the store', async () => {
    const db = await createTestDatabase('certkeeper_connloss');
    cleanup.push(() => db.drop());
    const store = await createStore({ databaseUrl: db.url, sqlitePath: ':memory:' });
    cleanup.push(() => store.close());
    // An 'error' emitted without a listener is thrown from the socket's data handler: uncaught.
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    cleanup.push(async () => void process.off('uncaughtException', onUncaught));

    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    cleanup.push(() => admin.end());
    const outcome = store.transaction(async (repos) => {
      await repos.organizations.insert({ id: 'o1', name: 'One', createdAt: new Date() });
      // Between two queries the connection is checked out with nothing in flight: end it then.
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state like 'idle in transaction%'");
      await new Promise((r) => setTimeout(r, 200));
      return repos.organizations.get('o1');
    });
    await expect(outcome).rejects.toThrow();
    expect(uncaught).toEqual([]);
    expect(await store.organizations.get('o1')).toBeUndefined();
    expect(await store.ping()).toBe(true);
  });
});
