/**
 * A killed server never leaves an order stuck. A real certkeeper process (on SQLite, the
 * embedded default, and on PostgreSQL) issues a dns-01 certificate through an exec DNS hook; the
 * hook blocks once, so the server is reliably in the middle of validating (status Validating,
 * the certificate's lease held) when the test SIGKILLs it. After a restart the certificate is
 * resumed without any API call, by the same server (same CERTKEEPER_INSTANCE_ID) while the
 * lease still holds or, once the lease has expired, by another one; or, when the CA refused the
 * order meanwhile, it ends cleanly Failed with the CA's problem stored, never left Validating.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPebble, type Pebble } from '../support/pebble.js';
import { startServerProcess, waitFor, waitForJobPasses, type ServerProcess } from '../support/server-process.js';
import { createServerDatabase, dialects, type Dialect } from '../support/test-store.js';

let pebble: Pebble | undefined;
let root: string | undefined;
let caFile: string;
const token = randomBytes(24).toString('hex');
const masterKey = randomBytes(32).toString('base64');
const servers: ServerProcess[] = [];
const hookStateDirs: string[] = [];
const databases: Array<() => Promise<void>> = [];

beforeAll(async () => {
  pebble = await startPebble();
  root = await mkdtemp(path.join(tmpdir(), 'certkeeper-restart-'));
  caFile = path.join(root, 'pebble-ca.pem');
  await writeFile(caFile, pebble.caPem);
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(servers.map((s) => s.kill()));
  // A hook the killed server left blocked (hooks run detached, in their own process group) ends
  // once it sees the release file; then wait for it to be gone.
  for (const state of hookStateDirs) await releaseHooks(state).catch(() => undefined);
  for (const drop of databases) await drop().catch(() => undefined);
  await pebble?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

/**
 * The exec DNS hook (`HOOK present|cleanup NAME VALUE`): publishes the TXT record to (or clears
 * it from) challtestsrv, Pebble's DNS. Its behaviour is steered by files in its state dir:
 * `wrong` publishes a wrong value (a broken DNS provider), `block-present` / `block-cleanup`
 * makes the first such call (and only that one: it renames the file, atomically) wait for
 * `release`, leaving `blocked-ACTION.PID` behind. Every call is appended to `calls.log`.
 * The hook sees only PATH and CERTKEEPER_* (never the server's environment), so the URL and
 * the state dir are written into the script.
 */
function hookScript(stateDir: string, managementUrl: string): string {
  return `#!/bin/sh
set -eu
STATE='${stateDir}'
MGMT='${managementUrl}'
action="$1"; name="$2"; value="$3"
case "$name" in *.) ;; *) name="$name." ;; esac
echo "$action $2 $3 $$" >> "$STATE/calls.log"
if [ "$action" = present ]; then
  if [ -e "$STATE/wrong" ]; then published="wrong-$value"; else published="$value"; fi
  curl -fsS -X POST -d "{\\"host\\":\\"$name\\",\\"value\\":\\"$published\\"}" "$MGMT/set-txt" >/dev/null
else
  curl -fsS -X POST -d "{\\"host\\":\\"$name\\"}" "$MGMT/clear-txt" >/dev/null
fi
if mv "$STATE/block-$action" "$STATE/blocked-$action.$$" 2>/dev/null; then
  i=0
  while [ ! -e "$STATE/release" ] && [ "$i" -lt 1800 ]; do sleep 0.1; i=$((i+1)); done
fi
exit 0
`;
}

