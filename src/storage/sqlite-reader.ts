import BetterSqlite3 from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import { sentinelPositions } from './precompiled-query.js';

/**
 * A second, read-only SQLite connection for the hottest point reads (GET by id). In WAL mode it
 * reads the last committed state while the writer connection works, so a read never waits for a
 * write transaction and never sees one half-done. Statements run synchronously, without
 * Kysely's connection mutex: Kysely builds the SQL once (`prepare`), the reader binds values.
 *
 * The connection opens on the first read, not before: while it is open the writer cannot
 * change the journal mode (a bulk load into an empty database switches WAL off for a while).
 */
export class SqliteReader {
  private conn?: BetterSqlite3.Database;

  constructor(private readonly file: string) {}

  private connection(): BetterSqlite3.Database {
    if (!this.conn) {
      this.conn = new BetterSqlite3(this.file, { readonly: true, fileMustExist: true });
      this.conn.pragma('busy_timeout = 5000');
    }
    return this.conn;
  }

  /**
   * Prepares a query that Kysely compiled once with sentinel values standing for the
   * arguments; returns a function binding real arguments in their places.
   */
  prepare<A extends unknown[], R>(compiled: CompiledQuery, sentinels: A): (...args: A) => R | undefined {
    return this.prepareStatement(compiled, sentinels, false);
  }

  /** As `prepare`, but the row comes back as an array of column values, in select order (cheaper than an object). */
  prepareRaw<A extends unknown[]>(compiled: CompiledQuery, sentinels: A): (...args: A) => unknown[] | undefined {
    return this.prepareStatement(compiled, sentinels, true);
  }

  private prepareStatement<A extends unknown[], R>(compiled: CompiledQuery, sentinels: A, raw: boolean): (...args: A) => R | undefined {
    let stmt: BetterSqlite3.Statement | undefined;
    const argIndex = sentinelPositions(compiled, sentinels);
    const constants = compiled.parameters;
    const values: unknown[] = new Array(argIndex.length);
    return (...args: A) => {
      stmt ??= raw ? this.connection().prepare(compiled.sql).raw(true) : this.connection().prepare(compiled.sql);
      for (let k = 0; k < argIndex.length; k++) values[k] = argIndex[k] >= 0 ? args[argIndex[k]] : constants[k];
      return stmt.get(values) as R | undefined;
    };
  }

  close(): void {
    this.conn?.close();
    this.conn = undefined;
  }
}
