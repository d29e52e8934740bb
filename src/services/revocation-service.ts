import { X509Certificate } from 'node:crypto';
import type { Logger } from 'pino';
import { AppError } from '../domain/app-error.js';
import type { CertificateRecord } from '../domain/certificate.js';
import { scanPem } from '../pki/pem.js';
import type { Clock } from '../ports/clock.js';
import type { RevocationRecord } from '../ports/revocation-repository.js';
import type { Store } from '../ports/store.js';
import { certificateFields, crlUrls, ocspUrls, type CertificateFields } from '../revocation/certificate-fields.js';
import { lookUpCrl, verifyCrl, type VerifiedCrl } from '../revocation/crl.js';
import { httpFetch, type RevocationFetch } from '../revocation/http-fetch.js';
import { buildOcspRequest, readOcspResponse } from '../revocation/ocsp.js';
import { RevocationSourceError, type RevocationAnswer } from '../revocation/revocation-answer.js';
import type { AccessService } from './access-service.js';
import { actorOf, type Principal } from './principal.js';

export interface RevocationConfig {
  /** How often the scheduler looks for certificates whose cached answer expired (CERTKEEPER_REVOCATION_INTERVAL_SECONDS). */
  intervalMs: number;
  /** Per fetch, connect to last byte. Default 10 s. */
  fetchTimeoutMs?: number;
  /** Cap on a CRL's size. Default 20 MB. */
  crlMaxBytes?: number;
  /** Cap on an OCSP response's size. Default 64 KB. */
  ocspMaxBytes?: number;
  /** How long an answer without nextUpdate is cached. Default 1 hour. */
  defaultCacheMs?: number;
  /** When the scheduler tries again after no source answered. Default 1 hour. */
  errorRetryMs?: number;
}

/** The result of one revocation check, as the API answers it. */
export interface RevocationFinding {
  certificateId: number;
  sslCertificateId: string;
  /** Which source answered; null when none did. */
  method: 'ocsp' | 'crl' | null;
  /** unknown also when no source gave a usable answer (then `error` says why). */
  status: 'good' | 'revoked' | 'unknown';
  reason: string | null;
  revokedAt: Date | null;
  thisUpdate: Date | null;
  nextUpdate: Date | null;
  url: string | null;
  /** true when the answer came from the cache (its nextUpdate has not passed). */
  cached: boolean;
  /** true when this check changed the certificate's status to revoked. */
  changed: boolean;
  checkedAt: Date;
  /** Why no source answered (each source tried, in order); null when one did. */
  error: string | null;
}

const MIN_CACHE_MS = 60_000;
const CRL_CACHE_ENTRIES = 32;

/**
 * Revocation checks of certificates whose issuer is known: the issuer is the
 * certificate of the stored chain that signed the leaf.
 *
 * Order of sources: the CRL distribution points first, then the OCSP responders of the AIA
 * extension; the first usable answer wins, a failing source falls through to the next. CRLs
 * come first because CAs are moving to them (Let's Encrypt ended OCSP in 2025), one CRL answers
 * for every certificate of its issuer (kept in memory until its nextUpdate), and fetching it
 * tells no responder which certificate is being looked at.
 *
 * Each answer is cached per certificate until its nextUpdate (or `defaultCacheMs` when it gives
 * none). A revoked answer sets the stored status `revoked` and appends a `certificate.revoked`
 * event (source ocsp|crl, reason, revokedAt) in one transaction. When no source answers,
 * nothing about the certificate changes: the finding says why, and the scheduler tries again
 * after `errorRetryMs`. certificateHold counts as revoked (RFC 6960 §2.2: OCSP answers revoked);
 * the stored status does not go back when a hold is released.
 */
export class RevocationService {
  /** Verified CRLs by URL and issuer, until their nextUpdate. */
  private readonly crls = new Map<string, { verified: VerifiedCrl; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly config: RevocationConfig,
    private readonly fetch: RevocationFetch = httpFetch,
    private readonly logger?: Logger,
  ) {}

