/**
 * Issuance benchmark (docs/benchmarks.md): one local Pebble (PEBBLE_VA_NOSLEEP=1, PEBBLE_AUTHZREUSE=0)
 * with challtestsrv as its DNS, and three clients issuing certificates for distinct names with
 * dns-01 records published into that challtestsrv, EC P-256 keys:
 *   - certkeeper: the server process, the native API's flow POST …/certificates + publish TXT + PUT …/validate
 *     (+ clear TXT), over HTTP, as an API user would drive it;
 *   - lego (Debian package), exec DNS provider calling a hook;
 *   - certbot (Debian package), --manual with auth/cleanup hooks.
 * Sequential per-certificate latency and certificates per second at concurrency 10; every
 * certificate is checked (certkeeper: Active; peers: the file parses and names the domain) and
 * failures are counted. Account registration is excluded for all three (untimed warm-up
 * certificates first; the peers' concurrent workers get copies of the registered account).
 * Also certkeeper's http-01 (its own responder; the caller polls GET until Active).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { startPebble } from '../test/support/pebble.js';
import { fmt, freePort, percentile, startServerProcess } from './bench-lib.js';

export interface IssuanceOptions {
  /** Superuser key the certkeeper server is started with. */
  token: string;
  /** certkeeper: sequential count and count at concurrency. */
  certs: number;
  concurrentCerts: number;
  /** lego and certbot (seconds per certificate): smaller counts. */
  peerCerts: number;
  peerConcurrentCerts: number;
  concurrency: number;
  /** Also time certkeeper's http-01 (default true). */
  http01?: boolean;
  /** Time lego and certbot (default true); without them there are no ratios. */
  peers?: boolean;
  log: (s: string) => void;
}

export interface SequentialStats {
  count: number;
  failures: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  errors: string[];
}

export interface ConcurrentStats {
  count: number;
  failures: number;
  concurrency: number;
  seconds: number;
  certsPerSecond: number;
  errors: string[];
}

export interface ClientResult {
  client: string;
  notes: string;
  sequential: SequentialStats;
  concurrent: ConcurrentStats;
  /** Mean ms per step of one certificate, sequential and at concurrency (certkeeper dns-01). */
  steps?: { sequential: Record<string, number>; concurrent: Record<string, number> };
  /** CPU ms per certificate during the concurrent run, by process: where the cores went. */
  cpuMsPerCert?: Record<string, number>;
}

export interface IssuanceResults {
  pebble: { env: Record<string, string> };
  clients: ClientResult[];
  ratios: Record<string, { sequentialSpeedup: number; throughputRatio: number }>;
  targets: { sequentialMsMax: number; sequentialMet: boolean; certsPerSecondMin: number; throughputMet: boolean };
}

const PEBBLE_ENV = { PEBBLE_VA_NOSLEEP: '1', PEBBLE_AUTHZREUSE: '0' };
const TARGET_MS = 100;
const TARGET_PER_SECOND = 40;
const EMAIL = 'bench@bench.test';

/** One attempt: throws with a reason when it did not yield a verified certificate. */
type IssueOne = (name: string, worker: number) => Promise<void>;

// The bench-lib agent has maxSockets 1: concurrency needs its own pool.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function call(method: string, url: string, token: string | undefined, body?: unknown): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: any = text;
          try {
            json = JSON.parse(text);
          } catch {
            /* challtestsrv answers with an empty body */
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (d: Buffer) => (output = (output + d.toString('utf8')).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (err) => resolve({ code: -1, output: String(err) }));
    child.on('exit', (code) => resolve({ code: code ?? -1, output }));
  });
}

/** A certificate file that parses and names `name`. */
function verifyCertFile(file: string, name: string): void {
  if (!existsSync(file)) throw new Error(`no certificate file ${file}`);
  const cert = new X509Certificate(readFileSync(file));
  if (!cert.subjectAltName?.split(', ').includes(`DNS:${name}`)) throw new Error(`${file} does not name ${name}: ${cert.subjectAltName}`);
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

/** utime+stime (and, with `reaped`, the CPU of exited children it waited for) of a process, ms (USER_HZ 100). */
function cpuMs(pid: number, reaped = false): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // after "(comm) ": state=0 … utime=11 stime=12 cutime=13 cstime=14
    const ticks = Number(f[11]) + Number(f[12]) + (reaped ? Number(f[13]) + Number(f[14]) : 0);
    return ticks * 10;
  } catch {
    return NaN;
  }
}

