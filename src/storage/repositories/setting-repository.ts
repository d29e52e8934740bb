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

  async deleteIfEquals(key: string, value: string): Promise<boolean> {
    const result = await this.db.deleteFrom('settings').where('key', '=', key).where('value', '=', value).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async delete(key: string): Promise<void> {
    await this.db.deleteFrom('settings').where('key', '=', key).execute();
  }
}
