import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aCertificate, toPkcs12 } from '../support/test-ca.js';
import { BOOTSTRAP_TOKEN, cli, serverConfigEnv, startTestServer } from './cli-harness.js';
import { cliEntry, startServerProcess, waitFor, type ServerProcess } from '../support/server-process.js';
import { createServerDatabase, dialects, type Dialect } from '../support/test-store.js';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The server's database on dialect (support/test-store.ts), dropped after the test. */
async function serverDatabase(dialect: Dialect): Promise<Record<string, string>> {
  const database = await createServerDatabase(dialect);
  cleanup.push(database.drop);
  return database.env;
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as { port: number }).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

describe.each(dialects)('certkeeper keys rotate on %s', (dialect) => {
  it('re-encrypts the stored keys of a stopped server; after a restart with only the new key, export still works', async () => {
    const db = await serverDatabase(dialect);
    const first = await startTestServer(undefined, db);
    cleanup.push(() => first.close());
    const certs = [aCertificate({ commonName: 'rotate-1.example.test', freshKey: true }), aCertificate({ commonName: 'rotate-2.example.test', freshKey: true })];
    const files = tempDir('certkeeper-rotate-files-');
    certs.forEach((c, i) => {
      writeFileSync(path.join(files, `site${i}.crt`), c.certPem);
      writeFileSync(path.join(files, `site${i}.key`), c.keyPem);
    });
    writeFileSync(path.join(files, 'monitor-only.crt'), aCertificate({ commonName: 'nokey.example.test' }).certPem);
    const imported = await cli(['import', files, '--json'], first.env);
    expect(imported.code).toBe(0);
    const ids = (JSON.parse(imported.stdout) as { certificates: Array<{ path: string; id: number }> }).certificates;
    expect(ids).toHaveLength(3);
    await first.stop();

    const keyFile = path.join(first.dataDir, 'master.key');
    const oldKey = readFileSync(keyFile, 'utf8');
    const run = await cli(['keys', 'rotate'], { ...db, CERTKEEPER_DATA_DIR: first.dataDir, CERTKEEPER_LOG_LEVEL: 'silent' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^rotated the master key: 2 private keys re-encrypted \(2 in all\); new key id \S+$/m);
    expect(run.stdout).toMatch(/restart every certkeeper server/);
    expect(run.stdout).not.toContain(readFileSync(keyFile, 'utf8').trim());
    const newKey = readFileSync(keyFile, 'utf8');
    expect(newKey).not.toBe(oldKey);
    expect(readFileSync(path.join(first.dataDir, 'master.key.previous'), 'utf8')).toBe(oldKey);

    // Without the previous key, only re-encrypted material can be opened.
    unlinkSync(path.join(first.dataDir, 'master.key.previous'));
    const second = await startTestServer(first, db);
    cleanup.push(() => second.stop());
    for (const [i, c] of certs.entries()) {
      const id = ids.find((x) => x.path.endsWith(`site${i}.crt`))!.id;
      const run2 = await cli(['export', String(id), '--out', '-'], second.env);
      expect(run2.stderr).toBe('');
      expect(run2.code).toBe(0);
      const key = run2.stdout.match(/-----BEGIN PRIVATE KEY-----[\s\S]*?-----END PRIVATE KEY-----\n/)![0];
      expect(new X509Certificate(c.certPem).checkPrivateKey(createPrivateKey(key))).toBe(true);
    }

    // Running again rotates again (the keys just sealed are not "already current" under a newer key).
    await second.stop();
    const again = await cli(['keys', 'rotate'], { ...db, CERTKEEPER_DATA_DIR: first.dataDir, CERTKEEPER_LOG_LEVEL: 'silent' });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/2 private keys re-encrypted/);
  });

  it('with CERTKEEPER_MASTER_KEY, demands --new-key and names the error', async () => {
    const db = await serverDatabase(dialect);
    const dataDir = tempDir('certkeeper-rotate-env-');
    const run = await cli(['keys', 'rotate'], { ...db, CERTKEEPER_DATA_DIR: dataDir, CERTKEEPER_MASTER_KEY: randomBytes(32).toString('base64'), CERTKEEPER_LOG_LEVEL: 'silent' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: master_key_invalid: CERTKEEPER_MASTER_KEY is set: pass the new key (base64 of 32 bytes) with --new-key\n');

    const ok = await cli(['keys', 'rotate', '--new-key', randomBytes(32).toString('base64')], {
      ...db,
      CERTKEEPER_DATA_DIR: dataDir,
      CERTKEEPER_MASTER_KEY: randomBytes(32).toString('base64'),
      CERTKEEPER_LOG_LEVEL: 'silent',
    });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/0 private keys re-encrypted/);
    expect(ok.stdout).toMatch(/set CERTKEEPER_MASTER_KEY to the new key/);
    expect(existsSync(path.join(dataDir, 'master.key'))).toBe(false);
  });
});

describe.each(dialects)('certkeeper import behind a proxy with a small body limit on %s', (dialect) => {
  it('halves a bulk request refused with 413 until it fits; an item too large alone fails by itself', async () => {
    const server = await startTestServer(undefined, await serverDatabase(dialect));
    cleanup.push(() => server.close());
    // As nginx with client_max_body_size 4k: 413 and an HTML page for larger bodies, the rest passed on.
    const target = new URL(server.url);
    const sizes: number[] = [];
    const proxy = http.createServer((req, res) => {
      const length = Number(req.headers['content-length'] ?? 0);
      sizes.push(length);
      if (length > 4096) {
        req.resume();
        res.writeHead(413, { 'content-type': 'text/html' }).end('<html><head><title>413 Request Entity Too Large</title></head></html>');
        return;
      }
      const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise<void>((resolve) => proxy.close(() => resolve())));
    const files = tempDir('certkeeper-import-limit-');
    for (let i = 0; i < 12; i++) writeFileSync(path.join(files, `site${i}.crt`), aCertificate({ commonName: `limit-${i}.example.test` }).certPem);
    // A PKCS#12 file travels whole (base64): with an RSA key and its chain, this one is over the limit alone.
    writeFileSync(path.join(files, 'huge.p12'), toPkcs12(aCertificate({ commonName: 'huge.example.test', keyType: 'rsa-2048' }), { password: 'secret', includeChain: true }));
    const env = { ...server.env, CERTKEEPER_URL: `http://127.0.0.1:${(proxy.address() as { port: number }).port}` };
    const run = await cli(['import', files, '--json', '--batch-size', '13', '--concurrency', '1', '--password', 'secret'], env);
    expect(run.code, run.stderr).toBe(1);
    const summary = JSON.parse(run.stdout) as { imported: number; failures: Array<{ path: string; code: string }> };
    expect(summary.imported).toBe(12);
    expect(summary.failures).toEqual([expect.objectContaining({ path: path.join(files, 'huge.p12'), code: 'body_too_large' })]);
    expect(sizes[0]).toBeGreaterThan(4096);
    expect(sizes.filter((n) => n <= 4096).length).toBeGreaterThan(1);
  });
});

interface InterruptedSummary {
  imported: number;
  duplicate: number;
  failed: number;
  skipped: number;
  files: number;
  certificates: Array<{ path: string; id: number; duplicate: boolean }>;
  interrupted: { code: string; message: string; committedFiles: number; unacknowledged: number; unacknowledgedFiles: number; notSentFiles: number } | null;
}

describe.each(dialects)('certkeeper import when the server goes away part-way on %s', (dialect) => {
  it('a server killed mid-import: stops, says what was committed, sent without answer and not sent; after a restart the server holds that, and a re-run finishes', async () => {
    const dataDir = tempDir('certkeeper-import-crash-');
    const serverEnv = { ...(await serverDatabase(dialect)), CERTKEEPER_DATA_DIR: dataDir, CERTKEEPER_BOOTSTRAP_TOKEN: BOOTSTRAP_TOKEN };
    let server: ServerProcess = await startServerProcess({ name: 'before-crash', env: serverEnv });
    cleanup.push(() => server.kill());
    const token = BOOTSTRAP_TOKEN;
    const organizationId = (await server.api('POST', '/api/v1/organizations', { token, body: { name: 'crash' } })).body.result.id as string;
    const projectId = (await server.api('POST', '/api/v1/projects', { token, body: { organizationId, name: 'crash' } })).body.result.id as string;
    const held = async () => (await server.api('GET', `/api/v1/projects/${projectId}/certificates?pageSize=1`, { token })).body.resultInfo.totalCount as number;

    const files = tempDir('certkeeper-import-crash-files-');
    const total = 2000;
    for (let i = 0; i < total; i++) writeFileSync(path.join(files, `site${String(i).padStart(4, '0')}.crt`), aCertificate({ commonName: `crash-${i}.example.test` }).certPem);
    const cliEnv = () => ({ CERTKEEPER_URL: server.url, CERTKEEPER_TOKEN: token, CERTKEEPER_PROJECT: projectId });

    // Small batches, two in flight: the server dies with most of the files still to send.
    const running = cli(['import', files, '--json', '--batch-size', '10', '--concurrency', '2'], cliEnv());
    await waitFor('some batches committed', async () => (await held()) >= 100, { timeoutMs: 60_000, intervalMs: 10, context: () => server.describe() });
    await server.kill();
    const run = await running;

    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(/^error: connection_failed: .*\n$/);
    const summary = JSON.parse(run.stdout) as InterruptedSummary;
    const stop = summary.interrupted!;
    expect(stop).toMatchObject({ code: 'connection_failed' });
    expect(summary).toMatchObject({ duplicate: 0, failed: 0, skipped: 0, files: total });
    expect(summary.imported).toBeGreaterThan(0);
    expect(summary.certificates).toHaveLength(summary.imported);
    // At most the two batches in flight are in doubt; every file is counted once.
    expect(stop.unacknowledged).toBeLessThanOrEqual(20);
    expect(stop.unacknowledgedFiles).toBe(stop.unacknowledged);
    expect(stop.committedFiles).toBe(summary.imported);
    expect(stop.notSentFiles).toBeGreaterThan(0);
    expect(stop.committedFiles + stop.unacknowledgedFiles + stop.notSentFiles).toBe(total);

    // After a restart the server holds every acknowledged certificate, and of the others at most those sent without an answer.
    server = await startServerProcess({ name: 'after-restart', env: serverEnv });
    const list = await cli(['list', '--all', '--json'], cliEnv());
    expect(list.code, list.stderr).toBe(0);
    const stored = new Set((JSON.parse(list.stdout) as { items: Array<{ id: number }> }).items.map((c) => c.id));
    for (const c of summary.certificates) expect(stored.has(c.id), `acknowledged certificate ${c.id} is stored`).toBe(true);
    expect(stored.size).toBeGreaterThanOrEqual(summary.imported);
    expect(stored.size).toBeLessThanOrEqual(summary.imported + stop.unacknowledged);

    // The same import again finishes it: what is stored comes back as duplicate, the rest is imported.
    const again = await cli(['import', files, '--json'], cliEnv());
    expect(again.code, again.stderr).toBe(0);
    const second = JSON.parse(again.stdout) as InterruptedSummary;
    expect(second).toMatchObject({ duplicate: stored.size, imported: total - stored.size, failed: 0, interrupted: null });
    expect(await held()).toBe(total);
  }, 180_000);

  it('a 5xx answer stops it too, with the summary in words and exit code 3', async () => {
    const server = await startTestServer(undefined, await serverDatabase(dialect));
    cleanup.push(() => server.close());
    // A proxy that passes two bulk requests on, then answers as a gateway whose server is gone.
    const target = new URL(server.url);
    let batches = 0;
    const proxy = http.createServer((req, res) => {
      if (req.url?.includes('/import-batch') && ++batches > 2) {
        req.resume();
        res.writeHead(502, { 'content-type': 'text/html' }).end('<html><title>502 Bad Gateway</title></html>');
        return;
      }
      const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise<void>((resolve) => proxy.close(() => resolve())));
    const files = tempDir('certkeeper-import-502-');
    for (let i = 0; i < 10; i++) writeFileSync(path.join(files, `site${i}.crt`), aCertificate({ commonName: `gateway-${i}.example.test` }).certPem);
    writeFileSync(path.join(files, 'notes.txt'), 'not a certificate');
    const env = { ...server.env, CERTKEEPER_URL: `http://127.0.0.1:${(proxy.address() as { port: number }).port}` };

    // Batches of two items, in file name order: notes.txt (skipped) and site0, site1 and site2, then the 502.
    const run = await cli(['import', files, '--batch-size', '2', '--concurrency', '1'], env);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(/^error: bad_response: POST .*: HTTP 502, not a certkeeper API answer/);
    expect(run.stdout).toMatch(/^imported 3, duplicate 0, failed 0, skipped 1 \(11 files in /);
    expect(run.stdout).toContain('interrupted: the server went away or failed before every file was sent');
    expect(run.stdout).toMatch(/^  committed: +3 certificates, acknowledged by the server .*3 files\)$/m);
    expect(run.stdout).toMatch(/^  not acknowledged: 2 certificates sent as it went \(2 files\)/m);
    expect(run.stdout).toMatch(/^  not sent: +5 files$/m);
    expect(run.stdout).toMatch(/running the same import again is safe/);

    // Without the proxy the import finishes; what the server held comes back as duplicate.
    const direct = await cli(['import', files, '--json'], server.env);
    expect(direct.code, direct.stderr).toBe(0);
    expect(JSON.parse(direct.stdout)).toMatchObject({ imported: 7, duplicate: 3, interrupted: null });
  });
});

describe('the certkeeper executable', () => {
  it('stops quietly when the reader of its output goes away (certkeeper … | head)', async () => {
    const child = spawn(process.execPath, [cliEntry, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first write
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe.each(dialects)('certkeeper serve on %s', (dialect) => {
  it('serves until stopped, then closes', async () => {
    const dataDir = tempDir('certkeeper-serve-');
    const db = await serverDatabase(dialect);
    const port = await freePort();
    const stop = new AbortController();
    const running = cli(['serve'], { ...serverConfigEnv(dataDir), ...db, PORT: String(port) }, { signal: stop.signal });
    let up = false;
    for (let i = 0; i < 200 && !up; i++) {
      up = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (!up) await new Promise((r) => setTimeout(r, 25));
    }
    expect(up).toBe(true);
    const orgs = await fetch(`http://127.0.0.1:${port}/api/v1/organizations`, { headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}` } });
    expect(orgs.status).toBe(200);
    stop.abort();
    const result = await running;
    expect(result.code).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('exits 1 with the configuration error', async () => {
    const dataDir = tempDir('certkeeper-serve-bad-');
    const run = await cli(['serve'], { ...serverConfigEnv(dataDir), ...(await serverDatabase(dialect)), CERTKEEPER_BOOTSTRAP_TOKEN: 'short' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: bootstrap_token_too_short: CERTKEEPER_BOOTSTRAP_TOKEN must be at least 32 characters\n');
  });
});