/** The PID of the hook call that took the block for `action`, once it is waiting. */
async function blockedHookPid(stateDir: string, action: 'present' | 'cleanup'): Promise<number | undefined> {
  const file = (await readdir(stateDir)).find((f) => f.startsWith(`blocked-${action}.`));
  return file ? Number(file.split('.')[1]) : undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function releaseHooks(stateDir: string): Promise<void> {
  await writeFile(path.join(stateDir, 'release'), '');
  const pids = (await readdir(stateDir)).filter((f) => f.startsWith('blocked-')).map((f) => Number(f.split('.')[1]));
  await waitFor('blocked hooks to end', async () => pids.every((p) => !alive(p)), { timeoutMs: 10_000, intervalMs: 50 });
}

async function hookCalls(stateDir: string): Promise<string[]> {
  const text = await readFile(path.join(stateDir, 'calls.log'), 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean);
}

interface Scenario {
  dataDir: string;
  stateDir: string;
  projectId: string;
  /** Environment of a server on this scenario's data dir under `instanceId`. */
  env(instanceId: string): Record<string, string>;
  start(name: string, instanceId: string): Promise<ServerProcess>;
  /** The certificate's managed_certificates row, read straight from the database. */
  row(id: number): Promise<LeaseRow>;
  /** Moves the certificate's lease expiry into the past, in the database: the lease ran out. */
  expireLease(id: number): Promise<void>;
  context(): string;
}

interface LeaseRow {
  lease_owner: string | null;
  lease_expires_at: number | null;
  order_url: string | null;
}

/**
 * Reads and changes a server's database from the test, beside the server: the SQLite file in
 * its data dir (a connection per call, so none stays open across a kill) or PostgreSQL.
 */
function databaseAccess(dialect: Dialect, dataDir: string, env: Record<string, string>): Pick<Scenario, 'row' | 'expireLease'> {
  const rowSql = 'select lease_owner, lease_expires_at, order_url from managed_certificates where certificate_id = $1';
  const expireSql = 'update managed_certificates set lease_expires_at = $1 where certificate_id = $2 and lease_owner is not null';
  if (dialect === 'postgres') {
    const withClient = async <T>(fn: (client: pg.Client) => Promise<T>) => {
      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.end();
      }
    };
    return {
      row: (id) =>
        withClient(async (client) => {
          const row = (await client.query(rowSql, [id])).rows[0] as { lease_owner: string | null; lease_expires_at: string | null; order_url: string | null };
          // bigint comes back from pg as a string.
          return { ...row, lease_expires_at: row.lease_expires_at === null ? null : Number(row.lease_expires_at) };
        }),
      expireLease: (id) =>
        withClient(async (client) => {
          expect((await client.query(expireSql, [Date.now() - 1000, id])).rowCount, 'a lease to expire').toBe(1);
        }),
    };
  }
  const file = path.join(dataDir, 'certkeeper.db');
  return {
    row: async (id) => {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(rowSql.replace('$1', '?')).get(id) as LeaseRow;
      } finally {
        db.close();
      }
    },
    expireLease: async (id) => {
      const db = new Database(file, { fileMustExist: true });
      try {
        expect(db.prepare(expireSql.replace('$1', '?').replace('$2', '?')).run(Date.now() - 1000, id).changes, 'a lease to expire').toBe(1);
      } finally {
        db.close();
      }
    },
  };
}

/** A data dir and database, a hook dir with the hook, a server, an organization and a project using the hook. */
async function setUp(dialect: Dialect, label: string, hookState: { block?: 'present' | 'cleanup'; wrong?: boolean }, extraEnv: Record<string, string> = {}): Promise<{ scenario: Scenario; server: ServerProcess }> {
  const dir = path.join(root!, dialect, label);
  const dataDir = path.join(dir, 'data');
  const hookDir = path.join(dir, 'hooks');
  const stateDir = path.join(dir, 'hook-state');
  await mkdir(hookDir, { recursive: true });
  await mkdir(stateDir, { recursive: true });
  hookStateDirs.push(stateDir);
  const hook = path.join(hookDir, 'challtestsrv-hook');
  await writeFile(hook, hookScript(stateDir, pebble!.challtestsrvUrl!));
  await chmod(hook, 0o755);
  if (hookState.block) await writeFile(path.join(stateDir, `block-${hookState.block}`), '');
  if (hookState.wrong) await writeFile(path.join(stateDir, 'wrong'), '');
  const database = await createServerDatabase(dialect);
  databases.push(database.drop);
  const mine: ServerProcess[] = [];
  const env = (instanceId: string) => ({
    ...database.env,
    CERTKEEPER_DATA_DIR: dataDir,
    CERTKEEPER_MASTER_KEY: masterKey,
    CERTKEEPER_BOOTSTRAP_TOKEN: token,
    CERTKEEPER_ACME_DIRECTORY_URL: pebble!.directoryUrl,
    CERTKEEPER_ACME_CA_FILE: caFile,
    CERTKEEPER_ACME_EMAIL: 'ops@example.test',
    CERTKEEPER_INSTANCE_ID: instanceId,
    CERTKEEPER_RENEWAL_INTERVAL_SECONDS: '1',
    CERTKEEPER_DNS_HOOK_DIR: hookDir,
    ...extraEnv,
  });
  const start = async (name: string, instanceId: string) => {
    const s = await startServerProcess({ name: `${label}/${name}`, env: env(instanceId) });
    servers.push(s);
    mine.push(s);
    return s;
  };
  const context = () => mine.map((s) => s.describe(3000)).join('\n\n');
  const { row, expireLease } = databaseAccess(dialect, dataDir, database.env);
  const server = await start('first', `${label}-1`);
  const org = await server.api('POST', '/api/v1/organizations', { token, body: { name: label } });
  expect(org.status, org.text).toBe(200);
  const project = await server.api('POST', '/api/v1/projects', { token, body: { organizationId: org.body.result.id, name: label } });
  expect(project.status, project.text).toBe(200);
  const projectId = project.body.result.id as string;
  const settings = await server.api('PUT', `/api/v1/projects/${projectId}/settings`, { token, body: { dnsProvider: { type: 'exec', hook: 'challtestsrv-hook' } } });
  expect(settings.status, settings.text).toBe(200);
  return { scenario: { dataDir, stateDir, projectId, env, start, row, expireLease, context }, server };
}

