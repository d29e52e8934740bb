import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { AppError } from '../domain/app-error.js';
import type { NewAuditEvent } from '../domain/audit-event.js';
import type { CertificateRecord } from '../domain/certificate.js';
import {
  defaultDeploymentName,
  deploymentBackoffMs,
  deploymentTargetTypes,
  effectiveDeploymentStatus,
  pullTargetTypes,
  segmentProblem,
  type DeploymentError,
  type DeploymentStatus,
  type DeploymentTargetType,
} from '../domain/deployment.js';
import type { Endpoint } from '../domain/endpoint.js';
import type { Project } from '../domain/project.js';
import type { Clock } from '../ports/clock.js';
import type { DeployBatchOutcome, DeployerSecret, DeployersByType, DeployItem, DeployTarget } from '../ports/deployer.js';
import type { AgentVersionRow, DeploymentRecord, DeploymentTargetRecord, DeploymentUpdate, DeploymentWithCurrent, NewDeployment } from '../ports/deployment-repository.js';
import type { Page, PageResult } from '../ports/page.js';
import type { Repositories, Store } from '../ports/store.js';
import { decodeCertificates } from '../pki/decode-certificates.js';
import { toPem } from '../pki/pem.js';
import { sealedSecretAad } from '../secrets/sealed-secret-aad.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { AccessService } from './access-service.js';
import { actorOf, type DeploymentKeyPrincipal, type Principal } from './principal.js';

/** Probes a deployment's endpoints and stores what they served (EndpointService). */
export interface DeploymentVerifier {
  probeForDeployment(project: Project, endpointIds: readonly number[]): Promise<Endpoint[]>;
}

export interface DeploymentServiceConfig {
  /** This server's name in target leases. */
  instanceId: string;
  /** How long one server may hold a target's lease (a server that dies mid-deploy is taken over after it). Default 10 minutes. */
  leaseMs?: number;
  /** How long after a deploy its endpoints may still serve the old certificate before it is a stale deployment. Default 5 minutes. */
  verifyWindowMs?: number;
  /** The first verification probe comes this long after the reload (the server reloads in the background). Default 2 s. */
  verifyDelayMs?: number;
  /** Probes are repeated this often until verified or the window closes. Default 15 s (at most a quarter of the window). */
  verifyRetryMs?: number;
  /** Deployments written to one target per batch, with one reload after the batch. Default 2,000. */
  batch?: number;
  /** Targets worked on per pass, and at once. Defaults 200 and 4. */
  targetsPerPass?: number;
  targetConcurrency?: number;
}

/** A target as the API takes it. `config` is checked per type; on update, absent secret fields keep their stored value. */
export interface TargetInput {
  name?: string;
  type?: string;
  config?: Record<string, unknown>;
}

/** A target as the API shows it: never a secret. */
export interface TargetView {
  id: number;
  projectId: string;
  name: string;
  type: DeploymentTargetType;
  config: Record<string, unknown>;
  hasSecret: boolean;
  /** Which secret fields of the config are stored (sealed; their values are never shown). */
  secretFields: string[];
  createdAt: Date;
  updatedAt: Date;
  /** An `agent` target's deployment key: only in the answer that made it (creation, rotation), never again. */
  agentKey?: string;
}

/** One deployment as its agent sees it: where to write, which version, and whether it must write again. */
export interface AgentDeploymentView {
  id: number;
  name: string;
  certificateId: number;
  domainName: string;
  /** The certificate's current version; null before a managed certificate's first issuance. */
  fingerprintSha256: string | null;
  sslCertificateId: string | null;
  /** What the server last recorded as written. */
  deployedFingerprintSha256: string | null;
  status: DeploymentStatus;
  /** A deploy was asked for (POST …/deploy, the target changed): write again even an unchanged version. */
  requested: boolean;
}

/** A version as the agent writes it. Holds the private key: never logged. */
export interface AgentMaterial {
  deploymentId: number;
  name: string;
  fingerprintSha256: string;
  certificatePem: string;
  chainPem: string;
  privateKeyPem: string;
}

/** What an agent reports about one deployment. */
export interface AgentOutcomeInput {
  fingerprintSha256: string;
  ok: boolean;
  error?: { code?: string; message?: string };
}

/** Codes an agent may report a failure with; anything else is stored as deployment_write_failed. */
const agentErrorCodes = ['deployment_write_failed', 'deploy_hook_failed', 'deployment_path_invalid'] as const;

export interface DeploymentInput {
  certificateId: number;
  targetId: number;
  name?: string;
  endpointIds?: number[];
}

