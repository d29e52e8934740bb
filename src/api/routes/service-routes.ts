import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Service, ServiceDomain } from '../../domain/service-domain.js';
import type { ServiceDomainService } from '../../services/service-domain-service.js';
import { principal } from '../auth.js';
import { envelopeSchema, errorResponses, ok, paged, PageQuery } from '../envelope.js';
import { Name, Text } from '../text-schemas.js';
import { keyTypes } from '../../domain/managed-certificate.js';

const ServiceView = Type.Object({
  id: Type.Integer({ description: 'int32, unique in the deployment (the serviceId of SwiftFederation WAAP paths)' }),
  name: Type.String(),
  projectId: Type.String({ format: 'uuid' }),
  createdAt: Type.String({ format: 'date-time' }),
});

const DomainView = Type.Object({
  domain: Type.String({ description: 'lower-case A-labels (punycode); a wildcard as *.example.com' }),
  certType: Type.String({ description: 'manual, auto or none' }),
  certificateId: Type.Union([Type.Integer(), Type.Null()], { description: 'the attached inventory certificate' }),
  autocertRequestStatus: Type.Union([Type.String(), Type.Null()], { description: 'issuing, issued or failed: the last auto request, if any' }),
  autocertRequestTime: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

const ProjectParams = Type.Object({ projectId: Type.String({ format: 'uuid' }) });
const ServiceParams = Type.Object({ projectId: Type.String({ format: 'uuid' }), serviceId: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
const DomainParams = Type.Object({
  projectId: Type.String({ format: 'uuid' }),
  serviceId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  domain: Text({ minLength: 1, maxLength: 253 }),
});
const conflictResponses = { ...errorResponses, 409: errorResponses[400] };

const serviceView = (s: Service) => ({ id: s.id, name: s.name, projectId: s.projectId, createdAt: s.createdAt.toISOString() });
const domainView = (d: ServiceDomain) => ({
  domain: d.domain,
  certType: d.certType,
  certificateId: d.certificateId,
  autocertRequestStatus: d.autocertStatus,
  autocertRequestTime: d.autocertRequestedAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
});

/** Services and their domains: the native side of what SwiftFederation WAAP reads. */
export async function serviceRoutes(fastify: FastifyInstance, opts: { serviceDomains: ServiceDomainService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { serviceDomains } = opts;

  app.post(
    '/projects/:projectId/services',
    {
      schema: {
        operationId: 'createService',
        summary: 'Create a service',
        tags: ['services'],
        params: ProjectParams,
        body: Type.Object({ name: Name }, { additionalProperties: false }),
        response: { 200: envelopeSchema(ServiceView), ...errorResponses },
      },
    },
    async (request) => ok(serviceView(await serviceDomains.createService(principal(request), request.params.projectId, request.body.name))),
  );

  app.get(
    '/projects/:projectId/services',
    {
      schema: {
        operationId: 'listServices',
        summary: 'List the services of a project (paged, oldest first)',
        tags: ['services'],
        params: ProjectParams,
        querystring: Type.Object(PageQuery),
        response: { 200: envelopeSchema(Type.Array(ServiceView)), ...errorResponses },
      },
    },
    async (request) => {
      const { pageIndex = 1, pageSize = 20 } = request.query;
      const page = await serviceDomains.listServices(principal(request), request.params.projectId, { pageIndex, pageSize });
      return paged(page.items.map(serviceView), page.totalCount, pageIndex, pageSize);
    },
  );

  app.get(
    '/projects/:projectId/services/:serviceId',
    { schema: { operationId: 'getService', summary: 'Get a service', tags: ['services'], params: ServiceParams, response: { 200: envelopeSchema(ServiceView), ...errorResponses } } },
    async (request) => ok(serviceView(await serviceDomains.getService(principal(request), request.params.projectId, request.params.serviceId))),
  );

  app.delete(
    '/projects/:projectId/services/:serviceId',
    { schema: { operationId: 'deleteService', summary: 'Delete a service and all its domains; returns the deleted service', tags: ['services'], params: ServiceParams, response: { 200: envelopeSchema(ServiceView), ...errorResponses } } },
    async (request) => ok(serviceView(await serviceDomains.deleteService(principal(request), request.params.projectId, request.params.serviceId))),
  );

  app.post(
    '/projects/:projectId/services/:serviceId/domains',
    {
      schema: {
        operationId: 'addServiceDomain',
        summary: 'Add a domain to a service (IDN names are stored as punycode; wildcards as *.example.com)',
        tags: ['services'],
        params: ServiceParams,
        body: Type.Object({ domain: Text({ minLength: 1, maxLength: 253 }) }, { additionalProperties: false }),
        response: { 200: envelopeSchema(DomainView), ...conflictResponses },
      },
    },
    async (request) => ok(domainView(await serviceDomains.addDomain(principal(request), request.params.projectId, request.params.serviceId, request.body.domain))),
  );

  app.get(
    '/projects/:projectId/services/:serviceId/domains',
    {
      schema: {
        operationId: 'listServiceDomains',
        summary: 'List the domains of a service with their certificates (paged, by name)',
        tags: ['services'],
        params: ServiceParams,
        querystring: Type.Object(PageQuery),
        response: { 200: envelopeSchema(Type.Array(DomainView)), ...errorResponses },
      },
    },
    async (request) => {
      const { pageIndex = 1, pageSize = 20 } = request.query;
      const page = await serviceDomains.listDomains(principal(request), request.params.projectId, request.params.serviceId, { pageIndex, pageSize });
      return paged(page.items.map(domainView), page.totalCount, pageIndex, pageSize);
    },
  );

  app.delete(
    '/projects/:projectId/services/:serviceId/domains/:domain',
    { schema: { operationId: 'removeServiceDomain', summary: 'Remove a domain from a service; returns it as it was', tags: ['services'], params: DomainParams, response: { 200: envelopeSchema(DomainView), ...errorResponses } } },
    async (request) => ok(domainView(await serviceDomains.deleteDomain(principal(request), request.params.projectId, request.params.serviceId, request.params.domain))),
  );

  app.put(
    '/projects/:projectId/services/:serviceId/domains/:domain/certificate',
    {
      schema: {
        operationId: 'attachDomainCertificate',
        summary: 'Attach an inventory certificate to a domain (manual); its names must cover the domain (RFC 6125)',
        tags: ['services'],
        params: DomainParams,
        body: Type.Object({ certificateId: Type.Integer({ minimum: 1, maximum: 2147483647 }) }, { additionalProperties: false }),
        response: { 200: envelopeSchema(DomainView), ...errorResponses },
      },
    },
    async (request) =>
      ok(domainView(await serviceDomains.attachCertificate(principal(request), request.params.projectId, request.params.serviceId, request.params.domain, request.body.certificateId))),
  );

  app.post(
    '/projects/:projectId/services/:serviceId/domains/:domain/autocert',
    {
      schema: {
        operationId: 'requestDomainAutocert',
        summary: 'Request an automatic certificate for a domain (ACME: http-01, or dns-01 through the project\'s DNS provider); issuing, then issued or failed',
        tags: ['services'],
        params: DomainParams,
        body: Type.Object({ keyType: Type.Optional(Type.Union(keyTypes.map((k) => Type.Literal(k)), { description: 'default ec-p256' })) }, { additionalProperties: false }),
        // The order is placed before the answer, as for createCertificate.
        response: { 200: envelopeSchema(DomainView), ...errorResponses, 502: errorResponses[400], 503: errorResponses[400] },
      },
      // The body is optional: a bare POST asks with the defaults.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const { domain, notes } = await serviceDomains.requestAutocert(principal(request), request.params.projectId, request.params.serviceId, request.params.domain, request.body.keyType);
      return ok(domainView(domain), notes);
    },
  );

  app.delete(
    '/projects/:projectId/services/:serviceId/domains/:domain/certificate',
    {
      schema: { operationId: 'detachDomainCertificate', summary: 'Detach the certificate of a domain (it has none afterwards)', tags: ['services'], params: DomainParams, response: { 200: envelopeSchema(DomainView), ...errorResponses } },
    },
    async (request) => ok(domainView(await serviceDomains.detachCertificate(principal(request), request.params.projectId, request.params.serviceId, request.params.domain))),
  );
}