/** Our child processes named `comm` (Pebble is started by test/support/pebble.ts, which keeps its pid). */
function childPids(comm: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const m = /^\d+ \((.*)\) \S (\d+)/.exec(stat);
      if (m && m[1] === comm && Number(m[2]) === process.pid) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}

/** CPU ms the whole machine spent busy (all cores; /proc/stat, USER_HZ 100). */
function machineBusyMs(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal
  return (f[0] + f[1] + f[2] + f[5] + f[6] + (f[7] ?? 0)) * 10;
}

/**
 * CPU ms per certificate of each named process over `fn` (which issues `count` certificates), and
 * of everything else on the machine: the bench shares its cores with whatever else runs.
 */
async function cpuPerCert<T>(count: number, pids: Record<string, { pid: number; reaped?: boolean }>, fn: () => Promise<T>): Promise<[T, Record<string, number>]> {
  const before = Object.fromEntries(Object.entries(pids).map(([k, v]) => [k, cpuMs(v.pid, v.reaped)]));
  const machine0 = machineBusyMs();
  const value = await fn();
  const machine = machineBusyMs() - machine0;
  const per: Record<string, number> = Object.fromEntries(Object.entries(pids).map(([k, v]) => [k, (cpuMs(v.pid, v.reaped) - before[k]) / count]));
  per['other processes on the machine'] = Math.max(0, machine / count - Object.values(per).reduce((a, b) => a + b, 0));
  return [value, per];
}

async function sequential(count: number, prefix: string, issue: IssueOne): Promise<SequentialStats> {
  const times: number[] = [];
  const errors: string[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    try {
      await issue(`${prefix}-${i}.bench.test`, 0);
      times.push(ms(t0));
    } catch (err) {
      errors.push(String((err as Error).message ?? err).slice(0, 500));
    }
  }
  times.sort((a, b) => a - b);
  return {
    count,
    failures: errors.length,
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    minMs: times[0] ?? NaN,
    maxMs: times[times.length - 1] ?? NaN,
    errors: errors.slice(0, 5),
  };
}

async function concurrent(count: number, concurrency: number, prefix: string, issue: IssueOne): Promise<ConcurrentStats> {
  const errors: string[] = [];
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = next++; i < count; i = next++) {
        try {
          await issue(`${prefix}-${i}.bench.test`, worker);
        } catch (err) {
          errors.push(String((err as Error).message ?? err).slice(0, 500));
        }
      }
    }),
  );
  const seconds = ms(t0) / 1000;
  return { count, failures: errors.length, concurrency, seconds, certsPerSecond: (count - errors.length) / seconds, errors: errors.slice(0, 5) };
}

