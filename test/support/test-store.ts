import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { Store } from '../../src/ports/store.js';
import { createStore } from '../../src/storage/create-store.js';
import './postgres.js';

export type Dialect = 'sqlite' | 'postgres';
export const dialects: readonly Dialect[] = ['sqlite', 'postgres'];

/** A fresh, empty database in the run's PostgreSQL cluster: its URL, and drop() to remove it (connections closed by force). */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(prefix = 'certkeeper_test', adminUrl: string = inject('postgresUrl'), options: { template?: string } = {}): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ''}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

/**
 * The database of a server process (support/server-process.ts) on dialect: for SQLite no
 * setting (the server opens certkeeper.db in its CERTKEEPER_DATA_DIR), for PostgreSQL the
 * DATABASE_URL of a fresh database in the run's cluster, which drop() removes. Servers given
 * the same env share the database.
 */
export async function createServerDatabase(dialect: Dialect): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (dialect === 'sqlite') return { env: {}, drop: async () => undefined };
  const db = await createTestDatabase('certkeeper_server');
  return { env: { DATABASE_URL: db.url }, drop: db.drop };
}

async function withAdmin(adminUrl: string, fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty, migrated store: SQLite in memory, or a new PostgreSQL database with a random
 * name (dropped again by close()): in the run's cluster a copy of its migrated template
 * (cheaper than migrating), in another cluster migrated by the store.
 */
export async function createTestStore(dialect: Dialect, adminUrl?: string): Promise<Store> {
  if (dialect === 'sqlite') return createStore({ sqlitePath: ':memory:' });
  const db = adminUrl ? await createTestDatabase('certkeeper_test', adminUrl) : await createTestDatabase('certkeeper_test', inject('postgresUrl'), { template: inject('postgresTemplate') });
  const store = await createStore({ databaseUrl: db.url, sqlitePath: ':memory:' });
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await db.drop();
  };
  return store;
}

/**
 * A database that outlives the stores opened on it, for tests across a restart: open() gives a
 * new store on the same data each time, SQLite in `dir`/certkeeper.db or a fresh database in
 * the run's cluster; drop() removes the PostgreSQL one (the caller removes `dir`).
 */
export async function createReopenableDatabase(dialect: Dialect, dir: string): Promise<{ open(): Promise<Store>; drop(): Promise<void> }> {
  if (dialect === 'sqlite') return { open: () => createStore({ sqlitePath: path.join(dir, 'certkeeper.db') }), drop: async () => undefined };
  const db = await createTestDatabase('certkeeper_reopen');
  return { open: () => createStore({ databaseUrl: db.url, sqlitePath: ':memory:' }), drop: db.drop };
}
