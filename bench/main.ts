/**
 * certkeeper benchmark (npm run bench). Not part of the tests. Prints a table and writes
 * bench-results/bench-<timestamp>.json. Options: --quick (smaller sizes), --rows N,
 * --skip-sqlite, --skip-postgres, --skip-import, --seconds N (wrk duration);
 * issuance against Pebble with lego and certbot: --skip-issuance, --only-issuance, --certs N and
 * --concurrent-certs N (certkeeper), --peer-certs N and --peer-concurrent-certs N (lego, certbot),
 * --skip-http01, --skip-peers (certkeeper alone; also skips the probe peers);
 * probing 1,000 local TLS endpoints with ssl-cert-check and an openssl loop: --skip-probe, --only-probe,
 * --probe-endpoints N;
 * the expiry sweep over --rows certificates (SQLite, and PostgreSQL unless --skip-postgres): --skip-sweep, --only-sweep;
 * --only-get-by-id: of the million-row reads, only GET by id, hello-world and the floor route;
 * API latency during a sweep over --rows certificates (a server process, wrk): --skip-sweep-latency, --only-sweep-latency;
 * deployment of --deploy-certs N (1,000) certificates renewed at once to one local target, then to one ssh target
 * (a real sshd on loopback; --skip-deploy-ssh): --skip-deploy, --only-deploy;
 * the same renewals reaching --agents N (100) `certkeeper agent`s over HTTP in --agent-processes N (4) processes, --agent-certs N (1,000) certificates: --skip-agents, --only-agents;
 * the console over --rows certificates (dashboard request, list page, the dashboard page in Chromium over
 * --console-loads N loads, the first page's weight): --skip-console, --only-console;
 * CERTKEEPER_BENCH_PROFILE=DIR writes CPU profiles of the server processes.
 */
import { execFileSync, spawn } from 'node:child_process';
import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createStore } from '../src/storage/create-store.js';
import { seedSyntheticCertificates } from './seed-synthetic.js';
import { aCertificate } from '../test/support/test-ca.js';
import { startPostgresCluster } from '../test/support/postgres.js';
import { issuanceBench, issuanceTable, issuanceTableRows, type IssuanceResults } from './issuance-bench.js';
import { probeBench, probeTableRows, type ProbeBenchResults } from './probe-bench.js';
import { sweepBench, sweepTableRows, type SweepBenchResult } from './sweep-bench.js';
import { sweepLatencyBench, sweepLatencyTableRows, type SweepLatencyResult } from './sweep-latency-bench.js';
import { deployBench, deployTableRows, type DeployBenchResult } from './deploy-bench.js';
import { agentBench, agentTableRows, type AgentBenchResult } from './agent-bench.js';
import { consoleBench, consoleTableRows, type ConsoleBenchResult } from './console-bench.js';
import { apiResult, cliEntry, distRoot, fmt, freePort, hasWrk, latencyDone, quiesce, request, rssMb, settle, startServerProcess, wrk, wrkLatency, writeLua } from './bench-lib.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const quick = flag('--quick');
const onlyIssuance = flag('--only-issuance');
const onlyProbe = flag('--only-probe');
const onlyGetById = flag('--only-get-by-id');
const onlyDeploy = flag('--only-deploy');
const onlyAgents = flag('--only-agents');
const onlySweep = flag('--only-sweep');
const onlySweepLatency = flag('--only-sweep-latency');
const onlyConsole = flag('--only-console');
// The console series runs on both stores unless --skip-sqlite / --skip-postgres.
const consoleStores = (['sqlite', 'postgres'] as const).filter((d) => !flag(`--skip-${d}`));
const ROWS = option('--rows', quick ? 100_000 : 1_000_000);
/** When a started server's scheduled passes have all had their first run (revocation checks: 60 s). */
const STARTUP_PASSES_MS = 75_000;
const WRK_SECONDS = option('--seconds', quick ? 5 : 10);
const IMPORT_WITH_KEYS = quick ? 600 : 2000;
const IMPORT_WITHOUT_KEYS = quick ? 1200 : 4000;
const TOKEN = `bench-${randomBytes(24).toString('hex')}`;
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, rows: ROWS };
const log = (s: string) => process.stderr.write(s + '\n');

