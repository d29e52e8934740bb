/**
 * One SSH connection to a deployment target: pinned host key, bounded waits, SFTP writes made
 * atomic by renaming, and one command run. Wraps the `ssh2` client so the deployer sees
 * promises and AppErrors with stable codes.
 */
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
// ssh2 is CommonJS: Node's ESM loader finds only some of its named exports.
import ssh2, { type Client, type ClientChannel, type SFTPWrapper, type Stats } from 'ssh2';
import { AppError } from '../domain/app-error.js';
import { isOutboundRefusal, type AddressPolicy } from '../net/address-policy.js';

export interface SshConnectOptions {
  host: string;
  port: number;
  username: string;
  /** `SHA256:` and the unpadded base64 of the SHA-256 of the host key blob, as `ssh-keygen -l` prints it. */
  hostKeySha256: string;
  privateKey?: string;
  passphrase?: string;
  password?: string;
  /** TCP connect, key exchange and authentication together. */
  connectTimeoutMs: number;
  /** Each SFTP request. */
  operationTimeoutMs: number;
  /**
   * SFTP channels opened on the connection (default 1). OpenSSH runs one single-threaded
   * sftp-server per channel, so files written on several channels are synced in parallel.
   */
  sftpChannels?: number;
  /** Which addresses may be connected to (the host is a project's setting, not the operator's). */
  policy: AddressPolicy;
}

/** How much of a remote command's stderr is kept (its end, where the reason usually is). */
export const remoteStderrMaxBytes = 4096;

/** How a remote command ended; `stderr` is the end of what it wrote there. */
export type RemoteExit =
  | { kind: 'ok'; stderr: string }
  | { kind: 'exit'; exitCode: number; stderr: string }
  | { kind: 'signal'; signal: string; stderr: string }
  | { kind: 'timeout'; stderr: string }
  | { kind: 'lost'; message: string; stderr: string };

/** The OpenSSH fingerprint of a host key blob: `SHA256:` + unpadded base64. */
export function sshFingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** SFTP status codes (draft-ietf-secsh-filexfer-02 §7) the writes tell apart. */
const SFTP_NO_SUCH_FILE = 2;
const SFTP_PERMISSION_DENIED = 3;
const SFTP_OP_UNSUPPORTED = 8;

/** Whether an extension request failed because the server does not do it (or its operator denied it: sftp-server -P). */
function extensionRefused(err: unknown): boolean {
  const code = (err as { cause?: { code?: unknown } }).cause?.code;
  return code === SFTP_OP_UNSUPPORTED || code === SFTP_PERMISSION_DENIED;
}

/**
 * Opens a connection and an SFTP channel. Throws AppError:
 * - `ssh_host_forbidden`: the outbound policy refuses the host or an address it resolves to
 *   (nothing is connected to);
 * - `ssh_host_key_mismatch`: the server's host key is not the pinned one (refused during the
 *   key exchange, before any credential is sent);
 * - `ssh_auth_failed`: the server refused the key or password;
 * - `ssh_connect_failed`: unreachable, refused, no SSH server, or not done within the connect
 *   timeout (a black-holed host ends here).
 */
