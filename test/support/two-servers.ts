import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { createHttpApp, createServices } from '../../src/main.js';
import type { Store } from '../../src/ports/store.js';
import { createStore } from '../../src/storage/create-store.js';
import { cheapHasher, createTestApp } from './test-app.js';
import { createTestDatabase, type Dialect } from './test-store.js';
import type { FakeClock } from './fake-clock.js';

/**
 * Two servers on one database: the test app, and a second application over its own store (its
 * own connection, as another process would have) on the same SQLite file or PostgreSQL database.
 */
export async function twoServers(dialect: Dialect, env: Record<string, string> = {}, options: { clock?: FakeClock } = {}) {
  const db = dialect === 'postgres' ? await createTestDatabase() : undefined;
  const open = (dataDir?: string): Promise<Store> =>
    createStore(db ? { databaseUrl: db.url, sqlitePath: ':memory:' } : { sqlitePath: path.join(dataDir!, 'certkeeper.db') });
  const t = await createTestApp({ ...(db ? { store: await open() } : {}), env, ...(options.clock ? { clock: options.clock } : {}) });
  const config = loadConfig({ CERTKEEPER_DATA_DIR: t.dataDir, CERTKEEPER_MASTER_KEY: randomBytes(32).toString('base64'), CERTKEEPER_LOG_LEVEL: 'silent', ...env });
  const services = await createServices(config, { clock: t.clock, store: await open(t.dataDir), passwordHasher: cheapHasher() });
  const app2 = await createHttpApp(services);
  await app2.ready();
  return {
    t,
    app2,
    close: async () => {
      await app2.close();
      await services.close();
      await t.close();
      await db?.drop();
    },
  };
}

