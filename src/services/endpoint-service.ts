import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { Logger } from 'pino';
import { AppError } from '../domain/app-error.js';
import { checkHostName, connectableHost, coverCandidates } from '../domain/host-name.js';
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
import type { NewAuditEvent } from '../domain/audit-event.js';
import type { Project } from '../domain/project.js';
import type { Page, PageResult } from '../ports/page.js';
import type { Store } from '../ports/store.js';
import { parseCertificate } from '../pki/parse-certificate.js';
import { toPem } from '../pki/pem.js';
import { AddressPolicy } from '../net/address-policy.js';
import { createProbeTrust, probeEndpoint, type ProbeOptions, type ProbeResult, type ProbeTrust } from '../probe/probe-endpoint.js';
import type { AccessService } from './access-service.js';
import type { InventoryService } from './inventory-service.js';
import { actorOf, type Principal } from './principal.js';

/** At most this many probes stored per transaction by a scheduled pass. */
const RECORD_BATCH = 64;

/** What one probe observed, before it is stored. */
interface Observed {
  project: Project;
  endpoint: Endpoint;
  result: ProbeResult | undefined;
  error: EndpointProbe['error'];
  leaf: ServedLeaf | null;
  chain: Buffer[];
  at: Date;
}

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
  /** Endpoints probed at once by probeDue (default 64): a probe mostly waits on the network. */
  concurrency?: number;
}

/**
 * Watched endpoints: a project's servers, probed now (editor) or on a schedule,
 * with what they serve linked to the inventory by the leaf's fingerprint (an unknown leaf is
 * imported as `source: "discovered"`, without a key) and findings: expiring, expired, name
 * mismatch, untrusted (against Node's roots plus the project's own CA certificates), stale
 * deployment (a deployment naming the endpoint wrote another certificate than the one served
 * and its verification window has closed, or the inventory has a newer one), unreachable. A
 * finding appends an `endpoint.<type>` audit event when it appears or changes (another
 * certificate, another error code), never again for the same state.
 *
 * Server-side probes go through the outbound AddressPolicy: link-local and cloud metadata
 * addresses, and CERTKEEPER_OUTBOUND_DENY, are refused (`probe_address_refused` when asked
 * through the API); a name is resolved once, every address checked, and the probe connects to a
 * checked address with the name as SNI (so a re-pointed name cannot slip through).
 */
export class EndpointService {

  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
    private readonly inventory: InventoryService,
    private readonly clock: Clock,
    private readonly config: EndpointServiceConfig,
    private readonly guard: AddressPolicy = new AddressPolicy(),
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