function runCli(argv: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [cliEntry, ...argv], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr, seconds: Number(process.hrtime.bigint() - t0) / 1e9 }));
  });
}

async function tenant(url: string): Promise<{ orgId: string; projectId: string }> {
  const org = await apiResult('POST', `${url}/api/v1/organizations`, TOKEN, { name: 'bench' });
  const project = await apiResult('POST', `${url}/api/v1/projects`, TOKEN, { organizationId: org.id, name: 'bench' });
  return { orgId: org.id, projectId: project.id };
}

/** Bulk import through the CLI into a server, against a node:crypto parse-only loop over the same files. */
async function importBench(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'certkeeper-bench-import-'));
  const withKeys = path.join(work, 'with-keys');
  const withoutKeys = path.join(work, 'without-keys');
  mkdirSync(withKeys);
  mkdirSync(withoutKeys);
  log(`minting ${IMPORT_WITH_KEYS} certificates with keys (3/4 EC P-256, 1/4 RSA-2048) and ${IMPORT_WITHOUT_KEYS} without…`);
  for (let i = 0; i < IMPORT_WITH_KEYS; i++) {
    const rsa = i % 4 === 3;
    const c = aCertificate({ commonName: `k${i}.bench.example.com`, keyType: rsa ? 'rsa-2048' : 'ec-p256', keySlot: rsa ? `bench-rsa-${i % 16}` : undefined });
    writeFileSync(path.join(withKeys, `site${i}.crt`), c.certPem);
    writeFileSync(path.join(withKeys, `site${i}.key`), c.keyPem);
  }
  for (let i = 0; i < IMPORT_WITHOUT_KEYS; i++) {
    const c = aCertificate({ commonName: `n${i}.bench.example.com`, keySlot: `bench-ec-${i % 64}` });
    writeFileSync(path.join(withoutKeys, `site${i}.crt`), c.certPem);
  }

  // The ceiling: parse each file with node:crypto, nothing else (same process count: one core).
  const parseOnly = (dir: string, keys: boolean) => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.crt'));
    const contents = files.map((f) => ({ cert: readFileSync(path.join(dir, f), 'utf8'), key: keys ? readFileSync(path.join(dir, f.replace(/\.crt$/, '.key')), 'utf8') : '' }));
    const t0 = process.hrtime.bigint();
    for (const c of contents) {
      new X509Certificate(c.cert).fingerprint256;
      if (keys) createPrivateKey(c.key);
    }
    return files.length / (Number(process.hrtime.bigint() - t0) / 1e9);
  };

  const dataDir = path.join(work, 'data');
  const server = await startServerProcess({ CERTKEEPER_DATA_DIR: dataDir, CERTKEEPER_BOOTSTRAP_TOKEN: TOKEN });
  try {
    const { projectId } = await tenant(server.url);
    const env = { CERTKEEPER_URL: server.url, CERTKEEPER_TOKEN: TOKEN, CERTKEEPER_PROJECT: projectId };
    const rows: Array<Record<string, unknown>> = [];
    for (const [label, dir, count, keys] of [
      ['with keys', withKeys, IMPORT_WITH_KEYS, true],
      ['without keys', withoutKeys, IMPORT_WITHOUT_KEYS, false],
    ] as const) {
      const run = await runCli(['import', dir, '--json'], env);
      if (run.code !== 0) throw new Error(`import failed (${run.code}): ${run.stderr}\n${run.stdout.slice(0, 2000)}`);
      const summary = JSON.parse(run.stdout);
      const imported = summary.imported ?? summary.counts?.imported;
      if (imported !== count) throw new Error(`expected ${count} imported, got ${JSON.stringify(summary).slice(0, 500)}`);
      const rate = count / run.seconds;
      const ceiling = parseOnly(dir, keys);
      rows.push({ label, count, seconds: run.seconds, ratePerSecond: rate, parseOnlyPerSecond: ceiling, ratio: rate / ceiling });
      log(`import ${label}: ${count} in ${fmt(run.seconds, 2)} s = ${fmt(rate, 0)}/s; node:crypto parse-only ${fmt(ceiling, 0)}/s; ratio ${fmt(rate / ceiling, 2)}`);
    }
    results.import = rows;
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}


