/** Deployment-wide settings: text values by key. */
export interface SettingRepository {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}
