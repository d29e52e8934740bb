import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { TransactionOptions } from '../atomic.js';
import type { Database, Executor } from '../database.js';
import type { WalCheckpointer } from '../wal-checkpointer.js';
import type { ChunkFiredRow, SqlDialectAdapter } from './sql-dialect-adapter.js';

/** While scans commit, the WAL is copied back this often (see `transaction`). */
const SCAN_CHECKPOINT_EVERY_MS = 100;

/**
 * SQLite (better-sqlite3): one connection, running one statement at a time, whose writers commit
 * one at a time.
 */
export class SqliteAdapter implements SqlDialectAdapter {
  readonly name = 'sqlite' as const;
  readonly readsPageWithTotal = false;
  readonly joinsManagedIntoPages = false;
  readonly doubleType = 'real';
  /** A chunk runs on the event loop: the longest an API request waits for one. */
  readonly sweepChunkMs = 3;

  /** `checkpointer`: a file database's WAL checkpointer, which copies the WAL of scans back once they end. */
  constructor(private readonly checkpointer?: WalCheckpointer) {}

  async transaction<T>(db: Kysely<Database>, fn: (tx: Executor) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (!options.scan) return this.immediate(db, fn);
    const result = await this.scan(db, () => this.immediate(db, fn));
    // Each of a scan's transactions commits the pages it changed to the WAL again (the same
    // index pages, chunk after chunk): left alone, the first sweep over 1M certificates grew it
    // to 1.5 GB, written at 250 MB/s, and its truncation back to journal_size_limit by the next
    // commit held the event loop for 0.4 s. So the worker copies it back every
    // SCAN_CHECKPOINT_EVERY_MS, the scan waiting meanwhile (the event loop is free); the next
    // commit then starts the WAL over from its beginning, and it stays at tens of MB.
    if (this.checkpointer && performance.now() - this.checkpointedAt >= SCAN_CHECKPOINT_EVERY_MS) {
      await this.checkpointer.checkpoint();
      this.checkpointedAt = performance.now();
    }
    return result;
  }

  /** When a scan transaction last waited for the WAL to be copied back. */
  private checkpointedAt = performance.now();

  /** Scans open now, whether in one session or several overlapping ones (two projects swept at once). */
  private scans = 0;
  /** Whether the connection has the scan setting (it outlives the scans until the WAL is copied back). */
  private scanSettings = false;

  get scanning(): boolean {
    return this.scans > 0 || this.scanSettings;
  }

  /**
   * While scans run, no commit on this connection checkpoints the WAL they write: a commit that
   * did would copy it back on the event loop. The worker does it instead (`transaction`), and
   * once more after the last scan (`endScans`). Other transactions that commit meanwhile (API
   * requests between a sweep's chunks) share the setting, which only changes when the WAL is
   * copied. Scans read through SQLite's page cache, not a memory map: a map of the 2 GB database
   * sped the first sweep over 1M certificates up by a quarter when it was one transaction, but
   * unmapping it afterwards held the event loop for 20–50 ms on a busy machine.
   */
  async scan<T>(db: Kysely<Database>, fn: () => Promise<T>): Promise<T> {
    this.scans++;
    if (!this.scanSettings) {
      try {
        await db.connection().execute(async (conn) => {
          await sql`pragma wal_autocheckpoint = 0`.execute(conn);
        });
        this.scanSettings = true;
      } catch (err) {
        this.scans--;
        throw err;
      }
    }
    try {
      return await fn();
    } finally {
      if (--this.scans === 0) void this.endScans(db);
    }
  }

  /**
   * Once the last scan ends, the checkpointer's worker thread copies the WAL back; only then do
   * commits checkpoint again, or the next commit (the sweep's own bookkeeping) would copy it all
   * on the event loop. Not awaited by the scan: the sweep answers meanwhile.
   */
  private async endScans(db: Kysely<Database>): Promise<void> {
    await this.checkpointer?.checkpoint();
    // A scan that began meanwhile keeps the settings; it ends them in turn.
    if (this.scans > 0 || !this.scanSettings) return;
    this.scanSettings = false;
    await db
      .connection()
      .execute(async (conn) => {
        await sql`pragma wal_autocheckpoint = 1000`.execute(conn);
      })
      .catch(() => undefined);
  }

  private immediate<T>(db: Kysely<Database>, fn: (tx: Executor) => Promise<T>): Promise<T> {
    // BEGIN IMMEDIATE takes the write lock up front, so a transaction that reads then writes
    // never fails with SQLITE_BUSY half-way when another process (the CLI) writes too;
    // busy_timeout makes it wait for the lock instead.
    return db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const result = await fn(conn);
        await sql`commit`.execute(conn);
        return result;
      } catch (err) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw err;
      }
    });
  }

  async lockForImport(): Promise<void> {
    // The transaction began IMMEDIATE, which already holds the one write lock.
  }

  joinChunkFired(_rows: readonly ChunkFiredRow[], runId: string): RawBuilder<unknown> {
    // Walks the chunk's range of certificates_sweep_idx (it covers every column read: no table
    // access) and probes the fired table by its key; unary + keeps the run_id index out of it.
    return sql`join notification_fired f on f.certificate_id = c.id and f.ssl_certificate_id = c.ssl_certificate_id and +f.run_id = ${runId}`;
  }

  isoUtc(epochMs: RawBuilder<unknown>): RawBuilder<string> {
    return sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', ${epochMs} / 1000.0, 'unixepoch')`;
  }

  jsonObjectText(keysAndValues: RawBuilder<unknown>): RawBuilder<string> {
    return sql<string>`json_object(${keysAndValues})`;
  }

  readonly jsonTrue = sql`json('true')`;
}
