import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSecureContext } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCertificate, toPkcs12, type TestKeyType } from '../support/test-ca.js';
import { createServerDatabase, dialects } from '../support/test-store.js';
import { cli, startTestServer, type TestServer } from './cli-harness.js';

const DAY = 86_400_000;

type Summary = {
  imported: number;
  duplicate: number;
  failed: number;
  skipped: number;
  files: number;
  failures: Array<{ path: string; code: string; message: string }>;
  skippedFiles: Array<{ path: string; reason: string }>;
  certificates: Array<{ path: string; id: number; duplicate: boolean }>;
};
type Cert = { id: number; domainName: string; hasPrivateKey: boolean; daysLeft: number; status: string };

function write(root: string, name: string, content: string | Buffer): void {
  const file = path.join(root, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

const keyMatches = (certPem: string, keyPem: string) => new X509Certificate(certPem).checkPrivateKey(createPrivateKey(keyPem));

describe.each(dialects)('certkeeper CLI against a running server on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof createServerDatabase>>;
  let s: TestServer;
  let root: string;
  let out: string;
  const byDomain = new Map<string, Cert>();
  const intermediates = new Map<string, string>();

  beforeAll(async () => {
    database = await createServerDatabase(dialect);
    s = await startTestServer(undefined, database.env);
    root = mkdtempSync(path.join(tmpdir(), 'certkeeper-cli-tree-'));
    out = mkdtempSync(path.join(tmpdir(), 'certkeeper-cli-out-'));
    const now = Date.now();
    const mk = (cn: string, days = 365, keyType: TestKeyType = 'ec-p256') =>
      aCertificate({ commonName: cn, sans: [cn], notBefore: new Date(now - DAY), notAfter: new Date(now + days * DAY), keyType, freshKey: true });

    const a = mk('a.example.test', 10);
    write(root, 'pairs/site-a.crt', a.certPem);
    write(root, 'pairs/site-a.key', a.keyPem);
    const b = mk('b.example.test');
    write(root, 'pairs/site-b.pem', b.certPem);
    write(root, 'pairs/site-b-key.pem', b.keyPem);
    const c = mk('c.example.test', 365, 'ec-p256');
    write(root, 'pairs/site-c.pem', c.certPem);
    write(root, 'pairs/site-c.key.pem', c.keyPem);
    const d = mk('d.example.test');
    write(root, 'combined/both.pem', d.certPem + d.chainPem + d.keyPem);
    intermediates.set('d.example.test', d.ca.intermediate.certPem);
    const e = mk('e.example.test');
    write(root, 'der/device.der', e.certDer);
    const f = mk('f.example.test', 365, 'rsa-2048');
    write(root, 'p12/good.p12', toPkcs12(f, { password: 'secret', legacy: true }));
    const g = mk('g.example.test', 365, 'rsa-2048');
    write(root, 'p12/bad.p12', toPkcs12(g, { password: 'not-the-secret', legacy: false }));
    const h = mk('h.example.test', 80);
    const live = 'letsencrypt/live/h.example.test';
    write(root, `${live}/cert.pem`, h.certPem);
    write(root, `${live}/chain.pem`, h.fullchainPem.slice(h.certPem.length));
    write(root, `${live}/fullchain.pem`, h.fullchainPem);
    write(root, `${live}/privkey.pem`, h.keyPem);
    write(root, `${live}/README`, 'This directory contains your keys and certificates.\n');
    intermediates.set('h.example.test', h.ca.intermediate.certPem);
    const i = mk('i.example.test');
    write(root, 'mismatch/wrong.crt', i.certPem);
    write(root, 'mismatch/wrong.key', a.keyPem);
    write(root, 'junk/garbage.crt', randomBytes(300).fill(0x41, 0, 1));
    write(root, 'junk/broken.pem', '-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGUgYXQgYWxs\n-----END CERTIFICATE-----\n');
    write(root, 'keys/orphan.key', mk('orphan.example.test').keyPem);
    write(root, 'notes.txt', 'renew these before June\n');
  });

  afterAll(async () => {
    await s?.close();
    await database?.drop();
    rmSync(root, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('imports a mixed tree: pairs, combined PEM, DER, PKCS#12, certbot layout; names every failure', async () => {
    const run = await cli(['import', root, '--password', 'secret'], s.env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^imported 7, duplicate 0, failed 4, skipped 3 \(21 files in /);
    const failedLines = run.stdout.split('\n').filter((l) => l.startsWith('  '));
    expect(failedLines).toHaveLength(4);
    expect(failedLines.find((l) => l.includes('bad.p12'))).toMatch(/: pkcs12_bad_password: /);
    expect(failedLines.find((l) => l.includes('wrong.crt'))).toMatch(/wrong\.crt \(with .*wrong\.key\): key_mismatch: /);
    expect(failedLines.find((l) => l.includes('garbage.crt'))).toMatch(/: unrecognized_content: neither PEM nor DER/);
    expect(failedLines.find((l) => l.includes('broken.pem'))).toMatch(/: certificate_invalid: /);

    const list = await cli(['list', '--all', '--json'], s.env);
    expect(list.code).toBe(0);
    const { totalCount, items } = JSON.parse(list.stdout) as { totalCount: number; items: Cert[] };
    expect(totalCount).toBe(7);
    for (const item of items) byDomain.set(item.domainName, item);
    expect([...byDomain.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'h'].map((x) => `${x}.example.test`));
    const withKey = items.filter((x) => x.hasPrivateKey).map((x) => x.domainName).sort();
    expect(withKey).toEqual(['a', 'b', 'c', 'd', 'f', 'h'].map((x) => `${x}.example.test`));

    // The certbot import carried its chain (fullchain.pem), as did the combined PEM.
    for (const domain of ['d.example.test', 'h.example.test']) {
      const res = await fetch(`${s.url}/api/v1/projects/${s.projectId}/certificates/${byDomain.get(domain)!.id}/chain`, { headers: { authorization: `Bearer ${s.env.CERTKEEPER_TOKEN}` } });
      const pem = await res.text();
      expect(pem.match(/BEGIN CERTIFICATE/g)!.length).toBeGreaterThanOrEqual(2);
      expect(pem).toContain(intermediates.get(domain)!);
    }
  });

  it('imports the same tree again: every certificate is a duplicate (--json summary)', async () => {
    const run = await cli(['import', root, '--password', 'secret', '--json', '--concurrency', '3'], s.env);
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout) as Summary;
    expect(summary).toMatchObject({ imported: 0, duplicate: 7, failed: 4, skipped: 3, files: 21 });
    expect(summary.failures.map((f) => f.code).sort()).toEqual(['certificate_invalid', 'key_mismatch', 'pkcs12_bad_password', 'unrecognized_content']);
    expect(summary.skippedFiles.map((f) => path.basename(f.path)).sort()).toEqual(['README', 'notes.txt', 'orphan.key']);
    expect(summary.certificates.every((c) => c.duplicate)).toBe(true);
    expect(new Set(summary.certificates.map((c) => c.id))).toEqual(new Set([...byDomain.values()].map((c) => c.id)));
  });

  it('exits 0 when nothing failed, and draws a progress bar on a terminal only', async () => {
    const run = await cli(['import', path.join(root, 'pairs'), path.join(root, 'der')], s.env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^imported 0, duplicate 4, failed 0, skipped 0 /);
    expect(run.stderr).toBe('');
    const tty = await cli(['import', path.join(root, 'pairs')], s.env, { isTTY: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/importing \[.*\] 100% \| 6\/6 files/);
    expect(tty.stdout).toMatch(/^imported 0, duplicate 3, failed 0, skipped 0 /);
  });

  it('decrypts an encrypted PEM key with --password, and imports with --scope organization', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'certkeeper-cli-enc-'));
    try {
      const c = aCertificate({ commonName: 'enc.example.test', freshKey: true });
      write(dir, 'enc.crt', c.certPem);
      write(dir, 'enc.key', c.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'hunter2' }).toString());
      const without = await cli(['import', dir, '--json'], s.env);
      expect(without.code).toBe(1);
      const failed = JSON.parse(without.stdout) as Summary;
      expect(failed.failures).toEqual([expect.objectContaining({ code: 'private_key_encrypted', message: expect.stringMatching(/give --password to decrypt it\)$/) })]);

      const wrong = await cli(['import', dir, '--json', '--password', 'nope'], s.env);
      expect((JSON.parse(wrong.stdout) as Summary).failures.map((f) => f.code)).toEqual(['private_key_encrypted']);

      const run = await cli(['import', dir, '--json', '--password', 'hunter2', '--scope', 'organization'], s.env);
      expect(run.code).toBe(0);
      const summary = JSON.parse(run.stdout) as Summary;
      expect(summary).toMatchObject({ imported: 1, failed: 0 });
      const shown = JSON.parse((await cli(['show', String(summary.certificates[0].id), '--json'], s.env)).stdout) as { scope: string; hasPrivateKey: boolean };
      expect(shown).toMatchObject({ scope: 'Organization', hasPrivateKey: true });
      // Remove it again so the listing tests below see only the tree.
      const del = await fetch(`${s.url}/api/v1/projects/${s.projectId}/certificates/${summary.certificates[0].id}`, { method: 'DELETE', headers: { authorization: `Bearer ${s.env.CERTKEEPER_TOKEN}` } });
      expect(del.status).toBe(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists certificates expiring within a period, as JSON and as a table', async () => {
    const soon = await cli(['list', '--expiring', '30d', '--json'], s.env);
    expect(soon.code).toBe(0);
    expect((JSON.parse(soon.stdout) as { items: Cert[] }).items.map((c) => c.domainName)).toEqual(['a.example.test']);

    const quarter = await cli(['list', '--expiring', '13w', '--json', '--sort', 'notAfter'], s.env);
    expect((JSON.parse(quarter.stdout) as { items: Cert[] }).items.map((c) => c.domainName)).toEqual(['a.example.test', 'h.example.test']);
    const quarterDesc = await cli(['list', '--expiring', '91', '--json', '--sort', 'notAfter', '--desc'], s.env);
    expect((JSON.parse(quarterDesc.stdout) as { items: Cert[] }).items.map((c) => c.domainName)).toEqual(['h.example.test', 'a.example.test']);

    const table = await cli(['list', '--expiring', '2w'], s.env);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+STATUS\s+DAYS\s+NOT AFTER\s+DOMAIN\s+KIND\s+SOURCE$/);
    expect(lines).toHaveLength(2);
    const a = byDomain.get('a.example.test')!;
    expect(lines[1].split(/\s+/)).toEqual([String(a.id), 'issued', String(a.daysLeft), expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), 'a.example.test', 'tls', 'imported']);
    expect(a.daysLeft).toBeGreaterThanOrEqual(9);
    expect(a.daysLeft).toBeLessThanOrEqual(10);

    const none = await cli(['list', '--expiring', '1', '--json'], s.env);
    expect(JSON.parse(none.stdout)).toEqual({ totalCount: 0, items: [] });
  });

  it('pages: one page by default, every page with --all', async () => {
    const first = await cli(['list', '--page-size', '3', '--json'], s.env);
    const page = JSON.parse(first.stdout) as { totalCount: number; items: Cert[] };
    expect(page.totalCount).toBe(7);
    expect(page.items).toHaveLength(3);
    const table = await cli(['list', '--page-size', '3'], s.env);
    expect(table.stderr).toMatch(/showing 3 of 7 \(page 1 of 3\)/);
    const all = await cli(['list', '--page-size', '3', '--all', '--json'], s.env);
    const every = JSON.parse(all.stdout) as { items: Cert[] };
    expect(every.items.map((c) => c.id).sort((x, y) => x - y)).toEqual([...byDomain.values()].map((c) => c.id).sort((x, y) => x - y));
    const search = await cli(['list', '--search', 'c.example', '--json'], s.env);
    expect((JSON.parse(search.stdout) as { items: Cert[] }).items.map((c) => c.domainName)).toEqual(['c.example.test']);
    const covers = await cli(['list', '--covers', 'b.example.test', '--json'], s.env);
    expect((JSON.parse(covers.stdout) as { items: Cert[] }).items.map((c) => c.domainName)).toEqual(['b.example.test']);
  });

  it('shows one certificate', async () => {
    const c = byDomain.get('c.example.test')!;
    const run = await cli(['show', String(c.id)], s.env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^id:\\s+${c.id}$`, 'm'));
    expect(run.stdout).toMatch(/^domain:\s+c\.example\.test$/m);
    expect(run.stdout).toMatch(/^status:\s+issued \(Active\), 36\d days left$/m);
    expect(run.stdout).toMatch(/^private key:\s+stored \(encrypted\)$/m);
    expect(run.stdout).toMatch(/^sha-256:\s+[0-9a-f]{64}$/m);
    const json = await cli(['show', String(c.id), '--json'], s.env);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: c.id, domainName: 'c.example.test', kind: 'tls' });

    const missing = await cli(['show', '999999'], s.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('error: certificate_not_found: certificate 999999 was not found\n');
  });

  it('exports PEM files with mode 0600 whose key matches the certificate', async () => {
    const d = byDomain.get('d.example.test')!;
    const dir = path.join(out, 'd');
    const run = await cli(['export', String(d.id), '--out', dir], s.env);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('PRIVATE KEY');
    for (const name of ['cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem']) {
      expect(statSync(path.join(dir, name)).mode & 0o777).toBe(0o600);
    }
    const cert = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    const chain = readFileSync(path.join(dir, 'chain.pem'), 'utf8');
    const key = readFileSync(path.join(dir, 'privkey.pem'), 'utf8');
    expect(new X509Certificate(cert).subject).toContain('CN=d.example.test');
    expect(keyMatches(cert, key)).toBe(true);
    expect(chain).toContain(intermediates.get('d.example.test')!);
    expect(readFileSync(path.join(dir, 'fullchain.pem'), 'utf8')).toBe(cert + chain);

    // Exporting again overwrites, keeping the mode.
    expect((await cli(['export', String(d.id), '--out', dir], s.env)).code).toBe(0);
    expect(statSync(path.join(dir, 'privkey.pem')).mode & 0o777).toBe(0o600);
  });

  it('exports PKCS#12 to a file, and PEM to stdout only with --out -', async () => {
    const f = byDomain.get('f.example.test')!;
    const file = path.join(out, 'f.p12');
    const run = await cli(['export', String(f.id), '--format', 'pkcs12', '--password', 'pw', '--out', file], s.env);
    expect(run.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(() => createSecureContext({ pfx: readFileSync(file), passphrase: 'pw' })).not.toThrow();
    expect(() => createSecureContext({ pfx: readFileSync(file), passphrase: 'wrong' })).toThrow();

    const stdout = await cli(['export', String(f.id), '--out', '-'], s.env);
    expect(stdout.code).toBe(0);
    const cert = stdout.stdout.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n/)![0];
    const key = stdout.stdout.match(/-----BEGIN PRIVATE KEY-----[\s\S]*?-----END PRIVATE KEY-----\n/)![0];
    expect(keyMatches(cert, key)).toBe(true);
  });

  it('refuses to export a certificate that has no key, with the server code', async () => {
    const e = byDomain.get('e.example.test')!;
    const dir = path.join(out, 'e');
    const run = await cli(['export', String(e.id), '--out', dir], s.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: export_no_private_key: /);
    expect(existsSync(path.join(dir, 'privkey.pem'))).toBe(false);
  });

  it('reports connection failures and API errors on one line, without a stack trace', async () => {
    const refused = await cli(['list'], { ...s.env, CERTKEEPER_URL: 'http://127.0.0.1:1' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('error: connection_failed: cannot connect to http://127.0.0.1:1: connection refused (is the server running? set --url or CERTKEEPER_URL)\n');

    const importRefused = await cli(['import', root, '--url', 'http://127.0.0.1:1'], s.env);
    expect(importRefused.code).toBe(2);
    expect(importRefused.stderr.trim().split('\n')).toHaveLength(1);

    const badToken = await cli(['import', root], { ...s.env, CERTKEEPER_TOKEN: 'not-a-key' });
    expect(badToken.code).toBe(1);
    expect(badToken.stderr).toMatch(/^error: unauthorized: .*\n$/);
    expect(badToken.stdout).toBe('');

    const noToken = await cli(['list', '--token', ''], { CERTKEEPER_URL: s.url, CERTKEEPER_PROJECT: s.projectId });
    expect(noToken.stderr).toMatch(/^error: unauthorized: .*CERTKEEPER_TOKEN\)\n$/);

    const noProject = await cli(['list'], { CERTKEEPER_URL: s.url, CERTKEEPER_TOKEN: s.env.CERTKEEPER_TOKEN });
    expect(noProject.code).toBe(1);
    expect(noProject.stderr).toBe('error: missing_project: give --project ID or set CERTKEEPER_PROJECT\n');

    const otherProject = await cli(['list', '--project', '00000000-0000-4000-8000-000000000000'], s.env);
    expect(otherProject.code).toBe(1);
    expect(otherProject.stderr).toMatch(/^error: project_not_found: /);

    const badStatus = await cli(['list', '--status', 'sleepy'], s.env);
    expect(badStatus.code).toBe(1);
    expect(badStatus.stderr).toMatch(/^error: validation_failed: status must be one of/);

    const badOption = await cli(['list', '--expiring', 'soon'], s.env);
    expect(badOption.stderr).toMatch(/^error: invalid_option: --expiring/);

    for (const r of [refused, importRefused, badToken, noProject, otherProject, badStatus]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
