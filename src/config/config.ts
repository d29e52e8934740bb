import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hostname } from 'node:os';
import { AppError } from '../domain/app-error.js';
import { isValidTimeZone } from './is-valid-time-zone.js';
import { parseAddressList } from '../net/address-policy.js';
import { loadOidcConfig, oidcConfigKeys, type OidcConfig } from './oidc-config.js';

/** The server's configuration, parsed and validated once, then frozen. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** A postgres:// URL selects PostgreSQL; undefined = SQLite in dataDir. */
  databaseUrl?: string;
  /** Base64 of 32 bytes; undefined = a key file in dataDir. */
  masterKey?: string;
  /** Earlier master keys (base64), so material sealed before a rotation still opens. */
  previousMasterKeys: string[];
  bootstrapToken?: string;
  logLevel: string;
  bodyLimitBytes: number;
  /** Whether to log one line per request (off by default: it costs throughput and says little). */
  logRequests: boolean;
  /** The default ACME directory (an organization setting may override it). */
  acmeDirectoryUrl: string;
  /** Extra CA certificates (PEM file) to trust for the ACME directory's HTTPS, e.g. Pebble's. */
  acmeCaFile?: string;
  acmeContactEmail?: string;
  /** External account binding for CAs that require it (RFC 8555 §7.3.4). */
  acmeEab?: { keyId: string; hmacKey: string };
  /** An extra listener that answers only http-01 challenges (port 80 in production); undefined = none. */
  http01Port?: number;
  /** This server's name in certificate leases; stable across restarts. */
  instanceId: string;
  /** How often the renewal scheduler looks for due work. */
  renewalIntervalMs: number;
  /** How long one issuance attempt holds a certificate's lease before another server may take over. */
  leaseMs: number;
  /** Where exec DNS hooks may live: a project names a file here, never an arbitrary command. */
  dnsHookDir?: string;
  /** IANA time zone that HCL Volt MX certexpirydetails shows expiry dates in (default UTC). */
  displayTimeZone: string;
  /** The APNs gateway of each environment that push checks connect to (origin URLs). */
  apnsUrls: { production: string; development: string };
  /** Extra CA certificates (PEM file) to trust for the APNs gateways' TLS (tests, proxies). */
  apnsCaFile?: string;
  /** How often each bound APNs certificate is checked against APNs (default daily). */
  pushCheckIntervalMs: number;
  /** How often the scheduler checks revocation of certificates whose cached answer expired (default 6 hours). */
  revocationIntervalMs: number;
  /** A Bearer token that may read GET /metrics (a superuser API key may too); undefined = only superuser keys. */
  metricsToken?: string;
  /** GET /metrics without any authentication (explicit opt-out of the default protection). */
  metricsPublic: boolean;
  /** CERTKEEPER_METRICS_MAX_CERTIFICATES: per-certificate series for at most this many certificates, soonest expiry first (0: all; default 10,000). */
  metricsMaxCertificates: number;
  /** The SMTP server email channels send through (`smtp://user:pass@host:port` or `smtps://…`); undefined = no email channels. */
  smtpUrl?: string;
  /** The From address of notification emails. */
  smtpFrom?: string;
  /** Extra CA certificates (PEM file) to trust for the SMTP server's TLS (STARTTLS or smtps), e.g. an internal relay's CA. */
  smtpCaFile?: string;
  /**
   * Destinations (CIDR, address or host name) every server-side connection (probes, notification
   * channels, OCSP and CRL fetches) may reach although the built-in deny list refuses them:
   * CERTKEEPER_OUTBOUND_ALLOW plus the deprecated CERTKEEPER_PROBE_ALLOW.
   */
  outboundAllow: string[];
  /**
   * Destinations (CIDR, address or host name) no server-side connection reaches, loopback and
   * allowed ones included: CERTKEEPER_OUTBOUND_DENY plus the deprecated CERTKEEPER_PROBE_DENY.
   */
  outboundDeny: string[];
  /** How often the notification worker retries due deliveries. */
  notifyRetryIntervalMs: number;
  /** How often each project is swept for expiring and expired certificates (default 10 minutes). */
  sweepIntervalMs: number;
  /** How often each watched endpoint is probed (default hourly). */
  probeIntervalMs: number;
  /** Endpoints one server probes at once in a scheduled pass (default 64). */
  probeConcurrency: number;
  /** Where `local` deployment targets write (each under a directory relative to it); undefined = local targets are refused. */
  deployRoot?: string;
  /** Where deployment reload hooks live: a target names a file here, never an arbitrary command. */
  deployHookDir?: string;
  /** How often the deployment job looks for versions to write and endpoints to verify (default 30 s). */
  deployIntervalMs: number;
  /** How long after a deploy the endpoints a deployment names may still serve the old certificate (default 5 minutes). */
  deployVerifyWindowMs: number;
  /** While agents wait on their long poll, their targets are checked against the database this often (default 2 s): versions another server recorded reach them within it. */
  agentCheckMs: number;
  /** fastify's trustProxy: false (default), true, a number of hops, or addresses/CIDRs of the proxies to believe. */
  trustProxy: boolean | number | string;
  /** A console session unused for this long ends (default 12 hours). */
  sessionIdleMs: number;
  /** A console session ends this long after sign-in, however much it is used (default 7 days). */
  sessionAbsoluteMs: number;
  /** How long an invitation link works (default 7 days). */
  invitationTtlMs: number;
  /** How often ended sessions and stale sign-in counts are deleted (default hourly). */
  sessionPurgeIntervalMs: number;
  /** A superuser account with exactly these credentials exists after start (both or neither). */
  bootstrapAdmin?: { email: string; password: string };
  /** Single sign-on with OpenID Connect (CERTKEEPER_OIDC_*); undefined = password sign-in only. */
  oidc?: OidcConfig;
}

