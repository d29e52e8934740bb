/**
 * A throwaway BIND9 (`named`, Debian package bind9) for RFC 2136 tests: authoritative only, on
 * 127.0.0.1 and a port chosen at run time, in the foreground, with its configuration, zones,
 * journals and pid file in a temporary directory, and a fresh TSIG key (hmac-sha256 unless asked otherwise) allowed to
 * update the test zones. Works as root (the CI case: named keeps the invoking user when no
 * `-u` is given) and as any other user (the port is unprivileged). A missing named is an
 * error, never a silent skip.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Bind9Options {
  /** Zones the key may update. Default `example.test`, `certkeeper.test`. */
  zones?: string[];
  /** Zones served but closed to updates (`allow-update { none; }`). Default none. */
  lockedZones?: string[];
  /** The TSIG key's algorithm; default hmac-sha256. */
  algorithm?: Bind9Algorithm;
}

export type Bind9Algorithm = 'hmac-sha256' | 'hmac-sha512' | 'hmac-sha1';

export interface Bind9 {
  host: '127.0.0.1';
  port: number;
  /** The key `allow-update` names; `secret` is base64, as `tsig-keygen` prints it. */
  tsig: { name: string; algorithm: Bind9Algorithm; secret: string };
  zones: string[];
  lockedZones: string[];
  /** How long the start took, until the server answered (milliseconds). */
  startMs: number;
  /**
   * Asks the server (a fresh node:dns Resolver each time, so nothing is cached): TXT values
   * (character-strings joined), SOA as "mname rname serial", A addresses. No such name or no
   * such data → [].
   */
  query(name: string, type: 'TXT' | 'SOA' | 'A'): Promise<string[]>;
  /** named's log so far (stderr: `-g` logs there). */
  log(): string;
  /** Kills named and removes its directory. */
  stop(): Promise<void>;
}

export const namedPath = process.env.CERTKEEPER_NAMED ?? '/usr/sbin/named';

/** A port free for both TCP and UDP on 127.0.0.1 right now (bind 0, read, close). */
async function freeDnsPort(): Promise<number> {
  const port = await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  await new Promise<void>((resolve, reject) => {
    const udp = createSocket('udp4');
    udp.on('error', (err) => {
      udp.close();
      reject(err);
    });
    udp.bind(port, '127.0.0.1', () => udp.close(() => resolve()));
  });
  return port;
}

function zoneFile(zone: string): string {
  // SOA minimum 0: no negative caching of a record a test is about to add (RFC 2308 §5).
  return [
    '$TTL 60',
    `@ IN SOA ns.${zone}. hostmaster.${zone}. 1 3600 600 86400 0`,
    `@ IN NS ns.${zone}.`,
    'ns IN A 127.0.0.1',
    '',
  ].join('\n');
}

function namedConf(dir: string, port: number, key: Bind9['tsig'], zones: string[], lockedZones: string[]): string {
  const zone = (name: string, update: string) =>
    `zone "${name}" { type primary; file "${path.join(dir, `${name}.zone`)}"; allow-update { ${update}; }; };`;
  return [
    `key "${key.name}" { algorithm ${key.algorithm}; secret "${key.secret}"; };`,
    // No rndc channel: several instances would fight over 127.0.0.1:953.
    'controls { };',
    'options {',
    `  directory "${dir}";`,
    `  pid-file "${path.join(dir, 'named.pid')}";`,
    `  session-keyfile "${path.join(dir, 'session.key')}";`,
    `  managed-keys-directory "${dir}";`,
    `  listen-on port ${port} { 127.0.0.1; };`,
    '  listen-on-v6 { none; };',
    '  recursion no;',
    '  dnssec-validation no;',
    '  notify no;',
    '  allow-transfer { none; };',
    '};',
    ...zones.map((z) => zone(z, `key "${key.name}"`)),
    ...lockedZones.map((z) => zone(z, 'none')),
    '',
  ].join('\n');
}

