/**
 * Deployment targets and deployments in words (pages/deployments.tsx and
 * components/certificate-deployments.tsx): where a target writes, which secrets it holds, a
 * deployment's status with its urgency, the form's fields turned into the API's body.
 */
import type { Urgency } from './status.js';

export type TargetType = 'local' | 'ssh' | 'agent';
export const TARGET_TYPES: [TargetType, string][] = [
  ['local', 'Local directory on the certkeeper server'],
  ['ssh', 'SSH (SFTP) to another host'],
  ['agent', 'Agent on a host that fetches its certificates'],
];

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** Where a target's files go: the directory, user@host:port directory, or "agent". */
export function targetWhere(type: string, config: Record<string, unknown>): string {
  if (type === 'local') return str(config.directory) ?? '';
  if (type === 'ssh') {
    const host = str(config.host) ?? '';
    const at = `${str(config.username) ? `${str(config.username)}@` : ''}${host.includes(':') ? `[${host}]` : host}${str(config.port) && str(config.port) !== '22' ? `:${str(config.port)}` : ''}`;
    return `${at} ${str(config.directory) ?? ''}`.trim();
  }
  if (type === 'agent') return 'agent';
  return '';
}

const SECRET_WORDS: Record<string, string> = {
  privateKey: 'private key set',
  passphrase: 'key passphrase set',
  password: 'password set',
  pkcs12Password: 'PKCS#12 password set',
};

/** The secrets a target holds, named, never their values. */
export function secretWords(fields: readonly string[]): string[] {
  return fields.map((f) => SECRET_WORDS[f] ?? `${f} set`);
}

export const DEPLOYMENT_STATUS_WORDS: Record<string, string> = { pending: 'Pending', deployed: 'Deployed', verified: 'Verified', failed: 'Failed' };
export function deploymentUrgency(status: string): Urgency {
  if (status === 'failed') return 'critical';
  if (status === 'pending') return 'pending';
  return 'ok';
}

/** The start of a SHA-256 fingerprint, as the certificate page's versions show it. */
export function shortFingerprint(hex: string | null | undefined): string {
  return hex ? `${hex.slice(0, 16).toLowerCase()}…` : '';
}

/** The command line to run on the agent's host (docs/deployment.md has the systemd unit that keeps the key out of `ps`). */
export function agentCommand(server: string, key: string, dir = '/etc/ssl/certkeeper'): string {
  return `certkeeper agent --server ${server} --key ${key} --dir ${dir}`;
}

export type TargetFields = Record<string, string>;

/** The create body of a target from the form's fields, or the problem in words. */
export function targetInput(type: TargetType, name: string, f: TargetFields): { name: string; type: TargetType; config: Record<string, unknown> } | string {
  const v = (k: string) => (f[k] ?? '').trim();
  if (!name.trim()) return 'A target name is required.';
  if (type === 'agent') return { name: name.trim(), type, config: {} };
  if (!v('directory')) return 'A directory is required.';
  if (type === 'local') return { name: name.trim(), type, config: { directory: v('directory'), ...(v('reloadHook') ? { reloadHook: v('reloadHook') } : {}) } };
  if (!v('host')) return 'A host is required.';
  if (!v('username')) return 'A username is required.';
  if (!v('hostKeySha256')) return 'The host key fingerprint is required (SHA256:…).';
  let port: number | undefined;
  if (v('port')) {
    port = Number(v('port'));
    if (!Number.isInteger(port) || port < 1 || port > 65535) return 'The port is a number from 1 to 65535.';
  }
  return {
    name: name.trim(),
    type,
    config: {
      host: v('host'),
      ...(port !== undefined ? { port } : {}),
      username: v('username'),
      hostKeySha256: v('hostKeySha256'),
      ...((f.privateKey ?? '').trim() ? { privateKey: f.privateKey!.trim() + '\n' } : {}),
      directory: v('directory'),
      ...(v('reloadCommand') ? { reloadCommand: v('reloadCommand') } : {}),
    },
  };
}
