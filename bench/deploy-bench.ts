/**
 * Deployment benchmark (docs/benchmarks.md): a server (SQLite) with 1,000 certificates bound to
 * one local target whose reload hook records when it ran. First every deployment is written
 * (the deployment job's first pass), then all 1,000 certificates get a new version at once, in
 * one transaction, as 1,000 renewals landing together would leave them; the series is the time
 * from that commit until every file is written and the one reload has run, with the server's
 * CPU over that time and its resident memory afterwards. Every written cert.pem is then read
 * back and checked to be the new version. The renewals are stored directly (as the renewal job
 * stores them): ACME is timed by the issuance series, this one times deployment.
 *
 * With `transport: 'ssh'` the target is an ssh target on a real sshd on loopback
 * (test/support/sshd.ts): the files go over one SFTP connection per batch and the reload is a
 * command run over SSH, recording when it ran and how many lines (certificates) its stdin held.
 */
import { randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStore } from '../src/storage/create-store.js';
import { parseCertificate } from '../src/pki/parse-certificate.js';
import { parsePrivateKey } from '../src/pki/parse-private-key.js';
import { SecretBox } from '../src/secrets/secret-box.js';
import { pendingDeployment } from '../src/services/deployment-service.js';
import { issuedFactsOf, materialOf } from '../src/services/material-of-leaf.js';
import { startSshd, type Sshd } from '../test/support/sshd.js';
import { aCertificate } from '../test/support/test-ca.js';
import { apiResult, fmt, rssMb, startServerProcess } from './bench-lib.js';

export interface DeployBenchResult {
  transport: 'local' | 'ssh';
  certificates: number;
  /** The first pass, writing every deployment: commit of the bindings → the reload has run. */
  firstSeconds: number;
  /** The new versions' commit → every file written and the reload run (includes up to one job interval of waiting: 1 s). */
  seconds: number;
  /** The deployment job's own pass that wrote them (server clock). */
  passSeconds: number;
  reloads: number;
  serverCpuSeconds: number;
  serverRssMb: number;
  target: { seconds: number; met: boolean };
}

const TARGET_SECONDS = 5;

/** CPU seconds (user + system) of a live process. */

export function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

