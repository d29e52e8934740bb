import type { SettingRepository } from '../../ports/setting-repository.js';
import type { Executor } from '../database.js';

/** A small key/value table for deployment-wide facts. */
export class KyselySettingRepository implements SettingRepository {
  constructor(private readonly db: Executor) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}
