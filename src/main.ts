import { SsoService } from './services/sso-service.js';
import { OpenIdConnectProvider } from './sso/openid-connect-provider.js';
import { outboundFetch } from './net/outbound-fetch.js';
import path from 'node:path';
import { pino, type Logger } from 'pino';
import { buildApp, type App } from './http/build-app.js';
import { defaultConsoleDir } from './http/console.js';
import type { Config } from './config/config.js';
import { systemClock, type Clock } from './ports/clock.js';
import type { Store } from './ports/store.js';
import { AccessService } from './services/access-service.js';
import { InventoryService } from './services/inventory-service.js';
import { ServiceDomainService } from './services/service-domain-service.js';
import { CertificateDetailsService } from './compat/huawei-scm/certificate-details-service.js';
import { DomainCertificateService } from './compat/swiftfederation-waap/domain-certificate-service.js';
import { loadMasterKeys } from './secrets/master-key-file.js';
import { SecretBox } from './secrets/secret-box.js';
import { createStore } from './storage/create-store.js';
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { AppError } from './domain/app-error.js';
import { AcmeIssuer } from './issuers/acme/acme-issuer.js';
import { dnsSolverFactory } from './issuers/acme/solvers/dns-solver-factory.js';
import { ManagedCertificateService } from './services/managed-certificate-service.js';
import { IssuanceSettingsService } from './services/issuance-settings-service.js';
import { startHttp01Listener } from './api/http01-listener.js';
import { AppService } from './services/app-service.js';
import { CertExpiryDetailsService } from './compat/volt-mx-engagement/cert-expiry-details-service.js';
import { AccessKeyService } from './services/access-key-service.js';
import { CheckCertificateService } from './compat/alibaba-mpush/check-certificate-service.js';
import { PushHealthService } from './services/push-health-service.js';
import { Http2ApnsProbe } from './apns/apns-probe.js';
import { RevocationService } from './services/revocation-service.js';
import { NotificationService } from './services/notification-service.js';
import { AddressPolicy } from './net/address-policy.js';
import { OutboundHttp } from './net/outbound-http.js';
import { createHttpFetch } from './revocation/http-fetch.js';
import { EmailSender } from './notify/email-sender.js';
import { createChannels } from './notify/create-channels.js';
import { EndpointService } from './services/endpoint-service.js';
import { DashboardService } from './services/dashboard-service.js';
import { PrometheusMetrics } from './observability/prometheus-metrics.js';
import { SweepService } from './services/sweep-service.js';
import { MetricsService } from './services/metrics-service.js';
import type { Notifier } from './ports/notifier.js';
import { JobRunner } from './jobs/job-runner.js';
import { backgroundJobs } from './jobs/background-jobs.js';
import { Pkcs12WorkerPool } from './pki/pkcs12-worker-pool.js';
import { DeploymentService } from './services/deployment-service.js';
import { createDeployers } from './deploy/create-deployers.js';
import { AgentLongPoll } from './services/agent-long-poll.js';
import { ScryptPasswordHasher } from './secrets/scrypt-password-hasher.js';
import type { PasswordHasher } from './ports/password-hasher.js';
import { SessionService } from './services/session-service.js';
import { AccountService } from './services/account-service.js';
import { MemberService } from './services/member-service.js';

