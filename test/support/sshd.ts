/**
 * A throwaway OpenSSH server (Debian package `openssh-server`) on 127.0.0.1 and a port chosen at
 * run time, for ssh deployment tests: its host key, client keys, authorized keys, config and pid
 * file live in a temporary directory. The login is the user running the tests (as root in CI).
 * SFTP is sshd's internal-sftp, starting in `sftpHome` so relative paths resolve there.
 *
 *   const sshd = await startSshd();
 *   // sshd.hostKeySha256, sshd.clientKey (no passphrase), sshd.encryptedClientKey + sshd.passphrase
 *   await sshd.stop();
 *
 * A missing binary is an error, never a silent skip (scripts/ensure-test-deps.sh installs it).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './pebble.js';

const run = promisify(execFile);

export const sshdBin = process.env.CERTKEEPER_SSHD ?? '/usr/sbin/sshd';

export interface Sshd {
  host: '127.0.0.1';
  port: number;
  /** The login: the user running the tests. */
  username: string;
  /** The host key's fingerprint as `ssh-keygen -lf` prints it (SHA256:…). */
  hostKeySha256: string;
  /** An ed25519 client key in OpenSSH format, without a passphrase, authorized. */
  clientKey: string;
  /** An ed25519 client key encrypted with `passphrase`, authorized. */
  encryptedClientKey: string;
  passphrase: string;
  /** A key that is not authorized. */
  strangerKey: string;
  /** Where relative SFTP paths start (an empty directory in the temporary directory). */
  sftpHome: string;
  dir: string;
  /** What sshd logged so far. */
  log(): string;
  stop(): Promise<void>;
}

async function keygen(file: string, passphrase = ''): Promise<string> {
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'certkeeper-test', '-f', file]);
  return readFile(file, 'utf8');
}

async function fingerprint(pubFile: string): Promise<string> {
  const { stdout } = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', pubFile]);
  const fp = /SHA256:[A-Za-z0-9+/]+/.exec(stdout)?.[0];
  if (!fp) throw new Error(`no fingerprint in ssh-keygen's output: ${stdout}`);
  return fp;
}

/** Waits until the port accepts a connection and sshd's banner comes. */
async function banner(port: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.setTimeout(1000, () => {
        s.destroy();
        resolve(false);
      });
      s.once('data', (d) => {
        s.destroy();
        resolve(d.toString().startsWith('SSH-'));
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd did not answer on 127.0.0.1:${port}`);
}

/**
 * `sftpDenied`: SFTP requests the server refuses (sftp-server's -P, e.g. `posix-rename,fsync`),
 * as a server without those extensions would. `maxSessions`: sessions (channels) one connection
 * may have.
 */
export async function startSshd(options: { passwordAuthentication?: boolean; sftpDenied?: string; maxSessions?: number } = {}): Promise<Sshd> {
  if (!existsSync(sshdBin)) throw new Error(`${sshdBin} is missing: install the Debian package openssh-server (scripts/ensure-test-deps.sh does)`);
  // sshd refuses to start without its privilege separation directory.
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const dir = await mkdtemp(path.join(tmpdir(), 'certkeeper-sshd-'));
  const sftpHome = path.join(dir, 'home');
  mkdirSync(sftpHome);
  const hostKey = path.join(dir, 'host_ed25519');
  await keygen(hostKey);
  const clientKey = await keygen(path.join(dir, 'client'));
  const passphrase = 'correct horse battery staple';
  const encryptedClientKey = await keygen(path.join(dir, 'client-encrypted'), passphrase);
  const strangerKey = await keygen(path.join(dir, 'stranger'));
  const authorized = path.join(dir, 'authorized_keys');
  await writeFile(authorized, (await readFile(path.join(dir, 'client.pub'), 'utf8')) + (await readFile(path.join(dir, 'client-encrypted.pub'), 'utf8')), { mode: 0o600 });
  const port = await freePort();
  const config = path.join(dir, 'sshd_config');
  await writeFile(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${authorized}`,
      'StrictModes no',
      'UsePAM no',
      'PermitRootLogin yes',
      `PasswordAuthentication ${options.passwordAuthentication === false ? 'no' : 'yes'}`,
      'KbdInteractiveAuthentication no',
      'LogLevel VERBOSE',
      ...(options.maxSessions === undefined ? [] : [`MaxSessions ${options.maxSessions}`]),
      `Subsystem sftp internal-sftp -d ${sftpHome}${options.sftpDenied ? ` -P ${options.sftpDenied}` : ''}`,
      '',
    ].join('\n'),
  );
  let log = '';
  const child: ChildProcess = spawn(sshdBin, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await Promise.race([banner(port, Date.now() + 15_000), exited.then(() => Promise.reject(new Error(`sshd exited: ${log}`)))]);
  } catch (err) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    host: '127.0.0.1',
    port,
    username: userInfo().username,
    hostKeySha256: await fingerprint(`${hostKey}.pub`),
    clientKey,
    encryptedClientKey,
    passphrase,
    strangerKey,
    sftpHome,
    dir,
    log: () => log,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