async function resolve(port: number, name: string, type: 'TXT' | 'SOA' | 'A'): Promise<string[]> {
  const resolver = new Resolver({ timeout: 1000, tries: 2 });
  resolver.setServers([`127.0.0.1:${port}`]);
  try {
    if (type === 'TXT') return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''));
    if (type === 'SOA') {
      const soa = await resolver.resolveSoa(name);
      return [`${soa.nsname} ${soa.hostmaster} ${soa.serial}`];
    }
    return await resolver.resolve4(name);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENODATA' || code === 'ENOTFOUND') return [];
    throw err;
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

/** Starts named once on `port`; resolves when the first zone's SOA is served. */
async function launch(dir: string, port: number, firstZone: string, deadlineMs: number): Promise<{ child: ChildProcess; log: () => string }> {
  let log = '';
  const child = spawn(namedPath, ['-g', '-4', '-n', '1', '-c', path.join(dir, 'named.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    log = (log + chunk).slice(-64 * 1024);
  });
  const spawnError = new Promise<Error>((done) => child.once('error', done));
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const failure = await Promise.race([spawnError, new Promise<undefined>((r) => setTimeout(r, 25))]);
    if (failure) throw new Error(`could not start ${namedPath}: ${failure.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`named exited (${child.exitCode ?? child.signalCode}) before answering:\n${log.slice(-3000)}`);
    }
    if (/could not listen|address in use/i.test(log)) {
      child.kill('SIGKILL');
      await waitForExit(child, 5000);
      throw Object.assign(new Error(`named could not listen on port ${port}:\n${log.slice(-3000)}`), { portTaken: true });
    }
    if (/\brunning\b/.test(log)) {
      const soa = await resolve(port, firstZone, 'SOA').catch(() => []);
      if (soa.length > 0) return { child, log: () => log };
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await waitForExit(child, 5000);
      throw new Error(`named did not answer within ${deadlineMs} ms:\n${log.slice(-3000)}`);
    }
  }
}

/** Starts a throwaway BIND9; see Bind9. Call stop() when done (afterEach / afterAll). */
export async function startBind9(options: Bind9Options = {}): Promise<Bind9> {
  if (!existsSync(namedPath)) {
    throw new Error(
      `${namedPath} was not found. The RFC 2136 tests need BIND9: install it (Debian: apt-get install -y bind9 bind9-dnsutils, ` +
        'or run scripts/ensure-test-deps.sh as root) or point CERTKEEPER_NAMED at named.',
    );
  }
  const started = performance.now();
  const zones = (options.zones ?? ['example.test', 'certkeeper.test']).map((z) => z.replace(/\.$/, '').toLowerCase());
  const lockedZones = (options.lockedZones ?? []).map((z) => z.replace(/\.$/, '').toLowerCase());
  const all = [...zones, ...lockedZones];
  if (all.length === 0) throw new Error('startBind9 needs at least one zone');
  const algorithm = options.algorithm ?? 'hmac-sha256';
  // A key as long as the digest, as tsig-keygen makes it (RFC 8945 §6).
  const keyBytes = { 'hmac-sha256': 32, 'hmac-sha512': 64, 'hmac-sha1': 20 }[algorithm];
  const tsig = { name: 'certkeeper-test-key', algorithm, secret: randomBytes(keyBytes).toString('base64') };
  const dir = await mkdtemp(path.join(tmpdir(), 'certkeeper-bind9-'));
  try {
    for (const z of all) await writeFile(path.join(dir, `${z}.zone`), zoneFile(z));
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      const port = await freeDnsPort();
      await writeFile(path.join(dir, 'named.conf'), namedConf(dir, port, tsig, zones, lockedZones));
      let launched: { child: ChildProcess; log: () => string };
      try {
        launched = await launch(dir, port, all[0], 20_000);
      } catch (err) {
        lastError = err;
        if ((err as { portTaken?: boolean }).portTaken) continue; // taken between our probe and named's bind
        throw err;
      }
      const { child, log } = launched;
      let stopped = false;
      return {
        host: '127.0.0.1',
        port,
        tsig,
        zones,
        lockedZones,
        startMs: Math.round(performance.now() - started),
        query: (name, type) => resolve(port, name, type),
        log,
        stop: async () => {
          if (stopped) return;
          stopped = true;
          child.kill('SIGTERM');
          if (!(await waitForExit(child, 5000))) {
            child.kill('SIGKILL');
            await waitForExit(child, 5000);
          }
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
    throw lastError;
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