/** Requests per second of a bench/*.js server in its own process, at `urlPath` (or the paths `luaScript` picks). */
async function standaloneRps(script: string, urlPath: string, env: Record<string, string> = {}, luaScript?: string): Promise<number> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(distRoot, 'bench', script)], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  try {
    wrk(`http://127.0.0.1:${port}${urlPath}`, { seconds: 2, connections: 32, threads: 1, luaScript }); // warm-up
    return wrk(`http://127.0.0.1:${port}${urlPath}`, { seconds: WRK_SECONDS, connections: 32, threads: 1, luaScript });
  } finally {
    child.kill('SIGTERM');
  }
}

const helloWorldRps = () => standaloneRps('hello-world.js', '/hello');

/** 1M stored certificates: GET-by-id throughput against hello-world, list latencies, memory. */
async function millionBench(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), `certkeeper-bench-${dialect}-`));
  const dataDir = path.join(work, 'data');
  const cluster = dialect === 'postgres' ? await startPostgresCluster({ settings: { shared_buffers: '512MB', fsync: 'off', synchronous_commit: 'off' } }) : undefined;
  const env: Record<string, string> = { CERTKEEPER_DATA_DIR: dataDir, CERTKEEPER_BOOTSTRAP_TOKEN: TOKEN, ...(cluster ? { DATABASE_URL: cluster.url } : {}) };
  try {
    // Create the schema and a tenant through the real server, then seed directly.
    let server = await startServerProcess(env);
    const { orgId, projectId } = await tenant(server.url);
    await server.stop();
    const materials = Array.from({ length: 8 }, (_, i) => {
      const c = aCertificate({ commonName: `seed${i}.example.com` });
      return { der: c.certDer, chainPem: c.chainPem };
    });
    const store = await createStore({ databaseUrl: cluster?.url, sqlitePath: path.join(dataDir, 'certkeeper.db') });
    const t0 = Date.now();
    await seedSyntheticCertificates(store, { projectId, organizationId: orgId, count: ROWS, now: new Date(), materials, onProgress: (n) => log(`  ${dialect}: seeded ${n}`) });
    const seedSeconds = (Date.now() - t0) / 1000;
    await store.close();
    log(`${dialect}: seeded ${ROWS} certificates in ${fmt(seedSeconds)} s`);
    await settle(dialect, cluster?.url, path.join(dataDir, 'certkeeper.db'));

    server = await startServerProcess(env);
    const serverStartedAt = Date.now();
    try {
      // The first expiry sweep after a bulk load records ~120k events; a server that has been
      // serving the inventory did that long ago. Run it now (the API answers when it is done) so
      // the measurements below do not share the machine with it, then let autovacuum finish.
      let sweep = await request('POST', `${server.url}/api/v1/projects/${projectId}/sweep`, { token: TOKEN });
      // The scheduler's own first sweep may hold the project's lease for a while.
      for (let i = 0; i < 5 && sweep.status === 409; i++) sweep = await request('POST', `${server.url}/api/v1/projects/${projectId}/sweep`, { token: TOKEN });
      if (sweep.status !== 200) throw new Error(`sweep failed: ${sweep.status} ${sweep.body.slice(0, 200)}`);
      const swept = JSON.parse(sweep.body).result as { expiring: number; expired: number };
      log(`${dialect}: first sweep recorded ${swept.expiring} expiring and ${swept.expired} expired`);
      await quiesce(dialect, cluster?.url);
      const base = `${server.url}/api/v1/projects/${projectId}/certificates`;
      const first = JSON.parse((await request('GET', `${base}?pageSize=1&sort=id&order=asc`, { token: TOKEN })).body);
      const firstId: number = first.result[0].id;
      const lua = writeLua(
        path.join(work, 'get-by-id.lua'),
        `math.randomseed(42)\nrequest = function()\n  return wrk.format("GET", "/api/v1/projects/${projectId}/certificates/" .. math.random(${firstId}, ${firstId + ROWS - 1}))\nend\n`,
      );
      wrk(`${server.url}/`, { seconds: 5, connections: 32, threads: 1, token: TOKEN, luaScript: lua }); // warm-up
      const getById = wrk(`${server.url}/`, { seconds: WRK_SECONDS, connections: 32, threads: 1, token: TOKEN, luaScript: lua });
      const hello = await helloWorldRps();
      // What the same read costs with nothing around it (bench/floor-route.ts): the most a GET by id can reach here.
      const floor = await standaloneRps('floor-route.js', '/', cluster ? { DATABASE_URL: cluster.url } : { SQLITE_FILE: path.join(dataDir, 'certkeeper.db') }, lua);
      log(`${dialect}: GET by id ${fmt(getById, 0)} req/s; hello-world ${fmt(hello, 0)} req/s; ratio ${fmt(getById / hello, 2)}; bare point-read route ${fmt(floor, 0)} req/s (${fmt(floor / hello, 2)}); GET by id / floor ${fmt(getById / floor, 2)}`);
      const throughput = { seedSeconds, getByIdRps: getById, helloWorldRps: hello, ratio: getById / hello, floorRouteRps: floor, floorRatio: floor / hello, getByIdToFloor: getById / floor };
      if (onlyGetById) {
        results[dialect] = throughput;
        return;
      }

      // One client = one wrk connection, sequential requests; each request's path from Lua.
      const rnd = (i: number) => 1 + ((i * 7919 + 13) % ROWS);
      const basePath = `/api/v1/projects/${projectId}/certificates`;
      // The throughput runs above leave background work behind (PostgreSQL's dirty buffers, the
      // kernel's writeback): settle it so the one-client series below do not share the machine with it.
      await quiesce(dialect, cluster?.url);
      execFileSync('sync');
      // The server's scheduled passes all start within its first minute (the revocation pass's
      // 100 checks, about 500 queries, at 60 s): measure the series after them, not through them.
      const untilPassesDone = STARTUP_PASSES_MS - (Date.now() - serverStartedAt);
      if (untilPassesDone > 0) {
        log(`${dialect}: waiting ${fmt(untilPassesDone / 1000)} s for the server's first scheduled passes`);
        await new Promise((r) => setTimeout(r, untilPassesDone));
      }
      // Each series is measured on a warmed server: first two seconds of the same kind of
      // requests, untimed (JIT, prepared statements), starting elsewhere in the sequence so that
      // the measured requests of the random series do not find their rows cached by the warm-up.
      const script = (name: string, pathLua: string, start: number) =>
        writeLua(path.join(work, `${name}.lua`), `counter = ${start}\nrequest = function()\n  counter = counter + 1\n  local r = 1 + ((counter * 7919 + 13) % ${ROWS})\n  return wrk.format("GET", ${pathLua})\nend\n${latencyDone}`);
      const oneClient = (name: string, pathLua: string) => {
        wrkLatency(`${server.url}/`, { seconds: quick ? 1 : 2, token: TOKEN, luaScript: script(`${name}-warm-up`, pathLua, Math.floor(ROWS / 2)) });
        // Ten seconds, ~7,000 requests: a p99 over fewer was set by one burst of kernel work on
        // this 2-vCPU VM (kdamond taking a vCPU for 4-5 ms several times within 50 ms, seen with
        // perf sched timehist), which delays some 30 requests.
        return wrkLatency(`${server.url}/`, { seconds: quick ? 3 : 10, token: TOKEN, luaScript: script(name, pathLua, 0) });
      };
      const listPage = oneClient('list', `"${basePath}?pageSize=100&pageIndex=" .. (1 + counter % 5)`);
      const expiring = oneClient('expiring', `"${basePath}?expiringWithinDays=30&sort=notAfter&order=asc&pageSize=100"`);
      const covers = oneClient('covers', `"${basePath}?covers=host" .. string.format("%d", r) .. ".zone" .. string.format("%d", r % 1000) .. ".example.com"`);
      const coversHit = JSON.parse((await request('GET', `${base}?covers=www.host${rnd(1)}.zone${rnd(1) % 1000}.example.com`, { token: TOKEN })).body).resultInfo.totalCount;
      const rss = rssMb(server.pid);
      log(`${dialect}: list p50 ${fmt(listPage.p50, 2)} p99 ${fmt(listPage.p99, 2)} ms; expiring30 p50 ${fmt(expiring.p50, 2)} p99 ${fmt(expiring.p99, 2)} ms; covers p50 ${fmt(covers.p50, 2)} p99 ${fmt(covers.p99, 2)} ms; RSS ${fmt(rss, 0)} MB`);
      results[dialect] = { ...throughput, listPage100: listPage, expiringWithin30: expiring, covers, coversSampleHits: coversHit, serverRssMb: rss };
    } finally {
      await server.stop();
    }
  } finally {
    await cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

function table(): string {
  const lines = ['| measure | value | target |', '|---|---|---|'];
  const imp = (results.import as Array<Record<string, number | string>>) ?? [];
  for (const r of imp) {
    lines.push(`| CLI bulk import ${r.label} | ${fmt(r.ratePerSecond as number, 0)}/s (ratio to node:crypto parse-only ${fmt(r.ratio as number, 2)}, parse-only ${fmt(r.parseOnlyPerSecond as number, 0)}/s) | ${r.label === 'with keys' ? '≥ 1,500/s' : '≥ 5,000/s'} |`);
  }
  for (const d of ['sqlite', 'postgres']) {
    const r = results[d] as Record<string, any> | undefined;
    if (!r) continue;
    lines.push(`| ${d}: seed ${ROWS} rows | ${fmt(r.seedSeconds)} s | a few minutes |`);
    lines.push(`| ${d}: GET by id / hello-world | ${fmt(r.getByIdRps, 0)} / ${fmt(r.helloWorldRps, 0)} req/s = ${fmt(r.ratio, 2)} | ≥ 0.5 |`);
    lines.push(`| ${d}: bare point-read route / hello-world (no auth, no view: the floor) | ${fmt(r.floorRouteRps, 0)} / ${fmt(r.helloWorldRps, 0)} req/s = ${fmt(r.floorRatio, 2)} | (reference) |`);
    lines.push(`| ${d}: GET by id / bare point-read route | ${fmt(r.getByIdRps, 0)} / ${fmt(r.floorRouteRps, 0)} req/s = ${fmt(r.getByIdToFloor, 2)} | ≥ 0.8 |`);
    if (!r.listPage100) continue;
    lines.push(`| ${d}: list page of 100, p50 / p99 | ${fmt(r.listPage100.p50, 2)} / ${fmt(r.listPage100.p99, 2)} ms | p99 ≤ 5 ms |`);
    lines.push(`| ${d}: first page expiring ≤ 30 d, p50 / p99 | ${fmt(r.expiringWithin30.p50, 2)} / ${fmt(r.expiringWithin30.p99, 2)} ms | p99 ≤ 5 ms |`);
    lines.push(`| ${d}: covers query, p50 / p99 | ${fmt(r.covers.p50, 2)} / ${fmt(r.covers.p99, 2)} ms | p99 ≤ 5 ms |`);
    lines.push(`| ${d}: server RSS after the run | ${fmt(r.serverRssMb, 0)} MB | ≤ 300 MB |`);
  }
  if (results.issuance) lines.push(...issuanceTableRows(results.issuance as IssuanceResults));
  if (results.probe) lines.push(...probeTableRows(results.probe as ProbeBenchResults));
  if (results.sweep) lines.push(...sweepTableRows(results.sweep as SweepBenchResult[]));
  if (results.sweepLatency) lines.push(...sweepLatencyTableRows(results.sweepLatency as SweepLatencyResult[]));
  if (results.deploy) lines.push(...deployTableRows(results.deploy as DeployBenchResult));
  if (results.agents) lines.push(...agentTableRows(results.agents as AgentBenchResult));
  if (results.deploySsh) lines.push(...deployTableRows(results.deploySsh as DeployBenchResult));
  if (results.console) lines.push(...consoleTableRows(results.console as ConsoleBenchResult[]));
  return lines.join('\n');
}

/** Every series runs unless an --only-… flag names others or its --skip-… flag is given. */
const only = onlySweep || onlySweepLatency || onlyIssuance || onlyProbe || onlyDeploy || onlyGetById || onlyAgents || onlyConsole;
const runs = (onlyFlag: boolean, skip: string) => (only ? onlyFlag : true) && !flag(skip);
if (onlySweep) {
  // The sweep alone: no wrk, no servers.
} else if (!onlyIssuance && !onlyProbe && !onlyDeploy && !onlyAgents && !hasWrk()) {
  console.error('npm run bench needs wrk (Debian package "wrk"): apt-get install -y wrk');
  process.exit(2);
}
if (runs(false, '--skip-import')) await importBench();
if (runs(onlyGetById, '--skip-sqlite')) await millionBench('sqlite');
if (runs(onlyGetById, '--skip-postgres')) await millionBench('postgres');
if (runs(onlySweep, '--skip-sweep')) {
  const sweep: SweepBenchResult[] = [];
  if (!flag('--skip-sqlite')) sweep.push(await sweepBench({ rows: ROWS, dialect: 'sqlite', log }));
  if (!flag('--skip-postgres')) sweep.push(await sweepBench({ rows: ROWS, dialect: 'postgres', log }));
  results.sweep = sweep;
}
if (runs(onlySweepLatency, '--skip-sweep-latency')) {
  const latency: SweepLatencyResult[] = [];
  const common = { rows: ROWS, token: TOKEN, startupPassesMs: STARTUP_PASSES_MS, idleSeconds: quick ? 3 : 5, log };
  if (!flag('--skip-sqlite')) latency.push(await sweepLatencyBench({ ...common, dialect: 'sqlite' }));
  if (!flag('--skip-postgres')) latency.push(await sweepLatencyBench({ ...common, dialect: 'postgres' }));
  results.sweepLatency = latency;
}
if (runs(onlyProbe, '--skip-probe')) results.probe = await probeBench({ endpoints: option('--probe-endpoints', 1000), skipPeers: flag('--skip-peers'), log });
if (runs(onlyIssuance, '--skip-issuance')) {
  results.issuance = await issuanceBench({
    token: TOKEN,
    certs: option('--certs', quick ? 20 : 50),
    concurrentCerts: option('--concurrent-certs', quick ? 100 : 200),
    peerCerts: option('--peer-certs', quick ? 3 : 8),
    peerConcurrentCerts: option('--peer-concurrent-certs', quick ? 10 : 30),
    concurrency: 10,
    http01: !flag('--skip-http01'),
    peers: !flag('--skip-peers'),
    log,
  });
}
if (runs(onlyDeploy, '--skip-deploy')) {
  results.deploy = await deployBench({ count: option('--deploy-certs', 1000), token: TOKEN, log });
  if (!flag('--skip-deploy-ssh')) results.deploySsh = await deployBench({ count: option('--deploy-certs', 1000), token: TOKEN, log, transport: 'ssh' });
}
if (runs(onlyAgents, '--skip-agents')) results.agents = await agentBench({ count: option('--agent-certs', 1000), agents: option('--agents', 100), processes: option('--agent-processes', 4), token: TOKEN, log });
if (runs(onlyConsole, '--skip-console')) {
  const consoleResults: ConsoleBenchResult[] = [];
  for (const dialect of consoleStores) consoleResults.push(await consoleBench({ rows: ROWS, dialect, token: TOKEN, loads: option('--console-loads', 20), quick, log }));
  results.console = consoleResults;
}
const out = table();
console.log(out);
if (results.issuance) console.log(`\n${issuanceTable(results.issuance as IssuanceResults)}`);
mkdirSync('bench-results', { recursive: true });
const file = path.join('bench-results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ ...results, table: out }, null, 2));
console.log(`\nwritten ${file}`);
