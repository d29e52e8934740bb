/**
 * The agent's loop against a loopback server speaking the agent routes' protocol (no database:
 * the server side has its own tests in test/api/agent-deployments.test.ts, and both meet in
 * test/e2e/agent-deploy.test.ts): the files in certbot's layout with their modes, one reload
 * per batch, the state file that spares a restart from writing again, a deployment name that
 * would leave --dir refused and reported, and a server that goes away and comes back.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agentBackoffMs, agentNameProblem, DeploymentAgent } from '../../src/agent/deployment-agent.js';
import { aCertificate, type TestCertificate } from '../support/test-ca.js';

const KEY = 'deployment-key-for-the-test-0123456789';

interface Item {
  id: number;
  name: string;
  cert: TestCertificate;
  deployed: string | null;
}

/** What the fake server saw. */
interface Seen {
  materials: number[];
  outcomes: Array<{ id: number; fingerprintSha256: string; ok: boolean; error?: { code: string; message: string } }>;
}

const fp = (c: TestCertificate) => new X509Certificate(c.certPem).fingerprint256.replace(/:/g, '').toLowerCase();

/** A loopback server with the agent routes' shapes; answers 503 while `down`. */
function fakeServer(items: Item[]) {
  const seen: Seen = { materials: [], outcomes: [] };
  const state = { down: false, version: 1 };
  const etag = () => `"v${state.version}-${items.map((i) => `${i.id}:${fp(i.cert)}`).join(',')}"`;
  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers.authorization !== `Bearer ${KEY}`) return send(res, 401, { success: false, code: 'unauthorized', errors: ['no'] });
    if (state.down) return send(res, 503, { success: false, code: 'internal_error', errors: ['down'] });
    const url = new URL(req.url!, 'http://x');
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && url.pathname === '/api/v1/agent/deployments') {
      if (req.headers['if-none-match'] === etag()) {
        await new Promise((r) => setTimeout(r, 50));
        res.writeHead(304);
        return res.end();
      }
      const list = items.map((i) => ({ id: i.id, name: i.name, certificateId: i.id, domainName: 'x', fingerprintSha256: fp(i.cert), sslCertificateId: 'm', deployedFingerprintSha256: i.deployed, status: i.deployed === fp(i.cert) ? 'deployed' : 'pending', requested: false }));
      return send(res, 200, { success: true, errors: [], messages: [], result: { etag: etag(), items: list } });
    }
    if (req.method === 'GET' && (m = /^\/api\/v1\/agent\/deployments\/(\d+)\/certificate$/.exec(url.pathname))) {
      const item = items.find((i) => i.id === Number(m![1]))!;
      seen.materials.push(item.id);
      return send(res, 200, { success: true, result: { deploymentId: item.id, name: item.name, fingerprintSha256: fp(item.cert), certificatePem: item.cert.certPem, chainPem: item.cert.chainPem, privateKeyPem: item.cert.keyPem } });
    }
    if (req.method === 'POST' && (m = /^\/api\/v1\/agent\/deployments\/(\d+)\/outcome$/.exec(url.pathname))) {
      let body = '';
      for await (const chunk of req) body += chunk;
      const report = JSON.parse(body);
      seen.outcomes.push({ id: Number(m[1]), ...report });
      const item = items.find((i) => i.id === Number(m![1]))!;
      if (report.ok) item.deployed = report.fingerprintSha256;
      return send(res, 200, { success: true, result: {} });
    }
    send(res, 404, { success: false, code: 'route_not_found', errors: ['?'] });
  });
  return { server, seen, state, bump: () => state.version++ };
}

