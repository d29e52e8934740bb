import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { Store } from '../../src/ports/store.js';
import { createStore } from '../../src/storage/create-store.js';
import './postgres.js';

export type Dialect = 'sqlite' | 'postgres';
export const dialects: readonly Dialect[] = ['sqlite', 'postgres'];

/** The URL of database `name` in the cluster at adminUrl. */
function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh, empty, migrated store: SQLite in memory, or a new PostgreSQL database with a random
 * name in the run's cluster (dropped again by close()).
 */
export async function createTestStore(dialect: Dialect, adminUrl?: string): Promise<Store> {
  if (dialect === 'sqlite') return createStore({ sqlitePath: ':memory:' });
  const admin = adminUrl ?? inject('postgresUrl');
  const name = `certkeeper_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const store = await createStore({ databaseUrl: databaseUrl(admin, name), sqlitePath: ':memory:' });
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    const dropper = new pg.Client({ connectionString: admin });
    await dropper.connect();
    try {
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await dropper.end();
    }
  };
  return store;
}
