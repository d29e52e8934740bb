import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

/** Root of the compiled benchmark tree (dist-bench/), where src/cli/main.js lives. */
export const distRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const cliEntry = path.join(distRoot, 'src', 'cli', 'main.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** What the process wrote so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `certkeeper serve` as its own process, as users run it, and waits for /readyz. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  // CERTKEEPER_BENCH_PROFILE=DIR writes a V8 CPU profile of each server process into DIR.
  const profile = process.env.CERTKEEPER_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CERTKEEPER_BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, cliEntry, 'serve'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), CERTKEEPER_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const res = await request('GET', `${url}/readyz`);
      if (res.status === 200) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not become ready: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// An idle kept-alive socket is dropped after 30 s, before the server closes it (fastify: 72 s):
// reusing one the server has just closed fails with "socket hang up".
const agent = new http.Agent({ keepAlive: true, maxSockets: 1, timeout: 30_000 });

export function request(method: string, url: string, options: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export async function apiResult<T = any>(method: string, url: string, token: string, body?: unknown): Promise<T> {
  const res = await request(method, url, { token, body });
  if (res.status !== 200) throw new Error(`${method} ${url} → ${res.status} ${res.body}`);
  return JSON.parse(res.body).result as T;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)];
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}

export function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (err) {
    // wrk --version exits 1 but prints; a missing binary throws ENOENT
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/**
 * Requests per second that wrk measures against `url` (a Lua script may vary the path).
 * wrk is C: it leaves most of the 2 cores to the server under test.
 */
export function wrk(url: string, options: { seconds: number; connections: number; threads: number; token?: string; luaScript?: string }): number {
  const args = [`-t${options.threads}`, `-c${options.connections}`, `-d${options.seconds}s`];
  if (options.token) args.push('-H', `Authorization: Bearer ${options.token}`);
  if (options.luaScript) args.push('-s', options.luaScript);
  args.push(url);
  const out = execFileSync('wrk', args, { encoding: 'utf8' });
  const m = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
  if (non2xx) throw new Error(`wrk saw ${non2xx[1]} error responses against ${url}:\n${out}`);
  if (!m) throw new Error(`cannot read wrk output:\n${out}`);
  return Number(m[1]);
}

/**
 * One client's latency with wrk: one connection, sequential requests for `seconds`; p50/p99 in
 * ms from wrk's own histogram (a C client, so the figures are the server's, not a Node
 * client's garbage collector). The Lua script, if any, picks each request's path.
 */
export function wrkLatency(url: string, options: { seconds: number; token?: string; luaScript?: string }): { p50: number; p99: number; mean: number; requests: number } {
  const args = ['-t1', '-c1', `-d${options.seconds}s`];
  if (options.token) args.push('-H', `Authorization: Bearer ${options.token}`);
  if (options.luaScript) args.push('-s', options.luaScript);
  args.push(url);
  const out = execFileSync('wrk', args, { encoding: 'utf8' });
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
  if (non2xx) throw new Error(`wrk saw ${non2xx[1]} error responses against ${url}:\n${out}`);
  const m = /LATENCY (\d+) (\d+) ([\d.]+) (\d+)/.exec(out);
  if (!m) throw new Error(`cannot read wrk latency output (the Lua script must end with latencyDone):\n${out}`);
  return { p50: Number(m[1]) / 1000, p99: Number(m[2]) / 1000, mean: Number(m[3]) / 1000, requests: Number(m[4]) };
}

/** Lua for wrkLatency: the done() hook printing p50, p99, mean (µs) and the request count. */
export const latencyDone = `
done = function(summary, latency, requests)
  io.write(string.format("LATENCY %d %d %.1f %d\\n", latency:percentile(50), latency:percentile(99), latency.mean, summary.requests))
end
`;

export function writeLua(file: string, body: string): string {
  writeFileSync(file, body);
  return file;
}

export function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : String(n);
}

/**
 * Measures a steady state, not the aftermath of a bulk load: flush the load (checkpoint), write
 * the dirty pages out (sync) and read the certificates table once, as a server that has been
 * serving this inventory would have it.
 */
export async function settle(dialect: 'sqlite' | 'postgres', url: string | undefined, sqliteFile: string): Promise<void> {
  const scan = 'select count(*) as n, sum(length(sans) + length(names_lower)) as s from certificates';
  if (dialect === 'sqlite') {
    const db = new BetterSqlite3(sqliteFile);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    execFileSync('sync');
    const again = new BetterSqlite3(sqliteFile);
    again.prepare(scan).get();
    again.close();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('checkpoint');
    execFileSync('sync');
    await client.query(scan);
    await client.end();
  }
}

/** PostgreSQL: waits (up to 5 minutes) until no autovacuum worker runs, after a checkpoint. */
export async function quiesce(dialect: 'sqlite' | 'postgres', url: string | undefined): Promise<void> {
  if (dialect !== 'postgres') return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('vacuum (analyze) events, notification_fired');
    await client.query('checkpoint');
    for (let i = 0; i < 300; i++) {
      const { rows } = await client.query("select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker'");
      if (rows[0].n === 0) return;
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await client.end();
  }
}
