import type { Kysely, RawBuilder } from 'kysely';
import type { TransactionOptions } from '../atomic.js';
import type { Database, Executor, SqlDialect } from '../database.js';

/**
 * What differs between the databases the store runs on, named by what it is for, as Kysely's own
 * dialect adapters do: the store and the repositories ask their adapter and never which database
 * it is. One implementation per dialect (SqliteAdapter, PostgresAdapter); the SQL an adapter
 * returns or runs is the same, byte for byte, for every caller.
 */
/** A row a sweep's chunk fired (notification_fired). */
export interface ChunkFiredRow {
  certificate_id: number;
  ssl_certificate_id: string;
  threshold: string;
  notify: number;
}

export interface SqlDialectAdapter {
  /** Which dialect this is: for the migrations (whose DDL is written per dialect) and log lines only. */
  readonly name: SqlDialect;

  /**
   * Runs fn in one new transaction: all its writes land, or none. `scan` says fn reads a large
   * range, which a dialect may read differently for this transaction only.
   */
  transaction<T>(db: Kysely<Database>, fn: (tx: Executor) => Promise<T>, options?: TransactionOptions): Promise<T>;

  /**
   * Runs fn, whose transactions are opened with `scan` and together read a large range (a
   * sweep's chunks): a dialect that reads scans differently sets that up once, around all of
   * them (sessions may overlap: the first to begin sets it up, the last to end undoes it).
   */
  scan<T>(db: Kysely<Database>, fn: () => Promise<T>): Promise<T>;

  /** Whether scan sessions, or what follows their end, are under way: the store's own upkeep waits. */
  readonly scanning: boolean;

  /** How long a sweep's chunk aims to take, ms (its size adapts to it as the sweep goes). */
  readonly sweepChunkMs: number;

  /**
   * Inside a transaction: serializes imports into the project until the transaction ends, so a
   * fingerprint checked for duplicates cannot be inserted by a concurrent import meanwhile.
   */
  lockForImport(db: Executor, projectId: string): Promise<void>;

  /**
   * true: a certificate list page and its exact total are read in one statement, planned from
   * real statistics. false: the total is counted first, and the page's plan chosen from the
   * counts (a plan the database's planner cannot see).
   */
  readonly readsPageWithTotal: boolean;

  /**
   * true: list pages LEFT JOIN the managed state onto their rows. false: it is read in a second
   * statement, for the page's ACME rows only.
   */
  readonly joinsManagedIntoPages: boolean;

  /** The SQL type name of a double-precision float, for casts. */
  readonly doubleType: string;

  /**
   * A JOIN clause from a sweep chunk's certificates `c` to the rows the chunk has just fired
   * (`rows`, as its insert returned them, all of run `runId`), as `f` (certificate_id,
   * ssl_certificate_id, threshold, notify).
   */
  joinChunkFired(rows: readonly ChunkFiredRow[], runId: string): RawBuilder<unknown>;

  /** The ISO 8601 UTC text (`2026-01-02T03:04:05.678Z`) of an epoch-milliseconds expression. */
  isoUtc(epochMs: RawBuilder<unknown>): RawBuilder<string>;

  /** A JSON object, as text, from its arguments (`'key', value, 'key', value`…). */
  jsonObjectText(keysAndValues: RawBuilder<unknown>): RawBuilder<string>;

  /** The JSON value `true` as an argument of jsonObjectText (a SQL true is 1 in SQLite's JSON). */
  readonly jsonTrue: RawBuilder<unknown>;

  /**
   * Present where events may commit out of id order (two transactions inserting at once): the
   * id of the oldest transaction still running, or of the next one when none runs. Every event
   * whose tx_id is lower is committed (or rolled back) and visible to the statements that follow,
   * so a notification dispatch orders events by (tx_id, id) and reads only those below it.
   * Absent where writers commit one at a time: event ids commit in order, and tx_id is 0.
   */
  dispatchHorizon?(db: Executor): Promise<number>;
}