export async function openSshSession(o: SshConnectOptions): Promise<SshSession> {
  const where = `${o.host}:${o.port}`;
  const literal = o.policy.refusalOfHost(o.host);
  if (literal) throw new AppError('ssh_host_forbidden', `ssh host ${where}: ${literal}`);
  const client = new ssh2.Client();
  let offered: string | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (err: AppError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        client.destroy();
        reject(err);
      } else resolve();
    };
    const timer = setTimeout(() => finish(connectFailed(where, `no SSH session within ${o.connectTimeoutMs / 1000} s (connect, key exchange and authentication)`)), o.connectTimeoutMs);
    client.on('ready', () => finish(null));
    client.on('error', (err: Error & { level?: string; code?: string }) => {
      if (offered !== null) {
        finish(new AppError('ssh_host_key_mismatch', `ssh host ${where} presented the host key ${offered}, not the pinned ${o.hostKeySha256}: the connection was refused before authenticating and nothing was written`, { retryable: true, details: { host: where, presented: offered } }));
      } else if (isOutboundRefusal(err)) {
        finish(new AppError('ssh_host_forbidden', `ssh host ${where}: ${err.message}`));
      } else if (err.level === 'client-authentication') {
        finish(new AppError('ssh_auth_failed', `ssh host ${where} refused ${o.username}'s ${o.privateKey ? 'key' : 'password'}${o.privateKey && o.password ? ' and password' : ''}`, { retryable: true, details: { host: where } }));
      } else if (err.level === 'client-timeout') {
        finish(connectFailed(where, `no SSH session within ${o.connectTimeoutMs / 1000} s (connect, key exchange and authentication)`));
      } else {
        finish(connectFailed(where, err.code ?? err.message));
      }
    });
    client.on('close', () => finish(connectFailed(where, 'the connection closed before the session was ready')));
  });
  // The socket resolves names through the policy, which checks every address before connecting.
  const sock = net.connect({ host: o.host.replace(/^\[(.*)\]$/, '$1'), port: o.port, lookup: o.policy.lookup });
  client.connect({
    sock,
    username: o.username,
    ...(o.privateKey === undefined ? {} : { privateKey: o.privateKey }),
    ...(o.passphrase === undefined ? {} : { passphrase: o.passphrase }),
    ...(o.password === undefined ? {} : { password: o.password }),
    readyTimeout: o.connectTimeoutMs,
    // Never an agent or keyboard-interactive: only what the target's config holds.
    tryKeyboard: false,
    hostVerifier: (key: Buffer) => {
      const presented = sshFingerprint(key);
      if (presented === o.hostKeySha256) return true;
      offered = presented;
      return false;
    },
  });
  await ready;
  const session = new SshSession(client, where, o.operationTimeoutMs);
  try {
    await session.startSftp(Math.max(1, o.sftpChannels ?? 1));
  } catch (err) {
    session.close();
    throw err;
  }
  return session;
}

function connectFailed(where: string, why: string): AppError {
  return new AppError('ssh_connect_failed', `ssh host ${where} could not be reached: ${why}`, { retryable: true, details: { host: where } });
}

/** An SFTP failure, named by what was being done and the server's status text. */
function writeFailed(what: string, cause: unknown): AppError {
  const message = (cause as Error | undefined)?.message ?? String(cause);
  return new AppError('deployment_write_failed', `${what} failed over SFTP: ${message.slice(0, 200)}`, { retryable: true, cause });
}

export class SshSession {
  private sftps: SFTPWrapper[] = [];
  /** Set once the connection is gone or timed out: every later request fails with it. */
  private broken: AppError | null = null;

  constructor(
    private readonly client: Client,
    private readonly where: string,
    private readonly operationTimeoutMs: number,
  ) {
    client.on('error', (err: Error) => {
      this.broken ??= new AppError('ssh_connect_failed', `ssh host ${where}: the connection failed (${err.message.slice(0, 200)})`, { retryable: true });
    });
    client.on('close', () => {
      this.broken ??= new AppError('ssh_connect_failed', `ssh host ${where}: the connection closed`, { retryable: true });
    });
  }

  /** Opens up to `channels` SFTP channels: at least one, then as many as the server lets one connection have (its MaxSessions). */
  async startSftp(channels: number): Promise<void> {
    this.sftps.push(await this.request<SFTPWrapper>('opening the SFTP channel', (cb) => this.client.sftp(cb)));
    for (let i = 1; i < channels; i++) {
      try {
        this.sftps.push(await this.request<SFTPWrapper>('opening an SFTP channel', (cb) => this.client.sftp(cb)));
      } catch (err) {
        if (this.broken) throw err;
        break;
      }
    }
  }

