import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running a lookup
 * by primary key. Kysely compiles the same SQL text for the same query shape, so prepared
 * statements are kept by SQL text (a bounded map, cleared when full).
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, max = 1000): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare(sqlText: string): SqliteStatement {
      let stmt = statements.get(sqlText);
      if (!stmt) {
        if (statements.size >= max) statements.clear();
        stmt = sqlite.prepare(sqlText) as unknown as SqliteStatement;
        statements.set(sqlText, stmt);
      }
      return stmt;
    },
  };
}
