/**
 * The `ssh` deployment target: files written on another machine over SFTP, in certbot's
 * layout, then a reload command run there over SSH.
 */
// ssh2 is CommonJS: Node's ESM loader finds only some of its named exports.
import ssh2 from 'ssh2';
import { AppError, isAppError } from '../domain/app-error.js';
import { segmentProblem } from '../domain/deployment.js';
import { checkHostName, connectableHost } from '../domain/host-name.js';
import type { AddressPolicy } from '../net/address-policy.js';
import type { DeployBatchOutcome, Deployer, DeployerSecret, DeployerSettings, DeployItem, DeployItemOutcome, DeployTarget } from '../ports/deployer.js';
import { certbotFileNames, certbotFiles } from './certbot-files.js';
import { openSshSession, sshFingerprint, type RemoteExit, type SshSession } from './ssh-session.js';

export interface SshDeployerOptions {
  /** Which hosts may be connected to: the server's one outbound policy. */
  policy: AddressPolicy;
  /** Items written at once over the batch's one connection, each writer on an SFTP channel of its own (default 8; OpenSSH allows 10 sessions per connection). */
  concurrency?: number;
}

const FIELDS = [
  'host',
  'port',
  'username',
  'hostKeySha256',
  'privateKey',
  'passphrase',
  'password',
  'directory',
  'reloadCommand',
  'reloadTimeoutSeconds',
  'connectTimeoutSeconds',
  'operationTimeoutSeconds',
  'pkcs12',
  'pkcs12Password',
] as const;

/** The fields sealed apart, never shown. */
const SECRET_FIELDS = ['privateKey', 'passphrase', 'password', 'pkcs12Password'] as const;

const DEFAULTS = { port: 22, reloadTimeoutSeconds: 60, connectTimeoutSeconds: 15, operationTimeoutSeconds: 30 };
const FINGERPRINT = /^SHA256:([A-Za-z0-9+/]{43})=?$/;
const USERNAME = /^[A-Za-z0-9._][A-Za-z0-9._@-]{0,63}$/;

/** The checked public config of an ssh target. */
export interface SshConfig {
  host: string;
  port: number;
  username: string;
  hostKeySha256: string;
  /** The fingerprint of the client key's public half (the key itself is sealed), or null with a password only. */
  publicKeySha256: string | null;
  directory: string;
  reloadCommand: string | null;
  reloadTimeoutSeconds: number;
  connectTimeoutSeconds: number;
  operationTimeoutSeconds: number;
  pkcs12: boolean;
}

function configInvalid(message: string): AppError {
  return new AppError('deployment_config_invalid', message);
}

/** A whole number within bounds, or the default when absent. */
function seconds(input: unknown, field: string, fallback: number, max: number): number {
  const value = input ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) throw configInvalid(`config.${field} must be a whole number of seconds from 1 to ${max}`);
  return value;
}

/** A secret text field: absent or null keeps nothing; else 1 to `max` characters. */
function secretText(input: unknown, field: string, max: number): string | undefined {
  if (input === undefined || input === null) return undefined;
  if (typeof input !== 'string' || input.length === 0 || input.length > max) throw configInvalid(`config.${field} must be 1 to ${max} characters`);
  return input;
}

/**
 * The remote directory: absolute, or relative to the login's home directory. No `..` part (a
 * target names where it writes, plainly), no control character or backslash; `.` and empty
 * parts are dropped. At most 1,024 characters and 32 levels.
 */
export function remoteDirectory(input: unknown): string {
  if (typeof input !== 'string' || input.trim() === '') throw configInvalid('config.directory is required: an absolute path on the host, or one relative to the login\'s home directory');
  if (input.length > 1024) throw new AppError('deployment_path_invalid', 'config.directory is longer than 1,024 characters');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(input)) throw new AppError('deployment_path_invalid', 'config.directory may not contain a control character or "\\"');
  const parts = input.split('/');
  if (parts.includes('..')) throw new AppError('deployment_path_invalid', 'config.directory may not contain ".."');
  const kept = parts.filter((p) => p !== '' && p !== '.');
  if (kept.length > 32) throw new AppError('deployment_path_invalid', 'config.directory is deeper than 32 levels');
  const absolute = input.startsWith('/');
  if (kept.length === 0 && !absolute) throw new AppError('deployment_path_invalid', 'config.directory names no directory: give a path such as certs or /etc/ssl/certkeeper');
  return (absolute ? '/' : '') + kept.join('/');
}

