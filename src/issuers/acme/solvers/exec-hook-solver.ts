/**
 * dns-01 through an operator's own program, for DNS providers certkeeper has no adapter for.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../domain/app-error.js';
import type { DnsChallengeSolver } from '../../../ports/issuer.js';

export interface ExecHookSolverOptions {
  /** Absolute path of an executable file. */
  command: string;
  /** Default 60 s; the hook's whole process group is killed when it is exceeded. */
  timeoutMs?: number;
  /** Extra environment for the hook (its credentials, say). */
  env?: Record<string, string>;
}

/** How much of the hook's stderr a failure keeps (its end, where the reason usually is). */
export const hookStderrMaxBytes = 4096;
/** How long to wait for stderr to close once the hook itself has exited. */
const exitGraceMs = 250;

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
    try {
      if (!statSync(command).isFile()) throw new Error('not a regular file');
      accessSync(command, constants.X_OK);
    } catch (cause) {
      // Also raised at an attempt (the file went missing since it was chosen) and stored as the
      // certificate's problem: the file name only, never the operator's directory.
      throw new AppError('dns_provider_invalid', `exec hook provider: the hook ${path.basename(command)} is not an executable file in the hook directory`, { cause });
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

  private run(action: 'present' | 'cleanup', recordName: string, value: string): Promise<void> {
    const env: Record<string, string> = {
      ...(process.env.PATH ? { PATH: process.env.PATH } : {}),
      ...this.env,
      CERTKEEPER_ACTION: action,
      CERTKEEPER_RECORD_NAME: recordName,
      CERTKEEPER_RECORD_VALUE: value,
    };
    return new Promise<void>((resolve, reject) => {
      // spawn (execFile's underlying call) rather than execFile: `detached` makes the hook a
      // process-group leader, so a timeout can kill whatever it started too.
      const child = spawn(this.command, [action, recordName, value], {
        env,
        shell: false,
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      // Only the last bytes are kept, however much the hook writes.
      let stderr = Buffer.alloc(0);
      let timedOut = false;
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr = Buffer.concat([stderr, chunk]);
        if (stderr.length > hookStderrMaxBytes) stderr = stderr.subarray(stderr.length - hookStderrMaxBytes);
      });
      const fail = (message: string, details: Record<string, unknown>, cause?: unknown) => {
        reject(
          new AppError('challenge_hook_failed', message, {
            retryable: true,
            cause,
            details: { hook: this.name, action, recordName, ...details, stderr: stderrTail(stderr) },
          }),
        );
      };
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child.pid);
      }, this.timeoutMs);
      let settled = false;
      const settle = (code: number | null, signal: NodeJS.Signals | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(grace);
        child.stderr!.destroy();
        if (timedOut) {
          fail(`the DNS hook ${this.name} ${action} did not finish within ${this.timeoutMs} ms and was killed`, { timedOut: true });
        } else if (signal) {
          fail(`the DNS hook ${this.name} ${action} was killed by ${signal}`, { signal });
        } else if (code !== 0) {
          fail(`the DNS hook ${this.name} ${action} exited with code ${code}`, { exitCode: code });
        } else {
          resolve();
        }
      };
      let grace: NodeJS.Timeout | undefined;
      child.on('error', (cause) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // The system's message names the path: only its code is shown.
        fail(`the DNS hook ${this.name} could not be started (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, {}, cause);
      });
      // 'close' comes once stderr is drained. Something the hook left running may hold stderr
      // open, so after 'exit' wait only briefly for it.
      child.on('exit', (code, signal) => {
        grace = setTimeout(() => settle(code, signal), exitGraceMs);
      });
      child.on('close', (code, signal) => settle(code, signal));
    });
  }
}

/** The kept bytes as text: a character cut at the start is dropped, surrounding blanks trimmed. */
function stderrTail(bytes: Buffer): string {
  return bytes.toString('utf8').replace(/^\uFFFD+/, '').trim();
}

/** SIGKILL to the whole process group (negative pid); a group already gone is fine. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: nothing left to kill.
  }
}
