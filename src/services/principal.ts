import type { Role } from '../domain/role.js';
import type { ApiKeyRecord } from '../ports/api-key-repository.js';

/** A role in one project, or in every project of an organization (`projectId` null). */
export interface Grant {
  organizationId: string;
  projectId: string | null;
  role: Role;
}

/** An authenticated API key: one grant (its organization, project and role), or a superuser. */
export interface ApiKeyPrincipal {
  kind: 'api_key';
  keyId: string;
  superuser: boolean;
  /** null for a superuser key. */
  organizationId: string | null;
  /** null: every project of its organization. */
  projectId: string | null;
  role: Role;
}

/**
 * A deployment key: held by `certkeeper agent` on one `agent` target's host. It has no grants:
 * it may read only its target's deployments and their current versions and report outcomes
 * (the agent routes); the authentication plugin refuses it on every other route.
 */
export interface DeploymentKeyPrincipal {
  kind: 'deployment_key';
  keyId: string;
  superuser: false;
  organizationId: string;
  projectId: string;
  targetId: number;
}

/** A signed-in user (a session, or the command line acting for one): the grants of their memberships. */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  email: string;
  /** The session the request came with. */
  sessionId: string;
  superuser: boolean;
  /** The user's memberships, those in disabled organizations left out. */
  grants: readonly Grant[];
}

/** Who is calling. */
export type Principal = ApiKeyPrincipal | UserPrincipal | DeploymentKeyPrincipal;

const roleRank: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export function roleAtLeast(role: Role, min: Role): boolean {
  return roleRank[role] >= roleRank[min];
}

export function principalOf(key: ApiKeyRecord): ApiKeyPrincipal | DeploymentKeyPrincipal {
  if (key.deploymentTargetId != null && key.organizationId !== null && key.projectId !== null) {
    return { kind: 'deployment_key', keyId: key.id, superuser: false, organizationId: key.organizationId, projectId: key.projectId, targetId: key.deploymentTargetId };
  }
  return { kind: 'api_key', keyId: key.id, superuser: key.superuser, organizationId: key.organizationId, projectId: key.projectId, role: key.role };
}

/** What a principal may do where (empty for a superuser, who may do everything). */
export function grantsOf(principal: Principal): readonly Grant[] {
  if (principal.kind === 'user') return principal.grants;
  if (principal.kind === 'deployment_key' || principal.organizationId === null) return [];
  return [{ organizationId: principal.organizationId, projectId: principal.projectId, role: principal.role }];
}

/** The highest role the principal has in the project (a superuser: admin); null when it does not cover it. */
export function roleInProject(principal: Principal, project: { id: string; organizationId: string }): Role | null {
  if (principal.superuser) return 'admin';
  let best: Role | null = null;
  for (const g of grantsOf(principal)) {
    if (g.organizationId !== project.organizationId || (g.projectId !== null && g.projectId !== project.id)) continue;
    if (best === null || roleRank[g.role] > roleRank[best]) best = g.role;
  }
  return best;
}

/** The principal's organization-wide role in the organization (a superuser: admin); null when it has none. */
export function organizationRole(principal: Principal, organizationId: string): Role | null {
  if (principal.superuser) return 'admin';
  let best: Role | null = null;
  for (const g of grantsOf(principal)) {
    if (g.organizationId === organizationId && g.projectId === null && (best === null || roleRank[g.role] > roleRank[best])) best = g.role;
  }
  return best;
}

/** Whether the principal sees the organization at all (any grant in it). */
export function seesOrganization(principal: Principal, organizationId: string): boolean {
  return principal.superuser || grantsOf(principal).some((g) => g.organizationId === organizationId);
}

/** The audit actor string for a principal. */
export function actorOf(principal: Principal | 'system' | 'cli'): string {
  if (typeof principal === 'string') return principal;
  if (principal.kind === 'deployment_key') return `deployment_key:${principal.keyId}`;
  return principal.kind === 'user' ? `user:${principal.userId}` : `api_key:${principal.keyId}`;
}

/** How a refusal names who asked: "the key" or "your account". */
export function callerNoun(principal: Principal): string {
  return principal.kind === 'user' ? 'your account' : 'the key';
}