/** pino, with every header and field that could carry a secret redacted. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-api-key"]',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.token',
        '*.csrfToken',
        '*.setupCode',
        '*.certificatePrivateKey',
        '*.privateKey',
        '*.password',
        '*.pkcs12',
        '*.pkcs12Password',
        '*.config.pkcs12Password',
        '*.key',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options);
}

export interface Services {
  config: Config;
  store: Store;
  box: SecretBox;
  access: AccessService;
  /** Sign-in, sessions, sign-out. */
  sessions: SessionService;
  /** Single sign-on with OpenID Connect, when CERTKEEPER_OIDC_ISSUER is set. */
  sso?: SsoService;
  /** User accounts, the first setup, invitations. */
  accounts: AccountService;
  /** Members of projects and organizations. */
  members: MemberService;
  inventory: InventoryService;
  managed: ManagedCertificateService;
  settings: IssuanceSettingsService;
  serviceDomains: ServiceDomainService;
  domainCertificates: DomainCertificateService;
  certificateDetails: CertificateDetailsService;
  apps: AppService;
  certExpiryDetails: CertExpiryDetailsService;
  pushHealth: PushHealthService;
  revocation: RevocationService;
  /** Notification channels and deliveries; the Notifier (event dispatch) the sweep calls (unless createServices was given another). */
  notifier: NotificationService;
  /** Watched endpoints, probed now or every CERTKEEPER_PROBE_INTERVAL_SECONDS. */
  endpoints: EndpointService;
  /** Deployment targets and deployments: certificates written where servers read them, and verified. */
  deployments: DeploymentService;
  /** The long poll `certkeeper agent` waits on (GET /api/v1/agent/deployments?wait=). */
  agentPoll: AgentLongPoll;
  /** A project's dashboard in one read. */
  dashboard: DashboardService;
  /** Expiry sweeps (scheduled, and POST …/sweep), notification policy and mutes. */
  sweeps: SweepService;
  accessKeys: AccessKeyService;
  checkCertificates: CheckCertificateService;
  /** The Prometheus adapter of the Metrics port: counters and the HTTP request histogram. */
  metrics: PrometheusMetrics;
  /** Who may scrape GET /metrics, and the scrape itself. */
  scrapes: MetricsService;
  /** The background jobs (renewals, sweeps, notifications, revocation checks, push checks, probes). */
  jobs: JobRunner;
  /** The worker threads that read imported PKCS#12 files, off the event loop. */
  pkcs12: Pkcs12WorkerPool;
  clock: Clock;
  logger: Logger;
  close(): Promise<void>;
}

/** Sessions and accounts over a store (the server's, or the `users` command's on the server's database). */
export function createAccountServices(config: Config, store: Store, access: AccessService, clock: Clock, passwordHasher?: PasswordHasher): { sessions: SessionService; accounts: AccountService } {
  const hasher = passwordHasher ?? new ScryptPasswordHasher();
  const sessions = new SessionService(store, access, clock, hasher, { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs });
  const accounts = new AccountService(store, clock, hasher, sessions, { invitationTtlMs: config.invitationTtlMs, sso: config.oidc !== undefined });
  return { sessions, accounts };
}

