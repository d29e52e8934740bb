import type { DeploymentError, DeploymentStatus, DeploymentTargetType } from '../domain/deployment.js';
import type { Page, PageResult } from './page.js';

/** A deployment target as stored: public config in clear, its secret sealed apart. */
export interface DeploymentTargetRecord {
  id: number;
  projectId: string;
  organizationId: string;
  name: string;
  type: DeploymentTargetType;
  config: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export type NewDeploymentTarget = Omit<DeploymentTargetRecord, 'id'>;

/** A certificate bound to a target, with what was stored about its attempts. */
export interface DeploymentRecord {
  id: number;
  projectId: string;
  organizationId: string;
  targetId: number;
  certificateId: number;
  /** The folder under the target's directory. */
  name: string;
  endpointIds: number[];
  /** As stored; effectiveDeploymentStatus says what to show. */
  status: DeploymentStatus;
  /** The certificate version (material id) and fingerprint last written and reloaded. */
  deployedMaterialId: string | null;
  deployedFingerprintSha256: string | null;
  deployedAt: Date | null;
  /** The version `attempts` counts failures of. */
  attemptedMaterialId: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: DeploymentError | null;
  /** A deploy was asked for (bind, POST …/deploy, the target changed): due whatever was deployed. */
  requestedAt: Date | null;
  verifiedAt: Date | null;
  /** When the named endpoints are probed next, until verified or the deadline passes. */
  verifyNextAt: Date | null;
  /** After this, an endpoint still serving another certificate is a stale deployment. */
  verifyDeadline: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewDeployment = Omit<DeploymentRecord, 'id'>;

/** A deployment with its certificate's current version (null: a managed certificate not issued yet). */
export interface DeploymentWithCurrent extends DeploymentRecord {
  currentMaterialId: string | null;
  currentFingerprintSha256: string | null;
}

/** What an attempt or a verification changes. */
export type DeploymentUpdate = Partial<
  Pick<
    DeploymentRecord,
    | 'status'
    | 'deployedMaterialId'
    | 'deployedFingerprintSha256'
    | 'deployedAt'
    | 'attemptedMaterialId'
    | 'attempts'
    | 'nextAttemptAt'
    | 'lastAttemptAt'
    | 'lastError'
    | 'requestedAt'
    | 'verifiedAt'
    | 'verifyNextAt'
    | 'verifyDeadline'
  >
> & { updatedAt: Date };

/** What a deployment expects an endpoint it names to serve. */
export interface EndpointExpectation {
  endpointId: number;
  deploymentId: number;
  deploymentName: string;
  targetName: string;
  certificateId: number;
  fingerprintSha256: string;
  /** Until then the server may not have picked the files up yet. */
  verifyDeadline: Date;
}

/** One deployment as its agent's long poll compares it (DeploymentService.agentEtag). */
export interface AgentVersionRow {
  targetId: number;
  deploymentId: number;
  name: string;
  /** null: a managed certificate not issued yet. */
  currentMaterialId: string | null;
  requested: boolean;
}

/**
 * Deployment targets and deployments (migration 0014). Leases on a target are in `Leases`
 * (`deployment`); the due lists leave out targets a live lease holds.
 */
export interface DeploymentRepository {
  /** AppError('deployment_target_already_exists') when the project has a target of that name. */
  insertTarget(target: NewDeploymentTarget, sealedSecret: (id: number) => Buffer | null): Promise<DeploymentTargetRecord>;
  getTarget(projectId: string, id: number): Promise<{ target: DeploymentTargetRecord; sealedSecret: Buffer | null } | undefined>;
  listTargets(projectId: string): Promise<DeploymentTargetRecord[]>;
  /** AppError('deployment_target_already_exists') on a name taken by another target. */
  updateTarget(target: DeploymentTargetRecord, sealedSecret: Buffer | null): Promise<void>;
  /** AppError('deployment_target_in_use') while deployments name it; false when it did not exist. */
  deleteTarget(projectId: string, id: number): Promise<boolean>;
  /** Every deployment of the target becomes due (its config changed). */
  requestTarget(targetId: number, at: Date): Promise<void>;

  /** AppError('deployment_already_exists') when the target has a deployment with that name. */
  insertDeployment(deployment: NewDeployment): Promise<DeploymentRecord>;
  getDeployment(projectId: string, id: number): Promise<DeploymentWithCurrent | undefined>;
  listDeployments(projectId: string, page: Page, filter?: { targetId?: number; certificateId?: number }): Promise<PageResult<DeploymentWithCurrent>>;
  /** true when it existed. */
  deleteDeployment(projectId: string, id: number): Promise<boolean>;
  updateDeployment(id: number, update: DeploymentUpdate): Promise<void>;

  /** Targets (ids) with a deployment due at `now` (a version to write, or endpoints to verify) and no live lease. */
  listTargetsWithDueWork(now: Date, limit: number): Promise<number[]>;
  /**
   * The target's deployments with a version to write at `now`: the certificate is issued, and
   * its current version was asked for, never written, or differs from the one written, and no
   * backoff of a failed attempt at that version is running. Oldest due first.
   */
  listDueDeployments(targetId: number, now: Date, limit: number): Promise<DeploymentWithCurrent[]>;
  /** The target's deployments whose endpoints are due for a verification probe at `now`. */
  listDueVerifications(targetId: number, now: Date, limit: number): Promise<DeploymentWithCurrent[]>;
  /** The deployments naming these endpoints that have written a version, with its fingerprint and verification deadline. */
  endpointExpectations(endpointIds: readonly number[]): Promise<EndpointExpectation[]>;

  /** An `agent` target's deployments with their certificate's current version and domain, oldest first (at most `limit`). */
  listForTarget(targetId: number, limit: number): Promise<Array<DeploymentWithCurrent & { domainName: string }>>;
  /** What the agents of these targets act on, in one statement: each deployment's folder, current version and whether a deploy was asked for. */
  agentVersions(targetIds: readonly number[]): Promise<AgentVersionRow[]>;
  /** A deployment by id alone (the agent routes check its target). */
  findDeployment(id: number): Promise<DeploymentWithCurrent | undefined>;

  /** Every sealed target secret, for `keys rotate`. */
  listSealedSecrets(): Promise<Array<{ targetId: number; sealedSecret: Buffer }>>;
  updateSealedSecret(targetId: number, sealedSecret: Buffer): Promise<void>;
}
