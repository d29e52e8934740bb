import path from 'node:path';
import { AppError } from '../../../domain/app-error.js';
import type { AddressPolicy } from '../../../net/address-policy.js';
import type { DnsChallengeSolver } from '../../../ports/issuer.js';
import type { DnsProviderSettings } from '../../../ports/managed-certificate-repository.js';
import { ExecHookSolver } from './exec-hook-solver.js';
import { Rfc2136Solver } from './rfc2136-solver.js';
import type { TsigAlgorithm } from './tsig.js';

/**
 * Builds a project's DNS-01 solver from its stored settings. An exec hook is a file name inside
 * the operator's `CERTKEEPER_DNS_HOOK_DIR`: an API caller can pick a hook, never run an
 * arbitrary command on the server. An RFC 2136 server is a project admin's choice, so its
 * connections go through the outbound `policy`.
 */
export function dnsSolverFactory(hookDir: string | undefined, policy: AddressPolicy) {
  return (provider: DnsProviderSettings, secret: Buffer | null): DnsChallengeSolver => {
    const s = provider.settings;
    if (provider.type === 'rfc2136') {
      return new Rfc2136Solver({
        server: String(s.server ?? ''),
        port: s.port === undefined ? undefined : Number(s.port),
        zone: s.zone === undefined || s.zone === null ? undefined : String(s.zone),
        tsig: { name: String(s.keyName ?? ''), algorithm: String(s.algorithm ?? 'hmac-sha256') as TsigAlgorithm, secret: secret?.toString('utf8') ?? '' },
        policy,
      });
    }
    if (provider.type === 'exec') {
      if (!hookDir) throw new AppError('dns_provider_invalid', 'exec hooks are disabled on this server (CERTKEEPER_DNS_HOOK_DIR is not set)');
      const name = String(s.hook ?? '');
      if (!/^[A-Za-z0-9._-]+$/.test(name) || name.startsWith('.')) throw new AppError('dns_provider_invalid', 'hook must be a file name in the server\'s hook directory');
      return new ExecHookSolver({ command: path.join(path.resolve(hookDir), name) });
    }
    throw new AppError('dns_provider_invalid', `unknown DNS provider type ${String(provider.type)}`);
  };
}
