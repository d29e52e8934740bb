/**
 * Deployment: certificates written where the servers that use them read them, and proof that
 * they are served. Pure; time is passed in.
 */

/** Where a target writes. Each type has its Deployer adapter (ports/deployer.ts). */
export type DeploymentTargetType = 'local' | 'ssh' | 'agent';
export const deploymentTargetTypes: readonly DeploymentTargetType[] = ['local', 'ssh', 'agent'];

/**
 * Types whose target fetches its certificates itself (`certkeeper agent` on the host, with the
 * target's deployment key): the server never pushes to them, the deployment stays `pending`
 * until the agent reports what it wrote.
 */
export const pullTargetTypes: readonly DeploymentTargetType[] = ['agent'];

/**
 * - `pending`: the certificate's current version is not on the target yet (just bound, a new
 *   version, a deploy asked for, or a managed certificate not issued yet);
 * - `deployed`: it was written and the target reloaded;
 * - `verified`: and every endpoint the deployment names serves it;
 * - `failed`: the last attempt at the current version failed (`lastError`), retried with backoff.
 */
export type DeploymentStatus = 'pending' | 'deployed' | 'verified' | 'failed';
export const deploymentStatuses: readonly DeploymentStatus[] = ['pending', 'deployed', 'verified', 'failed'];

/** Why the last attempt failed; `hookStderr` (the reload hook's stderr) is for admins only. */
export interface DeploymentError {
  code: string;
  message: string;
  hookStderr?: string;
}

/** What status a deployment shows, from what was stored and the certificate's current version. */
export function effectiveDeploymentStatus(
  d: { status: DeploymentStatus; deployedMaterialId: string | null; attemptedMaterialId: string | null; requestedAt: Date | null },
  currentMaterialId: string | null,
): DeploymentStatus {
  if (currentMaterialId === null) return 'pending';
  if (d.status === 'failed') return d.attemptedMaterialId === currentMaterialId ? 'failed' : 'pending';
  if (d.requestedAt !== null || d.deployedMaterialId !== currentMaterialId) return 'pending';
  return d.status;
}

/** The wait before the next attempt after `attempts` failed ones: 1 min, doubling, at most 1 h. */
export function deploymentBackoffMs(attempts: number, baseMs = 60_000, maxMs = 3_600_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,254}$/;

/**
 * Why a path segment (a folder or a file name under a target's directory) is refused, or
 * undefined: letters, digits, `.`, `_`, `-`, not starting with a dot (no `.`, `..` or hidden
 * files), at most 255 characters.
 */
export function segmentProblem(segment: string): string | undefined {
  if (segment === '') return 'has an empty part';
  if (segment === '.' || segment === '..') return `may not contain "${segment}"`;
  if (!SEGMENT.test(segment)) return 'may hold only letters, digits, ".", "_" and "-", and may not start with "." or "-"';
  return undefined;
}

/**
 * The segments of a relative directory (`certs/web`), or why it is refused: absolute paths,
 * backslashes, `..`, `.` and empty parts are. At most 16 levels and 1,024 characters.
 */
export function relativeDirectory(input: string): { segments: string[] } | { problem: string } {
  if (typeof input !== 'string' || input.length === 0) return { problem: 'must be a relative path under the deployment root' };
  if (input.length > 1024) return { problem: 'is longer than 1,024 characters' };
  if (input.startsWith('/')) return { problem: 'must be relative to the deployment root, not an absolute path' };
  if (input.includes('\\')) return { problem: 'may not contain "\\"' };
  const segments = input.replace(/\/+$/, '').split('/');
  if (segments.length > 16) return { problem: 'is deeper than 16 levels' };
  for (const s of segments) {
    const problem = segmentProblem(s);
    if (problem !== undefined) return { problem };
  }
  return { segments };
}

/** The folder a deployment gets by default: the certificate's domain name, a wildcard's `*` as `_`. */
export function defaultDeploymentName(domainName: string): string {
  return domainName.replace(/^\*\./, '_.');
}

/** A hook is a file name in the operator's hook directory: no slash, no `..`, not hidden. */
export function hookNameProblem(name: string): string | undefined {
  if (typeof name !== 'string' || !/^[A-Za-z0-9_][A-Za-z0-9._-]{0,254}$/.test(name)) return 'must be the file name of an executable in the server\'s hook directory (letters, digits, ".", "_", "-"; no "/" and not starting with ".")';
  return undefined;
}
