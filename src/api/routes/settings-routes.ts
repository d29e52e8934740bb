import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { IssuanceSettingsService, OrganizationSettingsView, ProjectSettingsView } from '../../services/issuance-settings-service.js';
import { principal } from '../auth.js';
import { envelopeSchema, errorResponses, ok } from '../envelope.js';
import { Text } from '../text-schemas.js';

const HostName = Text({ minLength: 1, maxLength: 253 });
const Rfc2136Provider = Type.Object(
  {
    type: Type.Literal('rfc2136'),
    server: Text({ minLength: 1, maxLength: 253, description: 'the primary name server (IP address or host name)' }),
    port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535, default: 53 })),
    zone: Type.Optional(Text({ minLength: 1, maxLength: 253, description: 'the zone to update; found by SOA lookup when absent' })),
    keyName: HostName,
    algorithm: Type.Optional(Type.Union([Type.Literal('hmac-sha256'), Type.Literal('hmac-sha512'), Type.Literal('hmac-sha1')])),
    secret: Type.Optional(Text({ minLength: 1, maxLength: 1024, description: 'the TSIG key, base64; stored encrypted, never returned. Omit to keep the stored one.' })),
  },
  { additionalProperties: false },
);
const ExecProvider = Type.Object(
  { type: Type.Literal('exec'), hook: Text({ minLength: 1, maxLength: 255, description: "a file name in the server's CERTKEEPER_DNS_HOOK_DIR" }) },
  { additionalProperties: false },
);

const ProjectSettingsBody = Type.Object(
  {
    renewBeforeDays: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 365 }), Type.Null()], { description: 'renew at least this many days before expiry; null clears' })),
    dnsProvider: Type.Optional(Type.Union([Rfc2136Provider, ExecProvider, Type.Null()], { description: 'the DNS-01 provider; null = manual dns-01' })),
  },
  { additionalProperties: false },
);
const ProjectSettingsSchema = Type.Object({
  renewBeforeDays: Type.Union([Type.Integer(), Type.Null()]),
  dnsProvider: Type.Union([Type.Object({ type: Type.String(), hasSecret: Type.Boolean() }, { additionalProperties: true }), Type.Null()]),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const OrganizationSettingsBody = Type.Object(
  {
    acmeDirectoryUrl: Type.Optional(Type.Union([Text({ minLength: 1, maxLength: 2048 }), Type.Null()], { description: "overrides CERTKEEPER_ACME_DIRECTORY_URL for the organization's certificates; null clears" })),
    acmeContactEmail: Type.Optional(Type.Union([Text({ minLength: 3, maxLength: 254 }), Type.Null()])),
  },
  { additionalProperties: false },
);
const OrganizationSettingsSchema = Type.Object({
  acmeDirectoryUrl: Type.Union([Type.String(), Type.Null()]),
  acmeContactEmail: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const ProjectParams = Type.Object({ projectId: Type.String({ format: 'uuid' }) });
const OrganizationParams = Type.Object({ organizationId: Type.String({ format: 'uuid' }) });

const projectView = (s: ProjectSettingsView) => ({ ...s, updatedAt: s.updatedAt?.toISOString() ?? null });
const organizationView = (s: OrganizationSettingsView) => ({ ...s, updatedAt: s.updatedAt?.toISOString() ?? null });

/** Issuance settings of projects (renewal lead time, DNS-01 provider) and organizations (ACME directory). */
export async function settingsRoutes(fastify: FastifyInstance, opts: { settings: IssuanceSettingsService }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { settings } = opts;

  app.get(
    '/projects/:projectId/settings',
    { schema: { operationId: 'getProjectSettings', summary: "A project's issuance settings (secrets never shown)", tags: ['settings'], params: ProjectParams, response: { 200: envelopeSchema(ProjectSettingsSchema), ...errorResponses } } },
    async (request) => ok(projectView(await settings.getProjectSettings(principal(request), request.params.projectId))),
  );

  app.put(
    '/projects/:projectId/settings',
    {
      schema: {
        operationId: 'updateProjectSettings',
        summary: 'Change a project\'s issuance settings (admin): absent fields are kept, null clears',
        tags: ['settings'],
        params: ProjectParams,
        body: ProjectSettingsBody,
        response: { 200: envelopeSchema(ProjectSettingsSchema), ...errorResponses },
      },
    },
    async (request) => ok(projectView(await settings.putProjectSettings(principal(request), request.params.projectId, request.body))),
  );

  app.get(
    '/organizations/:organizationId/settings',
    {
      schema: { operationId: 'getOrganizationSettings', summary: "An organization's ACME settings", tags: ['settings'], params: OrganizationParams, response: { 200: envelopeSchema(OrganizationSettingsSchema), ...errorResponses } },
    },
    async (request) => ok(organizationView(await settings.getOrganizationSettings(principal(request), request.params.organizationId))),
  );

  app.put(
    '/organizations/:organizationId/settings',
    {
      schema: {
        operationId: 'updateOrganizationSettings',
        summary: "Change an organization's ACME directory and contact (superuser or organization admin)",
        tags: ['settings'],
        params: OrganizationParams,
        body: OrganizationSettingsBody,
        response: { 200: envelopeSchema(OrganizationSettingsSchema), ...errorResponses },
      },
    },
    async (request) => ok(organizationView(await settings.putOrganizationSettings(principal(request), request.params.organizationId, request.body))),
  );
}
