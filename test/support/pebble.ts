/**
 * A throwaway Pebble (Let's Encrypt's ACME test CA, Debian package `pebble`) for tests and
 * benchmarks, with `pebble-challtestsrv` as its DNS server (dns-01 TXT records, and every name
 * resolving to 127.0.0.1 so http-01 reaches the test's own responder).
 *
 *   const pebble = await startPebble();
 *   new AcmeIssuer({ caPem: pebble.caPem });  // trust the throwaway CA of Pebble's HTTPS listener
 *   await pebble.challtestsrv.setTxt('_acme-challenge.a.example', value);
 *   http.createServer(responder).listen(pebble.httpPort, '127.0.0.1');  // http-01
 *   await pebble.stop();
 *
 * Every port is picked at run time (two runs on one machine must not collide); the TLS material
 * lives in a temporary directory removed by stop(). Works as root and non-root. A missing
 * binary is an error, never a silent skip.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const pebbleBin = process.env.CERTKEEPER_PEBBLE ?? '/usr/bin/pebble';
export const challtestsrvBin = process.env.CERTKEEPER_CHALLTESTSRV ?? '/usr/bin/pebble-challtestsrv';

export interface PebbleOptions {
  /** An existing DNS server (host:port) for Pebble's validator; no challtestsrv is started then. */
  dnsServer?: string;
  /** Require external account binding (RFC 8555 §7.3.4); the accepted key is returned as `eab`. */
  eab?: boolean;
  /** Extra environment for Pebble, e.g. `{ PEBBLE_VA_ALWAYS_VALID: '1' }` for benchmarks. */
  extraEnv?: Record<string, string>;
  /** Lifetime of issued certificates in seconds (Pebble's default is 5 years; Let's Encrypt issues 90 days). */
  validitySeconds?: number;
}

/** challtestsrv's management API (the mock DNS that Pebble's validator asks). */
export interface ChallTestSrv {
  /** Publishes a TXT record (name without trailing dot). Adds to earlier values of the name. */
  setTxt(host: string, value: string): Promise<void>;
  /** Removes every TXT record of the name. */
  clearTxt(host: string): Promise<void>;
  /** Answers A queries for the name with these addresses (instead of the default 127.0.0.1). */
  addA(host: string, addresses: string[]): Promise<void>;
}

export interface Pebble {
  /** https://127.0.0.1:PORT/dir */
  directoryUrl: string;
  /** PEM of the throwaway CA that signed Pebble's HTTPS certificate: trust it to talk to Pebble. */
  caPem: string;
  /** The port Pebble's validator fetches http-01 tokens on (`http://NAME:httpPort/.well-known/acme-challenge/…`). */
  httpPort: number;
  /** Base URL of Pebble's management listener (HTTPS, same certificate). */
  managementUrl: string;
  /** The one key Pebble accepts for external account binding, when started with `eab: true`. */
  eab: { keyId: string; hmacKey: string } | null;
  /** Present unless a `dnsServer` was given. */
  challtestsrv: ChallTestSrv;
  /** challtestsrv's management API (http://127.0.0.1:PORT, POST /set-txt etc.), for a DNS hook in another process; null with a `dnsServer`. */
  challtestsrvUrl: string | null;
  /** Pebble's issuing root (regenerated on every start), PEM. */
  rootPem(): Promise<string>;
  /** Every line Pebble itself (not challtestsrv) has written to stdout/stderr since it started. */
  logLines(): string[];
  /** The orders Pebble created so far, oldest first (its `Added order "ID" to the db` lines). */
  orderIds(): string[];
  /** The certificates Pebble issued so far, oldest first (its `Issued certificate serial S for order O` lines). */
  issuedCertificates(): Array<{ serial: string; orderId: string }>;
  /** The orders Pebble set invalid so far (its `order O set INVALID by invalid authz A` lines). */
  invalidOrderIds(): string[];
  /** Kills both processes and removes the temporary files. */
  stop(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 right now (bind :0, read, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function requireBinary(bin: string): void {
  if (!existsSync(bin)) {
    throw new Error(
      `${bin} was not found. The ACME tests run against a real Pebble: install it ` +
        '(Debian: `apt-get install -y pebble`, or run scripts/ensure-test-deps.sh as root), ' +
        'or point CERTKEEPER_PEBBLE / CERTKEEPER_CHALLTESTSRV at the binaries.',
    );
  }
}

/** A throwaway CA and a localhost / 127.0.0.1 server certificate for Pebble's listeners. */
async function makeTlsMaterial(dir: string): Promise<{ caPem: string; certFile: string; keyFile: string }> {
  const caKey = path.join(dir, 'ca.key');
  const caCert = path.join(dir, 'ca.pem');
  const keyFile = path.join(dir, 'key.pem');
  const csrFile = path.join(dir, 'server.csr');
  const certFile = path.join(dir, 'cert.pem');
  const extFile = path.join(dir, 'server.ext');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  await run('openssl', ['req', '-x509', ...ec, '-keyout', caKey, '-out', caCert, '-days', '2', '-subj', `/CN=certkeeper test Pebble CA ${randomBytes(4).toString('hex')}`]);
  await run('openssl', ['req', '-new', ...ec, '-keyout', keyFile, '-out', csrFile, '-subj', '/CN=localhost']);
  // Go's TLS server and Node's client both want the SAN (RFC 6125); serverAuth for Go's checks.
  await writeFile(extFile, 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=critical,CA:FALSE\n');
  await run('openssl', ['x509', '-req', '-in', csrFile, '-CA', caCert, '-CAkey', caKey, '-CAcreateserial', '-out', certFile, '-days', '2', '-extfile', extFile]);
  return { caPem: await readFile(caCert, 'utf8'), certFile, keyFile };
}

interface Child {
  proc: ChildProcess;
  output: () => string;
  /** Every complete line written so far (stdout and stderr, each split on its own). */
  lines: () => string[];
  exited: Promise<void>;
}

function startChild(bin: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Child {
  const proc = spawn(bin, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const lines: string[] = [];
  const partial = { stdout: '', stderr: '' };
  const splitter = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    const parts = (partial[stream] + chunk.toString('utf8')).split('\n');
    partial[stream] = parts.pop() ?? '';
    for (const line of parts) lines.push(line);
  };
  proc.stdout?.on('data', splitter('stdout'));
  proc.stderr?.on('data', splitter('stderr'));
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.once('error', () => resolve());
  });
  return { proc, output: () => output, lines: () => lines.slice(), exited };
}

async function stopChild(child: Child): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill('SIGTERM');
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), 3000);
  await child.exited;
  clearTimeout(timer);
}

