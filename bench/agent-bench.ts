/**
 * Agent benchmark (docs/benchmarks.md): a server (SQLite) with 1,000 certificates bound to 100
 * agent targets, 10 each, and 100 `DeploymentAgent`s (src/agent/deployment-agent.ts) in a few
 * processes (bench/agent-swarm.ts) over real HTTP, each with its own directory, deployment key
 * and reload command, waiting on their long polls. All 1,000 certificates then get a new version at once, in one
 * transaction of another process (as renewals recorded by another server would land: no
 * in-process wake-up, the long poll's periodic check finds them); the series is the time from
 * that commit until every agent has written every file and run its reload, with the server's CPU
 * over that time and its resident memory afterwards. Every written cert.pem is then read back
 * and checked to be the new version.
 */
import { randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { parseCertificate } from '../src/pki/parse-certificate.js';
import { parsePrivateKey } from '../src/pki/parse-private-key.js';
import { SecretBox } from '../src/secrets/secret-box.js';
import { issuedFactsOf, materialOf } from '../src/services/material-of-leaf.js';
import { createStore } from '../src/storage/create-store.js';
import { aCertificate } from '../test/support/test-ca.js';
import { apiResult, fmt, rssMb, startServerProcess } from './bench-lib.js';
import { pendingDeployment } from '../src/services/deployment-service.js';
import { cpuSeconds } from './deploy-bench.js';

export interface AgentBenchResult {
  certificates: number;
  agents: number;
  /** Every agent's first sync after binding: every file written and reloaded. */
  firstSeconds: number;
  /** The new versions' commit → every agent has written every file and reloaded. */
  seconds: number;
  reloads: number;
  serverCpuSeconds: number;
  serverRssMb: number;
  /** The processes running the agents: CPU over the same time, all of them. */
  agentsCpuSeconds: number;
  agentProcesses: number;
  target: { seconds: number; met: boolean };
}

const TARGET_SECONDS = 10;

export async function agentBench(options: { count: number; agents: number; processes?: number; token: string; log: (s: string) => void }): Promise<AgentBenchResult> {
  const { count, agents: agentCount, token, log } = options;
  const processes = Math.max(1, Math.min(options.processes ?? 4, agentCount));
  const perAgent = Math.ceil(count / agentCount);
  const work = mkdtempSync(path.join(tmpdir(), 'certkeeper-bench-agents-'));
  const masterKey = randomBytes(32);
  const dataDir = path.join(work, 'data');
  const server = await startServerProcess({ CERTKEEPER_DATA_DIR: dataDir, CERTKEEPER_BOOTSTRAP_TOKEN: token, CERTKEEPER_MASTER_KEY: masterKey.toString('base64') });
  const store = await createStore({ sqlitePath: path.join(dataDir, 'certkeeper.db') });
  const swarms: ChildProcess[] = [];
  try {
    const org = await apiResult('POST', `${server.url}/api/v1/organizations`, token, { name: 'bench-agents' });
    const project = await apiResult('POST', `${server.url}/api/v1/projects`, token, { organizationId: org.id, name: 'bench-agents' });
    const base = `${server.url}/api/v1/projects/${project.id}`;
    log(`agents: importing ${count} certificates with keys…`);
    const ids: number[] = [];
    for (let from = 0; from < count; from += 500) {
      const items = Array.from({ length: Math.min(500, count - from) }, (_, i) => {
        const c = aCertificate({ commonName: `a${from + i}.bench.example.com` });
        return { certificateBody: c.certPem, certificatePrivateKey: c.keyPem, certificateChain: c.chainPem };
      });
      const outcomes = await apiResult<Array<{ id: number | null }>>('POST', `${base}/certificates/import-batch?brief=true`, token, { items });
      for (const o of outcomes) {
        if (o.id === null) throw new Error(`import failed: ${JSON.stringify(o).slice(0, 300)}`);
        ids.push(o.id);
      }
    }
    log(`agents: ${agentCount} agent targets, ${perAgent} certificates each…`);
    const targets: Array<{ id: number; key: string; dir: string; reloads: string }> = [];
    for (let i = 0; i < agentCount; i++) {
      const t = await apiResult<{ id: number; agentKey: string }>('POST', `${base}/deployment-targets`, token, { name: `agent-${i}`, type: 'agent' });
      targets.push({ id: t.id, key: t.agentKey, dir: path.join(work, 'agents', String(i)), reloads: path.join(work, 'reloads', String(i)) });
    }
    mkdirSync(path.join(work, 'reloads'), { recursive: true });
    const now = new Date();
    await store.transaction(async (tx) => {
      for (const [i, id] of ids.entries()) {
        const rec = (await tx.certificates.findById(id))!;
        await tx.deployments.insertDeployment(pendingDeployment({ id: project.id, organizationId: org.id }, targets[Math.floor(i / perAgent)]!.id, id, rec.domainName, [], now));
      }
    });

    /** Each agent's reload runs (`<ns> <count>` lines) after `before[i]` earlier ones; resolves when they add up to what it holds. */
    const reloadLines = (i: number) => (existsSync(targets[i]!.reloads) ? readFileSync(targets[i]!.reloads, 'utf8').trim().split('\n').filter(Boolean) : []);
    const allReloaded = async (before: number[]): Promise<{ atMs: number; runs: number }> => {
      const deadline = Date.now() + 300_000;
      for (;;) {
        let last = 0;
        let runs = 0;
        let done = true;
        for (let i = 0; i < agentCount && done; i++) {
          const mine = reloadLines(i).slice(before[i]);
          const total = mine.reduce((n, l) => n + Number(l.split(' ')[1]), 0);
          const expected = Math.max(0, Math.min(perAgent, count - i * perAgent));
          if (total < expected) done = false;
          else if (mine.length > 0) {
            runs += mine.length;
            last = Math.max(last, Number(BigInt(mine.at(-1)!.split(' ')[0]!) / 1_000_000n));
          }
        }
        if (done) return { atMs: last, runs };
        if (Date.now() > deadline) throw new Error('agents did not all write and reload in time');
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    const startAt = Date.now();
    const swarmEntry = path.join(path.dirname(new URL(import.meta.url).pathname), 'agent-swarm.js');
    for (let p = 0; p < processes; p++) {
      const mine = targets.filter((_, i) => i % processes === p).map((t) => ({ key: t.key, dir: t.dir, reloads: t.reloads }));
      const child = spawn(process.execPath, [swarmEntry], { env: { ...process.env, CERTKEEPER_SWARM: JSON.stringify({ server: server.url, agents: mine }) }, stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr!.on('data', (d) => log(String(d).trimEnd()));
      swarms.push(child);
    }
    const first = await allReloaded(targets.map(() => 0));
    const firstSeconds = (first.atMs - startAt) / 1000;
    log(`agents: first sync wrote ${count} deployments with ${first.runs} reloads in ${fmt(firstSeconds, 2)} s`);

    log('agents: minting the new versions…');
    const box = new SecretBox(masterKey);
    const renewals = ids.map((id, i) => {
      const c = aCertificate({ commonName: `a${i}.bench.example.com` });
      const leaf = parseCertificate(c.certDer);
      const materialId = randomUUID();
      const sealed = box.seal(parsePrivateKey(c.keyPem).pkcs8Der, materialId);
      return { id, i, facts: issuedFactsOf(leaf, materialId, true), material: materialOf(leaf, materialId, id, c.chainPem, sealed, new Date()), fingerprint: leaf.fingerprintSha256 };
    });
    // Let the agents report and settle on their long polls.
    await new Promise((r) => setTimeout(r, 3000));
    const before = targets.map((_, i) => reloadLines(i).length);
    const cpuBefore = cpuSeconds(server.pid);
    const swarmBefore = swarms.reduce((n, c) => n + cpuSeconds(c.pid!), 0);
    await store.transaction(async (tx) => {
      for (const r of renewals) await tx.certificates.storeIssued(r.id, r.facts, r.material, new Date());
    });
    const committedAt = Date.now();
    const done = await allReloaded(before);
    const seconds = (done.atMs - committedAt) / 1000;
    const serverCpuSeconds = cpuSeconds(server.pid) - cpuBefore;
    const agentsCpuSeconds = swarms.reduce((n, c) => n + cpuSeconds(c.pid!), 0) - swarmBefore;
    const rss = rssMb(server.pid);

    for (const r of renewals) {
      const t = targets[Math.floor(r.i / perAgent)]!;
      const cert = new X509Certificate(readFileSync(path.join(t.dir, `a${r.i}.bench.example.com`, 'cert.pem')));
      if (cert.fingerprint256.replace(/:/g, '').toLowerCase() !== r.fingerprint) throw new Error(`certificate ${r.id}: the file agent ${t.id} wrote is not the new version`);
    }
    log(`agents: ${count} renewals → ${agentCount} agents wrote every file and reloaded (${done.runs} reloads) in ${fmt(seconds, 2)} s; server CPU ${fmt(serverCpuSeconds, 2)} s, RSS ${fmt(rss, 0)} MB`);
    return {
      certificates: count,
      agents: agentCount,
      firstSeconds,
      seconds,
      reloads: done.runs,
      serverCpuSeconds,
      serverRssMb: rss,
      agentsCpuSeconds,
      agentProcesses: processes,
      target: { seconds: TARGET_SECONDS, met: seconds <= TARGET_SECONDS },
    };
  } finally {
    await Promise.all(swarms.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(undefined) : (c.once('exit', resolve), c.kill('SIGTERM'))))));
    await store.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

export function agentTableRows(r: AgentBenchResult): string[] {
  return [
    `| agents: ${r.certificates} renewals → ${r.agents} agents wrote every file and reloaded (${r.reloads} reloads) | ${fmt(r.seconds, 2)} s (first sync of all ${fmt(r.firstSeconds, 2)} s) | ≤ ${r.target.seconds} s |`,
    `| agents: server CPU / RSS (the agents' ${r.agentProcesses} processes: CPU ${fmt(r.agentsCpuSeconds, 2)} s) | ${fmt(r.serverCpuSeconds, 2)} s / ${fmt(r.serverRssMb, 0)} MB | (reference) |`,
  ];
}