function checkHost(input: unknown): string {
  if (typeof input !== 'string' || input.trim() === '') throw configInvalid('config.host is required: the host name or IP address of the SSH server');
  const checked = checkHostName(input, connectableHost);
  if (checked.name === undefined) throw configInvalid(`config.host ${checked.problem}`);
  return checked.name;
}

/** Parses a private key (OpenSSH or PEM), opening it with the passphrase; answers its public key's fingerprint. */
function checkPrivateKey(key: string, passphrase: string | undefined): string {
  let parsed: ReturnType<typeof ssh2.utils.parseKey>;
  try {
    parsed = ssh2.utils.parseKey(key, passphrase);
  } catch {
    throw new AppError('ssh_private_key_invalid', 'config.privateKey could not be read');
  }
  if (parsed instanceof Error) {
    const m = parsed.message;
    if (/no passphrase/i.test(m)) throw new AppError('ssh_private_key_invalid', 'config.privateKey is encrypted: give config.passphrase');
    if (/decrypt|passphrase|bad decrypt|integrity/i.test(m)) throw new AppError('ssh_private_key_invalid', 'config.privateKey could not be opened with config.passphrase');
    throw new AppError('ssh_private_key_invalid', 'config.privateKey is not a private key in OpenSSH or PEM format');
  }
  const one = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!one || !one.isPrivateKey()) throw new AppError('ssh_private_key_invalid', 'config.privateKey is a public key: the private key is needed');
  return sshFingerprint(one.getPublicSSH());
}

/**
 * Writes `cert.pem`, `chain.pem`, `fullchain.pem` and `privkey.pem` (and `cert.p12` when asked)
 * into `<directory>/<deployment name>/` on the host over SFTP, each atomically (a temporary
 * file in the same folder, its mode set, synced, renamed over the old one with
 * `posix-rename@openssh.com`), then runs `reloadCommand` once for the batch over the same
 * connection, with one JSON line per certificate written on its stdin.
 *
 * The host key is pinned (`hostKeySha256`): another key refuses the connection during the key
 * exchange, before the client authenticates, so nothing is sent or written. The host goes
 * through the outbound address policy (src/net/address-policy.ts) like every connection made on
 * a project's behalf, and every step has a timeout: a host that does not answer fails the
 * deployment instead of holding the target's lease.
 */
export class SshDeployer implements Deployer {
  readonly type = 'ssh' as const;
  readonly fields: readonly string[] = FIELDS;
  private readonly concurrency: number;

  constructor(private readonly options: SshDeployerOptions) {
    this.concurrency = options.concurrency ?? 8;
  }

  async configure(input: Record<string, unknown>, stored: DeployerSecret | undefined): Promise<DeployerSettings> {
    const host = checkHost(input.host);
    const verdict = await this.options.policy.check(host);
    if (verdict.kind === 'refused') throw new AppError('ssh_host_forbidden', `config.host: ${verdict.message}`, { details: { host, address: verdict.address } });
    const port = input.port ?? DEFAULTS.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) throw configInvalid('config.port must be a port number from 1 to 65535');
    if (typeof input.username !== 'string' || !USERNAME.test(input.username)) {
      throw configInvalid('config.username is required: 1 to 64 letters, digits, ".", "_", "-" or "@", not starting with "-" or "@"');
    }
    if (input.hostKeySha256 === undefined || input.hostKeySha256 === null) {
      throw new AppError('ssh_host_key_invalid', 'config.hostKeySha256 is required: the SHA256 fingerprint of the server\'s host key, as `ssh-keyscan HOST | ssh-keygen -lf -` prints it (SHA256:…)');
    }
    const pin = typeof input.hostKeySha256 === 'string' ? FINGERPRINT.exec(input.hostKeySha256.trim()) : null;
    if (!pin) throw new AppError('ssh_host_key_invalid', 'config.hostKeySha256 must be an OpenSSH SHA256 fingerprint: "SHA256:" and 43 base64 characters');
    const directory = remoteDirectory(input.directory);

