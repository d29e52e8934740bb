/** Deployment-wide settings: text values by key. */
export interface SettingRepository {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  /** Deletes the setting if it holds `value`; whether it did (of several at once, one does). */
  deleteIfEquals(key: string, value: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}
