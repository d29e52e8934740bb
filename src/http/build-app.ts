import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import type { Clock } from '../ports/clock.js';
import type { AccessService } from '../services/access-service.js';
import type { InventoryService } from '../services/inventory-service.js';
import type { ManagedCertificateService } from '../services/managed-certificate-service.js';
import { acmeChallengeRoutes } from '../api/routes/acme-challenge-routes.js';
import { httpStatusOf } from '../api/error-map.js';
import { apiKeyOf, authenticateRequest, authentication } from '../api/auth.js';
import { errorBody } from '../api/envelope.js';
import { toAppError } from '../api/to-app-error.js';
import { validatorCompiler } from '../api/validator-compiler.js';
import { documentErrors, errorBodySchemas, statusesOf, type ErrorFamily } from '../api/document-errors.js';
import { ErrorEnvelope } from '../api/envelope.js';
import { openapiTags } from '../api/openapi-tags.js';
import { popErrors } from '../compat/alibaba-mpush/pop-error.js';
import { scmErrorMapping, scmErrors } from '../compat/huawei-scm/scm-error.js';
import { waapErrorMapping, waapErrors } from '../compat/swiftfederation-waap/waap-error.js';
import { healthRoutes } from '../api/routes/health-routes.js';
import { organizationRoutes } from '../api/routes/organization-routes.js';
import { projectRoutes } from '../api/routes/project-routes.js';
import { certificateRoutes } from '../api/routes/certificate-routes.js';
import { serviceRoutes } from '../api/routes/service-routes.js';
import { settingsRoutes } from '../api/routes/settings-routes.js';
import type { IssuanceSettingsService } from '../services/issuance-settings-service.js';
import type { ServiceDomainService } from '../services/service-domain-service.js';
import type { CertificateDetailsService } from '../compat/huawei-scm/certificate-details-service.js';
import { waapRoutes } from '../compat/swiftfederation-waap/waap-routes.js';
import type { DomainCertificateService } from '../compat/swiftfederation-waap/domain-certificate-service.js';
import { authTokenOf, scmRoutes } from '../compat/huawei-scm/scm-routes.js';
import { sendCompatError } from '../compat/compat-errors.js';
import { routerErrorHandler } from './router-errors.js';
import { installRequestBodies } from './request-bodies.js';
import { lazyChildLogger } from './lazy-child-logger.js';
import { registerConsole } from './console.js';
import { appRoutes } from '../api/routes/app-routes.js';
import { pushRoutes } from '../api/routes/push-routes.js';
import type { PushHealthService } from '../services/push-health-service.js';
import { revocationRoutes } from '../api/routes/revocation-routes.js';
import { sweepRoutes } from '../api/routes/sweep-routes.js';
import type { SweepService } from '../services/sweep-service.js';
import type { RevocationService } from '../services/revocation-service.js';
import { certExpiryRoutes } from '../compat/volt-mx-engagement/cert-expiry-routes.js';
import { accessKeyRoutes } from '../api/routes/access-key-routes.js';
import { checkCertificateRoutes, PopErrorBody } from '../compat/alibaba-mpush/check-certificate-routes.js';
import type { AccessKeyService } from '../services/access-key-service.js';
import type { CheckCertificateService } from '../compat/alibaba-mpush/check-certificate-service.js';
import type { AppService } from '../services/app-service.js';
import type { CertExpiryDetailsService } from '../compat/volt-mx-engagement/cert-expiry-details-service.js';
import type { MetricsService } from '../services/metrics-service.js';
import { metricsRoutes } from '../api/routes/metrics-routes.js';
import { notificationRoutes } from '../api/routes/notification-routes.js';
import type { NotificationService } from '../services/notification-service.js';
import { endpointRoutes } from '../api/routes/endpoint-routes.js';
import { dashboardRoutes } from '../api/routes/dashboard-routes.js';
import type { DashboardService } from '../services/dashboard-service.js';
import type { EndpointService } from '../services/endpoint-service.js';
import { deploymentRoutes } from '../api/routes/deployment-routes.js';
import type { DeploymentService } from '../services/deployment-service.js';
import type { AgentLongPoll } from '../services/agent-long-poll.js';
import { agentRoutes } from '../api/routes/agent-routes.js';
import type { SessionService } from '../services/session-service.js';
import type { AccountService } from '../services/account-service.js';
import { authRoutes } from '../api/routes/auth-routes.js';
import { ssoRoutes } from '../api/routes/sso-routes.js';
import type { SsoService } from '../services/sso-service.js';
import { userRoutes } from '../api/routes/user-routes.js';
import { memberRoutes } from '../api/routes/member-routes.js';
import type { MemberService } from '../services/member-service.js';
import { SESSION_COOKIE } from '../api/session-cookie.js';

