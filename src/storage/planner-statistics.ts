import type BetterSqlite3 from 'better-sqlite3';

export interface PlannerStatisticsLogger {
  info(obj: Record<string, unknown>, msg: string): void;
}

/** Below this many rows a table's plans do not depend on statistics worth gathering. */
const MIN_ROWS = 1000;
/** A table grown this many times over since its statistics were gathered gets them again. */
const GROWTH = 4;

interface TableState {
  /** Rows when the statistics were gathered (sqlite_stat1), or undefined when it has none. */
  analyzedRows?: number;
  /** Indexes without a row in sqlite_stat1 (created after the last ANALYZE, e.g. by a migration). */
  indexesWithout: string[];
}

/**
 * Keeps SQLite's planner statistics (sqlite_stat1) in step with the data. Without them the
 * planner takes `project_id = ?` for selective: measured on 1M certificates, the first list
 * page then walked the sweep's covering index and sorted every row (70 ms) instead of reading
 * 100 entries of (project_id, id) in order (0.2 ms). An inventory filled through the API or
 * the CLI never had statistics, and an index added by a migration had none either.
 *
 * `staleness` is cheap (one `max(rowid)` per table, a B-tree descent): a table of at least
 * 1,000 rows needs ANALYZE when it has no statistics, when one of its indexes has none, or
 * when it has grown fourfold since. Growth is measured by rowid, an upper bound on the rows;
 * after ANALYZE the rowid seen is remembered, so a table with many deleted rows is not analyzed
 * again and again. Fourfold growth makes the ANALYZEs of a table filled from empty a geometric
 * series: about 1.3 times the cost of the last one (1.1 s for the certificates table at 1M rows).
 */
export class PlannerStatistics {
  /** max(rowid) per table when this process last analyzed it. */
  private readonly rowidAtAnalyze = new Map<string, number>();

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly logger?: PlannerStatisticsLogger,
  ) {}

  /** Why ANALYZE is due, one reason per table; empty when the statistics are fine. */
  staleness(): string[] {
    return [...this.staleTables().values()];
  }

  /** Runs ANALYZE on the tables `staleness` finds a reason for; returns the reasons (empty: nothing done). */
  refreshIfStale(): string[] {
    const stale = this.staleTables();
    if (stale.size === 0) return [];
    const started = performance.now();
    // Table by table: the whole database at 1M certificates takes 3.5 s, its events table alone 0.1 s.
    for (const table of stale.keys()) {
      this.sqlite.exec(`ANALYZE ${quoteIdentifier(table)}`);
      this.rowidAtAnalyze.set(table, this.maxRowid(table));
    }
    const reasons = [...stale.values()];
    this.logger?.info({ reasons, ms: Math.round(performance.now() - started) }, 'refreshed the SQLite planner statistics');
    return reasons;
  }

  /**
   * As `refreshIfStale`, for a serving process: one index at a time, each through `exclusive`
   * (which has the connection to itself for the call), the event loop free between them. The
   * ANALYZE of a whole table holds the event loop for the sum: 80 ms for the 117,000 events and
   * fired alerts of a first sweep over 1M certificates, against 10–25 ms for its largest index.
   */
  async refreshGradually(exclusive: (analyze: () => void) => Promise<void>): Promise<string[]> {
    const stale = this.staleTables();
    if (stale.size === 0) return [];
    const started = performance.now();
    for (const table of stale.keys()) {
      const indexes = this.sqlite.prepare("select name from sqlite_schema where type = 'index' and tbl_name = ? order by name").pluck().all(table) as string[];
      // A table without an index has its row count as statistics: ANALYZE of the table itself.
      for (const target of indexes.length > 0 ? indexes : [table]) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        await exclusive(() => this.sqlite.exec(`ANALYZE ${quoteIdentifier(target)}`));
      }
      this.rowidAtAnalyze.set(table, this.maxRowid(table));
    }
    const reasons = [...stale.values()];
    this.logger?.info({ reasons, ms: Math.round(performance.now() - started) }, 'refreshed the SQLite planner statistics');
    return reasons;
  }

  /** The tables due for ANALYZE, each with the reason. */
  private staleTables(): Map<string, string> {
    const reasons = new Map<string, string>();
    for (const [table, state] of this.tables()) {
      const maxRowid = this.maxRowid(table);
      if (maxRowid < MIN_ROWS) continue;
      const seen = this.rowidAtAnalyze.get(table);
      const grown = maxRowid >= GROWTH * Math.max(state.analyzedRows ?? 0, seen ?? 0, 1);
      // What this process analyzed already is looked at again only once the table has grown.
      if (seen !== undefined && !grown) continue;
      if (state.analyzedRows === undefined) reasons.set(table, `${table}: no statistics`);
      else if (state.indexesWithout.length > 0) reasons.set(table, `${table}: no statistics for ${state.indexesWithout.join(', ')}`);
      else if (grown) reasons.set(table, `${table}: grown from ${state.analyzedRows} to about ${maxRowid} rows`);
    }
    return reasons;
  }

  /** The application's rowid tables with what sqlite_stat1 holds for them. */
  private tables(): Map<string, TableState> {
    const tables = new Map<string, TableState>();
    const list = this.sqlite.prepare("select name, wr from pragma_table_list where schema = 'main' and type = 'table'").all() as Array<{ name: string; wr: number }>;
    for (const { name, wr } of list) {
      if (wr === 0 && !name.startsWith('sqlite_')) tables.set(name, { indexesWithout: [] });
    }
    const hasStat = this.sqlite.prepare("select 1 from sqlite_schema where type = 'table' and name = 'sqlite_stat1'").get() !== undefined;
    const stats = new Map<string, number>();
    if (hasStat) {
      for (const row of this.sqlite.prepare('select tbl, idx, stat from sqlite_stat1').all() as Array<{ tbl: string; idx: string | null; stat: string }>) {
        const rows = Number.parseInt(row.stat, 10);
        const state = tables.get(row.tbl);
        if (state) state.analyzedRows = Math.max(state.analyzedRows ?? 0, Number.isFinite(rows) ? rows : 0);
        if (row.idx !== null) stats.set(row.idx, rows);
      }
    }
    const indexes = this.sqlite.prepare("select name, tbl_name from sqlite_schema where type = 'index'").all() as Array<{ name: string; tbl_name: string }>;
    for (const { name, tbl_name } of indexes) {
      const state = tables.get(tbl_name);
      if (state && state.analyzedRows !== undefined && !stats.has(name)) state.indexesWithout.push(name);
    }
    return tables;
  }

  private maxRowid(table: string): number {
    const row = this.sqlite.prepare(`select max(rowid) as n from ${quoteIdentifier(table)}`).get() as { n: number | bigint | null };
    return Number(row.n ?? 0);
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
