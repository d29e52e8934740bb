/**
 * Runs an operator's program (an exec DNS hook, a deployment's reload hook): without a shell,
 * with only the environment it is given, in its own process group so a timeout kills whatever
 * it started too, keeping the end of its stderr. Callers word the outcome in their own errors.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';

/** How much of a hook's stderr is kept (its end, where the reason usually is). */
export const hookStderrMaxBytes = 4096;
/** How long to wait for stderr to close once the hook itself has exited. */
const exitGraceMs = 250;

export interface RunHookOptions {
  /** Absolute path of an executable file. */
  command: string;
  args?: readonly string[];
  /** The whole environment of the hook (certkeeper's own never reaches it: it holds the master key). */
  env: Record<string, string>;
  timeoutMs: number;
  /** Written to the hook's stdin, which is then closed; none = stdin is /dev/null. */
  stdin?: string;
}

/** How a hook ended. `stderr` is the last `hookStderrMaxBytes` of what it wrote there, trimmed. */
export type HookExit =
  | { kind: 'ok'; stderr: string }
  | { kind: 'exit'; exitCode: number; stderr: string }
  | { kind: 'signal'; signal: NodeJS.Signals; stderr: string }
  | { kind: 'timeout'; stderr: string }
  /** It could not be started; `code` is the system's (ENOENT, EACCES…), never its message, which names the path. */
  | { kind: 'spawn-error'; code: string; cause: unknown };

/** true when `file` is a regular file this process may execute. */
export function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The environment a hook starts from: PATH only. */
export function baseHookEnv(): Record<string, string> {
  return process.env.PATH ? { PATH: process.env.PATH } : {};
}

/** Runs the hook to its end (or its timeout); never rejects. */
export function runHook(options: RunHookOptions): Promise<HookExit> {
  return new Promise<HookExit>((resolve) => {
    // spawn (execFile's underlying call) rather than execFile: `detached` makes the hook a
    // process-group leader, so a timeout can kill whatever it started too.
    const child = spawn(options.command, [...(options.args ?? [])], {
      env: options.env,
      shell: false,
      detached: true,
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
    });
    // Only the last bytes are kept, however much the hook writes.
    let stderr = Buffer.alloc(0);
    let timedOut = false;
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = Buffer.concat([stderr, chunk]);
      if (stderr.length > hookStderrMaxBytes) stderr = stderr.subarray(stderr.length - hookStderrMaxBytes);
    });
    if (child.stdin) {
      // A hook that does not read its input closes the pipe early: that is its business.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.stdin);
    }
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    const settle = (code: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(grace);
      child.stderr!.destroy();
      const tail = stderrTail(stderr);
      if (timedOut) resolve({ kind: 'timeout', stderr: tail });
      else if (signal) resolve({ kind: 'signal', signal, stderr: tail });
      else if (code !== 0) resolve({ kind: 'exit', exitCode: code ?? -1, stderr: tail });
      else resolve({ kind: 'ok', stderr: tail });
    };
    child.on('error', (cause) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ kind: 'spawn-error', code: (cause as NodeJS.ErrnoException).code ?? 'error', cause });
    });
    // 'close' comes once stderr is drained. Something the hook left running may hold stderr
    // open, so after 'exit' wait only briefly for it.
    child.on('exit', (code, signal) => {
      grace = setTimeout(() => settle(code, signal), exitGraceMs);
    });
    child.on('close', (code, signal) => settle(code, signal));
  });
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
