import type { Project } from '../../domain/project.js';
import type { Page, PageResult } from '../../ports/page.js';
import type { ProjectRepository } from '../../ports/project-repository.js';
import type { Executor, ProjectsTable } from '../database.js';
import { pageWindow } from './paging.js';

function toProject(row: ProjectsTable): Project {
  return { id: row.id, organizationId: row.organization_id, name: row.name, createdAt: new Date(Number(row.created_at)) };
}

/** Projects, listed oldest first. */
export class KyselyProjectRepository implements ProjectRepository {
  constructor(private readonly db: Executor) {}

  async insert(project: Project): Promise<Project> {
    await this.db
      .insertInto('projects')
      .values({ id: project.id, organization_id: project.organizationId, name: project.name, created_at: project.createdAt.getTime() })
      .execute();
    return { ...project };
  }

  async get(id: string): Promise<Project | undefined> {
    const row = await this.db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toProject(row);
  }

  async list(page: Page, organizationId?: string): Promise<PageResult<Project>> {
    const { limit, offset } = pageWindow(page);
    let rows = this.db.selectFrom('projects').selectAll();
    let count = this.db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n'));
    if (organizationId !== undefined) {
      rows = rows.where('organization_id', '=', organizationId);
      count = count.where('organization_id', '=', organizationId);
    }
    const [items, total] = await Promise.all([
      rows.orderBy('created_at').orderBy('id').limit(limit).offset(offset).execute(),
      count.executeTakeFirstOrThrow(),
    ]);
    return { items: items.map(toProject), totalCount: Number(total.n) };
  }

  async listCovered(page: Page, covered: { organizationIds: readonly string[]; projectIds: readonly string[] }): Promise<PageResult<Project>> {
    const { organizationIds, projectIds } = covered;
    if (organizationIds.length === 0 && projectIds.length === 0) return { items: [], totalCount: 0 };
    const { limit, offset } = pageWindow(page);
    const rows = this.db
      .selectFrom('projects')
      .selectAll()
      .where((eb) => eb.or([...(organizationIds.length ? [eb('organization_id', 'in', [...organizationIds])] : []), ...(projectIds.length ? [eb('id', 'in', [...projectIds])] : [])]));
    const count = this.db
      .selectFrom('projects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([...(organizationIds.length ? [eb('organization_id', 'in', [...organizationIds])] : []), ...(projectIds.length ? [eb('id', 'in', [...projectIds])] : [])]));
    const [items, total] = await Promise.all([rows.orderBy('created_at').orderBy('id').limit(limit).offset(offset).execute(), count.executeTakeFirstOrThrow()]);
    return { items: items.map(toProject), totalCount: Number(total.n) };
  }
}
