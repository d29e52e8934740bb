import type { AppError } from '../domain/app-error.js';
import type { DeploymentTargetType } from '../domain/deployment.js';

/**
 * The parts of a target's config that are sealed apart (AAD bound to the target) and never
 * shown, logged or audited: a PKCS#12 password, an SSH key, its passphrase or a password.
 */
export type DeployerSecret = Readonly<Record<string, string>>;

export interface DeployerSettings {
  /** What the API, the audit log and the store show. */
  config: Record<string, unknown>;
  secret: DeployerSecret | undefined;
}

/** A target as a deployer sees it: its checked config and opened secret. */
export interface DeployTarget {
  id: number;
  name: string;
  config: Record<string, unknown>;
  secret: DeployerSecret | undefined;
}

/** One certificate version to put on a target. Holds the private key: never logged. */
export interface DeployItem {
  deploymentId: number;
  certificateId: number;
  /** The deployment's folder on the target (checked: one safe path segment). */
  name: string;
  domainName: string;
  fingerprintSha256: string;
  certificateDer: Buffer;
  /** The issuers, leaf's issuer first. */
  chainDers: Buffer[];
  pkcs8Der: Buffer;
}

/** What became of one item: written (where), or why not. */
export interface DeployItemOutcome {
  deploymentId: number;
  /** Where the files went, as the target names it (for the log and the reload hook). */
  location: string | null;
  error: AppError | null;
}

/** One batch to one target: each item's outcome, then the one reload after them. */
export interface DeployBatchOutcome {
  items: DeployItemOutcome[];
  /** The reload ran (ok or not); `ran` false when none is configured or nothing was written. */
  reload: { ran: boolean; error: AppError | null };
}

/**
 * How certificates reach one type of target (`local` files, `ssh` over SFTP; an agent next): checks
 * a target's config for its type, and deploys a batch of certificates to one target with one
 * reload after them. The deployment service stores, seals, schedules, retries, verifies and
 * records; it never looks at a type. Implementations never log key material.
 */
export interface Deployer {
  readonly type: DeploymentTargetType;
  /** The config fields the API takes for this type (others are refused). */
  readonly fields: readonly string[];
  /**
   * Checks a config as the API takes it (only `fields`), falling back on `stored`, the
   * target's secret, for fields an update leaves out. Throws AppError (deployment_config_invalid,
   * deployment_path_invalid, deployment_hook_invalid, deploy_root_not_configured, …).
   */
  configure(input: Record<string, unknown>, stored: DeployerSecret | undefined): Promise<DeployerSettings>;
  /** The input a stored target's config and secret amount to: an update's absent fields keep these. */
  storedInput(config: Record<string, unknown>, secret: DeployerSecret | undefined): Record<string, unknown>;
  /** Checks that a deployment's folder `name` may be written on the target (at bind time); throws AppError. */
  checkName(target: DeployTarget, name: string): Promise<void>;
  /** Writes every item, then reloads the target once. Never throws: failures are outcomes. */
  deploy(target: DeployTarget, items: readonly DeployItem[]): Promise<DeployBatchOutcome>;
}

/** One deployer of each type, the key its type. */
export type DeployersByType = { readonly [T in DeploymentTargetType]: Deployer & { readonly type: T } };