/** challtestsrv on ports of our own, so lego's resolver flag and the hooks can reach it (startPebble keeps its own private). */
async function startChalltestsrv(dir: string): Promise<{ dns: string; management: string; child: ChildProcess }> {
  for (let attempt = 0; ; attempt++) {
    const dnsPort = await freePort();
    const mgmtPort = await freePort();
    const child = spawn(
      '/usr/bin/pebble-challtestsrv',
      ['-dns01', `127.0.0.1:${dnsPort}`, '-http01', '', '-https01', '', '-tlsalpn01', '', '-management', `127.0.0.1:${mgmtPort}`, '-defaultIPv4', '127.0.0.1', '-defaultIPv6', ''],
      { cwd: dir, stdio: 'ignore' },
    );
    const management = `http://127.0.0.1:${mgmtPort}`;
    // A crashed bench must not leave it running (startPebble does the same for Pebble).
    process.once('exit', () => child.kill('SIGKILL'));
    for (let i = 0; i < 300 && child.exitCode === null; i++) {
      if ((await call('POST', `${management}/clear-txt`, undefined, { host: 'probe.invalid.' }).catch(() => ({ status: 0 }))).status === 200) {
        return { dns: `127.0.0.1:${dnsPort}`, management, child };
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    if (attempt >= 3) throw new Error('pebble-challtestsrv did not start');
  }
}

/**
 * The DNS hook lego (`present|cleanup FQDN VALUE`) and certbot (CERTBOT_DOMAIN/_VALIDATION) call:
 * posts to challtestsrv over bash's /dev/tcp, ~3 ms, so the peers' times are theirs, not a hook's.
 */
function writeHook(dir: string, management: string): string {
  const { hostname, port } = new URL(management);
  const sh = path.join(dir, 'dns-hook.sh');
  writeFileSync(
    sh,
    `#!/bin/bash
set -eu
case "$1" in
  certbot-auth) mode=present; host="_acme-challenge.$CERTBOT_DOMAIN."; value=$CERTBOT_VALIDATION ;;
  certbot-cleanup) mode=cleanup; host="_acme-challenge.$CERTBOT_DOMAIN."; value= ;;
  *) mode=$1; host=$2; value=\${3-} ;;
esac
if [ "$mode" = present ]; then path=/set-txt; body=$(printf '{"host":"%s","value":"%s"}' "$host" "$value"); else path=/clear-txt; body=$(printf '{"host":"%s"}' "$host"); fi
exec 3<>/dev/tcp/${hostname}/${port}
printf 'POST %s HTTP/1.0\\r\\nHost: ${hostname}\\r\\nContent-Type: application/json\\r\\nContent-Length: %d\\r\\n\\r\\n%s' "$path" "\${#body}" "$body" >&3
read -r status <&3
case "$status" in *" 200 "*) ;; *) echo "challtestsrv answered: $status" >&2; exit 1 ;; esac
`,
    { mode: 0o755 },
  );
  return sh;
}

function requirePeer(bin: string, pkg: string): void {
  if (!existsSync(`/usr/bin/${bin}`)) throw new Error(`the issuance benchmark needs ${bin} (Debian package ${pkg}): run scripts/ensure-bench-deps.sh as root`);
}

/** What every client shares: the CA, its DNS, the hook, a scratch directory. */
interface Ctx {
  o: IssuanceOptions;
  work: string;
  runId: string;
  directoryUrl: string;
  caFile: string;
  httpPort: number;
  dns: string;
  management: string;
  hook: string;
  /** Processes whose CPU is reported: Pebble, challtestsrv. */
  caPids: Record<string, { pid: number }>;
}

export async function issuanceBench(o: IssuanceOptions): Promise<IssuanceResults> {
  if (o.peers !== false) {
    requirePeer('lego', 'lego');
    requirePeer('certbot', 'certbot');
  }
  const work = mkdtempSync(path.join(tmpdir(), 'certkeeper-bench-issuance-'));
  const cts = await startChalltestsrv(work);
  const clients: ClientResult[] = [];
  try {
    const pebble = await startPebble({ dnsServer: cts.dns, extraEnv: PEBBLE_ENV });
    try {
      const caFile = path.join(work, 'pebble-ca.pem');
      writeFileSync(caFile, pebble.caPem);
      const ctx: Ctx = {
        o,
        work,
        runId: randomBytes(3).toString('hex'),
        directoryUrl: pebble.directoryUrl,
        caFile,
        httpPort: pebble.httpPort,
        dns: cts.dns,
        management: cts.management,
        hook: writeHook(work, cts.management),
        caPids: { pebble: { pid: childPids('pebble')[0] ?? -1 }, challtestsrv: { pid: cts.child.pid ?? -1 } },
      };
      clients.push(...(await certkeeperClients(ctx)));
      if (o.peers !== false) clients.push(await legoClient(ctx), await certbotClient(ctx));
    } finally {
      await pebble.stop();
    }
  } finally {
    cts.child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }

  const ck = clients[0];
  const ratios: IssuanceResults['ratios'] = {};
  for (const peer of clients.filter((c) => !c.client.startsWith('certkeeper'))) {
    ratios[peer.client.split(' ')[0]] = {
      sequentialSpeedup: peer.sequential.meanMs / ck.sequential.meanMs,
      throughputRatio: ck.concurrent.certsPerSecond / peer.concurrent.certsPerSecond,
    };
  }
  return {
    pebble: { env: PEBBLE_ENV },
    clients,
    ratios,
    targets: {
      sequentialMsMax: TARGET_MS,
      sequentialMet: ck.sequential.failures === 0 && ck.sequential.meanMs <= TARGET_MS,
      certsPerSecondMin: TARGET_PER_SECOND,
      throughputMet: ck.concurrent.failures === 0 && ck.concurrent.certsPerSecond >= TARGET_PER_SECOND,
    },
  };
}

/** certkeeper's server process: manual dns-01 (POST, publish, PUT validate, clear), then http-01. */
async function certkeeperClients(c: Ctx): Promise<ClientResult[]> {
  const { o, runId } = c;
  const out: ClientResult[] = [];
  const txt = async (endpoint: 'set-txt' | 'clear-txt', body: { host: string; value?: string }) => {
    const r = await call('POST', `${c.management}/${endpoint}`, undefined, body);
    if (r.status !== 200) throw new Error(`${endpoint} ${r.status}`);
  };
  const server = await startServerProcess({
    CERTKEEPER_DATA_DIR: path.join(c.work, 'certkeeper-data'),
    CERTKEEPER_BOOTSTRAP_TOKEN: o.token,
    CERTKEEPER_ACME_DIRECTORY_URL: c.directoryUrl,
    CERTKEEPER_ACME_CA_FILE: c.caFile,
    CERTKEEPER_ACME_EMAIL: EMAIL,
    CERTKEEPER_HTTP01_PORT: String(c.httpPort),
  });
  try {
    const api = async (method: string, url: string, body?: unknown) => {
      const r = await call(method, url, o.token, body);
      if (r.status !== 200) throw new Error(`${method} ${url} → ${r.status} ${JSON.stringify(r.json).slice(0, 400)}`);
      return r.json.result;
    };
    const org = await api('POST', `${server.url}/api/v1/organizations`, { name: 'bench-issuance' });
    const project = await api('POST', `${server.url}/api/v1/projects`, { organizationId: org.id, name: 'bench-issuance' });
    const base = `${server.url}/api/v1/projects/${project.id}/certificates`;

    let steps: Record<string, number[]> | null = null;
    const step = (k: string, t0: bigint) => steps && (steps[k] ??= []).push(ms(t0));
    const dns01: IssueOne = async (name) => {
      let t0 = process.hrtime.bigint();
      const created = await api('POST', base, { domainName: name, scopeId: 0, keyType: 'ec-p256' });
      if (created.certificateStatus !== 'PendingValidation') throw new Error(`${name}: created as ${created.certificateStatus}`);
      step('POST (new order)', t0);
      t0 = process.hrtime.bigint();
      for (const r of created.dnsRecords) await txt('set-txt', { host: `${r.key}.`, value: r.value });
      step('set TXT', t0);
      t0 = process.hrtime.bigint();
      const validated = await call('PUT', `${base}/${created.id}/validate`, o.token);
      step('PUT validate (challenge, finalize, store)', t0);
      t0 = process.hrtime.bigint();
      for (const r of created.dnsRecords) await txt('clear-txt', { host: `${r.key}.` });
      step('clear TXT', t0);
      if (validated.status !== 200 || validated.json.result?.certificateStatus !== 'Active') {
        throw new Error(`${name}: validate → ${validated.status} ${JSON.stringify(validated.json).slice(0, 400)}`);
      }
    };
    o.log(`issuance: certkeeper dns-01 warm-up (ACME account, JIT)…`);
    // A long-running server: time it warm (ACME account made, JIT done), as the peers' accounts are.
    for (let i = 0; i < 10; i++) await dns01(`warm-${runId}-${i}.bench.test`, 0);
    o.log(`issuance: certkeeper dns-01, ${o.certs} sequential…`);
    const means = (all: Record<string, number[]>) => Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.reduce((a, b) => a + b, 0) / v.length]));
    steps = {};
    const seq = await sequential(o.certs, `ck-s-${runId}`, dns01);
    const seqSteps = means(steps);
    o.log(`issuance: certkeeper dns-01, ${o.concurrentCerts} at concurrency ${o.concurrency}…`);
    steps = {};
    const pids = { 'certkeeper server': { pid: server.pid }, 'bench driver (caller)': { pid: process.pid }, ...c.caPids };
    const [conc, cpu] = await cpuPerCert(o.concurrentCerts, pids, () => concurrent(o.concurrentCerts, o.concurrency, `ck-c-${runId}`, dns01));
    const concSteps = means(steps);
    steps = null;
    out.push({
      client: 'certkeeper dns-01',
      notes: 'POST + set TXT + PUT validate + clear TXT, over HTTP to the server process (SQLite)',
      sequential: seq,
      concurrent: conc,
      steps: { sequential: seqSteps, concurrent: concSteps },
      cpuMsPerCert: cpu,
    });
    o.log(line(out[out.length - 1]));

    if (o.http01 !== false) {
      // http-01 completes in the background: the caller learns of it by polling GET (every 5 ms here).
      const http01: IssueOne = async (name) => {
        const created = await api('POST', base, { domainName: name, scopeId: 0, keyType: 'ec-p256', challengeType: 'http-01' });
        for (let i = 0; i < 6000; i++) {
          const r = await api('GET', `${base}/${created.id}`);
          if (r.certificateStatus === 'Active') return;
          if (r.certificateStatus === 'Failed') throw new Error(`${name}: Failed ${JSON.stringify(r.managed?.lastProblem ?? r).slice(0, 400)}`);
          await new Promise((res) => setTimeout(res, 5));
        }
        throw new Error(`${name}: not Active after 30 s`);
      };
      await http01(`warm-h-${runId}.bench.test`, 0);
      o.log(`issuance: certkeeper http-01, ${o.certs} sequential, ${o.concurrentCerts} at concurrency ${o.concurrency}…`);
      const hseq = await sequential(o.certs, `ckh-s-${runId}`, http01);
      const [hconc, hcpu] = await cpuPerCert(o.concurrentCerts, { 'certkeeper server': { pid: server.pid }, 'bench driver (caller)': { pid: process.pid }, ...c.caPids }, () =>
        concurrent(o.concurrentCerts, o.concurrency, `ckh-c-${runId}`, http01),
      );
      out.push({ client: 'certkeeper http-01', notes: 'POST, then GET every 5 ms until Active (certkeeper answers the challenge itself)', sequential: hseq, concurrent: hconc, cpuMsPerCert: hcpu });
      o.log(line(out[out.length - 1]));
    }
  } finally {
    await server.stop();
  }
  return out;
}

