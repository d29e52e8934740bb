/**
 * A worker for `Pkcs12WorkerPool` that reads files as its own (src/pki/pkcs12-worker.ts) does,
 * except that it dies on two passwords: "exit" ends its thread (process.exit), "throw" throws
 * where nothing catches it. For the pool's crash tests.
 */
import { parentPort } from 'node:worker_threads';
import { runPkcs12Task, type Pkcs12Task } from '../../src/pki/run-pkcs12-task.js';

parentPort!.on('message', (task: Pkcs12Task) => {
  if (task.password === 'exit') process.exit(3);
  if (task.password === 'throw') throw new Error('the worker blew up');
  parentPort!.postMessage(runPkcs12Task(task));
});