  /**
   * Checks the certificate now (editor). A cached answer whose nextUpdate has not passed is
   * returned as is (`cached: true`) unless `force`. AppError certificate_not_found,
   * revocation_issuer_unknown (no issuer in the stored chain), revocation_source_unknown (no
   * CRL distribution point nor OCSP responder in the certificate).
   */
  async checkNow(principal: Principal, projectId: string, id: number, options: { force?: boolean } = {}): Promise<RevocationFinding> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const cert = await this.store.certificates.findVisible(project.id, project.organizationId, id);
    if (!cert) throw new AppError('certificate_not_found', `certificate ${id} was not found`);
    return this.check(cert, actorOf(principal), options.force ?? false);
  }

  /** The last stored answer about the certificate's current material (viewer); null when never checked. */
  async lastFinding(principal: Principal, projectId: string, id: number): Promise<RevocationFinding | null> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    const cert = await this.store.certificates.findVisible(project.id, project.organizationId, id);
    if (!cert) throw new AppError('certificate_not_found', `certificate ${id} was not found`);
    const record = await this.store.revocation.get(cert.id);
    return record && record.materialId === cert.sslCertificateId ? findingOf(cert, record, true, false) : null;
  }

  /**
   * Checks up to `limit` certificates whose cached answer expired (issued, not expired, chain
   * stored), one after another; for a scheduler. Never throws for one certificate's failure.
   */
  async checkDue(limit: number): Promise<{ checked: number; revoked: number; failed: number }> {
    const ids = await this.store.revocation.listDue(this.clock.now(), limit);
    let revoked = 0;
    let failed = 0;
    for (const id of ids) {
      const cert = await this.store.certificates.findById(id);
      if (!cert) continue;
      try {
        const finding = await this.check(cert, 'system', false);
        if (finding.changed) revoked++;
        if (finding.error) failed++;
      } catch (err) {
        failed++;
        // No issuer or no source: remember it, so the certificate is not picked again at once.
        const now = this.clock.now();
        await this.store.revocation.put(errorRecord(cert, now, new Date(now.getTime() + this.defaultCacheMs * 24), (err as Error).message));
      }
    }
    return { checked: ids.length, revoked, failed };
  }

  private get defaultCacheMs(): number {
    return this.config.defaultCacheMs ?? 3_600_000;
  }

  private async check(cert: CertificateRecord, actor: string, force: boolean): Promise<RevocationFinding> {
    const material = await this.store.certificates.getMaterial(cert.sslCertificateId);
    if (!material) throw new AppError('certificate_not_found', `certificate ${cert.id} has no stored material`);
    const now = this.clock.now();
    if (!force) {
      const cachedRecord = await this.store.revocation.get(cert.id);
      if (cachedRecord && cachedRecord.materialId === material.id && cachedRecord.status !== 'error' && cachedRecord.dueAt.getTime() > now.getTime()) {
        return findingOf(cert, cachedRecord, true, false);
      }
    }
    const leaf = certificateFields(material.certificateDer);
    // The sources first: finding the issuer verifies signatures along the chain, the costly part
    // of a check that cannot ask anyone anyway.
    const crls = crlUrls(leaf);
    const ocsps = ocspUrls(leaf);
    if (crls.length === 0 && ocsps.length === 0) {
      throw new AppError('revocation_source_unknown', `certificate ${cert.id} names no CRL distribution point and no OCSP responder`);
    }
    const issuer = issuerOf(material.certificateDer, material.chainPem);
    if (!issuer) {
      throw new AppError('revocation_issuer_unknown', `the issuer of certificate ${cert.id} is not in its stored chain; import it with its chain (certificateChain) to check revocation`);
    }
    const errors: string[] = [];
    let answer: RevocationAnswer | undefined;
    for (const url of crls) {
      try {
        answer = lookUpCrl(await this.crl(url, issuer, now, force), material.certificateDer, now);
        break;
      } catch (err) {
        errors.push(`CRL ${url}: ${messageOf(err)}`);
      }
    }
    for (const url of answer ? [] : ocsps) {
      try {
        answer = await this.ocsp(url, leaf, issuer, now);
        break;
      } catch (err) {
        errors.push(`OCSP ${url}: ${messageOf(err)}`);
      }
    }
    if (!answer) {
      const error = errors.join('; ');
      this.logger?.warn({ certificateId: cert.id, error }, 'revocation check failed: no source answered');
      const record = errorRecord(cert, now, new Date(now.getTime() + (this.config.errorRetryMs ?? 3_600_000)), error);
      await this.store.revocation.put(record);
      return findingOf(cert, record, false, false);
    }
    const dueAt = new Date(Math.max(now.getTime() + MIN_CACHE_MS, answer.nextUpdate?.getTime() ?? now.getTime() + this.defaultCacheMs));
    const record: RevocationRecord = {
      certificateId: cert.id,
      materialId: material.id,
      status: answer.status,
      method: answer.method,
      url: answer.url,
      reason: answer.reason,
      revokedAt: answer.revokedAt,
      thisUpdate: answer.thisUpdate,
      nextUpdate: answer.nextUpdate,
      detail: errors.length ? `answered after: ${errors.join('; ')}` : null,
      checkedAt: now,
      dueAt,
    };
    if (answer.status !== 'revoked') {
      await this.store.revocation.put(record);
      return findingOf(cert, record, false, false);
    }
    const changed = await this.store.transaction(async (tx) => {
      await tx.revocation.put(record);
      // Lock, then check again: the same material, not revoked already.
      const current = await tx.certificates.findById(cert.id);
      if (!current || current.status === 'revoked' || current.sslCertificateId !== material.id) return false;
      await tx.certificates.updateStatus(cert.id, 'revoked', now);
      await tx.events.append({
        organizationId: current.organizationId,
        projectId: current.projectId,
        type: 'certificate.revoked',
        actor,
        objectType: 'certificate',
        objectId: String(cert.id),
        data: {
          source: answer.method,
          reason: answer.reason,
          revokedAt: answer.revokedAt?.toISOString() ?? null,
          url: answer.url,
          sslCertificateId: material.id,
          domainName: current.domainName,
        },
        createdAt: now,
      });
      return true;
    });
    if (changed) this.logger?.info({ certificateId: cert.id, source: answer.method, reason: answer.reason }, 'certificate revoked');
    return findingOf(cert, record, false, changed);
  }

  private async crl(url: string, issuer: CertificateFields, now: Date, force: boolean): Promise<VerifiedCrl> {
    const key = `${url} ${issuer.subjectDer.toString('hex')}`;
    const hit = this.crls.get(key);
    if (hit && !force && hit.until > now.getTime()) return hit.verified;
    const bytes = await this.fetch({ url, accept: 'application/pkix-crl' }, { timeoutMs: this.config.fetchTimeoutMs ?? 10_000, maxBytes: this.config.crlMaxBytes ?? 20 * 1024 * 1024 });
    const verified = await verifyCrl(bytes, issuer.der, url);
    const until = verified.crl.nextUpdate?.getTime();
    if (until !== undefined && until > now.getTime()) {
      if (this.crls.size >= CRL_CACHE_ENTRIES) this.crls.delete(this.crls.keys().next().value as string);
      this.crls.set(key, { verified, until });
    }
    return verified;
  }

  private async ocsp(url: string, leaf: CertificateFields, issuer: CertificateFields, now: Date): Promise<RevocationAnswer> {
    const request = buildOcspRequest(leaf, issuer);
    // RFC 6960 App. A.1: POST the DER request.
    const response = await this.fetch(
      { url, method: 'POST', body: request.der, contentType: 'application/ocsp-request', accept: 'application/ocsp-response' },
      { timeoutMs: this.config.fetchTimeoutMs ?? 10_000, maxBytes: this.config.ocspMaxBytes ?? 64 * 1024 },
    );
    return readOcspResponse(response, { leaf, issuer, nonce: request.nonce }, now, url);
  }
}