/** lego: one process per certificate, exec DNS provider; each concurrent worker has its own --path. */
async function legoClient(c: Ctx): Promise<ClientResult> {
  const { o, runId } = c;
  // EXEC_POLLING_INTERVAL=1 is lego's smallest (whole seconds): it sleeps one interval before its first propagation check.
  const env = { ...process.env, LEGO_CA_CERTIFICATES: c.caFile, EXEC_PATH: c.hook, EXEC_POLLING_INTERVAL: '1', EXEC_PROPAGATION_TIMEOUT: '30' };
  const dirOf = (w: number | 'warm') => path.join(c.work, `lego-${w}`);
  const issuer = (dir: (w: number) => string): IssueOne => async (name, worker) => {
    const p = dir(worker);
    const args = ['--server', c.directoryUrl, '--accept-tos', '--email', EMAIL, '--path', p, '--key-type', 'ec256', '--dns', 'exec', '--dns.resolvers', c.dns, '--dns.disable-cp', '--domains', name, 'run'];
    const r = await run('/usr/bin/lego', args, env, c.work);
    if (r.code !== 0) throw new Error(`lego ${name} exited ${r.code}: ${r.output.slice(-600)}`);
    verifyCertFile(path.join(p, 'certificates', `${name}.crt`), name);
  };
  o.log(`issuance: lego warm-up (account)…`);
  await issuer(() => dirOf('warm'))(`warm-l-${runId}.bench.test`, 0);
  for (let w = 0; w < o.concurrency; w++) cpSync(path.join(dirOf('warm'), 'accounts'), path.join(dirOf(w), 'accounts'), { recursive: true });
  o.log(`issuance: lego, ${o.peerCerts} sequential…`);
  const seq = await sequential(o.peerCerts, `lego-s-${runId}`, issuer(() => dirOf('warm')));
  o.log(`issuance: lego, ${o.peerConcurrentCerts} at concurrency ${o.concurrency}…`);
  const [conc, cpu] = await cpuPerCert(o.peerConcurrentCerts, { 'lego processes, hooks, driver': { pid: process.pid, reaped: true }, ...c.caPids }, () =>
    concurrent(o.peerConcurrentCerts, o.concurrency, `lego-c-${runId}`, issuer(dirOf)),
  );
  const result: ClientResult = {
    client: `lego ${version('lego')}`,
    notes: 'lego --dns exec --dns.resolvers CHALLTESTSRV --dns.disable-cp --key-type ec256 run; EXEC_POLLING_INTERVAL=1 EXEC_PROPAGATION_TIMEOUT=30',
    sequential: seq,
    concurrent: conc,
    cpuMsPerCert: cpu,
  };
  o.log(line(result));
  return result;
}

