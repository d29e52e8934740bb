/**
 * dns-01 through an operator's own program, for DNS providers certkeeper has no adapter for.
 */
import path from 'node:path';
import { AppError } from '../../../domain/app-error.js';
import { baseHookEnv, isExecutableFile, runHook } from '../../../exec/run-hook.js';
import type { DnsChallengeSolver } from '../../../ports/issuer.js';

export { hookStderrMaxBytes } from '../../../exec/run-hook.js';

export interface ExecHookSolverOptions {
  /** Absolute path of an executable file. */
  command: string;
  /** Default 60 s; the hook's whole process group is killed when it is exceeded. */
  timeoutMs?: number;
  /** Extra environment for the hook (its credentials, say). */
  env?: Record<string, string>;
}

function invalid(message: string): AppError {
  return new AppError('dns_provider_invalid', `exec hook provider: ${message}`);
}

/**
 * Runs `command present <recordName> <value>` and `command cleanup <recordName> <value>`,
 * without a shell (arguments reach the hook literally), with CERTKEEPER_ACTION,
 * CERTKEEPER_RECORD_NAME and CERTKEEPER_RECORD_VALUE in its environment. The hook sees PATH,
 * `options.env` and those three, never certkeeper's own environment (it holds the master key).
 * A non-zero exit, a signal or the timeout rejects with AppError `challenge_hook_failed`,
 * marked retryable, as hooks mostly fail on their provider's API and give no way to say
 * otherwise. Its message names the hook by its file name and says how it ended (exit code,
 * signal, timeout), never the hook's path or output, so it may be shown to anyone who reads the
 * certificate; `details.stderr` holds the last `hookStderrMaxBytes` of stderr, for admins.
 */
export class ExecHookSolver implements DnsChallengeSolver {
  private readonly command: string;
  /** The hook's file name: what messages show (the directory is the operator's business). */
  private readonly name: string;
  private readonly timeoutMs: number;
  private readonly env: Record<string, string>;

  /** Validates the options and that the command is an executable file; throws `dns_provider_invalid`. */
  constructor(options: ExecHookSolverOptions) {
    if (!options || typeof options !== 'object') throw invalid('options are missing');
    const { command } = options;
    if (typeof command !== 'string' || command === '') throw invalid('command is required');
    // An absolute path: no PATH lookup decides which program runs.
    if (!path.isAbsolute(command)) throw invalid(`command must be an absolute path, got "${command}"`);
    if (!isExecutableFile(command)) {
      // Also raised at an attempt (the file went missing since it was chosen) and stored as the
      // certificate's problem: the file name only, never the operator's directory.
      throw new AppError('dns_provider_invalid', `exec hook provider: the hook ${path.basename(command)} is not an executable file in the hook directory`);
    }
    this.command = command;
    this.name = path.basename(command);
    const timeoutMs = options.timeoutMs ?? 60_000;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw invalid(`timeoutMs must be positive, got ${String(timeoutMs)}`);
    this.timeoutMs = timeoutMs;
    const env = options.env ?? {};
    for (const [k, v] of Object.entries(env)) {
      if (typeof v !== 'string') throw invalid(`env.${k} must be a string`);
    }
    this.env = { ...env };
  }

  present(recordName: string, value: string): Promise<void> {
    return this.run('present', recordName, value);
  }

  cleanup(recordName: string, value: string): Promise<void> {
    return this.run('cleanup', recordName, value);
  }

  private async run(action: 'present' | 'cleanup', recordName: string, value: string): Promise<void> {
    const env: Record<string, string> = {
      ...baseHookEnv(),
      ...this.env,
      CERTKEEPER_ACTION: action,
      CERTKEEPER_RECORD_NAME: recordName,
      CERTKEEPER_RECORD_VALUE: value,
    };
    const exit = await runHook({ command: this.command, args: [action, recordName, value], env, timeoutMs: this.timeoutMs });
    const fail = (message: string, details: Record<string, unknown>, stderr: string, cause?: unknown) =>
      new AppError('challenge_hook_failed', message, { retryable: true, cause, details: { hook: this.name, action, recordName, ...details, stderr } });
    switch (exit.kind) {
      case 'ok':
        return;
      case 'timeout':
        throw fail(`the DNS hook ${this.name} ${action} did not finish within ${this.timeoutMs} ms and was killed`, { timedOut: true }, exit.stderr);
      case 'signal':
        throw fail(`the DNS hook ${this.name} ${action} was killed by ${exit.signal}`, { signal: exit.signal }, exit.stderr);
      case 'exit':
        throw fail(`the DNS hook ${this.name} ${action} exited with code ${exit.exitCode}`, { exitCode: exit.exitCode }, exit.stderr);
      case 'spawn-error':
        // The system's message names the path: only its code is shown.
        throw fail(`the DNS hook ${this.name} could not be started (${exit.code})`, {}, '', exit.cause);
    }
  }
}
