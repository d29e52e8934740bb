/**
 * Agent deployment end to end, on both stores: a real server process issues a certificate from
 * Pebble; two real `certkeeper agent` processes (the built CLI), each with its own agent
 * target's deployment key and directory, are bound to that certificate and write it; a renewal
 * reaches both through their long polls; then the server is killed (SIGKILL) while they wait,
 * restarted on the same port, a new version is made, and both catch up on their own. Finally
 * SIGTERM stops each agent cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPebble, type Pebble } from '../support/pebble.js';
import { cliEntry, startServerProcess, waitFor, type ServerProcess } from '../support/server-process.js';
import { createServerDatabase, dialects } from '../support/test-store.js';

const TOKEN = `agent-e2e-${randomBytes(16).toString('hex')}`;
const DOMAIN = 'agents.example.test';

let pebble: Pebble;
let scratch: string;

beforeAll(async () => {
  pebble = await startPebble({ validitySeconds: 90 * 86_400 });
  scratch = mkdtempSync(path.join(tmpdir(), 'certkeeper-agent-e2e-'));
}, 60_000);

afterAll(async () => {
  await pebble?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

interface AgentProcess {
  proc: ChildProcess;
  dir: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node dist/cli/main.js agent …`, the key in its environment. */
function startAgent(server: string, key: string, dir: string, reloads: string): AgentProcess {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', CERTKEEPER_AGENT_KEY: key };
  const proc = spawn(process.execPath, [cliEntry, 'agent', '--server', server, '--dir', dir, '--reload', `echo "$CERTKEEPER_DEPLOYMENT_NAMES" >> '${reloads}'`, '--wait', '20', '--max-backoff', '2'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-200_000)));
  proc.stderr!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-200_000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  process.once('exit', () => proc.kill('SIGKILL'));
  return { proc, dir, output: () => output, exited };
}

const fingerprintOn = (dir: string) => {
  const file = path.join(dir, DOMAIN, 'cert.pem');
  return existsSync(file) ? new X509Certificate(readFileSync(file)).fingerprint256.replace(/:/g, '').toLowerCase() : undefined;
};