    let reloadCommand: string | null = null;
    if (input.reloadCommand !== undefined && input.reloadCommand !== null && input.reloadCommand !== '') {
      if (typeof input.reloadCommand !== 'string' || input.reloadCommand.length > 4096) throw configInvalid('config.reloadCommand must be a command line of at most 4,096 characters');
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(input.reloadCommand)) throw configInvalid('config.reloadCommand may not contain control characters other than tab and newline');
      reloadCommand = input.reloadCommand;
    }
    const reloadTimeoutSeconds = seconds(input.reloadTimeoutSeconds, 'reloadTimeoutSeconds', DEFAULTS.reloadTimeoutSeconds, 600);
    const connectTimeoutSeconds = seconds(input.connectTimeoutSeconds, 'connectTimeoutSeconds', DEFAULTS.connectTimeoutSeconds, 120);
    const operationTimeoutSeconds = seconds(input.operationTimeoutSeconds, 'operationTimeoutSeconds', DEFAULTS.operationTimeoutSeconds, 600);
    if (input.pkcs12 !== undefined && typeof input.pkcs12 !== 'boolean') throw configInvalid('config.pkcs12 must be true or false');
    const pkcs12 = input.pkcs12 === true;

    // Secrets: a field left out of an update keeps its stored value; null removes it.
    const keep = (field: (typeof SECRET_FIELDS)[number]) => (input[field] === undefined ? stored?.[field] : input[field]);
    const privateKey = secretText(keep('privateKey'), 'privateKey', 16_384);
    const passphrase = secretText(keep('passphrase'), 'passphrase', 1024);
    const password = secretText(keep('password'), 'password', 1024);
    const pkcs12Password = secretText(keep('pkcs12Password'), 'pkcs12Password', 128);
    if (privateKey === undefined && password === undefined) throw new AppError('ssh_credentials_missing', 'an ssh target needs config.privateKey (OpenSSH or PEM, with config.passphrase when encrypted) or config.password');
    if (passphrase !== undefined && privateKey === undefined) throw new AppError('ssh_credentials_missing', 'config.passphrase opens config.privateKey: give the key too');
    const publicKeySha256 = privateKey === undefined ? null : checkPrivateKey(privateKey, passphrase);
    if (pkcs12 && pkcs12Password === undefined) throw configInvalid('config.pkcs12 needs config.pkcs12Password (stored encrypted, never shown)');

    const secret: Record<string, string> = {};
    if (privateKey !== undefined) secret.privateKey = privateKey;
    if (passphrase !== undefined) secret.passphrase = passphrase;
    if (password !== undefined) secret.password = password;
    if (pkcs12Password !== undefined) secret.pkcs12Password = pkcs12Password;
    const config: SshConfig = {
      host,
      port,
      username: input.username,
      hostKeySha256: `SHA256:${pin[1]}`,
      publicKeySha256,
      directory,
      reloadCommand,
      reloadTimeoutSeconds,
      connectTimeoutSeconds,
      operationTimeoutSeconds,
      pkcs12,
    };
    return { config: { ...config }, secret };
  }

  storedInput(config: Record<string, unknown>, secret: DeployerSecret | undefined): Record<string, unknown> {
    // publicKeySha256 is derived from the key, not a field the API takes.
    const { publicKeySha256: _derived, ...fields } = config;
    return { ...fields, ...(secret ?? {}) };
  }

  async checkName(_target: DeployTarget, name: string): Promise<void> {
    const problem = segmentProblem(name);
    if (problem !== undefined) throw new AppError('deployment_path_invalid', `name "${name.slice(0, 100)}" ${problem}`);
  }

  async deploy(target: DeployTarget, items: readonly DeployItem[]): Promise<DeployBatchOutcome> {
    const config = target.config as unknown as SshConfig;
    const secret = target.secret ?? {};
    const everyItem = (error: AppError): DeployBatchOutcome => ({ items: items.map((i) => ({ deploymentId: i.deploymentId, location: null, error })), reload: { ran: false, error: null } });
    let session: SshSession;
    try {
      session = await openSshSession({
        host: config.host,
        port: config.port,
        username: config.username,
        hostKeySha256: config.hostKeySha256,
        privateKey: secret.privateKey,
        passphrase: secret.passphrase,
        password: secret.password,
        connectTimeoutMs: config.connectTimeoutSeconds * 1000,
        operationTimeoutMs: config.operationTimeoutSeconds * 1000,
        policy: this.options.policy,
        sftpChannels: Math.min(this.concurrency, items.length),
      });
    } catch (err) {
      return everyItem(isAppError(err) ? err : new AppError('ssh_connect_failed', `ssh host ${config.host}:${config.port} could not be reached`, { retryable: true, cause: err }));
    }
    try {
      try {
        await session.makeDirectories(config.directory);
      } catch (err) {
        return everyItem(asWriteError(err, `the directory ${config.directory} could not be made`));
      }
      const written: Array<{ item: DeployItem; folder: string }> = [];
      const outcomes: DeployItemOutcome[] = new Array(items.length);
      let next = 0;
      const worker = async (channel: number) => {
        while (next < items.length) {
          const index = next++;
          const item = items[index]!;
          const folder = joinRemote(config.directory, item.name);
          const location = `${config.host}:${folder}`;
          try {
            const problem = segmentProblem(item.name);
            if (problem !== undefined) throw new AppError('deployment_path_invalid', `name "${item.name}" ${problem}`);
            // The target's directory is there: only the item's own folder may be missing.
            await session.makeDirectory(folder, channel);
            const files = certbotFiles(item, config.pkcs12 ? (secret.pkcs12Password ?? '') : undefined);
            try {
              await session.writeFilesAtomically(folder, files, channel);
            } finally {
              files.forEach((f) => f.data.fill(0));
            }
            written.push({ item, folder });
            outcomes[index] = { deploymentId: item.deploymentId, location, error: null };
          } catch (err) {
            outcomes[index] = { deploymentId: item.deploymentId, location, error: asWriteError(err, `the files of ${folder} could not be written`) };
          }
        }
      };
      await Promise.all(Array.from({ length: session.channels }, (_, channel) => worker(channel)));
      if (config.reloadCommand === null || written.length === 0) return { items: outcomes, reload: { ran: false, error: null } };
      const stdin = written.map((w) => JSON.stringify(detailsOf(w.item, w.folder, config.pkcs12)) + '\n').join('');
      // The server may allow one connection few sessions (MaxSessions): the command needs one.
      await session.closeSftp();
      const exit = await session.exec(config.reloadCommand, stdin, config.reloadTimeoutSeconds * 1000);
      return { items: outcomes, reload: { ran: true, error: reloadError(exit, config) } };
    } finally {
      session.close();
    }
  }
}

