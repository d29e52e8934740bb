/**
 * The ACME (RFC 8555) issuer over acme-client 5: acme-client signs the requests (JWS, EAB
 * HMAC), keeps the directory and the account URL; this adapter sends them over keep-alive
 * sockets, reuses nonces, polls quickly, and turns every refusal into an AppError that keeps
 * the CA's problem document. ACME Renewal Information (RFC 9773), which acme-client lacks, is
 * read here from the directory's `renewalInfo`.
 *
 * The operator's directory is connected to as configured. A directory that came from an
 * organization's settings (`IssuerAccount.tenantDirectory`) goes through the outbound
 * AddressPolicy, with every URL it or the CA hands out: a session is bound to one transport
 * for all its requests, so no URL of such a directory reaches the unchecked one.
 */
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import acme from 'acme-client';
import { AppError } from '../../domain/app-error.js';
import type { AcmeProblem, ChallengeType } from '../../domain/managed-certificate.js';
import { systemClock, type Clock } from '../../ports/clock.js';
import type { IssuedChain, Issuer, IssuerAccount, IssuerOrder, OrderChallenge, RenewalInfo } from '../../ports/issuer.js';
import { AddressPolicy } from '../../net/address-policy.js';
import { AcmeTransport, retryAfterOf, type AcmeResponse } from './acme-transport.js';
import { renewalCertificateId } from '../../pki/renewal-certificate-id.js';

export interface AcmeIssuerOptions {
  /** Extra CAs to trust for the directory's HTTPS (Node's bundled roots stay trusted), e.g. Pebble's. */
  caPem?: string | Buffer;
  /** Limit for one wait: challenge validation, or finalization until the certificate is ready. Default 90 s. */
  timeoutMs?: number;
  /** Limit for one HTTP exchange. Default 30 s. */
  requestTimeoutMs?: number;
  /** First delay between polls; it doubles up to `maxPollIntervalMs`. Default 5 ms. */
  pollIntervalMs?: number;
  /** Default 250 ms. A CA's Retry-After may ask for more, up to 10 s. */
  maxPollIntervalMs?: number;
  /** Accounts (directory + key) whose client is kept: directory, parsed key, account URL, nonces. Default 1000. */
  maxCachedAccounts?: number;
  userAgent?: string;
  /** Turns a Retry-After delay into the RenewalInfo's absolute `retryAfter`. */
  clock?: Clock;
  /** Where the directories of `tenantDirectory` accounts may connect. Default: the built-in deny list only. */
  policy?: AddressPolicy;
}

/** The parts of acme-client 5's (untyped) internals this adapter drives; checked by the Pebble tests. */
interface HttpClientInternals {
  request(url: string, method: string, opts?: { data?: unknown }): Promise<AcmeResponse>;
  getNonce(): Promise<string>;
  getDirectory(): Promise<AcmeDirectory>;
  getJwk(): Record<string, string>;
  /** acme-client keeps the PEM Buffer; a KeyObject works everywhere it is used (getJwk, sign). */
  accountKey: Buffer | KeyObject;
  directoryCache: AcmeDirectory | null;
  /** Seconds. */
  directoryTimestamp: number;
  externalAccountBinding: { kid?: string; hmacKey?: string };
}
interface AcmeApiInternals {
  accountUrl: string | null;
  apiRequest(url: string, payload: unknown, validStatusCodes: number[], opts?: { includeJwsKid?: boolean; includeExternalAccountBinding?: boolean }): Promise<AcmeResponse>;
}
interface AcmeDirectory {
  newNonce: string;
  newAccount: string;
  newOrder: string;
  revokeCert: string;
  renewalInfo?: string;
  meta?: Record<string, unknown>;
}

interface AcmeAuthorization {
  status: string;
  identifier: { type: string; value: string };
  wildcard?: boolean;
  challenges: Array<{ type: string; url: string; token: string; status: string; error?: AcmeProblem }>;
}
interface AcmeOrder {
  status: string;
  expires?: string;
  identifiers: Array<{ type: string; value: string }>;
  authorizations: string[];
  finalize: string;
  certificate?: string;
  error?: AcmeProblem;
}

