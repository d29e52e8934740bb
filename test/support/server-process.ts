/**
 * A real certkeeper server process for end-to-end tests: `node dist/cli/main.js serve` (built
 * by the test run's global setup, support/global-setup.ts) with the environment a test gives
 * it, on 127.0.0.1 and a port the kernel picks (PORT=0; the URL is read from the server's own
 * `certkeeper listening` log line), ready once GET /readyz answers 200.
 *
 *   const server = await startServerProcess({ name: 'a', env: { CERTKEEPER_DATA_DIR: dir, … } });
 *   await server.api('GET', '/api/v1/projects', { token });
 *   await server.kill();   // SIGKILL: a crash, nothing cleaned up
 *   await server.stop();   // SIGTERM: the server's orderly shutdown
 *
 * stdout and stderr are kept (pino JSON lines) for assertions and for failure messages
 * (`describe()`); every process still running when the test worker exits is killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built CLI; override with CERTKEEPER_E2E_CLI (e.g. a patched build elsewhere). */
export const cliEntry = process.env.CERTKEEPER_E2E_CLI ?? path.join(repoRoot, 'dist/cli/main.js');

export interface ServerProcessOptions {
  /** A label for failure messages (e.g. `a`, `after-restart`). */
  name: string;
  /** The server's configuration; HOST and PORT default to 127.0.0.1 and 0. */
  env: Record<string, string>;
  /** How long to wait for /readyz; default 30 s. */
  readyTimeoutMs?: number;
}

export interface ApiResponse {
  status: number;
  body: any;
  text: string;
}

export interface ServerProcess {
  name: string;
  pid: number;
  /** http://127.0.0.1:PORT */
  url: string;
  /** Everything the process wrote (stdout then stderr interleaved as received), up to 8 MB. */
  output(): string;
  /** What the process wrote to stdout alone, up to 8 MB. */
  stdout(): string;
  /** The pino JSON lines of stdout, parsed (other lines skipped). */
  logRecords(): Array<Record<string, unknown>>;
  /** `name (pid, state)` and the last `chars` of the output: for failure messages. */
  describe(chars?: number): string;
  /** True until the process has exited. */
  running(): boolean;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL and wait for the exit: a crash, nothing the server does on shutdown happens. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit (SIGKILL after `graceMs`, default 15 s). */
  stop(graceMs?: number): Promise<void>;
  /** A JSON request to the server's API with `Authorization: Bearer token`. */
  api(method: string, urlPath: string, options?: { token?: string; body?: unknown }): Promise<ApiResponse>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A crashed or timed-out test worker must not leave servers running.
  process.once('exit', () => {
    for (const proc of live) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  });
}

/** The parent's environment without any certkeeper setting (those come from the test only). */
function baseEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (k.startsWith('CERTKEEPER_') || k === 'DATABASE_URL' || k === 'PORT' || k === 'HOST' || k.startsWith('NODE_OPTIONS') || k.startsWith('VITEST')) continue;
    out[k] = v;
  }
  return out;
}

