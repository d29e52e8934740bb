/**
 * API latency while a project is swept (`npm run bench`; docs/benchmarks.md; target p99 ≤ 10 ms).
 * One server process over N seeded certificates (1,000,000), the project's next scheduled sweep
 * set a day ahead so that the scheduler leaves it to the API call. Two wrk clients run at once
 * at a steady pace: GETs by random id (GET_CONNECTIONS connections) and list pages of 100
 * (LIST_CONNECTIONS), each connection sending its next request 50–150 ms after the last answer
 * (about 400 and 100 requests per second). A closed loop at full speed would hide a stalled
 * server: with one connection a 1 s stall is one slow request among thousands. Here every
 * connection has a request waiting through a stall, so a stall of the event loop shows in the
 * p99.
 *
 * Measured on the same server: idle (no sweep, the reference), during the first sweep (it
 * records every expiry and crossed threshold, ~118,000 events over 1M certificates), in the
 * AFTER_MS after it (what it leaves to the server: its WAL copied back by a worker thread, the
 * planner statistics of the tables it grew) and during a steady-state sweep a little later
 * (nothing new to fire). A sweep's window starts
 * when both clients have run for WINDOW_LEAD_MS and ends WINDOW_TAIL_MS after `POST …/sweep`
 * answers: wrk is stopped then with SIGINT and prints what it measured until then. wrk counts a
 * request only once answered, so without the tail the requests a stall held up would be in
 * flight when wrk stops, and left out.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { aCertificate } from '../test/support/test-ca.js';
import { startPostgresCluster } from '../test/support/postgres.js';
import { createStore } from '../src/storage/create-store.js';
import { seedSyntheticCertificates } from './seed-synthetic.js';
import { apiResult, quiesce, request, settle, startServerProcess, writeLua } from './bench-lib.js';

const GET_CONNECTIONS = 40;
const LIST_CONNECTIONS = 10;
/** Each connection's pause between an answer and its next request, ms (uniform). */
const PAUSE_MS = [50, 150] as const;
/** How long the clients run before a sweep starts. */
const WINDOW_LEAD_MS = 100;
/** How long the clients run on once a sweep has answered: the requests it held up are answered meanwhile. */
const WINDOW_TAIL_MS = 100;
const DAY_MS = 86_400_000;
/** The window right after the first sweep. */
const AFTER_MS = 5000;

export interface SweepLatencyOptions {
  rows: number;
  dialect: 'sqlite' | 'postgres';
  /** The bootstrap token of the server (superuser). */
  token: string;
  /** Measured once the server's first scheduled passes are done, this long after its start. */
  startupPassesMs: number;
  /** Length of the idle reference run, s. */
  idleSeconds: number;
  log?: (line: string) => void;
}

export interface LatencyFigures {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  requests: number;
}

export interface SweepLatencyRun {
  label: 'warm-up' | 'idle' | 'first sweep' | 'after the first sweep' | 'steady sweep';
  /** How long `POST …/sweep` took (absent for the idle run), s. */
  sweepSeconds?: number;
  /** Events the sweep recorded. */
  events?: number;
  /** How long the clients measured, s. */
  windowSeconds: number;
  getById: LatencyFigures;
  listPage: LatencyFigures;
}

export interface SweepLatencyResult {
  dialect: 'sqlite' | 'postgres';
  rows: number;
  runs: SweepLatencyRun[];
}

const done = `
done = function(summary, latency, requests)
  io.write(string.format("LATENCY %d %d %d %.1f %d\\n", latency:percentile(50), latency:percentile(99), latency.max, latency.mean, summary.requests))
end
`;

/**
 * A paced wrk client running until stopped (SIGINT makes wrk print what it measured so far).
 * wrk leaves a request that times out (2 s by default) out of its latencies: a longer stall
 * would not show at all, so the timeout is far longer than any window.
 */