describe('certkeeper agent against a loopback server', () => {
  let scratch: string;
  let dir: string;
  let server: Server | undefined;
  let url: string;
  const logs: Array<{ level: string; msg: string }> = [];

  beforeEach(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'certkeeper-agent-'));
    dir = path.join(scratch, 'certs');
    logs.length = 0;
  });
  afterEach(async () => {
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    server = undefined;
    rmSync(scratch, { recursive: true, force: true });
  });

  const listen = async (s: Server) => {
    server = s;
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  };
  const agent = (reload?: string) =>
    new DeploymentAgent({ server: url, key: KEY, dir, reload, waitSeconds: 1, backoffBaseMs: 20, backoffMaxMs: 100, log: (level, msg) => logs.push({ level, msg }) });
  /** Runs an agent until `done()` holds, then stops it as SIGTERM would. */
  const runUntil = async (a: DeploymentAgent, done: () => boolean) => {
    const stop = new AbortController();
    const running = a.run(stop.signal);
    for (let i = 0; i < 1000 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
    stop.abort();
    await running;
    expect(done()).toBe(true);
  };

  it('writes certbot’s layout under --dir, reloads once per batch, reports each outcome, and a restart writes nothing unchanged', async () => {
    const items: Item[] = [
      { id: 1, name: 'a.example.test', cert: aCertificate({ commonName: 'a.example.test' }), deployed: null },
      { id: 2, name: 'b.example.test', cert: aCertificate({ commonName: 'b.example.test' }), deployed: null },
    ];
    const fake = fakeServer(items);
    await listen(fake.server);
    const reloads = path.join(scratch, 'reloads');
    await runUntil(agent(`echo "$CERTKEEPER_DEPLOY_COUNT" >> '${reloads}'`), () => fake.seen.outcomes.length === 2);
    expect(fake.seen.outcomes.map((o) => [o.id, o.ok, o.fingerprintSha256]).sort()).toEqual([[1, true, fp(items[0]!.cert)], [2, true, fp(items[1]!.cert)]]);
    expect(readFileSync(reloads, 'utf8')).toBe('2\n');
    for (const item of items) {
      const folder = path.join(dir, item.name);
      expect(readdirSync(folder).sort()).toEqual(['cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem']);
      expect(readFileSync(path.join(folder, 'cert.pem'), 'utf8')).toBe(item.cert.certPem);
      expect(readFileSync(path.join(folder, 'fullchain.pem'), 'utf8')).toBe(item.cert.certPem + item.cert.chainPem);
      expect(statSync(path.join(folder, 'privkey.pem')).mode & 0o777).toBe(0o600);
      expect(statSync(path.join(folder, 'cert.pem')).mode & 0o777).toBe(0o644);
    }
    // No temporary file is left; the state file is the agent's own.
    expect(readdirSync(dir).sort()).toEqual(['.certkeeper-agent.json', 'a.example.test', 'b.example.test']);
    expect(statSync(path.join(dir, '.certkeeper-agent.json')).mode & 0o777).toBe(0o600);

    // A restart: the state file says both are written, so nothing is fetched or written again.
    const before = fake.seen.materials.length;
    const again = agent(`echo again >> '${reloads}'`);
    let listed = false;
    await runUntil(again, () => {
      listed = listed || logs.filter((l) => l.msg === 'certkeeper agent started').length === 2;
      return listed && again.batches === 0 && fake.seen.materials.length === before;
    });
    // One more version of one of them: only that one is written, in one batch.
    items[1]!.cert = aCertificate({ commonName: 'b.example.test' });
    fake.bump();
    const third = agent(`echo "$CERTKEEPER_DEPLOYMENT_NAMES" >> '${reloads}'`);
    await runUntil(third, () => fake.seen.outcomes.length === 3);
    expect(fake.seen.materials.slice(before)).toEqual([2]);
    expect(readFileSync(reloads, 'utf8')).toBe('2\nb.example.test\n');
    expect(readFileSync(path.join(dir, 'b.example.test', 'cert.pem'), 'utf8')).toBe(items[1]!.cert.certPem);
  });

  it('refuses a deployment name that would leave --dir, writes nothing and reports it', async () => {
    for (const bad of ['../escape', 'a/b', '..', '.hidden', '/etc', 'a\\b', '']) expect(agentNameProblem(bad), bad).toBeDefined();
    expect(agentNameProblem('ok.example.test')).toBeUndefined();
    const items: Item[] = [
      { id: 7, name: '../escape', cert: aCertificate({ commonName: 'escape.example.test' }), deployed: null },
      { id: 8, name: 'fine.example.test', cert: aCertificate({ commonName: 'fine.example.test' }), deployed: null },
    ];
    const fake = fakeServer(items);
    await listen(fake.server);
    await runUntil(agent(), () => fake.seen.outcomes.length === 2);
    const refused = fake.seen.outcomes.find((o) => o.id === 7)!;
    expect(refused).toMatchObject({ ok: false, error: { code: 'deployment_path_invalid' } });
    expect(fake.seen.materials).toEqual([8]);
    expect(existsSync(path.join(scratch, 'escape'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['.certkeeper-agent.json', 'fine.example.test']);
  });

  it('keeps going while the server is away, logs it once, and catches up when it is back', async () => {
    const items: Item[] = [{ id: 3, name: 'c.example.test', cert: aCertificate({ commonName: 'c.example.test' }), deployed: null }];
    const fake = fakeServer(items);
    fake.state.down = true;
    await listen(fake.server);
    const a = agent();
    const stop = new AbortController();
    const running = a.run(stop.signal);
    // Several failed attempts, one warning.
    let requests = 0;
    fake.server.on('request', () => requests++);
    while (requests < 5) await new Promise((r) => setTimeout(r, 10));
    expect(logs.filter((l) => l.level === 'warn')).toHaveLength(1);
    fake.state.down = false;
    while (fake.seen.outcomes.length === 0) await new Promise((r) => setTimeout(r, 10));
    stop.abort();
    await running;
    expect(fake.seen.outcomes[0]).toMatchObject({ id: 3, ok: true });
    expect(logs.map((l) => l.msg)).toContain('the server answers again');
    expect(logs.at(-1)!.msg).toBe('certkeeper agent stopped');
  });

  it('backs off exponentially with jitter, capped', () => {
    expect([1, 2, 3, 4, 10, 40].map((n) => agentBackoffMs(n, 1000, 60_000, () => 1))).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000]);
    expect([1, 2, 3].map((n) => agentBackoffMs(n, 1000, 60_000, () => 0))).toEqual([500, 1000, 2000]);
  });
});