describe.each(dialects)('two certkeeper agents on %s', (dialect) => {
  let server: ServerProcess;
  let env: Record<string, string>;
  let agents: AgentProcess[] = [];
  let drop: () => Promise<void> = async () => undefined;
  let base: string;
  let certificateId: number;
  let deploymentIds: number[] = [];
  let dir: string;

  const context = () => `${server?.describe(3000)}\n${agents.map((a, i) => `agent ${i}:\n${a.output().slice(-3000)}`).join('\n')}`;
  const api = async (method: string, url: string, body?: unknown) => {
    const res = await server.api(method, url, { token: TOKEN, body });
    expect(res.status, `${method} ${url}: ${res.text}\n${context()}`).toBe(200);
    return res.body.result;
  };
  /** Every deployment deployed with `fingerprint`, and both directories holding it. */
  const everywhere = (fingerprint: string) =>
    waitFor(
      `both agents to write and report ${fingerprint.slice(0, 12)}`,
      async () => {
        if (!agents.every((a) => fingerprintOn(a.dir) === fingerprint)) return false;
        const ds = await Promise.all(deploymentIds.map((id) => api('GET', `${base}/deployments/${id}`)));
        return ds.every((d) => d.status === 'deployed' && d.fingerprintSha256 === fingerprint);
      },
      { timeoutMs: 90_000, intervalMs: 200, context },
    );

  beforeAll(async () => {
    dir = path.join(scratch, dialect);
    mkdirSync(dir);
    const caFile = path.join(dir, 'pebble-ca.pem');
    writeFileSync(caFile, pebble.caPem);
    const db = await createServerDatabase(dialect);
    drop = db.drop;
    env = {
      ...db.env,
      CERTKEEPER_DATA_DIR: path.join(dir, 'data'),
      CERTKEEPER_MASTER_KEY: randomBytes(32).toString('base64'),
      CERTKEEPER_BOOTSTRAP_TOKEN: TOKEN,
      CERTKEEPER_ACME_DIRECTORY_URL: pebble.directoryUrl,
      CERTKEEPER_ACME_CA_FILE: caFile,
      CERTKEEPER_ACME_EMAIL: 'ops@example.test',
      CERTKEEPER_HTTP01_PORT: String(pebble.httpPort),
      CERTKEEPER_AGENT_CHECK_SECONDS: '1',
    };
    server = await startServerProcess({ name: `${dialect}-first`, env });
  }, 60_000);

  afterAll(async () => {
    for (const a of agents) a.proc.kill('SIGKILL');
    await server?.kill();
    await drop().catch(() => undefined);
  });

  it('a renewal reaches both agents through their long polls', async () => {
    const org = await api('POST', '/api/v1/organizations', { name: 'agents' });
    const project = await api('POST', '/api/v1/projects', { organizationId: org.id, name: 'edge' });
    base = `/api/v1/projects/${project.id}`;
    const created = await api('POST', `${base}/certificates`, { domainName: DOMAIN, challengeType: 'http-01' });
    certificateId = created.id;
    const issued = await waitFor('the certificate to be issued', async () => {
      const c = await api('GET', `${base}/certificates/${certificateId}`);
      return c.certificateStatus === 'Active' ? c : false;
    }, { timeoutMs: 60_000, context });

    for (const name of ['agent-a', 'agent-b']) {
      const target = await api('POST', `${base}/deployment-targets`, { name, type: 'agent' });
      const d = await api('POST', `${base}/deployments`, { certificateId, targetId: target.id });
      expect(d.status).toBe('pending');
      deploymentIds.push(d.id);
      const agentDir = path.join(dir, name);
      agents.push(startAgent(server.url, target.agentKey, agentDir, path.join(dir, `${name}.reloads`)));
    }
    await everywhere(issued.fingerprintSha256);
    for (const a of agents) expect(statSync(path.join(a.dir, DOMAIN, 'privkey.pem')).mode & 0o777).toBe(0o600);

    const renewed = await api('POST', `${base}/certificates/${certificateId}/renew`);
    expect(renewed.fingerprintSha256).not.toBe(issued.fingerprintSha256);
    await everywhere(renewed.fingerprintSha256);
    // One reload per version written, each naming the deployment.
    for (const name of ['agent-a', 'agent-b']) expect(readFileSync(path.join(dir, `${name}.reloads`), 'utf8')).toBe(`${DOMAIN}\n${DOMAIN}\n`);
    const succeeded = await api('GET', `${base}/events?type=deployment.succeeded`);
    expect(succeeded).toHaveLength(4);
  }, 180_000);

  it('the server is killed while the agents wait; once it is back, a new version still reaches both', async () => {
    const port = new URL(server.url).port;
    await server.kill();
    // The agents notice and keep retrying (logged once each), never exiting.
    await waitFor('both agents to notice the server is gone', async () => agents.every((a) => a.output().includes('the server could not be reached')), { timeoutMs: 60_000, context });
    expect(agents.every((a) => a.proc.exitCode === null)).toBe(true);
    server = await startServerProcess({ name: `${dialect}-restarted`, env: { ...env, PORT: port } });
    const renewed = await api('POST', `${base}/certificates/${certificateId}/renew`);
    await everywhere(renewed.fingerprintSha256);
    for (const a of agents) {
      const warnings = a.output().split('\n').filter((l) => l.includes('the server could not be reached'));
      expect(warnings.length, a.output()).toBe(1);
      expect(a.output()).toContain('the server answers again');
    }
    for (const name of ['agent-a', 'agent-b']) expect(readFileSync(path.join(dir, `${name}.reloads`), 'utf8').split('\n').filter(Boolean)).toHaveLength(3);

    // SIGTERM ends a waiting agent cleanly.
    for (const a of agents) a.proc.kill('SIGTERM');
    for (const a of agents) expect(await a.exited).toEqual({ code: 0, signal: null });
    for (const a of agents) expect(a.output()).toContain('certkeeper agent stopped');
  }, 180_000);
});
