import { randomUUID, type KeyObject } from 'node:crypto';
import { AppError, isAppError } from '../domain/app-error.js';
import type { CertificateRecord, ScopeId } from '../domain/certificate.js';
import { checkHostName } from '../domain/host-name.js';
import { challengeTypes, keyTypes, type AcmeProblem, type ChallengeType, type DnsRecord, type KeyType } from '../domain/managed-certificate.js';
import { nextAttemptAt, renewAtOf } from '../domain/renewal.js';
import type { Clock } from '../ports/clock.js';
import { noopMetrics, type Metrics } from '../ports/metrics.js';
import type { DnsChallengeSolver, ExternalAccountBinding, Issuer, IssuerAccount, IssuerOrder } from '../ports/issuer.js';
import type { NewAuditEvent } from '../domain/audit-event.js';
import type { Project } from '../domain/project.js';
import type { DnsProviderSettings, ManagedState } from '../ports/managed-certificate-repository.js';
import type { Repositories, Store } from '../ports/store.js';
import { createCsr } from '../pki/create-csr.js';
import { decodeCertificates } from '../pki/decode-certificates.js';
import { generateAccountKey, generateKeyPair } from '../pki/generate-key-pair.js';
import { parseCertificate } from '../pki/parse-certificate.js';
import { parsePrivateKey } from '../pki/parse-private-key.js';
import { renewalCertificateId } from '../pki/renewal-certificate-id.js';
import type { AccessService } from './access-service.js';
import { actorOf, type Principal } from './principal.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { sealedSecretAad } from '../secrets/sealed-secret-aad.js';
import { issuedFactsOf, materialOf } from './material-of-leaf.js';

/** What issuance needs from the configuration. */
export interface ManagedCertificateConfig {
  /** The default ACME directory (an organization setting may override it). */
  directoryUrl: string;
  contactEmail?: string;
  externalAccountBinding?: ExternalAccountBinding;
  /** This server's name in leases; stable across restarts so a restarted server resumes its own work at once. */
  instanceId: string;
  /** How long one attempt may hold a certificate's lease. Default 10 minutes. */
  leaseMs?: number;
}

/** Builds the solver for a project's DNS provider (the secret already opened). */
export type DnsSolverFactory = (provider: DnsProviderSettings, secret: Buffer | null) => DnsChallengeSolver;

export interface CreateManagedRequest {
  domainName: string;
  additionalDomainNames?: string[];
  scopeId?: number;
  challengeType?: string;
  keyType?: string;
}

/** The outcome of an attempt the caller waited for: the record, and the error when it failed. */
export interface AttemptOutcome {
  record: CertificateRecord;
  error?: AppError;
  notes: string[];
}

export interface ManagedCertificateLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const MAX_NAMES = 100;
/** RFC 5280 §5.3.1 CRLReason codes certkeeper accepts by name. */
export const revocationReasons: Record<string, number> = {
  unspecified: 0,
  keyCompromise: 1,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
};

const EPOCH = new Date(0);

/**
 * Managed certificates (the native API's create/validate, renewal, revocation): certkeeper
 * orders them from an ACME CA, answers or publishes the challenges, keeps the key sealed and
 * renews on time. Every attempt takes the certificate's lease, then checks its state again
 * (another server may have done the work meanwhile), and every decision (renewAt,
 * nextAttemptAt, failureCount, the pending key) is stored before it matters.
 */
