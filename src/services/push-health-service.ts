import type { Logger } from 'pino';
import { AppError } from '../domain/app-error.js';
import { normalizeAppId, type ApnsEnvironment, type App } from '../domain/app.js';
import {
  classifyCheckResponse,
  classifyPushOutcome,
  PUSH_RESULT_MAX_FUTURE_MS,
  tlsAlertReason,
  type PushCheckOutcome,
  type PushHealthStatus,
  type PushOutcome,
} from '../domain/push-outcome.js';
import { toPem } from '../pki/pem.js';
import type { ApnsProbe, ApnsProbeResult } from '../ports/apns-probe.js';
import type { Clock } from '../ports/clock.js';
import type { NewAuditEvent } from '../domain/audit-event.js';
import type { Project } from '../domain/project.js';
import type { PushHealthKey, PushHealthRecord } from '../ports/push-health-repository.js';
import type { Repositories, Store } from '../ports/store.js';
import type { AccessService } from './access-service.js';
import { actorOf, type Principal } from './principal.js';
import type { SecretBox } from '../secrets/secret-box.js';

/** One push outcome as the customer's sender reports it. */
export interface PushResultInput extends PushOutcome {
  environment: ApnsEnvironment;
  /** The certificate the push was sent with; needed only when iPhone and iPad have different ones bound in the environment. */
  certificateId?: number;
  /** When the push was made (ISO 8601); default now. */
  at?: string;
}

/** What a push result did to the verdict of its certificate. */
export type PushResultEffect =
  /** A certificate-caused rejection: the certificate is now REVOKED in the environment. */
  | 'revoked'
  /** A certificate-caused rejection of a certificate that was REVOKED already (the first observation is kept). */
  | 'already_revoked'
  /** A certificate-caused rejection older than the check or result that showed the certificate working: ignored. */
  | 'stale'
  /** A delivery: the certificate works. Recorded as OK when there was no verdict; it never clears REVOKED. */
  | 'delivered'
  /** A rejection about something else (device token, 410, 429, 5xx): says nothing about the certificate. */
  | 'none';

export interface RecordedPushResult {
  index: number;
  environment: ApnsEnvironment;
  certificateId: number;
  outcome: 'delivered' | 'rejected';
  effect: PushResultEffect;
  /** The reason stored for a certificate-caused rejection. */
  reason: string | null;
  /** The certificate's verdict after this result. */
  status: PushHealthStatus | null;
  at: Date;
}

/** The result of one active check of one certificate. */
export interface PushCheckResult extends PushHealthKey {
  outcome: PushCheckOutcome;
  /** `BadDeviceToken`, `tls_alert_44_certificate_revoked`, `BadCertificateEnvironment`, `unreachable: …` */
  detail: string;
  /** The verdict after the check, and whether the check changed it. */
  status: PushHealthStatus | null;
  changed: boolean;
  checkedAt: Date;
}

export interface PushHealthConfig {
  /** Each bound certificate is checked once per interval (default daily). */
  checkIntervalMs: number;
  /** How long a server's claim on a scheduled check holds before another may take it. Default 10 minutes. */
  claimMs?: number;
}

/** At most this many outcomes in one push-results request. */
export const MAX_PUSH_RESULTS = 500;

/**
 * Push health of apps' APNs certificates. A verdict is kept per
 * (app, environment, certificate): REVOKED comes from APNs — a certificate-caused rejection
 * reported by the customer's sender, or certkeeper's own check refused by a TLS alert or a 403
 * — and lasts until another certificate is bound there (the new certificate has no verdict) or
 * an active check authenticates (OK). A reported delivery does not clear REVOKED. Checks run on
 * demand (editor) and on a schedule, claimed per row so several servers do not repeat them.
 */
