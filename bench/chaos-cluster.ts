/**
 * The chaos run's cast (bench/chaos.ts): certkeeper server processes that can be SIGKILLed and
 * started again on the same port and instance id, the PostgreSQL they share restarted in place,
 * the exec DNS hook that publishes dns-01 records into Pebble's challtestsrv, a webhook receiver
 * and a few TLS endpoints, all on loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import pg from 'pg';
import { findPostgresBin } from '../test/support/postgres.js';
import { webhookSignature } from '../test/support/webhook-receiver.js';
import type { Receipt, Window } from './chaos-checks.js';

/** GET url; the status, or 0 when nothing answered within `timeoutMs`. */
export function httpStatus(url: string, timeoutMs = 2000): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(0));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One certkeeper server: `certkeeper serve` as its own process on a fixed port, under a fixed
 * instance id, its output appended to a log file. Killed with SIGKILL and started again, it is
 * the same server to the others (same CERTKEEPER_INSTANCE_ID: it takes its own leases back).
 * `downWindows` records each time it was not serving: from just before the kill until /readyz
 * answered 200 again.
 */
export class ServerSlot {
  readonly url: string;
  readonly downWindows: Window[] = [];
  /** Exits nobody asked for (not a kill, not a stop): each is a failure of the run, and the server is started again. */
  readonly crashes: Array<{ at: number; code: number | null; signal: string | null }> = [];
  starts = 0;
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly log: WriteStream;
  /** Set while an exit is expected: a kill, a stop, or a start that waits out early exits itself. */
  private exitExpected = false;
  private starting = false;
  private recovering: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly cliEntry: string,
    private readonly env: Record<string, string>,
    logFile: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.log = createWriteStream(logFile, { flags: 'a' });
    this.log.on('error', () => undefined);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process and waits for /readyz; a process that exits before is started again, up to `timeoutMs`. */
  async start(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    this.starting = true;
    try {
      for (;;) {
        this.exitExpected = false;
        this.spawn();
        for (;;) {
          if (!this.running()) break;
          if ((await httpStatus(`${this.url}/readyz`)) === 200) return;
          if (Date.now() > deadline) throw new Error(`server ${this.name} was not ready within ${timeoutMs} ms (see its log)`);
          await sleep(50);
        }
        if (Date.now() > deadline) throw new Error(`server ${this.name} kept exiting at start (see its log)`);
        await sleep(250);
      }
    } finally {
      this.starting = false;
    }
  }

