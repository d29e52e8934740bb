import { createHash } from 'node:crypto';
import type { CompiledQuery } from 'kysely';
import type pg from 'pg';

/** How many uses of one SQL text before it becomes a named (server-side prepared) statement. */
const USES_BEFORE_NAMING = 3;
/** At most this many texts are tracked, and this many named: each connection keeps them until it closes. */
const MAX_TRACKED = 2000;
const MAX_NAMED = 300;

const patched = Symbol('certkeeper.preparedQuery');

/**
 * A statement text starting with this comment is never named: one that repeats for a while and
 * then never again (a sweep's chunk statements carry that sweep's time as literals), whose
 * names would fill MAX_NAMED with dead statements, one set per sweep, and whose plan depends on
 * each call's bounds (a named statement may switch to a generic plan after five calls).
 */
export const UNNAMED = '/* unnamed */ ';

/**
 * Makes the SQL texts the application runs again and again named statements on PostgreSQL:
 * each connection parses and plans them once instead of on every call. Measured on 1M
 * certificates, a GET by id's query went from 305 to 127 µs per round trip. Kysely sends every
 * value as a parameter, so the hot queries (point reads, list pages, counts) repeat the same
 * text; a text carrying literals (the sweep's computed thresholds) never repeats and stays
 * unnamed (and the sweep's chunk statements are marked UNNAMED). Only a text's third use names it, and the number of names is capped, so a
 * connection's prepared statements stay few.
 *
 * A named statement whose result columns another server's migration changed fails with
 * "cached plan must not change result type": the names move to a new generation and the
 * query is sent once more.
 *
 * Every text query goes through pg's callback form, resolved by a promise of our own. pg's
 * own promise form (what Kysely calls) leaves V8's scavenger copying about 40% of each
 * result to the old generation: measured on 100-row pages, 400 of 977 MB allocated survived
 * a scavenge against 7 of 1016 MB through the callback form, and the list's p99 on 1M rows
 * was made of those 2-4 ms scavenges.
 */
export function prepareRepeatedQueries(pool: pg.Pool): void {
  const uses = new Map<string, number>();
  const names = new Map<string, string>();
  let generation = 0;

  const nameFor = (text: string): string | undefined => {
    if (text.startsWith(UNNAMED)) return undefined;
    const known = names.get(text);
    if (known !== undefined) return `ck${generation}_${known}`;
    const count = (uses.get(text) ?? 0) + 1;
    if (count < USES_BEFORE_NAMING) {
      if (uses.size < MAX_TRACKED || uses.has(text)) uses.set(text, count);
      return undefined;
    }
    if (names.size >= MAX_NAMED) return undefined;
    uses.delete(text);
    const hash = createHash('sha1').update(text).digest('hex').slice(0, 20);
    names.set(text, hash);
    return `ck${generation}_${hash}`;
  };

  pool.on('connect', (client) => {
    const target = client as pg.PoolClient & { [patched]?: true };
    if (target[patched]) return;
    target[patched] = true;
    const original = client.query.bind(client) as (config: unknown, values: unknown, callback: QueryCallback) => void;
    const run = (text: string, values: unknown, rowMode: 'array' | undefined, done: QueryCallback): void => {
      const name = nameFor(text);
      if (name === undefined) return original({ text, values, rowMode }, undefined, done);
      original({ name, text, values, rowMode }, undefined, (err, result) => {
        if (!err || (err as { code?: string }).code !== '0A000' || !/cached plan must not change result type/.test(err.message ?? '')) return done(err, result);
        generation++;
        original({ name: `ck${generation}_${names.get(text)}`, text, values, rowMode }, undefined, done);
      });
    };
    (client as unknown as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
      // Kysely's form, (text, values), or a tuple read's { text, values, rowMode: 'array' } (tupleReader), the latter with or without a callback.
      if (isTupleQuery(config) && (values === undefined || typeof values === 'function') && callback === undefined) {
        if (typeof values === 'function') return run(config.text, config.values, 'array', values as QueryCallback);
        return new Promise((resolve, reject) => run(config.text, config.values, 'array', (err, result) => (err ? reject(err) : resolve(result))));
      }
      if (callback !== undefined || typeof config !== 'string' || !Array.isArray(values)) return (original as (...a: unknown[]) => unknown)(config, values, callback);
      return new Promise((resolve, reject) => run(config, values, undefined, (err, result) => (err ? reject(err) : resolve(result))));
    };
  });
}

type QueryCallback = (err: Error | null, result: pg.QueryResult) => void;

interface TupleQuery {
  text: string;
  values: unknown[];
  rowMode: 'array';
}

function isTupleQuery(config: unknown): config is TupleQuery {
  const c = config as Partial<TupleQuery> | null;
  return typeof c === 'object' && c !== null && c.rowMode === 'array' && typeof c.text === 'string' && Array.isArray(c.values) && !('name' in c);
}

/** Reads a compiled query's rows as arrays of column values, in select order. */
export type TupleReader = (compiled: Pick<CompiledQuery, 'sql' | 'parameters'>) => Promise<unknown[][]>;

/**
 * A TupleReader over the pool (outside any transaction), through the same named statements.
 * pg builds an object per row by copying a template with every column name as a key and
 * setting each value through a megamorphic keyed store; for a page of 100 certificates of 38
 * columns that and reading the objects back were about a sixth of the list's CPU.
 */
export function tupleReader(pool: pg.Pool): TupleReader {
  // Callbacks inside, one promise out: a GET by id on PostgreSQL went through eight promises.
  return (compiled) =>
    new Promise((resolve, reject) => {
      pool.connect((err, client, release) => {
        if (err || !client) return reject(err ?? new Error('no PostgreSQL connection'));
        const query: TupleQuery = { text: compiled.sql, values: [...compiled.parameters], rowMode: 'array' };
        (client.query as unknown as (q: TupleQuery, done: QueryCallback) => void)(query, (queryErr, result) => {
          release();
          if (queryErr) reject(queryErr);
          else resolve(result.rows as unknown[][]);
        });
      });
    });
}
