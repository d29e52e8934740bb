/**
 * Two certkeeper server processes on one PostgreSQL database renew each due
 * certificate exactly once. Every certificate is made due at the same moment and both
 * schedulers poll every second, so both race for every certificate; the lease (one conditional
 * UPDATE with an expiry) and the re-check inside it must let exactly one of them renew it. The
 * count that matters is taken from the CA itself: Pebble's own log of the orders it created and
 * the certificates it issued.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-store.js';
import { startPebble, type Pebble } from '../support/pebble.js';
import { startServerProcess, waitFor, waitForJobPasses, type ServerProcess } from '../support/server-process.js';
import '../support/postgres.js';

/** How many certificates race at once. */
const K = 12;

let pebble: Pebble | undefined;
let dir: string | undefined;
let database: TestDatabase | undefined;
let db: pg.Client | undefined;
const servers: ServerProcess[] = [];
let a: ServerProcess;
let b: ServerProcess;
const token = randomBytes(24).toString('hex');
const masterKey = randomBytes(32).toString('base64');
let projectId: string;

const context = () => servers.map((s) => s.describe(3000)).join('\n\n') + (pebble ? `\n\npebble log tail:\n${pebble.logLines().slice(-30).join('\n')}` : '');

beforeAll(async () => {
  // Pebble's validator waits a random 0 or 1 s before each validation (instead of none):
  // a renewal then takes long enough that both servers' passes, and each server's own
  // overlapping once-a-second passes, contend for the same certificates.
  pebble = await startPebble({ extraEnv: { PEBBLE_VA_NOSLEEP: '0', PEBBLE_VA_SLEEPTIME: '2' } });
  dir = await mkdtemp(path.join(tmpdir(), 'certkeeper-two-servers-'));
  const caFile = path.join(dir, 'pebble-ca.pem');
  await writeFile(caFile, pebble.caPem);

  // A fresh database in the run's PostgreSQL cluster (test/support/global-setup.ts).
  database = await createTestDatabase('certkeeper_e2e');
  const databaseUrl = database.url;

  const common = {
    DATABASE_URL: databaseUrl,
    // Both servers must open each other's sealed keys (ACME account key, pending keys).
    CERTKEEPER_MASTER_KEY: masterKey,
    CERTKEEPER_BOOTSTRAP_TOKEN: token,
    CERTKEEPER_ACME_DIRECTORY_URL: pebble.directoryUrl,
    CERTKEEPER_ACME_CA_FILE: caFile,
    CERTKEEPER_ACME_EMAIL: 'ops@example.test',
    CERTKEEPER_RENEWAL_INTERVAL_SECONDS: '1',
  };
  // Only one process can bind the port Pebble's validator fetches http-01 tokens from; the
  // tokens live in the shared database, so server a answers for orders server b placed too.
  expect(pebble.logLines().join('\n')).toMatch(/maximum random VA sleep time to 2 seconds/);
  a = await startServerProcess({
    name: 'a',
    env: { ...common, CERTKEEPER_DATA_DIR: path.join(dir, 'a'), CERTKEEPER_INSTANCE_ID: 'e2e-server-a', CERTKEEPER_HTTP01_PORT: String(pebble.httpPort) },
  });
  servers.push(a);
  // Started after a: a has run the migrations, so b's start does not race them.
  b = await startServerProcess({ name: 'b', env: { ...common, CERTKEEPER_DATA_DIR: path.join(dir, 'b'), CERTKEEPER_INSTANCE_ID: 'e2e-server-b' } });
  servers.push(b);

  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();

  const org = await a.api('POST', '/api/v1/organizations', { token, body: { name: 'Two servers' } });
  expect(org.status, org.text).toBe(200);
  const project = await a.api('POST', '/api/v1/projects', { token, body: { organizationId: org.body.result.id, name: 'race' } });
  expect(project.status, project.text).toBe(200);
  projectId = project.body.result.id;
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(servers.map((s) => s.kill()));
  await db?.end().catch(() => undefined);
  await database?.drop().catch(() => undefined);
  await pebble?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface LeaseRow {
  certificate_id: number;
  lease_owner: string | null;
  renew_at: number | null;
  order_url: string | null;
  materials: number;
}

async function leaseRows(): Promise<LeaseRow[]> {
  const res = await db!.query<LeaseRow>(
    `select m.certificate_id, m.lease_owner, m.renew_at, m.order_url,
            (select count(*) from certificate_materials cm where cm.certificate_id = m.certificate_id)::int as materials
       from managed_certificates m order by m.certificate_id`,
  );
  return res.rows;
}

// On PostgreSQL only: servers share a database there; a SQLite file is one server's own.
describe('two servers on one PostgreSQL database', () => {
  it(`renew ${K} certificates that fall due at the same moment exactly once each`, async () => {
    const base = `/api/v1/projects/${projectId}/certificates`;
    const ids: number[] = [];
    for (let i = 0; i < K; i++) {
      const res = await a.api('POST', base, { token, body: { domainName: `race${i}.example.test`, challengeType: 'http-01' } });
      expect(res.status, res.text).toBe(200);
      ids.push(res.body.result.id);
    }
    // Issuance completes in the background (http-01 answered from the database).
    await waitFor(
      `all ${K} certificates Active`,
      async () => {
        for (const id of ids) {
          const res = await b.api('GET', `${base}/${id}`, { token });
          if (res.body?.result?.certificateStatus !== 'Active') return false;
        }
        return true;
      },
      { timeoutMs: 120_000, intervalMs: 250, context },
    );
    const issued = new Map<number, string>();
    for (const id of ids) issued.set(id, (await b.api('GET', `${base}/${id}`, { token })).body.result.sslCertificateId);

    // Pebble logs each certificate before it answers; the line reaches us through a pipe.
    await waitFor(`Pebble to log ${K} issued certificates`, async () => pebble!.issuedCertificates().length === K, { timeoutMs: 10_000, intervalMs: 50, context });
    const ordersBefore = pebble!.orderIds().length;
    const certificatesBefore = pebble!.issuedCertificates().length;
    expect(ordersBefore, 'one order per certificate so far').toBe(K);

    // The servers run on the real clock (a separate process cannot take a fake one), and a
    // fresh certificate is due only after two thirds of its lifetime: stand in for that time
    // passing by moving renew_at into the past, for every certificate in one statement, so
    // they all fall due at the same moment in front of both schedulers.
    const updated = await db!.query('update managed_certificates set renew_at = $1', [Date.now() - 1000]);
    expect(updated.rowCount).toBe(K);

    // Done: every certificate has its second material, no attempt holds a lease, and nothing is
    // due any more (renewAt moved into the future, no order open).
    const quiet = async () => {
      const rows = await leaseRows();
      const now = Date.now();
      return rows.length === K && rows.every((r) => r.materials >= 2 && r.lease_owner === null && r.order_url === null && r.renew_at !== null && Number(r.renew_at) > now);
    };
    await waitFor('every certificate renewed and no lease held', quiet, { timeoutMs: 180_000, intervalMs: 250, context });
    // A second renewal of some certificate would start in the next renewal pass of either
    // server. Wait until each has completed two more passes (so each ran a whole one after the
    // quiet state was seen) and check that nothing started meanwhile.
    await waitForJobPasses([a, b], 'renewals', { passes: 2, token, context });
    expect(await quiet(), `still quiet after two more renewal passes of each server:\n${JSON.stringify(await leaseRows())}`).toBe(true);

    // Each renewal is logged by the server that did it ('certificate renewed'). Which server wins
    // which certificate is up to the race: the split is printed and goes into every failure
    // message, but is not asserted.
    const renewedBy = (s: ServerProcess) => s.logRecords().filter((r) => r.msg === 'certificate renewed').map((r) => Number(r.certificateId));
    const byA = renewedBy(a);
    const byB = renewedBy(b);
    const newOrders = pebble!.orderIds().slice(ordersBefore);
    const newCertificates = pebble!.issuedCertificates().slice(certificatesBefore);
    const summary =
      `renewals logged: server a ${byA.length} [${byA.join(', ')}], server b ${byB.length} [${byB.join(', ')}]; ` +
      `Pebble since the renewal started: ${newOrders.length} orders, ${newCertificates.length} certificates`;
    console.log(summary);

    // At the CA: exactly K new orders and K new certificates since the renewal started.
    expect(newOrders, summary).toHaveLength(K);
    expect(newCertificates, summary).toHaveLength(K);
    expect(new Set(newCertificates.map((c) => c.orderId)), summary).toEqual(new Set(newOrders));

    // In certkeeper: two versions per certificate, the new one current.
    for (const id of ids) {
      const cert = (await a.api('GET', `${base}/${id}`, { token })).body.result;
      expect(cert, summary).toMatchObject({ id, certificateStatus: 'Active' });
      expect(cert.sslCertificateId, summary).not.toBe(issued.get(id));
      const versions = (await b.api('GET', `${base}/${id}/versions`, { token })).body.result as Array<{ sslCertificateId: string; current: boolean }>;
      expect(versions.map((v) => v.sslCertificateId).sort(), `versions of certificate ${id}; ${summary}`).toEqual([issued.get(id), cert.sslCertificateId].sort());
      expect(versions.find((v) => v.current)?.sslCertificateId).toBe(cert.sslCertificateId);
    }

    // Exactly one certificate.renewed event per certificate.
    const events = (await a.api('GET', `/api/v1/projects/${projectId}/events?type=certificate.renewed&pageSize=500`, { token })).body.result as Array<{ objectId: string }>;
    expect(events.map((e) => Number(e.objectId)).sort((x, y) => x - y), summary).toEqual([...ids].sort((x, y) => x - y));

    // And exactly one renewal logged per certificate, by one server or the other.
    expect([...byA, ...byB].sort((x, y) => x - y), summary).toEqual([...ids].sort((x, y) => x - y));
    for (const s of servers) expect(s.running(), s.describe()).toBe(true);
  }, 360_000);
});