export async function deployBench(options: { count: number; token: string; log: (s: string) => void; transport?: 'local' | 'ssh' }): Promise<DeployBenchResult> {
  const { count, token } = options;
  const transport = options.transport ?? 'local';
  const log = (s: string) => options.log(transport === 'ssh' ? s.replace(/^deploy:/, 'deploy over ssh:') : s);
  const work = mkdtempSync(path.join(tmpdir(), 'certkeeper-bench-deploy-'));
  const sshd: Sshd | undefined = transport === 'ssh' ? await startSshd() : undefined;
  const root = path.join(work, 'root');
  const hooks = path.join(work, 'hooks');
  const reloads = path.join(work, 'reloads');
  mkdirSync(root);
  mkdirSync(hooks);
  writeFileSync(path.join(hooks, 'reload'), `#!/bin/sh\ncat > /dev/null\necho "$(date +%s%N) $CERTKEEPER_DEPLOY_COUNT" >> '${reloads}'\n`);
  chmodSync(path.join(hooks, 'reload'), 0o755);
  const masterKey = randomBytes(32);
  const dataDir = path.join(work, 'data');
  const server = await startServerProcess({
    CERTKEEPER_DATA_DIR: dataDir,
    CERTKEEPER_BOOTSTRAP_TOKEN: token,
    CERTKEEPER_MASTER_KEY: masterKey.toString('base64'),
    CERTKEEPER_DEPLOY_ROOT: root,
    CERTKEEPER_DEPLOY_HOOK_DIR: hooks,
    CERTKEEPER_DEPLOY_INTERVAL_SECONDS: '1',
    // The job's `job pass` lines give the pass's own duration.
    CERTKEEPER_LOG_LEVEL: 'info',
  });
  const store = await createStore({ sqlitePath: path.join(dataDir, 'certkeeper.db') });
  try {
    const org = await apiResult('POST', `${server.url}/api/v1/organizations`, token, { name: 'bench-deploy' });
    const project = await apiResult('POST', `${server.url}/api/v1/projects`, token, { organizationId: org.id, name: 'bench-deploy' });
    const base = `${server.url}/api/v1/projects/${project.id}`;
    log(`deploy: importing ${count} certificates with keys…`);
    const ids: number[] = [];
    for (let from = 0; from < count; from += 500) {
      const items = Array.from({ length: Math.min(500, count - from) }, (_, i) => {
        const c = aCertificate({ commonName: `d${from + i}.bench.example.com` });
        return { certificateBody: c.certPem, certificatePrivateKey: c.keyPem, certificateChain: c.chainPem };
      });
      const outcomes = await apiResult<Array<{ id: number | null }>>('POST', `${base}/certificates/import-batch?brief=true`, token, { items });
      for (const o of outcomes) {
        if (o.id === null) throw new Error(`import failed: ${JSON.stringify(o).slice(0, 300)}`);
        ids.push(o.id);
      }
    }
    const target = sshd
      ? await apiResult('POST', `${base}/deployment-targets`, token, {
          name: 'web',
          type: 'ssh',
          config: {
            host: sshd.host,
            port: sshd.port,
            username: sshd.username,
            hostKeySha256: sshd.hostKeySha256,
            privateKey: sshd.clientKey,
            directory: path.join(root, 'certs'),
            reloadCommand: `n=$(wc -l); echo "$(date +%s%N) $n" >> '${reloads}'`,
          },
        })
      : await apiResult('POST', `${base}/deployment-targets`, token, { name: 'web', type: 'local', config: { directory: 'certs', reloadHook: 'reload' } });

    /** Waits for reload runs whose counts add up to `expected` after `lines` earlier runs; the hook's time of the last. */
    const reloadedAt = async (lines: number, expected: number): Promise<{ atMs: number; runs: number }> => {
      const deadline = Date.now() + 300_000;
      for (;;) {
        const all = existsSync(reloads) ? readFileSync(reloads, 'utf8').trim().split('\n').filter(Boolean) : [];
        const mine = all.slice(lines);
        const total = mine.reduce((n, l) => n + Number(l.split(' ')[1]), 0);
        if (total >= expected) return { atMs: Number(BigInt(mine.at(-1)!.split(' ')[0]!) / 1_000_000n), runs: mine.length };
        if (Date.now() > deadline) throw new Error(`reloads: ${JSON.stringify(mine)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    // Bound in one transaction (as many API calls would leave them, without 1,000 reloads on the way).
    const now = new Date();
    const bindAt = Date.now();
    await store.transaction(async (tx) => {
      for (const id of ids) {
        const rec = (await tx.certificates.findById(id))!;
        await tx.deployments.insertDeployment(pendingDeployment({ id: project.id, organizationId: org.id }, target.id, id, rec.domainName, [], now));
      }
    });
    const first = await reloadedAt(0, count);
    const firstSeconds = (first.atMs - bindAt) / 1000;
    log(`deploy: first pass wrote ${count} deployments and reloaded ${first.runs} time(s) in ${fmt(firstSeconds, 2)} s`);

    // New versions of every certificate, minted and sealed before the clock starts.
    log('deploy: minting the new versions…');
    const box = new SecretBox(masterKey);
    const renewals = ids.map((id, i) => {
      const c = aCertificate({ commonName: `d${i}.bench.example.com` });
      const leaf = parseCertificate(c.certDer);
      const materialId = randomUUID();
      const sealed = box.seal(parsePrivateKey(c.keyPem).pkcs8Der, materialId);
      return { id, facts: issuedFactsOf(leaf, materialId, true), material: materialOf(leaf, materialId, id, c.chainPem, sealed, new Date()), fingerprint: leaf.fingerprintSha256 };
    });
    await new Promise((r) => setTimeout(r, 2000));
    const linesBefore = readFileSync(reloads, 'utf8').trim().split('\n').length;
    const cpuBefore = cpuSeconds(server.pid);
    await store.transaction(async (tx) => {
      for (const r of renewals) await tx.certificates.storeIssued(r.id, r.facts, r.material, new Date());
    });
    const committedAt = Date.now();
    const done = await reloadedAt(linesBefore, count);
    const seconds = (done.atMs - committedAt) / 1000;
    const serverCpuSeconds = cpuSeconds(server.pid) - cpuBefore;
    const passes = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{') && l.includes('"job pass"') && l.includes('"deployments"'))
      .map((l) => JSON.parse(l) as { processed: number; durationMs: number });
    const passSeconds = (passes.at(-1)?.processed === count ? passes.at(-1)!.durationMs : NaN) / 1000;
    const rss = rssMb(server.pid);

    // Every file is the new version.
    for (const [i, r] of renewals.entries()) {
      const cert = new X509Certificate(readFileSync(path.join(root, 'certs', `d${i}.bench.example.com`, 'cert.pem')));
      if (cert.fingerprint256.replace(/:/g, '').toLowerCase() !== r.fingerprint) throw new Error(`certificate ${r.id}: the written file is not the new version`);
    }
    log(`deploy: ${count} renewals → every file written and ${done.runs} reload(s) in ${fmt(seconds, 2)} s (the pass itself ${fmt(passSeconds, 2)} s); server CPU ${fmt(serverCpuSeconds, 2)} s, RSS ${fmt(rss, 0)} MB`);
    return { transport, certificates: count, firstSeconds, seconds, passSeconds, reloads: done.runs, serverCpuSeconds, serverRssMb: rss, target: { seconds: TARGET_SECONDS, met: seconds <= TARGET_SECONDS } };
  } finally {
    await store.close();
    await server.stop();
    await sshd?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

export function deployTableRows(r: DeployBenchResult): string[] {
  const what = r.transport === 'ssh' ? 'deployment over ssh' : 'deployment';
  return [
    `| ${what}: ${r.certificates} renewals → every file written and reloaded (${r.reloads} reload) | ${fmt(r.seconds, 2)} s (pass ${fmt(r.passSeconds, 2)} s; first deployment of all ${fmt(r.firstSeconds, 2)} s) | ${r.transport === 'ssh' ? '(reference)' : `≤ ${r.target.seconds} s`} |`,
    `| ${what}: server CPU / RSS | ${fmt(r.serverCpuSeconds, 2)} s / ${fmt(r.serverRssMb, 0)} MB | (reference) |`,
  ];
}
