import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbeTrust, probeEndpoint, type ProbeTrust } from '../../src/probe/probe-endpoint.js';
import { ldapStartTlsRequest } from '../../src/probe/starttls.js';
import { parseCertificate } from '../../src/pki/parse-certificate.js';
import { createTestCa, type TestCa } from '../support/test-ca.js';
import {
  startPlainHttpServer,
  startSilentServer,
  startStartTlsServer,
  startTlsServer,
  type LoopbackServer,
  type StartTlsProtocol,
} from '../support/starttls-servers.js';

const DAY = 86_400_000;
let ca: TestCa;
let trust: ProbeTrust;
const servers: LoopbackServer[] = [];
const start = async (s: Promise<LoopbackServer>) => {
  const server = await s;
  servers.push(server);
  return server;
};

beforeAll(() => {
  ca = createTestCa({ name: 'probe' });
  trust = createProbeTrust([ca.root.certPem]);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('probeEndpoint over TLS', () => {
  it('reads a good chain as served, trusted with the extra CA, name matching', async () => {
    const leaf = ca.issue({ sans: ['svc.test', '127.0.0.1'] });
    const server = await start(startTlsServer({ key: leaf.keyPem, cert: leaf.certPem + ca.intermediate.certPem }));
    const r = await probeEndpoint({ host: '127.0.0.1', port: server.port, serverName: 'svc.test', trust, timeoutMs: 5000 });
    expect(r.error).toBeNull();
    // As sent: leaf and intermediate, not the root from the trust store.
    expect(r.chain).toEqual([leaf.certDer, ca.intermediate.certDer]);
    expect(r.chainTrusted).toBe(true);
    expect(r.trustError).toBeNull();
    expect(r.nameMatches).toBe(true);
    expect(r.serverName).toBe('svc.test');
    expect(r.tlsVersion).toBe('TLSv1.3');
    expect(r.cipher).toMatch(/^TLS_/);
    expect(r.address).toBe('127.0.0.1');
    expect(r.timings.handshakeMs).toBeGreaterThan(0);
    expect(parseCertificate(r.chain[0]).fingerprintSha256).toBe(parseCertificate(leaf.certDer).fingerprintSha256);

    // No SNI for an IP literal; the IP SAN matches.
    const byIp = await probeEndpoint({ host: '127.0.0.1', port: server.port, trust });
    expect(byIp.serverName).toBeNull();
    expect(byIp.checkedName).toBe('127.0.0.1');
    expect(byIp.nameMatches).toBe(true);
  });

  it('is untrusted against the default store alone', async () => {
    const leaf = ca.issue({ sans: ['svc.test'] });
    const server = await start(startTlsServer({ key: leaf.keyPem, cert: leaf.certPem + ca.intermediate.certPem }));
    const r = await probeEndpoint({ host: '127.0.0.1', port: server.port, serverName: 'svc.test' });
    expect(r.error).toBeNull();
    expect(r.chainTrusted).toBe(false);
    expect(r.trustError).toBe('UNABLE_TO_GET_ISSUER_CERT_LOCALLY');
  });

  it('reports an expired leaf', async () => {
    const leaf = ca.issue({ sans: ['old.test'], notBefore: new Date(Date.now() - 100 * DAY), notAfter: new Date(Date.now() - DAY) });
    const server = await start(startTlsServer({ key: leaf.keyPem, cert: leaf.certPem + ca.intermediate.certPem }));
    const r = await probeEndpoint({ host: '127.0.0.1', port: server.port, serverName: 'old.test', trust });
    expect(r.error).toBeNull();
    expect(r.chainTrusted).toBe(false);
    expect(r.trustError).toBe('CERT_HAS_EXPIRED');
    expect(parseCertificate(r.chain[0]).notAfter.getTime()).toBeLessThan(Date.now());
  });

  it('reports a wrong name', async () => {
    const leaf = ca.issue({ sans: ['right.test'] });
    const server = await start(startTlsServer({ key: leaf.keyPem, cert: leaf.certPem + ca.intermediate.certPem }));
    const r = await probeEndpoint({ host: '127.0.0.1', port: server.port, serverName: 'wrong.test', trust });
    expect(r.error).toBeNull();
    expect(r.chainTrusted).toBe(true);
    expect(r.nameMatches).toBe(false);
    expect(r.nameError).toMatch(/wrong\.test/);
  });

  it('reports an incomplete chain (leaf only) and keeps what was served', async () => {
    const leaf = ca.issue({ sans: ['bare.test'] });
    const server = await start(startTlsServer({ key: leaf.keyPem, cert: leaf.certPem }));
    const r = await probeEndpoint({ host: '127.0.0.1', port: server.port, serverName: 'bare.test', trust });
    expect(r.error).toBeNull();
    expect(r.chain).toEqual([leaf.certDer]);
    expect(r.chainTrusted).toBe(false);
    expect(r.trustError).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('keeps extra certificates in the order sent', async () => {
    const other = createTestCa({ name: 'unrelated' });
    const leaf = ca.issue({ sans: ['padded.test'] });
    const server = await start(startTlsServer({ key: leaf.keyPem, cert: leaf.certPem + other.root.certPem + ca.intermediate.certPem }));
    const r = await probeEndpoint({ host: '127.0.0.1', port: server.port, serverName: 'padded.test', trust });
    expect(r.chain).toEqual([leaf.certDer, other.root.certDer, ca.intermediate.certDer]);
    expect(r.chainTrusted).toBe(true);
  });

  it('reports a TLS version mismatch', async () => {
    const leaf = ca.issue({ sans: ['v.test'] });
    // Node clients refuse below TLS 1.2: a TLS 1.1-only server cannot agree on a version.
    const server = await start(startTlsServer({ key: leaf.keyPem, cert: leaf.certPem }, { minVersion: 'TLSv1', maxVersion: 'TLSv1.1' }));
    const r = await probeEndpoint({ host: '127.0.0.1', port: server.port, trust, timeoutMs: 3000 });
    expect(r.error).toMatchObject({ step: 'handshake' });
    expect(r.error?.code).toMatch(/^(tls_version_mismatch|tls_alert)$/);
  });
});

describe('probeEndpoint failures', () => {
  it('connection refused', async () => {
    const gone = await startSilentServer();
    const port = gone.port;
    await gone.close();
    const r = await probeEndpoint({ host: '127.0.0.1', port, timeoutMs: 2000 });
    expect(r.error).toMatchObject({ code: 'connection_refused', step: 'connect' });
    expect(r.chain).toEqual([]);
  });

  it('timeout on a server that accepts and says nothing', async () => {
    const server = await start(startSilentServer());
    const t0 = Date.now();
    const r = await probeEndpoint({ host: '127.0.0.1', port: server.port, timeoutMs: 300 });
    expect(r.error).toMatchObject({ code: 'timeout', step: 'handshake' });
    expect(Date.now() - t0).toBeLessThan(2000);
    const smtp = await probeEndpoint({ host: '127.0.0.1', port: server.port, protocol: 'smtp', timeoutMs: 300 });
    expect(smtp.error).toMatchObject({ code: 'timeout', step: 'starttls' });
  });

  it('a server that does not speak TLS', async () => {
    const server = await start(startPlainHttpServer());
    const r = await probeEndpoint({ host: '127.0.0.1', port: server.port, timeoutMs: 2000 });
    expect(r.error).toMatchObject({ code: 'not_tls', step: 'handshake' });
  });

  it('an unknown host name', async () => {
    const r = await probeEndpoint({ host: 'no-such-host.invalid', port: 443, timeoutMs: 3000 });
    expect(r.error?.code).toMatch(/^(host_not_found|timeout)$/);
    expect(r.error?.step).toBe('connect');
  });

  it('a TLS endpoint probed as SMTP is a protocol mismatch or timeout, never a throw', async () => {
    const server = await start(startPlainHttpServer());
    const r = await probeEndpoint({ host: '127.0.0.1', port: server.port, protocol: 'imap', timeoutMs: 300 });
    expect(r.error?.step).toBe('starttls');
  });
});

describe('probeEndpoint with STARTTLS', () => {
  for (const protocol of ['smtp', 'imap', 'ldap', 'postgres'] as StartTlsProtocol[]) {
    it(`${protocol}: upgrades and reads the chain`, async () => {
      const leaf = ca.issue({ sans: [`${protocol}.test`] });
      const server = await start(startStartTlsServer(protocol, { key: leaf.keyPem, cert: leaf.certPem + ca.intermediate.certPem }));
      const r = await probeEndpoint({ host: '127.0.0.1', port: server.port, protocol, serverName: `${protocol}.test`, trust, timeoutMs: 3000 });
      expect(r.error).toBeNull();
      expect(r.chain).toEqual([leaf.certDer, ca.intermediate.certDer]);
      expect(r.chainTrusted).toBe(true);
      expect(r.nameMatches).toBe(true);
      expect(r.timings.startTlsMs).toBeGreaterThanOrEqual(0);
    });

    it(`${protocol}: a refused upgrade is a finding`, async () => {
      const leaf = ca.issue({ sans: [`${protocol}.test`] });
      const server = await start(startStartTlsServer(protocol, { key: leaf.keyPem, cert: leaf.certPem }, { refuse: true }));
      const r = await probeEndpoint({ host: '127.0.0.1', port: server.port, protocol, timeoutMs: 3000 });
      expect(r.error?.step).toBe('starttls');
      expect(r.error?.code).toMatch(/^starttls_(unsupported|refused)$/);
      expect(r.chain).toEqual([]);
    });
  }

  it('encodes the LDAP StartTLS request as RFC 4511 says', () => {
    expect(ldapStartTlsRequest().toString('hex')).toBe('301d02010177188016' + Buffer.from('1.3.6.1.4.1.1466.20037').toString('hex'));
  });
});
