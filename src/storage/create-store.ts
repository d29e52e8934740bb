import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { withStatementCache } from './statement-cache.js';
import { SqliteReader } from './sqlite-reader.js';
import { prepareSqliteFile } from './sqlite-file-modes.js';
import { WalCheckpointer } from './wal-checkpointer.js';
import { prepareRepeatedQueries } from './pg-prepared.js';
import { PlannerStatistics } from './planner-statistics.js';
import pg from 'pg';
import { AppError } from '../domain/app-error.js';
import type { Store } from '../ports/store.js';
import type { Database } from './database.js';
import { KyselyStore, storeInternals } from './kysely-store.js';
import { PostgresAdapter } from './dialect/postgres-adapter.js';
import { SqliteAdapter } from './dialect/sqlite-adapter.js';
import { migrationProvider } from './migrations/index.js';

/** The few logger methods the store uses (a pino logger fits). */
export interface StoreLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface CreateStoreOptions {
  /** A postgres:// or postgresql:// URL selects PostgreSQL; otherwise SQLite at sqlitePath. */
  databaseUrl?: string;
  /** SQLite database file (created with mode 0600, its directory with 0700; see prepareSqliteFile), or ':memory:'. */
  sqlitePath: string;
  logger?: StoreLogger;
}

const INT8_OID = 20;

/**
 * Opens the database, brings its schema to the latest migration and returns the Store.
 * PostgreSQL: a pg Pool whose BIGINT (int8) values are parsed to numbers: epoch milliseconds
 * and counts stay far below 2^53. SQLite: WAL, synchronous=NORMAL, busy_timeout=5000,
 * foreign_keys=ON.
 */
export async function createStore(options: CreateStoreOptions): Promise<Store> {
  const url = options.databaseUrl?.trim();
  let store: KyselyStore;
  if (url && /^postgres(ql)?:\/\//i.test(url)) {
    const types = {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID && format !== 'binary' ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    };
    // Idle connections are kept a minute (pg's default is 10 s): after a quiet spell, a burst of
    // requests waited for new connections to be opened, and for each one's statements to be
    // prepared again (30–60 ms at a request's p99 on a 2-core machine).
    const pool = new pg.Pool({ connectionString: url, types, max: 10, idleTimeoutMillis: 60_000 });
    pool.on('error', (err) => options.logger?.warn({ err: err.message }, 'idle PostgreSQL connection failed'));
    // The pool listens for errors only on idle connections: one ended by the server while
    // checked out between two queries (a transaction awaiting other work when PostgreSQL
    // restarts) would emit 'error' unheard and crash the process. Its next query fails, and the
    // pool discards it when released, so there is nothing more to do here.
    pool.on('connect', (client) => client.on('error', () => undefined));
    prepareRepeatedQueries(pool);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    store = new KyselyStore(db, new PostgresAdapter(), { pool });
  } else if (url) {
    throw new AppError('config_invalid', 'the database URL must start with postgres:// or postgresql://');
  } else {
    const file = options.sqlitePath;
    // Created 0600 in a 0700 directory before the driver opens it (the driver would leave it to the umask).
    if (file !== ':memory:' && file !== '') prepareSqliteFile(file, options.logger);
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    store = new KyselyStore(db, new SqliteAdapter(), { sqlite });
    const inMemory = file === ':memory:' || file === '';
    try {
      await migrate(store, options.logger);
    } catch (err) {
      await store.close().catch(() => undefined);
      throw err;
    }
    // Statistics first gathered, or refreshed, before serving: an inventory filled through the
    // API has none, and an index a migration added has none either (see PlannerStatistics).
    const planner = new PlannerStatistics(sqlite, options.logger);
    planner.refreshIfStale();
    if (inMemory) return new KyselyStore(db, new SqliteAdapter(), { sqlite, planner });
    // A file database gets a read-only second connection for point reads (an in-memory one
    // cannot: a second connection would open another, empty database) and a worker thread that
    // checkpoints after big scan transactions; the WAL file is cut back to 64 MB once checkpointed
    // (a sweep over 1M certificates grows it to ~80 MB).
    sqlite.pragma('journal_size_limit = 67108864');
    const checkpointer = new WalCheckpointer(path.resolve(file), options.logger);
    return new KyselyStore(db, new SqliteAdapter(checkpointer), { sqlite, checkpointer, planner }, new SqliteReader(path.resolve(file)));
  }
  try {
    await migrate(store, options.logger);
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}

async function migrate(store: KyselyStore, logger: StoreLogger | undefined): Promise<void> {
  const { db, adapter } = storeInternals(store);
  const dialect = adapter.name;
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  for (const r of results ?? []) {
    if (r.status === 'Success') logger?.info({ migration: r.migrationName, dialect }, 'applied database migration');
    if (r.status === 'Error') logger?.warn({ migration: r.migrationName, dialect }, 'database migration failed');
  }
  if (error) throw new AppError('internal_error', `database migration failed: ${(error as Error).message ?? String(error)}`, { cause: error });
}
