import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '../../src/pki/parse-certificate.js';
import { createTestCa, type TestCa, type TestCertificate } from '../support/test-ca.js';
import { startSilentServer, startStartTlsServer, startTlsServer, type LoopbackServer } from '../support/starttls-servers.js';
import { createServerDatabase, dialects } from '../support/test-store.js';
import { cli, startTestServer, type TestServer } from './cli-harness.js';

let ca: TestCa;
let leafA: TestCertificate;
let leafB: TestCertificate;
let a: LoopbackServer;
let a2: LoopbackServer;
let b: LoopbackServer;
let smtp: LoopbackServer;
let silent: LoopbackServer;
let refusedPort: number;
let work: string;
let caFile: string;

beforeAll(async () => {
  ca = createTestCa({ name: 'scan' });
  leafA = ca.issue({ sans: ['a.scan.test', '127.0.0.1'] });
  leafB = ca.issue({ sans: ['b.scan.test'] });
  a = await startTlsServer({ key: leafA.keyPem, cert: leafA.certPem + ca.intermediate.certPem });
  a2 = await startTlsServer({ key: leafA.keyPem, cert: leafA.certPem + ca.intermediate.certPem });
  b = await startTlsServer({ key: leafB.keyPem, cert: leafB.certPem });
  smtp = await startStartTlsServer('smtp', { key: leafB.keyPem, cert: leafB.certPem + ca.intermediate.certPem });
  silent = await startSilentServer();
  const gone = await startSilentServer();
  refusedPort = gone.port;
  await gone.close();
  work = mkdtempSync(path.join(tmpdir(), 'certkeeper-scan-'));
  caFile = path.join(work, 'ca.pem');
  writeFileSync(caFile, ca.root.certPem);
});
afterAll(async () => {
  await Promise.all([a, a2, b, smtp, silent].map((s) => s?.close()));
  rmSync(work, { recursive: true, force: true });
});

type Row = Record<string, any>;
const rowsOf = (stdout: string): Row[] => stdout.trim().split('\n').map((l) => JSON.parse(l));

describe('certkeeper scan', () => {
  it('prints one JSON object per endpoint, in target order, failures included', async () => {
    const run = await cli([
      'scan',
      `127.0.0.1:${a.port}`,
      `127.0.0.1:${b.port}`,
      `smtp://127.0.0.1:${smtp.port}`,
      `127.0.0.1:${refusedPort}`,
      `127.0.0.1:${silent.port}`,
      '--timeout',
      '300ms',
      '--ca-file',
      caFile,
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = rowsOf(run.stdout);
    expect(rows.map((r) => r.port)).toEqual([a.port, b.port, smtp.port, refusedPort, silent.port]);
    const pa = parseCertificate(leafA.certDer);
    expect(rows[0]).toMatchObject({
      host: '127.0.0.1',
      port: a.port,
      protocol: 'tls',
      subject: pa.subject,
      notAfter: pa.notAfter.toISOString(),
      fingerprintSha256: pa.fingerprintSha256,
      chainLength: 2,
      chainTrusted: true,
      nameMatches: true,
      error: null,
    });
    expect(rows[1]).toMatchObject({ fingerprintSha256: parseCertificate(leafB.certDer).fingerprintSha256, chainLength: 1, chainTrusted: false, trustError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', nameMatches: false });
    expect(rows[2]).toMatchObject({ protocol: 'smtp', fingerprintSha256: parseCertificate(leafB.certDer).fingerprintSha256, chainTrusted: true, error: null });
    expect(rows[3]).toMatchObject({ fingerprintSha256: null, notAfter: null, subject: null, error: { code: 'connection_refused' } });
    expect(rows[4].error).toMatchObject({ code: 'timeout', step: 'handshake' });
  });

  it('prints a table with a summary line', async () => {
    const run = await cli(['scan', `127.0.0.1:${a.port}`, `127.0.0.1:${refusedPort}`, '--server-name', 'a.scan.test']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ENDPOINT\s+NOT AFTER\s+DAYS\s+SUBJECT\s+TRUST\s+NAME\s+ERROR$/);
    expect(lines[1]).toContain(`127.0.0.1:${a.port}`);
    expect(lines[1]).toContain('a.scan.test');
    expect(lines[1]).toContain('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'); // no --ca-file: the test root is unknown
    expect(lines[2]).toContain('connection_refused');
    expect(lines[3]).toMatch(/^2 endpoints, 1 with a certificate, 1 failed/);
  });

  it('draws a progress bar on a terminal, on stderr only', async () => {
    const run = await cli(['scan', `127.0.0.1:${a.port}`], {}, { isTTY: true });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ENDPOINT/);
    expect(run.stderr).toContain('scanning');
  });

  it('reads targets from a file and expands CIDR ranges with port lists', async () => {
    const file = path.join(work, 'targets.txt');
    writeFileSync(file, `# loopback\n127.0.0.1/32:${a.port},${b.port}\n\n127.0.0.1:${a.port}\n`);
    const run = await cli(['scan', '--file', file, '--json', '--concurrency', '2']);
    expect(run.code).toBe(0);
    expect(rowsOf(run.stdout).map((r) => r.port)).toEqual([a.port, b.port]);
  });

  it('refuses a scan past --max and bad options', async () => {
    const big = await cli(['scan', '10.0.0.0/8:443']);
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/error: invalid_target: .*more than 65536 endpoints \(give --max/);
    expect((await cli(['scan', '10.0.0.0/30:443', '--max', '3'])).stderr).toMatch(/more than 3 endpoints/);
    expect((await cli(['scan', 'x:1', '--timeout', 'soon'])).stderr).toMatch(/invalid_option: --timeout/);
    expect((await cli(['scan'])).stderr).toMatch(/give targets/);
  });

  describe.each(dialects)('--import on %s', (dialect) => {
    let database: Awaited<ReturnType<typeof createServerDatabase>>;
    let server: TestServer;
    beforeAll(async () => {
      database = await createServerDatabase(dialect);
      server = await startTestServer(undefined, database.env);
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it('imports each distinct served leaf once, then finds them as duplicates', async () => {
      const targets = [`127.0.0.1:${a.port}`, `127.0.0.1:${a2.port}`, `127.0.0.1:${b.port}`, `127.0.0.1:${refusedPort}`];
      const run = await cli(['scan', ...targets, '--import', '--json'], server.env);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const rows = rowsOf(run.stdout);
      expect(rows[0].certificateId).toBeGreaterThan(0);
      expect(rows[1].certificateId).toBe(rows[0].certificateId); // same leaf on two endpoints
      expect(rows[2].certificateId).toBeGreaterThan(0);
      expect(rows[3].certificateId).toBeUndefined();

      const again = await cli(['scan', ...targets, '--import'], server.env);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/imported 0, duplicate 2, import failed 0/);

      const list = await cli(['list', '--json'], server.env);
      const listed = JSON.parse(list.stdout) as { totalCount: number; items: Array<{ id: number; hasPrivateKey: boolean }> };
      expect(listed.totalCount).toBe(2);
      expect(listed.items.every((i) => i.hasPrivateKey === false)).toBe(true);
    });

    it('needs a project', async () => {
      const run = await cli(['scan', `127.0.0.1:${a.port}`, '--import'], { ...server.env, CERTKEEPER_PROJECT: '' });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/missing_project/);
    });
  });
});
