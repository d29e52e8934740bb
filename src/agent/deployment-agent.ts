/**
 * `certkeeper agent`: runs on a host certkeeper cannot reach, holds one agent target's
 * deployment key, and keeps that target's certificates written under its directory.
 *
 * It long-polls the server for the target's deployments (api/routes/agent-routes.ts), writes
 * every version it does not have yet exactly as a `local` target would (certbot's layout under
 * `<dir>/<deployment name>/`, each file a temporary file renamed into place: deploy/), runs the
 * reload command once per batch, and reports each outcome. It never exits on a transient
 * error: a server that is away is retried with capped exponential backoff and jitter, and each
 * change of state (away, back, a deployment failing, working again) is logged once. What it
 * wrote is kept in a state file (agent-state.ts), so a restart writes nothing unchanged.
 */
import { existsSync } from 'node:fs';
import { mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { segmentProblem } from '../domain/deployment.js';
import { certbotFileNames, certbotPemFiles } from '../deploy/certbot-files.js';
import { openConfinedDirectory, writeFilesAtomically } from '../deploy/confined-directory.js';
import { baseHookEnv, runHook } from '../exec/run-hook.js';
import { AgentClient, AgentHttpError, type AgentDeployment } from './agent-client.js';
import { loadAgentState, saveAgentState, type AgentState } from './agent-state.js';

export type AgentLog = (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;

export interface DeploymentAgentOptions {
  server: string;
  key: string;
  /** Where the deployments' folders go (made if missing). */
  dir: string;
  /** A shell command run once after each batch written (`/bin/sh -c`); none = no reload. */
  reload?: string;
  /** The reload is killed, with what it started, after this. Default 60 s. */
  reloadTimeoutMs?: number;
  /** How long one long poll waits on the server for a change. Default 30 s (at most 60). */
  waitSeconds?: number;
  /** Backoff after a failure: base and cap. Defaults 1 s and 60 s. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  log: AgentLog;
  random?: () => number;
}

/** Why a deployment's folder name is refused here, whatever the server said: it must be one plain path segment. */
export function agentNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') return 'is not a name';
  if (name.includes('/') || name.includes('\\') || name.includes('\0')) return 'may not contain a path separator';
  return segmentProblem(name);
}

/** The wait before retry `attempt` (1, 2, …): base × 2^(attempt−1), capped, then full jitter over its upper half. */
export function agentBackoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

interface Retry {
  fingerprintSha256: string;
  attempts: number;
  at: number;
}

interface Outcome {
  item: AgentDeployment;
  fingerprintSha256: string;
  error: { code: string; message: string } | null;
}

export class DeploymentAgent {
  private readonly client: AgentClient;
  private readonly random: () => number;
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly retries = new Map<number, Retry>();
  /** The last problem logged per deployment (and for the server, key -1): each is logged once until it changes. */
  private readonly problems = new Map<number, string>();
  private state: AgentState = { written: {} };
  private root = '';
  /** Batches written (for tests and the benchmark). */
  batches = 0;

  constructor(private readonly o: DeploymentAgentOptions) {
    this.client = new AgentClient({ server: o.server, key: o.key });
    this.random = o.random ?? Math.random;
    this.baseMs = o.backoffBaseMs ?? 1_000;
    this.maxMs = o.backoffMaxMs ?? 60_000;
  }

  /** Runs until `signal` aborts (SIGTERM); resolves then. Rejects only when the directory cannot be used at all. */
  async run(signal: AbortSignal): Promise<void> {
    await mkdir(this.o.dir, { recursive: true, mode: 0o755 });
    this.root = await realpath(this.o.dir);
    this.state = await loadAgentState(this.root);
    this.o.log('info', 'certkeeper agent started', { server: this.o.server, dir: this.root, known: Object.keys(this.state.written).length });
    let etag: string | undefined;
    let items: AgentDeployment[] = [];
    let failures = 0;
    while (!signal.aborted) {
      try {
        const wait = this.waitSeconds(items);
        const listed = await this.client.list(etag, wait, signal);
        if (!listed.unchanged) {
          etag = listed.etag;
          items = listed.items;
        }
        this.recovered(-1, 'the server answers again');
        failures = 0;
        await this.sync(items, signal);
      } catch (err) {
        if (signal.aborted) break;
        failures++;
        // A fresh listing after a failure: the server may have restarted or changed meanwhile.
        etag = undefined;
        // Logged once per state: unreachable, or each kind of refusal (a revoked key is 401), until it answers again.
        this.problem(-1, `the server could not be reached or refused: ${describe(err)}`, { server: this.o.server }, err instanceof AgentHttpError ? `http_${err.status}_${err.code}` : 'unreachable');
        await sleep(agentBackoffMs(failures, this.baseMs, this.maxMs, this.random), signal);
      }
    }
    this.o.log('info', 'certkeeper agent stopped');
  }

  /** A long poll waits for a change, but not past the next retry of a failed deployment. */
  private waitSeconds(items: readonly AgentDeployment[]): number {
    const wait = Math.min(60, Math.max(1, this.o.waitSeconds ?? 30));
    if (items.length === 0) return wait;
    let next = Infinity;
    for (const r of this.retries.values()) next = Math.min(next, r.at);
    if (next === Infinity) return wait;
    return Math.max(0, Math.min(wait, Math.ceil((next - Date.now()) / 1000)));
  }

  /** Writes what is missing, reloads once, saves the state, reports every outcome. */
  private async sync(items: readonly AgentDeployment[], signal: AbortSignal): Promise<void> {
    const now = Date.now();
    const toWrite: AgentDeployment[] = [];
    const toReport: Outcome[] = [];
    const present = new Set(items.map((i) => String(i.id)));
    for (const id of Object.keys(this.state.written)) if (!present.has(id)) delete this.state.written[id];
    for (const [id] of this.retries) if (!present.has(String(id))) this.retries.delete(id);
    for (const item of items) {
      const fp = item.fingerprintSha256;
      if (fp === null) continue; // not issued yet
      const problem = agentNameProblem(item.name);
      if (problem !== undefined) {
        // A name the server should never have sent: refused here too, reported once per version.
        if (this.retries.get(item.id)?.fingerprintSha256 !== fp) {
          this.retries.set(item.id, { fingerprintSha256: fp, attempts: 1, at: Infinity });
          toReport.push({ item, fingerprintSha256: fp, error: { code: 'deployment_path_invalid', message: `the folder name ${JSON.stringify(String(item.name).slice(0, 100))} ${problem}` } });
        }
        continue;
      }
      const written = this.state.written[String(item.id)];
      const have = written?.fingerprintSha256 === fp && written.name === item.name && existsSync(path.join(this.root, item.name, certbotFileNames.privkey));
      if (!have || item.requested) {
        const retry = this.retries.get(item.id);
        if (retry && retry.fingerprintSha256 === fp && retry.at > now && !item.requested) continue;
        toWrite.push(item);
      } else if (item.deployedFingerprintSha256 !== fp || item.status === 'failed' || item.status === 'pending') {
        // Written before (a report lost to a restart or the server going away): report it, write nothing.
        toReport.push({ item, fingerprintSha256: fp, error: null });
      }
    }
    if (toWrite.length > 0) toReport.push(...(await this.writeBatch(toWrite, signal)));
    for (const outcome of toReport) {
      if (signal.aborted) return;
      try {
        await this.client.outcome(outcome.item.id, { fingerprintSha256: outcome.fingerprintSha256, ok: outcome.error === null, ...(outcome.error ? { error: outcome.error } : {}) }, signal);
      } catch (err) {
        // A newer version came meanwhile: the next listing brings it.
        if (err instanceof AgentHttpError && err.code === 'agent_outcome_stale') continue;
        throw err;
      }
    }
  }

  /** Fetches and writes each item, then runs the reload once for those written. */
  private async writeBatch(items: readonly AgentDeployment[], signal: AbortSignal): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    const written: Outcome[] = [];
    let next = 0;
    const worker = async () => {
      while (next < items.length && !signal.aborted) {
        const item = items[next++]!;
        let fp = item.fingerprintSha256!;
        try {
          const material = await this.client.material(item.id, signal);
          fp = material.fingerprintSha256;
          const folder = await openConfinedDirectory(this.root, this.root, [item.name], item.name);
          const files = certbotPemFiles({ certificate: material.certificatePem, chain: material.chainPem, privateKey: material.privateKeyPem });
          try {
            await writeFilesAtomically(folder, files, null);
          } finally {
            files.forEach((f) => f.data.fill(0));
            await folder.close();
          }
          written.push({ item, fingerprintSha256: fp, error: null });
        } catch (err) {
          // The server going away mid-batch is the loop's business, not this deployment's failure.
          if (isTransient(err) || signal.aborted) throw err;
          outcomes.push({ item, fingerprintSha256: fp, error: { code: (err as { code?: string }).code === 'deployment_path_invalid' ? 'deployment_path_invalid' : 'deployment_write_failed', message: describe(err) } });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, items.length) }, worker));
    if (written.length > 0) {
      this.batches++;
      const reloadError = this.o.reload ? await this.reload(written) : null;
      for (const w of written) outcomes.push(reloadError ? { ...w, error: reloadError } : w);
    }
    const now = Date.now();
    for (const o of outcomes) {
      if (o.error === null) {
        this.state.written[String(o.item.id)] = { name: o.item.name, fingerprintSha256: o.fingerprintSha256 };
        this.retries.delete(o.item.id);
        this.recovered(o.item.id, 'deployment written again', { deploymentId: o.item.id, name: o.item.name });
      } else {
        delete this.state.written[String(o.item.id)];
        const before = this.retries.get(o.item.id);
        const attempts = before?.fingerprintSha256 === o.fingerprintSha256 ? before.attempts + 1 : 1;
        this.retries.set(o.item.id, { fingerprintSha256: o.fingerprintSha256, attempts, at: now + agentBackoffMs(attempts, this.baseMs, this.maxMs, this.random) });
        this.problem(o.item.id, `${o.error.code}: ${o.error.message}`, { deploymentId: o.item.id, name: o.item.name });
      }
    }
    await saveAgentState(this.root, this.state);
    const ok = outcomes.filter((o) => o.error === null).length;
    this.o.log('info', 'deployment batch', { written: ok, failed: outcomes.length - ok, reloaded: Boolean(this.o.reload) && written.length > 0 });
    return outcomes;
  }

  /** Runs the reload command once; null when it worked, else the error every item of the batch reports. */
  private async reload(written: readonly Outcome[]): Promise<{ code: string; message: string } | null> {
    const timeoutMs = this.o.reloadTimeoutMs ?? 60_000;
    const env = {
      ...baseHookEnv(),
      CERTKEEPER_AGENT_DIR: this.root,
      CERTKEEPER_DEPLOY_COUNT: String(written.length),
      CERTKEEPER_DEPLOYMENT_NAMES: written.map((w) => w.item.name).join(' '),
    };
    const stdin = written.map((w) => JSON.stringify({ deploymentId: w.item.id, domain: w.item.domainName, fingerprintSha256: w.fingerprintSha256, directory: path.join(this.root, w.item.name) }) + '\n').join('');
    const exit = await runHook({ command: '/bin/sh', args: ['-c', this.o.reload!], env, timeoutMs, stdin });
    const tail = (s: string) => (s ? `; stderr: ${s.slice(-500)}` : '');
    switch (exit.kind) {
      case 'ok':
        return null;
      case 'timeout':
        return { code: 'deploy_hook_failed', message: `the reload command did not finish within ${Math.round(timeoutMs / 1000)} s and was killed${tail(exit.stderr)}` };
      case 'signal':
        return { code: 'deploy_hook_failed', message: `the reload command was killed by ${exit.signal}${tail(exit.stderr)}` };
      case 'exit':
        return { code: 'deploy_hook_failed', message: `the reload command exited with code ${exit.exitCode}${tail(exit.stderr)}` };
      case 'spawn-error':
        return { code: 'deploy_hook_failed', message: `the reload command could not be started (${exit.code})` };
    }
  }

  /** Logs a problem once while `state` (default the message) stays the same. */
  private problem(key: number, message: string, fields: Record<string, unknown> = {}, state = message): void {
    if (this.problems.get(key) === state) return;
    this.problems.set(key, state);
    this.o.log('warn', message, fields);
  }

  private recovered(key: number, message: string, fields: Record<string, unknown> = {}): void {
    if (!this.problems.has(key)) return;
    this.problems.delete(key);
    this.o.log('info', message, fields);
  }
}

/** A failure of the connection or the server itself (retried by the loop), not of one deployment. */
function isTransient(err: unknown): boolean {
  if (err instanceof AgentHttpError) return err.status >= 500 || err.status === 401 || err.status === 429;
  return !(err as { code?: string }).code?.startsWith?.('deployment_') && (err instanceof TypeError || (err as Error).name === 'AbortError' || (err as Error).name === 'TimeoutError');
}

function describe(err: unknown): string {
  if (err instanceof AgentHttpError) return err.message;
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = (err as NodeJS.ErrnoException).code ?? cause?.code;
  return `${(err as Error).message ?? String(err)}${code && !(err as Error).message?.includes(code) ? ` (${code})` : ''}`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
