/**
 * Two certkeeper server processes on one PostgreSQL database, both sweeping
 * every second, create each expiry event once and deliver each to the project's webhook once.
 * Both schedulers race for the same project on every pass; the sweep lease and the fired
 * table's uniqueness must leave exactly one event per (certificate, threshold), and the
 * project's dispatch cursor must turn each event into one delivery, whichever server's sweep
 * or notification worker (every second too) dispatches it. An event no sweep made (an endpoint
 * finding) reaches the webhook once as well, through the workers.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-store.js';
import { jobCounts, startServerProcess, waitFor, waitForJobPasses, type ServerProcess } from '../support/server-process.js';
import { aCertificate } from '../support/test-ca.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import '../support/postgres.js';

const DAY_MS = 86_400_000;
/** Certificates of the race: expiring in 2, 5 and 10 days, or expired. */
const N = 12;

let dir: string | undefined;
let database: TestDatabase | undefined;
let db: pg.Client | undefined;
let receiver: WebhookReceiver | undefined;
const servers: ServerProcess[] = [];
let a: ServerProcess;
let b: ServerProcess;
const token = randomBytes(24).toString('hex');
const masterKey = randomBytes(32).toString('base64');
let projectId: string;

const context = () => servers.map((s) => s.describe(3000)).join('\n\n');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'certkeeper-two-sweepers-'));
  receiver = await WebhookReceiver.start();
  database = await createTestDatabase('certkeeper_sweep');
  const url = new URL(database.url);
  const common = { DATABASE_URL: url.toString(), CERTKEEPER_MASTER_KEY: masterKey, CERTKEEPER_BOOTSTRAP_TOKEN: token };
  // Server a runs the migrations and creates the tenant, the certificates and the channel
  // with sweeps far apart; then both restart sweeping every second, at the same moment.
  a = await startServerProcess({ name: 'setup', env: { ...common, CERTKEEPER_DATA_DIR: path.join(dir, 'setup'), CERTKEEPER_SWEEP_INTERVAL_SECONDS: '3600' } });
  servers.push(a);
  const org = await a.api('POST', '/api/v1/organizations', { token, body: { name: 'Two sweepers' } });
  expect(org.status, org.text).toBe(200);
  const project = await a.api('POST', '/api/v1/projects', { token, body: { organizationId: org.body.result.id, name: 'race' } });
  expect(project.status, project.text).toBe(200);
  projectId = project.body.result.id;
  db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(servers.map((s) => s.kill()));
  await db?.end().catch(() => undefined);
  await database?.drop().catch(() => undefined);
  await receiver?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// On PostgreSQL only: servers share a database there; a SQLite file is one server's own.
describe('two servers on one PostgreSQL database', () => {
  it(`sweep ${N} certificates once: one event per threshold crossed, each delivered once`, async () => {
    const now = Date.now();
    const offsets = [2, 5, 10, -1];
    for (let i = 0; i < N; i++) {
      const notAfter = new Date(now + offsets[i % offsets.length] * DAY_MS);
      const c = aCertificate({ sans: [`sweep${i}.example.test`], notBefore: new Date(notAfter.getTime() - 365 * DAY_MS), notAfter });
      const res = await a.api('POST', `/api/v1/projects/${projectId}/certificates/import`, { token, body: { certificateBody: c.certPem, scopeId: 0 } });
      expect(res.status, res.text).toBe(200);
    }
    const channel = await a.api('POST', `/api/v1/projects/${projectId}/notification-channels`, { token, body: { name: 'ops', type: 'webhook', config: { url: receiver!.url(), secret: 'x'.repeat(40) } } });
    expect(channel.status, channel.text).toBe(200);
    await a.stop();

    const env = (name: string) => ({
      DATABASE_URL: database!.url,
      CERTKEEPER_MASTER_KEY: masterKey,
      CERTKEEPER_BOOTSTRAP_TOKEN: token,
      CERTKEEPER_DATA_DIR: path.join(dir!, name),
      CERTKEEPER_INSTANCE_ID: `sweeper-${name}`,
      CERTKEEPER_SWEEP_INTERVAL_SECONDS: '1',
      CERTKEEPER_NOTIFY_RETRY_INTERVAL_SECONDS: '1',
    });
    [a, b] = await Promise.all([startServerProcess({ name: 'a', env: env('a') }), startServerProcess({ name: 'b', env: env('b') })]);
    servers.push(a, b);

    // Every certificate crosses one threshold: 2 days → days:3, 5 → days:7, 10 → days:14, -1 → expired.
    await waitFor('an event for every certificate', async () => (await db!.query(`select count(*)::int as n from events where type in ('certificate.expiring', 'certificate.expired')`)).rows[0].n >= N, {
      timeoutMs: 30_000,
      intervalMs: 200,
      context,
    });
    await waitFor('a webhook message for every event', async () => receiver!.requests.length >= N, { timeoutMs: 30_000, intervalMs: 200, context });

    // A finding of an endpoint where nothing listens, recorded by server b's probe: no sweep sends it, the workers do.
    const endpoint = await a.api('POST', `/api/v1/projects/${projectId}/endpoints`, { token, body: { host: '127.0.0.1', port: 1, protocol: 'tls' } });
    expect(endpoint.status, endpoint.text).toBe(200);
    const probe = await b.api('POST', `/api/v1/projects/${projectId}/endpoints/${endpoint.body.result.id}/probe`, { token });
    expect(probe.status, probe.text).toBe(200);
    const sentEvents = () => receiver!.requests.flatMap((r) => JSON.parse(r.body).events as Array<{ eventId: number; certificateId?: number; type: string }>);
    await waitFor('the endpoint finding delivered', async () => sentEvents().some((e) => e.type === 'endpoint.unreachable'), { timeoutMs: 30_000, intervalMs: 200, context });
    // Nothing new may appear however often the project is swept again and the workers run:
    // wait until each server has completed two more passes of both jobs (so each ran a whole
    // one of each after this point) and the project was swept at least twice more, by either.
    const swept = async () => (await Promise.all([a, b].map((s) => jobCounts(s, 'sweeps', token)))).reduce((n, c) => n + c.items, 0);
    const sweptBefore = await swept();
    await Promise.all([waitForJobPasses([a, b], 'sweeps', { passes: 2, token, context }), waitForJobPasses([a, b], 'notifications', { passes: 2, token, context })]);
    await waitFor('the project swept twice more', async () => (await swept()) >= sweptBefore + 2, { timeoutMs: 30_000, intervalMs: 100, context });

    const events = (await db!.query(`select object_id, type, data from events where type in ('certificate.expiring', 'certificate.expired') order by object_id`)).rows;
    expect(events).toHaveLength(N);
    expect(new Set(events.map((e) => e.object_id)).size).toBe(N);
    const delivered = sentEvents()
      .filter((e) => e.type.startsWith('certificate.expir'))
      .map((e) => `${e.certificateId}:${e.type}`);
    expect(delivered).toHaveLength(N);
    expect(new Set(delivered).size).toBe(N);
    const findings = (await db!.query(`select id from events where type = 'endpoint.unreachable'`)).rows;
    expect(findings).toHaveLength(1);
    expect(sentEvents().filter((e) => e.type === 'endpoint.unreachable').map((e) => e.eventId)).toEqual([Number(findings[0].id)]);
    expect(sentEvents()).toHaveLength(N + 1);
    const deliveries = (await db!.query(`select status, count(*)::int as n from notification_deliveries group by status`)).rows;
    expect(deliveries).toEqual([{ status: 'delivered', n: N + 1 }]);
  }, 120_000);
});