/** The composition root: config → adapters → services. */
export async function createServices(
  config: Config,
  options: { clock?: Clock; logger?: Logger; store?: Store; notifier?: Notifier; passwordHasher?: PasswordHasher } = {},
): Promise<Services> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const keys = loadMasterKeys(config);
  if (keys.generated) logger.warn({ file: path.join(config.dataDir, 'master.key') }, 'generated a new master key file (mode 0600); back it up: without it stored private keys cannot be read');
  const box = new SecretBox(keys.current, keys.others);
  const store = options.store ?? await createStore({ databaseUrl: config.databaseUrl, sqlitePath: path.join(config.dataDir, 'certkeeper.db'), logger });
  const access = new AccessService(store, clock);
  const { sessions, accounts } = createAccountServices(config, store, access, clock, options.passwordHasher);
  const members = new MemberService(store, access, clock, { invitationTtlMs: config.invitationTtlMs });
  // PKCS#12 key derivations cost up to seconds of CPU: worker threads do them, one per core.
  const pkcs12 = new Pkcs12WorkerPool();
  const inventory = new InventoryService(store, access, box, clock, pkcs12);
  const certificateDetails = new CertificateDetailsService(store, access);
  let caPem: Buffer | undefined;
  if (config.acmeCaFile) {
    try {
      caPem = readFileSync(config.acmeCaFile);
    } catch (err) {
      throw new AppError('config_invalid', `cannot read CERTKEEPER_ACME_CA_FILE ${config.acmeCaFile}: ${(err as Error).message}`);
    }
  }
  // One policy for every server-side outbound connection on someone's behalf: DNS updates to a
  // project's RFC 2136 server, OCSP/CRL fetches, notification channels, endpoint probes, an
  // organization's own ACME directory (the operator's CERTKEEPER_ACME_DIRECTORY_URL is exempt).
  const outbound = new AddressPolicy({ allow: config.outboundAllow, deny: config.outboundDeny });
  const issuer = new AcmeIssuer({ caPem, policy: outbound });
  const metrics = new PrometheusMetrics();
  const solverFor = dnsSolverFactory(config.dnsHookDir, outbound);
  const managed = new ManagedCertificateService(
    store,
    access,
    box,
    clock,
    issuer,
    { directoryUrl: config.acmeDirectoryUrl, contactEmail: config.acmeContactEmail, externalAccountBinding: config.acmeEab, instanceId: config.instanceId, leaseMs: config.leaseMs },
    solverFor,
    logger,
    Math.random,
    metrics,
  );
  const serviceDomains = new ServiceDomainService(store, access, clock, managed);
  const domainCertificates = new DomainCertificateService(store, access);
  const settings = new IssuanceSettingsService(store, access, box, clock, solverFor, (orgId) => managed.forgetAccount(orgId), outbound);
  const apps = new AppService(store, access, inventory, clock);
  const certExpiryDetails = new CertExpiryDetailsService(store, clock);
  const accessKeys = new AccessKeyService(store, access, box, clock);
  const checkCertificates = new CheckCertificateService(store, clock);
  let apnsCaPem: Buffer | undefined;
  if (config.apnsCaFile) {
    try {
      apnsCaPem = readFileSync(config.apnsCaFile);
    } catch (err) {
      throw new AppError('config_invalid', `cannot read CERTKEEPER_APNS_CA_FILE ${config.apnsCaFile}: ${(err as Error).message}`);
    }
  }
  const pushHealth = new PushHealthService(store, access, box, clock, new Http2ApnsProbe({ urls: config.apnsUrls, caPem: apnsCaPem }), { checkIntervalMs: config.pushCheckIntervalMs }, logger);
  // One HTTP client over it for webhooks and chat channels, OCSP responders and CRL distribution points.
  const outboundHttp = new OutboundHttp(outbound);
  const revocation = new RevocationService(store, access, clock, { intervalMs: config.revocationIntervalMs }, createHttpFetch(outboundHttp), logger);
  // The operator's identity provider, reached under the same policy (loopback and private ranges are allowed by default).
  const sso = config.oidc
    ? new SsoService(store, sessions, new OpenIdConnectProvider(config.oidc, outboundFetch(outboundHttp, { timeoutMs: 10_000, maxBytes: 1024 * 1024 }), clock), config.oidc, clock)
    : undefined;
  let smtpCaPem: Buffer | undefined;
  if (config.smtpCaFile) {
    try {
      smtpCaPem = readFileSync(config.smtpCaFile);
    } catch (err) {
      throw new AppError('config_invalid', `cannot read CERTKEEPER_SMTP_CA_FILE ${config.smtpCaFile}: ${(err as Error).message}`);
    }
  }
  // The SMTP server's certificate is verified (chain and name) against Node's roots plus the extra CAs.
  const smtpTls = smtpCaPem ? { ca: [...rootCertificates, smtpCaPem.toString('utf8')] } : undefined;
  const emailSender = config.smtpUrl && config.smtpFrom ? new EmailSender(config.smtpUrl, config.smtpFrom, { tls: smtpTls }) : undefined;
  const notifier = new NotificationService(
    store,
    access,
    box,
    clock,
    createChannels({ http: outboundHttp, clock, email: emailSender }),
    logger,
    { instanceId: config.instanceId },
    metrics,
  );
  const sweeps = new SweepService(store, access, clock, { intervalMs: config.sweepIntervalMs, instanceId: config.instanceId }, options.notifier ?? notifier, logger);
  const endpoints = new EndpointService(store, access, inventory, clock, { intervalMs: config.probeIntervalMs, concurrency: config.probeConcurrency }, outbound, logger, metrics);
  const deployments = new DeploymentService(
    store,
    access,
    box,
    clock,
    createDeployers({ root: config.deployRoot, hookDir: config.deployHookDir, policy: outbound }),
    endpoints,
    { instanceId: config.instanceId, leaseMs: config.leaseMs, verifyWindowMs: config.deployVerifyWindowMs },
    logger,
  );
  // Agents waiting on their long poll wake when this server records something they act on, and
  // at every check (one read for all of them) for what other servers recorded.
  const agentPoll = new AgentLongPoll((ids) => deployments.agentEtags(ids), { checkEveryMs: config.agentCheckMs }, logger);
  deployments.onChange(() => agentPoll.poke());
  managed.onNewVersion(() => agentPoll.poke());
  const dashboard = new DashboardService(store, access, clock);
  const scrapes = new MetricsService(metrics, store.certificates, access, clock, { token: config.metricsToken, public: config.metricsPublic, maxCertificates: config.metricsMaxCertificates });
  // The one list of background work; started by startServer, stopped first on close.
  const jobs = new JobRunner(backgroundJobs({ managed, sweeps, notifier, revocation, pushHealth, endpoints, deployments, sessions }, config), clock, logger, metrics);
  const close = async () => {
    agentPoll.close();
    await jobs.stop();
    await managed.stop();
    emailSender?.close();
    issuer.close();
    await pkcs12.close();
    await store.close();
  };
  return { config, store, box, access, sessions, sso, accounts, members, inventory, managed, settings, serviceDomains, domainCertificates, certificateDetails, apps, certExpiryDetails, pushHealth, revocation, notifier, endpoints, deployments, agentPoll, dashboard, sweeps, accessKeys, checkCertificates, metrics, scrapes, jobs, pkcs12, clock, logger, close };
}

