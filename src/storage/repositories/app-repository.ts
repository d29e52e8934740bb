import type { Kysely } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import type { ApnsEnvironment, App, AppCertificateBinding, AppPlatform, PushPlatform } from '../../domain/app.js';
import type { AppBindingWithExpiry, AppRepository, AppScope, NewApp } from '../../ports/app-repository.js';
import type { Page, PageResult } from '../../ports/page.js';
import type { AppsTable, Database, Executor } from '../database.js';
import { pageWindow } from './paging.js';

/** How many random app keys an insert tries before giving up (8 digits: a collision is rare). */
const APP_KEY_TRIES = 8;

function toApp(row: AppsTable): App {
  return {
    id: row.id,
    projectId: row.project_id,
    organizationId: row.organization_id,
    appId: row.app_id,
    appKey: Number(row.app_key),
    name: row.name,
    platforms: JSON.parse(row.platforms) as AppPlatform[],
    createdAt: new Date(Number(row.created_at)),
  };
}

/** Apps and their APNs certificate bindings (migration 0004). */
export class KyselyAppRepository implements AppRepository {
  private readonly db: Kysely<Database>;

  constructor(db: Executor) {
    this.db = db;
  }

  async insert(app: NewApp, nextAppKey: () => number): Promise<App> {
    for (let i = 0; i < APP_KEY_TRIES; i++) {
      const appKey = nextAppKey();
      const row = await this.db
        .insertInto('apps')
        .values({
          id: app.id,
          project_id: app.projectId,
          organization_id: app.organizationId,
          app_id: app.appId,
          app_key: appKey,
          name: app.name,
          platforms: JSON.stringify(app.platforms),
          created_at: app.createdAt.getTime(),
        })
        // A taken appId or app key loses here without aborting a PostgreSQL transaction.
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) return { ...app, appKey };
      if (await this.findByAppId(app.organizationId, app.appId)) {
        throw new AppError('app_already_exists', `an app with appId ${app.appId} already exists in the organization`);
      }
    }
    throw new AppError('internal_error', `no free app key after ${APP_KEY_TRIES} tries`);
  }

  async findByAppId(organizationId: string, appId: string): Promise<App | undefined> {
    const row = await this.db.selectFrom('apps').selectAll().where('organization_id', '=', organizationId).where('app_id', '=', appId).executeTakeFirst();
    return row && toApp(row);
  }

  async findByAppKey(appKey: number): Promise<App | undefined> {
    const row = await this.db.selectFrom('apps').selectAll().where('app_key', '=', appKey).executeTakeFirst();
    return row && toApp(row);
  }

  async list(projectId: string, page: Page): Promise<PageResult<App>> {
    const { limit, offset } = pageWindow(page);
    const [rows, total] = await Promise.all([
      this.db.selectFrom('apps').selectAll().where('project_id', '=', projectId).orderBy('app_id').orderBy('id').limit(limit).offset(offset).execute(),
      this.db.selectFrom('apps').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toApp), totalCount: Number(total.n) };
  }

  async listInScope(scope: AppScope, appId?: string): Promise<App[]> {
    let q = this.db.selectFrom('apps').selectAll();
    if (scope.organizationId !== undefined) q = q.where('organization_id', '=', scope.organizationId);
    if (scope.projectId !== undefined) q = q.where('project_id', '=', scope.projectId);
    if (appId !== undefined) q = q.where('app_id', '=', appId);
    const rows = await q.orderBy('app_id').orderBy('project_id').execute();
    return rows.map(toApp);
  }

  async delete(id: string): Promise<boolean> {
    // The bindings go with it (ON DELETE CASCADE); deleted explicitly too, so the outcome does
    // not depend on SQLite's foreign_keys pragma.
    await this.db.deleteFrom('app_certificate_bindings').where('app_uuid', '=', id).execute();
    const result = await this.db.deleteFrom('apps').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async putBinding(binding: AppCertificateBinding): Promise<void> {
    await this.db
      .insertInto('app_certificate_bindings')
      .values({
        app_uuid: binding.appUuid,
        platform: binding.platform,
        environment: binding.environment,
        certificate_id: binding.certificateId,
        bound_at: binding.boundAt.getTime(),
      })
      .onConflict((oc) =>
        oc.columns(['app_uuid', 'platform', 'environment']).doUpdateSet({ certificate_id: binding.certificateId, bound_at: binding.boundAt.getTime() }),
      )
      .execute();
  }

  async listBindings(appUuids: readonly string[]): Promise<AppBindingWithExpiry[]> {
    const rows: Array<{ app_uuid: string; platform: string; environment: string; certificate_id: number; bound_at: number; not_after: number }> = [];
    // In chunks: SQLite binds at most 32766 parameters per statement.
    for (let i = 0; i < appUuids.length; i += 500) rows.push(...(await this.bindingRows(appUuids.slice(i, i + 500))));
    const platformRank = (p: string) => (p === 'iPhone' ? 0 : 1);
    const envRank = (e: string) => (e === 'production' ? 0 : 1);
    return rows
      .map((r) => ({
        appUuid: r.app_uuid,
        platform: r.platform as PushPlatform,
        environment: r.environment as ApnsEnvironment,
        certificateId: Number(r.certificate_id),
        boundAt: new Date(Number(r.bound_at)),
        notAfter: new Date(Number(r.not_after)),
      }))
      .sort((a, b) => (a.appUuid < b.appUuid ? -1 : a.appUuid > b.appUuid ? 1 : platformRank(a.platform) - platformRank(b.platform) || envRank(a.environment) - envRank(b.environment)));
  }

  async deleteBinding(appUuid: string, platform: PushPlatform, environment: ApnsEnvironment): Promise<boolean> {
    const result = await this.db
      .deleteFrom('app_certificate_bindings')
      .where('app_uuid', '=', appUuid)
      .where('platform', '=', platform)
      .where('environment', '=', environment)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  private bindingRows(appUuids: readonly string[]) {
    return this.db
      .selectFrom('app_certificate_bindings as b')
      // The inner join drops a binding whose certificate is gone, whatever the foreign keys did.
      .innerJoin('certificates as c', 'c.id', 'b.certificate_id')
      .select(['b.app_uuid', 'b.platform', 'b.environment', 'b.certificate_id', 'b.bound_at', 'c.not_after'])
      .where('b.app_uuid', 'in', [...appUuids])
      .execute();
  }
}
