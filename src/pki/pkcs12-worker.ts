/**
 * A worker thread of `Pkcs12WorkerPool` (pki/pkcs12-worker-pool.ts): reads each file it is
 * posted, one at a time, and posts back the outcome.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { runPkcs12Task, type Pkcs12Task } from './run-pkcs12-task.js';

// The event loop answers every tenant: when the cores are busy, derivations give way to it. On
// Linux the nice value is per thread (setpriority(2)); elsewhere it would slow the whole process.
if (process.platform === 'linux') {
  try {
    setPriority(0, 10);
  } catch {
    // not allowed here: run at the process's priority
  }
}

parentPort?.on('message', (task: Pkcs12Task) => parentPort?.postMessage(runPkcs12Task(task)));