/** Starts `certkeeper serve` and waits until it listens and /readyz answers 200. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  if (!existsSync(cliEntry)) throw new Error(`${cliEntry} does not exist: run \`npm run build\` (the test run's global setup does) before the end-to-end tests`);
  installExitHook();
  const env = { ...baseEnv(), HOST: '127.0.0.1', PORT: '0', CERTKEEPER_LOG_LEVEL: 'info', ...options.env };
  const proc = spawn(process.execPath, [cliEntry, 'serve'], { env, cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(proc);
  let output = '';
  let stdout = '';
  let stdoutPartial = '';
  const stdoutLines: string[] = [];
  const limit = 8 * 1024 * 1024;
  proc.stdout!.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-limit);
    stdout = (stdout + text).slice(-limit);
    const parts = (stdoutPartial + text).split('\n');
    stdoutPartial = parts.pop() ?? '';
    stdoutLines.push(...parts);
  });
  proc.stderr!.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-limit);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.once('exit', (code, signal) => {
      live.delete(proc);
      resolve({ code, signal });
    });
    proc.once('error', (err) => {
      output += `\n[spawn error: ${err.message}]`;
      live.delete(proc);
      resolve({ code: null, signal: null });
    });
  });
  const running = () => proc.exitCode === null && proc.signalCode === null && live.has(proc);
  const describe = (chars = 4000) =>
    `server ${options.name} (pid ${proc.pid}, ${running() ? 'running' : `exited ${proc.exitCode ?? proc.signalCode}`}); output tail:\n${output.slice(-chars)}`;
  const logRecords = () => {
    const out: Array<Record<string, unknown>> = [];
    for (const line of stdoutLines) {
      if (!line.startsWith('{')) continue;
      try {
        out.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log record
      }
    }
    return out;
  };

  const kill = async () => {
    if (running()) proc.kill('SIGKILL');
    await exited;
  };
  const stop = async (graceMs = 15_000) => {
    if (running()) proc.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (running()) proc.kill('SIGKILL');
    }, graceMs);
    await exited;
    clearTimeout(timer);
  };

  let url = '';
  const api: ServerProcess['api'] = async (method, urlPath, opts = {}) => {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${url}${urlPath}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body), signal: AbortSignal.timeout(60_000) });
    } catch (err) {
      const cause = (err as Error & { cause?: Error }).cause;
      throw new Error(`${method} ${urlPath} on ${options.name} failed: ${(err as Error).message}${cause ? ` (${cause.message})` : ''}\n${describe(1500)}`);
    }
    const text = await res.text();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status: res.status, body, text };
  };

  try {
    const timeoutMs = options.readyTimeoutMs ?? 30_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!running()) throw new Error(`server ${options.name} exited before it was ready.\n${describe()}`);
      if (!url) {
        const listening = logRecords().find((r) => r.msg === 'certkeeper listening' && typeof r.url === 'string');
        if (listening) url = listening.url as string;
      }
      if (url) {
        const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200).catch(() => false);
        if (ready) break;
      }
      if (Date.now() > deadline) throw new Error(`server ${options.name} was not ready within ${timeoutMs} ms.\n${describe()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } catch (err) {
    await kill();
    throw err;
  }

  return { name: options.name, pid: proc.pid!, url, output: () => output, stdout: () => stdout, logRecords, describe, running, exited, kill, stop, api };
}

/**
 * Polls `probe` every `intervalMs` until it returns a value other than undefined/false, and
 * returns that value. On timeout, throws with `what`, the last probe value and `context()`
 * (e.g. the servers' output tails).
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  options: { timeoutMs: number; intervalMs?: number; context?: () => string },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      const lastText = last instanceof Error ? last.stack ?? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${what} (last probe: ${lastText})${options.context ? `\n${options.context()}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 200));
  }
}

/** What a server's scheduler reports for one background job (jobs/job-runner.ts). */
export interface JobCounts {
  /** Passes that did not fail as a whole: `certkeeper_job_passes_total{outcome="success"}`. */
  passes: number;
  /** Items the passes did without failure: `certkeeper_job_items_total{outcome="success"}`. */
  items: number;
  /** When the last of those passes ended, epoch ms (the server's clock); undefined before the first. */
  lastSuccessAt: number | undefined;
}

/** `job`'s counts from the server's GET /metrics (`token` may scrape: the bootstrap token does); zeros for a job it does not run. */
export async function jobCounts(server: ServerProcess, job: string, token: string): Promise<JobCounts> {
  const res = await server.api('GET', '/metrics', { token });
  if (res.status !== 200) throw new Error(`GET /metrics on ${server.name} answered ${res.status}: ${res.text.slice(0, 500)}`);
  const value = (name: string, outcome?: string) => {
    for (const line of res.text.split('\n')) {
      const m = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
      if (!m || m[1] !== name) continue;
      const labels = Object.fromEntries([...m[2]!.matchAll(/([a-z_]+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
      if (labels.job === job && labels.outcome === outcome) return Number(m[3]);
    }
    return undefined;
  };
  const lastSuccess = value('certkeeper_job_last_success_timestamp_seconds');
  return {
    passes: value('certkeeper_job_passes_total', 'success') ?? 0,
    items: value('certkeeper_job_items_total', 'success') ?? 0,
    lastSuccessAt: lastSuccess === undefined ? undefined : Math.round(lastSuccess * 1000),
  };
}

/**
 * Waits until every server has completed `passes` more passes of `job` than when called (passes
 * that failed as a whole do not count), and returns each server's counts then. With passes >= 2,
 * each server ran at least one whole pass that began after the call: a check made afterwards
 * that "nothing happened" saw the scheduler look at the state the test had observed, rather
 * than pass because the scheduler had not run yet. A server that does not run the job, or
 * whose passes fail, times the wait out.
 */
export async function waitForJobPasses(
  servers: readonly ServerProcess[],
  job: string,
  options: { passes: number; token: string; timeoutMs?: number; context?: () => string },
): Promise<JobCounts[]> {
  const before = await Promise.all(servers.map((s) => jobCounts(s, job, options.token)));
  let now = before;
  await waitFor(
    `${options.passes} more '${job}' passes on ${servers.map((s) => s.name).join(' and ')}`,
    async () => {
      now = await Promise.all(servers.map((s) => jobCounts(s, job, options.token)));
      return now.every((c, i) => c.passes >= before[i]!.passes + options.passes);
    },
    {
      timeoutMs: options.timeoutMs ?? 30_000,
      intervalMs: 100,
      context: () => `'${job}' counts when the wait began ${JSON.stringify(before)}, last read ${JSON.stringify(now)}\n${options.context?.() ?? ''}`,
    },
  );
  return now;
}