function messageOf(err: unknown): string {
  if (err instanceof RevocationSourceError) return err.message;
  return `unexpected error: ${(err as Error)?.message ?? String(err)}`;
}

/** The certificate of the chain that issued the leaf (name match and signature), or null. */
function issuerOf(leafDer: Buffer, chainPem: string): CertificateFields | null {
  if (!chainPem) return null;
  const leaf = new X509Certificate(leafDer);
  for (const block of scanPem(chainPem).blocks) {
    if (block.label !== 'CERTIFICATE') continue;
    try {
      const der = Buffer.from(block.base64, 'base64');
      const candidate = new X509Certificate(der);
      if (leaf.checkIssued(candidate) && leaf.verify(candidate.publicKey)) return certificateFields(der);
    } catch {
      // not a usable certificate: try the next one
    }
  }
  return null;
}

function errorRecord(cert: CertificateRecord, now: Date, dueAt: Date, detail: string): RevocationRecord {
  return {
    certificateId: cert.id,
    materialId: cert.sslCertificateId,
    status: 'error',
    method: null,
    url: null,
    reason: null,
    revokedAt: null,
    thisUpdate: null,
    nextUpdate: null,
    detail,
    checkedAt: now,
    dueAt,
  };
}

function findingOf(cert: CertificateRecord, r: RevocationRecord, cached: boolean, changed: boolean): RevocationFinding {
  return {
    certificateId: cert.id,
    sslCertificateId: r.materialId,
    method: r.method,
    status: r.status === 'error' ? 'unknown' : r.status,
    reason: r.reason,
    revokedAt: r.revokedAt,
    thisUpdate: r.thisUpdate,
    nextUpdate: r.nextUpdate,
    url: r.url,
    cached,
    changed,
    checkedAt: r.checkedAt,
    error: r.status === 'error' ? r.detail : null,
  };
}