/** certbot: one process per certificate, --manual with hooks; separate dirs per worker (its lock). */
async function certbotClient(c: Ctx): Promise<ClientResult> {
  const { o, runId } = c;
  const env = { ...process.env, REQUESTS_CA_BUNDLE: c.caFile };
  const dirOf = (w: number | 'warm') => path.join(c.work, `certbot-${w}`);
  const issuer = (dir: (w: number) => string): IssueOne => async (name, worker) => {
    const d = dir(worker);
    const args = [
      'certonly', '--manual', '--preferred-challenges', 'dns',
      '--manual-auth-hook', `${c.hook} certbot-auth`, '--manual-cleanup-hook', `${c.hook} certbot-cleanup`,
      '--server', c.directoryUrl, '--agree-tos', '-m', EMAIL, '--non-interactive',
      '--config-dir', path.join(d, 'config'), '--work-dir', path.join(d, 'work'), '--logs-dir', path.join(d, 'logs'),
      '--key-type', 'ecdsa', '--elliptic-curve', 'secp256r1', '-d', name,
    ];
    const r = await run('/usr/bin/certbot', args, env, c.work);
    if (r.code !== 0) throw new Error(`certbot ${name} exited ${r.code}: ${r.output.slice(-600)}`);
    verifyCertFile(path.join(d, 'config', 'live', name, 'cert.pem'), name);
  };
  o.log(`issuance: certbot warm-up (account)…`);
  await issuer(() => dirOf('warm'))(`warm-c-${runId}.bench.test`, 0);
  for (let w = 0; w < o.concurrency; w++) {
    cpSync(path.join(dirOf('warm'), 'config', 'accounts'), path.join(dirOf(w), 'config', 'accounts'), { recursive: true });
  }
  o.log(`issuance: certbot, ${o.peerCerts} sequential…`);
  const seq = await sequential(o.peerCerts, `cb-s-${runId}`, issuer(() => dirOf('warm')));
  o.log(`issuance: certbot, ${o.peerConcurrentCerts} at concurrency ${o.concurrency}…`);
  const [conc, cpu] = await cpuPerCert(o.peerConcurrentCerts, { 'certbot processes, hooks, driver': { pid: process.pid, reaped: true }, ...c.caPids }, () =>
    concurrent(o.peerConcurrentCerts, o.concurrency, `cb-c-${runId}`, issuer(dirOf)),
  );
  const result: ClientResult = {
    client: `certbot ${version('certbot')}`,
    notes: 'certbot certonly --manual --preferred-challenges dns --manual-auth-hook/--manual-cleanup-hook --key-type ecdsa',
    sequential: seq,
    concurrent: conc,
    cpuMsPerCert: cpu,
  };
  o.log(line(result));
  return result;
}

