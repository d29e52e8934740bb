import type { Generated, Kysely } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import type { AutocertStatus, CertType, Service, ServiceDomain } from '../../domain/service-domain.js';
import type { Page, PageResult } from '../../ports/page.js';
import type { NewService, ServiceDomainPatch, ServiceRepository } from '../../ports/service-repository.js';
import type { Database, Executor } from '../database.js';
import { pageWindow } from './paging.js';

/** The tables of migration 0003 as Kysely sees them. */
export interface ServicesTable {
  id: Generated<number>;
  project_id: string;
  name: string;
  created_at: number;
}

export interface ServiceDomainsTable {
  service_id: number;
  domain: string;
  certificate_id: number | null;
  cert_type: string;
  autocert_status: string | null;
  autocert_requested_at: number | null;
  created_at: number;
}

type ServiceDatabase = Database & { services: ServicesTable; service_domains: ServiceDomainsTable };

interface DomainRow {
  service_id: number;
  domain: string;
  /** The certificate's id from the join: null when none is attached or it no longer exists. */
  certificate_id: number | null;
  cert_type: string;
  autocert_status: string | null;
  autocert_requested_at: number | null;
  created_at: number;
}

function toService(row: { id: number; project_id: string; name: string; created_at: number }): Service {
  return { id: Number(row.id), projectId: row.project_id, name: row.name, createdAt: new Date(Number(row.created_at)) };
}

function toDomain(row: DomainRow): ServiceDomain {
  const certificateId = row.certificate_id === null ? null : Number(row.certificate_id);
  const stored = row.cert_type as CertType;
  return {
    serviceId: Number(row.service_id),
    domain: row.domain,
    certificateId,
    // A manual domain whose certificate is gone has none (ServiceRepository's contract).
    certType: stored === 'manual' && certificateId === null ? 'none' : stored,
    autocertStatus: row.autocert_status as AutocertStatus | null,
    autocertRequestedAt: row.autocert_requested_at === null ? null : new Date(Number(row.autocert_requested_at)),
    createdAt: new Date(Number(row.created_at)),
  };
}

/** Services and their domains (migration 0003). */
export class KyselyServiceRepository implements ServiceRepository {
  private readonly db: Kysely<ServiceDatabase>;

  constructor(db: Executor) {
    // The 0003 tables are declared here rather than in database.ts: only this repository reads them.
    this.db = db as unknown as Kysely<ServiceDatabase>;
  }

  async insert(service: NewService): Promise<Service> {
    const row = await this.db
      .insertInto('services')
      .values({ project_id: service.projectId, name: service.name, created_at: service.createdAt.getTime() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ...service, id: Number(row.id) };
  }

  async get(id: number): Promise<Service | undefined> {
    const row = await this.db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toService(row);
  }

  async list(projectId: string, page: Page): Promise<PageResult<Service>> {
    const { limit, offset } = pageWindow(page);
    const [rows, total] = await Promise.all([
      this.db.selectFrom('services').selectAll().where('project_id', '=', projectId).orderBy('id').limit(limit).offset(offset).execute(),
      this.db.selectFrom('services').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toService), totalCount: Number(total.n) };
  }

  async delete(id: number): Promise<void> {
    // The domains go with it (ON DELETE CASCADE); deleted explicitly too, so the outcome does
    // not depend on SQLite's foreign_keys pragma.
    await this.db.deleteFrom('service_domains').where('service_id', '=', id).execute();
    await this.db.deleteFrom('services').where('id', '=', id).execute();
  }

  async insertDomain(domain: Omit<ServiceDomain, 'certificateId' | 'certType' | 'autocertStatus' | 'autocertRequestedAt'>): Promise<ServiceDomain> {
    const row = await this.db
      .insertInto('service_domains')
      .values({
        service_id: domain.serviceId,
        domain: domain.domain,
        certificate_id: null,
        cert_type: 'none',
        autocert_status: null,
        autocert_requested_at: null,
        created_at: domain.createdAt.getTime(),
      })
      // A concurrent add of the same domain loses here, without aborting a PostgreSQL transaction.
      .onConflict((oc) => oc.columns(['service_id', 'domain']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('domain_already_exists', `service ${domain.serviceId} already has the domain ${domain.domain}`);
    return toDomain(row);
  }

  async getDomain(serviceId: number, domain: string): Promise<ServiceDomain | undefined> {
    const row = await this.domains().where('d.service_id', '=', serviceId).where('d.domain', '=', domain).executeTakeFirst();
    return row && toDomain(row);
  }

  async listDomains(serviceId: number, page: Page): Promise<PageResult<ServiceDomain>> {
    const { limit, offset } = pageWindow(page);
    const [rows, total] = await Promise.all([
      this.domains().where('d.service_id', '=', serviceId).orderBy('d.domain').limit(limit).offset(offset).execute(),
      this.db.selectFrom('service_domains').select((eb) => eb.fn.countAll<number>().as('n')).where('service_id', '=', serviceId).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toDomain), totalCount: Number(total.n) };
  }

  async updateDomain(serviceId: number, domain: string, patch: ServiceDomainPatch): Promise<ServiceDomain | undefined> {
    const set: Partial<ServiceDomainsTable> = {};
    if (patch.certificateId !== undefined) set.certificate_id = patch.certificateId;
    if (patch.certType !== undefined) set.cert_type = patch.certType;
    if (patch.autocertStatus !== undefined) set.autocert_status = patch.autocertStatus;
    if (patch.autocertRequestedAt !== undefined) set.autocert_requested_at = patch.autocertRequestedAt === null ? null : patch.autocertRequestedAt.getTime();
    if (Object.keys(set).length > 0) {
      const result = await this.db.updateTable('service_domains').set(set).where('service_id', '=', serviceId).where('domain', '=', domain).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return undefined;
    }
    return this.getDomain(serviceId, domain);
  }

  async setAutocertStatusOf(certificateId: number, status: AutocertStatus): Promise<number> {
    const result = await this.db
      .updateTable('service_domains')
      .set({ autocert_status: status })
      .where('certificate_id', '=', certificateId)
      .where('cert_type', '=', 'auto')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async deleteDomain(serviceId: number, domain: string): Promise<boolean> {
    const result = await this.db.deleteFrom('service_domains').where('service_id', '=', serviceId).where('domain', '=', domain).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Domains with their certificate id checked against the certificates table. */
  private domains() {
    return this.db
      .selectFrom('service_domains as d')
      // The join reads a dangling id as no certificate, whatever the foreign keys did.
      .leftJoin('certificates as c', 'c.id', 'd.certificate_id')
      .select(['d.service_id', 'd.domain', 'c.id as certificate_id', 'd.cert_type', 'd.autocert_status', 'd.autocert_requested_at', 'd.created_at']);
  }
}