export class ManagedCertificateService {
  private readonly leaseMs: number;
  private readonly accounts = new Map<string, Promise<IssuerAccount>>();
  private readonly running = new Set<Promise<unknown>>();
  /** Certificates this process is working on right now (see attempt()). */
  private readonly inFlight = new Set<number>();
  private readonly versionListeners: Array<() => void> = [];

  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    private readonly issuer: Issuer,
    private readonly config: ManagedCertificateConfig,
    private readonly solverFor: DnsSolverFactory,
    private readonly logger?: ManagedCertificateLogger,
    private readonly random: () => number = Math.random,
    private readonly metrics: Metrics = noopMetrics,
  ) {
    this.leaseMs = config.leaseMs ?? 10 * 60_000;
  }

  /** Calls `listener` after each new version is stored (issuance, renewal): the agents' long poll wakes on it. */
  onNewVersion(listener: () => void): void {
    this.versionListeners.push(listener);
  }

  /** POST …/certificates: creates the slot and its first order; answers before any validation. */
  async create(principal: Principal, projectId: string, req: CreateManagedRequest): Promise<AttemptOutcome> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    return this.createIn(project, req, actorOf(principal));
  }

  /**
   * Creates a managed certificate in an authorized project; `alsoInTx` runs in the transaction
   * that stores the slot (e.g. to attach it to a service's domain), so both land or neither.
   */
  async createIn(project: Project, req: CreateManagedRequest, actor: string, alsoInTx?: (tx: Repositories, rec: CertificateRecord) => Promise<void>): Promise<AttemptOutcome> {
    const challengeType = (req.challengeType ?? 'dns-01') as ChallengeType;
    if (!challengeTypes.includes(challengeType)) throw invalid(`challengeType must be one of ${challengeTypes.join(', ')}`);
    const keyType = (req.keyType ?? 'ec-p256') as KeyType;
    if (!keyTypes.includes(keyType)) throw invalid(`keyType must be one of ${keyTypes.join(', ')}`);
    const scopeId = req.scopeId ?? 0;
    if (scopeId !== 0 && scopeId !== 1) throw new AppError('invalid_scope', `scopeId must be 0 (Project) or 1 (Organization), got ${scopeId}`);
    const identifiers = orderNames(req.domainName, req.additionalDomainNames ?? [], challengeType);

    const settings = await this.store.managed.getProjectSettings(project.id);
    const automated = challengeType === 'http-01' || settings?.dnsProvider != null;
    const account = await this.account(project.organizationId);
    const order = await this.issuer.createOrder(account, identifiers, challengeType);
    const now = this.clock.now();
    const sslCertificateId = randomUUID();
    const record = await this.store.transaction(async (tx) => {
      const rec = await tx.certificates.insertPending({
        projectId: project.id,
        organizationId: project.organizationId,
        scopeId: scopeId as ScopeId,
        source: 'acme',
        kind: 'tls',
        status: 'pending_validation',
        sslCertificateId,
        domainName: identifiers[0],
        sans: identifiers,
        subject: '',
        issuer: '',
        serialNumber: '',
        notBefore: EPOCH,
        notAfter: EPOCH,
        fingerprintSha1: '',
        fingerprintSha256: '',
        publicKeyInfo: '',
        signatureAlgorithm: '',
        keyUsage: [],
        extendedKeyUsage: [],
        apple: null,
        hasPrivateKey: false,
        createdAt: now,
        lastModified: now,
      });
      await tx.managed.insert({
        certificateId: rec.id,
        challengeType,
        keyType,
        identifiers,
        automated,
        orderUrl: order.orderUrl,
        orderCreatedAt: now,
        dnsRecords: challengeType === 'dns-01' ? dnsRecordsOf(order) : [],
        pendingKey: null,
        renewAt: null,
        // Automated issuance is due at once; manual dns-01 waits for validate.
        nextAttemptAt: automated ? now : null,
        failureCount: 0,
        lastProblem: null,
        revokeReason: null,
        updatedAt: now,
      });
      if (challengeType === 'http-01') await tx.managed.putHttpTokens(rec.id, httpTokensOf(order), now);
      await tx.events.append(event(actor, project, 'certificate.created', rec.id, now, { domainName: identifiers[0], identifiers, challengeType, keyType }));
      if (alsoInTx) await alsoInTx(tx, rec);
      return rec;
    });
    // Read before the attempt starts: the answer is the certificate as created (PendingValidation),
    // not whatever step the background attempt has reached by then.
    const created = await this.reload(record.id, project);
    if (automated) this.kick(record.id);
    const notes = automated
      ? [`certkeeper answers the ${challengeType} challenges itself; the certificate becomes Active without a validate call.`]
      : ['Publish the TXT records in dnsRecords, then call PUT …/certificates/{id}/validate.'];
    return { record: created, notes };
  }

  /** PUT …/{id}/validate: tells the CA the records are in place and waits for the outcome. */
  async validate(principal: Principal, projectId: string, id: number): Promise<AttemptOutcome> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const rec = await this.managedVisible(project, id, 'validate');
    if (rec.status === 'revoked') throw new AppError('certificate_state_conflict', `certificate ${id} is revoked; create a new one`);
    const state = (await this.store.managed.get(id))!;
    if (rec.status === 'issued' && !state.orderUrl) {
      return { record: rec, notes: ['The certificate is issued and no renewal order is waiting for validation.'] };
    }
    const outcome = await this.attempt(id, actorOf(principal));
    if (outcome === 'busy') throw new AppError('certificate_state_conflict', `certificate ${id} is being validated right now; try again shortly`, { retryable: true });
    const record = await this.reload(id, project);
    return { record, error: outcome instanceof AppError ? outcome : undefined, notes: outcome === 'new-order' ? newOrderNotes(record) : [] };
  }

  /** POST …/{id}/renew: renews now (a new order; the certificate keeps its id). */
  async renewNow(principal: Principal, projectId: string, id: number): Promise<AttemptOutcome> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const rec = await this.managedVisible(project, id, 'renew');
    if (rec.status !== 'issued') throw new AppError('certificate_state_conflict', `certificate ${id} is not issued (status ${rec.status}); validate it first`);
    await this.store.managed.update(id, { renewAt: this.clock.now(), nextAttemptAt: null, orderUrl: null, updatedAt: this.clock.now() });
    const outcome = await this.attempt(id, actorOf(principal));
    if (outcome === 'busy') throw new AppError('certificate_state_conflict', `certificate ${id} is being renewed right now`, { retryable: true });
    const record = await this.reload(id, project);
    return { record, error: outcome instanceof AppError ? outcome : undefined, notes: outcome === 'new-order' ? newOrderNotes(record) : [] };
  }

  /** POST …/{id}/revoke: revokes at the CA; status Revoked, reason stored. */
  async revoke(principal: Principal, projectId: string, id: number, reason: string): Promise<CertificateRecord> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const code = revocationReasons[reason];
    if (code === undefined) throw invalid(`reason must be one of ${Object.keys(revocationReasons).join(', ')}`);
    const rec = await this.managedVisible(project, id, 'revoke');
    if (rec.status === 'revoked') throw new AppError('certificate_state_conflict', `certificate ${id} is already revoked`);
    if (!rec.issued) throw new AppError('certificate_state_conflict', `certificate ${id} has not been issued; nothing to revoke`);
    const material = await this.store.certificates.getMaterial(rec.sslCertificateId);
    const account = await this.account(rec.organizationId);
    await this.issuer.revoke(account, material!.certificateDer, code);
    const now = this.clock.now();
    await this.store.transaction(async (tx) => {
      await tx.certificates.updateStatus(id, 'revoked', now);
      await tx.managed.update(id, { revokeReason: reason, renewAt: null, nextAttemptAt: null, updatedAt: now });
      await tx.events.append(event(actorOf(principal), project, 'certificate.revoked', id, now, { reason }));
    });
    return this.reload(id, project);
  }

  /**
   * Starts another background attempt of an automated certificate that has not been issued
   * (e.g. a failed auto request asked for again); false when it is not such a certificate.
   */
  async retryInBackground(project: Project, id: number, actor: string): Promise<boolean> {
    const rec = await this.store.certificates.findById(id);
    const state = await this.store.managed.get(id);
    if (!rec || rec.projectId !== project.id || !state || rec.issued || rec.status === 'revoked') return false;
    const settings = await this.store.managed.getProjectSettings(project.id);
    if (state.challengeType === 'dns-01' && !settings?.dnsProvider) return false;
    const now = this.clock.now();
    await this.store.transaction(async (tx) => {
      await tx.certificates.updateStatus(id, 'pending_validation', now);
      await tx.managed.update(id, { automated: true, nextAttemptAt: now, updatedAt: now });
      await tx.services.setAutocertStatusOf(id, 'issuing');
      await tx.events.append(event(actor, project, 'certificate.retry_requested', id, now, {}));
    });
    this.kick(id);
    return true;
  }

  /** The key authorization for an http-01 token, for the responder (RFC 8555 §8.3). */
  async httpKeyAuthorization(token: string): Promise<string | undefined> {
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(token)) return undefined;
    return this.store.managed.findHttpKeyAuthorization(token);
  }

  /** One scheduler pass: every certificate with work due now, one attempt each. Returns how many were attempted, and how many of those failed. */
  async runDue(limit = 100): Promise<{ attempted: number; failed: number }> {
    const due = await this.store.managed.listDue(this.clock.now(), limit, this.config.instanceId);
    let failed = 0;
    for (const id of due) if (isAppError(await this.track(this.attempt(id, 'system', 'scheduler')))) failed++;
    return { attempted: due.length, failed };
  }

  /** Waits for the attempts running in the background (at shutdown, after the jobs stopped). */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  /** Waits for background attempts (tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private kick(id: number): void {
    void this.track(this.attempt(id, 'system', 'scheduler'));
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.running.add(p);
    void p.finally(() => this.running.delete(p)).catch(() => undefined);
    return p;
  }

  /**
   * One attempt at the certificate's current work, under its lease: issue, resume, or renew.
   * Returns 'done', 'new-order' (a manual dns-01 order now waits for its records), 'busy'
   * (another attempt holds the lease), 'idle' (nothing to do), or the AppError it failed with
   * (already stored).
   */
  private async attempt(id: number, actor: string, trigger: 'scheduler' | 'request' = 'request'): Promise<'done' | 'new-order' | 'busy' | 'idle' | AppError> {
    // The issuance lease is granted to the instance id that already holds it, so that a restarted server
    // takes back its own work at once. Within one live process that would let two scheduler
    // passes (they overlap when a pass outlasts the interval), or a pass and a validate call,
    // both work on one certificate: allow one attempt per certificate per process.
    if (this.inFlight.has(id)) return 'busy';
    this.inFlight.add(id);
    try {
      return await this.attemptUnderLease(id, actor, trigger);
    } finally {
      this.inFlight.delete(id);
    }
  }

  private async attemptUnderLease(id: number, actor: string, trigger: 'scheduler' | 'request'): Promise<'done' | 'new-order' | 'busy' | 'idle' | AppError> {
    const owner = this.config.instanceId;
    const now = this.clock.now();
    const lease = { kind: 'issuance', certificateId: id } as const;
    if (!(await this.store.leases.acquire(lease, owner, now, new Date(now.getTime() + this.leaseMs)))) return 'busy';
    try {
      // Lock, then check again: another replica may have finished this work meanwhile.
      const rec = await this.store.certificates.findById(id);
      const state = await this.store.managed.get(id);
      if (!rec || !state || rec.status === 'revoked') return 'idle';
      const renewal = rec.status === 'issued';
      if (renewal && !state.orderUrl && (!state.renewAt || state.renewAt.getTime() > now.getTime())) return 'idle';
      // An order waiting for records a person publishes is validated when that person asks
      // (PUT …/validate), or resumed once they did (Validating). A pass that listed the
      // certificate before another server ordered its renewal would otherwise have the CA check
      // records nobody has published yet, spoiling the order.
      if (trigger === 'scheduler' && state.orderUrl && !state.automated && state.dnsRecords.length > 0 && rec.status !== 'validating') return 'idle';
      return await this.work(rec, state, actor, renewal);
    } catch (err) {
      if (!isAppError(err)) this.logger?.warn({ certificateId: id, err: String(err) }, 'certificate attempt failed unexpectedly');
      return isAppError(err) ? err : new AppError('internal_error', 'the attempt failed unexpectedly', { cause: err });
    } finally {
      await this.store.leases.release(lease, owner).catch(() => undefined);
    }
  }

  private async work(rec: CertificateRecord, state: ManagedState, actor: string, renewal: boolean): Promise<'done' | 'new-order' | AppError> {
    const project = (await this.store.projects.get(rec.projectId))!;
    const settings = await this.store.managed.getProjectSettings(rec.projectId);
    const provider = state.challengeType === 'dns-01' && settings?.dnsProvider ? settings.dnsProvider : null;
    const automated = state.challengeType === 'http-01' || provider !== null;
    let order: IssuerOrder | undefined;
    try {
      // Inside: a directory that cannot be reached (or that the outbound policy refuses) fails
      // the attempt like any other step, with its problem stored.
      const account = await this.account(rec.organizationId);
      if (state.orderUrl) {
        order = await this.issuer.getOrder(account, state.orderUrl, state.challengeType);
        if (order.status === 'invalid' || (order.expiresAt && order.expiresAt.getTime() <= this.clock.now().getTime())) order = undefined;
      }
      if (!order) {
        const replaces = renewal ? await this.replacesId(rec) : undefined;
        order = await this.issuer.createOrder(account, state.identifiers, state.challengeType, replaces);
        const now = this.clock.now();
        const dnsRecords = state.challengeType === 'dns-01' ? dnsRecordsOf(order) : [];
        await this.store.transaction(async (tx) => {
          await tx.managed.update(rec.id, { orderUrl: order!.orderUrl, orderCreatedAt: now, dnsRecords, pendingKey: null, automated, updatedAt: now });
          if (state.challengeType === 'http-01') await tx.managed.putHttpTokens(rec.id, httpTokensOf(order!), now);
        });
        // A CA that still holds valid authorizations for every name (they reuse recent ones)
        // asks for no record: the order needs no person, and is finalized at once below.
        if (!automated && dnsRecords.length > 0) {
          // A person must publish the new records: stop here and say so.
          await this.store.transaction(async (tx) => {
            if (!renewal) await tx.certificates.updateStatus(rec.id, 'pending_validation', now);
            await tx.managed.update(rec.id, { renewAt: renewal ? null : state.renewAt, nextAttemptAt: null, updatedAt: now });
            await tx.events.append(
              event(actor, project, renewal ? 'certificate.renewal_action_required' : 'certificate.validation_action_required', rec.id, now, {
                dnsRecords,
                message: 'Publish these TXT records, then call PUT …/certificates/{id}/validate.',
              }),
            );
          });
          return 'new-order';
        }
      }
      if (!renewal) {
        await this.store.transaction(async (tx) => {
          await tx.certificates.updateStatus(rec.id, 'validating', this.clock.now());
          await tx.services.setAutocertStatusOf(rec.id, 'issuing');
        });
      }

      if (order.status === 'pending') {
        const solver = provider ? this.solverFor(provider, provider.sealedSecret ? this.box.open(provider.sealedSecret, sealedSecretAad.dnsProviderSecret(rec.projectId)) : null) : null;
        const published = solver ? dnsRecordsOf(order) : [];
        try {
          for (const r of published) await solver!.present(r.key, r.value);
          order = await this.issuer.completeChallenges(account, order);
        } finally {
          for (const r of published) await solver!.cleanup(r.key, r.value).catch((err) => this.logger?.warn({ certificateId: rec.id, err: String(err) }, 'dns cleanup failed'));
        }
      }

      // The key is stored (sealed) before finalize, so a restart after finalize can still store the certificate.
      let keyPem: string;
      let key: string | KeyObject;
      const fresh = await this.store.managed.get(rec.id);
      if (fresh?.pendingKey) {
        keyPem = key = this.box.open(fresh.pendingKey, sealedSecretAad.pendingKey(rec.id)).toString('utf8');
      } else {
        const generated = await generateKeyPair(state.keyType);
        keyPem = generated.privateKeyPem;
        key = generated.privateKey;
        await this.store.managed.update(rec.id, { pendingKey: this.box.seal(Buffer.from(keyPem), sealedSecretAad.pendingKey(rec.id)), updatedAt: this.clock.now() });
      }
      const chain = await this.issuer.finalize(account, order, await createCsr(key, state.identifiers));
      await this.storeCertificate(rec, project, state, keyPem, chain.certificatePem, chain.chainPem, account, renewal, actor, settings?.renewBeforeDays ?? null);
      return 'done';
    } catch (err) {
      if (!isAppError(err)) throw err;
      await this.recordFailure(rec, project, state, err, actor, renewal, automated);
      return err;
    }
  }

  private async storeCertificate(
    rec: CertificateRecord,
    project: Project,
    state: ManagedState,
    keyPem: string,
    certificatePem: string,
    chainPem: string,
    account: IssuerAccount,
    renewal: boolean,
    actor: string,
    renewBeforeDays: number | null,
  ): Promise<void> {
    const [der] = decodeCertificates(certificatePem);
    const leaf = parseCertificate(der);
    const key = parsePrivateKey(keyPem);
    if (key.spkiSha256 !== leaf.spkiSha256) throw new AppError('acme_error', 'the CA issued a certificate for another key', { details: { problem: { type: 'certkeeper:keyMismatch', detail: 'issued certificate does not match the CSR key' } } });
    const ari = await this.issuer.renewalInfo(account, der).catch(() => null);
    const renewAt = renewAtOf(leaf.notBefore, leaf.notAfter, ari, this.random(), renewBeforeDays);
    const now = this.clock.now();
    // The first issuance fills the slot's reserved material id; a renewal gets a new one.
    const materialId = rec.issued ? randomUUID() : rec.sslCertificateId;
    await this.store.transaction(async (tx: Repositories) => {
      await tx.certificates.storeIssued(
        rec.id,
        // The slot keeps the domainName it was ordered with, whatever CN the CA wrote.
        { ...issuedFactsOf(leaf, materialId, true), domainName: state.identifiers[0] },
        materialOf(leaf, materialId, rec.id, chainPem, this.box.seal(key.pkcs8Der, materialId), now),
        now,
      );
      await tx.managed.update(rec.id, { orderUrl: null, dnsRecords: [], pendingKey: null, renewAt, nextAttemptAt: null, failureCount: 0, lastProblem: null, updatedAt: now });
      await tx.managed.deleteHttpTokens(rec.id);
      await tx.services.setAutocertStatusOf(rec.id, 'issued');
      await tx.events.append(
        event(actor, project, renewal ? 'certificate.renewed' : 'certificate.issued', rec.id, now, {
          sslCertificateId: materialId,
          serialNumber: leaf.serialNumber,
          notAfter: leaf.notAfter.toISOString(),
          renewAt: renewAt.toISOString(),
        }),
      );
    });
    this.metrics.issuance(renewal ? 'renew' : 'issue', 'success');
    for (const l of this.versionListeners) l();
    this.logger?.info({ certificateId: rec.id, renewal, notAfter: leaf.notAfter.toISOString() }, renewal ? 'certificate renewed' : 'certificate issued');
  }

  private async recordFailure(rec: CertificateRecord, project: Project, state: ManagedState, err: AppError, actor: string, renewal: boolean, automated: boolean): Promise<void> {
    const now = this.clock.now();
    const problem: AcmeProblem = (err.details?.problem as AcmeProblem | undefined) ?? { type: `certkeeper:${err.code}`, detail: err.message };
    // A hook's output is kept apart from the detail: the certificate view shows it to admins only.
    if (err.code === 'challenge_hook_failed') problem.hookStderr = typeof err.details?.stderr === 'string' ? err.details.stderr : '';
    const { hookStderr: _adminsOnly, ...publicProblem } = problem;
    const failureCount = state.failureCount + 1;
    // A refused validation spoils the order: the next attempt starts a new one.
    const orderSpoiled = err.code !== 'acme_unavailable';
    await this.store.transaction(async (tx) => {
      if (!renewal) {
        await tx.certificates.updateStatus(rec.id, 'failed', now);
        await tx.services.setAutocertStatusOf(rec.id, 'failed');
      }
      await tx.managed.update(rec.id, {
        failureCount,
        lastProblem: problem,
        nextAttemptAt: automated || renewal ? nextAttemptAt(now, failureCount, this.random()) : null,
        ...(orderSpoiled ? { orderUrl: null, pendingKey: null } : {}),
        updatedAt: now,
      });
      await tx.events.append(
        // Events are read by viewers and sent to notification channels: never the hook's output.
        event(actor, project, renewal ? 'certificate.renewal_failed' : 'certificate.validation_failed', rec.id, now, { code: err.code, problem: publicProblem, failureCount }),
      );
    });
    this.metrics.issuance(renewal ? 'renew' : 'issue', 'failure');
    this.logger?.warn({ certificateId: rec.id, code: err.code, problemType: problem.type, failureCount }, renewal ? 'renewal failed' : 'validation failed');
  }

  private async replacesId(rec: CertificateRecord): Promise<string | undefined> {
    const material = await this.store.certificates.getMaterial(rec.sslCertificateId);
    if (!material) return undefined;
    try {
      return renewalCertificateId(material.certificateDer);
    } catch {
      return undefined; // no AKI: the CA cannot be told which certificate this replaces
    }
  }

  /** The organization's ACME account for its directory: created once, its key sealed, reused. */
  private account(organizationId: string): Promise<IssuerAccount> {
    const cached = this.accounts.get(organizationId);
    if (cached) return cached;
    const made = this.loadAccount(organizationId).catch((err) => {
      this.accounts.delete(organizationId);
      throw err;
    });
    this.accounts.set(organizationId, made);
    return made;
  }

  private async loadAccount(organizationId: string): Promise<IssuerAccount> {
    const orgSettings = await this.store.managed.getOrganizationSettings(organizationId);
    // An organization's own directory is a tenant's setting: the issuer checks every connection to it.
    const tenantDirectory = orgSettings?.acmeDirectoryUrl != null;
    const directoryUrl = orgSettings?.acmeDirectoryUrl ?? this.config.directoryUrl;
    const contactEmail = orgSettings?.acmeContactEmail ?? this.config.contactEmail;
    const aad = sealedSecretAad.acmeAccountKey(organizationId, directoryUrl);
    let stored = await this.store.managed.getAccount(organizationId, directoryUrl);
    if (!stored) {
      const keyPem = await generateAccountKey();
      stored = await this.store.managed.insertAccountIfAbsent({
        organizationId,
        directoryUrl,
        accountUrl: null,
        sealedKey: this.box.seal(Buffer.from(keyPem), aad),
        contactEmail: contactEmail ?? null,
        createdAt: this.clock.now(),
      });
    }
    const account: IssuerAccount = {
      directoryUrl,
      accountKeyPem: this.box.open(stored.sealedKey, aad).toString('utf8'),
      accountUrl: stored.accountUrl ?? undefined,
      contactEmail,
      externalAccountBinding: this.config.externalAccountBinding,
      ...(tenantDirectory ? { tenantDirectory } : {}),
    };
    const { accountUrl } = await this.issuer.ensureAccount(account);
    if (accountUrl !== stored.accountUrl) await this.store.managed.setAccountUrl(organizationId, directoryUrl, accountUrl);
    return { ...account, accountUrl };
  }

  /** Forgets cached accounts (after an organization's ACME settings change). */
  forgetAccount(organizationId: string): void {
    this.accounts.delete(organizationId);
  }

  private async managedVisible(project: Project, id: number, action: string): Promise<CertificateRecord> {
    const rec = await this.store.certificates.findVisible(project.id, project.organizationId, id);
    if (!rec) throw new AppError('certificate_not_found', `certificate ${id} was not found`);
    this.access.requireOwningProject(project, rec, action);
    if (rec.source !== 'acme') throw new AppError('certificate_not_managed', `certificate ${id} was imported; only certificates certkeeper issues can be validated, renewed or revoked here`);
    return rec;
  }

  private async reload(id: number, project: Project): Promise<CertificateRecord> {
    const rec = await this.store.certificates.findVisible(project.id, project.organizationId, id);
    if (!rec) throw new AppError('certificate_not_found', `certificate ${id} was not found`);
    return rec;
  }
}

