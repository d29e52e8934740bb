import type { Role } from '../domain/role.js';
import type { ApiKeyRecord } from '../ports/api-key-repository.js';

/** Who is calling: an authenticated API key. */
export interface Principal {
  keyId: string;
  superuser: boolean;
  organizationId: string | null;
  projectId: string | null;
  role: Role;
}

const roleRank: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export function roleAtLeast(role: Role, min: Role): boolean {
  return roleRank[role] >= roleRank[min];
}

export function principalOf(key: ApiKeyRecord): Principal {
  return { keyId: key.id, superuser: key.superuser, organizationId: key.organizationId, projectId: key.projectId, role: key.role };
}

/** The audit actor string for a principal. */
export function actorOf(principal: Principal | 'system' | 'cli'): string {
  return typeof principal === 'string' ? principal : `api_key:${principal.keyId}`;
}
