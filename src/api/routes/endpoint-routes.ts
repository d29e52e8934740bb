import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { endpointFindingTypes, endpointProtocols, type Endpoint } from '../../domain/endpoint.js';
import type { EndpointService } from '../../services/endpoint-service.js';
import { principal } from '../auth.js';
import { envelopeSchema, errorResponses, ok, paged, PageQuery } from '../envelope.js';
import { Text } from '../text-schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

const FindingView = Type.Object({
  type: Type.Union(endpointFindingTypes.map((t) => Type.Literal(t)), { description: 'the audit event type is endpoint.<type>' }),
  message: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
});

const ProbeView = Type.Object({
  probedAt: DateTime,
  error: Nullable(Type.Object({ code: Type.String({ description: 'connection_refused, host_not_found, timeout, not_tls, starttls_refused, address_refused, …' }), step: Type.String(), message: Type.String() })),
  address: Nullable(Type.String()),
  tlsVersion: Nullable(Type.String()),
  cipher: Nullable(Type.String()),
  chainFingerprints: Type.Array(Type.String(), { description: 'SHA-256 (hex) of each certificate as served, leaf first' }),
  chainTrusted: Nullable(Type.Boolean()),
  trustError: Nullable(Type.String()),
  nameMatches: Nullable(Type.Boolean()),
  nameError: Nullable(Type.String()),
  leaf: Nullable(
    Type.Object({
      fingerprintSha256: Type.String(),
      subject: Type.String(),
      issuer: Type.String(),
      domainName: Type.String(),
      sans: Type.Array(Type.String()),
      notBefore: DateTime,
      notAfter: DateTime,
    }),
  ),
  findings: Type.Array(FindingView),
});

const EndpointView = Type.Object({
  id: Type.Integer(),
  projectId: Type.String({ format: 'uuid' }),
  host: Type.String(),
  port: Type.Integer(),
  serverName: Nullable(Type.String()),
  protocol: Type.String(),
  createdAt: DateTime,
  certificateId: Nullable(Type.Integer({ description: 'the inventory certificate served last (by fingerprint)' })),
  lastProbe: Nullable(ProbeView),
});

const ProjectParams = Type.Object({ projectId: Type.String({ format: 'uuid' }) });
const EndpointParams = Type.Object({ projectId: Type.String({ format: 'uuid' }), endpointId: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

const endpointView = (e: Endpoint) => ({
  id: e.id,
  projectId: e.projectId,
  host: e.host,
  port: e.port,
  serverName: e.serverName,
  protocol: e.protocol,
  createdAt: e.createdAt.toISOString(),
  certificateId: e.certificateId,
  lastProbe:
    e.lastProbe === null
      ? null
      : {
          ...e.lastProbe,
          probedAt: e.lastProbe.probedAt.toISOString(),
          leaf: e.lastProbe.leaf === null ? null : { ...e.lastProbe.leaf, notBefore: e.lastProbe.leaf.notBefore.toISOString(), notAfter: e.lastProbe.leaf.notAfter.toISOString() },
          findings: e.lastProbe.findings.map((f) => ({ type: f.type, message: f.message, data: f.data })),
        },
});

/** Watched endpoints: what a project's servers really serve. */
export async function endpointRoutes(fastify: FastifyInstance, opts: { endpoints: EndpointService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { endpoints } = opts;

  app.post(
    '/projects/:projectId/endpoints',
    {
      schema: {
        operationId: 'createEndpoint',
        summary: 'Watch an endpoint (editor); link-local and cloud metadata addresses are refused unless the configuration allows them',
        tags: ['endpoints'],
        params: ProjectParams,
        body: Type.Object(
          {
            host: Text({ minLength: 1, maxLength: 253 }),
            port: Type.Integer({ minimum: 1, maximum: 65535 }),
            serverName: Type.Optional(Nullable(Text({ maxLength: 253, description: 'SNI and the name checked; default the host' }))),
            protocol: Type.Union(endpointProtocols.map((p) => Type.Literal(p)), { description: 'tls, or STARTTLS over smtp, imap, ldap, postgres (SSLRequest)' }),
          },
          { additionalProperties: false },
        ),
        response: { 200: envelopeSchema(EndpointView), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request) => ok(endpointView(await endpoints.create(principal(request), request.params.projectId, request.body))),
  );

  app.get(
    '/projects/:projectId/endpoints',
    {
      schema: {
        operationId: 'listEndpoints',
        summary: 'List the watched endpoints of a project with their last probe (paged, oldest first); certificateId= those serving that certificate',
        tags: ['endpoints'],
        params: ProjectParams,
        querystring: Type.Object({
          ...PageQuery,
          certificateId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'only the endpoints whose last probe served this inventory certificate' })),
        }),
        response: { 200: envelopeSchema(Type.Array(EndpointView)), ...errorResponses },
      },
    },
    async (request) => {
      const { pageIndex = 1, pageSize = 20, certificateId } = request.query;
      const page = await endpoints.list(principal(request), request.params.projectId, { pageIndex, pageSize }, { certificateId });
      return paged(page.items.map(endpointView), page.totalCount, pageIndex, pageSize);
    },
  );

  app.get(
    '/projects/:projectId/endpoints/:endpointId',
    { schema: { operationId: 'getEndpoint', summary: "Get a watched endpoint with its last probe's findings", tags: ['endpoints'], params: EndpointParams, response: { 200: envelopeSchema(EndpointView), ...errorResponses } } },
    async (request) => ok(endpointView(await endpoints.get(principal(request), request.params.projectId, request.params.endpointId))),
  );

  app.delete(
    '/projects/:projectId/endpoints/:endpointId',
    { schema: { operationId: 'deleteEndpoint', summary: 'Stop watching an endpoint; returns it as it was', tags: ['endpoints'], params: EndpointParams, response: { 200: envelopeSchema(EndpointView), ...errorResponses } } },
    async (request) => ok(endpointView(await endpoints.delete(principal(request), request.params.projectId, request.params.endpointId))),
  );

  app.post(
    '/projects/:projectId/endpoints/:endpointId/probe',
    {
      schema: {
        operationId: 'probeEndpoint',
        summary: 'Probe the endpoint now (editor) and answer with the result',
        tags: ['endpoints'],
        params: EndpointParams,
        response: { 200: envelopeSchema(EndpointView), ...errorResponses },
      },
    },
    async (request) => ok(endpointView(await endpoints.probeNow(principal(request), request.params.projectId, request.params.endpointId))),
  );
}