/** A deployment as the API shows it (`lastError.hookStderr` is for admins: the route strips it for others). */
export interface DeploymentView {
  id: number;
  projectId: string;
  targetId: number;
  certificateId: number;
  name: string;
  endpointIds: number[];
  status: DeploymentStatus;
  /** The version last written and reloaded. */
  fingerprintSha256: string | null;
  sslCertificateId: string | null;
  deployedAt: Date | null;
  /** The certificate's current version (null: not issued yet). */
  currentFingerprintSha256: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: DeploymentError | null;
  verifiedAt: Date | null;
  verifyDeadline: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const MAX_ENDPOINTS = 20;

/** A deployment bound and due now: what binding a certificate to a target makes (and what the deployment benchmarks seed). */
export function pendingDeployment(
  project: { id: string; organizationId: string },
  targetId: number,
  certificateId: number,
  name: string,
  endpointIds: number[],
  now: Date,
): NewDeployment {
  return {
    projectId: project.id,
    organizationId: project.organizationId,
    targetId,
    certificateId,
    name,
    endpointIds,
    status: 'pending',
    deployedMaterialId: null,
    deployedFingerprintSha256: null,
    deployedAt: null,
    attemptedMaterialId: null,
    attempts: 0,
    nextAttemptAt: null,
    lastAttemptAt: null,
    lastError: null,
    requestedAt: now,
    verifiedAt: null,
    verifyNextAt: null,
    verifyDeadline: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Deployment targets and deployments: a project's certificates written where its servers read
 * them, again at every new version, and checked to be served.
 *
 * What differs by target type (the config's checks, how files get there, the reload) is a
 * Deployer (ports/deployer.ts), one of each type given by the composition root; secrets of a
 * target's config are sealed (AAD bound to the target id) and never returned, logged or audited.
 *
 * A deployment is due when its certificate's current version (material) is not the one it
 * wrote last, or a deploy was asked for; nobody has to tell it about a renewal. Each target is
 * worked on under its `deployment` lease (ports/leases.ts): the server that holds it lists the
 * target's due deployments again (another server may have written them meanwhile), writes them
 * all, runs the target's reload once for the batch, and stores each outcome (the version
 * written, or the failure with its attempt count and next attempt time) before releasing the
 * lease. So of several servers on one database, one writes each version once, and a target is
 * reloaded once per batch. A deployment naming endpoints is then verified: they are probed
 * until each serves the fingerprint written (`verified`), or the window closes and the endpoint
 * probe reports the stale deployment with the deployment named.
 */
export class DeploymentService {
  private readonly o: Required<Omit<DeploymentServiceConfig, 'instanceId'>> & { instanceId: string };
  private readonly listeners: Array<() => void> = [];

  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    private readonly deployers: DeployersByType,
    private readonly verifier: DeploymentVerifier,
    config: DeploymentServiceConfig,
    private readonly logger?: Logger,
  ) {
    const verifyWindowMs = config.verifyWindowMs ?? 300_000;
    this.o = {
      instanceId: config.instanceId,
      leaseMs: config.leaseMs ?? 600_000,
      verifyWindowMs,
      verifyDelayMs: config.verifyDelayMs ?? 2_000,
      verifyRetryMs: config.verifyRetryMs ?? Math.max(1_000, Math.min(15_000, Math.floor(verifyWindowMs / 4))),
      batch: config.batch ?? 2_000,
      targetsPerPass: config.targetsPerPass ?? 200,
      targetConcurrency: config.targetConcurrency ?? 4,
    };
  }

  // --- targets ---------------------------------------------------------------------------------

  async createTarget(principal: Principal, projectId: string, input: TargetInput): Promise<TargetView> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    const type = checkType(input.type);
    const { config, secret } = await this.configure(type, input.config ?? {}, undefined);
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const target = await tx.deployments.insertTarget(
        { projectId: project.id, organizationId: project.organizationId, name: checkName(input.name), type, config, createdAt: now, updatedAt: now },
        (id) => this.sealSecret(id, secret),
      );
      await tx.events.append(targetEvent(principal, project, 'deployment_target.created', target, now));
      if (!pulls(type)) return targetView(target, secret);
      // The agent's key, shown this once: only its hash is stored.
      const { record, key } = this.access.newDeploymentKey(project, target.id, target.name, now);
      await tx.apiKeys.insert(record);
      await tx.events.append({ ...targetEvent(principal, project, 'deployment_key.created', target, now), data: { name: target.name, keyId: record.id, prefix: record.prefix } });
      return { ...targetView(target, secret), agentKey: key };
    });
  }

  /**
   * A new deployment key for an `agent` target (admin), shown this once; every earlier key of
   * the target is revoked in the same transaction (at once on this server, within seconds on
   * others: AccessService caches keys for 5 s).
   */
  async rotateAgentKey(principal: Principal, projectId: string, id: number): Promise<TargetView> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    const now = this.clock.now();
    const view = await this.store.transaction(async (tx) => {
      const found = await this.findTarget(tx, project.id, id);
      if (!pulls(found.target.type)) throw new AppError('deployment_target_not_agent', `deployment target ${id} is a ${found.target.type} target: only agent targets have a deployment key`);
      const revoked = await tx.apiKeys.revokeDeploymentKeys(id, now);
      const { record, key } = this.access.newDeploymentKey(project, id, found.target.name, now);
      await tx.apiKeys.insert(record);
      await tx.events.append({ ...targetEvent(principal, project, 'deployment_key.rotated', found.target, now), data: { name: found.target.name, keyId: record.id, prefix: record.prefix, revokedKeyIds: revoked } });
      return { ...targetView(found.target, this.openSecret(found.target.id, found.sealedSecret)), agentKey: key };
    });
    this.access.forgetKeys();
    return view;
  }

  async listTargets(principal: Principal, projectId: string): Promise<TargetView[]> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    const targets = await this.store.deployments.listTargets(project.id);
    const out: TargetView[] = [];
    for (const t of targets) {
      const found = await this.store.deployments.getTarget(project.id, t.id);
      out.push(targetView(t, found ? this.openSecret(t.id, found.sealedSecret) : undefined));
    }
    return out;
  }

  async getTarget(principal: Principal, projectId: string, id: number): Promise<TargetView> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    const found = await this.findTarget(this.store, project.id, id);
    return targetView(found.target, this.openSecret(found.target.id, found.sealedSecret));
  }

  /** Changes a target (admin): absent fields are kept; a changed config makes every deployment of the target due again. */
  async updateTarget(principal: Principal, projectId: string, id: number, input: TargetInput): Promise<TargetView> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    const found = await this.findTarget(this.store, project.id, id);
    const type = input.type === undefined ? found.target.type : checkType(input.type);
    const sameType = type === found.target.type;
    // A deployment key belongs to an agent target for its whole life.
    if (!sameType && (pulls(type) || pulls(found.target.type))) throw configInvalid(`a target cannot become or stop being an agent target (${found.target.type} → ${type}); make a new target`);
    const stored = sameType ? this.openSecret(found.target.id, found.sealedSecret) : undefined;
    let config = found.target.config;
    let secret = stored;
    if (input.config !== undefined || !sameType) {
      const base = sameType ? this.deployers[type].storedInput(found.target.config, stored) : {};
      ({ config, secret } = await this.configure(type, { ...base, ...(input.config ?? {}) }, stored));
    }
    const now = this.clock.now();
    const target: DeploymentTargetRecord = { ...found.target, name: input.name === undefined ? found.target.name : checkName(input.name), type, config, updatedAt: now };
    return this.store.transaction(async (tx) => {
      if (!(await tx.deployments.getTarget(project.id, id))) throw targetNotFound(id);
      await tx.deployments.updateTarget(target, this.sealSecret(id, secret));
      // The files belong somewhere else now, are written differently, or reach the target with
      // other credentials (a failed deployment need not wait for its backoff): write them again.
      if (JSON.stringify(config) !== JSON.stringify(found.target.config) || type !== found.target.type || JSON.stringify(secret ?? {}) !== JSON.stringify(stored ?? {})) {
        await tx.deployments.requestTarget(id, now);
      }
      await tx.events.append(targetEvent(principal, project, 'deployment_target.updated', target, now));
      return targetView(target, secret);
    }).finally(() => this.changed());
  }

  /** Deletes a target without deployments (admin); deployment_target_in_use while it has some. */
  async deleteTarget(principal: Principal, projectId: string, id: number): Promise<TargetView> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const found = await this.findTarget(tx, project.id, id);
      await tx.deployments.deleteTarget(project.id, id);
      // Its agent's key dies with it.
      await tx.apiKeys.revokeDeploymentKeys(id, now);
      await tx.events.append(targetEvent(principal, project, 'deployment_target.deleted', found.target, now));
      return targetView(found.target, this.openSecret(found.target.id, found.sealedSecret));
    }).finally(() => this.access.forgetKeys());
  }

  // --- deployments -----------------------------------------------------------------------------

  /**
   * Binds a certificate of the project (its own: deploying hands its key to a server) to a
   * target and deploys its current version now, unless another pass is working on the target
   * (it is then written by that pass or the next one) or it is a managed certificate not issued
   * yet (written once it is). Answers the deployment as it stands afterwards.
   */
  async createDeployment(principal: Principal, projectId: string, input: DeploymentInput): Promise<DeploymentView> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    const rec = await this.store.certificates.findVisible(project.id, project.organizationId, input.certificateId);
    if (!rec) throw new AppError('certificate_not_found', `certificate ${input.certificateId} was not found`);
    this.access.requireOwningProject(project, rec, 'deploy');
    if (!deployable(rec)) throw new AppError('deployment_no_private_key', `certificate ${rec.id} has no private key: a server could not serve it`);
    const found = await this.findTarget(this.store, project.id, input.targetId);
    const name = input.name ?? defaultDeploymentName(rec.domainName);
    const problem = segmentProblem(name);
    if (problem !== undefined) throw new AppError('deployment_path_invalid', `name "${name.slice(0, 100)}" ${problem}`);
    const endpointIds = [...new Set(input.endpointIds ?? [])];
    if (endpointIds.length > MAX_ENDPOINTS) throw new AppError('validation_failed', `at most ${MAX_ENDPOINTS} endpoints per deployment`);
    for (const endpointId of endpointIds) {
      const endpoint = await this.store.endpoints.get(endpointId);
      if (!endpoint || endpoint.projectId !== project.id) throw new AppError('endpoint_not_found', `endpoint ${endpointId} was not found`);
    }
    await this.deployers[found.target.type].checkName(this.deployTarget(found.target, found.sealedSecret), name);
    const now = this.clock.now();
    const deployment = await this.store.transaction(async (tx) => {
      const d = await tx.deployments.insertDeployment(pendingDeployment(project, found.target.id, rec.id, name, endpointIds, now));
      await tx.events.append(deploymentEvent(actorOf(principal), project, 'deployment.created', d, now, { targetName: found.target.name, domainName: rec.domainName }));
      return d;
    });
    this.changed();
    await this.workOnTarget(found.target.id);
    return this.view(project, deployment.id);
  }

  async listDeployments(principal: Principal, projectId: string, page: Page, filter: { targetId?: number; certificateId?: number } = {}): Promise<PageResult<DeploymentView>> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    const result = await this.store.deployments.listDeployments(project.id, page, filter);
    return { items: result.items.map(deploymentView), totalCount: result.totalCount };
  }

  async getDeployment(principal: Principal, projectId: string, id: number): Promise<DeploymentView> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    return this.view(project, id);
  }

  /** Deploys the current version again now (editor), even when it was written already; answers the outcome. */
  async deployNow(principal: Principal, projectId: string, id: number): Promise<DeploymentView> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const d = await this.findDeployment(project.id, id);
    const now = this.clock.now();
    await this.store.transaction(async (tx) => {
      await tx.deployments.updateDeployment(d.id, { requestedAt: now, updatedAt: now });
      await tx.events.append(deploymentEvent(actorOf(principal), project, 'deployment.requested', d, now, {}));
    });
    this.changed();
    await this.workOnTarget(d.targetId);
    return this.view(project, id);
  }

  /** Unbinds (admin): later versions are not written; the files already written stay where they are. */
  async deleteDeployment(principal: Principal, projectId: string, id: number): Promise<DeploymentView> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const d = await tx.deployments.getDeployment(project.id, id);
      if (!d) throw deploymentNotFound(id);
      await tx.deployments.deleteDeployment(project.id, id);
      await tx.events.append(deploymentEvent(actorOf(principal), project, 'deployment.deleted', d, now, { fingerprintSha256: d.deployedFingerprintSha256 }));
      return deploymentView(d);
    }).finally(() => this.changed());
  }

  // --- agents ----------------------------------------------------------------------------------

  /**
   * Calls `listener` whenever something an agent acts on may have changed here (a deployment
   * bound, asked for or unbound, a target changed); the composition root also calls the
   * long poll's wake-up on new certificate versions. Cheap and synchronous: it only pokes.
   */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Tells the listeners that what agents see may have changed. */
  changed(): void {
    for (const l of this.listeners) {
      try {
        l();
      } catch (err) {
        this.logger?.warn({ err: String(err) }, 'deployment change listener failed');
      }
    }
  }

  /** The deployments of the key's target as its agent sees them, and their ETag (agentEtags). */
  async agentDeployments(principal: DeploymentKeyPrincipal): Promise<{ etag: string; items: AgentDeploymentView[] }> {
    const rows = await this.store.deployments.listForTarget(principal.targetId, 10_000);
    const items = rows.map((d) => agentView(d, d.domainName));
    const etag = agentEtag(rows.map((d) => ({ targetId: d.targetId, deploymentId: d.id, name: d.name, currentMaterialId: d.currentMaterialId, requested: d.requestedAt !== null })));
    return { etag, items };
  }

  /** The current ETag of each target's agent listing, in one read for all (the long poll's check). */
  async agentEtags(targetIds: readonly number[]): Promise<Map<number, string>> {
    const byTarget = new Map<number, AgentVersionRow[]>(targetIds.map((id) => [id, []]));
    for (const row of await this.store.deployments.agentVersions(targetIds)) byTarget.get(row.targetId)?.push(row);
    return new Map([...byTarget].map(([id, rows]) => [id, agentEtag(rows)]));
  }

  /**
   * The current version of one of the key's deployments, private key included (what the agent
   * writes to privkey.pem). Another target's deployment, existing or not, is
   * deployment_key_forbidden: the key learns nothing outside its target.
   */
  async agentMaterial(principal: DeploymentKeyPrincipal, deploymentId: number): Promise<AgentMaterial> {
    const d = await this.agentDeployment(principal, deploymentId);
    const material = d.currentMaterialId ? await this.store.certificates.getMaterial(d.currentMaterialId) : undefined;
    if (!material || !d.currentFingerprintSha256) throw new AppError('certificate_state_conflict', `deployment ${d.id}'s certificate has no version yet (a managed certificate not issued yet)`);
    if (!material.encryptedKey) throw new AppError('deployment_no_private_key', `certificate ${d.certificateId} has no private key: a server could not serve it`);
    const key = this.box.open(material.encryptedKey, material.id);
    try {
      return {
        deploymentId: d.id,
        name: d.name,
        fingerprintSha256: material.fingerprintSha256,
        certificatePem: toPem(material.certificateDer, 'CERTIFICATE'),
        chainPem: material.chainPem ? decodeCertificates(material.chainPem).map((der) => toPem(der, 'CERTIFICATE')).join('') : '',
        privateKeyPem: toPem(key, 'PRIVATE KEY'),
      };
    } finally {
      key.fill(0);
    }
  }

  /**
   * Records what the agent did with a version: `deployed` (then verified, when the deployment
   * names endpoints) or `failed` with its count and backoff, with the same events as a push
   * (deployment.succeeded / deployment.failed). A report about another version than the
   * current one is agent_outcome_stale: a newer one came meanwhile, and the agent's next poll
   * gets it.
   */
  async agentOutcome(principal: DeploymentKeyPrincipal, deploymentId: number, input: AgentOutcomeInput): Promise<AgentDeploymentView> {
    const d = await this.agentDeployment(principal, deploymentId);
    if (d.currentFingerprintSha256 === null || input.fingerprintSha256.toLowerCase() !== d.currentFingerprintSha256) {
      throw new AppError('agent_outcome_stale', `fingerprint ${input.fingerprintSha256.slice(0, 64)} is not deployment ${d.id}'s current version; fetch the deployments again`);
    }
    const project = await this.store.projects.get(d.projectId);
    const found = project ? await this.store.deployments.getTarget(project.id, d.targetId) : undefined;
    const rec = await this.store.certificates.findById(d.certificateId);
    if (!project || !found || !rec) throw new AppError('deployment_not_found', `deployment ${deploymentId} was not found`);
    // The same success reported again (a retry after a lost answer) records nothing more.
    const already = input.ok && d.requestedAt === null && d.deployedMaterialId === d.currentMaterialId && (d.status === 'deployed' || d.status === 'verified');
    if (already) return agentView(d, rec.domainName);
    let error: AppError | null = null;
    if (!input.ok) {
      const code = (agentErrorCodes as readonly string[]).includes(input.error?.code ?? '') ? (input.error!.code as (typeof agentErrorCodes)[number]) : 'deployment_write_failed';
      error = new AppError(code, `agent: ${(input.error?.message ?? 'the agent could not write the files').slice(0, 1000)}`);
    }
    await this.storeOutcomes(project, found.target, [d], new Map([[d.id, rec]]), new Map([[d.id, error]]), input.ok, `deployment_key:${principal.keyId}`);
    this.changed();
    return agentView((await this.store.deployments.findDeployment(d.id))!, rec.domainName);
  }

  /** deployment_key_forbidden unless the deployment is one of the key's target's. */
  async checkAgentDeployment(principal: DeploymentKeyPrincipal, deploymentId: number): Promise<void> {
    await this.agentDeployment(principal, deploymentId);
  }

  private async agentDeployment(principal: DeploymentKeyPrincipal, deploymentId: number): Promise<DeploymentWithCurrent> {
    const d = await this.store.deployments.findDeployment(deploymentId);
    if (!d || d.targetId !== principal.targetId || d.projectId !== principal.projectId) {
      throw new AppError('deployment_key_forbidden', `deployment ${deploymentId} is not one of this deployment key's target`);
    }
    return d;
  }

  // --- the job ---------------------------------------------------------------------------------

  /**
   * One pass: every target with due work (a version to write, endpoints to verify) that no
   * other server holds, a few at once, each under its lease. Never throws for one target.
   * `processed` counts deployments written or verified, `failed` those that failed.
   */
  async runDue(): Promise<{ processed: number; failed: number }> {
    const targets = await this.store.deployments.listTargetsWithDueWork(this.clock.now(), this.o.targetsPerPass);
    let processed = 0;
    let failed = 0;
    let next = 0;
    const worker = async () => {
      while (next < targets.length) {
        const id = targets[next++]!;
        try {
          const done = await this.workOnTarget(id);
          processed += done.processed;
          failed += done.failed;
        } catch (err) {
          failed++;
          this.logger?.warn({ err: String(err), targetId: id }, 'deployment target pass failed');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.o.targetConcurrency, targets.length) }, worker));
    return { processed, failed };
  }

  /**
   * Under the target's lease: writes its due deployments in batches (one reload per batch), then
   * verifies those whose verification is due. Nothing when another server holds the lease.
   */
  private async workOnTarget(targetId: number): Promise<{ processed: number; failed: number }> {
    const owner = `${this.o.instanceId}:${randomUUID()}`;
    const lease = { kind: 'deployment', targetId } as const;
    const now = this.clock.now();
    if (!(await this.store.leases.acquire(lease, owner, now, new Date(now.getTime() + this.o.leaseMs)))) return { processed: 0, failed: 0 };
    let processed = 0;
    let failed = 0;
    try {
      for (;;) {
        // Lock, then check again: listed under the lease, so another server cannot have written these meanwhile.
        const due = await this.store.deployments.listDueDeployments(targetId, this.clock.now(), this.o.batch);
        if (due.length === 0) break;
        const outcome = await this.deployBatch(targetId, due);
        processed += outcome.ok;
        failed += outcome.failed;
        // A full batch may have more behind it; a batch that recorded nothing would come back the same.
        if (due.length < this.o.batch || outcome.ok + outcome.failed === 0) break;
      }
      for (const d of await this.store.deployments.listDueVerifications(targetId, this.clock.now(), 100)) {
        try {
          if (await this.verify(d)) processed++;
        } catch (err) {
          this.logger?.warn({ err: String(err), deploymentId: d.id }, 'deployment verification failed');
        }
      }
    } finally {
      await this.store.leases.release(lease, owner).catch(() => undefined);
    }
    return { processed, failed };
  }

  /** Writes one batch to the target, reloads once, stores every outcome in one transaction. */
  private async deployBatch(targetId: number, due: readonly DeploymentWithCurrent[]): Promise<{ ok: number; failed: number }> {
    const project = await this.store.projects.get(due[0]!.projectId);
    const found = project ? await this.store.deployments.getTarget(project.id, targetId) : undefined;
    if (!project || !found) return { ok: 0, failed: 0 };
    const target = this.deployTarget(found.target, found.sealedSecret);
    const items: DeployItem[] = [];
    const refused = new Map<number, AppError>();
    const certificates = new Map<number, CertificateRecord>();
    for (const d of due) {
      const rec = await this.store.certificates.findById(d.certificateId);
      const material = d.currentMaterialId ? await this.store.certificates.getMaterial(d.currentMaterialId) : undefined;
      if (!rec || !material) continue; // deleted meanwhile
      certificates.set(d.id, rec);
      if (!material.encryptedKey) {
        refused.set(d.id, new AppError('deployment_no_private_key', `certificate ${rec.id} has no private key: a server could not serve it`));
        continue;
      }
      items.push({
        deploymentId: d.id,
        certificateId: rec.id,
        name: d.name,
        domainName: rec.domainName,
        fingerprintSha256: material.fingerprintSha256,
        certificateDer: material.certificateDer,
        chainDers: material.chainPem ? decodeCertificates(material.chainPem) : [],
        pkcs8Der: this.box.open(material.encryptedKey, material.id),
      });
    }
    let outcome: DeployBatchOutcome;
    try {
      outcome = items.length > 0 ? await this.deployers[found.target.type].deploy(target, items) : { items: [], reload: { ran: false, error: null } };
    } finally {
      for (const item of items) item.pkcs8Der.fill(0);
    }
    const errors = new Map<number, AppError | null>(refused);
    for (const o of outcome.items) errors.set(o.deploymentId, o.error ?? outcome.reload.error);
    const { ok, failed } = await this.storeOutcomes(project, found.target, due, certificates, errors, outcome.reload.ran, 'system');
    this.logger?.info({ targetId, deployed: ok, failed, reloaded: outcome.reload.ran }, 'deployment batch');
    return { ok, failed };
  }

  /**
   * Stores what became of each deployment (an entry in `errors`: null written, else why not) and
   * its event, in one transaction: written ones become `deployed` (verified next when they name
   * endpoints), failed ones count the attempt and back off.
   */
  private async storeOutcomes(
    project: Project,
    target: DeploymentTargetRecord,
    due: readonly DeploymentWithCurrent[],
    certificates: ReadonlyMap<number, CertificateRecord>,
    errors: ReadonlyMap<number, AppError | null>,
    reloaded: boolean,
    actor: string,
  ): Promise<{ ok: number; failed: number }> {
    const now = this.clock.now();
    let ok = 0;
    let failed = 0;
    const events: NewAuditEvent[] = [];
    const updates: Array<[number, DeploymentUpdate]> = [];
    for (const d of due) {
      const rec = certificates.get(d.id);
      if (!rec || !errors.has(d.id)) continue;
      const error = errors.get(d.id) ?? null;
      const base = { targetName: target.name, domainName: rec.domainName, certificateId: rec.id, sslCertificateId: d.currentMaterialId, fingerprintSha256: d.currentFingerprintSha256 };
      if (error === null) {
        ok++;
        const verify = d.endpointIds.length > 0;
        updates.push([
          d.id,
          {
            status: 'deployed',
            deployedMaterialId: d.currentMaterialId,
            deployedFingerprintSha256: d.currentFingerprintSha256,
            deployedAt: now,
            attemptedMaterialId: d.currentMaterialId,
            attempts: 0,
            nextAttemptAt: null,
            lastAttemptAt: now,
            lastError: null,
            requestedAt: null,
            verifiedAt: null,
            verifyNextAt: verify ? new Date(now.getTime() + this.o.verifyDelayMs) : null,
            verifyDeadline: verify ? new Date(now.getTime() + this.o.verifyWindowMs) : null,
            updatedAt: now,
          },
        ]);
        events.push(deploymentEvent(actor, project, 'deployment.succeeded', d, now, { ...base, reloaded }));
      } else {
        failed++;
        const attempts = d.attemptedMaterialId === d.currentMaterialId ? d.attempts + 1 : 1;
        const lastError: DeploymentError = { code: error.code, message: error.message, ...(typeof error.details?.stderr === 'string' ? { hookStderr: error.details.stderr } : {}) };
        updates.push([
          d.id,
          {
            status: 'failed',
            attemptedMaterialId: d.currentMaterialId,
            attempts,
            nextAttemptAt: new Date(now.getTime() + deploymentBackoffMs(attempts)),
            lastAttemptAt: now,
            lastError,
            requestedAt: null,
            // What an earlier success was being verified for is not what the target should serve now.
            verifyNextAt: null,
            updatedAt: now,
          },
        ]);
        // Events are read by viewers and sent to channels: never the hook's output.
        events.push(deploymentEvent(actor, project, 'deployment.failed', d, now, { ...base, code: error.code, message: error.message, attempts }));
        this.logger?.warn({ deploymentId: d.id, targetId: target.id, code: error.code, attempts }, 'deployment failed');
      }
    }
    await this.store.transaction(async (tx) => {
      for (const [id, update] of updates) await tx.deployments.updateDeployment(id, update);
      await tx.events.appendMany(events);
    });
    return { ok, failed };
  }

  /** Probes the deployment's endpoints; true when all serve what it wrote (then `verified`). */
  private async verify(d: DeploymentWithCurrent): Promise<boolean> {
    const project = await this.store.projects.get(d.projectId);
    if (!project || d.endpointIds.length === 0 || !d.deployedFingerprintSha256) {
      await this.store.deployments.updateDeployment(d.id, { verifyNextAt: null, updatedAt: this.clock.now() });
      return false;
    }
    const endpoints = await this.verifier.probeForDeployment(project, d.endpointIds);
    const now = this.clock.now();
    const serving = endpoints.length > 0 && endpoints.every((e) => e.lastProbe?.leaf?.fingerprintSha256 === d.deployedFingerprintSha256);
    if (serving) {
      await this.store.transaction(async (tx) => {
        await tx.deployments.updateDeployment(d.id, { status: 'verified', verifiedAt: now, verifyNextAt: null, updatedAt: now });
        await tx.events.append(deploymentEvent('system', project, 'deployment.verified', d, now, { certificateId: d.certificateId, fingerprintSha256: d.deployedFingerprintSha256, endpointIds: endpoints.map((e) => e.id) }));
      });
      return true;
    }
    const closed = d.verifyDeadline === null || now.getTime() >= d.verifyDeadline.getTime();
    // Once the window has closed the probe just stored reported the stale deployment (EndpointService.record).
    await this.store.deployments.updateDeployment(d.id, { verifyNextAt: closed ? null : new Date(now.getTime() + this.o.verifyRetryMs), updatedAt: now });
    if (closed) this.logger?.warn({ deploymentId: d.id, endpointIds: d.endpointIds }, 'deployment not verified: an endpoint still serves another certificate');
    return false;
  }

  // --- internals -------------------------------------------------------------------------------

  private async view(project: Project, id: number): Promise<DeploymentView> {
    return deploymentView(await this.findDeployment(project.id, id));
  }

  private async findDeployment(projectId: string, id: number): Promise<DeploymentWithCurrent> {
    const d = await this.store.deployments.getDeployment(projectId, id);
    if (!d) throw deploymentNotFound(id);
    return d;
  }

  private async findTarget(repos: Repositories, projectId: string, id: number) {
    const found = await repos.deployments.getTarget(projectId, id);
    if (!found) throw targetNotFound(id);
    return found;
  }

  private deployTarget(target: DeploymentTargetRecord, sealed: Buffer | null): DeployTarget {
    return { id: target.id, name: target.name, config: target.config, secret: this.openSecret(target.id, sealed) };
  }

  /** Checks a type's config; answers what may be shown and the secret parts (sealed apart). */
  private async configure(type: DeploymentTargetType, config: Record<string, unknown>, stored: DeployerSecret | undefined) {
    if (typeof config !== 'object' || config === null || Array.isArray(config)) throw configInvalid('config must be an object');
    const deployer = this.deployers[type];
    for (const key of Object.keys(config)) if (!deployer.fields.includes(key)) throw configInvalid(`config.${key} is not a field of a ${type} target (fields: ${deployer.fields.join(', ')})`);
    return deployer.configure(config, stored);
  }

  private sealSecret(targetId: number, secret: DeployerSecret | undefined): Buffer | null {
    return secret === undefined ? null : this.box.seal(Buffer.from(JSON.stringify(secret), 'utf8'), sealedSecretAad.deploymentTargetSecret(targetId));
  }

  private openSecret(targetId: number, sealed: Buffer | null): DeployerSecret | undefined {
    if (!sealed) return undefined;
    return JSON.parse(this.box.open(sealed, sealedSecretAad.deploymentTargetSecret(targetId)).toString('utf8')) as DeployerSecret;
  }
}