/** One cached acme-client per (directory, account key). */
interface AccountSession {
  directoryUrl: string;
  /** Every request of the session goes through it: the checked transport for a tenant's directory. */
  transport: AcmeTransport;
  /** The key of its directory in the directory cache. */
  directoryKey: string;
  http: HttpClientInternals;
  api: AcmeApiInternals;
  /** base64url JWK thumbprint (RFC 7638), for key authorizations (RFC 8555 §8.1). */
  thumbprint: string;
  /** The account URL once known; a promise while it is being looked up. */
  accountUrl: Promise<string> | null;
  /** Nonces from earlier responses (RFC 8555 §7.2: every response carries a fresh one). */
  nonces: string[];
}

const maxPooledNonces = 32;
const directoryMaxAgeMs = 12 * 3600_000;
const pendingAuthorizationStates = new Set(['pending', 'processing']);

export class AcmeIssuer implements Issuer {
  private readonly transport: AcmeTransport;
  /** For directories from organizations' settings: connects only where the AddressPolicy allows. */
  private readonly checkedTransport: AcmeTransport;
  private readonly sessions = new Map<string, AccountSession>();
  private readonly directories = new Map<string, { directory: Promise<AcmeDirectory>; fetchedAt: number }>();
  private readonly timeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly maxPollIntervalMs: number;
  private readonly maxCachedAccounts: number;
  private readonly clock: Clock;

  constructor(options: AcmeIssuerOptions = {}) {
    const transportOptions = { caPem: options.caPem, requestTimeoutMs: options.requestTimeoutMs, userAgent: options.userAgent };
    this.transport = new AcmeTransport(transportOptions);
    this.checkedTransport = new AcmeTransport({ ...transportOptions, policy: options.policy ?? new AddressPolicy() });
    this.timeoutMs = options.timeoutMs ?? 90_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 5;
    this.maxPollIntervalMs = options.maxPollIntervalMs ?? 250;
    this.maxCachedAccounts = options.maxCachedAccounts ?? 1000;
    this.clock = options.clock ?? systemClock;
  }

  /** Closes the keep-alive sockets and forgets the cached accounts. */
  close(): void {
    this.sessions.clear();
    this.directories.clear();
    this.transport.close();
    this.checkedTransport.close();
  }

  async ensureAccount(account: IssuerAccount): Promise<{ accountUrl: string }> {
    const session = this.session(account);
    if (session.accountUrl) {
      try {
        return { accountUrl: await session.accountUrl };
      } catch {
        // a failed lookup is forgotten below; register now
      }
    }
    const registering = this.register(session, account);
    session.accountUrl = registering;
    registering.catch(() => {
      if (session.accountUrl === registering) session.accountUrl = null;
    });
    return { accountUrl: await registering };
  }

  async createOrder(account: IssuerAccount, identifiers: readonly string[], challengeType: ChallengeType, replaces?: string): Promise<IssuerOrder> {
    const session = this.session(account);
    await this.accountUrlOf(session, account);
    const directory = await this.directory(session);
    const payload: Record<string, unknown> = {
      identifiers: identifiers.map((value) => ({ type: isIP(value) ? 'ip' : 'dns', value })),
    };
    // RFC 9773 §5: only a CA that offers renewalInfo understands `replaces`.
    if (replaces && directory.renewalInfo) payload.replaces = replaces;
    const resp = await this.post(session, directory.newOrder, payload, 'create the order');
    if (resp.status !== 201 || !resp.headers.location) throw unexpected('create the order', resp);
    return this.describeOrder(session, resp.headers.location, resp.data as AcmeOrder, challengeType);
  }

