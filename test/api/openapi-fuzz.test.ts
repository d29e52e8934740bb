import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApnsServer, type ApnsServer } from '../support/apns-server.js';
import { FakeClock } from '../support/fake-clock.js';
import { startPebble, type Pebble } from '../support/pebble.js';
import { createTestCa } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestStore, dialects } from '../support/test-store.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { FuzzWorld } from '../support/fuzz/fuzz-world.js';
import { installLoopbackNetwork, type LoopbackNetwork } from '../support/fuzz/loopback-network.js';
import { operationsOf, type FuzzOperation } from '../support/fuzz/openapi-operations.js';
import { describeFindings, runFuzz, type FuzzReport } from '../support/fuzz/run-fuzz.js';

/**
 * A fuzzer over every operation of the server's own OpenAPI document, native and compatible
 * APIs, on both databases: requests drawn from each operation's schemas (path, query, headers,
 * body) and from a fixture of real objects, valid ones first and then mutated, sent with keys of
 * every role and none (the Alibaba Cloud action signed with an access key made through the API,
 * and unsigned or tampered). The server's upstreams are loopback stand-ins that answer (Pebble,
 * fake APNs gateways, a webhook receiver, an OCSP and CRL peer), and nothing else is reachable
 * (loopback-network.ts), so no answer may be a 5xx. Seeded: CERTKEEPER_FUZZ_SEED replays or explores a run,
 * CERTKEEPER_FUZZ_REQUESTS changes its length. See test/support/fuzz/ for how values are drawn
 * (schema-arbitraries.ts), which objects exist (fuzz-world.ts), how requests are mutated
 * (fuzz-requests.ts) and what an answer must be (fuzz-oracle.ts).
 */
/** A whole number from the environment; anything else stops the run rather than fuzzing with NaN. */
function integerFromEnv(name: string, fallback: number, min: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text)) || Number(text) < min) throw new Error(`${name} must be an integer of at least ${min}, got ${JSON.stringify(text)}`);
  return Number(text);
}

// The draws use the low 32 bits of the seed: the printed seed is the one that replays.
const SEED = integerFromEnv('CERTKEEPER_FUZZ_SEED', 20260601, -(2 ** 31)) | 0;
const REQUESTS = integerFromEnv('CERTKEEPER_FUZZ_REQUESTS', 10_000, 1);
/** What reruns this run: the same seed and length draw the same requests in the same order. */
const REPLAY = `CERTKEEPER_FUZZ_SEED=${SEED}${REQUESTS === 10_000 ? '' : ` CERTKEEPER_FUZZ_REQUESTS=${REQUESTS}`}`;
const MB = 1024 * 1024;
/**
 * Memory bounds, on settled (collected) figures of this test process, which is the server. The
 * first requests grow it for good: the V8 heap's reserve, compiled code, the PKCS#12 worker
 * threads, the allocator's arenas (about 150-200 MB in all here). After that a bounded server
 * levels off, while a leak keeps growing with the requests: the second half of the run may add
 * little resident memory, and no heap in use.
 */
const RSS_GROWTH_LIMIT = 300 * MB;
const RSS_SECOND_HALF_LIMIT = 100 * MB;
const HEAP_SECOND_HALF_LIMIT = 32 * MB;

