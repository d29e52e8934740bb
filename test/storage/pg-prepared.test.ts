/**
 * PostgreSQL named prepared statements (src/storage/pg-prepared.ts): a text becomes a named
 * statement on its third use, and a named statement whose result columns another server's
 * migration changed is sent again under a new name instead of failing.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/create-store.js';
import { CompiledQuery } from 'kysely';
import { UNNAMED, prepareRepeatedQueries, tupleReader } from '../../src/storage/pg-prepared.js';
import type { Store } from '../../src/ports/store.js';
import { createTestDatabase, type TestDatabase } from '../support/test-store.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function open(): Promise<{ store: Store; db: TestDatabase }> {
  const db = await createTestDatabase('certkeeper_prepared');
  cleanup.push(() => db.drop());
  const store = await createStore({ databaseUrl: db.url, sqlitePath: ':memory:' });
  cleanup.push(() => store.close());
  return { store, db };
}

describe('PostgreSQL prepared statements', () => {
  it('names a text on its third use, never a text used once', async () => {
    const { db } = await open();
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    prepareRepeatedQueries(pool);
    const client = await pool.connect();
    try {
      const names = async () => (await client.query<{ name: string }>('select name from pg_prepared_statements')).rows.map((r) => r.name);
      const text = 'select count(*) as n from organizations where id <> $1';
      for (let i = 0; i < 2; i++) await client.query(text, ['x']);
      expect(await names()).toEqual([]);
      await client.query(text, ['x']);
      await client.query(text, ['y']);
      expect(await names()).toEqual([expect.stringMatching(/^ck0_[0-9a-f]{20}$/)]);
      await client.query('select 1 as once', []);
      expect(await names()).toHaveLength(1);
    } finally {
      client.release();
      await pool.end();
    }
  });

  it("never names a text marked UNNAMED, however often it runs (a sweep's chunk statements)", async () => {
    const { db } = await open();
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    prepareRepeatedQueries(pool);
    const client = await pool.connect();
    try {
      const text = `${UNNAMED}select count(*) as n from organizations where id <> $1`;
      for (let i = 0; i < 6; i++) expect((await client.query(text, [`x${i}`])).rows).toEqual([{ n: '0' }]);
      expect((await client.query('select name from pg_prepared_statements')).rows).toEqual([]);
    } finally {
      client.release();
      await pool.end();
    }
  });

  it('reads rows as arrays in select order, through the same named statements', async () => {
    const { db } = await open();
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    prepareRepeatedQueries(pool);
    try {
      const read = tupleReader(pool);
      const text = 'select $1::text as b, 2 as a, null as c where $2::int > 0';
      for (let i = 0; i < 3; i++) expect(await read(CompiledQuery.raw(text, [`x${i}`, 1]))).toEqual([[`x${i}`, 2, null]]);
      expect(await read(CompiledQuery.raw(text, ['y', 0]))).toEqual([]);
      const names = (await pool.query<{ name: string; statement: string }>('select name, statement from pg_prepared_statements')).rows;
      expect(names).toEqual([{ name: expect.stringMatching(/^ck0_[0-9a-f]{20}$/), statement: text }]);
    } finally {
      await pool.end();
    }
  });

  it('sends a named statement again under a new name when a migration changed its result columns', async () => {
    const { store, db } = await open();
    await store.organizations.insert({ id: 'o1', name: 'One', createdAt: new Date() });
    for (let i = 0; i < 4; i++) expect((await store.organizations.get('o1'))?.name).toBe('One');
    // Another server adds a column: `select *` now returns another row type.
    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    await other.query('alter table organizations add column note text');
    await other.end();
    for (let i = 0; i < 3; i++) expect((await store.organizations.get('o1'))?.name).toBe('One');
  });
});