  async getOrder(account: IssuerAccount, orderUrl: string, challengeType: ChallengeType): Promise<IssuerOrder> {
    const session = this.session(account);
    await this.accountUrlOf(session, account);
    const resp = await this.post(session, orderUrl, null, 'read the order');
    return this.describeOrder(session, orderUrl, resp.data as AcmeOrder, challengeType);
  }

  async completeChallenges(account: IssuerAccount, order: IssuerOrder): Promise<IssuerOrder> {
    const session = this.session(account);
    await this.accountUrlOf(session, account);
    const deadline = Date.now() + this.timeoutMs;
    const outcomes = await Promise.all(
      order.challenges.map(async (challenge) => {
        if (challenge.status === 'pending') {
          // RFC 8555 §7.5.1: an empty JSON object says "ready, validate now".
          await this.post(session, challenge.challengeUrl, {}, `start validation of ${challenge.identifier}`);
        }
        return this.poll(
          session,
          challenge.authorizationUrl,
          (authz: AcmeAuthorization) => !pendingAuthorizationStates.has(authz.status),
          deadline,
          `validation of ${challenge.identifier}`,
        ).then((authz) => ({ challenge, authz }));
      }),
    );
    for (const { challenge, authz } of outcomes) {
      if (authz.status === 'valid') continue;
      const tried = authz.challenges.find((c) => c.url === challenge.challengeUrl) ?? authz.challenges.find((c) => c.error);
      const problem: AcmeProblem = tried?.error
        ? problemOf(tried.error)
        : { type: 'urn:ietf:params:acme:error:unauthorized', detail: `authorization is ${authz.status}` };
      throw new AppError('acme_validation_failed', `The CA could not validate ${challenge.identifier} (${challenge.type}): ${problem.detail}`, {
        details: { problem, identifier: challenge.identifier, authorizationStatus: authz.status },
      });
    }
    // All valid: the order becomes ready (RFC 8555 §7.1.6); read it back as the CA sees it.
    const current = await this.poll(session, order.orderUrl, (o: AcmeOrder) => o.status !== 'pending', deadline, 'the order to become ready');
    return {
      ...this.orderFields(order.orderUrl, current),
      challenges: order.challenges.map((c) => {
        const done = outcomes.find((o) => o.challenge === c);
        return done ? { ...c, status: done.authz.status } : c;
      }),
    };
  }