/** The Debian package's version (lego's own --version says "dev"). */
function version(pkg: string): string {
  try {
    return execFileSync('dpkg-query', ['-W', '-f', '${Version}', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '?';
  }
}

function line(c: ClientResult): string {
  const s = c.sequential;
  const k = c.concurrent;
  const errors = [...s.errors, ...k.errors].map((e) => `\n  failed: ${e}`).join('');
  return `issuance: ${c.client}: sequential ${s.count - s.failures}/${s.count} ok, mean ${fmt(s.meanMs, 1)} ms (p50 ${fmt(s.p50Ms, 1)}, p95 ${fmt(s.p95Ms, 1)}, max ${fmt(s.maxMs, 1)}); concurrency ${k.concurrency}: ${k.count - k.failures}/${k.count} ok in ${fmt(k.seconds, 2)} s = ${fmt(k.certsPerSecond, 2)}/s${errors}`;
}

/** Rows for bench/main.ts's `| measure | value | target |` table. */
export function issuanceTableRows(r: IssuanceResults): string[] {
  const rows: string[] = [];
  for (const c of r.clients) {
    const s = c.sequential;
    const k = c.concurrent;
    const ck = c.client === 'certkeeper dns-01';
    const fails = (n: number) => (n ? `, **${n} failed**` : '');
    rows.push(`| issuance ${c.client}: sequential per certificate, mean / p50 / p95 (n=${s.count}${fails(s.failures)}) | ${fmt(s.meanMs, 1)} / ${fmt(s.p50Ms, 1)} / ${fmt(s.p95Ms, 1)} ms | ${ck ? `≤ ${r.targets.sequentialMsMax} ms` : 'peer'} |`);
    rows.push(`| issuance ${c.client}: certificates/s at concurrency ${k.concurrency} (n=${k.count}${fails(k.failures)}) | ${fmt(k.certsPerSecond, 2)}/s (${fmt(k.seconds, 2)} s) | ${ck ? `≥ ${r.targets.certsPerSecondMin}/s` : 'peer'} |`);
  }
  for (const [peer, q] of Object.entries(r.ratios)) {
    rows.push(`| issuance certkeeper dns-01 vs ${peer}: sequential speed-up / throughput ratio | ${fmt(q.sequentialSpeedup, 1)}× / ${fmt(q.throughputRatio, 1)}× | — |`);
  }
  rows.push(`| issuance targets met (sequential ≤ ${r.targets.sequentialMsMax} ms / ≥ ${r.targets.certsPerSecondMin}/s) | ${r.targets.sequentialMet ? 'yes' : 'NO'} / ${r.targets.throughputMet ? 'yes' : 'NO'} | yes / yes |`);
  return rows;
}

/** Stand-alone table with the per-client details (counts differ: compare per-certificate figures). */
export function issuanceTable(r: IssuanceResults): string {
  const lines = [
    `Issuance against one Pebble (${Object.entries(r.pebble.env).map(([k, v]) => `${k}=${v}`).join(', ')}; its default 5 % badNonce rejection left on), dns-01 via challtestsrv unless noted, EC P-256, distinct names, accounts registered before timing. Counts differ per client: compare per-certificate figures.`,
    '',
    '| client | sequential n | mean ms | p50 ms | p95 ms | failed | concurrent n | at 10: certs/s | failed |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const c of r.clients) {
    const s = c.sequential;
    const k = c.concurrent;
    lines.push(`| ${c.client} | ${s.count} | ${fmt(s.meanMs, 1)} | ${fmt(s.p50Ms, 1)} | ${fmt(s.p95Ms, 1)} | ${s.failures} | ${k.count} | ${fmt(k.certsPerSecond, 2)} | ${k.failures} |`);
  }
  lines.push('', ...r.clients.map((c) => `- ${c.client}: ${c.notes}`));
  for (const c of r.clients) {
    if (!c.steps) continue;
    const show = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => `${k} ${fmt(v, 1)}`).join('; ');
    lines.push('', `${c.client}, mean ms per step: sequential: ${show(c.steps.sequential)}`, `  at concurrency ${c.concurrent.concurrency}: ${show(c.steps.concurrent)}`);
  }
  lines.push('', `CPU ms per certificate at concurrency ${r.clients[0]?.concurrent.concurrency}, by process (${cpus().length} cores shared by all):`);
  for (const c of r.clients) {
    if (c.cpuMsPerCert) lines.push(`- ${c.client}: ${Object.entries(c.cpuMsPerCert).map(([k, v]) => `${k} ${fmt(v, 1)}`).join('; ')}`);
  }
  return lines.join('\n');
}
