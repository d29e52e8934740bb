/**
 * The chaos run (npm run chaos; docs/benchmarks.md, "Chaos run"). Not part of the tests.
 *
 * Three certkeeper server processes on one PostgreSQL, with Pebble (short-lived certificates, so
 * that renewals fall due during the run; dns-01 through an exec hook into challtestsrv), a
 * webhook receiver (one channel per project) and a few TLS endpoints, all on loopback. A driver
 * spread over the servers imports, creates and validates managed certificates, forces renewals,
 * probes endpoints and reads lists, while every few seconds one server is SIGKILLed and started
 * again, and PostgreSQL is restarted once. Then, all servers up, it waits for the work to settle,
 * stops the servers and checks: every renewal ordered once (Pebble's issued certificates against
 * the versions certkeeper stored), every notifiable event delivered once per channel (or again
 * under the same delivery id), every order Pebble created finalized or still awaited (none
 * refused), no certificate left Validating or left to expire, no acknowledged import lost, no
 * 5xx and no unanswered request outside a down window, no server exiting by itself. Prints a
 * table and writes bench-results/chaos-<timestamp>.json; exits 1 when a target is missed, 2 when
 * the run itself failed or overran its time budget (the servers' and Pebble's logs are kept
 * beside the JSON).
 *
 * Options: --duration S (chaos phase, default 150), --settle S (longest wait for the work to
 * settle, default 170), --kill-every S (default 8), --workers N (default 4), --validity S
 * (Pebble's certificate lifetime, default 60), --auto N / --manual N (managed certificates,
 * default 12 / 4), --pg-restart-at S (default half the duration; --no-pg-restart),
 * --refuse-rate F (share of webhook requests the receiver answers 503, default 0.05),
 * --force-renew-every S (default 10), --keep-logs (keep the logs of a run that met its targets too).
 */
import { randomBytes, X509Certificate } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { notifiableEventTypes } from '../src/domain/notifiable-event.js';
import { createTestCa } from '../test/support/test-ca.js';
import { startPebble, type Pebble } from '../test/support/pebble.js';
import { startPostgresCluster, type PostgresCluster } from '../test/support/postgres.js';
import { cliEntry, fmt, freePort } from './bench-lib.js';
import {
  checkDeliveries,
  checkImports,
  checkOrders,
  checkRenewals,
  classifyRequests,
  normalSerial,
  type DownWindows,
  type ExpectedEvent,
  type ManagedHistory,
  type StoredCertificate,
  type Window,
} from './chaos-checks.js';
import { ChaosReceiver, httpStatus, restartPostgres, ServerSlot, TlsEndpoint, writeDnsHook } from './chaos-cluster.js';
import { ChaosClient, Workload, type Tenant } from './chaos-driver.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} needs a number`);
  return v;
};
const DURATION_S = option('--duration', 150);
const o = {
  durationS: DURATION_S,
  settleS: option('--settle', 170),
  killEveryS: option('--kill-every', 8),
  workers: option('--workers', 4),
  validityS: option('--validity', 60),
  auto: option('--auto', 12),
  manual: option('--manual', 4),
  pgRestartAtS: args.includes('--no-pg-restart') ? null : option('--pg-restart-at', Math.round(DURATION_S / 2)),
  refuseRate: option('--refuse-rate', 0.05),
  forceRenewEveryS: option('--force-renew-every', 10),
};