/** Adds the certificate's row, read once the wait has failed, to the failure. */
const withRow = (s: Scenario, id: number) => async (err: Error): Promise<never> => {
  err.message += `\nrow: ${await s.row(id).then(JSON.stringify, String)}`;
  throw err;
};

/** The Pebble order id at the end of an order URL (…/my-order/ID). */
const orderIdOf = (orderUrl: string) => orderUrl.split('/').pop()!;

async function certificate(server: ServerProcess, projectId: string, id: number) {
  const res = await server.api('GET', `/api/v1/projects/${projectId}/certificates/${id}`, { token });
  expect(res.status, res.text).toBe(200);
  return res.body.result;
}

/** Creates the dns-01 certificate and waits until the hook is blocked with the server mid-validation. */
async function createAndBlock(s: Scenario, server: ServerProcess, domainName: string, action: 'present' | 'cleanup') {
  const res = await server.api('POST', `/api/v1/projects/${s.projectId}/certificates`, { token, body: { domainName, challengeType: 'dns-01' } });
  expect(res.status, res.text).toBe(200);
  const id = res.body.result.id as number;
  const pid = await waitFor(`the hook's ${action} call to block`, () => blockedHookPid(s.stateDir, action), { timeoutMs: 60_000, intervalMs: 50, context: s.context });
  const during = await certificate(server, s.projectId, id);
  expect(during.certificateStatus, JSON.stringify(during)).toBe('Validating');
  const row = await s.row(id);
  expect(row.lease_owner, 'the attempt holds the lease').not.toBeNull();
  expect(row.order_url).not.toBeNull();
  return { id, pid, orderId: orderIdOf(row.order_url!) };
}

