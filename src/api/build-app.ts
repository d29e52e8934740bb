import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import { AppError, isAppError, type ErrorCode } from '../domain/app-error.js';
import type { Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import type { AccessService } from '../services/access-service.js';
import type { InventoryService } from '../services/inventory-service.js';
import type { ManagedCertificateService } from '../services/managed-certificate-service.js';
import { acmeChallengeRoutes } from './routes/acme-challenge-routes.js';
import type { Principal } from '../services/principal.js';
import { httpStatusOf } from './error-map.js';
import { healthRoutes } from './routes/health-routes.js';
import { organizationRoutes } from './routes/organization-routes.js';
import { projectRoutes } from './routes/project-routes.js';
import { certificateRoutes } from './routes/certificate-routes.js';
import { serviceRoutes } from './routes/service-routes.js';
import { settingsRoutes } from './routes/settings-routes.js';
import type { IssuanceSettingsService } from '../services/issuance-settings-service.js';
import type { ServiceDomainService } from '../services/service-domain-service.js';
import type { CertificateDetailsService } from '../compat/huawei-scm/certificate-details-service.js';
import { waapRoutes } from '../compat/swiftfederation-waap/waap-routes.js';
import type { DomainCertificateService } from '../compat/swiftfederation-waap/domain-certificate-service.js';
import { scmRoutes } from '../compat/huawei-scm/scm-routes.js';
import { appRoutes } from './routes/app-routes.js';
import { pushRoutes } from './routes/push-routes.js';
import type { PushHealthService } from '../services/push-health-service.js';
import { revocationRoutes } from './routes/revocation-routes.js';
import { sweepRoutes } from './routes/sweep-routes.js';
import type { SweepService } from '../services/sweep-service.js';
import type { RevocationService } from '../services/revocation-service.js';
import { certExpiryRoutes } from '../compat/volt-mx-engagement/cert-expiry-routes.js';
import { accessKeyRoutes } from './routes/access-key-routes.js';
import { checkCertificateRoutes } from '../compat/alibaba-mpush/check-certificate-routes.js';
import type { AccessKeyService } from '../services/access-key-service.js';
import type { CheckCertificateService } from '../compat/alibaba-mpush/check-certificate-service.js';
import type { AppService } from '../services/app-service.js';
import type { CertExpiryDetailsService } from '../compat/volt-mx-engagement/cert-expiry-details-service.js';
import type { PrometheusMetrics } from '../observability/prometheus-metrics.js';
import { metricsRoutes } from './routes/metrics-routes.js';
import { notificationRoutes } from './routes/notification-routes.js';
import type { NotificationService } from '../services/notification-service.js';
import { endpointRoutes } from './routes/endpoint-routes.js';
import type { EndpointService } from '../services/endpoint-service.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface AppDependencies {
  store: Store;
  access: AccessService;
  inventory: InventoryService;
  /** Managed certificates (ACME); absent = create/validate/renew/revoke routes are not served. */
  managed?: ManagedCertificateService;
  /** Issuance settings of projects and organizations; absent with `managed`. */
  settings?: IssuanceSettingsService;
  serviceDomains: ServiceDomainService;
  /** The certificate of a service's domain, as the WAAP API reads it. */
  domainCertificates: DomainCertificateService;
  certificateDetails: CertificateDetailsService;
  /** Mobile apps and their APNs certificates; absent = the app routes are not served. */
  apps?: AppService;
  /** Push health of apps' APNs certificates (push results, push checks); absent = not served. */
  pushHealth?: PushHealthService;
  /** Watched endpoints (probes of what servers serve); absent = not served. */
  endpoints?: EndpointService;
  /** Notification channels, the delivery log and redelivery; absent = not served. */
  notifications?: NotificationService;
  /** Revocation checks (OCSP and CRL); absent = not served. */
  revocation?: RevocationService;
  /** Expiry sweeps, notification policy and mutes; absent = not served. */
  sweeps?: SweepService;
  /** Access keys for signed (Alibaba Cloud SDK) requests; absent = neither their routes nor document 000 are served. */
  accessKeys?: AccessKeyService;
  /** Document 000's CheckCertificate; served (with accessKeys) at `GET|POST /?Action=CheckCertificate`. */
  checkCertificates?: CheckCertificateService;
  /** Document 001; absent = not served. */
  certExpiryDetails?: CertExpiryDetailsService;
  /** IANA zone of document 001's dates (default UTC). */
  displayTimeZone?: string;
  clock: Clock;
  /** GET /metrics and the HTTP request histogram; absent = neither. */
  metrics?: { prometheus: PrometheusMetrics; token?: string; public: boolean; maxCertificates?: number };
  logger?: Logger;
  bodyLimitBytes?: number;
  logRequests?: boolean;
}

export type App = FastifyInstance;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The API key of a request: `Authorization: Bearer KEY` or `X-API-Key: KEY`. */
export function apiKeyOf(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (typeof auth === 'string' && /^bearer\s+/i.test(auth)) return auth.replace(/^bearer\s+/i, '').trim() || undefined;
  const header = request.headers['x-api-key'];
  return typeof header === 'string' && header.trim() ? header.trim() : undefined;
}

export function errorBody(code: ErrorCode, message: string) {
  return { success: false, code, errors: [message], messages: [], result: null, resultInfo: null };
}