describe.each(dialects)('fuzzing every operation of GET /openapi.json on %s', (dialect) => {
  let net: LoopbackNetwork;
  let receiver: WebhookReceiver;
  let pebble: Pebble;
  let apns: ApnsServer[] = [];
  let caDir: string;
  let t: TestApp;
  let world: FuzzWorld;
  let operations: FuzzOperation[];
  let allOperations: FuzzOperation[];
  let report: FuzzReport;
  let setupMs: number;

  beforeAll(async () => {
    const setupStarted = performance.now();
    receiver = await WebhookReceiver.start();
    // The upstreams answer, so that no 5xx is ever the right answer: Pebble as the ACME CA
    // (every challenge valid, so it connects nowhere; every name resolves to 127.0.0.1), and
    // APNs gateways that trust the fixture's CA for client certificates.
    pebble = await startPebble({ extraEnv: { PEBBLE_VA_ALWAYS_VALID: '1', PEBBLE_WFE_NONCEREJECT: '0' } });
    const ca = createTestCa({ name: 'Fuzz CA' });
    apns = [await startApnsServer({ environment: 'production', clientCa: ca, unverified: 'bad-certificate' }), await startApnsServer({ environment: 'development', clientCa: ca, unverified: 'bad-certificate' })];
    caDir = mkdtempSync(path.join(tmpdir(), 'certkeeper-fuzz-ca-'));
    writeFileSync(path.join(caDir, 'acme.pem'), pebble.caPem);
    writeFileSync(path.join(caDir, 'apns.pem'), apns.map((a) => a.caPem).join(''));
    const portOf = (url: string) => Number(new URL(url).port);
    // Every connection stays on loopback, and reaches only the servers above and PostgreSQL.
    net = installLoopbackNetwork({ ports: [receiver.port, portOf(inject('postgresUrl')), portOf(pebble.directoryUrl), ...apns.map((a) => portOf(a.url))] });
    t = await createTestApp({
      // Real time, frozen: the OCSP peer and Pebble sign with the machine's clock.
      clock: new FakeClock(new Date(Math.floor(Date.now() / 1000) * 1000)),
      ...(dialect === 'postgres' ? { store: await createTestStore('postgres') } : {}),
      env: {
        CERTKEEPER_ACME_DIRECTORY_URL: pebble.directoryUrl,
        CERTKEEPER_ACME_CA_FILE: path.join(caDir, 'acme.pem'),
        CERTKEEPER_APNS_PRODUCTION_URL: apns[0].url,
        CERTKEEPER_APNS_DEVELOPMENT_URL: apns[1].url,
        CERTKEEPER_APNS_CA_FILE: path.join(caDir, 'apns.pem'),
        CERTKEEPER_SMTP_URL: 'smtp://127.0.0.1:9',
        CERTKEEPER_SMTP_FROM: 'certs@example.test',
      },
    });
    world = await FuzzWorld.create(t, receiver, net, { ca, acmeDirectoryUrl: pebble.directoryUrl });
    const doc = await t.call('GET', '/openapi.json', { key: null });
    expect(doc.statusCode).toBe(200);
    const only = process.env.CERTKEEPER_FUZZ_ONLY === undefined ? undefined : new RegExp(process.env.CERTKEEPER_FUZZ_ONLY);
    allOperations = operationsOf(doc.json());
    operations = allOperations.filter((op) => !only || only.test(op.operationId));
    setupMs = performance.now() - setupStarted;
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    await world?.close();
    await receiver?.close();
    for (const a of apns) await a.close();
    await pebble?.stop();
    if (caDir) rmSync(caDir, { recursive: true, force: true });
    net?.uninstall();
  });

  it(`answers at least ${REQUESTS} drawn requests without a 5xx, each error in its API's documented shape and status`, async () => {
    if (process.env.CERTKEEPER_FUZZ_ONLY === undefined) expect(operations.length).toBeGreaterThanOrEqual(78);
    // Printed first, so that a run that hangs or dies still says how to replay it.
    console.log(`openapi fuzz on ${dialect}: seed ${SEED}, ${REQUESTS} requests (${REPLAY} replays the run)`);
    report = await runFuzz(world, operations, { seed: SEED, requests: REQUESTS, validShare: 0.3, answerTimeoutMs: 30_000, allOperations });
    const seconds = report.elapsedMs / 1000;
    const top = (map: Map<string | number, number>, n: number) =>
      [...map]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `${k}:${v}`)
        .join(' ');
    const sample = (list: readonly { host: string; port?: number }[]) => [...new Set(list.map((r) => `${r.host}${r.port === undefined ? '' : `:${r.port}`}`))].slice(0, 5).join(', ');
    const neverSucceeded = [...report.perOperation].filter(([, s]) => s.succeeded === 0).map(([op]) => op);
    const slowest = [...report.perOperation].sort((a, b) => b[1].slowestMs - a[1].slowestMs).slice(0, 5).map(([op, s]) => `${op} ${s.slowestMs.toFixed(0)} ms`);
    console.log(
      [
        `openapi fuzz on ${dialect}: seed ${SEED}, ${report.sent} requests over ${operations.length} operations in ${seconds.toFixed(1)} s (${(report.sent / seconds).toFixed(0)}/s), after ${(setupMs / 1000).toFixed(1)} s of set-up; ${world.setupRequests} fixture requests`,
        `  statuses ${top(report.statuses, 12)}`,
        `  codes ${top(report.codes, 40)}`,
        `  unsendable: ${report.unsendable.length}; lookups and connections refused that would have left the machine: ${net.counts().offLoopback} (${net.counts().all} refusals in all, ${sample(net.refused.filter((r) => !r.loopback))})`,
        `  operations never answered 2xx: ${neverSucceeded.join(', ') || 'none'}`,
        `  slowest: ${slowest.join(', ')}`,
        `  RSS ${(report.rss.before / MB).toFixed(0)} MB before, ${(report.rss.after / MB).toFixed(0)} MB after (collected), ${(report.rss.peak / MB).toFixed(0)} MB at most; heap in use ${(report.heapUsed.before / MB).toFixed(0)} → ${(report.heapUsed.after / MB).toFixed(0)} MB`,
        `  after each quarter (collected): ${report.quarters.map((q) => `${q.sent}: RSS ${(q.rss / MB).toFixed(0)}, heap ${(q.heapUsed / MB).toFixed(0)}/${(q.heapTotal / MB).toFixed(0)}, external ${(q.external / MB).toFixed(0)} MB`).join('; ')}`,
      ].join('\n'),
    );
    expect(report.unsendable.slice(0, 5)).toEqual([]);
    expect(report.findings.length, describeFindings(report.findings, REPLAY)).toBe(0);
    expect(report.sent).toBeGreaterThanOrEqual(REQUESTS);
  }, 900_000);

  it('is alive and within its memory bound afterwards', async () => {
    expect(report, 'the fuzz run did not finish').toBeDefined();
    const health = await t.call('GET', '/healthz', { key: null });
    expect(health.statusCode).toBe(200);
    const ready = await t.call('GET', '/readyz', { key: null });
    expect(ready.statusCode).toBe(200);
    const mb = (n: number) => `${(n / MB).toFixed(0)} MB`;
    expect(report.rss.after - report.rss.before, `RSS grew from ${mb(report.rss.before)} to ${mb(report.rss.after)}`).toBeLessThan(RSS_GROWTH_LIMIT);
    const half = report.quarters[Math.floor((report.quarters.length - 1) / 2)];
    expect(report.rss.after - half.rss, `RSS grew from ${mb(half.rss)} to ${mb(report.rss.after)} over the second half`).toBeLessThan(RSS_SECOND_HALF_LIMIT);
    expect(report.heapUsed.after - half.heapUsed, `heap in use grew from ${mb(half.heapUsed)} to ${mb(report.heapUsed.after)} over the second half`).toBeLessThan(HEAP_SECOND_HALF_LIMIT);
  });
});
