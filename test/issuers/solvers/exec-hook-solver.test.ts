import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../src/domain/app-error.js';
import { ExecHookSolver, hookStderrMaxBytes } from '../../../src/issuers/acme/solvers/exec-hook-solver.js';
import { appErrorOf } from '../../pki/app-error-of.js';

async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected an AppError, but the promise resolved');
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'certkeeper-hook-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function script(body: string): Promise<string> {
  const file = path.join(dir, `hook-${Math.random().toString(36).slice(2)}.sh`);
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

/** Gone, or a zombie nobody has reaped yet (containers often run without an init that reaps). */
function isGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

describe('ExecHookSolver', () => {
  it('runs `command present|cleanup <name> <value>` with the CERTKEEPER_ variables', async () => {
    const log = path.join(dir, 'calls.log');
    const hook = await script(
      `{ printf 'argc=%s\\n' "$#"; for a in "$@"; do printf 'arg=%s\\n' "$a"; done\n` +
        `  printf 'env=%s|%s|%s|%s\\n' "$CERTKEEPER_ACTION" "$CERTKEEPER_RECORD_NAME" "$CERTKEEPER_RECORD_VALUE" "$PROVIDER_TOKEN"; } >> '${log}'`,
    );
    const solver = new ExecHookSolver({ command: hook, env: { PROVIDER_TOKEN: 'tok-123' } });
    await solver.present('_acme-challenge.example.test', 'value-1');
    await solver.cleanup('_acme-challenge.example.test', 'value-1');
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual([
      'argc=3',
      'arg=present',
      'arg=_acme-challenge.example.test',
      'arg=value-1',
      'env=present|_acme-challenge.example.test|value-1|tok-123',
      'argc=3',
      'arg=cleanup',
      'arg=_acme-challenge.example.test',
      'arg=value-1',
      'env=cleanup|_acme-challenge.example.test|value-1|tok-123',
    ]);
  });

  it('passes arguments with spaces, quotes, `;` and `$(…)` literally, running no shell', async () => {
    const out = path.join(dir, 'args.log');
    const marker = path.join(dir, 'injected');
    const hook = await script(`for a in "$@"; do printf '[%s]\\n' "$a"; done > '${out}'`);
    const name = `a b; touch ${marker}`;
    const value = `"q" 'x' $(touch ${marker}) \`touch ${marker}\` && rm -rf / | cat > ${marker}`;
    await new ExecHookSolver({ command: hook }).present(name, value);
    expect(await readFile(out, 'utf8')).toBe(`[present]\n[${name}]\n[${value}]\n`);
    expect(existsSync(marker)).toBe(false);
  });

  it('does not hand certkeeper\'s own environment to the hook', async () => {
    const out = path.join(dir, 'env.log');
    const hook = await script(`env > '${out}'`);
    vi.stubEnv('CERTKEEPER_MASTER_KEY', 'must-not-leak');
    try {
      await new ExecHookSolver({ command: hook }).present('n', 'v');
    } finally {
      vi.unstubAllEnvs();
    }
    const env = await readFile(out, 'utf8');
    expect(env).not.toContain('must-not-leak');
    expect(env).toContain('CERTKEEPER_RECORD_VALUE=v');
  });

  it('exit 3 → challenge_hook_failed: the message names the hook\'s file and its exit code, stderr is in details only', async () => {
    const hook = await script(`echo "provider said: zone is locked" >&2\nexit 3`);
    const err = await rejectionOf(new ExecHookSolver({ command: hook }).present('_acme-challenge.example.test', 'v'));
    expect(err.code).toBe('challenge_hook_failed');
    expect(err.message).toBe(`the DNS hook ${path.basename(hook)} present exited with code 3`);
    expect(err.message).not.toContain(dir);
    expect(err.details).toMatchObject({ hook: path.basename(hook), exitCode: 3, action: 'present', stderr: 'provider said: zone is locked' });
    expect(JSON.stringify(err.details)).not.toContain(dir);
  });

  it('keeps only the last 4 KiB of a long stderr', async () => {
    const hook = await script(`i=0; while [ $i -lt 1000 ]; do printf 'line-%04d\\n' $i >&2; i=$((i+1)); done\nexit 1`);
    const err = await rejectionOf(new ExecHookSolver({ command: hook }).cleanup('n', 'v'));
    const stderr = err.details?.stderr as string;
    expect(Buffer.byteLength(stderr)).toBeLessThanOrEqual(hookStderrMaxBytes);
    expect(Buffer.byteLength(stderr)).toBeGreaterThan(hookStderrMaxBytes - 20);
    expect(stderr.endsWith('line-0999')).toBe(true);
    expect(stderr).not.toContain('line-0000');
    expect(err.message).not.toContain('line-');
  });

  it('a hook killed by a signal → challenge_hook_failed naming it', async () => {
    const hook = await script('kill -TERM $$');
    const err = await rejectionOf(new ExecHookSolver({ command: hook }).present('n', 'v'));
    expect(err.code).toBe('challenge_hook_failed');
    expect(err.message).toContain('SIGTERM');
  });

  it('a hook that outlives the timeout is killed with everything it started', async () => {
    const pids = path.join(dir, 'pids');
    const hook = await script(`sleep 300 &\necho "$$ $!" > '${pids}.tmp'\nmv '${pids}.tmp' '${pids}'\nwait`);
    const err = await rejectionOf(new ExecHookSolver({ command: hook, timeoutMs: 1000 }).present('n', 'v'));
    expect(err.code).toBe('challenge_hook_failed');
    expect(err.message).toContain('did not finish within 1000 ms');
    expect(err.details).toMatchObject({ timedOut: true });
    const [shell, sleeper] = (await readFile(pids, 'utf8')).trim().split(' ').map(Number);
    try {
      expect(isGone(shell)).toBe(true);
      // The grandchild got SIGKILL with its group; wait until the kernel has finished it.
      await vi.waitFor(() => expect(isGone(sleeper)).toBe(true), { timeout: 5000, interval: 20 });
    } finally {
      // Should the test fail, leave no sleeper behind.
      for (const pid of [shell, sleeper]) if (!isGone(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  it('a hook that cannot be started → challenge_hook_failed', async () => {
    const hook = path.join(dir, 'bad-interpreter');
    await writeFile(hook, '#!/nonexistent/interpreter\n');
    await chmod(hook, 0o755);
    const err = await rejectionOf(new ExecHookSolver({ command: hook }).present('n', 'v'));
    expect(err.code).toBe('challenge_hook_failed');
    expect(err.message).toBe('the DNS hook bad-interpreter could not be started (ENOENT)');
  });

  it.each<[string, () => Promise<string>]>([
    ['an empty command', async () => ''],
    ['a relative path', async () => 'hook.sh'],
    ['a missing file', async () => path.join(dir, 'missing')],
    ['a file that is not executable', async () => {
      const f = path.join(dir, 'plain');
      await writeFile(f, '#!/bin/sh\n');
      await chmod(f, 0o644);
      return f;
    }],
    ['a directory', async () => dir],
  ])('refuses %s with dns_provider_invalid', async (what, command) => {
    const c = await command();
    // root may execute any file with an x bit set, but not one without: 0644 still fails X_OK.
    const err = appErrorOf(() => new ExecHookSolver({ command: c }));
    expect(err.code, what).toBe('dns_provider_invalid');
    // Stored as a certificate's problem when the file goes missing after it was chosen: no server path.
    expect(err.message, what).not.toContain(dir);
  });

  it('refuses a non-positive timeout', async () => {
    const hook = await script('exit 0');
    expect(appErrorOf(() => new ExecHookSolver({ command: hook, timeoutMs: 0 })).code).toBe('dns_provider_invalid');
  });
});