function agentView(d: DeploymentWithCurrent, domainName: string): AgentDeploymentView {
  return {
    id: d.id,
    name: d.name,
    certificateId: d.certificateId,
    domainName,
    fingerprintSha256: d.currentFingerprintSha256,
    sslCertificateId: d.currentMaterialId,
    deployedFingerprintSha256: d.deployedFingerprintSha256,
    status: effectiveDeploymentStatus(d, d.currentMaterialId),
    requested: d.requestedAt !== null,
  };
}

/** The target fetches its certificates itself (an agent): the server never writes to it. */
function pulls(type: DeploymentTargetType): boolean {
  return pullTargetTypes.includes(type);
}

/**
 * The ETag of an agent's listing: a digest of what the agent acts on (each deployment's id,
 * folder, current version and whether a deploy was asked for), so it changes exactly when the
 * agent has something new to do or to stop doing.
 */
function agentEtag(rows: readonly AgentVersionRow[]): string {
  const parts = [...rows].sort((a, b) => a.deploymentId - b.deploymentId).map((r) => [r.deploymentId, r.name, r.currentMaterialId, r.requested]);
  return `"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 27)}"`;
}

/** A certificate a server could serve: with a key, or a managed one whose key comes with its issuance. */
function deployable(rec: CertificateRecord): boolean {
  if (rec.hasPrivateKey) return true;
  return rec.source === 'acme' && rec.issued === false;
}