/** GET over HTTPS trusting `ca`; resolves with status and body. */
function httpsGet(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca, agent: false, timeout: 2000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
  });
}

function httpPost(url: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = http.request(url, { method: 'POST', agent: false, timeout: 2000, headers: { 'content-type': 'application/json', 'content-length': data.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end(data);
  });
}

/** Polls `probe` every 10 ms until it resolves true; rejects when the child exits or after `timeoutMs`. */
async function waitUntil(what: string, child: Child, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.proc.exitCode !== null || child.proc.signalCode !== null) {
      throw new Error(`${what} exited (${child.proc.exitCode ?? child.proc.signalCode}):\n${child.output().slice(-3000)}`);
    }
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not answer within ${timeoutMs} ms:\n${child.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

// Pebble 2.4's own log lines (wfe.go / ra.go, `log.Printf` behind a "Pebble " date prefix):
//   Pebble 2025/01/02 03:04:05 Added order "Yx2…" to the db
//   Pebble 2025/01/02 03:04:05 Issued certificate serial 1a2b… for order Yx2…
//   Pebble 2025/01/02 03:04:05 order Yx2… set INVALID by invalid authz Zq9…
const ADDED_ORDER = /\bAdded order "([^"]+)" to the db$/;
const ISSUED_CERTIFICATE = /\bIssued certificate serial ([0-9a-fA-F]+) for order (\S+)$/;
const INVALID_ORDER = /\border (\S+) set INVALID by invalid authz (\S+)$/;

function matchAll(lines: string[], re: RegExp): RegExpMatchArray[] {
  return lines.map((l) => l.trimEnd().match(re)).filter((m): m is RegExpMatchArray => m !== null);
}

/** `host` as challtestsrv wants it: fully qualified, with the trailing dot. */
function fqdn(host: string): string {
  return host.endsWith('.') ? host : `${host}.`;
}

function challtestsrvClient(managementUrl: string | null): ChallTestSrv {
  const call = async (endpoint: string, body: unknown) => {
    if (!managementUrl) throw new Error('no challtestsrv: Pebble was started with an external dnsServer');
    const res = await httpPost(`${managementUrl}${endpoint}`, body);
    if (res.status !== 200) throw new Error(`challtestsrv ${endpoint} answered ${res.status}: ${res.body}`);
  };
  return {
    setTxt: (host, value) => call('/set-txt', { host: fqdn(host), value }),
    clearTxt: (host) => call('/clear-txt', { host: fqdn(host) }),
    addA: (host, addresses) => call('/add-a', { host: fqdn(host), addresses }),
  };
}

