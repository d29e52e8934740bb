/**
 * The `local` deployment target: files on the server's own machine, under the operator's
 * CERTKEEPER_DEPLOY_ROOT, in certbot's layout, then the operator's reload hook.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { AppError, isAppError } from '../domain/app-error.js';
import { hookNameProblem, relativeDirectory, segmentProblem } from '../domain/deployment.js';
import { baseHookEnv, isExecutableFile, runHook } from '../exec/run-hook.js';
import type { DeployBatchOutcome, Deployer, DeployerSecret, DeployerSettings, DeployItem, DeployItemOutcome, DeployTarget } from '../ports/deployer.js';
import { certbotFileNames, certbotFiles } from './certbot-files.js';
import { checkConfinedPath, makeConfinedDirectory, openConfinedDirectory, writeFilesAtomically, type FileToWrite } from './confined-directory.js';
import { resolveAccountId } from './system-accounts.js';

export interface LocalDeployerOptions {
  /** CERTKEEPER_DEPLOY_ROOT: undefined = local targets are refused. */
  root: string | undefined;
  /** CERTKEEPER_DEPLOY_HOOK_DIR: undefined = no reload hooks. */
  hookDir: string | undefined;
  /** Items written at once (default 32): each is a few small files and fsyncs, mostly waiting on the disk. */
  concurrency?: number;
}

/** The files of one deployment, in certbot's layout. */
export const localFiles = certbotFileNames;

const FIELDS = ['directory', 'reloadHook', 'reloadTimeoutSeconds', 'owner', 'group', 'pkcs12', 'pkcs12Password'] as const;
const DEFAULT_TIMEOUT_SECONDS = 60;

function configInvalid(message: string): AppError {
  return new AppError('deployment_config_invalid', message);
}

/** The checked public config of a local target. */
interface LocalConfig {
  directory: string;
  reloadHook: string | null;
  reloadTimeoutSeconds: number;
  owner: string | number | null;
  group: string | number | null;
  pkcs12: boolean;
}

/**
 * Writes `cert.pem`, `chain.pem`, `fullchain.pem` and `privkey.pem` (and `cert.p12` when asked)
 * into `<root>/<directory>/<deployment name>/`, each atomically (a temporary file in the same
 * directory, fsynced, renamed), `privkey.pem` and `cert.p12` with mode 0600 and the others
 * 0644, owned by `owner`/`group` when given. Paths are checked when a target or deployment is
 * saved and again before every write (confined-directory.ts). After a batch, runs
 * `<hook dir>/<reloadHook>` once with the batch's details in its environment (one
 * certificate) and on its stdin (one JSON line per certificate), within its timeout.
 */
export class LocalDeployer implements Deployer {
  readonly type = 'local' as const;
  readonly fields: readonly string[] = FIELDS;
  private readonly concurrency: number;

  constructor(private readonly options: LocalDeployerOptions) {
    this.concurrency = options.concurrency ?? 32;
  }

  async configure(input: Record<string, unknown>, stored: DeployerSecret | undefined): Promise<DeployerSettings> {
    const root = await this.root();
    const directory = input.directory;
    if (typeof directory !== 'string') throw configInvalid('config.directory is required: a path relative to the server\'s deployment root');
    const dir = relativeDirectory(directory);
    if ('problem' in dir) throw new AppError('deployment_path_invalid', `config.directory "${directory.slice(0, 100)}" ${dir.problem}`);
    await checkConfinedPath(root, dir.segments, `config.directory "${directory}"`);

    let reloadHook: string | null = null;
    if (input.reloadHook !== undefined && input.reloadHook !== null && input.reloadHook !== '') {
      if (typeof input.reloadHook !== 'string') throw configInvalid('config.reloadHook must be a file name');
      reloadHook = input.reloadHook;
      this.hookPath(reloadHook);
    }
    const timeout = input.reloadTimeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > 600) throw configInvalid('config.reloadTimeoutSeconds must be a whole number of seconds from 1 to 600');