  async finalize(account: IssuerAccount, order: IssuerOrder, csrDer: Buffer): Promise<IssuedChain> {
    const session = this.session(account);
    await this.accountUrlOf(session, account);
    const deadline = Date.now() + this.timeoutMs;
    let current: AcmeOrder;
    if (order.status === 'valid' || order.status === 'processing') {
      // Finalized before (a restart after finalize): wait for it and download, never finalize twice.
      current = (await this.post(session, order.orderUrl, null, 'read the order')).data as AcmeOrder;
    } else {
      // RFC 8555 §7.4: the CSR as base64url DER.
      const resp = await this.post(session, order.finalizeUrl, { csr: csrDer.toString('base64url') }, 'finalize the order');
      current = resp.data as AcmeOrder;
    }
    if (current.status === 'processing' || current.status === 'ready') {
      current = await this.poll(session, order.orderUrl, (o: AcmeOrder) => o.status !== 'processing' && o.status !== 'ready', deadline, 'the certificate to be issued');
    }
    if (current.status !== 'valid' || !current.certificate) {
      const problem = current.error ? problemOf(current.error) : { type: 'urn:ietf:params:acme:error:orderNotReady', detail: `order is ${current.status}` };
      throw new AppError('acme_error', `The CA did not issue the certificate: ${problem.detail}`, { details: { problem, orderStatus: current.status } });
    }
    // RFC 8555 §7.4.2: POST-as-GET, application/pem-certificate-chain (leaf first).
    const download = await this.post(session, current.certificate, null, 'download the certificate');
    const pems = typeof download.data === 'string' ? download.data.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) : null;
    if (!pems || pems.length === 0) throw unexpected('download the certificate', download);
    return { certificatePem: `${pems[0]}\n`, chainPem: pems.slice(1).map((p) => `${p}\n`).join('') };
  }

  async revoke(account: IssuerAccount, certificateDer: Buffer, reason: number): Promise<void> {
    const session = this.session(account);
    await this.accountUrlOf(session, account);
    const directory = await this.directory(session);
    // RFC 8555 §7.6: signed by the account that holds the certificate; reason per RFC 5280 §5.3.1.
    await this.post(session, directory.revokeCert, { certificate: certificateDer.toString('base64url'), reason }, 'revoke the certificate');
  }

  async renewalInfo(account: IssuerAccount, certificateDer: Buffer): Promise<RenewalInfo | null> {
    const session = this.session(account);
    const directory = await this.directory(session);
    if (!directory.renewalInfo) return null;
    const id = renewalCertificateId(certificateDer);
    // RFC 9773 §4.1: an unauthenticated GET of <renewalInfo>/<certID>.
    const url = `${directory.renewalInfo.replace(/\/+$/, '')}/${id}`;
    const resp = await session.transport.request(url, 'GET');
    if (resp.status === 404) return null; // the CA does not know this certificate (e.g. another CA issued it)
    if (resp.status !== 200) throw refusal('read renewal information', resp);
    const body = resp.data as { suggestedWindow?: { start?: unknown; end?: unknown }; explanationURL?: unknown } | string;
    const window = typeof body === 'object' && body !== null ? body.suggestedWindow : undefined;
    const windowStart = typeof window?.start === 'string' ? new Date(window.start) : null;
    const windowEnd = typeof window?.end === 'string' ? new Date(window.end) : null;
    // RFC 9773 §4.2: a window whose end is not after its start is invalid.
    if (!windowStart || !windowEnd || Number.isNaN(windowStart.getTime()) || Number.isNaN(windowEnd.getTime()) || windowEnd <= windowStart) {
      throw new AppError('acme_error', 'The CA sent renewal information without a valid suggestedWindow', { retryable: true, details: { url } });
    }
    const explanation = typeof body === 'object' && typeof body.explanationURL === 'string' ? body.explanationURL : null;
    return { windowStart, windowEnd, explanationUrl: explanation, retryAfter: retryAfterOf(resp.headers, this.clock.now().getTime()) };
  }

  // ---- sessions -------------------------------------------------------------------------

  private session(account: IssuerAccount): AccountSession {
    const directoryKey = `${account.tenantDirectory ? 'checked' : 'operator'}\n${account.directoryUrl}`;
    const key = `${directoryKey}\n${createHash('sha256').update(account.accountKeyPem).digest('base64url')}`;
    const cached = this.sessions.get(key);
    if (cached) {
      // Least recently used last (Map order), so eviction below drops the oldest.
      this.sessions.delete(key);
      this.sessions.set(key, cached);
      return cached;
    }
    let client: acme.Client;
    let accountKey: KeyObject;
    try {
      accountKey = createPrivateKey(account.accountKeyPem);
      client = new acme.Client({ directoryUrl: account.directoryUrl, accountKey: account.accountKeyPem });
    } catch (err) {
      throw new AppError('private_key_invalid', 'The ACME account key is not a usable private key', { cause: err });
    }
    const internals = client as unknown as { http: HttpClientInternals; api: AcmeApiInternals };
    const session: AccountSession = {
      directoryUrl: account.directoryUrl,
      transport: account.tenantDirectory ? this.checkedTransport : this.transport,
      directoryKey,
      http: internals.http,
      api: internals.api,
      thumbprint: '',
      accountUrl: null,
      nonces: [],
    };
    // Parsed once: OpenSSL 3 decodes a PEM key in ~0.6 ms, which acme-client would do per signature.
    session.http.accountKey = accountKey;
    let jwk: Record<string, string>;
    try {
      jwk = session.http.getJwk();
    } catch (err) {
      throw new AppError('private_key_invalid', 'The ACME account key is not a usable private key', { cause: err });
    }
    // RFC 7638 §3: SHA-256 over the required members in lexicographic order (getJwk sorts them).
    session.thumbprint = createHash('sha256').update(JSON.stringify(jwk)).digest('base64url');
    this.attachTransport(session);
    this.sessions.set(key, session);
    if (this.sessions.size > this.maxCachedAccounts) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    return session;
  }

  /** Routes acme-client's HTTP through the shared keep-alive transport and a nonce pool. */
  private attachTransport(session: AccountSession): void {
    const { http } = session;
    http.request = async (url, method, opts = {}) => {
      const resp = await session.transport.request(url, method, opts.data);
      const nonce = resp.headers['replay-nonce'];
      // badNonce responses carry the nonce acme-client retries with: it must not be used twice.
      const badNonce = resp.status === 400 && (resp.data as { type?: string } | null)?.type === 'urn:ietf:params:acme:error:badNonce';
      if (nonce && method.toLowerCase() !== 'head' && !badNonce) {
        session.nonces.push(nonce);
        if (session.nonces.length > maxPooledNonces) session.nonces.shift();
      }
      return resp;
    };
    const fetchNonce = http.getNonce.bind(http);
    // A nonce from an earlier response saves the HEAD newNonce round trip (RFC 8555 §7.2).
    http.getNonce = async () => session.nonces.pop() ?? fetchNonce();
  }

  /** The directory (RFC 8555 §7.1.1), fetched once per URL and transport and handed to acme-client's cache too. */
  private async directory(session: AccountSession): Promise<AcmeDirectory> {
    const now = Date.now();
    const key = session.directoryKey;
    let entry = this.directories.get(key);
    if (!entry || now - entry.fetchedAt > directoryMaxAgeMs) {
      const fetching = this.fetchDirectory(session.transport, session.directoryUrl);
      entry = { directory: fetching, fetchedAt: now };
      this.directories.set(key, entry);
      fetching.catch(() => {
        if (this.directories.get(key) === entry) this.directories.delete(key);
      });
    }
    const directory = await entry.directory;
    if (session.http.directoryCache !== directory) {
      session.http.directoryCache = directory;
      session.http.directoryTimestamp = Math.floor(entry.fetchedAt / 1000);
    }
    return directory;
  }

  private async fetchDirectory(transport: AcmeTransport, url: string): Promise<AcmeDirectory> {
    const resp = await transport.request(url, 'GET');
    if (resp.status !== 200) throw refusal('serve its directory', resp);
    const directory = resp.data as AcmeDirectory | string;
    if (typeof directory !== 'object' || directory === null || typeof directory.newAccount !== 'string' || typeof directory.newOrder !== 'string' || typeof directory.newNonce !== 'string') {
      throw new AppError('acme_error', `${url} is not an ACME directory`, { details: { url } });
    }
    return directory;
  }

  private async register(session: AccountSession, account: IssuerAccount): Promise<string> {
    const directory = await this.directory(session);
    const contact = account.contactEmail ? [`mailto:${account.contactEmail}`] : [];
    const eab = account.externalAccountBinding;
    // acme-client adds the EAB JWS (RFC 8555 §7.3.4) from these when asked to.
    session.http.externalAccountBinding = eab ? { kid: eab.keyId, hmacKey: eab.hmacKey } : {};
    const resp = await this.send(
      () =>
        session.api.apiRequest(directory.newAccount, { termsOfServiceAgreed: true, contact }, [], {
          includeJwsKid: false,
          includeExternalAccountBinding: eab !== undefined,
        }),
      'register the account',
    );
    const url = resp.headers.location;
    if ((resp.status !== 200 && resp.status !== 201) || !url) throw unexpected('register the account', resp);
    session.api.accountUrl = url;
    // 200: the key already had an account (RFC 8555 §7.3.1); bring its contact up to date (§7.3.2).
    const existing = resp.data as { contact?: string[] } | null;
    if (resp.status === 200 && account.contactEmail && JSON.stringify(existing?.contact ?? []) !== JSON.stringify(contact)) {
      await this.post(session, url, { contact }, 'update the account contact');
    }
    return url;
  }

  /** The account URL for signing (kid): known, given by the caller, or looked up (onlyReturnExisting, RFC 8555 §7.3.1). */
  private async accountUrlOf(session: AccountSession, account: IssuerAccount): Promise<string> {
    if (session.accountUrl) {
      try {
        return await session.accountUrl;
      } catch {
        // fall through: look it up again
      }
    }
    if (account.accountUrl) {
      session.api.accountUrl = account.accountUrl;
      session.accountUrl = Promise.resolve(account.accountUrl);
      return account.accountUrl;
    }
    const lookup = (async () => {
      const directory = await this.directory(session);
      const resp = await this.send(
        () => session.api.apiRequest(directory.newAccount, { onlyReturnExisting: true }, [], { includeJwsKid: false }),
        'find the account',
      );
      if (resp.status !== 200 || !resp.headers.location) throw unexpected('find the account', resp);
      session.api.accountUrl = resp.headers.location;
      return resp.headers.location;
    })();
    session.accountUrl = lookup;
    lookup.catch(() => {
      if (session.accountUrl === lookup) session.accountUrl = null;
    });
    return lookup;
  }

  // ---- requests -------------------------------------------------------------------------

  /** A signed POST (payload null: POST-as-GET, RFC 8555 §6.3) with the account's kid; a non-2xx answer throws. */
  private async post(session: AccountSession, url: string, payload: unknown, what: string): Promise<AcmeResponse> {
    const resp = await this.send(() => session.api.apiRequest(url, payload, []), what);
    if (resp.status < 200 || resp.status >= 300) throw refusal(what, resp);
    return resp;
  }

  private async send(call: () => Promise<AcmeResponse>, what: string): Promise<AcmeResponse> {
    try {
      return await call();
    } catch (err) {
      throw asAppError(err, what);
    }
  }

  /** POST-as-GET `url` until `done` holds: 5 ms doubling to the cap, or the CA's Retry-After (RFC 8555 §7.5.1). */
  private async poll<T>(session: AccountSession, url: string, done: (body: T) => boolean, deadline: number, what: string): Promise<T> {
    let delay = this.pollIntervalMs;
    for (;;) {
      const resp = await this.post(session, url, null, `wait for ${what}`);
      const body = resp.data as T;
      if (done(body)) return body;
      const retryAfter = retryAfterOf(resp.headers);
      const wait = Math.max(delay, retryAfter ? Math.min(retryAfter.getTime() - Date.now(), 10_000) : 0);
      if (Date.now() + wait > deadline) {
        throw new AppError('acme_unavailable', `Gave up waiting for ${what} after ${this.timeoutMs} ms`, { retryable: true, details: { url } });
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
      delay = Math.min(delay * 2, this.maxPollIntervalMs);
    }
  }

  // ---- orders ---------------------------------------------------------------------------

  private orderFields(orderUrl: string, order: AcmeOrder): Omit<IssuerOrder, 'challenges'> {
    return {
      orderUrl,
      status: order.status,
      identifiers: (order.identifiers ?? []).map((i) => i.value),
      expiresAt: order.expires ? new Date(order.expires) : null,
      finalizeUrl: order.finalize,
      certificateUrl: order.certificate ?? null,
      problem: order.error ? problemOf(order.error) : null,
    };
  }

  private async describeOrder(session: AccountSession, orderUrl: string, order: AcmeOrder, challengeType: ChallengeType): Promise<IssuerOrder> {
    const authorizations = await Promise.all(
      (order.authorizations ?? []).map(async (url) => ({ url, authz: (await this.post(session, url, null, 'read an authorization')).data as AcmeAuthorization })),
    );
    const challenges: OrderChallenge[] = [];
    for (const { url, authz } of authorizations) {
      const base = authz.identifier.value;
      const identifier = authz.wildcard ? `*.${base}` : base;
      const challenge = authz.challenges.find((c) => c.type === challengeType);
      if (!challenge) {
        if (authz.status === 'valid') continue; // already authorized by another way: nothing to answer
        throw new AppError('acme_error', `The CA offers no ${challengeType} challenge for ${identifier}${authz.wildcard ? ' (wildcards need dns-01)' : ''}`, {
          details: { identifier, offered: authz.challenges.map((c) => c.type) },
        });
      }
      const keyAuthorization = `${challenge.token}.${session.thumbprint}`;
      challenges.push({
        identifier,
        wildcard: authz.wildcard === true,
        type: challengeType,
        authorizationUrl: url,
        challengeUrl: challenge.url,
        token: challenge.token,
        keyAuthorization,
        // RFC 8555 §8.4: the record sits at the base name, also for a wildcard.
        dnsRecordName: `_acme-challenge.${base.replace(/\.$/, '')}`,
        dnsRecordValue: createHash('sha256').update(keyAuthorization).digest('base64url'),
        status: authz.status,
      });
    }
    return { ...this.orderFields(orderUrl, order), challenges };
  }
}