const t0 = Date.now();
const log = (s: string) => process.stderr.write(`[chaos ${fmt((Date.now() - t0) / 1000, 1).padStart(6)} s] ${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TOKEN = `chaos-${randomBytes(24).toString('hex')}`;
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const resultsDir = path.resolve('bench-results');

/** One at a time: a kill and the PostgreSQL restart never overlap. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The notifiable events of the projects that have a channel, with the channels that should hear of each. */
async function expectedEvents(dbUrl: string, channelOf: Map<string, string>): Promise<ExpectedEvent[]> {
  const rows = await query<{ id: string; type: string; project_id: string; created_at: string; data: string }>(
    dbUrl,
    'select id, type, project_id, created_at, data from events where type = any($1) and project_id = any($2) order by id',
    [notifiableEventTypes, [...channelOf.keys()]],
  );
  return rows
    .filter((r) => JSON.parse(r.data).muted !== true)
    .map((r) => ({ id: Number(r.id), type: r.type, createdAt: Number(r.created_at), channels: [channelOf.get(r.project_id)!] }));
}

async function validatingIds(dbUrl: string): Promise<number[]> {
  return (await query<{ id: number }>(dbUrl, "select id from certificates where status = 'validating' order by id")).map((r) => Number(r.id));
}

/** Every managed certificate's stored versions, with the renewAt its issued/renewed event recorded. */
async function managedHistories(dbUrl: string): Promise<ManagedHistory[]> {
  const certs = await query<{ id: number; domain_name: string }>(dbUrl, "select id, domain_name from certificates where source = 'acme' order by id");
  const materials = await query<{ certificate_id: number; der: Buffer; created_at: string }>(
    dbUrl,
    "select m.certificate_id, m.der, m.created_at from certificate_materials m join certificates c on c.id = m.certificate_id where c.source = 'acme'",
  );
  const events = await query<{ data: string }>(dbUrl, "select data from events where type in ('certificate.issued', 'certificate.renewed')");
  const renewAt = new Map<string, number>();
  for (const e of events) {
    const d = JSON.parse(e.data) as { serialNumber?: string; renewAt?: string };
    if (d.serialNumber && d.renewAt) renewAt.set(normalSerial(d.serialNumber), Date.parse(d.renewAt));
  }
  const byId = new Map<number, ManagedHistory>(certs.map((c) => [Number(c.id), { certificateId: Number(c.id), domain: c.domain_name, versions: [] }]));
  for (const m of materials) {
    const serial = normalSerial(new X509Certificate(m.der).serialNumber);
    byId.get(Number(m.certificate_id))?.versions.push({ serial, storedAt: Number(m.created_at), renewAt: renewAt.get(serial) ?? null });
  }
  return [...byId.values()];
}

/** Automated certificates whose renewal came more than `graceMs` ago and was never attempted (no failure recorded): missed. */
async function renewalState(dbUrl: string, at: number, graceMs: number) {
  const rows = await query<{ certificate_id: number; renew_at: string | null; next_attempt_at: string | null; failure_count: number; automated: number; status: string; last_problem: string | null }>(
    dbUrl,
    'select m.certificate_id, m.renew_at, m.next_attempt_at, m.failure_count, m.automated, c.status, m.last_problem from managed_certificates m join certificates c on c.id = m.certificate_id',
  );
  const missed = rows.filter((r) => r.automated === 1 && r.status === 'issued' && r.renew_at !== null && Number(r.renew_at) < at - graceMs && r.failure_count === 0).map((r) => Number(r.certificate_id));
  const failing = rows.filter((r) => r.failure_count > 0).map((r) => ({ id: Number(r.certificate_id), status: r.status, failureCount: r.failure_count, problem: r.last_problem ? JSON.parse(r.last_problem) : null }));
  const statuses: Record<string, number> = {};
  for (const r of rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  // Every managed certificate, automated or renewed by the run's operator, is renewed in time.
  const expired = (await query<{ id: number }>(dbUrl, "select id from certificates where source = 'acme' and status = 'issued' and not_after < $1 order by id", [at])).map((r) => Number(r.id));
  return { missed, failing, statuses, expired };
}

async function main(): Promise<number> {
  log(`options ${JSON.stringify(o)}`);
  const work = mkdtempSync(path.join(tmpdir(), 'certkeeper-chaos-'));
  const logsDir = path.join(work, 'logs');
  mkdirSync(logsDir);
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  const servers: ServerSlot[] = [];
  let failed = true;
  let pebbleLog: () => string[] = () => [];
  // A failed run keeps the servers' and Pebble's logs beside its results, whatever failed.
  let logsKept = false;
  const keepLogs = async () => {
    if (logsKept) return;
    logsKept = true;
    await Promise.all(servers.map((s) => s.closeLog().catch(() => undefined)));
    writeFileSync(path.join(logsDir, 'pebble.log'), pebbleLog().join('\n'));
    const kept = path.join(resultsDir, `chaos-${stamp}-logs`);
    mkdirSync(resultsDir, { recursive: true });
    cpSync(logsDir, kept, { recursive: true });
    process.stdout.write(`server and Pebble logs kept in ${path.relative(process.cwd(), kept)}\n`);
  };
  const teardown = async () => {
    for (const s of servers) s.kill();
    await Promise.all(servers.map((s) => s.closeLog().catch(() => undefined)));
    for (const c of cleanups.splice(0).reverse()) await Promise.resolve(c()).catch((err) => log(`cleanup: ${err}`));
    rmSync(work, { recursive: true, force: true });
  };
  // Interrupted, or over its time budget: no server, PostgreSQL (restarted, it no longer belongs
  // to this process) or Pebble left behind.
  const abort = (why: string, code: number) => {
    log(`${why}: stopping everything…`);
    void keepLogs()
      .catch(() => undefined)
      .then(teardown)
      .finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort('SIGINT', 130));
  process.once('SIGTERM', () => abort('SIGTERM', 130));
  // Bounded: setup and the final checks get 5 minutes besides the chaos and settle phases.
  const budgetS = o.durationS + o.settleS + 300;
  setTimeout(() => abort(`over the run's time budget of ${budgetS} s`, 2), budgetS * 1000).unref();
  try {
    // PostgreSQL, Pebble (with challtestsrv), the webhook receiver.
    const [cluster, pebble] = await Promise.all([startPostgresCluster(), startPebble({ validitySeconds: o.validityS })]);
    cleanups.push(() => (cluster as PostgresCluster).stop(), () => (pebble as Pebble).stop());
    pebbleLog = () => pebble.logLines();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database certkeeper_chaos');
    await admin.end();
    const dbUrl = cluster.url.replace(/\/postgres$/, '/certkeeper_chaos');
    const caFile = path.join(work, 'pebble-ca.pem');
    writeFileSync(caFile, pebble.caPem);
    const hookDir = path.join(work, 'hooks');
    mkdirSync(hookDir);
    await writeDnsHook(path.join(hookDir, 'challtestsrv-hook'), pebble.challtestsrvUrl!);
    const receiver = new ChaosReceiver(o.refuseRate);
    await receiver.listen();
    cleanups.push(() => receiver.close());

    // Three servers on one database, one master key, one bootstrap token; distinct instance ids.
    const masterKey = randomBytes(32).toString('base64');
    for (const name of ['a', 'b', 'c']) {
      const port = await freePort();
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? work,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: dbUrl,
        CERTKEEPER_DATA_DIR: path.join(work, `data-${name}`),
        CERTKEEPER_MASTER_KEY: masterKey,
        CERTKEEPER_BOOTSTRAP_TOKEN: TOKEN,
        CERTKEEPER_INSTANCE_ID: `chaos-${name}`,
        CERTKEEPER_ACME_DIRECTORY_URL: pebble.directoryUrl,
        CERTKEEPER_ACME_CA_FILE: caFile,
        CERTKEEPER_ACME_EMAIL: 'chaos@chaos.test',
        CERTKEEPER_DNS_HOOK_DIR: hookDir,
        CERTKEEPER_RENEWAL_INTERVAL_SECONDS: '1',
        CERTKEEPER_SWEEP_INTERVAL_SECONDS: '5',
        CERTKEEPER_NOTIFY_RETRY_INTERVAL_SECONDS: '1',
        CERTKEEPER_PROBE_INTERVAL_SECONDS: '5',
        CERTKEEPER_LOG_LEVEL: 'info',
      };
      servers.push(new ServerSlot(name, port, cliEntry, env, path.join(logsDir, `server-${name}.log`)));
    }
    // The first one migrates the database; the others start after it.
    await servers[0]!.start();
    await Promise.all(servers.slice(1).map((s) => s.start()));
    log(`servers up: ${servers.map((s) => `${s.name} ${s.url} (pid ${s.pid})`).join(', ')}`);

    // Tenants: an organization, three projects, a webhook channel in each.
    const client = new ChaosClient(servers, TOKEN);
    const org = await client.ok('POST', '/api/v1/organizations', { name: 'chaos' });
    const tenants: Tenant[] = [];
    const channelOf = new Map<string, string>();
    for (const kind of ['auto', 'manual', 'digest'] as const) {
      const project = await client.ok('POST', '/api/v1/projects', { organizationId: org.id, name: `chaos-${kind}` });
      tenants.push({ kind, projectId: project.id });
      const secret = randomBytes(24).toString('hex');
      receiver.secrets.set(kind, secret);
      channelOf.set(project.id, kind);
      await client.ok('POST', `/api/v1/projects/${project.id}/notification-channels`, { name: `receiver-${kind}`, type: 'webhook', config: { url: receiver.url(kind), secret } });
    }
    const project = (kind: Tenant['kind']) => tenants.find((t) => t.kind === kind)!.projectId;
    await client.ok('PUT', `/api/v1/projects/${project('auto')}/settings`, { dnsProvider: { type: 'exec', hook: 'challtestsrv-hook' } });
    await client.ok('PUT', `/api/v1/projects/${project('digest')}/notification-policy`, { digest: true });

    // The TLS endpoints: one healthy (its CA imported as the project's own), one expiring, one
    // serving another name, one whose certificate is replaced every 20 s.
    const ca = createTestCa({ name: 'certkeeper chaos' });
    await client.ok('POST', `/api/v1/projects/${project('auto')}/certificates/import`, { certificateBody: ca.root.certPem });
    const day = 86_400_000;
    const serve = (name: string, days: number) => {
      const c = ca.issue({ commonName: name, notBefore: new Date(Date.now() - day), notAfter: new Date(Date.now() + days * day) });
      return { certPem: c.certPem, chainPem: c.chainPem, keyPem: c.keyPem };
    };
    const endpoints = [
      new TlsEndpoint('healthy.chaos.test', serve('healthy.chaos.test', 200)),
      new TlsEndpoint('expiring.chaos.test', serve('expiring.chaos.test', 10)),
      new TlsEndpoint('mismatch.chaos.test', serve('elsewhere.chaos.test', 200)),
      new TlsEndpoint('rotating.chaos.test', serve('rotating.chaos.test', 20)),
    ];
    for (const e of endpoints) {
      const port = await e.listen();
      cleanups.push(() => e.close());
      for (const kind of e.serverName.startsWith('rotating') ? (['auto', 'digest'] as const) : (['auto'] as const)) {
        await client.ok('POST', `/api/v1/projects/${project(kind)}/endpoints`, { host: '127.0.0.1', port, protocol: 'tls', serverName: e.serverName });
      }
    }
    const workload = new Workload(client, tenants, ca, pebble.challtestsrvUrl!, {
      maxAuto: o.auto,
      maxManual: o.manual,
      forceRenewEveryMs: o.forceRenewEveryS * 1000,
      shortLivedShare: 0.1,
    });
    for (const t of tenants) {
      for (const e of (await client.ok('GET', `/api/v1/projects/${t.projectId}/endpoints?pageSize=100`)) as Array<{ id: string }>) workload.endpoints.push({ projectId: t.projectId, id: e.id });
    }
    // Half the managed certificates from the start, so that renewals fall due throughout.
    for (let i = 0; i < Math.ceil(o.auto / 2); i++) await workload.createManaged('auto');
    for (let i = 0; i < Math.ceil(o.manual / 2); i++) await workload.createManaged('manual');
    const setupRecords = client.records.length;
    const setupCalls = client.calls;
    log(`set up: 3 projects with a webhook channel each, ${endpoints.length} TLS endpoints (${workload.endpoints.length} watched), ${workload.autoIds.length} automated and ${workload.manualIds.length} manual certificates`);

    // The chaos phase.
    const chaosStart = Date.now();
    const chaosEnd = chaosStart + o.durationS * 1000;
    const pgWindows: Window[] = [];
    const mutex = new Mutex();
    let kills = 0;
    let pgRestarts = 0;
    const pgUnrecovered: string[] = [];
    let validatorStop = false;
    const validator = workload.validateManual(() => validatorStop);
    const rotation = (async () => {
      while (Date.now() < chaosEnd) {
        await sleep(Math.min(20_000, Math.max(0, chaosEnd - Date.now())));
        if (Date.now() >= chaosEnd) return;
        endpoints[3]!.serve(serve('rotating.chaos.test', 5 + Math.floor(Math.random() * 20)));
      }
    })();
    const killer = (async () => {
      let next = 0;
      for (;;) {
        // Never sleeps past the chaos phase: the run waits for the killer before it settles.
        await sleep(Math.min(o.killEveryS * 1000 * (0.75 + Math.random() * 0.5), Math.max(0, chaosEnd - Date.now())));
        if (Date.now() >= chaosEnd) return;
        const victim = servers[next++ % servers.length]!;
        await mutex.run(async () => {
          const w = await victim.killAndRestart();
          kills++;
          log(`killed ${victim.name} (SIGKILL), ready again after ${fmt((w.to - w.from) / 1000, 1)} s`);
        });
      }
    })();
    const pgRestart = (async () => {
      if (o.pgRestartAtS === null) return;
      await sleep(Math.max(0, chaosStart + o.pgRestartAtS * 1000 - Date.now()));
      await mutex.run(async () => {
        const w: Window = { from: Date.now(), to: Number.POSITIVE_INFINITY };
        pgWindows.push(w);
        log('restarting PostgreSQL (pg_ctl restart -m fast)…');
        await restartPostgres(cluster.url);
        const pgUp = Date.now();
        // Down until every server answers /readyz (its pool reconnected), and a grace of 2 s. A
        // server that does not recover within a minute is a failure, not a reason to wait forever.
        const readyBy = Date.now() + 60_000;
        for (const s of servers) {
          while ((await httpStatus(`${s.url}/readyz`)) !== 200) {
            if (Date.now() > readyBy) {
              pgUnrecovered.push(s.name);
              log(`server ${s.name} not ready a minute after PostgreSQL came back`);
              break;
            }
            await sleep(50);
          }
        }
        w.to = Date.now() + 2000;
        pgRestarts++;
        log(`PostgreSQL restarted in ${fmt((pgUp - w.from) / 1000, 1)} s; every server ready again after ${fmt((w.to - 2000 - w.from) / 1000, 1)} s`);
      });
    })();
    const progress = setInterval(() => log(`${client.calls} calls, ${client.records.length} attempts, ${kills} kills, ${workload.acked.length} imports acknowledged, ${receiver.receipts.length} webhook requests`), 15_000);
    await workload.run(chaosEnd, o.workers);
    await Promise.all([killer, pgRestart, rotation]);
    clearInterval(progress);
    const chaosSeconds = (Date.now() - chaosStart) / 1000;
    log(`chaos phase over: ${kills} kills, ${pgRestarts} PostgreSQL restart(s); settling (all servers up, the manual certificates still validated)…`);

    // Settle: every server up, until nothing is Validating and every notifiable event reached its
    // channel. The receiver accepts everything now: a refused delivery waits out certkeeper's
    // retry backoff (30 s, then doubling), which only lengthens the wait.
    receiver.refuseRate = 0;
    const settleStart = Date.now();
    const settleDeadline = settleStart + o.settleS * 1000;
    let quiescentAt: number | null = null;
    let lastReport = 0;
    for (;;) {
      const [events, validating] = await Promise.all([expectedEvents(dbUrl, channelOf), validatingIds(dbUrl)]);
      // With no cut every event not yet accepted counts as lost: here, that is what is outstanding.
      const d = checkDeliveries(events, receiver.receipts, Number.POSITIVE_INFINITY);
      const waiting = d.lost.length;
      if (waiting === 0 && validating.length === 0 && servers.every((s) => s.running())) {
        quiescentAt = Date.now();
        break;
      }
      if (Date.now() > settleDeadline) break;
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        const which = d.lost.slice(0, 5).map((l) => `${l.type} #${l.eventId} to ${l.channel}, ${fmt((Date.now() - l.createdAt) / 1000, 0)} s old`);
        log(`settling: ${waiting} event deliveries outstanding${which.length ? ` (${which.join('; ')})` : ''}, ${validating.length} certificate(s) Validating`);
      }
      await sleep(1000);
    }
    const settleSeconds = (Date.now() - settleStart) / 1000;
    log(quiescentAt ? `settled after ${fmt(settleSeconds, 1)} s` : `did NOT settle within ${o.settleS} s`);
    validatorStop = true;
    await validator;
    const stoppedAt = Date.now();
    await Promise.all(servers.map((s) => s.stop()));
    log('servers stopped (SIGTERM); checking…');

    // The verdicts.
    const windows: DownWindows = { servers: Object.fromEntries(servers.map((s) => [s.name, s.downWindows])), postgres: pgWindows };
    const requests = classifyRequests(client.records.slice(setupRecords), windows);
    const validating = await validatingIds(dbUrl);
    const events = await expectedEvents(dbUrl, channelOf);
    const deliveries = checkDeliveries(events, receiver.receipts, quiescentAt ?? stoppedAt - 10_000);
    const importRows = await query<{ id: number; project_id: string; fingerprint_sha256: string }>(dbUrl, "select id, project_id, fingerprint_sha256 from certificates where source <> 'acme'");
    const imports = checkImports(
      workload.acked,
      importRows.map((r): StoredCertificate => ({ id: Number(r.id), projectId: r.project_id, fingerprintSha256: r.fingerprint_sha256 })),
    );
    // Pebble logs each issued certificate before it answers; the lines come through a pipe.
    await sleep(500);
    const histories = await managedHistories(dbUrl);
    const issuedByCa = pebble.issuedCertificates().map((c) => c.serial);
    const renewals = checkRenewals(histories, issuedByCa, workload.renewRequests);
    // A stored order URL ends with the id Pebble logged (…/my-order/ID).
    const currentOrders = (await query<{ order_url: string }>(dbUrl, 'select order_url from managed_certificates where order_url is not null')).map((r) => r.order_url.replace(/\/+$/, '').split('/').pop()!);
    const orders = checkOrders(
      pebble.orderIds(),
      pebble.issuedCertificates().map((c) => c.orderId),
      pebble.invalidOrderIds(),
      currentOrders,
    );
    const renewal = await renewalState(dbUrl, stoppedAt, 15_000);
    const statusRows = await query<{ source: string; status: string; n: string }>(dbUrl, 'select source, status, count(*) as n from certificates group by source, status order by source, status');

    const crashes = servers.flatMap((s) => s.crashes.map((c) => ({ server: s.name, ...c })));
    const duplicates =
      renewals.premature.length + renewals.issuedButNotStored.length + renewals.storedTwice.length + orders.invalid + orders.abandoned.length + deliveries.duplicates.length + imports.storedTwice.length;
    const lost = imports.lost.length + deliveries.lost.length;
    const targets = {
      duplicates: duplicates === 0,
      lost: lost === 0,
      serverErrorsOutsideDownWindows: requests.serverErrorsOutside.length === 0,
      // A server up but not answering (hung, or refusing connections) fails as a 5xx would.
      noAnswerOutsideDownWindows: requests.connectionErrorsOutside.length === 0,
      stuckValidating: validating.length === 0,
      missedRenewals: renewal.missed.length === 0,
      managedExpired: renewal.expired.length === 0,
      settled: quiescentAt !== null,
      recoveredAfterPostgresRestart: pgUnrecovered.length === 0,
      serverCrashes: crashes.length === 0,
      wrongAcknowledgements: workload.wrongAcks.length === 0 && renewals.storedButNotIssued.length === 0 && deliveries.malformed === 0,
    };
    const ok = Object.values(targets).every(Boolean);
    const durationS = (Date.now() - t0) / 1000;

    const rows: Array<[string, string, string]> = [
      ['requests after setup (calls / HTTP attempts, retries included)', `${client.calls - setupCalls} / ${requests.attempts} (${Object.entries(requests.byStatusClass).map(([k, v]) => `${k} ${v}`).join(', ')})`, '—'],
      ['kills (SIGKILL, then restart; one server at a time)', String(kills), '—'],
      ['PostgreSQL restarts (pg_ctl restart -m fast)', String(pgRestarts), '—'],
      ['server crashes (exited without being killed)', String(crashes.length), '0'],
      ['renewals (scheduled / forced) over managed certificates', `${renewals.renewals} (${renewals.scheduled} / ${renewals.forced}) over ${histories.length}; Pebble issued ${issuedByCa.length}, certkeeper stored ${histories.reduce((n, h) => n + h.versions.length, 0)}`, '—'],
      ['orders at Pebble (issued / still awaited)', `${orders.created} (${orders.issued} / ${orders.open})`, '—'],
      ['deliveries accepted (webhook requests; refused on purpose)', `${deliveries.deliveries} for ${deliveries.expected} event × channel (${deliveries.receipts}; ${deliveries.refused})`, '—'],
      ['redelivered under the same delivery id (deduplicable)', String(deliveries.redeliveredSameId), 'allowed'],
      [
        'duplicates',
        `${duplicates} (renewals early ${renewals.premature.length}, issued but not stored ${renewals.issuedButNotStored.length}, certificates stored twice ${renewals.storedTwice.length}, orders refused ${orders.invalid}, orders abandoned ${orders.abandoned.length}, deliveries ${deliveries.duplicates.length}, imports ${imports.storedTwice.length})`,
        '0',
      ],
      ['lost (acknowledged imports / events never delivered)', `${lost} (${imports.lost.length} of ${imports.acknowledged} / ${deliveries.lost.length} of ${deliveries.expected})`, '0'],
      [
        '5xx outside down windows (5xx in all: while their server was down / during the PostgreSQL restart)',
        `${requests.serverErrorsOutside.length} (${requests.serverErrors}: ${requests.serverErrorsBy.server} / ${requests.serverErrorsBy.postgres})`,
        '0',
      ],
      ['certificates left Validating', String(validating.length), '0'],
      ['renewals missed (due, never attempted)', String(renewal.missed.length), '0'],
      ['managed certificates left to expire', String(renewal.expired.length), '0'],
      ['no answer outside down windows (no answer in all)', `${requests.connectionErrorsOutside.length} (${requests.connectionErrors})`, '0'],
      ['duration (chaos / settle / whole run)', `${fmt(chaosSeconds, 0)} s / ${fmt(settleSeconds, 0)} s / ${fmt(durationS, 0)} s`, '—'],
    ];
    const table = ['| measure | value | target |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
    process.stdout.write(`\n${table}\n\n${ok ? 'every target met' : `TARGETS MISSED: ${Object.entries(targets).filter(([, v]) => !v).map(([k]) => k).join(', ')}`}\n`);

    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `chaos-${stamp}.json`);
    const detail = <T>(xs: T[]) => xs.slice(0, 50);
    writeFileSync(
      file,
      JSON.stringify(
        {
          date: new Date(t0).toISOString(),
          node: process.version,
          options: o,
          ok,
          targets,
          table: rows,
          durations: { chaosSeconds, settleSeconds, wholeRunSeconds: durationS },
          kills,
          pgRestarts,
          crashes,
          downWindows: windows,
          requests: { ...requests, serverErrorsOutside: detail(requests.serverErrorsOutside), connectionErrorsOutside: detail(requests.connectionErrorsOutside) },
          actions: workload.counts,
          validations: { ...workload.validations, outcomes: workload.validationOutcomes },
          orders: { ...orders, abandoned: detail(orders.abandoned) },
          renewals: { ...renewals, premature: detail(renewals.premature), forcedRequests: workload.renewRequests.length, missed: renewal.missed, expired: renewal.expired, failing: renewal.failing, managedStatuses: renewal.statuses },
          deliveries: { ...deliveries, duplicates: detail(deliveries.duplicates), lost: detail(deliveries.lost), byType: countBy(events, (e) => e.type) },
          imports: { ...imports, lost: detail(imports.lost), wrongAcks: detail(workload.wrongAcks) },
          validating,
          certificates: statusRows.map((r) => ({ source: r.source, status: r.status, count: Number(r.n) })),
          serverStarts: Object.fromEntries(servers.map((s) => [s.name, s.starts])),
        },
        null,
        2,
      ),
    );
    process.stdout.write(`written to ${path.relative(process.cwd(), file)}\n`);
    failed = !ok;
  } finally {
    if (failed || args.includes('--keep-logs')) await keepLogs().catch((err) => log(`keeping the logs: ${err}`));
    await teardown();
  }
  return failed ? 1 : 0;
}

function countBy<T>(xs: readonly T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`chaos run failed: ${(err as Error).stack ?? err}\n`);
    process.exit(2);
  },
);