export interface AppDependencies {
  /** Whether the database answers (GET /readyz). */
  ping: () => Promise<boolean>;
  access: AccessService;
  /** Sign-in and sessions: the native API accepts the session cookie too. Absent: API keys only, no auth or user routes. */
  sessions?: SessionService;
  /** Single sign-on (OpenID Connect); absent: its routes answer sso_not_configured. */
  sso?: SsoService;
  /** User accounts; served with `sessions`. */
  accounts?: AccountService;
  /** Members of projects and organizations; absent = not served. */
  members?: MemberService;
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
  /** Deployment targets and deployments; absent = not served. */
  deployments?: DeploymentService;
  /** The agents' long poll; with deployments, the agent routes (/api/v1/agent/…) are served. */
  agentPoll?: AgentLongPoll;
  /** A project's dashboard; absent = not served. */
  dashboard?: DashboardService;
  /** Notification channels, the delivery log and redelivery; absent = not served. */
  notifications?: NotificationService;
  /** Revocation checks (OCSP and CRL); absent = not served. */
  revocation?: RevocationService;
  /** Expiry sweeps, notification policy and mutes; absent = not served. */
  sweeps?: SweepService;
  /** Access keys for signed (Alibaba Cloud SDK) requests; absent = neither their routes nor Alibaba Cloud CheckCertificate are served. */
  accessKeys?: AccessKeyService;
  /** Alibaba Cloud Mobile Push CheckCertificate; served (with accessKeys) at `GET|POST /?Action=CheckCertificate`. */
  checkCertificates?: CheckCertificateService;
  /** HCL Volt MX certexpirydetails; absent = not served. */
  certExpiryDetails?: CertExpiryDetailsService;
  /** IANA zone of the HCL Volt MX certexpirydetails dates (default UTC). */
  displayTimeZone?: string;
  clock: Clock;
  /** GET /metrics; absent = not served. */
  metrics?: MetricsService;
  /** The HTTP request histogram; absent = not measured. */
  httpMetrics?: { observeHttp(method: string, route: string | undefined, statusCode: number, seconds: number): void };
  logger?: Logger;
  bodyLimitBytes?: number;
  logRequests?: boolean;
  /** The built web console (index.html and assets/); absent, or not built there = not served. */
  consoleDir?: string;
  /** fastify's trustProxy (CERTKEEPER_TRUST_PROXY): whose X-Forwarded-For and -Proto to believe for the client's address and https. */
  trustProxy?: boolean | number | string;
}

export type App = FastifyInstance;

/**
 * The longest value a path parameter's schema accepts: a DNS name (`domain`, 253 characters).
 * A test checks every documented path parameter against it.
 */
export const LONGEST_PATH_PARAMETER = 253;

const nativeErrors: ErrorFamily = { statusOf: httpStatusOf, codeField: 'code', document: 'derived', body: { name: 'ErrorEnvelope', schema: ErrorEnvelope } };
// Every failure of a signed request (bad signature, parameter, body or media type) is a 400.
const popErrorFamily: ErrorFamily = { statusOf: statusesOf(popErrors), codeField: 'Code', document: 'table', body: { name: 'CheckCertificateError', schema: PopErrorBody } };
const scmErrorFamily: ErrorFamily = { statusOf: statusesOf(scmErrors), codeField: 'error_code', document: 'listed' };
const waapErrorFamily: ErrorFamily = { statusOf: statusesOf(waapErrors), codeField: 'code', document: 'listed' };

