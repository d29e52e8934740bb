import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { Logger } from 'pino';
import { AppError, isAppError } from '../domain/app-error.js';
import { coverCandidates, normalizeHostName } from '../domain/host-name.js';
import {
  changedFindings,
  endpointFindings,
  endpointProtocols,
  type Endpoint,
  type EndpointFinding,
  type EndpointProbe,
  type EndpointProtocol,
  type ServedLeaf,
} from '../domain/endpoint.js';
import type { Clock } from '../ports/clock.js';
import { noopMetrics, type Metrics } from '../ports/metrics.js';
import type { NewAuditEvent, Page, PageResult, Project, Store } from '../ports/store.js';
import { parseCertificate } from '../pki/parse-certificate.js';
import { toPem } from '../pki/pem.js';
import { AddressGuard } from '../probe/address-guard.js';
import { createProbeTrust, probeEndpoint, type ProbeOptions, type ProbeResult, type ProbeTrust } from '../probe/probe-endpoint.js';
import type { AccessService } from './access-service.js';
import type { InventoryService } from './inventory-service.js';
import { actorOf, type Principal } from './principal.js';
import { PeriodicPass } from './periodic-pass.js';

export interface EndpointInput {
  host: string;
  port: number;
  serverName?: string | null;
  protocol: string;
}

export interface EndpointServiceConfig {
  /** How often each endpoint is probed by the scheduler. */
  intervalMs: number;
  /** Limit of each probe step (connect, STARTTLS answers, handshake); default 10 s. */
  timeoutMs?: number;
  /** A scheduled claim older than this is taken over by another server (a server died mid-probe); default 10 minutes. */
  claimMs?: number;
  /** Findings `expiring` within this many days; default 30. */
  expiringWithinDays?: number;
}

/**
 * Watched endpoints (issue 5 §3): a project's servers, probed now (editor) or on a schedule,
 * with what they serve linked to the inventory by the leaf's fingerprint (an unknown leaf is
 * imported as `source: "discovered"`, without a key) and findings: expiring, expired, name
 * mismatch, untrusted (against Node's roots plus the project's own CA certificates), stale
 * deployment, unreachable. A finding appends an `endpoint.<type>` audit event when it appears or
 * changes (another certificate, another error code), never again for the same state.
 *
 * Server-side probes go through the AddressGuard: link-local and cloud metadata addresses are
 * refused (`probe_address_refused` when asked through the API) unless the configuration allows
 * them; a name is resolved once, every address checked, and the probe connects to a checked
 * address with the name as SNI.
 */
