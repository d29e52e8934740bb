import BetterSqlite3 from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';

/**
 * A second, read-only SQLite connection for the hottest point reads (GET by id). In WAL mode it
 * reads the last committed state while the writer connection works, so a read never waits for a
 * write transaction and never sees one half-done. Statements run synchronously, without
 * Kysely's connection mutex: Kysely builds the SQL once (`prepare`), the reader binds values.
 */
export class SqliteReader {
  private readonly conn: BetterSqlite3.Database;

  constructor(file: string) {
    this.conn = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    this.conn.pragma('busy_timeout = 5000');
  }

  /**
   * Prepares a query that Kysely compiled once with sentinel values standing for the
   * arguments; returns a function binding real arguments in their places.
   */
  prepare<A extends unknown[], R>(compiled: CompiledQuery, sentinels: A): (...args: A) => R | undefined {
    const stmt = this.conn.prepare(compiled.sql);
    // For each bound parameter: the index of the argument it stands for, or -1 for a constant.
    const argIndex = compiled.parameters.map((p) => sentinels.indexOf(p));
    const constants = compiled.parameters;
    return (...args: A) => stmt.get(argIndex.map((i, k) => (i >= 0 ? args[i] : constants[k]))) as R | undefined;
  }

  close(): void {
    this.conn.close();
  }
}
