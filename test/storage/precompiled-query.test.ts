/** Queries compiled once with sentinels for their arguments (src/storage/precompiled-query.ts). */
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CompiledShapes, precompile, sentinelPositions } from '../../src/storage/precompiled-query.js';

interface Db {
  t: { id: number; owner: string; kind: string };
}

const db = new Kysely<Db>({
  dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (k) => new PostgresIntrospector(k), createQueryCompiler: () => new PostgresQueryCompiler() },
});

const query = (id: number, owner: string) =>
  db.selectFrom('t').selectAll().where('id', '=', id).where((eb) => eb.or([eb('owner', '=', owner), eb('kind', '=', 'shared')])).where('owner', '<>', owner);

describe('precompile', () => {
  it('binds each argument wherever its sentinel stood and keeps the constants', () => {
    const bind = precompile(query(-1, '\u0000owner').compile(), [-1, '\u0000owner']);
    const bound = bind(42, 'alice');
    expect(bound.sql).toBe(query(42, 'alice').compile().sql);
    expect(bound.parameters).toEqual([42, 'alice', 'shared', 'alice']);
    expect(bind(7, 'bob').parameters).toEqual(query(7, 'bob').compile().parameters);
  });

  it('refuses a sentinel that is not among the parameters (a literal in the SQL would never be bound)', () => {
    const literal = db.selectFrom('t').selectAll().where('id', '=', sql.lit(5)).where('owner', '=', 'x').compile();
    expect(() => sentinelPositions(literal, [5, 'x'])).toThrow(/sentinel 0 does not appear/);
  });
});

describe('CompiledShapes', () => {
  it('builds once per key and binds each call\'s values where the sentinels stood', () => {
    const shapes = new CompiledShapes();
    let builds = 0;
    const get = (key: string, id: number, owner: string) =>
      shapes.get(key, [id, owner], () => {
        builds++;
        return { compiled: query(-1, '\u0000owner').compile(), sentinels: [-1, '\u0000owner'] };
      });
    expect(get('k', 42, 'alice').parameters).toEqual(query(42, 'alice').compile().parameters);
    const bob = get('k', 7, 'bob');
    expect(bob.sql).toBe(query(7, 'bob').compile().sql);
    expect(bob.parameters).toEqual([7, 'bob', 'shared', 'bob']);
    expect(builds).toBe(1);
    get('other', 1, 'x');
    expect(builds).toBe(2);
  });

  it('keeps a parameter that is no sentinel as a constant of the shape', () => {
    const shapes = new CompiledShapes();
    const bound = shapes.get('k', [9, 'unused'], () => ({ compiled: query(-1, 'carol').compile(), sentinels: [-1, '\u0000unused'] }));
    expect(bound.parameters).toEqual([9, 'carol', 'shared', 'carol']);
  });
});
