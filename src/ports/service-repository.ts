import type { AutocertStatus, CertType, Service, ServiceDomain } from '../domain/service-domain.js';
import type { Page, PageResult } from './page.js';

/** A service to insert; the store assigns its id. */
export type NewService = Omit<Service, 'id'>;

/** The fields of a domain that change after it is added; a field left out is kept. */
export interface ServiceDomainPatch {
  certificateId?: number | null;
  certType?: CertType;
  autocertStatus?: AutocertStatus | null;
  autocertRequestedAt?: Date | null;
}

/**
 * Services and their domains. A domain's `certificateId` is cleared by the database when its
 * certificate is deleted (foreign key ON DELETE SET NULL), and a `manual` domain without a
 * certificate reads as `none`: no delete path has to know about services.
 */
export interface ServiceRepository {
  /** Inserts a service; the store assigns its integer id (unique in the deployment). */
  insert(service: NewService): Promise<Service>;
  get(id: number): Promise<Service | undefined>;
  /** A project's services, oldest first. */
  list(projectId: string, page: Page): Promise<PageResult<Service>>;
  /** Deletes the service and all its domains. */
  delete(id: number): Promise<void>;
  /** Adds a domain (certType none); AppError('domain_already_exists') when the service has it. */
  insertDomain(domain: Omit<ServiceDomain, 'certificateId' | 'certType' | 'autocertStatus' | 'autocertRequestedAt'>): Promise<ServiceDomain>;
  getDomain(serviceId: number, domain: string): Promise<ServiceDomain | undefined>;
  /** A service's domains, by name. */
  listDomains(serviceId: number, page: Page): Promise<PageResult<ServiceDomain>>;
  /** Changes a domain; undefined when the service has no such domain. */
  updateDomain(serviceId: number, domain: string, patch: ServiceDomainPatch): Promise<ServiceDomain | undefined>;
  /** Sets the auto request status of every domain whose auto certificate this is; returns how many. */
  setAutocertStatusOf(certificateId: number, status: AutocertStatus): Promise<number>;
  /** true when the domain existed. */
  deleteDomain(serviceId: number, domain: string): Promise<boolean>;
}