/** The keys a config file or the environment may set. */
export const configKeys = [
  'HOST',
  'PORT',
  'CERTKEEPER_DATA_DIR',
  'DATABASE_URL',
  'CERTKEEPER_MASTER_KEY',
  'CERTKEEPER_PREVIOUS_MASTER_KEYS',
  'CERTKEEPER_BOOTSTRAP_TOKEN',
  'CERTKEEPER_LOG_LEVEL',
  'CERTKEEPER_BODY_LIMIT_BYTES',
  'CERTKEEPER_LOG_REQUESTS',
  'CERTKEEPER_ACME_DIRECTORY_URL',
  'CERTKEEPER_ACME_CA_FILE',
  'CERTKEEPER_ACME_EMAIL',
  'CERTKEEPER_ACME_EAB_KEY_ID',
  'CERTKEEPER_ACME_EAB_HMAC_KEY',
  'CERTKEEPER_HTTP01_PORT',
  'CERTKEEPER_INSTANCE_ID',
  'CERTKEEPER_RENEWAL_INTERVAL_SECONDS',
  'CERTKEEPER_LEASE_SECONDS',
  'CERTKEEPER_DNS_HOOK_DIR',
  'CERTKEEPER_DISPLAY_TIME_ZONE',
  'CERTKEEPER_APNS_PRODUCTION_URL',
  'CERTKEEPER_APNS_DEVELOPMENT_URL',
  'CERTKEEPER_APNS_CA_FILE',
  'CERTKEEPER_PUSH_CHECK_INTERVAL_SECONDS',
  'CERTKEEPER_REVOCATION_INTERVAL_SECONDS',
  'CERTKEEPER_METRICS_TOKEN',
  'CERTKEEPER_METRICS_PUBLIC',
  'CERTKEEPER_SMTP_URL',
  'CERTKEEPER_SMTP_FROM',
  'CERTKEEPER_SMTP_CA_FILE',
  'CERTKEEPER_OUTBOUND_ALLOW',
  'CERTKEEPER_OUTBOUND_DENY',
  'CERTKEEPER_NOTIFY_RETRY_INTERVAL_SECONDS',
  'CERTKEEPER_SWEEP_INTERVAL_SECONDS',
  'CERTKEEPER_PROBE_INTERVAL_SECONDS',
  'CERTKEEPER_PROBE_CONCURRENCY',
  'CERTKEEPER_METRICS_MAX_CERTIFICATES',
  'CERTKEEPER_PROBE_ALLOW',
  'CERTKEEPER_PROBE_DENY',
  'CERTKEEPER_DEPLOY_ROOT',
  'CERTKEEPER_DEPLOY_HOOK_DIR',
  'CERTKEEPER_DEPLOY_INTERVAL_SECONDS',
  'CERTKEEPER_DEPLOY_VERIFY_WINDOW_SECONDS',
  'CERTKEEPER_AGENT_CHECK_SECONDS',
  'CERTKEEPER_TRUST_PROXY',
  'CERTKEEPER_SESSION_IDLE_SECONDS',
  'CERTKEEPER_SESSION_ABSOLUTE_SECONDS',
  'CERTKEEPER_INVITATION_TTL_SECONDS',
  'CERTKEEPER_SESSION_PURGE_INTERVAL_SECONDS',
  'CERTKEEPER_BOOTSTRAP_ADMIN_EMAIL',
  'CERTKEEPER_BOOTSTRAP_ADMIN_PASSWORD',
  ...oidcConfigKeys,
] as const;