// ---- errors ---------------------------------------------------------------------------------

function problemOf(raw: unknown): AcmeProblem {
  const p = (raw ?? {}) as { type?: unknown; detail?: unknown; subproblems?: unknown };
  const problem: AcmeProblem = {
    type: typeof p.type === 'string' ? p.type : 'about:blank',
    detail: typeof p.detail === 'string' ? p.detail : '',
  };
  if (Array.isArray(p.subproblems)) {
    problem.subproblems = p.subproblems.map((s: { type?: unknown; detail?: unknown; identifier?: { value?: unknown } }) => ({
      type: typeof s?.type === 'string' ? s.type : 'about:blank',
      detail: typeof s?.detail === 'string' ? s.detail : '',
      ...(typeof s?.identifier?.value === 'string' ? { identifier: s.identifier.value } : {}),
    }));
  }
  return problem;
}

const retryableProblems = new Set(['urn:ietf:params:acme:error:rateLimited', 'urn:ietf:params:acme:error:serverInternal', 'urn:ietf:params:acme:error:badNonce']);

/** A non-2xx answer: the CA's problem document (RFC 8555 §6.7) kept in details.problem. */
function refusal(what: string, resp: AcmeResponse): AppError {
  const isProblem = typeof resp.data === 'object' && resp.data !== null && typeof resp.data.type === 'string';
  if (!isProblem && resp.status >= 500) {
    return new AppError('acme_unavailable', `The ACME server failed to ${what}: HTTP ${resp.status}`, { retryable: true, details: { status: resp.status } });
  }
  const problem = isProblem ? problemOf(resp.data) : { type: 'about:blank', detail: `HTTP ${resp.status}` };
  const retryAfter = retryAfterOf(resp.headers);
  return new AppError('acme_error', `The ACME server refused to ${what}: ${problem.detail || problem.type}`, {
    retryable: retryableProblems.has(problem.type) || resp.status >= 500,
    details: { problem, status: resp.status, ...(retryAfter ? { retryAfter: retryAfter.toISOString() } : {}) },
  });
}

function unexpected(what: string, resp: AcmeResponse): AppError {
  if (resp.status < 200 || resp.status >= 300) return refusal(what, resp);
  return new AppError('acme_error', `Unexpected answer from the ACME server to ${what} (HTTP ${resp.status})`, { details: { status: resp.status } });
}

/** acme-client throws plain Errors (e.g. a directory without newNonce); our transport throws AppErrors already. */
function asAppError(err: unknown, what: string): AppError {
  if (err instanceof AppError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new AppError('acme_error', `ACME client failed to ${what}: ${message}`, { cause: err });
}