function pacedClient(url: string, connections: number, token: string, luaScript: string): { stop(): Promise<LatencyFigures> } {
  const child = spawn('wrk', ['-t1', `-c${connections}`, '-d3600s', '--timeout', '120s', '-H', `Authorization: Bearer ${token}`, '-s', luaScript, url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async stop() {
      child.kill('SIGINT');
      await exited;
      const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
      if (non2xx) throw new Error(`wrk saw ${non2xx[1]} error responses against ${url}:\n${out}`);
      const timeouts = /Socket errors:.*timeout (\d+)/.exec(out);
      if (timeouts && Number(timeouts[1]) > 0) throw new Error(`wrk saw ${timeouts[1]} requests time out against ${url}:\n${out}`);
      const m = /LATENCY (\d+) (\d+) (\d+) ([\d.]+) (\d+)/.exec(out);
      if (!m) throw new Error(`cannot read wrk output:\n${out}`);
      return { p50: Number(m[1]) / 1000, p99: Number(m[2]) / 1000, max: Number(m[3]) / 1000, mean: Number(m[4]) / 1000, requests: Number(m[5]) };
    },
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** A window without a sweep. */
const idle = (ms: number) => async () => {
  await sleep(ms);
  return {};
};

export async function sweepLatencyBench(options: SweepLatencyOptions): Promise<SweepLatencyResult> {
  const { dialect, rows, token } = options;
  const log = options.log ?? ((s: string) => process.stderr.write(s + '\n'));
  const work = mkdtempSync(path.join(tmpdir(), `certkeeper-bench-sweep-latency-${dialect}-`));
  const dataDir = path.join(work, 'data');
  const sqliteFile = path.join(dataDir, 'certkeeper.db');
  const cluster = dialect === 'postgres' ? await startPostgresCluster({ settings: { shared_buffers: '512MB', fsync: 'off', synchronous_commit: 'off' } }) : undefined;
  const env: Record<string, string> = { CERTKEEPER_DATA_DIR: dataDir, CERTKEEPER_BOOTSTRAP_TOKEN: token, ...(cluster ? { DATABASE_URL: cluster.url } : {}) };
  try {
    // The schema and a tenant through the real server, then the inventory seeded directly.
    let server = await startServerProcess(env);
    const org = await apiResult('POST', `${server.url}/api/v1/organizations`, token, { name: 'bench' });
    const project = await apiResult('POST', `${server.url}/api/v1/projects`, token, { organizationId: org.id, name: 'bench' });
    const projectId: string = project.id;
    await server.stop();
    const materials = Array.from({ length: 8 }, (_, i) => {
      const c = aCertificate({ commonName: `latency${i}.example.com` });
      return { der: c.certDer, chainPem: c.chainPem };
    });
    const store = await createStore({ databaseUrl: cluster?.url, sqlitePath: sqliteFile });
    const now = new Date();
    const t0 = Date.now();
    await seedSyntheticCertificates(store, { projectId, organizationId: org.id, count: rows, now, materials, onProgress: (n) => log(`  sweep latency ${dialect}: seeded ${n}`) });
    log(`sweep latency ${dialect}: seeded ${rows} certificates in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // The scheduler sweeps the project a day from now: the sweeps measured are the API's.
    const lease = { kind: 'sweep', projectId } as const;
    if (!(await store.leases.acquire(lease, 'bench', now, new Date(now.getTime() + 60_000)))) throw new Error('cannot take the sweep lease of a new project');
    await store.sweeps.recordSwept(projectId, now, new Date(now.getTime() + DAY_MS));
    await store.leases.release(lease, 'bench');
    await store.close();
    await settle(dialect, cluster?.url, sqliteFile);

    server = await startServerProcess(env);
    const startedAt = Date.now();
    try {
      await quiesce(dialect, cluster?.url);
      const base = `${server.url}/api/v1/projects/${projectId}/certificates`;
      const firstId: number = (await apiResult('GET', `${base}?pageSize=1&sort=id&order=asc`, token))[0].id;
      const pause = `delay = function() return math.random(${PAUSE_MS[0]}, ${PAUSE_MS[1]}) end\n`;
      const getLua = writeLua(
        path.join(work, 'get-by-id.lua'),
        `math.randomseed(11)\n${pause}request = function()\n  return wrk.format("GET", "/api/v1/projects/${projectId}/certificates/" .. math.random(${firstId}, ${firstId + rows - 1}))\nend\n${done}`,
      );
      const listLua = writeLua(
        path.join(work, 'list.lua'),
        `counter = 0\n${pause}request = function()\n  counter = counter + 1\n  return wrk.format("GET", "/api/v1/projects/${projectId}/certificates?pageSize=100&pageIndex=" .. (1 + counter % 5))\nend\n${done}`,
      );
      const clients = () => ({ get: pacedClient(`${server.url}/`, GET_CONNECTIONS, token, getLua), list: pacedClient(`${server.url}/`, LIST_CONNECTIONS, token, listLua) });
      const measure = async (label: SweepLatencyRun['label'], during: () => Promise<{ sweepSeconds?: number; events?: number }>): Promise<SweepLatencyRun> => {
        const c = clients();
        const t = performance.now();
        await sleep(WINDOW_LEAD_MS);
        const sweep = await during();
        await sleep(WINDOW_TAIL_MS);
        const [getById, listPage] = await Promise.all([c.get.stop(), c.list.stop()]);
        const run: SweepLatencyRun = { label, ...sweep, windowSeconds: (performance.now() - t) / 1000, getById, listPage };
        log(
          `sweep latency ${dialect}: ${label}${run.sweepSeconds === undefined ? '' : ` (${run.sweepSeconds.toFixed(2)} s, ${run.events} events)`}: ` +
            `GET by id p50 ${getById.p50.toFixed(2)} p99 ${getById.p99.toFixed(2)} max ${getById.max.toFixed(1)} ms (${getById.requests}); ` +
            `list p50 ${listPage.p50.toFixed(2)} p99 ${listPage.p99.toFixed(2)} max ${listPage.max.toFixed(1)} ms (${listPage.requests})`,
        );
        return run;
      };
      const sweep = async () => {
        const t = performance.now();
        const res = await request('POST', `${server.url}/api/v1/projects/${projectId}/sweep`, { token });
        const sweepSeconds = (performance.now() - t) / 1000;
        if (res.status !== 200) throw new Error(`sweep failed: ${res.status} ${res.body.slice(0, 200)}`);
        const r = JSON.parse(res.body).result as { expiring: number; expired: number };
        return { sweepSeconds, events: r.expiring + r.expired };
      };
      // The server's first scheduled passes (revocation checks at 60 s) are not what is measured.
      const untilPassesDone = options.startupPassesMs - (Date.now() - startedAt);
      if (untilPassesDone > 0) {
        log(`sweep latency ${dialect}: waiting ${(untilPassesDone / 1000).toFixed(1)} s for the server's first scheduled passes`);
        await sleep(untilPassesDone);
      }
      await measure('warm-up', idle(3000)); // JIT, prepared statements, caches
      const runs: SweepLatencyRun[] = [];
      runs.push(await measure('idle', idle(options.idleSeconds * 1000)));
      runs.push(await measure('first sweep', sweep));
      runs.push(await measure('after the first sweep', idle(AFTER_MS)));
      // What the first sweep leaves behind (the WAL checkpoint, new statistics, PostgreSQL's
      // autovacuum of 118,000 new events) settles before the steady-state sweep.
      await sleep(15_000);
      await quiesce(dialect, cluster?.url);
      runs.push(await measure('steady sweep', sweep));
      return { dialect, rows, runs };
    } finally {
      await server.stop();
    }
  } finally {
    await cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

const ms = (n: number) => n.toFixed(2);

export function sweepLatencyTableRows(results: readonly SweepLatencyResult[]): string[] {
  return results.flatMap((r) =>
    r.runs.flatMap((run) => {
      const during =
        run.sweepSeconds !== undefined
          ? `during the ${run.label} (${run.sweepSeconds.toFixed(2)} s, ${run.events} events)`
          : run.label === 'idle'
            ? `no sweep (${run.windowSeconds.toFixed(0)} s)`
            : `the ${run.windowSeconds.toFixed(0)} s ${run.label}`;
      const target = run.sweepSeconds !== undefined ? 'p99 ≤ 10 ms' : run.label === 'idle' ? '(reference)' : '';
      return [
        `| ${r.dialect}: API over ${r.rows} certificates, ${during}: GET by id p50 / p99 / max | ${ms(run.getById.p50)} / ${ms(run.getById.p99)} / ${ms(run.getById.max)} ms (${run.getById.requests} requests) | ${target} |`,
        `| ${r.dialect}: API over ${r.rows} certificates, ${during}: list page of 100 p50 / p99 / max | ${ms(run.listPage.p50)} / ${ms(run.listPage.p99)} / ${ms(run.listPage.max)} ms (${run.listPage.requests} requests) | ${target} |`,
      ];
    }),
  );
}