export class PushHealthService {

  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    private readonly probe: ApnsProbe,
    private readonly config: PushHealthConfig,
    private readonly logger?: Logger,
  ) {}

  /**
   * Records push outcomes for the app, all or none (one transaction). Each outcome is about the
   * certificate bound in its environment (`certificateId` picks one when iPhone and iPad have
   * different ones). A certificate-caused rejection marks the certificate REVOKED there and
   * appends a `push.rejected` event when that changes its verdict.
   */
  async recordResults(principal: Principal, projectId: string, appId: string, results: readonly PushResultInput[]): Promise<RecordedPushResult[]> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const now = this.clock.now();
    const parsed = results.map((r, index) => ({ ...r, index, when: resultTime(r, index, results.length, now) }));
    parsed.forEach((r) => checkConsistent(r, r.index, results.length));
    return this.store.transaction(async (tx) => {
      const app = await appIn(tx, project, appId);
      const bindings = await tx.apps.listBindings([app.id]);
      const out: RecordedPushResult[] = [];
      for (const r of parsed) {
        const where = results.length > 1 ? `results[${r.index}]: ` : '';
        const bound = [...new Set(bindings.filter((b) => b.environment === r.environment).map((b) => b.certificateId))];
        let certificateId: number;
        if (r.certificateId !== undefined) {
          if (!bound.includes(r.certificateId)) throw new AppError('push_certificate_not_bound', `${where}certificate ${r.certificateId} is not bound to app ${app.appId} in ${r.environment}`);
          certificateId = r.certificateId;
        } else if (bound.length === 0) {
          throw new AppError('push_certificate_not_bound', `${where}app ${app.appId} has no certificate bound in ${r.environment}; bind one first`);
        } else if (bound.length > 1) {
          throw new AppError('push_certificate_ambiguous', `${where}app ${app.appId} has certificates ${bound.join(' and ')} bound in ${r.environment}; say which one the push was sent with (certificateId)`);
        } else {
          certificateId = bound[0];
        }
        out.push(await this.applyResult(tx, principal, project, app, { appUuid: app.id, environment: r.environment, certificateId }, r, r.when));
      }
      return out;
    });
  }

  /**
   * Checks the certificates bound in the environment against APNs now (one push each to a
   * dummy token) and stores each result. OK and REVOKED verdicts are returned; when APNs could
   * not be reached the failed check is stored, no verdict changes, and `apns_unavailable` is
   * thrown.
   */
  async checkNow(principal: Principal, projectId: string, appId: string, environment: ApnsEnvironment): Promise<PushCheckResult[]> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const app = await appIn(this.store, project, appId);
    const bindings = await this.store.apps.listBindings([app.id]);
    const certificateIds = [...new Set(bindings.filter((b) => b.environment === environment).map((b) => b.certificateId))];
    if (certificateIds.length === 0) throw new AppError('push_certificate_not_bound', `app ${app.appId} has no certificate bound in ${environment}; bind one first`);
    // Every key is opened before any push, so a certificate without one fails the request cleanly.
    const materials = [];
    for (const certificateId of certificateIds) {
      const m = await this.clientMaterial(certificateId);
      if (!m) throw new AppError('push_check_no_private_key', `certificate ${certificateId} was imported without its private key; APNs authenticates the TLS client certificate, so it cannot be checked`);
      materials.push({ certificateId, ...m });
    }
    const out: PushCheckResult[] = [];
    for (const m of materials) {
      const result = await this.probe.probe({ environment, topic: app.appId, certificatePem: m.certificatePem, chainPem: m.chainPem, privateKeyDer: m.privateKeyDer });
      out.push(await this.storeCheck(actorOf(principal), project, app, { appUuid: app.id, environment, certificateId: m.certificateId }, result));
    }
    const failed = out.find((r) => r.outcome === 'failed');
    if (failed) {
      throw new AppError('apns_unavailable', `the push check of certificate ${failed.certificateId} in ${environment} got no usable answer from APNs (${failed.detail}); the verdict is unchanged`, {
        retryable: true,
        details: { results: out.map((r) => ({ certificateId: r.certificateId, outcome: r.outcome, detail: r.detail })) },
      });
    }
    return out;
  }

  /** One scheduled pass: claims the bound certificates due for a check and checks each once. Returns how many were checked, and how many of those checks failed. */
  async runDue(limit = 100): Promise<{ checked: number; failed: number }> {
    const now = this.clock.now();
    const due = await this.store.leases.claimDue('pushCheck', { now, dueBefore: new Date(now.getTime() - this.config.checkIntervalMs), claimExpiredBefore: new Date(now.getTime() - (this.config.claimMs ?? 600_000)) }, limit);
    let failed = 0;
    for (const d of due) {
      const key = { appUuid: d.appUuid, environment: d.environment, certificateId: d.certificateId };
      const project: Project = { id: d.projectId, organizationId: d.organizationId, name: '', createdAt: now };
      const app = { id: d.appUuid, appId: d.appId } as App;
      try {
        const m = await this.clientMaterial(d.certificateId);
        const result: ApnsProbeResult = m
          ? await this.probe.probe({ environment: d.environment, topic: d.appId, certificatePem: m.certificatePem, chainPem: m.chainPem, privateKeyDer: m.privateKeyDer })
          : { kind: 'unreachable', detail: 'no_private_key: the certificate was imported without its private key' };
        await this.storeCheck('system', project, app, key, result);
      } catch (err) {
        failed++;
        this.logger?.warn({ err: String(err), appId: d.appId, environment: d.environment, certificateId: d.certificateId }, 'scheduled push check failed');
        await this.store.pushHealth.recordCheck(key, { checkedAt: this.clock.now(), outcome: 'failed', detail: `error: ${String(err).slice(0, 300)}` }).catch(() => undefined);
      }
    }
    return { checked: due.length, failed };
  }

  /** The certificate, its chain and its opened private key; undefined when it has no key. */
  private async clientMaterial(certificateId: number): Promise<{ certificatePem: string; chainPem: string; privateKeyDer: Buffer } | undefined> {
    const cert = await this.store.certificates.findById(certificateId);
    const material = cert && (await this.store.certificates.getMaterial(cert.sslCertificateId));
    if (!material?.encryptedKey) return undefined;
    return { certificatePem: toPem(material.certificateDer, 'CERTIFICATE'), chainPem: material.chainPem, privateKeyDer: this.box.open(material.encryptedKey, material.id) };
  }

  private async applyResult(tx: Repositories, principal: Principal, project: Project, app: App, key: PushHealthKey, r: PushResultInput & { index: number }, at: Date): Promise<RecordedPushResult> {
    const verdict = classifyPushOutcome(r);
    const current = await tx.pushHealth.find(key);
    const base = { index: r.index, environment: key.environment, certificateId: key.certificateId, outcome: r.outcome, at };
    if (verdict.kind === 'none') return { ...base, effect: 'none', reason: null, status: current?.status ?? null };
    if (verdict.kind === 'authenticated') {
      // Proof that it works, but not a reason to clear REVOKED (only a push check that authenticates is);
      // recorded only where nothing is known yet.
      if (!current?.status) await tx.pushHealth.putVerdict(key, { status: 'ok', reason: 'delivered', source: 'push-result', at });
      return { ...base, effect: 'delivered', reason: null, status: current?.status ?? 'ok' };
    }
    if (current?.status === 'revoked') return { ...base, effect: 'already_revoked', reason: verdict.reason, status: 'revoked' };
    if (current?.status === 'ok' && current.at && current.at.getTime() > at.getTime()) return { ...base, effect: 'stale', reason: verdict.reason, status: 'ok' };
    await tx.pushHealth.putVerdict(key, { status: 'revoked', reason: verdict.reason, source: 'push-result', at });
    await tx.events.append(pushEvent(actorOf(principal), project, app, 'push.rejected', at, this.clock.now(), { ...keyFacts(key), reason: verdict.reason, source: 'push-result', apnsStatus: r.apnsStatus ?? null, apnsReason: r.apnsReason ?? null, tlsAlert: r.tlsAlert ?? null, previousStatus: current?.status ?? null }));
    return { ...base, effect: 'revoked', reason: verdict.reason, status: 'revoked' };
  }

  private async storeCheck(actor: string, project: Project, app: Pick<App, 'id' | 'appId'>, key: PushHealthKey, result: ApnsProbeResult): Promise<PushCheckResult> {
    const checkedAt = this.clock.now();
    const { outcome, detail } = checkOutcomeOf(result);
    return this.store.transaction(async (tx) => {
      const current: PushHealthRecord | undefined = await tx.pushHealth.find(key);
      await tx.pushHealth.recordCheck(key, { checkedAt, outcome, detail });
      let status = current?.status ?? null;
      let changed = false;
      if (outcome === 'ok' || (outcome === 'revoked' && status !== 'revoked')) {
        await tx.pushHealth.putVerdict(key, { status: outcome, reason: detail, source: 'push-check', at: checkedAt });
        changed = status !== outcome;
        status = outcome;
      }
      if (changed) {
        await tx.events.append(pushEvent(actor, project, app, outcome === 'revoked' ? 'push.check_revoked' : 'push.check_ok', checkedAt, checkedAt, { ...keyFacts(key), reason: detail, source: 'push-check', previousStatus: current?.status ?? null }));
      }
      return { ...key, outcome, detail, status, changed, checkedAt };
    });
  }
}