function invalid(message: string): AppError {
  return new AppError('validation_failed', message);
}

/** The names to order: domainName first, de-duplicated, A-labels, wildcards only for dns-01. */
export function orderNames(domainName: string, additional: readonly string[], challengeType: ChallengeType): string[] {
  const out: string[] = [];
  for (const raw of [domainName, ...additional]) {
    if (typeof raw !== 'string' || raw.trim() === '') throw invalid('domain names must be non-empty strings');
    // No IP literals and no underscores: names a CA issues for (RFC 5280 §4.2.1.6).
    const { name, problem } = checkHostName(raw, { wildcard: true });
    if (problem !== undefined) throw invalid(`domain name "${raw.slice(0, 260)}" ${problem}; certkeeper orders host names, or *.name for a wildcard`);
    if (name.startsWith('*.') && challengeType === 'http-01') throw invalid(`"${raw}": a wildcard name needs the dns-01 challenge (RFC 8555 §8.3 forbids http-01 for wildcards)`);
    if (!out.includes(name)) out.push(name);
  }
  if (out.length > MAX_NAMES) throw invalid(`at most ${MAX_NAMES} names per certificate`);
  return out;
}

/** The native API's dnsRecords: one TXT record per name to validate (a wildcard and its base name share the key). */
function dnsRecordsOf(order: IssuerOrder): DnsRecord[] {
  return order.challenges.filter((c) => c.type === 'dns-01' && c.status === 'pending').map((c) => ({ key: c.dnsRecordName, value: c.dnsRecordValue }));
}

function httpTokensOf(order: IssuerOrder): Array<{ token: string; keyAuthorization: string }> {
  return order.challenges.filter((c) => c.type === 'http-01').map((c) => ({ token: c.token, keyAuthorization: c.keyAuthorization }));
}

function newOrderNotes(rec: CertificateRecord): string[] {
  const records = rec.managed?.dnsRecords ?? [];
  return [`A new order was created: publish these TXT records, then validate again: ${records.map((r) => `${r.key} = ${r.value}`).join('; ')}`];
}

function event(actor: string, project: Project, type: string, id: number, at: Date, data: Record<string, unknown>): NewAuditEvent {
  return { projectId: project.id, organizationId: project.organizationId, type, actor, objectType: 'certificate', objectId: String(id), data, createdAt: at };
}