/** Maps anything thrown in a request to a stable code and status; never leaks a stack trace. */
function toAppError(err: FastifyError | Error): AppError {
  if (isAppError(err)) return err;
  const fe = err as FastifyError & { validation?: unknown; validationContext?: string };
  if (fe.validation) return new AppError('validation_failed', fe.message);
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('body_too_large', 'the request body is larger than the server accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'the body must be application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json', 'the JSON body is empty');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('malformed_json', 'the body is not valid JSON');
    default:
  }
  if (fe.statusCode === 400 && err instanceof SyntaxError) return new AppError('malformed_json', 'the body is not valid JSON');
  if (fe.statusCode === 413) return new AppError('body_too_large', 'the request body is larger than the server accepts');
  if (fe.statusCode === 415) return new AppError('unsupported_media_type', 'the body must be application/json');
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) return new AppError('validation_failed', fe.message);
  return new AppError('internal_error', 'an unexpected error occurred; it has been logged', { cause: err });
}

// Query strings and path parameters arrive as text and are coerced to the schema's types;
// JSON bodies are not: `{"certificateBody": 42}` is a validation error, not the string "42".
const ajvOptions = { allErrors: false, removeAdditional: false, useDefaults: true, strict: false } as const;
const coercing = addFormats(new Ajv({ ...ajvOptions, coerceTypes: 'array' }));
const strict = addFormats(new Ajv({ ...ajvOptions, coerceTypes: false }));
function validatorCompiler({ schema, httpPart }: { schema: object; httpPart?: string }) {
  return (httpPart === 'body' ? strict : coercing).compile(schema);
}

/** Builds the HTTP application (no listen): the native API, health, OpenAPI and docs. */
export async function buildApp(deps: AppDependencies): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger | undefined,
    logController: new LogController({ disableRequestLogging: !deps.logRequests }),
    bodyLimit: deps.bodyLimitBytes ?? 1024 * 1024,
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest('principal', null);
  app.setValidatorCompiler(validatorCompiler);

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const appErr = toAppError(err);
    const status = httpStatusOf[appErr.code];
    if (status >= 500) request.log.error({ err: appErr.cause ?? appErr, code: appErr.code }, 'request failed');
    return reply.status(status).send(errorBody(appErr.code, appErr.message));
  });
  app.setNotFoundHandler((request, reply) => {
    return reply.status(404).send(errorBody('route_not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'certkeeper',
        version: '0.1.0',
        description: 'Self-hosted certificate lifecycle manager. The native API follows document 003 (envelope, paths, fields) and extends it.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
      security: [{ bearer: [] }, { apiKey: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  if (deps.metrics) {
    const prometheus = deps.metrics.prometheus;
    // The route's pattern, never the raw path (bounded cardinality); undefined when nothing matched.
    app.addHook('onResponse', async (request, reply) => {
      prometheus.observeHttp(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    });
    await app.register(metricsRoutes, { metrics: prometheus, certificates: deps.store.certificates, access: deps.access, clock: deps.clock, token: deps.metrics.token, public: deps.metrics.public, maxCertificates: deps.metrics.maxCertificates ?? 10_000 });
  }
  await app.register(healthRoutes, { store: deps.store });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      // Authenticate before body validation, so an anonymous caller always gets 401.
      api.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
        request.principal = await deps.access.authenticate(apiKeyOf(request));
      });
      // A key that does not cover the project learns nothing, not even whether its parameters,
      // query or body would have been valid: the project is checked before validation (each
      // service checks the role). A malformed project id is left to validation (400).
      api.addHook('preValidation', async (request: FastifyRequest) => {
        const { projectId } = request.params as { projectId?: unknown };
        if (typeof projectId === 'string' && UUID.test(projectId)) await deps.access.authorizeProject(principal(request), projectId, 'viewer');
      });
      await api.register(organizationRoutes, { access: deps.access });
      await api.register(projectRoutes, { access: deps.access });
      await api.register(certificateRoutes, { inventory: deps.inventory, clock: deps.clock, managed: deps.managed });
      await api.register(serviceRoutes, { serviceDomains: deps.serviceDomains });
      if (deps.settings) await api.register(settingsRoutes, { settings: deps.settings });
      if (deps.apps) await api.register(appRoutes, { apps: deps.apps, access: deps.access, clock: deps.clock });
      if (deps.pushHealth) await api.register(pushRoutes, { pushHealth: deps.pushHealth, access: deps.access });
      if (deps.revocation) await api.register(revocationRoutes, { revocation: deps.revocation });
      if (deps.notifications) await api.register(notificationRoutes, { notifications: deps.notifications });
      if (deps.endpoints) await api.register(endpointRoutes, { endpoints: deps.endpoints });
      if (deps.sweeps) await api.register(sweepRoutes, { sweeps: deps.sweeps });
      if (deps.accessKeys) await api.register(accessKeyRoutes, { accessKeys: deps.accessKeys });
      // Document 001 lives under /api/v1 and uses the native authentication and error envelope.
      if (deps.certExpiryDetails) await api.register(certExpiryRoutes, { certExpiryDetails: deps.certExpiryDetails, clock: deps.clock, displayTimeZone: deps.displayTimeZone ?? 'UTC' });
    },
    { prefix: '/api/v1' },
  );
  if (deps.managed) await app.register(acmeChallengeRoutes, { managed: deps.managed });
  // Compatible APIs: each an encapsulated plugin with its own authentication and error shape.
  await app.register(waapRoutes, { prefix: '/waap/v1.0', access: deps.access, domainCertificates: deps.domainCertificates });
  await app.register(scmRoutes, { prefix: '/v3/scm', access: deps.access, certificateDetails: deps.certificateDetails, clock: deps.clock });
  // Document 000: RPC actions at the root, signed with access keys; `/` without Action falls through to 404.
  if (deps.accessKeys && deps.checkCertificates) await app.register(checkCertificateRoutes, { accessKeys: deps.accessKeys, checkCertificates: deps.checkCertificates, clock: deps.clock });
  return app;
}

/** The authenticated principal of a request under /api (set by the onRequest hook). */
export function principal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthorized', 'an API key is required');
  return request.principal;
}
