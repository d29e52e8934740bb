/**
 * Probing benchmark: 1,000 local TLS endpoints (distinct leaves, each served with its
 * intermediate) behind listeners in child processes, probed
 * - by the server's scheduled pass (EndpointService.probeDue over 1,000 watched endpoints of a
 *   project on SQLite): each served chain checked, its leaf parsed and imported into the
 *   inventory as `discovered`, the probe and its findings stored — what the issue's "every
 *   certificate parsed and stored" means; the run checks that every endpoint has its stored probe
 *   and every leaf its inventory record;
 * - by the engine alone (`probeMany`) at several concurrencies with every served certificate
 *   parsed (`parseCertificate`) and kept in memory by fingerprint;
 * side by side with the peers `ssl-cert-check`
 * (Debian package) and an `openssl s_client | openssl x509` loop over a sample of the same
 * endpoints (they run one endpoint at a time; a sample keeps the run short, the rate is per
 * endpoint either way).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCertificate } from '../src/pki/parse-certificate.js';
import type { ParsedCertificate } from '../src/pki/parsed-certificate.js';
import { createProbeTrust } from '../src/probe/probe-endpoint.js';
import { probeMany } from '../src/probe/probe-many.js';
import type { ScanEndpoint } from '../src/probe/scan-targets.js';
import { createTestCa } from '../test/support/test-ca.js';
import { loadConfig } from '../src/config/config.js';
import { createServices } from '../src/main.js';

export interface ProbeBenchOptions {
  /** Endpoints (default 1,000). */
  endpoints?: number;
  /** Child processes holding the listeners (default 2: this machine has 2 cores). */
  serverProcesses?: number;
  concurrencies?: number[];
  /** Concurrencies of the server's scheduled pass (CERTKEEPER_PROBE_CONCURRENCY; default [32]). */
  passConcurrencies?: number[];
  /** Endpoints the peers probe (default 50). */
  peerSample?: number;
  /** Skip ssl-cert-check and the openssl loop. */
  skipPeers?: boolean;
  log?: (line: string) => void;
}

export interface ProbeBenchRow {
  tool: string;
  concurrency: number;
  endpoints: number;
  seconds: number;
  endpointsPerSecond: number;
  /** Endpoints whose whole served chain was read (and, for certkeeper, parsed). */
  ok: number;
  note?: string;
}

export interface ProbeBenchResults {
  endpoints: number;
  serverProcesses: number;
  rows: ProbeBenchRow[];
}

/** The listeners: a tiny ESM program; it reads its endpoints from stdin and prints its ports. */
const SERVER_PROGRAM = `
import tls from 'node:tls';
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', async () => {
  const items = JSON.parse(input);
  const ports = [];
  for (const it of items) {
    const server = tls.createServer({ key: it.key, cert: it.cert });
    server.on('tlsClientError', () => {});
    await new Promise((r) => server.listen(0, '127.0.0.1', 1024, r));
    ports.push(server.address().port);
  }
  process.stdout.write(JSON.stringify(ports) + '\\n');
});
`;

async function startListeners(items: Array<{ key: string; cert: string }>, processes: number): Promise<{ ports: number[]; children: ChildProcess[] }> {
  const children: ChildProcess[] = [];
  const per = Math.ceil(items.length / processes);
  const parts = await Promise.all(
    Array.from({ length: processes }, (_, p) => {
      const slice = items.slice(p * per, (p + 1) * per);
      return new Promise<number[]>((resolve, reject) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', SERVER_PROGRAM], { stdio: ['pipe', 'pipe', 'inherit'] });
        children.push(child);
        let out = '';
        child.stdout!.on('data', (d) => {
          out += d;
          if (out.includes('\n')) resolve(JSON.parse(out) as number[]);
        });
        child.on('exit', (code) => reject(new Error(`listener process exited (${code})`)));
        child.stdin!.end(JSON.stringify(slice));
      });
    }),
  );
  return { ports: parts.flat(), children };
}

