import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCertificate, toPkcs12 } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Iterations of every key derivation of the test files: high, yet within the limits, the
// request's included: 30 files declare 7,200,000 (docs/api.md, "PKCS#12 files").
const ITERATIONS = 60_000;

interface Answer {
  ms: number;
  status: number;
}

/**
 * Polls `url` every 5 ms from a thread of its own, so that a server blocking this thread's event
 * loop shows as slow answers (a poller on the blocked loop would not even send its request).
 * Resolves once its first request (connection set up) is answered; `stop()` returns how long
 * each later answer took and its status.
 */
async function pollFromAnotherThread(url: string): Promise<{ stop(): Promise<Answer[]> }> {
  const poller = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const { performance } = require('node:perf_hooks');
    let stopping = false;
    parentPort.once('message', () => (stopping = true));
    (async () => {
      await (await fetch(workerData.url)).arrayBuffer();
      parentPort.postMessage('ready');
      const answers = [];
      while (!stopping) {
        const started = performance.now();
        const res = await fetch(workerData.url);
        await res.arrayBuffer();
        answers.push({ ms: performance.now() - started, status: res.status });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      parentPort.postMessage(answers);
    })();
    `,
    { eval: true, workerData: { url } },
  );
  const failed = new Promise<never>((_resolve, reject) => poller.once('error', reject));
  const next = () => Promise.race([new Promise<unknown>((resolve) => poller.once('message', resolve)), failed]);
  await next();
  return {
    stop: async () => {
      const answers = next();
      poller.postMessage('stop');
      const out = (await answers) as Answer[];
      await poller.terminate();
      return out;
    },
  };
}

// On SQLite only: what is measured is the key derivations, on worker threads, and every file
// of the batch fails on its password before its item reaches the database.
describe('PKCS#12 key derivations and the event loop', () => {
  let t: TestApp;
  let url: string;
  const importBatch = (items: unknown[]) =>
    fetch(`${url}/api/v1/projects/${t.project.id}/certificates/import-batch?brief=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.keys.editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ items }),
    });

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    // Not what is measured: fastify builds a route's response serializer on its first answer,
    // and the pool starts its threads on first need (from source, loading TypeScript).
    const small = toPkcs12(aCertificate({ commonName: 'warm.p12.example' }), { password: 'right' }).toString('base64');
    const warm = Array.from({ length: availableParallelism() }, () => ({ pkcs12: small, password: 'wrong' }));
    expect((await importBatch(warm)).status).toBe(200);
  });
  afterAll(async () => t.close());

  // Retried because the answer times also take what other processes leave of the cores; the
  // event loop held by derivations fails every try (seconds).
  it('answers /healthz within 100 ms of its idle worst while a batch of 30 PKCS#12 files with a wrong password is read, and the items fail as before', { retry: 2 }, async () => {
    const c = aCertificate({ commonName: 'busy.p12.example' });
    const modern = toPkcs12(c, { password: 'right', iterations: ITERATIONS }).toString('base64');
    const legacy = toPkcs12(c, { password: 'right', legacy: true, iterations: ITERATIONS }).toString('base64');
    const items = Array.from({ length: 30 }, (_, i) => ({ pkcs12: i % 2 === 0 ? modern : legacy, password: 'wrong' }));

    // The machine's own noise (other processes on the cores) as a reference: the same poller for
    // a second with nothing to do.
    const idle = await pollFromAnotherThread(`${url}/healthz`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idleWorst = Math.max(...(await idle.stop()).map((a) => a.ms));

    const health = await pollFromAnotherThread(`${url}/healthz`);
    const res = await importBatch(items);
    const body = await res.json();
    const answers = await health.stop();

    expect(res.status).toBe(200);
    expect(body.result).toHaveLength(30);
    for (const item of body.result) expect(item).toMatchObject({ success: false, code: 'pkcs12_bad_password' });
    expect(answers.every((a) => a.status === 200)).toBe(true);
    console.log(`idle worst ${idleWorst.toFixed(0)} ms; during the batch worst ${Math.max(...answers.map((a) => a.ms)).toFixed(0)} ms over ${answers.length} answers`);
    // Derivations on the event loop would hold answers for seconds.
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(100 + idleWorst);
    // Enough answers to say something: the batch takes a second or more of derivations.
    expect(answers.length).toBeGreaterThanOrEqual(10);
  });
});