export class EndpointService {
  private readonly passes = new PeriodicPass(() => this.probeDue(100), (err) => this.logger?.warn({ err: String(err) }, 'endpoint probe pass failed'));

  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
    private readonly inventory: InventoryService,
    private readonly clock: Clock,
    private readonly config: EndpointServiceConfig,
    private readonly guard: AddressGuard = new AddressGuard(),
    private readonly logger?: Logger,
    private readonly metrics: Metrics = noopMetrics,
    private readonly probe: (options: ProbeOptions) => Promise<ProbeResult> = probeEndpoint,
  ) {}

  async create(principal: Principal, projectId: string, input: EndpointInput): Promise<Endpoint> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const host = parseHost(input.host, 'host');
    const serverName = input.serverName === undefined || input.serverName === null || input.serverName === '' ? null : parseHost(input.serverName, 'serverName');
    if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65535) throw new AppError('validation_failed', 'port must be an integer 1-65535');
    if (!endpointProtocols.includes(input.protocol as EndpointProtocol)) throw new AppError('validation_failed', `protocol must be one of ${endpointProtocols.join(', ')}`);
    // Refuse what could never be probed; a name that does not resolve yet may still be watched.
    const verdict = await this.guard.check(host);
    if (verdict.kind === 'refused') throw refused(host, verdict);
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const endpoint = await tx.endpoints.insert({ projectId: project.id, organizationId: project.organizationId, host, port: input.port, serverName, protocol: input.protocol as EndpointProtocol, createdAt: now });
      await tx.events.append(endpointEvent(actorOf(principal), project, 'endpoint.created', endpoint, now, {}));
      return endpoint;
    });
  }

  async list(principal: Principal, projectId: string, page: Page): Promise<PageResult<Endpoint>> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    return this.store.endpoints.list(project.id, page);
  }

  async get(principal: Principal, projectId: string, id: number): Promise<Endpoint> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    return this.endpointIn(project, id);
  }

  /** Deletes the endpoint (its probe history goes with it; the certificates it linked stay). */
  async delete(principal: Principal, projectId: string, id: number): Promise<Endpoint> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const endpoint = await tx.endpoints.get(id);
      if (!endpoint || endpoint.projectId !== project.id) throw notFound(id);
      await tx.endpoints.delete(id);
      await tx.events.append(endpointEvent(actorOf(principal), project, 'endpoint.deleted', endpoint, now, {}));
      return endpoint;
    });
  }

  /** Probes the endpoint now (editor) and answers with it, the new probe included. */
  async probeNow(principal: Principal, projectId: string, id: number): Promise<Endpoint> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const endpoint = await this.endpointIn(project, id);
    await this.probeAndRecord(project, endpoint, actorOf(principal), 'api', new Map());
    return this.endpointIn(project, id);
  }

  /**
   * Claims up to `limit` endpoints due at the clock's now (never probed, or probed at least
   * `intervalMs` ago) and probes them, a few at a time; for a scheduler. Never throws for one
   * endpoint's failure.
   */
  async probeDue(limit: number): Promise<{ probed: number; failed: number }> {
    const now = this.clock.now();
    const claimed = await this.store.endpoints.claimDue(now, new Date(now.getTime() - this.config.intervalMs), new Date(now.getTime() - (this.config.claimMs ?? 600_000)), limit);
    const trusts = new Map<string, Promise<ProbeTrust>>();
    const projects = new Map<string, Promise<Project | undefined>>();
    let failed = 0;
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const endpoint = claimed[next++];
        try {
          if (!projects.has(endpoint.projectId)) projects.set(endpoint.projectId, this.store.projects.get(endpoint.projectId));
          const project = await projects.get(endpoint.projectId);
          if (!project) continue;
          const probe = await this.probeAndRecord(project, endpoint, 'system', 'scheduler', trusts);
          if (probe.error) failed++;
        } catch (err) {
          failed++;
          this.logger?.warn({ err: String(err), endpointId: endpoint.id }, 'endpoint probe failed');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, claimed.length) }, worker));
    return { probed: claimed.length, failed };
  }

  /** Runs probeDue (100 endpoints per pass) shortly after start, then every `intervalMs` / 10 (at least a minute); passes never overlap. */
  start(intervalMs = this.config.intervalMs): void {
    // Endpoints come due one by one (each intervalMs after its own last probe): look more often than the interval.
    const every = Math.max(Math.min(intervalMs, 60_000), Math.round(intervalMs / 10));
    this.passes.start(every, Math.min(30_000, every));
  }

  async stop(): Promise<void> {
    await this.passes.stop();
  }

  private async endpointIn(project: Project, id: number): Promise<Endpoint> {
    const endpoint = await this.store.endpoints.get(id);
    if (!endpoint || endpoint.projectId !== project.id) throw notFound(id);
    return endpoint;
  }

  /** Node's roots plus the project's own CA certificates (imported certificates of kind `ca`). */
  private async trustOf(project: Project): Promise<ProbeTrust> {
    const cas = await this.store.certificates.list({
      projectId: project.id,
      organizationId: project.organizationId,
      kind: 'ca',
      pageIndex: 1,
      pageSize: 500,
      sort: 'id',
      descending: false,
      now: this.clock.now(),
    });
    const pems: string[] = [];
    for (const ca of cas.items) {
      const material = await this.store.certificates.getMaterial(ca.sslCertificateId);
      if (material) pems.push(toPem(material.certificateDer));
    }
    return createProbeTrust(pems);
  }

  private async probeAndRecord(project: Project, endpoint: Endpoint, actor: string, by: 'api' | 'scheduler', trusts: Map<string, Promise<ProbeTrust>>): Promise<EndpointProbe> {
    const checkedName = endpoint.serverName ?? endpoint.host;
    const verdict = await this.guard.check(endpoint.host);
    if (verdict.kind === 'refused' && by === 'api') throw refused(endpoint.host, verdict);

    let result: ProbeResult | undefined;
    let error: EndpointProbe['error'] = null;
    if (verdict.kind === 'refused') error = { code: 'address_refused', step: 'connect', message: verdict.message };
    else if (verdict.kind === 'unresolved') error = { code: 'host_not_found', step: 'connect', message: `${endpoint.host} does not resolve` };
    else {
      if (!trusts.has(project.id)) trusts.set(project.id, this.trustOf(project));
      const trust = await trusts.get(project.id)!;
      result = await this.probe({
        host: verdict.addresses[0],
        port: endpoint.port,
        protocol: endpoint.protocol,
        // The name travels as SNI and is what the leaf is checked against; none for an IP literal host.
        serverName: endpoint.serverName ?? (isIP(endpoint.host) ? undefined : endpoint.host),
        timeoutMs: this.config.timeoutMs ?? 10_000,
        trust,
      });
      error = result.error;
    }
    this.metrics.probe(endpoint.protocol, error === null ? 'success' : error.step === 'connect' ? 'unreachable' : 'failure');
    const now = this.clock.now();

    let leaf: ServedLeaf | null = null;
    let certificateId: number | null = null;
    let newer: { id: number; fingerprintSha256: string; notBefore: Date } | null = null;
    const chain = result?.chain ?? [];
    if (!error && chain.length > 0) {
      try {
        const parsed = parseCertificate(chain[0]);
        leaf = { fingerprintSha256: parsed.fingerprintSha256, subject: parsed.subject, issuer: parsed.issuer, domainName: parsed.domainName, sans: parsed.sans, notBefore: parsed.notBefore, notAfter: parsed.notAfter };
      } catch (err) {
        error = { code: 'certificate_invalid', step: 'handshake', message: `the served leaf is not a readable certificate: ${(err as Error).message}` };
      }
    }
    if (leaf) {
      certificateId = await this.linkOrDiscover(project, leaf, chain, actor);
      newer = await this.newerCovering(project, checkedName, leaf, now);
    }
    const findings = endpointFindings(
      {
        checkedName,
        error: error ?? (leaf ? null : { code: 'no_certificate', message: 'the server sent no certificate' }),
        leaf,
        chainTrusted: result?.chainTrusted ?? null,
        trustError: result?.trustError ?? null,
        nameMatches: result?.nameMatches ?? null,
        nameError: result?.nameError ?? null,
        newer,
      },
      now,
      this.config.expiringWithinDays,
    );
    const probe: EndpointProbe = {
      probedAt: now,
      error,
      address: result?.address ?? null,
      tlsVersion: result?.tlsVersion ?? null,
      cipher: result?.cipher ?? null,
      chainFingerprints: chain.map((der) => createHash('sha256').update(der).digest('hex')),
      chainTrusted: error ? null : (result?.chainTrusted ?? null),
      trustError: error ? null : (result?.trustError ?? null),
      nameMatches: error ? null : (result?.nameMatches ?? null),
      nameError: error ? null : (result?.nameError ?? null),
      leaf,
      findings,
    };
    await this.store.transaction(async (tx) => {
      // Read again inside the transaction: a concurrent probe of the same endpoint may have recorded these findings already.
      const current = await tx.endpoints.get(endpoint.id);
      if (!current) return;
      const changed = changedFindings(current.lastProbe?.findings ?? [], findings);
      await tx.endpoints.recordProbe(endpoint.id, probe, certificateId);
      if (changed.length > 0) {
        await tx.events.appendMany(changed.map((f) => endpointEvent(actor, project, `endpoint.${f.type}`, current, now, findingData(f))));
      }
    });
    return probe;
  }

  /** The visible inventory certificate with the leaf's fingerprint, or the leaf imported as discovered; null when that import fails. */
  private async linkOrDiscover(project: Project, leaf: ServedLeaf, chain: Buffer[], actor: string): Promise<number | null> {
    const known = await this.store.certificates.findVisibleByFingerprints(project.id, project.organizationId, [leaf.fingerprintSha256]);
    const record = known.get(leaf.fingerprintSha256);
    if (record) return record.id;
    try {
      const outcome = await this.inventory.importDiscovered(project, toPem(chain[0]), chain.slice(1).map((d) => toPem(d)).join(''), actor);
      return outcome.record.id;
    } catch (err) {
      if (!isAppError(err)) throw err;
      this.logger?.warn({ code: err.code, fingerprintSha256: leaf.fingerprintSha256 }, 'could not import a discovered certificate');
      return null;
    }
  }

  /**
   * The project's newest current certificate (issued, not expired, not itself discovered on an
   * endpoint) covering the name, when its notBefore is later than the served leaf's.
   */
  private async newerCovering(project: Project, name: string, leaf: ServedLeaf, now: Date): Promise<{ id: number; fingerprintSha256: string; notBefore: Date } | null> {
    const coversNames = coverCandidates(name);
    if (coversNames.length === 0) return null;
    const page = await this.store.certificates.list({
      projectId: project.id,
      organizationId: project.organizationId,
      status: 'issued',
      coversNames,
      pageIndex: 1,
      pageSize: 200,
      sort: 'notAfter',
      descending: true,
      now,
    });
    let best: { id: number; fingerprintSha256: string; notBefore: Date } | null = null;
    for (const c of page.items) {
      if (c.source === 'discovered' || c.fingerprintSha256 === leaf.fingerprintSha256) continue;
      if (c.notBefore.getTime() <= leaf.notBefore.getTime()) continue;
      if (!best || c.notBefore.getTime() > best.notBefore.getTime()) best = { id: c.id, fingerprintSha256: c.fingerprintSha256, notBefore: c.notBefore };
    }
    return best;
  }
}

function parseHost(input: string, field: string): string {
  const host = normalizeHostName(input.replace(/^\[(.*)\]$/, '$1'));
  if (host === undefined || host.includes('*')) throw new AppError('validation_failed', `${field} must be a host name or IP address (got "${input.slice(0, 260)}")`);
  return host;
}

function refused(host: string, verdict: { address: string; message: string }): AppError {
  return new AppError('probe_address_refused', verdict.message, { details: { host, address: verdict.address } });
}

function notFound(id: number): AppError {
  return new AppError('endpoint_not_found', `endpoint ${id} was not found`);
}

function findingData(f: EndpointFinding): Record<string, unknown> {
  return { message: f.message, ...f.data };
}

function endpointEvent(actor: string, project: Project, type: string, e: Endpoint, at: Date, data: Record<string, unknown>): NewAuditEvent {
  return {
    projectId: project.id,
    organizationId: project.organizationId,
    type,
    actor,
    objectType: 'endpoint',
    objectId: String(e.id),
    data: { host: e.host, port: e.port, protocol: e.protocol, serverName: e.serverName, ...data },
    createdAt: at,
  };
}