export const LETS_ENCRYPT_DIRECTORY = 'https://acme-v02.api.letsencrypt.org/directory';

type Source = Partial<Record<(typeof configKeys)[number], string>>;

/**
 * Reads the configuration: a JSON config file (path in `CERTKEEPER_CONFIG`, or `configFile`)
 * may set any of `configKeys`; the environment overrides the file.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, configFile = env.CERTKEEPER_CONFIG): Config {
  let fromFile: Source = {};
  if (configFile) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(configFile, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
      fromFile = Object.fromEntries(
        Object.entries(parsed).filter(([k]) => (configKeys as readonly string[]).includes(k)).map(([k, v]) => [k, String(v)]),
      ) as Source;
    } catch (err) {
      throw new AppError('config_invalid', `cannot read config file ${configFile}: ${(err as Error).message}`);
    }
  }
  const get = (key: (typeof configKeys)[number]): string | undefined => {
    const v = env[key] ?? fromFile[key];
    return v === undefined || v === '' ? undefined : v;
  };

  const port = Number(get('PORT') ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('config_invalid', `PORT must be an integer 0-65535, got ${get('PORT')}`);

  const bodyLimitBytes = Number(get('CERTKEEPER_BODY_LIMIT_BYTES') ?? String(1024 * 1024));
  if (!Number.isInteger(bodyLimitBytes) || bodyLimitBytes < 1024) throw new AppError('config_invalid', 'CERTKEEPER_BODY_LIMIT_BYTES must be an integer >= 1024');

  const databaseUrl = get('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new AppError('config_invalid', 'DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite store)');
  }

  const bootstrapToken = get('CERTKEEPER_BOOTSTRAP_TOKEN');
  if (bootstrapToken !== undefined && bootstrapToken.length < 32) {
    throw new AppError('bootstrap_token_too_short', 'CERTKEEPER_BOOTSTRAP_TOKEN must be at least 32 characters');
  }

  const acmeDirectoryUrl = get('CERTKEEPER_ACME_DIRECTORY_URL') ?? LETS_ENCRYPT_DIRECTORY;
  if (!/^https?:\/\//.test(acmeDirectoryUrl)) throw new AppError('config_invalid', 'CERTKEEPER_ACME_DIRECTORY_URL must be an https:// URL');
  const http01 = get('CERTKEEPER_HTTP01_PORT');
  const http01Port = http01 === undefined ? undefined : Number(http01);
  if (http01Port !== undefined && (!Number.isInteger(http01Port) || http01Port < 0 || http01Port > 65535)) throw new AppError('config_invalid', 'CERTKEEPER_HTTP01_PORT must be an integer 0-65535');
  const eabKeyId = get('CERTKEEPER_ACME_EAB_KEY_ID');
  const eabHmac = get('CERTKEEPER_ACME_EAB_HMAC_KEY');
  if ((eabKeyId === undefined) !== (eabHmac === undefined)) throw new AppError('config_invalid', 'CERTKEEPER_ACME_EAB_KEY_ID and CERTKEEPER_ACME_EAB_HMAC_KEY go together');
  const renewalSeconds = Number(get('CERTKEEPER_RENEWAL_INTERVAL_SECONDS') ?? '300');
  if (!Number.isFinite(renewalSeconds) || renewalSeconds < 1) throw new AppError('config_invalid', 'CERTKEEPER_RENEWAL_INTERVAL_SECONDS must be a number >= 1');
  const leaseSeconds = Number(get('CERTKEEPER_LEASE_SECONDS') ?? '600');
  if (!Number.isFinite(leaseSeconds) || leaseSeconds < 1) throw new AppError('config_invalid', 'CERTKEEPER_LEASE_SECONDS must be a number >= 1');

  const displayTimeZone = get('CERTKEEPER_DISPLAY_TIME_ZONE') ?? 'UTC';
  if (!isValidTimeZone(displayTimeZone)) throw new AppError('config_invalid', `CERTKEEPER_DISPLAY_TIME_ZONE must be an IANA time zone (e.g. UTC, Asia/Kolkata), got ${displayTimeZone}`);

  const apnsUrl = (key: 'CERTKEEPER_APNS_PRODUCTION_URL' | 'CERTKEEPER_APNS_DEVELOPMENT_URL', fallback: string): string => {
    const v = get(key) ?? fallback;
    if (!/^https:\/\/[^/?#]+\/?$/.test(v)) throw new AppError('config_invalid', `${key} must be an https:// origin (e.g. https://api.push.apple.com), got ${v}`);
    return v.replace(/\/$/, '');
  };
  const apnsUrls = {
    production: apnsUrl('CERTKEEPER_APNS_PRODUCTION_URL', 'https://api.push.apple.com'),
    development: apnsUrl('CERTKEEPER_APNS_DEVELOPMENT_URL', 'https://api.sandbox.push.apple.com'),
  };
  const pushCheckSeconds = Number(get('CERTKEEPER_PUSH_CHECK_INTERVAL_SECONDS') ?? '86400');
  if (!Number.isFinite(pushCheckSeconds) || pushCheckSeconds < 1) throw new AppError('config_invalid', 'CERTKEEPER_PUSH_CHECK_INTERVAL_SECONDS must be a number >= 1');
  const revocationSeconds = Number(get('CERTKEEPER_REVOCATION_INTERVAL_SECONDS') ?? '21600');
  if (!Number.isFinite(revocationSeconds) || revocationSeconds < 1) throw new AppError('config_invalid', 'CERTKEEPER_REVOCATION_INTERVAL_SECONDS must be a number >= 1');

  const metricsToken = get('CERTKEEPER_METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 32) throw new AppError('config_invalid', 'CERTKEEPER_METRICS_TOKEN must be at least 32 characters');
  const metricsMaxCertificates = Number(get('CERTKEEPER_METRICS_MAX_CERTIFICATES') ?? '10000');
  if (!Number.isInteger(metricsMaxCertificates) || metricsMaxCertificates < 0) throw new AppError('config_invalid', 'CERTKEEPER_METRICS_MAX_CERTIFICATES must be a whole number (0: no limit)');
  const metricsPublicRaw = get('CERTKEEPER_METRICS_PUBLIC') ?? 'false';
  if (!/^(1|true|yes|0|false|no)$/i.test(metricsPublicRaw)) throw new AppError('config_invalid', 'CERTKEEPER_METRICS_PUBLIC must be true or false');

  const sweepSeconds = Number(get('CERTKEEPER_SWEEP_INTERVAL_SECONDS') ?? '600');
  if (!Number.isFinite(sweepSeconds) || sweepSeconds < 1) throw new AppError('config_invalid', 'CERTKEEPER_SWEEP_INTERVAL_SECONDS must be a number >= 1');
  const probeSeconds = Number(get('CERTKEEPER_PROBE_INTERVAL_SECONDS') ?? '3600');
  if (!Number.isFinite(probeSeconds) || probeSeconds < 1) throw new AppError('config_invalid', 'CERTKEEPER_PROBE_INTERVAL_SECONDS must be a number >= 1');
  const probeConcurrency = Number(get('CERTKEEPER_PROBE_CONCURRENCY') ?? '64');
  if (!Number.isInteger(probeConcurrency) || probeConcurrency < 1 || probeConcurrency > 1000) throw new AppError('config_invalid', 'CERTKEEPER_PROBE_CONCURRENCY must be an integer from 1 to 1000');
  // One allow and one deny list for every outbound connection. The deprecated probe settings are
  // merged in, with the format they always had (addresses and CIDR ranges, no host names).
  const addresses = (key: 'CERTKEEPER_OUTBOUND_ALLOW' | 'CERTKEEPER_OUTBOUND_DENY' | 'CERTKEEPER_PROBE_ALLOW' | 'CERTKEEPER_PROBE_DENY'): string[] => {
    const names = key.startsWith('CERTKEEPER_OUTBOUND_');
    try {
      return parseAddressList(get(key), { names });
    } catch (err) {
      throw new AppError('config_invalid', `${key} (a comma-separated list): ${(err as Error).message}`);
    }
  };
  const outboundAllow = [...new Set([...addresses('CERTKEEPER_OUTBOUND_ALLOW'), ...addresses('CERTKEEPER_PROBE_ALLOW')])];
  const outboundDeny = [...new Set([...addresses('CERTKEEPER_OUTBOUND_DENY'), ...addresses('CERTKEEPER_PROBE_DENY')])];

  const smtpUrl = get('CERTKEEPER_SMTP_URL');
  if (smtpUrl !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(smtpUrl);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || !parsed.hostname) {
      throw new AppError('config_invalid', 'CERTKEEPER_SMTP_URL must be smtp://user:pass@host:port or smtps://user:pass@host:port');
    }
  }
  const smtpFrom = get('CERTKEEPER_SMTP_FROM');
  if (smtpUrl !== undefined && smtpFrom === undefined) throw new AppError('config_invalid', 'CERTKEEPER_SMTP_FROM (the From address of notification emails) is required with CERTKEEPER_SMTP_URL');
  if (smtpFrom !== undefined && !/^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/.test(smtpFrom.trim())) throw new AppError('config_invalid', 'CERTKEEPER_SMTP_FROM must be an email address, optionally with a name: "certkeeper <certs@example.com>"');
  const notifyRetrySeconds = Number(get('CERTKEEPER_NOTIFY_RETRY_INTERVAL_SECONDS') ?? '30');
  if (!Number.isFinite(notifyRetrySeconds) || notifyRetrySeconds < 1) throw new AppError('config_invalid', 'CERTKEEPER_NOTIFY_RETRY_INTERVAL_SECONDS must be a number >= 1');

  const deployRoot = get('CERTKEEPER_DEPLOY_ROOT');
  if (deployRoot !== undefined && !path.isAbsolute(deployRoot)) throw new AppError('config_invalid', 'CERTKEEPER_DEPLOY_ROOT must be an absolute path');
  const deployHookDir = get('CERTKEEPER_DEPLOY_HOOK_DIR');
  if (deployHookDir !== undefined && !path.isAbsolute(deployHookDir)) throw new AppError('config_invalid', 'CERTKEEPER_DEPLOY_HOOK_DIR must be an absolute path');
  const deploySeconds = Number(get('CERTKEEPER_DEPLOY_INTERVAL_SECONDS') ?? '30');
  if (!Number.isFinite(deploySeconds) || deploySeconds < 1) throw new AppError('config_invalid', 'CERTKEEPER_DEPLOY_INTERVAL_SECONDS must be a number >= 1');
  const agentCheckSeconds = Number(get('CERTKEEPER_AGENT_CHECK_SECONDS') ?? '2');
  if (!Number.isFinite(agentCheckSeconds) || agentCheckSeconds < 0.1 || agentCheckSeconds > 60) throw new AppError('config_invalid', 'CERTKEEPER_AGENT_CHECK_SECONDS must be a number from 0.1 to 60');
  const verifySeconds = Number(get('CERTKEEPER_DEPLOY_VERIFY_WINDOW_SECONDS') ?? '300');
  if (!Number.isFinite(verifySeconds) || verifySeconds < 1) throw new AppError('config_invalid', 'CERTKEEPER_DEPLOY_VERIFY_WINDOW_SECONDS must be a number >= 1');
  const trustProxyRaw = get('CERTKEEPER_TRUST_PROXY') ?? 'false';
  let trustProxy: boolean | number | string;
  if (/^(1|true|yes)$/i.test(trustProxyRaw) && trustProxyRaw !== '1') trustProxy = true;
  else if (/^(0|false|no)$/i.test(trustProxyRaw)) trustProxy = false;
  else if (/^\d{1,2}$/.test(trustProxyRaw)) trustProxy = Number(trustProxyRaw);
  else {
    try {
      // proxy-addr's names for ranges are accepted besides addresses and CIDR ranges.
      const entries = trustProxyRaw.split(/[\s,]+/).filter(Boolean);
      parseAddressList(entries.filter((e) => !/^(loopback|linklocal|uniquelocal)$/.test(e)).join(','), { names: false });
      trustProxy = entries.join(',');
    } catch (err) {
      throw new AppError('config_invalid', `CERTKEEPER_TRUST_PROXY must be true, false, a number of proxies or a comma-separated list of proxy addresses and CIDR ranges: ${(err as Error).message}`);
    }
  }
  const seconds = (key: (typeof configKeys)[number], fallback: number, min: number): number => {
    const v = Number(get(key) ?? String(fallback));
    if (!Number.isFinite(v) || v < min) throw new AppError('config_invalid', `${key} must be a number >= ${min}`);
    return Math.round(v * 1000);
  };
  const sessionIdleMs = seconds('CERTKEEPER_SESSION_IDLE_SECONDS', 43_200, 60);
  const sessionAbsoluteMs = seconds('CERTKEEPER_SESSION_ABSOLUTE_SECONDS', 604_800, 60);
  if (sessionAbsoluteMs < sessionIdleMs) throw new AppError('config_invalid', 'CERTKEEPER_SESSION_ABSOLUTE_SECONDS must not be shorter than CERTKEEPER_SESSION_IDLE_SECONDS');
  const invitationTtlMs = seconds('CERTKEEPER_INVITATION_TTL_SECONDS', 604_800, 60);
  const sessionPurgeIntervalMs = seconds('CERTKEEPER_SESSION_PURGE_INTERVAL_SECONDS', 3600, 1);
  const adminEmail = get('CERTKEEPER_BOOTSTRAP_ADMIN_EMAIL');
  const adminPassword = get('CERTKEEPER_BOOTSTRAP_ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) throw new AppError('config_invalid', 'CERTKEEPER_BOOTSTRAP_ADMIN_EMAIL and CERTKEEPER_BOOTSTRAP_ADMIN_PASSWORD go together');

  const oidc = loadOidcConfig(get as (key: string) => string | undefined);

  return Object.freeze({
    host: get('HOST') ?? '127.0.0.1',
    port,
    dataDir: path.resolve(get('CERTKEEPER_DATA_DIR') ?? './data'),
    databaseUrl,
    masterKey: get('CERTKEEPER_MASTER_KEY'),
    previousMasterKeys: (get('CERTKEEPER_PREVIOUS_MASTER_KEYS') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    bootstrapToken,
    logLevel: get('CERTKEEPER_LOG_LEVEL') ?? 'info',
    bodyLimitBytes,
    logRequests: /^(1|true|yes)$/i.test(get('CERTKEEPER_LOG_REQUESTS') ?? ''),
    acmeDirectoryUrl,
    acmeCaFile: get('CERTKEEPER_ACME_CA_FILE'),
    acmeContactEmail: get('CERTKEEPER_ACME_EMAIL'),
    acmeEab: eabKeyId && eabHmac ? { keyId: eabKeyId, hmacKey: eabHmac } : undefined,
    http01Port,
    instanceId: get('CERTKEEPER_INSTANCE_ID') ?? (port === 0 ? `${hostname()}:pid-${process.pid}` : `${hostname()}:${port}`),
    renewalIntervalMs: Math.round(renewalSeconds * 1000),
    leaseMs: Math.round(leaseSeconds * 1000),
    dnsHookDir: get('CERTKEEPER_DNS_HOOK_DIR'),
    displayTimeZone,
    apnsUrls,
    apnsCaFile: get('CERTKEEPER_APNS_CA_FILE'),
    pushCheckIntervalMs: Math.round(pushCheckSeconds * 1000),
    revocationIntervalMs: Math.round(revocationSeconds * 1000),
    metricsToken,
    metricsMaxCertificates,
    metricsPublic: /^(1|true|yes)$/i.test(metricsPublicRaw),
    smtpUrl,
    smtpFrom,
    smtpCaFile: get('CERTKEEPER_SMTP_CA_FILE'),
    outboundAllow,
    outboundDeny,
    notifyRetryIntervalMs: Math.round(notifyRetrySeconds * 1000),
    sweepIntervalMs: Math.round(sweepSeconds * 1000),
    probeIntervalMs: Math.round(probeSeconds * 1000),
    probeConcurrency,
    deployRoot,
    deployHookDir,
    deployIntervalMs: Math.round(deploySeconds * 1000),
    deployVerifyWindowMs: Math.round(verifySeconds * 1000),
    agentCheckMs: Math.round(agentCheckSeconds * 1000),
    trustProxy,
    sessionIdleMs,
    sessionAbsoluteMs,
    invitationTtlMs,
    sessionPurgeIntervalMs,
    bootstrapAdmin: adminEmail !== undefined && adminPassword !== undefined ? { email: adminEmail, password: adminPassword } : undefined,
    oidc,
  });
}
