import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { TransactionOptions } from '../atomic.js';
import type { Database, Executor } from '../database.js';
import type { ChunkFiredRow, SqlDialectAdapter } from './sql-dialect-adapter.js';

/**
 * PostgreSQL (a pg pool): concurrent transactions, so event ids may commit out of order; the
 * planner has real statistics.
 */
export class PostgresAdapter implements SqlDialectAdapter {
  readonly name = 'postgres' as const;
  readonly readsPageWithTotal = true;
  readonly joinsManagedIntoPages = true;
  readonly doubleType = 'double precision';

  transaction<T>(db: Kysely<Database>, fn: (tx: Executor) => Promise<T>, _options?: TransactionOptions): Promise<T> {
    return db.transaction().execute((tx) => fn(tx));
  }

  scan<T>(_db: Kysely<Database>, fn: () => Promise<T>): Promise<T> {
    // The planner reads a range as it sees fit.
    return fn();
  }

  readonly scanning = false;

  /**
   * The event loop only waits for the server's answers, so a chunk may be longer than on
   * SQLite: measured on 1M certificates, chunks aiming at 3 ms made the steady-state sweep 3x
   * slower (round trips and planning per chunk). But each chunk's rows are read on the event
   * loop (and its fired rows sent back): chunks of 50 ms, thousands of rows, held it for 15 ms
   * and more at a time, and took a whole core of the database server away from the requests
   * for as long; 10 ms brought the p99 of the requests during a first sweep from 26–36 ms to
   * 9–13 ms on a 2-core machine, for a steady-state sweep of 1.2 s instead of 0.7 s.
   */
  readonly sweepChunkMs = 10;

  async lockForImport(db: Executor, projectId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext(${`certkeeper:import:${projectId}`}))`.execute(db);
  }

  joinChunkFired(rows: readonly ChunkFiredRow[]): RawBuilder<unknown> {
    // The rows themselves, not the fired table: its statistics lag behind a sweep (empty before
    // a first one), and the planner then read all of the run's fired rows so far for every
    // chunk (a first sweep over 1M certificates in chunks: 117 s).
    const column = <K extends keyof ChunkFiredRow>(k: K) => rows.map((r) => r[k]);
    return sql`join unnest(${column('certificate_id')}::bigint[], ${column('ssl_certificate_id')}::text[], ${column('threshold')}::text[], ${column('notify')}::int[])
      as f(certificate_id, ssl_certificate_id, threshold, notify) on f.certificate_id = c.id and f.ssl_certificate_id = c.ssl_certificate_id`;
  }

  isoUtc(epochMs: RawBuilder<unknown>): RawBuilder<string> {
    return sql<string>`to_char(to_timestamp(${epochMs} / 1000.0) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  }

  jsonObjectText(keysAndValues: RawBuilder<unknown>): RawBuilder<string> {
    return sql<string>`json_build_object(${keysAndValues})::text`;
  }

  readonly jsonTrue = sql`true`;

  /**
   * The oldest transaction of this database still running (its id, as events.tx_id stores it),
   * or the next transaction id when none runs. Taken from the snapshot's in-progress list,
   * leaving out the transactions that pg_stat_activity places in other databases of the cluster,
   * so that a long transaction there (a CREATE DATABASE, a report) does not hold notifications
   * back. A transaction it cannot place counts, which can only delay a dispatch, never skip an
   * event.
   */
  async dispatchHorizon(db: Executor): Promise<number> {
    const result = await sql<{ horizon: string }>`
      with s as (select pg_current_snapshot() as snap)
      select coalesce(
        (select min(xip.x::text::bigint) from s, pg_snapshot_xip(s.snap) as xip(x)
          where not exists (
            select 1 from pg_stat_activity a
            where a.datname <> current_database() and a.backend_xid is not null
              and a.backend_xid::text::bigint = xip.x::text::bigint % 4294967296)),
        (select pg_snapshot_xmax(s.snap)::text::bigint from s)
      )::text as horizon`.execute(db);
    return Number(result.rows[0].horizon);
  }
}
