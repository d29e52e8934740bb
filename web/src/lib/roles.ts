/**
 * What the signed-in person may do in a project: the higher of their organization-wide and
 * project memberships (a superuser may do everything). The console shows only the actions the
 * role allows; the server checks again on every request.
 */

export type Role = 'viewer' | 'editor' | 'admin';
const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export interface Membership {
  organizationId: string;
  projectId: string | null;
  role: string;
}

const isRole = (r: string): r is Role => r in RANK;

/** The role in a project of an organization, or undefined with no membership covering it. */
export function roleIn(memberships: readonly Membership[], superuser: boolean, organizationId: string | undefined, projectId: string): Role | undefined {
  if (superuser) return 'admin';
  let best: Role | undefined;
  for (const m of memberships) {
    const covers = m.projectId === projectId || (m.projectId === null && organizationId !== undefined && m.organizationId === organizationId);
    if (!covers || !isRole(m.role)) continue;
    if (best === undefined || RANK[m.role] > RANK[best]) best = m.role;
  }
  return best;
}

export function atLeast(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && RANK[role] >= RANK[needed];
}