function deploymentView(d: DeploymentWithCurrent | DeploymentRecord & { currentMaterialId?: string | null; currentFingerprintSha256?: string | null }): DeploymentView {
  const current = d.currentMaterialId ?? null;
  return {
    id: d.id,
    projectId: d.projectId,
    targetId: d.targetId,
    certificateId: d.certificateId,
    name: d.name,
    endpointIds: d.endpointIds,
    status: effectiveDeploymentStatus(d, current),
    fingerprintSha256: d.deployedFingerprintSha256,
    sslCertificateId: d.deployedMaterialId,
    deployedAt: d.deployedAt,
    currentFingerprintSha256: d.currentFingerprintSha256 ?? null,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'failed' ? d.nextAttemptAt : null,
    lastAttemptAt: d.lastAttemptAt,
    lastError: d.lastError,
    verifiedAt: d.verifiedAt,
    verifyDeadline: d.verifyDeadline,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

function targetView(t: DeploymentTargetRecord, secret: DeployerSecret | undefined): TargetView {
  const secretFields = Object.keys(secret ?? {}).sort();
  return { id: t.id, projectId: t.projectId, name: t.name, type: t.type, config: t.config, hasSecret: secretFields.length > 0, secretFields, createdAt: t.createdAt, updatedAt: t.updatedAt };
}

function checkType(type: string | undefined): DeploymentTargetType {
  if (!deploymentTargetTypes.includes(type as DeploymentTargetType)) {
    throw new AppError('deployment_target_type_unknown', `type must be one of ${deploymentTargetTypes.join(', ')}${type === undefined ? '' : `, not ${JSON.stringify(type)}`}`);
  }
  return type as DeploymentTargetType;
}

function checkName(name: string | undefined): string {
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > 100) throw new AppError('validation_failed', 'name must be 1 to 100 characters');
  return name.trim();
}

function configInvalid(message: string): AppError {
  return new AppError('deployment_config_invalid', message);
}

function targetNotFound(id: number): AppError {
  return new AppError('deployment_target_not_found', `deployment target ${id} was not found`);
}

function deploymentNotFound(id: number): AppError {
  return new AppError('deployment_not_found', `deployment ${id} was not found`);
}

function targetEvent(principal: Principal, project: Project, type: string, t: DeploymentTargetRecord, at: Date): NewAuditEvent {
  // Never a secret: the shown config only.
  return { projectId: project.id, organizationId: project.organizationId, type, actor: actorOf(principal), objectType: 'deployment_target', objectId: String(t.id), data: { name: t.name, type: t.type, config: t.config }, createdAt: at };
}

function deploymentEvent(actor: string, project: Project, type: string, d: DeploymentRecord, at: Date, data: Record<string, unknown>): NewAuditEvent {
  return {
    projectId: project.id,
    organizationId: project.organizationId,
    type,
    actor,
    objectType: 'deployment',
    objectId: String(d.id),
    data: { name: d.name, targetId: d.targetId, certificateId: d.certificateId, ...data },
    createdAt: at,
  };
}
