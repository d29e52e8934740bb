import { writeLine, type CliIo } from './cli-io.js';
import { CliError } from './cli-error.js';

export interface AgentCommandOptions {
  server: string;
  key: string | undefined;
  dir: string;
  reload?: string;
  reloadTimeoutSeconds: number;
  waitSeconds: number;
  maxBackoffSeconds: number;
}

/**
 * `certkeeper agent`: keeps an agent target's certificates written under `--dir` until SIGTERM
 * or SIGINT (agent/deployment-agent.ts). Logs one JSON line per event to stdout; the key is
 * never logged. The key comes from `--key` or CERTKEEPER_AGENT_KEY (which keeps it out of the
 * process list).
 */
export async function agentCommand(options: AgentCommandOptions, io: CliIo): Promise<void> {
  const key = options.key ?? (io.env.CERTKEEPER_AGENT_KEY || undefined);
  if (!key) throw new CliError('missing_key', 'give --key KEY or set CERTKEEPER_AGENT_KEY (the deployment key shown when the agent target was made)');
  let url: URL;
  try {
    url = new URL(options.server);
  } catch {
    throw new CliError('invalid_server', `--server must be a URL such as https://certkeeper.example.com, got "${options.server}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError('invalid_server', '--server must be an http:// or https:// URL');
  const { DeploymentAgent } = await import('../agent/deployment-agent.js');
  const stop = new AbortController();
  const onSignal = (signal: string) => () => {
    log('info', 'certkeeper agent stopping', { signal });
    stop.abort();
  };
  const onSigterm = onSignal('SIGTERM');
  const onSigint = onSignal('SIGINT');
  const onAbort = onSignal('abort');
  const log = (level: string, msg: string, fields: Record<string, unknown> = {}) => writeLine(io.stdout, JSON.stringify({ level, time: new Date().toISOString(), msg, ...fields }));
  process.once('SIGTERM', onSigterm);
  process.once('SIGINT', onSigint);
  io.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const agent = new DeploymentAgent({
      server: url.toString().replace(/\/+$/, ''),
      key,
      dir: options.dir,
      reload: options.reload,
      reloadTimeoutMs: options.reloadTimeoutSeconds * 1000,
      waitSeconds: options.waitSeconds,
      backoffMaxMs: options.maxBackoffSeconds * 1000,
      backoffBaseMs: Math.min(1000, options.maxBackoffSeconds * 1000),
      log,
    });
    await agent.run(stop.signal);
  } finally {
    process.off('SIGTERM', onSigterm);
    process.off('SIGINT', onSigint);
    io.signal?.removeEventListener('abort', onAbort);
  }
}