export async function createHttpApp(services: Services): Promise<App> {
  return buildApp({
    ping: () => services.store.ping(),
    access: services.access,
    sessions: services.sessions,
    sso: services.sso,
    accounts: services.accounts,
    members: services.members,
    inventory: services.inventory,
    managed: services.managed,
    settings: services.settings,
    serviceDomains: services.serviceDomains,
    domainCertificates: services.domainCertificates,
    certificateDetails: services.certificateDetails,
    apps: services.apps,
    certExpiryDetails: services.certExpiryDetails,
    pushHealth: services.pushHealth,
    revocation: services.revocation,
    notifications: services.notifier,
    endpoints: services.endpoints,
    deployments: services.deployments,
    agentPoll: services.agentPoll,
    dashboard: services.dashboard,
    sweeps: services.sweeps,
    accessKeys: services.accessKeys,
    checkCertificates: services.checkCertificates,
    displayTimeZone: services.config.displayTimeZone,
    clock: services.clock,
    logger: services.logger,
    bodyLimitBytes: services.config.bodyLimitBytes,
    logRequests: services.config.logRequests,
    trustProxy: services.config.trustProxy,
    metrics: services.scrapes,
    httpMetrics: services.metrics,
    consoleDir: defaultConsoleDir(),
  });
}

export interface RunningServer {
  app: App;
  services: Services;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the server: migrations, bootstrap key, HTTP listener. Prints a generated superuser key
 * once, to stdout, on the first start without CERTKEEPER_BOOTSTRAP_TOKEN.
 */
export async function startServer(config: Config, options: { clock?: Clock; logger?: Logger; print?: (line: string) => void } = {}): Promise<RunningServer> {
  const services = await createServices(config, options);
  const firstKey = await services.access.ensureBootstrapKey(config.bootstrapToken);
  const { setupCode } = await services.accounts.ensureFirstAdmin(config.bootstrapAdmin);
  const app = await createHttpApp(services);
  await app.listen({ host: config.host, port: config.port });
  const http01 = config.http01Port === undefined ? undefined : await startHttp01Listener(services.managed, config.host, config.http01Port);
  // Background work on schedule (jobs/background-jobs.ts); the renewals' first pass resumes what an earlier run left.
  services.jobs.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const print = options.print ?? ((line: string) => process.stdout.write(line + '\n'));
  if (firstKey) print(`certkeeper: created the initial superuser API key (shown once, store it now):\n\n  ${firstKey}\n`);
  if (setupCode) {
    print(
      `certkeeper: no user account exists yet. Open the console and create the first administrator with this setup code\n` +
        `(it works until the first account exists, or until a server starts again and prints a new one):\n\n  ${setupCode}\n`,
    );
  }
  // createStore opens PostgreSQL exactly when DATABASE_URL is set.
  services.logger.info({ url, store: config.databaseUrl ? 'postgres' : 'sqlite' }, 'certkeeper listening');
  return {
    app,
    services,
    url,
    close: async () => {
      await app.close();
      if (http01) await new Promise((resolve) => http01.server.close(resolve));
      await services.close();
    },
  };
}