function checkOutcomeOf(result: ApnsProbeResult): { outcome: PushCheckOutcome; detail: string } {
  switch (result.kind) {
    case 'tls-alert':
      return { outcome: 'revoked', detail: tlsAlertReason(result.alert) };
    case 'http': {
      const c = classifyCheckResponse(result.status, result.reason);
      return { outcome: c.outcome, detail: c.reason };
    }
    case 'unreachable':
      return { outcome: 'failed', detail: `unreachable: ${result.detail}`.slice(0, 500) };
  }
}

/** The reported time of a result, or now; refused when more than 5 minutes in the future. */
function resultTime(r: PushResultInput, index: number, count: number, now: Date): Date {
  if (r.at === undefined) return now;
  const where = count > 1 ? `results[${index}].at` : 'at';
  const at = new Date(r.at);
  if (Number.isNaN(at.getTime())) throw new AppError('push_result_invalid', `${where} "${r.at.slice(0, 60)}" is not an ISO 8601 date-time`);
  if (at.getTime() > now.getTime() + PUSH_RESULT_MAX_FUTURE_MS) throw new AppError('push_result_invalid', `${where} ${r.at.slice(0, 60)} lies in the future (now is ${now.toISOString()})`);
  return at;
}

function checkConsistent(r: PushResultInput, index: number, count: number): void {
  const where = count > 1 ? `results[${index}]` : 'the result';
  if (r.outcome === 'delivered' && (r.tlsAlert !== undefined || (r.apnsStatus !== undefined && r.apnsStatus !== 200))) {
    throw new AppError('push_result_invalid', `${where} is "delivered" but carries ${r.tlsAlert !== undefined ? `a TLS alert (${r.tlsAlert})` : `APNs status ${r.apnsStatus}`}`);
  }
  if (r.outcome === 'rejected' && r.apnsStatus === 200) throw new AppError('push_result_invalid', `${where} is "rejected" but carries APNs status 200`);
}

async function appIn(repos: Pick<Repositories, 'apps'>, project: Project, appIdInput: string): Promise<App> {
  const appId = normalizeAppId(appIdInput);
  const app = appId === undefined ? undefined : await repos.apps.findByAppId(project.organizationId, appId);
  if (!app || app.projectId !== project.id) throw new AppError('app_not_found', `app ${appIdInput.slice(0, 200)} was not found in the project`);
  return app;
}

const keyFacts = (k: PushHealthKey) => ({ environment: k.environment, certificateId: k.certificateId });

function pushEvent(actor: string, project: Project, app: Pick<App, 'id' | 'appId'>, type: string, observedAt: Date, createdAt: Date, data: Record<string, unknown>): NewAuditEvent {
  return { projectId: project.id, organizationId: project.organizationId, type, actor, objectType: 'app', objectId: app.appId, data: { appUuid: app.id, observedAt: observedAt.toISOString(), ...data }, createdAt };
}
