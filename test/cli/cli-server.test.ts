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
import { cliEntry } from '../support/server-process.js';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as { port: number }).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

describe('certkeeper keys rotate', () => {
  it('re-encrypts the stored keys of a stopped server; after a restart with only the new key, export still works', async () => {
    const first = await startTestServer();
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
    const run = await cli(['keys', 'rotate'], { CERTKEEPER_DATA_DIR: first.dataDir, CERTKEEPER_LOG_LEVEL: 'silent' });
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
    const second = await startTestServer(first);
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
    const again = await cli(['keys', 'rotate'], { CERTKEEPER_DATA_DIR: first.dataDir, CERTKEEPER_LOG_LEVEL: 'silent' });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/2 private keys re-encrypted/);
  });

  it('with CERTKEEPER_MASTER_KEY, demands --new-key and names the error', async () => {
    const dataDir = tempDir('certkeeper-rotate-env-');
    const run = await cli(['keys', 'rotate'], { CERTKEEPER_DATA_DIR: dataDir, CERTKEEPER_MASTER_KEY: randomBytes(32).toString('base64'), CERTKEEPER_LOG_LEVEL: 'silent' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: master_key_invalid: CERTKEEPER_MASTER_KEY is set: pass the new key (base64 of 32 bytes) with --new-key\n');

    const ok = await cli(['keys', 'rotate', '--new-key', randomBytes(32).toString('base64')], {
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

describe('certkeeper import behind a proxy with a small body limit', () => {
  it('halves a bulk request refused with 413 until it fits; an item too large alone fails by itself', async () => {
    const server = await startTestServer();
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

describe('certkeeper serve', () => {
  it('serves until stopped, then closes', async () => {
    const dataDir = tempDir('certkeeper-serve-');
    const port = await freePort();
    const stop = new AbortController();
    const running = cli(['serve'], { ...serverConfigEnv(dataDir), PORT: String(port) }, { signal: stop.signal });
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
    const run = await cli(['serve'], { ...serverConfigEnv(dataDir), CERTKEEPER_BOOTSTRAP_TOKEN: 'short' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: bootstrap_token_too_short: CERTKEEPER_BOOTSTRAP_TOKEN must be at least 32 characters\n');
  });
});
