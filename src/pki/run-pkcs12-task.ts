import { isAppError, type ErrorCode } from '../domain/app-error.js';
import { readPkcs12 } from './read-pkcs12.js';

/** One read, as `Pkcs12WorkerPool` posts it to a worker thread. */
export interface Pkcs12Task {
  id: number;
  data: Uint8Array;
  password: string;
  maxIterations?: number;
}

/** The worker's answer: the contents, the `AppError` the read failed with, or anything else thrown. */
export type Pkcs12TaskResult =
  | { id: number; kind: 'ok'; certificates: Uint8Array[]; privateKeyPkcs8: Uint8Array | null }
  | { id: number; kind: 'app-error'; code: ErrorCode; message: string; details?: Record<string, unknown> }
  | { id: number; kind: 'failed'; message: string };

/** Reads the task's file with `readPkcs12`; never throws. What a worker thread of the pool runs. */
export function runPkcs12Task(task: Pkcs12Task): Pkcs12TaskResult {
  try {
    const data = Buffer.from(task.data.buffer, task.data.byteOffset, task.data.byteLength);
    const contents = readPkcs12(data, task.password, { maxIterations: task.maxIterations });
    return { id: task.id, kind: 'ok', certificates: contents.certificates, privateKeyPkcs8: contents.privateKeyPkcs8 };
  } catch (err) {
    if (isAppError(err)) return { id: task.id, kind: 'app-error', code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
    return { id: task.id, kind: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}
