import type { Organization } from '../domain/organization.js';
import type { Page, PageResult } from './page.js';

/** Organizations (tenants). */
export interface OrganizationRepository {
  insert(org: Organization): Promise<Organization>;
  get(id: string): Promise<Organization | undefined>;
  list(page: Page): Promise<PageResult<Organization>>;
  /** Disables (at) or enables (null) the organization; undefined when it does not exist. */
  setDisabled(id: string, at: Date | null): Promise<Organization | undefined>;
}