  /** Closes the SFTP channels and waits until the server has, so that their sessions are free for a command. */
  async closeSftp(): Promise<void> {
    const open = this.sftps;
    this.sftps = [];
    await Promise.all(
      open.map(
        (sftp) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, this.operationTimeoutMs);
            sftp.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            sftp.end();
          }),
      ),
    );
  }

  /** How many SFTP channels are open: `channel` arguments go from 0 to this less one. */
  get channels(): number {
    return this.sftps.length;
  }

  /** Makes `dir` and every missing directory above it (mode 0755); an existing one is kept as it is. */
  async makeDirectories(dir: string, channel = 0): Promise<void> {
    const absolute = dir.startsWith('/');
    const parts = dir.split('/').filter((p) => p !== '');
    for (let i = 1; i <= parts.length; i++) await this.makeDirectory((absolute ? '/' : '') + parts.slice(0, i).join('/'), channel);
  }

  /** Makes `path` (mode 0755) when missing, its parent being there; an existing directory is kept as it is. */
  async makeDirectory(path: string, channel = 0): Promise<void> {
    const sftp = this.sftps[channel]!;
    const kind = await this.kindOf(path, sftp);
    if (kind === 'directory') return;
    if (kind !== 'missing') throw new AppError('deployment_write_failed', `${path} on ${this.where} exists and is not a directory`, { retryable: true });
    try {
      await this.request(`making ${path}`, (cb) => sftp.mkdir(path, { mode: 0o755 }, cb));
    } catch (err) {
      // Made meanwhile by someone else: fine.
      if ((await this.kindOf(path, sftp)) !== 'directory') throw err;
    }
  }

  /**
   * Writes each file to a temporary file in `dir` (created exclusively, given its mode, synced
   * when the server can), then renames them over their names: with the server's
   * `posix-rename@openssh.com` a reader sees the old file or the new one, never half of one.
   * A server without it gets the SFTP rename, which refuses to replace a file, so the old file
   * is removed first (a reader may then briefly find none).
   */
  async writeFilesAtomically(dir: string, files: ReadonlyArray<{ name: string; data: Buffer; mode: number }>, channel = 0): Promise<void> {
    const sftp = this.sftps[channel]!;
    const temporary: Array<{ tmp: string; final: string }> = [];
    const left = new Set<string>();
    try {
      for (const f of files) {
        const tmp = `${dir}/.${f.name}.certkeeper-${randomBytes(6).toString('hex')}.tmp`;
        temporary.push({ tmp, final: `${dir}/${f.name}` });
        left.add(tmp);
        await this.writeFile(sftp, tmp, f.data, f.mode);
      }
      for (const { tmp, final } of temporary) {
        await this.rename(sftp, tmp, final);
        left.delete(tmp);
      }
    } finally {
      for (const tmp of left) await this.request('removing a temporary file', (cb) => sftp.unlink(tmp, cb)).catch(() => undefined);
    }
  }

  /**
   * Runs `command` through the login's shell with `stdin`, waiting at most `timeoutMs`. A
   * command still running then is sent KILL (servers that take signal requests) and its channel
   * closed.
   */
  exec(command: string, stdin: string, timeoutMs: number): Promise<RemoteExit> {
    return new Promise<RemoteExit>((resolve) => {
      let stderr = Buffer.alloc(0);
      const tail = () => stderr.toString('utf8').replace(/^[\s\S]*?(?=[^\uFFFD])/, '').trim();
      let settled = false;
      let stream: ClientChannel | undefined;
      const finish = (exit: RemoteExit) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(exit);
      };
      const timer = setTimeout(() => {
        try {
          stream?.signal('KILL');
          stream?.close();
        } catch {
          // The channel is gone already.
        }
        finish({ kind: 'timeout', stderr: tail() });
      }, timeoutMs);
      if (this.broken) return finish({ kind: 'lost', message: this.broken.message, stderr: '' });
      const onClose = () => finish({ kind: 'lost', message: 'the connection closed while the command ran', stderr: tail() });
      this.client.once('close', onClose);
      this.client.exec(command, (err, channel) => {
        if (err) return finish({ kind: 'lost', message: `the command could not be started (${err.message.slice(0, 200)})`, stderr: '' });
        stream = channel;
        let exitCode: number | null = null;
        let signal: string | null = null;
        channel.on('exit', (code: number | null, sig?: string) => {
          exitCode = code;
          signal = sig ?? null;
        });
        channel.on('data', () => undefined);
        channel.stderr.on('data', (chunk: Buffer) => {
          stderr = Buffer.concat([stderr, chunk]);
          if (stderr.length > remoteStderrMaxBytes) stderr = stderr.subarray(stderr.length - remoteStderrMaxBytes);
        });
        channel.on('close', () => {
          this.client.off('close', onClose);
          if (signal !== null) finish({ kind: 'signal', signal, stderr: tail() });
          else if (exitCode === 0) finish({ kind: 'ok', stderr: tail() });
          else if (exitCode !== null) finish({ kind: 'exit', exitCode, stderr: tail() });
          else finish({ kind: 'lost', message: 'the command ended without an exit status', stderr: tail() });
        });
        channel.on('error', () => undefined);
        channel.end(stdin);
      });
    });
  }

  close(): void {
    this.broken ??= new AppError('ssh_connect_failed', `ssh host ${this.where}: the session was closed`, { retryable: true });
    this.client.end();
    // A peer that never answers the close would keep the socket: it goes at once.
    setImmediate(() => this.client.destroy());
  }

  private async writeFile(sftp: SFTPWrapper, path: string, data: Buffer, mode: number): Promise<void> {
    const handle = await this.request<Buffer>(`creating ${path}`, (cb) => sftp.open(path, 'wx', { mode }, cb));
    try {
      const chunk = 32 * 1024;
      for (let offset = 0; offset < data.length; offset += chunk) {
        const length = Math.min(chunk, data.length - offset);
        await this.request(`writing ${path}`, (cb) => sftp.write(handle, data, offset, length, offset, (err) => cb(err)));
      }
      // The server's umask may have narrowed the mode given at creation.
      await this.request(`setting the mode of ${path}`, (cb) => sftp.fchmod(handle, mode, cb));
      // A server without fsync@openssh.com (or denying it): its close is what we have.
      await this.request(`syncing ${path}`, (cb) => {
        try {
          sftp.ext_openssh_fsync(handle, cb);
        } catch {
          cb(undefined);
        }
      }).catch((err: unknown) => {
        if (!extensionRefused(err)) throw err;
      });
    } finally {
      await this.request(`closing ${path}`, (cb) => sftp.close(handle, cb)).catch(() => undefined);
    }
  }

  private async rename(sftp: SFTPWrapper, from: string, to: string): Promise<void> {
    let posix = true;
    try {
      await this.request(`renaming to ${to}`, (cb) => {
        try {
          sftp.ext_openssh_rename(from, to, cb);
        } catch {
          // The server does not offer posix-rename@openssh.com (ssh2 throws before sending anything).
          posix = false;
          cb(undefined);
        }
      });
    } catch (err) {
      if (!extensionRefused(err)) throw err;
      posix = false;
    }
    if (posix) return;
    try {
      await this.request(`renaming to ${to}`, (cb) => sftp.rename(from, to, cb));
    } catch {
      await this.request(`replacing ${to}`, (cb) => sftp.unlink(to, cb)).catch(() => undefined);
      await this.request(`renaming to ${to}`, (cb) => sftp.rename(from, to, cb));
    }
  }

  private async kindOf(path: string, sftp: SFTPWrapper): Promise<'directory' | 'other' | 'missing'> {
    try {
      const stats = await this.request<Stats>(`looking at ${path}`, (cb) => sftp.stat(path, cb));
      return stats.isDirectory() ? 'directory' : 'other';
    } catch (err) {
      if ((err as { cause?: { code?: unknown } }).cause?.code === SFTP_NO_SUCH_FILE) return 'missing';
      throw err;
    }
  }

  /**
   * One request, bounded by the operation timeout: a server that stops answering fails it, and
   * the connection is dropped so that nothing else waits on it.
   */
  private request<T>(what: string, start: (cb: (err: Error | null | undefined, value?: T) => void) => void): Promise<T> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        this.broken ??= new AppError('ssh_connect_failed', `ssh host ${this.where}: ${what} got no answer within ${this.operationTimeoutMs / 1000} s`, { retryable: true });
        this.client.destroy();
        reject(this.broken);
      }, this.operationTimeoutMs);
      start((err, value) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) reject(this.broken ?? writeFailed(what, err));
        else resolve(value as T);
      });
    });
  }
}
