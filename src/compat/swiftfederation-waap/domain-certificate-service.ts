import { AppError, isAppError } from '../../domain/app-error.js';
import type { CertificateRecord } from '../../domain/certificate.js';
import type { Service, ServiceDomain } from '../../domain/service-domain.js';
import type { Project } from '../../domain/project.js';
import type { Store } from '../../ports/store.js';
import type { AccessService } from '../../services/access-service.js';
import type { Principal } from '../../services/principal.js';
import { domainNotFound, parseDomain, serviceNotFound } from '../../services/service-domain-service.js';

/** A domain with the certificate attached to it. */
export interface DomainCertificate {
  service: Service;
  domain: ServiceDomain;
  /** The attached certificate, or null when none is (none, or an auto request without one yet). */
  certificate: CertificateRecord | null;
}

/**
 * Reads the certificate of a domain by the service's deployment-wide id alone (the WAAP path
 * names no project): the service must belong to a project the key covers, else it is not found
 * (other tenants' services are never revealed). An attached certificate that the service's
 * project can no longer see (e.g. its scope went back to Project in another project) is
 * `certificate_not_found`.
 */
export class DomainCertificateService {
  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
  ) {}

  async domainCertificate(principal: Principal, serviceId: number, domainInput: string): Promise<DomainCertificate> {
    const name = parseDomain(domainInput);
    const service = await this.store.services.get(serviceId);
    if (!service) throw serviceNotFound(serviceId);
    let project: Project;
    try {
      project = await this.access.authorizeProject(principal, service.projectId, 'viewer');
    } catch (err) {
      if (isAppError(err) && err.code === 'project_not_found') throw serviceNotFound(serviceId);
      throw err;
    }
    const domain = await this.store.services.getDomain(serviceId, name);
    if (!domain) throw domainNotFound(serviceId, name);
    if (domain.certificateId === null) return { service, domain, certificate: null };
    const certificate = await this.store.certificates.findVisible(project.id, project.organizationId, domain.certificateId);
    if (!certificate) throw new AppError('certificate_not_found', `the certificate attached to ${name} is no longer available to the service's project`);
    return { service, domain, certificate };
  }
}