export async function startPebble(options: PebbleOptions = {}): Promise<Pebble> {
  requireBinary(pebbleBin);
  if (!options.dnsServer) requireBinary(challtestsrvBin);
  const dir = await mkdtemp(path.join(tmpdir(), 'certkeeper-pebble-'));
  const children: Child[] = [];
  const killAll = () => {
    for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
  };
  // A crashed test worker must not leave CAs running.
  process.once('exit', killAll);
  const cleanup = async () => {
    process.removeListener('exit', killAll);
    await Promise.all(children.map(stopChild));
    await rm(dir, { recursive: true, force: true });
  };

  try {
    const tls = await makeTlsMaterial(dir);
    const eab = options.eab ? { keyId: `kid-${randomBytes(4).toString('hex')}`, hmacKey: randomBytes(32).toString('base64url') } : null;

    let dnsServer = options.dnsServer;
    let challtestsrvUrl: string | null = null;
    if (!dnsServer) {
      // Ports can be taken between freePort() and the bind: retry with fresh ones.
      for (let attempt = 0; ; attempt++) {
        const dnsPort = await freePort();
        const mgmtPort = await freePort();
        const child = startChild(
          challtestsrvBin,
          ['-dns01', `127.0.0.1:${dnsPort}`, '-http01', '', '-https01', '', '-tlsalpn01', '', '-management', `127.0.0.1:${mgmtPort}`, '-defaultIPv4', '127.0.0.1', '-defaultIPv6', ''],
          process.env,
          dir,
        );
        children.push(child);
        const url = `http://127.0.0.1:${mgmtPort}`;
        try {
          await waitUntil('pebble-challtestsrv', child, async () => (await httpPost(`${url}/clear-txt`, { host: 'probe.invalid.' })).status === 200);
        } catch (err) {
          await stopChild(child);
          children.pop();
          if (attempt < 3) continue;
          throw err;
        }
        dnsServer = `127.0.0.1:${dnsPort}`;
        challtestsrvUrl = url;
        break;
      }
    }

    for (let attempt = 0; ; attempt++) {
      const [listenPort, mgmtPort, httpPort, tlsPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
      const config = {
        pebble: {
          listenAddress: `127.0.0.1:${listenPort}`,
          managementListenAddress: `127.0.0.1:${mgmtPort}`,
          certificate: tls.certFile,
          privateKey: tls.keyFile,
          httpPort,
          tlsPort,
          ocspResponderURL: '',
          externalAccountBindingRequired: eab !== null,
          ...(eab ? { externalAccountMACKeys: { [eab.keyId]: eab.hmacKey } } : {}),
          ...(options.validitySeconds ? { certificateValidityPeriod: options.validitySeconds } : {}),
        },
      };
      const configFile = path.join(dir, 'pebble-config.json');
      await writeFile(configFile, JSON.stringify(config));
      const env = {
        ...process.env,
        PEBBLE_VA_NOSLEEP: '1',
        // Otherwise Pebble reuses earlier authorizations and challenges go unexercised.
        PEBBLE_AUTHZREUSE: '0',
        ...options.extraEnv,
      };
      const child = startChild(pebbleBin, ['-config', configFile, '-dnsserver', dnsServer], env, dir);
      children.push(child);
      const directoryUrl = `https://127.0.0.1:${listenPort}/dir`;
      const managementUrl = `https://127.0.0.1:${mgmtPort}`;
      try {
        await waitUntil('pebble', child, async () => (await httpsGet(directoryUrl, tls.caPem)).status === 200);
        await waitUntil('pebble management', child, async () => (await httpsGet(`${managementUrl}/roots/0`, tls.caPem)).status === 200);
      } catch (err) {
        await stopChild(child);
        children.pop();
        if (attempt < 3) continue;
        throw err;
      }
      let stopped: Promise<void> | null = null;
      return {
        directoryUrl,
        caPem: tls.caPem,
        httpPort,
        managementUrl,
        eab,
        challtestsrv: challtestsrvClient(challtestsrvUrl),
        challtestsrvUrl,
        rootPem: async () => {
          const res = await httpsGet(`${managementUrl}/roots/0`, tls.caPem);
          if (res.status !== 200) throw new Error(`pebble /roots/0 answered ${res.status}`);
          return res.body;
        },
        logLines: () => child.lines(),
        orderIds: () => matchAll(child.lines(), ADDED_ORDER).map((m) => m[1]),
        issuedCertificates: () => matchAll(child.lines(), ISSUED_CERTIFICATE).map((m) => ({ serial: m[1], orderId: m[2] })),
        invalidOrderIds: () => matchAll(child.lines(), INVALID_ORDER).map((m) => m[1]),
        stop: () => (stopped ??= cleanup()),
      };
    }
  } catch (err) {
    await cleanup();
    throw err;
  }
}