    const owner = await checkAccount('user', input.owner, 'config.owner');
    const group = await checkAccount('group', input.group, 'config.group');
    if (input.pkcs12 !== undefined && typeof input.pkcs12 !== 'boolean') throw configInvalid('config.pkcs12 must be true or false');
    const pkcs12 = input.pkcs12 === true;
    let secret: DeployerSecret | undefined;
    const password = input.pkcs12Password ?? stored?.pkcs12Password;
    if (password !== undefined && password !== null) {
      if (typeof password !== 'string' || password.length === 0 || password.length > 128) throw configInvalid('config.pkcs12Password must be 1 to 128 characters');
      secret = { pkcs12Password: password };
    }
    if (pkcs12 && !secret) throw configInvalid('config.pkcs12 needs config.pkcs12Password (stored encrypted, never shown)');
    const config: LocalConfig = { directory: dir.segments.join('/'), reloadHook, reloadTimeoutSeconds: timeout, owner, group, pkcs12 };
    return { config: { ...config }, secret };
  }

  storedInput(config: Record<string, unknown>, secret: DeployerSecret | undefined): Record<string, unknown> {
    return { ...config, ...(secret?.pkcs12Password === undefined ? {} : { pkcs12Password: secret.pkcs12Password }) };
  }

  async checkName(target: DeployTarget, name: string): Promise<void> {
    const problem = segmentProblem(name);
    if (problem !== undefined) throw new AppError('deployment_path_invalid', `name "${name.slice(0, 100)}" ${problem}`);
    const root = await this.root();
    const config = target.config as unknown as LocalConfig;
    await checkConfinedPath(root, [...config.directory.split('/'), name], `${config.directory}/${name}`);
  }

  async deploy(target: DeployTarget, items: readonly DeployItem[]): Promise<DeployBatchOutcome> {
    const config = target.config as unknown as LocalConfig;
    const everyItem = (error: AppError): DeployBatchOutcome => ({ items: items.map((i) => ({ deploymentId: i.deploymentId, location: null, error })), reload: { ran: false, error: null } });
    let root: string;
    let owner: { uid: number; gid: number } | null;
    let hook: string | null;
    try {
      root = await this.root();
      // Checked again at every write: the hook directory, the accounts and the root may have changed since the target was saved.
      hook = config.reloadHook === null ? null : this.hookPath(config.reloadHook);
      owner = await ownerOf(config);
    } catch (err) {
      return everyItem(isAppError(err) ? err : writeFailed('the target could not be prepared', err));
    }
    const dir = relativeDirectory(config.directory);
    if ('problem' in dir) return everyItem(new AppError('deployment_path_invalid', `config.directory ${dir.problem}`));
    // The target's directory, made and checked once for the batch; each item's folder is checked again below it.
    let targetDir: string;
    try {
      targetDir = await makeConfinedDirectory(root, root, dir.segments, config.directory);
    } catch (err) {
      return everyItem(isAppError(err) ? err : writeFailed(`the directory ${config.directory} could not be made`, err));
    }

    const written: Array<{ item: DeployItem; dir: string; files: Record<string, string> }> = [];
    const outcomes: DeployItemOutcome[] = new Array(items.length);
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const index = next++;
        const item = items[index]!;
        const shown = `${config.directory}/${item.name}`;
        try {
          const problem = segmentProblem(item.name);
          if (problem !== undefined) throw new AppError('deployment_path_invalid', `name "${item.name}" ${problem}`);
          const files = await this.writeItem(root, targetDir, item, shown, config, target.secret, owner);
          written.push({ item, ...files });
          outcomes[index] = { deploymentId: item.deploymentId, location: shown, error: null };
        } catch (err) {
          outcomes[index] = { deploymentId: item.deploymentId, location: shown, error: isAppError(err) ? err : writeFailed(`the files of ${shown} could not be written`, err) };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, items.length) }, worker));

    if (!hook || written.length === 0) return { items: outcomes, reload: { ran: false, error: null } };
    const error = await this.reload(hook, config, target, targetDir, written);
    return { items: outcomes, reload: { ran: true, error } };
  }

  /** Opens the item's folder under the root and writes its files. */
  private async writeItem(root: string, targetDir: string, item: DeployItem, shown: string, config: LocalConfig, secret: DeployerSecret | undefined, owner: { uid: number; gid: number } | null) {
    const folder = await openConfinedDirectory(root, targetDir, [item.name], shown);
    try {
      const files: FileToWrite[] = certbotFiles(item, config.pkcs12 ? (secret?.pkcs12Password ?? '') : undefined);
      try {
        await writeFilesAtomically(folder, files, owner);
      } catch (err) {
        if (isAppError(err)) throw err;
        const code = (err as NodeJS.ErrnoException).code;
        // ELOOP: a link planted where a temporary file was to be made.
        if (code === 'ELOOP') throw new AppError('deployment_path_invalid', `${shown} holds a symbolic link where a file was to be written`);
        throw writeFailed(`the files of ${shown} could not be written`, err);
      } finally {
        files.forEach((f) => f.data.fill(0));
      }
      const real = folder.realPath;
      return {
        dir: real,
        files: Object.fromEntries(files.map((f) => [f.name, path.join(real, f.name)])),
      };
    } finally {
      await folder.close();
    }
  }

  private async reload(hook: string, config: LocalConfig, target: DeployTarget, targetDir: string, written: ReadonlyArray<{ item: DeployItem; dir: string; files: Record<string, string> }>): Promise<AppError | null> {
    const name = path.basename(hook);
    const detailsOf = (w: (typeof written)[number]) => ({
      deploymentId: w.item.deploymentId,
      certificateId: w.item.certificateId,
      domain: w.item.domainName,
      fingerprintSha256: w.item.fingerprintSha256,
      directory: w.dir,
      certPath: w.files[localFiles.cert],
      chainPath: w.files[localFiles.chain],
      fullchainPath: w.files[localFiles.fullchain],
      keyPath: w.files[localFiles.privkey],
      ...(config.pkcs12 ? { pkcs12Path: w.files[localFiles.pkcs12] } : {}),
    });
    const env: Record<string, string> = {
      ...baseHookEnv(),
      CERTKEEPER_DEPLOY_TARGET_ID: String(target.id),
      CERTKEEPER_DEPLOY_TARGET_NAME: target.name,
      CERTKEEPER_DEPLOY_DIRECTORY: targetDir,
      CERTKEEPER_DEPLOY_COUNT: String(written.length),
    };
    if (written.length === 1) {
      const d = detailsOf(written[0]!);
      Object.assign(env, {
        CERTKEEPER_DEPLOYMENT_ID: String(d.deploymentId),
        CERTKEEPER_CERTIFICATE_ID: String(d.certificateId),
        CERTKEEPER_DOMAIN: d.domain,
        CERTKEEPER_FINGERPRINT_SHA256: d.fingerprintSha256,
        CERTKEEPER_CERT_DIR: d.directory,
        CERTKEEPER_CERT_PATH: d.certPath,
        CERTKEEPER_CHAIN_PATH: d.chainPath,
        CERTKEEPER_FULLCHAIN_PATH: d.fullchainPath,
        CERTKEEPER_KEY_PATH: d.keyPath,
        ...(d.pkcs12Path ? { CERTKEEPER_PKCS12_PATH: d.pkcs12Path } : {}),
      });
    }
    const timeoutMs = config.reloadTimeoutSeconds * 1000;
    const stdin = written.map((w) => JSON.stringify(detailsOf(w)) + '\n').join('');
    const exit = await runHook({ command: hook, env, timeoutMs, stdin });
    const fail = (message: string, details: Record<string, unknown>, stderr: string) => new AppError('deploy_hook_failed', message, { retryable: true, details: { hook: name, ...details, stderr } });
    switch (exit.kind) {
      case 'ok':
        return null;
      case 'timeout':
        return fail(`the reload hook ${name} did not finish within ${config.reloadTimeoutSeconds} s and was killed`, { timedOut: true }, exit.stderr);
      case 'signal':
        return fail(`the reload hook ${name} was killed by ${exit.signal}`, { signal: exit.signal }, exit.stderr);
      case 'exit':
        return fail(`the reload hook ${name} exited with code ${exit.exitCode}`, { exitCode: exit.exitCode }, exit.stderr);
      case 'spawn-error':
        // The system's message names the path: only its code is shown.
        return fail(`the reload hook ${name} could not be started (${exit.code})`, {}, '');
    }
  }

  /** The root's real path; deploy_root_not_configured when there is none. */
  private async root(): Promise<string> {
    if (!this.options.root) throw new AppError('deploy_root_not_configured', 'local deployment targets are disabled on this server: CERTKEEPER_DEPLOY_ROOT is not set');
    try {
      return await realpath(this.options.root);
    } catch {
      throw new AppError('deploy_root_not_configured', "local deployment targets are unavailable: the server's CERTKEEPER_DEPLOY_ROOT does not exist");
    }
  }

  /** The hook's path in the hook directory, checked to be an executable file there. */
  private hookPath(name: string): string {
    if (!this.options.hookDir) throw new AppError('deploy_hooks_not_configured', 'reload hooks are disabled on this server: CERTKEEPER_DEPLOY_HOOK_DIR is not set');
    const problem = hookNameProblem(name);
    if (problem !== undefined) throw new AppError('deployment_hook_invalid', `config.reloadHook "${name.slice(0, 100)}" ${problem}`);
    const file = path.join(path.resolve(this.options.hookDir), name);
    // The file name only, never the operator's directory.
    if (!isExecutableFile(file)) throw new AppError('deployment_hook_invalid', `the reload hook ${name} is not an executable file in the server's hook directory`);
    return file;
  }
}

