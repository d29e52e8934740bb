import type { Organization } from '../../domain/organization.js';
import type { OrganizationRepository } from '../../ports/organization-repository.js';
import type { Page, PageResult } from '../../ports/page.js';
import type { Executor, OrganizationsTable } from '../database.js';
import { pageWindow } from './paging.js';

function toOrganization(row: OrganizationsTable): Organization {
  return { id: row.id, name: row.name, createdAt: new Date(Number(row.created_at)), disabledAt: row.disabled_at == null ? null : new Date(Number(row.disabled_at)) };
}

/** Organizations, listed oldest first. */
export class KyselyOrganizationRepository implements OrganizationRepository {
  constructor(private readonly db: Executor) {}

  async insert(org: Organization): Promise<Organization> {
    await this.db.insertInto('organizations').values({ id: org.id, name: org.name, created_at: org.createdAt.getTime() }).execute();
    return { ...org };
  }

  async get(id: string): Promise<Organization | undefined> {
    const row = await this.db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toOrganization(row);
  }

  async setDisabled(id: string, at: Date | null): Promise<Organization | undefined> {
    await this.db.updateTable('organizations').set({ disabled_at: at === null ? null : at.getTime() }).where('id', '=', id).execute();
    return this.get(id);
  }

  async list(page: Page): Promise<PageResult<Organization>> {
    const { limit, offset } = pageWindow(page);
    const [rows, total] = await Promise.all([
      this.db.selectFrom('organizations').selectAll().orderBy('created_at').orderBy('id').limit(limit).offset(offset).execute(),
      this.db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toOrganization), totalCount: Number(total.n) };
  }
}
