import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface WalCheckpointerLogger {
  warn(obj: Record<string, unknown>, msg: string): void;
}

/**
 * Copies the SQLite write-ahead log back into the database file from a worker thread, for the
 * transactions that write a lot at once (a sweep's scan transaction: 78 MB of WAL for the first
 * sweep over 1M certificates). Left to SQLite, the commit of such a transaction does the copy
 * (and its fsync) on the event loop: 0.2–0.4 s of that sweep's 1.4–2.1 s, and the spread.
 * Ordinary commits keep SQLite's own auto-checkpoint (1,000 pages): measured on the bulk
 * import, a worker checkpointing on a timer instead made it slower and less steady (WAL grown
 * large, a second thread copying while the importer ran on a 2-core machine).
 *
 * A checkpoint opens its own connection, runs a PASSIVE checkpoint (never blocks the writer or
 * readers) and closes it again: an open second connection would stop the writer from switching
 * journal modes (the bulk seeder does), and `pause()` keeps the worker away meanwhile.
 */
export class WalCheckpointer {
  private worker?: Worker;
  private inFlight?: Promise<void>;
  private settle?: () => void;
  private paused = 0;
  private closed = false;
  private warned = false;

  constructor(
    private readonly file: string,
    private readonly logger?: WalCheckpointerLogger,
  ) {}

  /** Starts a checkpoint now unless one is running or the checkpointer is paused; resolves when it is done. */
  checkpoint(): Promise<void> {
    if (this.closed || this.paused > 0) return Promise.resolve();
    if (this.inFlight) return this.inFlight;
    const worker = this.ensureWorker();
    this.inFlight = new Promise<void>((resolve) => {
      this.settle = () => {
        this.inFlight = undefined;
        this.settle = undefined;
        resolve();
      };
    });
    worker.postMessage('checkpoint');
    return this.inFlight;
  }

  /** Waits for a running checkpoint and keeps new ones from starting until resume(). */
  async pause(): Promise<void> {
    this.paused++;
    await this.inFlight;
  }

  resume(): void {
    this.paused = Math.max(0, this.paused - 1);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.inFlight;
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.file, driver: createRequire(import.meta.url).resolve('better-sqlite3') } });
    worker.unref();
    worker.on('message', (msg: { ok: boolean; error?: string }) => {
      if (!msg.ok) this.warnOnce(msg.error ?? 'unknown error');
      this.settle?.();
    });
    worker.on('error', (err) => {
      this.warnOnce(err.message);
      this.worker = undefined;
      this.settle?.();
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      this.settle?.();
    });
    this.worker = worker;
    return worker;
  }

  private warnOnce(error: string): void {
    if (this.warned) return;
    this.warned = true;
    this.logger?.warn({ error }, 'background WAL checkpoint failed; SQLite checkpoints on commit instead');
  }
}

// CommonJS, evaluated in the worker. A busy database (SQLITE_BUSY) is not an error: a later checkpoint (or SQLite's own) does it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
parentPort.on('message', () => {
  let reply = { ok: true };
  try {
    const db = new Database(workerData.file, { fileMustExist: true });
    try {
      db.pragma('wal_checkpoint(PASSIVE)'); // a no-op outside WAL mode
    } finally {
      db.close();
    }
  } catch (err) {
    if (!(err && err.code === 'SQLITE_BUSY')) reply = { ok: false, error: String((err && err.message) || err) };
  }
  parentPort.postMessage(reply);
});
`;
