/**
 * Two certkeeper server processes on one PostgreSQL database deploy each certificate version
 * to each target exactly once. Both run the deployment job every second against the same
 * deployment root and hook directory (one machine); certificates are issued, then all renewed
 * at once, by a real Pebble, and every new version makes the deployments due in front of both.
 * The target's lease and the re-check under it must let one server write each version once and
 * reload the target once per batch. The count that matters is the hook's own record: one file
 * per reload run, one line per certificate written before it.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-store.js';
import { startPebble, type Pebble } from '../support/pebble.js';
import { startServerProcess, waitFor, waitForJobPasses, type ServerProcess } from '../support/server-process.js';
import '../support/postgres.js';

/** Certificates, each bound to both targets. */
const K = 5;

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
let runs: string;

const context = () => servers.map((s) => s.describe(3000)).join('\n\n');

beforeAll(async () => {
  pebble = await startPebble();
  dir = await mkdtemp(path.join(tmpdir(), 'certkeeper-two-deployers-'));
  const caFile = path.join(dir, 'pebble-ca.pem');
  await writeFile(caFile, pebble.caPem);
  const root = path.join(dir, 'root');
  const hooks = path.join(dir, 'hooks');
  runs = path.join(dir, 'runs');
  for (const d of [root, hooks, runs]) await mkdir(d);
  // Each run records what it was handed in a file of its own; it takes a moment, as a real reload does, so the other server's passes come while the lease is held.
  await writeFile(path.join(hooks, 'record'), `#!/bin/sh\ncat > '${runs}/'"$CERTKEEPER_DEPLOY_TARGET_ID-$(date +%s%N)-$$"\nsleep 0.3\n`);
  await chmod(path.join(hooks, 'record'), 0o755);

  database = await createTestDatabase('certkeeper_deploy');
  const common = {
    DATABASE_URL: database.url,
    CERTKEEPER_MASTER_KEY: masterKey,
    CERTKEEPER_BOOTSTRAP_TOKEN: token,
    CERTKEEPER_ACME_DIRECTORY_URL: pebble.directoryUrl,
    CERTKEEPER_ACME_CA_FILE: caFile,
    CERTKEEPER_ACME_EMAIL: 'ops@example.test',
    CERTKEEPER_RENEWAL_INTERVAL_SECONDS: '1',
    CERTKEEPER_DEPLOY_INTERVAL_SECONDS: '1',
    CERTKEEPER_DEPLOY_ROOT: root,
    CERTKEEPER_DEPLOY_HOOK_DIR: hooks,
  };
  a = await startServerProcess({ name: 'a', env: { ...common, CERTKEEPER_DATA_DIR: path.join(dir, 'a'), CERTKEEPER_INSTANCE_ID: 'deploy-a', CERTKEEPER_HTTP01_PORT: String(pebble.httpPort) } });
  servers.push(a);
  // Started after a: a has run the migrations.
  b = await startServerProcess({ name: 'b', env: { ...common, CERTKEEPER_DATA_DIR: path.join(dir, 'b'), CERTKEEPER_INSTANCE_ID: 'deploy-b' } });
  servers.push(b);
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const org = await a.api('POST', '/api/v1/organizations', { token, body: { name: 'Two deployers' } });
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

/** Every reload run the hook recorded: its target and the certificates (id, fingerprint) written before it. */
async function recordedRuns(): Promise<Array<{ target: number; written: Array<{ certificateId: number; fingerprintSha256: string }> }>> {
  const out = [];
  for (const f of (await readdir(runs)).sort()) {
    const lines = (await readFile(path.join(runs, f), 'utf8')).trim().split('\n').filter(Boolean);
    out.push({ target: Number(f.split('-')[0]), written: lines.map((l) => JSON.parse(l) as { certificateId: number; fingerprintSha256: string }) });
  }
  return out;
}

describe('two servers on one PostgreSQL database', () => {
  it(`deploy each version of ${K} certificates to each of two targets exactly once, one reload per batch`, async () => {
    const base = `/api/v1/projects/${projectId}`;
    const targets: number[] = [];
    for (const name of ['web', 'mail']) {
      const res = await a.api('POST', `${base}/deployment-targets`, { token, body: { name, type: 'local', config: { directory: name, reloadHook: 'record' } } });
      expect(res.status, res.text).toBe(200);
      targets.push(res.body.result.id);
    }
    const ids: number[] = [];
    for (let i = 0; i < K; i++) {
      const res = await a.api('POST', `${base}/certificates`, { token, body: { domainName: `deploy${i}.example.test`, challengeType: 'http-01' } });
      expect(res.status, res.text).toBe(200);
      ids.push(res.body.result.id);
      // Bound while issuance runs: written once issued, by whichever server's pass comes first.
      for (const targetId of targets) {
        const bound = await b.api('POST', `${base}/deployments`, { token, body: { certificateId: res.body.result.id, targetId } });
        expect(bound.status, bound.text).toBe(200);
      }
    }

    /** Every deployment written at its certificate's current version (`round` versions so far). */
    const settled = async () => {
      const res = await a.api('GET', `${base}/deployments?pageSize=100`, { token });
      const list = res.body.result as Array<{ status: string; fingerprintSha256: string | null; currentFingerprintSha256: string | null }>;
      return list.length === 2 * K && list.every((d) => d.status === 'deployed' && d.fingerprintSha256 !== null && d.fingerprintSha256 === d.currentFingerprintSha256);
    };
    await waitFor('every first version deployed', settled, { timeoutMs: 120_000, intervalMs: 250, context });

    // Every certificate falls due for renewal at the same moment, in front of both renewal jobs;
    // each new version then makes two deployments due in front of both deployment jobs.
    const updated = await db!.query('update managed_certificates set renew_at = $1', [Date.now() - 1000]);
    expect(updated.rowCount).toBe(K);
    const renewed = async () => {
      const r = await db!.query<{ n: number }>('select count(*)::int as n from certificate_materials');
      return r.rows[0]!.n === 2 * K && (await settled());
    };
    await waitFor('every renewed version deployed', renewed, { timeoutMs: 180_000, intervalMs: 250, context });
    // Quiet: two more whole passes of each server's deployment job write nothing more.
    const before = (await recordedRuns()).length;
    await waitForJobPasses([a, b], 'deployments', { passes: 2, token, context });
    expect((await recordedRuns()).length).toBe(before);

    const all = await recordedRuns();
    const writes = all.flatMap((r) => r.written.map((w) => `${r.target}:${w.certificateId}:${w.fingerprintSha256}`));
    const byServer = (s: ServerProcess) => s.logRecords().filter((r) => r.msg === 'deployment batch').map((r) => `${String(r.targetId)}×${String(r.deployed)}`);
    const summary = `reload runs ${all.length} (${all.map((r) => `${r.target}:${r.written.length}`).join(', ')}); batches by a [${byServer(a).join(', ')}], by b [${byServer(b).join(', ')}]`;
    console.log(summary);
    // Each (target, certificate, version) written exactly once: 2 targets × K certificates × 2 versions.
    expect(writes.length, summary).toBe(2 * 2 * K);
    expect(new Set(writes).size, summary).toBe(2 * 2 * K);
    // One reload per batch: never a run for nothing, never more runs than writes.
    expect(all.every((r) => r.written.length > 0), summary).toBe(true);

    // In certkeeper: one deployment.succeeded per (deployment, version), nothing failed.
    const events = (await a.api('GET', `${base}/events?type=deployment.succeeded&pageSize=500`, { token })).body.result as Array<{ objectId: string; data: { fingerprintSha256: string } }>;
    expect(events.length, summary).toBe(2 * 2 * K);
    expect(new Set(events.map((e) => `${e.objectId}:${e.data.fingerprintSha256}`)).size, summary).toBe(2 * 2 * K);
    expect(((await a.api('GET', `${base}/events?type=deployment.failed`, { token })).body.result as unknown[]).length).toBe(0);
    for (const s of servers) expect(s.running(), s.describe()).toBe(true);
  }, 360_000);
});