function timed<T>(f: () => T): { value: T; seconds: number } {
  const t0 = process.hrtime.bigint();
  const value = f();
  return { value, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function probeBench(options: ProbeBenchOptions = {}): Promise<ProbeBenchResults> {
  const count = options.endpoints ?? 1000;
  const processes = options.serverProcesses ?? 2;
  const concurrencies = options.concurrencies ?? [100, 200];
  const sample = Math.min(count, options.peerSample ?? 50);
  const log = options.log ?? ((s: string) => process.stderr.write(s + '\n'));

  log(`probe: minting ${count} leaves (EC P-256, 16 keys shared) and starting ${count} TLS listeners in ${processes} processes…`);
  const ca = createTestCa({ name: 'probe bench' });
  const items = Array.from({ length: count }, (_, i) => {
    const leaf = ca.issue({ sans: [`e${i}.probe.bench`], keySlot: `probe-bench-${i % 16}` });
    return { key: leaf.keyPem, cert: leaf.certPem + ca.intermediate.certPem };
  });
  const { ports, children } = await startListeners(items, processes);
  const endpoints: ScanEndpoint[] = ports.map((port) => ({ host: '127.0.0.1', port, protocol: 'tls' }));
  const trust = createProbeTrust([ca.root.certPem]);
  const rows: ProbeBenchRow[] = [];
  const work = mkdtempSync(path.join(tmpdir(), 'certkeeper-probe-bench-'));
  try {
    // Warm-up (JIT, the trust context): 100 endpoints, not measured.
    await probeMany(endpoints.slice(0, 100), { concurrency: 50, timeoutMs: 10_000, trust });

    for (const concurrency of concurrencies) {
      const stored = new Map<string, ParsedCertificate>();
      let ok = 0;
      const t0 = process.hrtime.bigint();
      await probeMany(endpoints, {
        concurrency,
        timeoutMs: 10_000,
        trust,
        onResult: (r) => {
          if (r.error || r.chain.length === 0) return;
          for (const der of r.chain) {
            const parsed = parseCertificate(der);
            stored.set(parsed.fingerprintSha256, parsed);
          }
          if (r.chainTrusted) ok++;
        },
      });
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (stored.size !== count + 1) throw new Error(`expected ${count + 1} distinct certificates, stored ${stored.size}`);
      rows.push({ tool: 'certkeeper probeMany + parseCertificate', concurrency, endpoints: count, seconds, endpointsPerSecond: count / seconds, ok });
      log(`probe certkeeper c=${concurrency}: ${count} endpoints in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(0)}/s (${ok} trusted, ${stored.size} certificates parsed and kept)`);
    }

    for (const concurrency of options.passConcurrencies ?? [64]) {
      const row = await scheduledPass(endpoints, ca.root.certPem, concurrency, work);
      rows.push(row);
      log(`probe certkeeper scheduled pass c=${concurrency}: ${count} endpoints in ${row.seconds.toFixed(2)} s = ${row.endpointsPerSecond.toFixed(0)}/s (${row.ok} probed without error, every probe and discovered leaf stored)`);
    }

    if (!options.skipPeers) {
      const peerEndpoints = endpoints.slice(0, sample);
      if (hasCommand('ssl-cert-check')) {
        // ssl-cert-check -f FILE: "host port" per line; it runs openssl s_client and openssl x509 per endpoint.
        const file = path.join(work, 'endpoints.txt');
        writeFileSync(file, peerEndpoints.map((e) => `${e.host} ${e.port}`).join('\n') + '\n');
        const run = timed(() => execFileSync('ssl-cert-check', ['-f', file, '-b'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] }));
        const okCount = run.value.split('\n').filter((l) => /\b(Valid|Expiring)\b/.test(l)).length;
        rows.push({ tool: 'ssl-cert-check -f', concurrency: 1, endpoints: sample, seconds: run.seconds, endpointsPerSecond: sample / run.seconds, ok: okCount });
        log(`probe ssl-cert-check: ${sample} endpoints in ${run.seconds.toFixed(2)} s = ${(sample / run.seconds).toFixed(1)}/s (${okCount} read)`);
      } else log('probe: ssl-cert-check not installed (scripts/ensure-bench-deps.sh installs it): skipped');

      // The usual shell loop: s_client, then x509 for the expiry and fingerprint.
      const script = path.join(work, 'loop.sh');
      writeFileSync(
        script,
        `n=0\nwhile read host port; do\n  out=$(openssl s_client -connect "$host:$port" -servername "e.probe.bench" </dev/null 2>/dev/null | openssl x509 -noout -enddate -subject -fingerprint -sha256 2>/dev/null) && [ -n "$out" ] && n=$((n+1))\ndone < "$1"\necho $n\n`,
      );
      const file = path.join(work, 'loop.txt');
      writeFileSync(file, peerEndpoints.map((e) => `${e.host} ${e.port}`).join('\n') + '\n');
      const run = timed(() => execFileSync('bash', [script, file], { encoding: 'utf8' }));
      const okCount = Number(run.value.trim());
      rows.push({ tool: 'openssl s_client | openssl x509 loop', concurrency: 1, endpoints: sample, seconds: run.seconds, endpointsPerSecond: sample / run.seconds, ok: okCount });
      log(`probe openssl loop: ${sample} endpoints in ${run.seconds.toFixed(2)} s = ${(sample / run.seconds).toFixed(1)}/s (${okCount} read)`);
    }
  } finally {
    for (const c of children) c.kill();
    rmSync(work, { recursive: true, force: true });
  }
  return { endpoints: count, serverProcesses: processes, rows };
}

/**
 * The server's scheduled probe pass over the endpoints, registered in a fresh SQLite project whose
 * own CA certificate (the bench CA's root, imported as kind `ca`) makes the chains trusted.
 * Verifies afterwards that every endpoint has a stored, error-free probe linked to an inventory
 * record, and that the inventory holds one discovered certificate per endpoint.
 */
async function scheduledPass(endpoints: ScanEndpoint[], rootPem: string, concurrency: number, work: string): Promise<ProbeBenchRow> {
  const token = 'probe-bench-token-0123456789abcdef0123456789';
  const config = loadConfig(
    { CERTKEEPER_DATA_DIR: mkdtempSync(path.join(work, 'pass-')), CERTKEEPER_BOOTSTRAP_TOKEN: token, CERTKEEPER_PROBE_CONCURRENCY: String(concurrency), CERTKEEPER_LOG_LEVEL: 'error' },
    undefined,
  );
  const services = await createServices(config);
  try {
    await services.access.ensureBootstrapKey(token);
    const principal = await services.access.authenticate(token);
    const org = await services.access.createOrganization(principal, 'probe bench');
    const project = await services.access.createProject(principal, org.id, 'probe bench');
    await services.inventory.importCertificate(principal, project.id, { certificateBody: rootPem, scopeId: 0 });
    const created = [];
    for (let i = 0; i < endpoints.length; i++) {
      created.push(await services.endpoints.create(principal, project.id, { host: endpoints[i]!.host, port: endpoints[i]!.port, serverName: `e${i}.probe.bench`, protocol: 'tls' }));
    }
    const t0 = process.hrtime.bigint();
    const pass = await services.endpoints.probeDue(endpoints.length);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (pass.probed !== endpoints.length) throw new Error(`the pass probed ${pass.probed} of ${endpoints.length} endpoints`);
    let ok = 0;
    const problems = new Map<string, number>();
    for (const e of created) {
      const stored = await services.endpoints.get(principal, project.id, e.id);
      if (stored.lastProbe && stored.lastProbe.error === null && stored.lastProbe.chainTrusted && stored.certificateId !== null) ok++;
      else {
        const why = stored.lastProbe ? (stored.lastProbe.error?.message ?? `trusted ${stored.lastProbe.chainTrusted}, certificate ${stored.certificateId}`) : 'not recorded';
        problems.set(why, (problems.get(why) ?? 0) + 1);
      }
    }
    if (problems.size > 0) process.stderr.write(`probe pass problems: ${JSON.stringify([...problems].slice(0, 5))}\n`);
    const discovered = await services.inventory.list(principal, project.id, { source: 'discovered', pageIndex: 1, pageSize: 1 });
    if (ok !== endpoints.length || discovered.totalCount !== endpoints.length) {
      throw new Error(`expected ${endpoints.length} trusted stored probes and discovered certificates, got ${ok} and ${discovered.totalCount}`);
    }
    return { tool: 'certkeeper scheduled probe pass (stored)', concurrency, endpoints: endpoints.length, seconds, endpointsPerSecond: endpoints.length / seconds, ok };
  } finally {
    await services.close();
  }
}

/** Markdown table rows for bench/main.ts. */
export function probeTableRows(r: ProbeBenchResults): string[] {
  return r.rows.map(
    (row) =>
      `| Probe ${row.tool}${row.concurrency > 1 ? ` (concurrency ${row.concurrency})` : ''} | ${row.endpointsPerSecond.toFixed(row.endpointsPerSecond < 100 ? 1 : 0)} endpoints/s (${row.endpoints} in ${row.seconds.toFixed(2)} s, ${row.ok} ok) | ${row.tool.startsWith('certkeeper') ? '≥ 500/s' : ''} |`,
  );
}