/** Where the native API and the compatible APIs with prefixes of their own are registered (below). */
const NATIVE_PREFIX = '/api/v1';
const SCM_PREFIX = '/v3/scm';
const WAAP_PREFIX = '/waap/v1.0';
const under = (prefix: string) => (path: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * The errors of a documented path: the compatible APIs' by the paths they are registered at
 * (below); everything else, /metrics included, fails through the native error handler.
 */
function errorFamilyOf(url: string): ErrorFamily {
  if (url === '/') return popErrorFamily;
  if (url.startsWith(`${SCM_PREFIX}/`)) return scmErrorFamily;
  if (url.startsWith(`${WAAP_PREFIX}/`)) return waapErrorFamily;
  return nativeErrors;
}

/** Anything thrown, fastify's own errors included, as the native envelope; a 5xx is logged with its cause. */
function sendNativeError(err: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appErr = toAppError(err as FastifyError);
  const status = httpStatusOf[appErr.code];
  if (status >= 500) request.log.error({ err: appErr.cause ?? appErr, code: appErr.code }, 'request failed');
  return reply.status(status).send(errorBody(appErr.code, appErr.message));
}

/** Builds the HTTP application (no listen): the native API, the compatible APIs, health, metrics, the OpenAPI document and its docs, on one server. */
export async function buildApp(deps: AppDependencies): Promise<App> {
  // A path the router cannot decode, or a parameter longer than maxParamLength, is refused
  // before any plugin's hooks run: it is answered in the shape of the API the path is under,
  // after authenticating as that API does. The Alibaba Cloud API is served at `/` only, where
  // neither can happen; every other path answers in the native envelope.
  const onRouterError = routerErrorHandler(
    [
      { owns: under(NATIVE_PREFIX), authenticate: (request) => authenticateRequest(request, { access: deps.access, sessions: deps.sessions }), send: sendNativeError },
      { owns: under(WAAP_PREFIX), authenticate: (request) => deps.access.authenticate(apiKeyOf(request)), send: (err, request, reply) => sendCompatError(waapErrorMapping, err, request, reply) },
      { owns: under(SCM_PREFIX), authenticate: (request) => deps.access.authenticate(authTokenOf(request)), send: (err, request, reply) => sendCompatError(scmErrorMapping, err, request, reply) },
    ],
    { owns: () => true, send: sendNativeError },
  );
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger | undefined,
    logController: new LogController({ disableRequestLogging: !deps.logRequests }),
    bodyLimit: deps.bodyLimitBytes ?? 1024 * 1024,
    return503OnClosing: true,
    // A number of hops as proxy-addr takes it: the first n addresses from the socket are proxies.
    trustProxy: typeof deps.trustProxy === 'number' ? ((_address: string, hop: number) => hop < (deps.trustProxy as number)) : (deps.trustProxy ?? false),
    routerOptions: {
      // Every value a path parameter's schema accepts reaches its route (authentication, then the
      // schema's own limit). The router counts UTF-16 code units, a schema's maxLength
      // characters, and a character outside the BMP takes two units.
      maxParamLength: 2 * LONGEST_PATH_PARAMETER,
    },
    frameworkErrors: (err, request, reply) => onRouterError(err, request, reply),
    childLoggerFactory: lazyChildLogger,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);

  app.setErrorHandler((err: FastifyError, request, reply) => sendNativeError(err, request, reply));
  const consolePages = deps.consoleDir === undefined ? undefined : await registerConsole(app, deps.consoleDir);
  app.setNotFoundHandler((request, reply) => {
    // The console's own routes live in the browser: a deep link is any page GET outside the APIs.
    if (consolePages?.answers(request)) return consolePages.send(reply);
    return reply.status(404).send(errorBody('route_not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
  });
  installRequestBodies(app);

  await app.register(swagger, {
    openapi: {
      // 3.1: its Schema Object is JSON Schema 2020-12, so the TypeBox schemas the routes validate
      // and serialize with are published as they are (exclusiveMinimum as a number, const,
      // type 'null'), with no lossy down-conversion to 3.0's nullable and boolean exclusive bounds.
      openapi: '3.1.0',
      info: {
        title: 'certkeeper',
        version: '0.1.0',
        description:
          'Self-hosted certificate lifecycle manager: one inventory of TLS, APNs and Wallet pass certificates. ' +
          'The native API lives under /api/v1 and answers in the envelope {success, errors, messages, result, resultInfo}; ' +
          'every failure carries a stable machine-readable code. ' +
          'The compatible APIs (GET|POST /?Action=CheckCertificate, GET /api/v1/applications/certexpirydetails, /v3/scm, /waap/v1.0) ' +
          'keep the request, response and error shapes of the APIs they are compatible with.',
        // package.json is private and the repository has no license file: no licence is granted.
        license: { name: 'Proprietary' },
      },
      // Relative: generated clients call the server that served this document.
      servers: [{ url: '/', description: 'this server' }],
      tags: openapiTags,
      components: {
        schemas: errorBodySchemas([nativeErrors, popErrorFamily]),
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          // The console's session (POST /api/v1/auth/sign-in); changes also need X-CSRF-Token.
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { apiKey: [] }, { session: [] }],
    },
    transform: documentErrors(errorFamilyOf),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const { httpMetrics } = deps;
  if (httpMetrics) {
    // The route's pattern, never the raw path (bounded cardinality); undefined when nothing matched.
    // A callback hook: an async one costs a promise and a microtask turn on every request.
    app.addHook('onResponse', (request, reply, done) => {
      httpMetrics.observeHttp(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
  }
  if (deps.metrics) await app.register(metricsRoutes, { metrics: deps.metrics });
  await app.register(healthRoutes, { ping: deps.ping });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(authentication, { access: deps.access, sessions: deps.sessions });
      if (deps.sessions && deps.accounts) {
        await api.register(authRoutes, { sessions: deps.sessions, accounts: deps.accounts, clock: deps.clock });
        await api.register(ssoRoutes, { sso: deps.sso, clock: deps.clock });
        await api.register(userRoutes, { accounts: deps.accounts });
      }
      if (deps.members) await api.register(memberRoutes, { members: deps.members });
      await api.register(organizationRoutes, { access: deps.access });
      await api.register(projectRoutes, { access: deps.access });
      await api.register(certificateRoutes, { inventory: deps.inventory, clock: deps.clock, managed: deps.managed });
      await api.register(serviceRoutes, { serviceDomains: deps.serviceDomains });
      if (deps.settings) await api.register(settingsRoutes, { settings: deps.settings });
      if (deps.apps) await api.register(appRoutes, { apps: deps.apps, clock: deps.clock });
      if (deps.pushHealth) await api.register(pushRoutes, { pushHealth: deps.pushHealth });
      if (deps.revocation) await api.register(revocationRoutes, { revocation: deps.revocation });
      if (deps.notifications) await api.register(notificationRoutes, { notifications: deps.notifications });
      if (deps.endpoints) await api.register(endpointRoutes, { endpoints: deps.endpoints });
      if (deps.deployments) await api.register(deploymentRoutes, { deployments: deps.deployments });
      if (deps.deployments && deps.agentPoll) await api.register(agentRoutes, { deployments: deps.deployments, poll: deps.agentPoll });
      if (deps.sweeps) await api.register(sweepRoutes, { sweeps: deps.sweeps });
      if (deps.accessKeys) await api.register(accessKeyRoutes, { accessKeys: deps.accessKeys });
      if (deps.dashboard) await api.register(dashboardRoutes, { dashboard: deps.dashboard });
      // HCL Volt MX certexpirydetails lives under /api/v1 and uses the native authentication and error envelope.
      if (deps.certExpiryDetails) await api.register(certExpiryRoutes, { certExpiryDetails: deps.certExpiryDetails, clock: deps.clock, displayTimeZone: deps.displayTimeZone ?? 'UTC' });
    },
    { prefix: NATIVE_PREFIX },
  );
  if (deps.managed) await app.register(acmeChallengeRoutes, { managed: deps.managed });
  // Compatible APIs: each an encapsulated plugin with its own authentication and error shape.
  await app.register(waapRoutes, { prefix: WAAP_PREFIX, access: deps.access, domainCertificates: deps.domainCertificates });
  await app.register(scmRoutes, { prefix: SCM_PREFIX, access: deps.access, certificateDetails: deps.certificateDetails, clock: deps.clock });
  // Alibaba Cloud CheckCertificate: RPC actions at the root, signed with access keys; `/` without Action falls through to 404.
  if (deps.accessKeys && deps.checkCertificates) await app.register(checkCertificateRoutes, { accessKeys: deps.accessKeys, checkCertificates: deps.checkCertificates, clock: deps.clock });
  return app;
}