  private spawn(): void {
    this.starts++;
    this.log.write(`\n===== chaos: start #${this.starts} of ${this.name} at ${new Date().toISOString()} =====\n`);
    const child = spawn(process.execPath, [this.cliEntry, 'serve'], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(this.log, { end: false });
    child.stderr!.pipe(this.log, { end: false });
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        if (!this.exitExpected && !this.starting) this.crashed(code, signal);
        resolve();
      });
      child.once('error', () => resolve());
    });
  }

  /** A server that exited by itself: recorded, down until started again (so that the run goes on). */
  private crashed(code: number | null, signal: string | null): void {
    const window: Window = { from: Date.now(), to: Number.POSITIVE_INFINITY };
    this.crashes.push({ at: window.from, code, signal });
    this.downWindows.push(window);
    this.log.write(`\n===== chaos: ${this.name} exited by itself (${code ?? signal}) at ${new Date().toISOString()}: starting it again =====\n`);
    this.recovering = this.start().then(
      () => void (window.to = Date.now()),
      () => undefined,
    );
  }

  /** SIGKILL (a crash: nothing the server does on shutdown happens), then start again; the window is recorded. */
  async killAndRestart(pauseMs = 0): Promise<Window> {
    await this.recovering;
    const window: Window = { from: Date.now(), to: Number.POSITIVE_INFINITY };
    this.downWindows.push(window);
    this.log.write(`\n===== chaos: SIGKILL ${this.name} (pid ${this.child?.pid}) at ${new Date().toISOString()} =====\n`);
    this.exitExpected = true;
    if (this.running()) this.child!.kill('SIGKILL');
    await this.exited;
    if (pauseMs > 0) await sleep(pauseMs);
    await this.start();
    window.to = Date.now();
    return window;
  }

  /** SIGTERM and wait (SIGKILL after `graceMs`). */
  async stop(graceMs = 30_000): Promise<void> {
    await this.recovering;
    this.exitExpected = true;
    if (this.running()) this.child!.kill('SIGTERM');
    const timer = setTimeout(() => this.running() && this.child!.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** SIGKILL without restart (cleanup after a failed run). */
  kill(): void {
    this.exitExpected = true;
    if (this.running()) this.child!.kill('SIGKILL');
  }

  closeLog(): Promise<void> {
    if (this.log.writableEnded) return Promise.resolve();
    this.child?.stdout?.unpipe(this.log);
    this.child?.stderr?.unpipe(this.log);
    return new Promise((resolve) => this.log.end(resolve));
  }
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Restarts the PostgreSQL server of `adminUrl` in place (`pg_ctl restart -m fast`: clients are
 * disconnected, the server shuts down and starts with the options it was started with) and
 * waits until it accepts connections again.
 */
export async function restartPostgres(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const dataDir = (await client.query<{ data_directory: string }>('show data_directory')).rows[0]!.data_directory;
  const socketDir = (await client.query<{ unix_socket_directories: string }>('show unix_socket_directories')).rows[0]!.unix_socket_directories.split(',')[0]!.trim();
  await client.end();
  const pgCtl = `${findPostgresBin()}/pg_ctl`;
  // pg_ctl restart reuses the options of the running server (postmaster.opts). The server's
  // output goes to the log file test/support/postgres.ts gave it (in the socket directory,
  // writable by the server's user), not to pg_ctl's: the new server outlives pg_ctl.
  const args = ['-D', dataDir, '-l', `${socketDir}/postgres.log`, '-m', 'fast', '-w', '-t', '60', 'restart'];
  // As root it must run as the postgres user (initdb and the server refuse root).
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', pgCtl, ...args]] : [pgCtl, args];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(file, argv, { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  });
  if (code !== 0) throw new Error(`pg_ctl restart exited with ${code}`);
}

/**
 * The exec DNS hook (`HOOK present|cleanup NAME VALUE`) publishing into challtestsrv. It sees
 * only PATH and CERTKEEPER_*, so the URL is written into the script.
 */
export async function writeDnsHook(file: string, challtestsrvUrl: string): Promise<void> {
  await writeFile(
    file,
    `#!/bin/sh
set -eu
action="$1"; name="$2"; value="$3"
case "$name" in *.) ;; *) name="$name." ;; esac
if [ "$action" = present ]; then
  curl -fsS --max-time 10 -X POST -d "{\\"host\\":\\"$name\\",\\"value\\":\\"$value\\"}" '${challtestsrvUrl}/set-txt' >/dev/null
else
  curl -fsS --max-time 10 -X POST -d "{\\"host\\":\\"$name\\"}" '${challtestsrvUrl}/clear-txt' >/dev/null
fi
`,
  );
  await chmod(file, 0o755);
}

/**
 * The webhook receiver: every request to `/hook/<channel>` is recorded (delivery id of the body
 * and of the header, the items' event ids, whether the signature verifies with the channel's
 * secret) and answered 200, or 503 for a share `refuseRate` of them, so that certkeeper retries.
 */
export class ChaosReceiver {
  readonly receipts: Receipt[] = [];
  readonly secrets = new Map<string, string>();
  private readonly server: http.Server;

  /** Share of requests answered 503; the run sets it to 0 once the chaos phase is over. */
  constructor(public refuseRate: number) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const channel = (req.url ?? '').replace(/^\/hook\//, '');
        const answered = Math.random() < this.refuseRate ? 503 : 200;
        let parsed: { deliveryId?: unknown; events?: Array<{ eventId?: unknown }> } = {};
        try {
          parsed = JSON.parse(body);
        } catch {
          /* recorded as malformed below */
        }
        const expected = webhookSignature(this.secrets.get(channel) ?? '', { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
        this.receipts.push({
          channel,
          deliveryId: typeof parsed.deliveryId === 'string' ? parsed.deliveryId : '',
          headerDeliveryId: typeof req.headers['x-certkeeper-delivery'] === 'string' ? req.headers['x-certkeeper-delivery'] : undefined,
          eventIds: (parsed.events ?? []).map((e) => Number(e.eventId)).filter((n) => Number.isSafeInteger(n)),
          at: Date.now(),
          answered,
          signatureOk: req.headers['x-certkeeper-signature'] === expected,
        });
        res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 200 ? 'ok' : 'try again');
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  url(channel: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook/${channel}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** What a TLS endpoint serves: the leaf, its chain and its key, PEM. */
export interface ServedCertificate {
  certPem: string;
  chainPem: string;
  keyPem: string;
}

/** A TLS endpoint on loopback serving one certificate, which may be swapped while it runs. */
export class TlsEndpoint {
  private server: tls.Server | null = null;

  constructor(
    readonly serverName: string,
    private cert: ServedCertificate,
  ) {}

  async listen(): Promise<number> {
    this.server = tls.createServer(this.context());
    this.server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  private context(): tls.SecureContextOptions {
    return { key: this.cert.keyPem, cert: this.cert.certPem + this.cert.chainPem };
  }

  /** Serves another certificate from the next handshake on. */
  serve(cert: ServedCertificate): void {
    this.cert = cert;
    this.server?.setSecureContext(this.context());
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