/** `<directory>/<name>`, with `/` as the directory giving `/<name>`. */
function joinRemote(directory: string, name: string): string {
  return directory === '/' ? `/${name}` : `${directory}/${name}`;
}

function detailsOf(item: DeployItem, folder: string, pkcs12: boolean) {
  return {
    deploymentId: item.deploymentId,
    certificateId: item.certificateId,
    domain: item.domainName,
    fingerprintSha256: item.fingerprintSha256,
    directory: folder,
    certPath: `${folder}/${certbotFileNames.cert}`,
    chainPath: `${folder}/${certbotFileNames.chain}`,
    fullchainPath: `${folder}/${certbotFileNames.fullchain}`,
    keyPath: `${folder}/${certbotFileNames.privkey}`,
    ...(pkcs12 ? { pkcs12Path: `${folder}/${certbotFileNames.pkcs12}` } : {}),
  };
}

function asWriteError(err: unknown, message: string): AppError {
  return isAppError(err) ? err : new AppError('deployment_write_failed', message, { retryable: true, cause: err });
}

/**
 * The reload's outcome as the deployments' error: the message says how the command ended
 * (viewers and notification channels read it); the end of its stderr goes in `details.stderr`,
 * which the service keeps for the project's admins only (`lastError.hookStderr`).
 */
function reloadError(exit: RemoteExit, config: SshConfig): AppError | null {
  const fail = (message: string, details: Record<string, unknown>) => new AppError('ssh_reload_failed', message, { retryable: true, details: { ...details, stderr: exit.stderr } });
  switch (exit.kind) {
    case 'ok':
      return null;
    case 'exit':
      return fail(`the reload command exited with code ${exit.exitCode} on ${config.host}`, { exitCode: exit.exitCode });
    case 'signal':
      return fail(`the reload command was killed by SIG${exit.signal.replace(/^SIG/, '')} on ${config.host}`, { signal: exit.signal });
    case 'timeout':
      return fail(`the reload command did not finish within ${config.reloadTimeoutSeconds} s on ${config.host}: its channel was closed`, { timedOut: true });
    case 'lost':
      return fail(`the reload command failed on ${config.host}: ${exit.message}`, {});
  }
}
