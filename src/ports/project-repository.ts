import type { Project } from '../domain/project.js';
import type { Page, PageResult } from './page.js';

/** Projects of organizations. */
export interface ProjectRepository {
  insert(project: Project): Promise<Project>;
  get(id: string): Promise<Project | undefined>;
  /** All projects (organizationId undefined) or those of one organization. */
  list(page: Page, organizationId?: string): Promise<PageResult<Project>>;
  /** The projects of any of the organizations and the projects named, oldest first. */
  listCovered(page: Page, covered: { organizationIds: readonly string[]; projectIds: readonly string[] }): Promise<PageResult<Project>>;
}