describe.each(dialects)('a server killed while a certificate is Validating, on %s', (dialect) => {
  it('restarted with the same instance id, resumes the order by itself: Active, no API call', async () => {
    const { scenario: s, server } = await setUp(dialect, 'same-id', { block: 'present' });
    const { id, orderId } = await createAndBlock(s, server, 'resume-same.example.test', 'present');
    expect((await s.row(id)).lease_owner).toBe('same-id-1');
    await server.kill();
    const leaseUntil = Number((await s.row(id)).lease_expires_at);

    // Only reads from here on: the scheduler's pass at start must resume it.
    const restarted = await s.start('restarted', 'same-id-1');
    const done = await waitFor(
      'the certificate to become Active after the restart',
      async () => {
        const c = await certificate(restarted, s.projectId, id);
        return c.certificateStatus === 'Active' ? c : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250, context: s.context },
    ).catch(withRow(s, id));
    expect(done).toMatchObject({ id, certificateStatus: 'Active', hasPrivateKey: true, managed: { failureCount: 0, lastProblem: null } });
    // Resumed, not restarted from scratch: the order the dead server had opened was finalized.
    await waitFor(`Pebble to log a certificate for order ${orderId}`, async () => pebble!.issuedCertificates().some((c) => c.orderId === orderId), { timeoutMs: 10_000, intervalMs: 50 });
    // Taken back, not taken over once it lapsed: issued while the dead server's lease still held
    // (the log's time and the lease's expiry are both this machine's clock, as the server read it).
    const issued = restarted.logRecords().find((r) => r.msg === 'certificate issued' && r.certificateId === id);
    expect(issued, restarted.describe()).toBeDefined();
    expect(Number(issued!.time), 'issued before the dead server’s lease expired').toBeLessThan(leaseUntil);
    expect(await s.row(id)).toMatchObject({ lease_owner: null, order_url: null });
    const events = (await restarted.api('GET', `/api/v1/projects/${s.projectId}/events?pageSize=100`, { token })).body.result as Array<{ type: string; objectId: string; actor: string }>;
    const mine = events.filter((e) => e.objectId === String(id)).map((e) => e.type);
    expect(mine.filter((t) => t === 'certificate.issued')).toHaveLength(1);
    expect(mine).not.toContain('certificate.validation_failed');
  }, 120_000);

  it('another server (other instance id) leaves it alone while the lease lasts, then resumes it', async () => {
    const { scenario: s, server } = await setUp(dialect, 'other-id', { block: 'present' });
    const { id, orderId } = await createAndBlock(s, server, 'resume-other.example.test', 'present');
    await server.kill();

    const presentCalls = (await hookCalls(s.stateDir)).filter((l) => l.startsWith('present ')).length;
    expect(presentCalls).toBe(1);
    const leaseUntil = Number((await s.row(id)).lease_expires_at);
    const other = await s.start('other', 'other-id-2');
    // The dead server's lease still holds: whole renewal passes of the other server, which ended
    // before the lease's expiry, leave the certificate alone (they do not even list it).
    const [passes] = await waitForJobPasses([other], 'renewals', { passes: 2, token, context: s.context });
    expect(passes!.lastSuccessAt, 'the passes ran while the lease held').toBeLessThan(leaseUntil);
    expect(passes!.items, 'the passes tried no certificate').toBe(0);
    expect((await certificate(other, s.projectId, id)).certificateStatus).toBe('Validating');
    expect((await hookCalls(s.stateDir)).filter((l) => l.startsWith('present ')).length, 'no new hook call while the lease holds').toBe(presentCalls);
    expect(await s.row(id)).toMatchObject({ lease_owner: 'other-id-1', lease_expires_at: leaseUntil });

    // Once the lease has expired, the other server takes the certificate over. The lease lasts
    // CERTKEEPER_LEASE_SECONDS (600 s by default): rather than wait, stand in for that time
    // passing by moving its expiry into the past.
    await s.expireLease(id);
    const done = await waitFor(
      'the other server to resume the certificate',
      async () => {
        const c = await certificate(other, s.projectId, id);
        return c.certificateStatus === 'Active' ? c : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250, context: s.context },
    ).catch(withRow(s, id));
    expect(done).toMatchObject({ certificateStatus: 'Active', managed: { failureCount: 0 } });
    await waitFor(`Pebble to log a certificate for order ${orderId}`, async () => pebble!.issuedCertificates().some((c) => c.orderId === orderId), { timeoutMs: 10_000, intervalMs: 50 });
    expect(other.logRecords().some((r) => r.msg === 'certificate issued' && r.certificateId === id), other.describe()).toBe(true);
    expect(await s.row(id)).toMatchObject({ lease_owner: null, order_url: null });
  }, 120_000);

  it('when the CA refused the order before the kill, the restarted server fails it cleanly: Failed with the problem stored', async () => {
    // The DNS provider publishes a wrong value; the server is killed in the hook's cleanup,
    // after the CA has already refused (and invalidated) the order but before the server
    // stored the failure.
    const { scenario: s, server } = await setUp(dialect, 'refused', { block: 'cleanup', wrong: true });
    const { id, orderId } = await createAndBlock(s, server, 'refused.example.test', 'cleanup');
    await waitFor('Pebble to log the order invalid (before the kill)', async () => pebble!.invalidOrderIds().includes(orderId), { timeoutMs: 10_000, intervalMs: 50 });
    await server.kill();
    expect((await s.row(id)).order_url).toContain(orderId);

    const restarted = await s.start('restarted', 'refused-1');
    const failed = await waitFor(
      'the certificate to leave Validating after the restart',
      async () => {
        const c = await certificate(restarted, s.projectId, id);
        return c.certificateStatus !== 'Validating' && c.certificateStatus !== 'PendingValidation' ? c : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250, context: s.context },
    ).catch(withRow(s, id));
    expect(failed.certificateStatus, JSON.stringify(failed)).toBe('Failed');
    expect(failed.managed.failureCount).toBe(1);
    expect(failed.managed.lastProblem?.type).toMatch(/^urn:ietf:params:acme:error:/);
    // Backing off, not looping; the lease released; the refused order not kept.
    expect(new Date(failed.managed.nextAttemptAt).getTime()).toBeGreaterThan(Date.now());
    expect(await s.row(id)).toMatchObject({ lease_owner: null, order_url: null });
    // The invalid order was not reused (RFC 8555 §7.1.6: invalid is final): never finalized.
    expect(pebble!.issuedCertificates().map((c) => c.orderId)).not.toContain(orderId);
    const events = (await restarted.api('GET', `/api/v1/projects/${s.projectId}/events?type=certificate.validation_failed`, { token })).body.result as Array<{ objectId: string; data: { problem: { type: string } } }>;
    const mine = events.filter((e) => e.objectId === String(id));
    expect(mine).toHaveLength(1);
    expect(mine[0].data.problem.type).toBe(failed.managed.lastProblem.type);
    // It stays Failed (no stuck attempt, no retry loop) over whole renewal passes, run before
    // the next attempt is due.
    const [passes] = await waitForJobPasses([restarted], 'renewals', { passes: 2, token, context: s.context });
    expect(passes!.lastSuccessAt).toBeLessThan(new Date(failed.managed.nextAttemptAt).getTime());
    expect(await certificate(restarted, s.projectId, id)).toMatchObject({ certificateStatus: 'Failed', managed: { failureCount: 1 } });
  }, 120_000);
});
