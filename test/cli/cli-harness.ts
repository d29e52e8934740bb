import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/main.js';
import { runCli } from '../../src/cli/run-cli.js';

export const BOOTSTRAP_TOKEN = 'x'.repeat(40);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

class Collector extends Writable {
  private readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk);
    callback();
  }
  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** Runs the CLI in-process with its own environment (nothing from process.env). */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}, options: { signal?: AbortSignal; isTTY?: boolean; stdin?: string } = {}): Promise<CliRun & { stdoutBytes: Buffer }> {
  const out = new Collector();
  const err = new Collector();
  const stdin = options.stdin === undefined ? undefined : Readable.from([Buffer.from(options.stdin)]);
  const code = await runCli(args, { stdout: out, stderr: err, env, isTTY: options.isTTY ?? false, signal: options.signal, stdin });
  return { code, stdout: out.bytes.toString('utf8'), stderr: err.bytes.toString('utf8'), stdoutBytes: out.bytes };
}

export interface TestServer {
  server: RunningServer;
  url: string;
  dataDir: string;
  organizationId: string;
  projectId: string;
  /** CERTKEEPER_URL, CERTKEEPER_TOKEN and CERTKEEPER_PROJECT for cli(). */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
  /** stop() and remove the data dir. */
  close(): Promise<void>;
}

export function serverConfigEnv(dataDir: string): Record<string, string> {
  return { HOST: '127.0.0.1', PORT: '0', CERTKEEPER_DATA_DIR: dataDir, CERTKEEPER_BOOTSTRAP_TOKEN: BOOTSTRAP_TOKEN, CERTKEEPER_LOG_LEVEL: 'silent' };
}

async function api(url: string, method: string, p: string, body?: unknown): Promise<{ id: string }> {
  const res = await fetch(url + p, {
    method,
    headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as { success: boolean; result: { id: string } };
  if (!json.success) throw new Error(`${method} ${p}: ${JSON.stringify(json)}`);
  return json.result;
}

/**
 * A real server on 127.0.0.1:0 over a temp data dir (SQLite, master key file), with an
 * organization and a project made through the API. Pass `existing` to start again on the same
 * data dir and project, and DATABASE_URL in `env` for PostgreSQL (createServerDatabase of
 * support/test-store.ts).
 */
export async function startTestServer(existing?: { dataDir: string; organizationId: string; projectId: string }, env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = existing?.dataDir ?? mkdtempSync(path.join(tmpdir(), 'certkeeper-cli-'));
  const server = await startServer(loadConfig({ ...serverConfigEnv(dataDir), ...env }), { print: () => undefined });
  const url = server.url;
  const organizationId = existing?.organizationId ?? (await api(url, 'POST', '/api/v1/organizations', { name: 'cli test org' })).id;
  const projectId = existing?.projectId ?? (await api(url, 'POST', '/api/v1/projects', { organizationId, name: 'cli test project' })).id;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
  };
  return {
    server,
    url,
    dataDir,
    organizationId,
    projectId,
    env: { CERTKEEPER_URL: url, CERTKEEPER_TOKEN: BOOTSTRAP_TOKEN, CERTKEEPER_PROJECT: projectId },
    stop,
    close: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