  async list(principal: Principal, projectId: string, page: Page, filter: { certificateId?: number } = {}): Promise<PageResult<Endpoint>> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    return this.store.endpoints.list(project.id, page, filter);
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
    const observed = await this.observe(project, endpoint, 'api', new Map());
    await this.record([observed], actorOf(principal));
    return this.endpointIn(project, id);
  }

  /**
   * Claims up to `limit` endpoints due at the clock's now (never probed, or probed at least
   * `intervalMs` ago) and probes them, `concurrency` at a time; for a scheduler. What they
   * served is stored in batches (one import and one recording transaction per batch rather than
   * per endpoint), while the next probes run. Never throws for one endpoint's failure.
   */
  async probeDue(limit: number): Promise<{ probed: number; failed: number }> {
    const now = this.clock.now();
    const claimed = await this.store.leases.claimDue('probe', { now, dueBefore: new Date(now.getTime() - this.config.intervalMs), claimExpiredBefore: new Date(now.getTime() - (this.config.claimMs ?? 600_000)) }, limit);
    const trusts = new Map<string, Promise<ProbeTrust>>();
    const projects = new Map<string, Promise<Project | undefined>>();
    let failed = 0;
    let next = 0;
    const concurrency = this.config.concurrency ?? 64;
    // A round of probes is stored together.
    const recordBatch = Math.min(RECORD_BATCH, concurrency);
    let pending: Observed[] = [];
    let writing: Promise<void> = Promise.resolve();
    const flush = () => {
      const batch = pending;
      pending = [];
      if (batch.length === 0) return;
      writing = writing.then(async () => {
        try {
          const probes = await this.record(batch, 'system');
          failed += probes.filter((p) => p.error !== null).length;
        } catch (err) {
          failed += batch.length;
          this.logger?.warn({ err: String(err), endpoints: batch.length }, 'could not store endpoint probes');
        }
      });
    };
    const worker = async () => {
      while (next < claimed.length) {
        const endpoint = claimed[next++];
        try {
          if (!projects.has(endpoint.projectId)) projects.set(endpoint.projectId, this.store.projects.get(endpoint.projectId));
          const project = await projects.get(endpoint.projectId);
          if (!project) continue;
          // Not pending.push(await …): that would push into the array taken before the await, which a flush may have sent off.
          const observed = await this.observe(project, endpoint, 'scheduler', trusts);
          pending.push(observed);
          if (pending.length >= recordBatch) flush();
        } catch (err) {
          failed++;
          this.logger?.warn({ err: String(err), endpointId: endpoint.id }, 'endpoint probe failed');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
    flush();
    await writing;
    return { probed: claimed.length, failed };
  }

  /**
   * Probes these endpoints of the project now and stores what they served (as the scheduler
   * does: a refused address is the probe's error, not a throw); for a deployment's
   * verification. Answers them as they are afterwards, in the given order, leaving out any
   * deleted meanwhile.
   */
  async probeForDeployment(project: Project, endpointIds: readonly number[]): Promise<Endpoint[]> {
    const trusts = new Map<string, Promise<ProbeTrust>>();
    const observed: Observed[] = [];
    for (const id of endpointIds) {
      const endpoint = await this.store.endpoints.get(id);
      if (!endpoint || endpoint.projectId !== project.id) continue;
      observed.push(await this.observe(project, endpoint, 'scheduler', trusts));
    }
    if (observed.length > 0) await this.record(observed, 'system');
    const out: Endpoint[] = [];
    for (const o of observed) {
      const fresh = await this.store.endpoints.get(o.endpoint.id);
      if (fresh) out.push(fresh);
    }
    return out;
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

  /** Resolves, checks and probes one endpoint; parses the served leaf. Stores nothing. */
  private async observe(project: Project, endpoint: Endpoint, by: 'api' | 'scheduler', trusts: Map<string, Promise<ProbeTrust>>): Promise<Observed> {
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

    let leaf: ServedLeaf | null = null;
    const chain = result?.chain ?? [];
    if (!error && chain.length > 0) {
      try {
        const parsed = parseCertificate(chain[0]);
        leaf = { fingerprintSha256: parsed.fingerprintSha256, subject: parsed.subject, issuer: parsed.issuer, domainName: parsed.domainName, sans: parsed.sans, notBefore: parsed.notBefore, notAfter: parsed.notAfter };
      } catch (err) {
        error = { code: 'certificate_invalid', step: 'handshake', message: `the served leaf is not a readable certificate: ${(err as Error).message}` };
      }
    }
    return { project, endpoint, result, error, leaf, chain, at: this.clock.now() };
  }

  /**
   * Stores what probes observed: each served leaf linked to the visible inventory certificate
   * with its fingerprint or imported as discovered (one import per project), the stale
   * deployment check, then every probe and its changed findings' events in one transaction.
   */
  private async record(batch: readonly Observed[], actor: string): Promise<EndpointProbe[]> {
    const certificateIds = await this.linkOrDiscover(batch, actor);
    const expectations = await this.store.deployments.endpointExpectations(batch.map((o) => o.endpoint.id));
    const probes: EndpointProbe[] = [];
    for (let i = 0; i < batch.length; i++) {
      const { project, endpoint, result, error, leaf, chain, at } = batch[i]!;
      const deployments = expectations
        .filter((x) => x.endpointId === endpoint.id)
        .map((x) => ({ deploymentId: x.deploymentId, deploymentName: x.deploymentName, targetName: x.targetName, certificateId: x.certificateId, fingerprintSha256: x.fingerprintSha256, windowOpen: x.verifyDeadline.getTime() > at.getTime() }));
      const checkedName = endpoint.serverName ?? endpoint.host;
      const newer = leaf ? await this.newerCovering(project, checkedName, leaf, at) : null;
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
          deployments,
        },
        at,
        this.config.expiringWithinDays,
      );
      probes.push({
        probedAt: at,
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
      });
    }
    await this.store.transaction(async (tx) => {
      for (let i = 0; i < batch.length; i++) {
        const { project, endpoint, at } = batch[i]!;
        const probe = probes[i]!;
        // Read again inside the transaction: a concurrent probe of the same endpoint may have recorded these findings already.
        const current = await tx.endpoints.get(endpoint.id);
        if (!current) continue;
        const changed = changedFindings(current.lastProbe?.findings ?? [], probe.findings);
        await tx.endpoints.recordProbe(endpoint.id, probe, certificateIds[i] ?? null);
        if (changed.length > 0) {
          await tx.events.appendMany(changed.map((f) => endpointEvent(actor, project, `endpoint.${f.type}`, current, at, findingData(f))));
        }
      }
    });
    return probes;
  }

  /**
   * For each observed leaf: the visible inventory certificate with its fingerprint, or the leaf
   * imported as discovered (null where that import fails); per project, one lookup and one import.
   */
  private async linkOrDiscover(batch: readonly Observed[], actor: string): Promise<Array<number | null>> {
    const ids: Array<number | null> = batch.map(() => null);
    const byProject = new Map<string, number[]>();
    batch.forEach((o, i) => {
      if (!o.leaf) return;
      const list = byProject.get(o.project.id) ?? [];
      list.push(i);
      byProject.set(o.project.id, list);
    });
    for (const indexes of byProject.values()) {
      const project = batch[indexes[0]!]!.project;
      const known = await this.store.certificates.findVisibleByFingerprints(project.id, project.organizationId, indexes.map((i) => batch[i]!.leaf!.fingerprintSha256));
      const unknown: number[] = [];
      for (const i of indexes) {
        const record = known.get(batch[i]!.leaf!.fingerprintSha256);
        if (record) ids[i] = record.id;
        else unknown.push(i);
      }
      if (unknown.length === 0) continue;
      const outcomes = await this.inventory.importDiscoveredMany(
        project,
        unknown.map((i) => ({ leafPem: toPem(batch[i]!.chain[0]!), chainPem: batch[i]!.chain.slice(1).map((d) => toPem(d)).join('') })),
        actor,
      );
      outcomes.forEach((outcome, k) => {
        const i = unknown[k]!;
        if (outcome instanceof AppError) this.logger?.warn({ code: outcome.code, fingerprintSha256: batch[i]!.leaf!.fingerprintSha256 }, 'could not import a discovered certificate');
        else ids[i] = outcome.record.id;
      });
    }
    return ids;
  }

  /**
   * The project's newest current certificate (issued, not expired, not itself discovered on an
   * endpoint) covering the name, when its notBefore is later than the served leaf's.
   */
  private async newerCovering(project: Project, name: string, leaf: ServedLeaf, now: Date): Promise<{ id: number; fingerprintSha256: string; notBefore: Date } | null> {
    const coversNames = coverCandidates(name);
    if (coversNames.length === 0) return null;
    const items = await this.store.certificates.listItems({
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
    for (const c of items) {
      if (c.source === 'discovered' || c.fingerprintSha256 === leaf.fingerprintSha256) continue;
      if (c.notBefore.getTime() <= leaf.notBefore.getTime()) continue;
      if (!best || c.notBefore.getTime() > best.notBefore.getTime()) best = { id: c.id, fingerprintSha256: c.fingerprintSha256, notBefore: c.notBefore };
    }
    return best;
  }
}

function parseHost(input: string, field: string): string {
  const checked = checkHostName(input, connectableHost);
  if (checked.problem !== undefined) throw new AppError('validation_failed', `${field} "${input.slice(0, 260)}" ${checked.problem}; give a host name or an IP address`);
  return checked.name;
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