async function checkAccount(kind: 'user' | 'group', value: unknown, field: string): Promise<string | number | null> {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' && typeof value !== 'number') throw configInvalid(`${field} must be a ${kind} name or a numeric id`);
  if (typeof value === 'string' && !/^[A-Za-z0-9_][A-Za-z0-9._-]{0,31}$/.test(value)) throw configInvalid(`${field} must be a ${kind} name or a numeric id`);
  if ((await resolveAccountId(kind, value)) === undefined) throw configInvalid(`${field}: this machine has no ${kind} ${String(value)}`);
  return value;
}

async function ownerOf(config: LocalConfig): Promise<{ uid: number; gid: number } | null> {
  if (config.owner === null && config.group === null) return null;
  const uid = config.owner === null ? -1 : await resolveAccountId('user', config.owner);
  const gid = config.group === null ? -1 : await resolveAccountId('group', config.group);
  if (uid === undefined) throw writeFailed(`the owner ${String(config.owner)} no longer exists on this machine`);
  if (gid === undefined) throw writeFailed(`the group ${String(config.group)} no longer exists on this machine`);
  return { uid, gid };
}

function writeFailed(message: string, cause?: unknown): AppError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  // The system's message names absolute paths: only its code is shown.
  return new AppError('deployment_write_failed', code ? `${message} (${code})` : message, { cause });
}
