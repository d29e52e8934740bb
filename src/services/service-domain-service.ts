import { isIP } from 'node:net';
import { AppError } from '../domain/app-error.js';
import { checkHostName } from '../domain/host-name.js';
import { certificateCoversDomain, serviceDomainRules, type Service, type ServiceDomain } from '../domain/service-domain.js';
import type { Clock } from '../ports/clock.js';
import type { NewAuditEvent } from '../domain/audit-event.js';
import type { Project } from '../domain/project.js';
import type { Page, PageResult } from '../ports/page.js';
import type { Repositories, Store } from '../ports/store.js';
import type { AccessService } from './access-service.js';
import type { ManagedCertificateService } from './managed-certificate-service.js';
import { actorOf, type Principal } from './principal.js';

/**
 * Services and their domains (docs/api.md; SwiftFederation WAAP reads them): create, read and
 * delete services of a project, add and remove their domains, attach an inventory certificate
 * to a domain (only one whose names cover it) and detach it. Viewers read, editors change;
 * every change is recorded in the audit log in the same transaction.
 */
export class ServiceDomainService {
  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
    private readonly clock: Clock,
    /** Issues auto certificates; absent = autocert requests are refused. */
    private readonly managed?: ManagedCertificateService,
  ) {}

  async createService(principal: Principal, projectId: string, name: string): Promise<Service> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const trimmed = name.trim();
    if (!trimmed) throw new AppError('validation_failed', 'name must not be empty');
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const service = await tx.services.insert({ projectId: project.id, name: trimmed, createdAt: now });
      await tx.events.append(serviceEvent(principal, project, 'service.created', service.id, now, { name: trimmed }));
      return service;
    });
  }

  async listServices(principal: Principal, projectId: string, page: Page): Promise<PageResult<Service>> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    return this.store.services.list(project.id, page);
  }

  async getService(principal: Principal, projectId: string, serviceId: number): Promise<Service> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    return this.serviceIn(project, serviceId);
  }

  /** Deletes the service with all its domains; returns the deleted service. */
  async deleteService(principal: Principal, projectId: string, serviceId: number): Promise<Service> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const service = await tx.services.get(serviceId);
      if (!service || service.projectId !== project.id) throw serviceNotFound(serviceId);
      const domains = await tx.services.listDomains(serviceId, { pageIndex: 1, pageSize: 0 });
      await tx.services.delete(serviceId);
      await tx.events.append(serviceEvent(principal, project, 'service.deleted', serviceId, now, { name: service.name, domainCount: domains.totalCount }));
      return service;
    });
  }

  async addDomain(principal: Principal, projectId: string, serviceId: number, domainInput: string): Promise<ServiceDomain> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const domain = parseDomain(domainInput);
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const service = await tx.services.get(serviceId);
      if (!service || service.projectId !== project.id) throw serviceNotFound(serviceId);
      const added = await tx.services.insertDomain({ serviceId, domain, createdAt: now });
      await tx.events.append(serviceEvent(principal, project, 'service.domain_added', serviceId, now, { domain }));
      return added;
    });
  }

  async listDomains(principal: Principal, projectId: string, serviceId: number, page: Page): Promise<PageResult<ServiceDomain>> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    await this.serviceIn(project, serviceId);
    return this.store.services.listDomains(serviceId, page);
  }

  /** Removes the domain from the service; returns it as it was. */
  async deleteDomain(principal: Principal, projectId: string, serviceId: number, domainInput: string): Promise<ServiceDomain> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const { domain } = await this.domainIn(tx, project, serviceId, domainInput);
      await tx.services.deleteDomain(serviceId, domain.domain);
      await tx.events.append(serviceEvent(principal, project, 'service.domain_removed', serviceId, now, { domain: domain.domain, certificateId: domain.certificateId }));
      return domain;
    });
  }

  /**
   * Attaches an inventory certificate visible to the project (its own, or Organization-scoped
   * in its organization) to the domain, as a manual certificate. The certificate's names must
   * cover the domain (RFC 6125 §6.4.3), else `certificate_does_not_cover`.
   */
  async attachCertificate(principal: Principal, projectId: string, serviceId: number, domainInput: string, certificateId: number): Promise<ServiceDomain> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const { domain } = await this.domainIn(tx, project, serviceId, domainInput);
      const cert = await tx.certificates.findVisible(project.id, project.organizationId, certificateId);
      if (!cert) throw new AppError('certificate_not_found', `certificate ${certificateId} was not found`);
      if (!certificateCoversDomain(cert.sans, domain.domain)) {
        throw new AppError('certificate_does_not_cover', `certificate ${certificateId} (${cert.sans.join(', ') || cert.domainName}) does not cover ${domain.domain}`, {
          details: { domain: domain.domain, names: cert.sans },
        });
      }
      if (domain.certType === 'manual' && domain.certificateId === cert.id) return domain;
      const updated = await tx.services.updateDomain(serviceId, domain.domain, { certificateId: cert.id, certType: 'manual' });
      if (!updated) throw domainNotFound(serviceId, domain.domain);
      await tx.events.append(
        serviceEvent(principal, project, 'service.certificate_attached', serviceId, now, { domain: domain.domain, certificateId: cert.id, previousCertificateId: domain.certificateId, previousCertType: domain.certType }),
      );
      return updated;
    });
  }

  /** Detaches the domain's certificate (manual or auto): the domain has none afterwards. */
  async detachCertificate(principal: Principal, projectId: string, serviceId: number, domainInput: string): Promise<ServiceDomain> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const { domain } = await this.domainIn(tx, project, serviceId, domainInput);
      if (domain.certType === 'none' && domain.certificateId === null) return domain;
      // The auto request's status stays as history: SwiftFederation WAAP shows it next to a later manual certificate.
      const updated = await tx.services.updateDomain(serviceId, domain.domain, { certificateId: null, certType: 'none' });
      if (!updated) throw domainNotFound(serviceId, domain.domain);
      await tx.events.append(
        serviceEvent(principal, project, 'service.certificate_detached', serviceId, now, { domain: domain.domain, certificateId: domain.certificateId, previousCertType: domain.certType }),
      );
      return updated;
    });
  }

  /**
   * An automatic certificate for the domain (certType `auto`): certkeeper orders
   * one through ACME, with http-01 (its own responder) or, when the project has a DNS provider,
   * dns-01 (which a wildcard needs), attaches it, and renews it like any managed certificate.
   * Answers at once with the request `issuing`; it turns `issued` or `failed`. Asking again
   * while a request is issuing or issued changes nothing; after a failure it tries again.
   */
  async requestAutocert(principal: Principal, projectId: string, serviceId: number, domainInput: string, keyType?: string): Promise<{ domain: ServiceDomain; notes: string[] }> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    if (!this.managed) throw new AppError('validation_failed', 'this server does not issue certificates');
    const { domain } = await this.domainIn(this.store, project, serviceId, domainInput);
    if (isIP(domain.domain)) throw new AppError('validation_failed', `${domain.domain} is an IP address; automatic certificates are issued for domain names only`);
    const actor = actorOf(principal);
    if (domain.certType === 'auto' && domain.certificateId !== null) {
      if (domain.autocertStatus !== 'failed') return { domain, notes: [`An automatic certificate for ${domain.domain} is already ${domain.autocertStatus ?? 'requested'}; nothing changed.`] };
      if (await this.managed.retryInBackground(project, domain.certificateId, actor)) {
        return { domain: (await this.store.services.getDomain(serviceId, domain.domain))!, notes: ['The failed request is being tried again.'] };
      }
    }
    const settings = await this.store.managed.getProjectSettings(project.id);
    const challengeType = settings?.dnsProvider ? 'dns-01' : 'http-01';
    if (domain.domain.startsWith('*.') && challengeType === 'http-01') {
      throw new AppError('dns_provider_invalid', `${domain.domain} is a wildcard: it needs dns-01, and the project has no DNS provider (PUT …/projects/{id}/settings)`);
    }
    let attached: ServiceDomain | undefined;
    await this.managed.createIn(project, { domainName: domain.domain, challengeType, keyType }, actor, async (tx, rec) => {
      const now = this.clock.now();
      attached = await tx.services.updateDomain(serviceId, domain.domain, { certificateId: rec.id, certType: 'auto', autocertStatus: 'issuing', autocertRequestedAt: now });
      if (!attached) throw domainNotFound(serviceId, domain.domain);
      await tx.events.append(
        serviceEvent(principal, project, 'service.autocert_requested', serviceId, now, { domain: domain.domain, certificateId: rec.id, challengeType, previousCertificateId: domain.certificateId, previousCertType: domain.certType }),
      );
    });
    // The attempt may already have moved on (issued or failed) in the background.
    const current = (await this.store.services.getDomain(serviceId, domain.domain)) ?? attached!;
    return { domain: current, notes: [`certkeeper is requesting a certificate for ${domain.domain} with ${challengeType}; autocertRequestStatus turns issued or failed.`] };
  }

  private async serviceIn(project: Project, serviceId: number): Promise<Service> {
    const service = await this.store.services.get(serviceId);
    if (!service || service.projectId !== project.id) throw serviceNotFound(serviceId);
    return service;
  }

  /** The service (of this project) and its domain, read inside the transaction. */
  private async domainIn(tx: Pick<Repositories, 'services'>, project: Project, serviceId: number, domainInput: string): Promise<{ service: Service; domain: ServiceDomain }> {
    const service = await tx.services.get(serviceId);
    if (!service || service.projectId !== project.id) throw serviceNotFound(serviceId);
    const name = parseDomain(domainInput);
    const domain = await tx.services.getDomain(serviceId, name);
    if (!domain) throw domainNotFound(serviceId, name);
    return { service, domain };
  }
}

export function parseDomain(input: string): string {
  const checked = checkHostName(input, serviceDomainRules);
  if (checked.problem !== undefined) {
    throw new AppError('validation_failed', `domain "${input.slice(0, 260)}" ${checked.problem}; a domain is a host name, a wildcard *.example.com, or an IP address`);
  }
  return checked.name;
}

export function serviceNotFound(id: number): AppError {
  return new AppError('service_not_found', `service ${id} was not found`);
}

export function domainNotFound(serviceId: number, domain: string): AppError {
  return new AppError('domain_not_found', `service ${serviceId} has no domain ${domain.slice(0, 260)}`);
}

function serviceEvent(principal: Principal, project: Project, type: string, serviceId: number, at: Date, data: Record<string, unknown>): NewAuditEvent {
  return { projectId: project.id, organizationId: project.organizationId, type, actor: actorOf(principal), objectType: 'service', objectId: String(serviceId), data, createdAt: at };
}
