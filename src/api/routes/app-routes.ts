import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { apnsEnvironments, APP_ID_MAX_LENGTH, appPlatforms, pushPlatforms, type App, type AppCertificateBinding } from '../../domain/app.js';
import { daysLeft, effectiveStatus } from '../../domain/certificate.js';
import type { Clock } from '../../ports/clock.js';
import type { AppService, BoundCertificate } from '../../services/app-service.js';
import { principal } from '../auth.js';
import { certificateStatusName } from '../certificate-status-name.js';
import { envelopeSchema, errorResponses, ok, paged, PageQuery } from '../envelope.js';
import { MultiLineText, Name, Text } from '../text-schemas.js';

const AppView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  appId: Type.String({ description: 'your id for the app (typically the iOS bundle id), unique in the organization' }),
  appKey: Type.Integer({ description: '8 digits, unique in the deployment (the AppKey of Alibaba Cloud CheckCertificate)' }),
  name: Type.String(),
  platforms: Type.Array(Type.String(), { description: 'ios, android' }),
  projectId: Type.String({ format: 'uuid' }),
  createdAt: Type.String({ format: 'date-time' }),
});

const BindingView = Type.Object({
  platform: Type.String({ description: 'iPhone or iPad' }),
  environment: Type.String({ description: 'production or development' }),
  certificateId: Type.Integer(),
  boundAt: Type.String({ format: 'date-time' }),
  certificateStatus: Type.String({ description: 'Active, Expired, Revoked… (as the certificate list)' }),
  status: Type.String({ description: 'lifecycle status with expiry applied' }),
  notAfter: Type.String({ format: 'date-time' }),
  daysLeft: Type.Integer({ description: 'whole days until notAfter, rounded down; negative once expired' }),
  domainName: Type.String(),
  bundleId: Type.Union([Type.String(), Type.Null()]),
  topics: Type.Array(Type.String()),
  environments: Type.Array(Type.String(), { description: 'the environments the certificate serves (from its Apple OIDs)' }),
  push: Type.Optional(
    Type.Object(
      {
        status: Type.String({ description: 'OK, or REVOKED once APNs refused this certificate in this environment (until another certificate is bound or a check succeeds)' }),
        reason: Type.Union([Type.String(), Type.Null()], { description: 'e.g. tls_alert_44_certificate_revoked, BadCertificate; BadDeviceToken for a check that authenticated' }),
        source: Type.Union([Type.String(), Type.Null()], { description: 'push-result or push-check' }),
        at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'when the outcome behind the status was observed; null = nothing known' }),
        lastCheck: Type.Union([Type.Object({ at: Type.String({ format: 'date-time' }), outcome: Type.String({ description: 'ok, revoked or failed' }), detail: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
      },
      { description: 'push health (binding list only)' },
    ),
  ),
});

const UnboundView = Type.Object({
  platform: Type.String(),
  environment: Type.String(),
  certificateId: Type.Integer(),
  boundAt: Type.String({ format: 'date-time' }),
});

const ProjectParams = Type.Object({ projectId: Type.String({ format: 'uuid' }) });
const AppParams = Type.Object({ projectId: Type.String({ format: 'uuid' }), appId: Text({ minLength: 1, maxLength: APP_ID_MAX_LENGTH }) });
const Platform = Type.Union(pushPlatforms.map((p) => Type.Literal(p)), { description: 'iPhone or iPad' });
const Environment = Type.Union(apnsEnvironments.map((e) => Type.Literal(e)), { description: 'production or development' });
const conflictResponses = { ...errorResponses, 409: errorResponses[400] };

const appView = (a: App) => ({ id: a.id, appId: a.appId, appKey: a.appKey, name: a.name, platforms: a.platforms, projectId: a.projectId, createdAt: a.createdAt.toISOString() });
const pushView = ({ pushHealth: h }: BoundCertificate) => ({
  status: h?.status === 'revoked' ? 'REVOKED' : 'OK',
  reason: h?.status ? h.reason : null,
  source: h?.status ? h.source : null,
  at: h?.status && h.at ? h.at.toISOString() : null,
  lastCheck: h?.checkedAt && h.checkOutcome ? { at: h.checkedAt.toISOString(), outcome: h.checkOutcome, detail: h.checkDetail } : null,
});
const unboundView = (b: AppCertificateBinding) => ({ platform: b.platform, environment: b.environment, certificateId: b.certificateId, boundAt: b.boundAt.toISOString() });

/**
 * Mobile apps and their APNs certificates. A binding is addressed by its app and
 * (platform, environment); DELETE takes them as query parameters.
 */
export async function appRoutes(fastify: FastifyInstance, opts: { apps: AppService; clock: Clock }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { apps, clock } = opts;

  const bindingView = ({ binding, certificate: c }: BoundCertificate) => {
    const now = clock.now();
    const status = effectiveStatus(c.status, c.notAfter, now);
    return {
      ...unboundView(binding),
      certificateStatus: certificateStatusName[status],
      status,
      notAfter: c.notAfter.toISOString(),
      daysLeft: daysLeft(c.notAfter, now),
      domainName: c.domainName,
      bundleId: c.apple?.bundleId ?? null,
      topics: c.apple?.topics ?? [],
      environments: c.apple?.environments ?? [],
    };
  };

  app.post(
    '/projects/:projectId/apps',
    {
      schema: {
        operationId: 'createApp',
        summary: 'Create an app (appId unique in the organization; appKey assigned)',
        tags: ['apps'],
        params: ProjectParams,
        body: Type.Object(
          {
            appId: Text({ minLength: 1, maxLength: APP_ID_MAX_LENGTH }),
            name: Name,
            platforms: Type.Array(Type.Union(appPlatforms.map((p) => Type.Literal(p))), { minItems: 1, maxItems: 10 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: envelopeSchema(AppView), ...conflictResponses },
      },
    },
    async (request) => ok(appView(await apps.createApp(principal(request), request.params.projectId, request.body))),
  );

  app.get(
    '/projects/:projectId/apps',
    {
      schema: {
        operationId: 'listApps',
        summary: 'List the apps of a project (paged, by appId)',
        tags: ['apps'],
        params: ProjectParams,
        querystring: Type.Object(PageQuery),
        response: { 200: envelopeSchema(Type.Array(AppView)), ...errorResponses },
      },
    },
    async (request) => {
      const { pageIndex = 1, pageSize = 20 } = request.query;
      const page = await apps.listApps(principal(request), request.params.projectId, { pageIndex, pageSize });
      return paged(page.items.map(appView), page.totalCount, pageIndex, pageSize);
    },
  );

  app.get(
    '/projects/:projectId/apps/:appId',
    { schema: { operationId: 'getApp', summary: 'Get an app', tags: ['apps'], params: AppParams, response: { 200: envelopeSchema(AppView), ...errorResponses } } },
    async (request) => ok(appView(await apps.getApp(principal(request), request.params.projectId, request.params.appId))),
  );

  app.delete(
    '/projects/:projectId/apps/:appId',
    { schema: { operationId: 'deleteApp', summary: 'Delete an app and its bindings (the certificates stay); returns the deleted app', tags: ['apps'], params: AppParams, response: { 200: envelopeSchema(AppView), ...errorResponses } } },
    async (request) => ok(appView(await apps.deleteApp(principal(request), request.params.projectId, request.params.appId))),
  );

  app.get(
    '/projects/:projectId/apps/:appId/certificates',
    {
      schema: {
        operationId: 'listAppCertificates',
        summary: "List an app's APNs certificates with status and expiry, the soonest to expire first",
        tags: ['apps'],
        params: AppParams,
        response: { 200: envelopeSchema(Type.Array(BindingView)), ...errorResponses },
      },
    },
    async (request) => {
      const items = (await apps.listBindings(principal(request), request.params.projectId, request.params.appId)).map((b) => ({ ...bindingView(b), push: pushView(b) }));
      return paged(items, items.length, 1, Math.max(items.length, 1));
    },
  );

  app.put(
    '/projects/:projectId/apps/:appId/certificates',
    {
      schema: {
        operationId: 'bindAppCertificate',
        summary: 'Bind an inventory APNs certificate for a platform and environment (checked against the app unless force)',
        tags: ['apps'],
        params: AppParams,
        body: Type.Object(
          {
            certificateId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
            platform: Platform,
            environment: Environment,
            force: Type.Optional(Type.Boolean({ description: 'bind even a certificate that is not an APNs certificate for this app and environment' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: envelopeSchema(BindingView), ...errorResponses },
      },
    },
    async (request) => ok(bindingView(await apps.bindCertificate(principal(request), request.params.projectId, request.params.appId, request.body))),
  );

  app.post(
    '/projects/:projectId/apps/:appId/certificates/import',
    {
      schema: {
        operationId: 'importAppCertificate',
        summary: 'Import a PKCS#12 APNs certificate and bind it for the platform in every environment it serves',
        tags: ['apps'],
        params: AppParams,
        body: Type.Object(
          {
            pkcs12: MultiLineText({ minLength: 1, description: 'base64 of the .p12 file' }),
            password: Type.Optional(Text({ maxLength: 1024 })),
            platform: Platform,
            force: Type.Optional(Type.Boolean({ description: "bind even when the certificate's bundle id and topics do not name the app" })),
          },
          { additionalProperties: false },
        ),
        response: { 200: envelopeSchema(Type.Array(BindingView)), ...errorResponses },
      },
    },
    async (request) => {
      const { bound, duplicate, notes } = await apps.importAndBind(principal(request), request.params.projectId, request.params.appId, request.body);
      const messages = duplicate ? ['the certificate was already in the inventory; the existing record was bound', ...notes] : notes;
      return ok(bound.map(bindingView), messages);
    },
  );

  app.delete(
    '/projects/:projectId/apps/:appId/certificates',
    {
      schema: {
        operationId: 'unbindAppCertificate',
        summary: 'Unbind the certificate of a platform and environment; returns the binding as it was',
        tags: ['apps'],
        params: AppParams,
        querystring: Type.Object({ platform: Platform, environment: Environment }),
        response: { 200: envelopeSchema(UnboundView), ...errorResponses },
      },
    },
    async (request) => ok(unboundView(await apps.unbindCertificate(principal(request), request.params.projectId, request.params.appId, request.query.platform, request.query.environment))),
  );
}
