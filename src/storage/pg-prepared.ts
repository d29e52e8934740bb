import { createHash } from 'node:crypto';
import type pg from 'pg';

/** How many uses of one SQL text before it becomes a named (server-side prepared) statement. */
const USES_BEFORE_NAMING = 3;
/** At most this many texts are tracked, and this many named: each connection keeps them until it closes. */
const MAX_TRACKED = 2000;
const MAX_NAMED = 300;

const patched = Symbol('certkeeper.preparedQuery');

/**
 * Makes the SQL texts the application runs again and again named statements on PostgreSQL:
 * each connection parses and plans them once instead of on every call. Measured on 1M
 * certificates, a GET by id's query went from 305 to 127 µs per round trip. Kysely sends every
 * value as a parameter, so the hot queries (point reads, list pages, counts) repeat the same
 * text; a text carrying literals (the sweep's computed thresholds) never repeats and stays
 * unnamed. Only a text's third use names it, and the number of names is capped, so a
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
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    const query = (config: unknown, values?: unknown): Promise<pg.QueryResult> =>
      new Promise((resolve, reject) => {
        original(config, values, (err: Error | null, result: pg.QueryResult) => (err ? reject(err) : resolve(result)));
      });
    (client as unknown as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
      if (typeof config !== 'string' || !Array.isArray(values) || callback !== undefined) return original(config, values, callback);
      const name = nameFor(config);
      if (name === undefined) return query(config, values);
      return query({ name, text: config, values }).catch((err: { code?: string; message?: string }) => {
        if (err?.code !== '0A000' || !/cached plan must not change result type/.test(err.message ?? '')) throw err;
        generation++;
        return query({ name: `ck${generation}_${names.get(config)}`, text: config, values });
      });
    };
  });
}
