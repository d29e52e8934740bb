import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, errorCodes } from '../domain/app-error.js';
import type { Pkcs12Contents, Pkcs12ReadOptions, Pkcs12Reader } from '../ports/pkcs12-reader.js';
import type { Pkcs12Task, Pkcs12TaskResult } from './run-pkcs12-task.js';

export interface Pkcs12WorkerPoolOptions {
  /** Most worker threads; default `os.availableParallelism()`, at least 1. */
  size?: number;
  /**
   * The worker's module; default `pkcs12-worker` beside this file: the compiled `.js` under
   * dist/, the `.ts` when running from source (tests give their own).
   */
  workerUrl?: URL;
}

interface Pending {
  task: Pkcs12Task;
  resolve(contents: Pkcs12Contents): void;
  reject(err: Error): void;
}

interface Thread {
  worker: Worker;
  running?: Pending;
  failure?: Error;
}

/**
 * A worker thread cannot load TypeScript on Node 20: from source, the worker starts here,
 * registers typescript-source-hooks.mjs, then imports its module.
 */
const SOURCE_BOOTSTRAP = `
const { register } = require('node:module');
const { workerData } = require('node:worker_threads');
register(workerData.hooks);
import(workerData.module);
`;

function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function errorOf(result: Exclude<Pkcs12TaskResult, { kind: 'ok' }>): Error {
  if (result.kind === 'app-error' && (errorCodes as readonly string[]).includes(result.code)) {
    return new AppError(result.code, result.message, result.details ? { details: result.details } : {});
  }
  return new Error(`reading a PKCS#12 file failed: ${result.message}`);
}

/**
 * Reads PKCS#12 files (`readPkcs12`) on worker threads, so that their key derivations never
 * hold the event loop. Reads queue for a free thread; threads start on first need, up to
 * `size`, and do not keep the process alive while idle. A thread that dies (a crash, an
 * uncaught error) fails the read it was running and is replaced for the reads still queued.
 * `close()` terminates every thread; the composition root calls it on shutdown.
 */
export class Pkcs12WorkerPool implements Pkcs12Reader {
  readonly size: number;
  private readonly workerUrl: URL;
  private readonly threads = new Set<Thread>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: Pkcs12WorkerPoolOptions = {}) {
    const size = options.size ?? availableParallelism();
    this.size = Number.isSafeInteger(size) && size >= 1 ? size : 1;
    const fromSource = import.meta.url.endsWith('.ts');
    this.workerUrl = options.workerUrl ?? new URL(fromSource ? './pkcs12-worker.ts' : './pkcs12-worker.js', import.meta.url);
  }

  read(data: Buffer, password: string, options: Pkcs12ReadOptions = {}): Promise<Pkcs12Contents> {
    if (this.closed) return Promise.reject(new Error('the PKCS#12 worker pool is closed'));
    return new Promise<Pkcs12Contents>((resolve, reject) => {
      this.queue.push({ task: { id: this.nextId++, data, password, maxIterations: options.maxIterations }, resolve, reject });
      this.dispatch();
    });
  }

  /** The threads running now (started and not yet exited). */
  get threadCount(): number {
    return this.threads.size;
  }

  /** Fails the queued reads and terminates every thread (their reads fail too). */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('the PKCS#12 worker pool is closed'));
    await Promise.all([...this.threads].map((thread) => thread.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      let thread = [...this.threads].find((t) => t.running === undefined);
      if (thread === undefined) {
        if (this.threads.size >= this.size) return;
        thread = this.start();
      }
      const pending = this.queue.shift()!;
      thread.running = pending;
      thread.worker.ref();
      thread.worker.postMessage(pending.task);
    }
  }

  private start(): Thread {
    const worker = this.workerUrl.pathname.endsWith('.ts')
      ? new Worker(SOURCE_BOOTSTRAP, {
          eval: true,
          workerData: { hooks: new URL('./typescript-source-hooks.mjs', import.meta.url).href, module: this.workerUrl.href },
        })
      : new Worker(this.workerUrl);
    const thread: Thread = { worker };
    this.threads.add(thread);
    worker.unref();
    worker.on('message', (result: Pkcs12TaskResult) => {
      const pending = thread.running;
      if (pending === undefined || pending.task.id !== result.id) return;
      thread.running = undefined;
      worker.unref();
      if (result.kind === 'ok') {
        pending.resolve({
          certificates: result.certificates.map(bufferOf),
          privateKeyPkcs8: result.privateKeyPkcs8 === null ? null : bufferOf(result.privateKeyPkcs8),
        });
      } else {
        pending.reject(errorOf(result));
      }
      this.dispatch();
    });
    worker.on('error', (err) => (thread.failure = err));
    worker.on('exit', (code) => {
      this.threads.delete(thread);
      const pending = thread.running;
      thread.running = undefined;
      if (pending !== undefined) {
        const why = this.closed ? 'the PKCS#12 worker pool was closed' : `a PKCS#12 worker stopped (exit code ${code})${thread.failure ? `: ${thread.failure.message}` : ''}`;
        pending.reject(new Error(why));
      }
      this.dispatch();
    });
    return thread;
  }
}
