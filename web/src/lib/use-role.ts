import type { Me } from '../api/auth.js';
import { useProjects } from './projects.js';
import { roleIn, type Role } from './roles.js';

/** The signed-in person's role in a project (undefined while the projects load or without one). */
export function useRole(me: Me, projectId: string): Role | undefined {
  const project = useProjects().projects.find((p) => p.id === projectId);
  return roleIn(me.memberships, me.user.superuser, project?.organizationId, projectId);
}
