import { randomUUID } from 'node:crypto';
import { AppError } from '../domain/app-error.js';
import type { CertificateRecord } from '../domain/certificate.js';
import type { Clock } from '../ports/clock.js';
import type { AuditEvent } from '../domain/audit-event.js';
import type { Organization } from '../domain/organization.js';
import type { Project } from '../domain/project.js';
import type { Role } from '../domain/role.js';
import type { ApiKeyRecord } from '../ports/api-key-repository.js';
import type { EventWindow } from '../ports/event-repository.js';
import type { Page, PageResult } from '../ports/page.js';
import type { Store } from '../ports/store.js';
import { apiKeyPrefix, generateApiKey, hashApiKey } from './api-key-secret.js';
import { actorOf, callerNoun, grantsOf, organizationRole, principalOf, roleAtLeast, roleInProject, seesOrganization, type ApiKeyPrincipal, type DeploymentKeyPrincipal, type Principal } from './principal.js';

/**
 * How long an API key, a project and an organization's disabled flag are trusted once read:
 * a key revoked, or an organization disabled, through another server stops working within
 * this time (through this server: at once). docs/operations.md states it.
 */
export const ACCESS_CACHE_TTL_MS = 5_000;
const CACHE_MAX = 10_000;

/** A small TTL cache: keys and projects are read on every request and change rarely. */
class TtlCache<V> {
  private readonly map = new Map<string, { value: V; expires: number }>();
  constructor(private readonly ttlMs: number) {}
  get(key: string, now: number): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (hit.expires <= now) {
      this.map.delete(key);
      return undefined;
    }
    return hit.value;
  }
  set(key: string, value: V, now: number): void {
    if (this.map.size >= CACHE_MAX) this.map.clear();
    this.map.set(key, { value, expires: now + this.ttlMs });
  }
  clear(): void {
    this.map.clear();
  }
}

/** A key as cached: its record and the principal every request with it shares (principals are never changed). */
interface CachedKey {
  record: ApiKeyRecord;
  principal: KeyPrincipal;
}

/** Who an API key speaks for: an ordinary key, or a deployment key confined to its agent target. */
type KeyPrincipal = ApiKeyPrincipal | DeploymentKeyPrincipal;

const invalidKey = () => new AppError('unauthorized', 'the API key is not valid');
const organizationDisabled = () => new AppError('organization_disabled', 'the organization of this key is disabled');

/**
 * Organizations, projects, API keys and who may do what. Every project-scoped use case starts
 * with `authorizeProject`: a project the principal does not cover is reported as not found
 * (never reveal what exists elsewhere); a role too low is forbidden.
 *
 * Keys, projects and organizations' disabled flags are cached for ACCESS_CACHE_TTL_MS. The
 * `…Now` forms answer from the caches without a promise, which is every request but one per key
 * and project every few seconds: the API's authentication runs on every request.
 */
export class AccessService {
  private readonly keyCache = new TtlCache<CachedKey | null>(ACCESS_CACHE_TTL_MS);
  private readonly projectCache = new TtlCache<Project | null>(ACCESS_CACHE_TTL_MS);
  private readonly disabledCache = new TtlCache<boolean>(ACCESS_CACHE_TTL_MS);

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** The principal of a raw API key (a deployment key is a DeploymentKeyPrincipal), or 401. */
  async authenticate(rawKey: string | undefined): Promise<KeyPrincipal> {
    return this.authenticateNow(rawKey);
  }

  /**
   * As `authenticate`, but without a promise when the caches answer; a refusal the caches
   * decide is thrown at once.
   */
  authenticateNow(rawKey: string | undefined): KeyPrincipal | Promise<KeyPrincipal> {
    if (!rawKey) throw new AppError('unauthorized', 'an API key is required (Authorization: Bearer KEY or X-API-Key: KEY)');
    if (rawKey.length > 512) throw invalidKey();
    const hash = hashApiKey(rawKey);
    const nowMs = this.clock.now().getTime();
    const cached = this.keyCache.get(hash, nowMs);
    if (cached === undefined) return this.authenticateFromStore(hash, nowMs);
    return this.principalOfKey(cached, nowMs);
  }

  private async authenticateFromStore(hash: string, nowMs: number): Promise<KeyPrincipal> {
    const record = (await this.store.apiKeys.findByHash(hash)) ?? null;
    const key = record && { record, principal: principalOf(record) };
    this.keyCache.set(hash, key, nowMs);
    return this.principalOfKey(key, nowMs);
  }

  private principalOfKey(key: CachedKey | null, nowMs: number): KeyPrincipal | Promise<KeyPrincipal> {
    if (!key || key.record.revokedAt) throw invalidKey();
    const { organizationId } = key.record;
    if (organizationId === null) return key.principal;
    const disabled = this.disabledCache.get(organizationId, nowMs);
    if (disabled === false) return key.principal;
    if (disabled === true) throw organizationDisabled();
    return this.isOrganizationDisabled(organizationId).then((d) => {
      if (d) throw organizationDisabled();
      return key.principal;
    });
  }

  /** Forgets the keys read so far: a key revoked on this server stops working at once (other servers: within the cache's 5 s). */
  forgetKeys(): void {
    this.keyCache.clear();
  }

  /** The project if the principal covers it with at least `minRole`. */
  async authorizeProject(principal: Principal, projectId: string, minRole: Role): Promise<Project> {
    return this.authorizeProjectNow(principal, projectId, minRole);
  }

  /** As `authorizeProject`, but without a promise when the project is cached; a refusal is thrown at once. */
  authorizeProjectNow(principal: Principal, projectId: string, minRole: Role): Project | Promise<Project> {
    const project = this.projectCache.get(projectId, this.clock.now().getTime());
    if (project === undefined) return this.cachedProject(projectId).then((p) => this.checkProject(principal, projectId, p ?? null, minRole));
    return this.checkProject(principal, projectId, project, minRole);
  }

  private checkProject(principal: Principal, projectId: string, project: Project | null, minRole: Role): Project {
    const role = project && roleInProject(principal, project);
    if (!project || !role) throw new AppError('project_not_found', `project ${projectId} was not found`);
    if (!roleAtLeast(role, minRole)) {
      throw new AppError('forbidden', `this action needs the ${minRole} role; ${callerNoun(principal)} has ${role}`);
    }
    return project;
  }

  /**
   * Checks that the principal may read a certificate found by a deployment-wide id (its uid, as
   * Huawei Cloud SCM's path carries it): it must be visible in a project the key covers. A
   * project key sees its project's certificates and its organization's Organization-scoped
   * ones; an organization-wide key every certificate of its organization; a superuser all.
   * Another organization's certificate is not found (never revealed); one of the key's own
   * organization that the key's project cannot see is forbidden.
   */
  authorizeCertificate(principal: Principal, cert: Pick<CertificateRecord, 'projectId' | 'organizationId' | 'scopeId'>): void {
    if (principal.superuser) return;
    const grants = grantsOf(principal).filter((g) => g.organizationId === cert.organizationId);
    // The message names nothing of the certificate: it is not the caller's to learn about.
    if (grants.length === 0) throw new AppError('certificate_not_found', 'the certificate was not found');
    if (cert.scopeId === 1 || grants.some((g) => g.projectId === null || g.projectId === cert.projectId)) return;
    throw new AppError('forbidden', `the certificate belongs to a project ${callerNoun(principal)} does not cover`);
  }

  /**
   * Checks that the project whose path the request names owns the certificate, for every action
   * that changes it or hands out its private key (export, mute, scope, delete, managed issuance
   * and revocation). A certificate shared with the organization (scope Organization) is visible
   * to every project of it, but only its own project changes it: the path's project is the one
   * whose audit log records the action, and a sibling project's keys, whatever their role, never
   * act for the owner. An organization-wide or superuser key covers the owning project and uses
   * its path. The refusal is `forbidden`, not `not found`: the caller already sees the
   * certificate, and its `projectId`.
   */
  requireOwningProject(project: Pick<Project, 'id'>, cert: Pick<CertificateRecord, 'id' | 'projectId'>, action: string): void {
    if (cert.projectId === project.id) return;
    throw new AppError(
      'forbidden',
      `certificate ${cert.id} belongs to project ${cert.projectId}, which shares it with the organization; ${action} it through project ${cert.projectId} (a key of that project, an organization-wide key or a superuser key)`,
    );
  }

  private async cachedProject(projectId: string): Promise<Project | undefined> {
    const nowMs = this.clock.now().getTime();
    let project = this.projectCache.get(projectId, nowMs);
    if (project === undefined) {
      project = (await this.store.projects.get(projectId)) ?? null;
      this.projectCache.set(projectId, project, nowMs);
    }
    return project ?? undefined;
  }

  async createOrganization(principal: Principal, name: string): Promise<Organization> {
    if (!principal.superuser) throw new AppError('forbidden', 'creating an organization needs a superuser key');
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const org = await tx.organizations.insert({ id: randomUUID(), name, createdAt: now });
      await tx.events.append(event(principal, null, org.id, 'organization.created', 'organization', org.id, { name }, now));
      return org;
    });
  }

  /** Whether the organization is disabled (cached briefly: disabling takes effect within seconds on every server). */
  async isOrganizationDisabled(organizationId: string): Promise<boolean> {
    const nowMs = this.clock.now().getTime();
    let disabled = this.disabledCache.get(organizationId, nowMs);
    if (disabled === undefined) {
      disabled = (await this.store.organizations.get(organizationId))?.disabledAt != null;
      this.disabledCache.set(organizationId, disabled, nowMs);
    }
    return disabled;
  }

  /** Disables or enables an organization (superuser): its keys are refused while disabled. */
  async setOrganizationDisabled(principal: Principal, organizationId: string, disabled: boolean): Promise<Organization> {
    if (!principal.superuser) throw new AppError('forbidden', 'disabling or enabling an organization needs a superuser key');
    const now = this.clock.now();
    const org = await this.store.transaction(async (tx) => {
      const before = await tx.organizations.get(organizationId);
      if (!before) throw new AppError('organization_not_found', `organization ${organizationId} was not found`);
      if ((before.disabledAt != null) === disabled) return before;
      const after = (await tx.organizations.setDisabled(organizationId, disabled ? now : null))!;
      await tx.events.append(event(principal, null, organizationId, disabled ? 'organization.disabled' : 'organization.enabled', 'organization', organizationId, {}, now));
      return after;
    });
    this.disabledCache.set(organizationId, disabled, now.getTime());
    return org;
  }

  async listOrganizations(principal: Principal, page: Page): Promise<PageResult<Organization>> {
    if (principal.superuser) return this.store.organizations.list(page);
    const ids = [...new Set(grantsOf(principal).map((g) => g.organizationId))];
    const orgs = (await Promise.all(ids.map((id) => this.store.organizations.get(id))))
      .filter((o): o is Organization => o !== undefined)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
    const from = (page.pageIndex - 1) * page.pageSize;
    return { items: orgs.slice(from, from + page.pageSize), totalCount: orgs.length };
  }

  async createProject(principal: Principal, organizationId: string, name: string): Promise<Project> {
    const org = await this.store.organizations.get(organizationId);
    if (!org || !seesOrganization(principal, organizationId)) {
      throw new AppError('organization_not_found', `organization ${organizationId} was not found`);
    }
    if (organizationRole(principal, organizationId) !== 'admin') throw new AppError('forbidden', 'creating a project needs the admin role in the whole organization (an organization-wide admin key or membership)');
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const project = await tx.projects.insert({ id: randomUUID(), organizationId, name, createdAt: now });
      await tx.events.append(event(principal, project.id, organizationId, 'project.created', 'project', project.id, { name }, now));
      return project;
    });
  }

  async listProjects(principal: Principal, page: Page): Promise<PageResult<Project>> {
    if (principal.superuser) return this.store.projects.list(page);
    if (principal.kind === 'api_key' && principal.projectId) {
      const project = await this.store.projects.get(principal.projectId);
      return { items: project ? [project] : [], totalCount: project ? 1 : 0 };
    }
    const grants = grantsOf(principal);
    return this.store.projects.listCovered(page, {
      organizationIds: grants.filter((g) => g.projectId === null).map((g) => g.organizationId),
      projectIds: grants.flatMap((g) => (g.projectId === null ? [] : [g.projectId])),
    });
  }

  async createApiKey(principal: Principal, projectId: string, name: string, role: Role): Promise<{ record: ApiKeyRecord; key: string }> {
    const project = await this.authorizeProject(principal, projectId, 'admin');
    const own = roleInProject(principal, project)!;
    if (!roleAtLeast(own, role)) throw new AppError('forbidden', `${callerNoun(principal)} (${own}) cannot create a ${role} key`);
    const key = generateApiKey();
    const now = this.clock.now();
    const record: ApiKeyRecord = {
      id: randomUUID(),
      organizationId: project.organizationId,
      projectId: project.id,
      name,
      role,
      superuser: false,
      keyHash: hashApiKey(key),
      prefix: apiKeyPrefix(key),
      createdAt: now,
      revokedAt: null,
      deploymentTargetId: null,
    };
    await this.store.transaction(async (tx) => {
      await tx.apiKeys.insert(record);
      await tx.events.append(event(principal, project.id, project.organizationId, 'api_key.created', 'api_key', record.id, { name, role }, now));
    });
    return { record, key };
  }

  async listApiKeys(principal: Principal, projectId: string): Promise<ApiKeyRecord[]> {
    await this.authorizeProject(principal, projectId, 'admin');
    return this.store.apiKeys.listForProject(projectId);
  }

  async revokeApiKey(principal: Principal, projectId: string, keyId: string): Promise<ApiKeyRecord> {
    const project = await this.authorizeProject(principal, projectId, 'admin');
    const key = await this.store.apiKeys.get(keyId);
    // A deployment key is rotated through its target (DeploymentService.rotateAgentKey).
    if (!key || key.projectId !== project.id || key.deploymentTargetId != null) throw new AppError('api_key_not_found', `API key ${keyId} was not found`);
    const now = this.clock.now();
    if (!key.revokedAt) {
      await this.store.transaction(async (tx) => {
        await tx.apiKeys.revoke(key.id, now);
        await tx.events.append(event(principal, project.id, project.organizationId, 'api_key.revoked', 'api_key', key.id, { name: key.name }, now));
      });
    }
    // A revoked key must stop working at once on this server (other servers: within the cache TTL).
    this.keyCache.clear();
    return { ...key, revokedAt: key.revokedAt ?? now };
  }

  /** The audit trail of no project (sign-ins, users, organizations), newest first: superusers only. */
  async listUnscopedEvents(principal: Principal, page: Page, type?: string, window?: EventWindow): Promise<PageResult<AuditEvent>> {
    if (!principal.superuser) throw new AppError('forbidden', 'the deployment\'s audit trail needs a superuser');
    return this.store.events.listUnscoped(page, type, window);
  }

  async listEvents(principal: Principal, projectId: string, page: Page, type?: string, object?: { type: string; id: string }, window?: EventWindow): Promise<PageResult<AuditEvent>> {
    await this.authorizeProject(principal, projectId, 'viewer');
    return this.store.events.listForProject(projectId, page, type, object, window);
  }

  /**
   * Makes a deployment key for an `agent` target, inside the caller's transaction (the target's
   * creation or key rotation): the key itself is returned once and only its hash stored.
   */
  newDeploymentKey(project: Project, targetId: number, targetName: string, now: Date): { record: ApiKeyRecord; key: string } {
    const key = generateApiKey();
    const record: ApiKeyRecord = {
      id: randomUUID(),
      organizationId: project.organizationId,
      projectId: project.id,
      name: `deployment key of ${targetName}`.slice(0, 200),
      role: 'viewer',
      superuser: false,
      keyHash: hashApiKey(key),
      prefix: apiKeyPrefix(key),
      createdAt: now,
      revokedAt: null,
      deploymentTargetId: targetId,
    };
    return { record, key };
  }

  /**
   * Makes sure a superuser key exists. With a bootstrap token, a superuser key with exactly that
   * value exists afterwards; without one, the first start creates a key and returns it (once).
   */
  async ensureBootstrapKey(bootstrapToken: string | undefined): Promise<string | undefined> {
    const now = this.clock.now();
    const superKey = (hash: string, prefix: string, name: string): ApiKeyRecord => ({
      id: randomUUID(),
      organizationId: null,
      projectId: null,
      name,
      role: 'admin',
      superuser: true,
      keyHash: hash,
      prefix,
      createdAt: now,
      revokedAt: null,
      deploymentTargetId: null,
    });
    if (bootstrapToken) {
      const hash = hashApiKey(bootstrapToken);
      const existing = await this.store.apiKeys.findByHash(hash);
      if (existing && existing.superuser && !existing.revokedAt) return undefined;
      if (existing) throw new AppError('config_invalid', 'CERTKEEPER_BOOTSTRAP_TOKEN matches a key that is revoked or not a superuser key; choose another token');
      await this.store.transaction(async (tx) => {
        const rec = await tx.apiKeys.insert(superKey(hash, apiKeyPrefix(bootstrapToken), 'bootstrap'));
        await tx.events.append(event('system', null, null, 'api_key.created', 'api_key', rec.id, { name: 'bootstrap', superuser: true }, now));
        await tx.settings.set('bootstrap.done', now.toISOString());
      });
      return undefined;
    }
    if (await this.store.settings.get('bootstrap.done')) return undefined;
    const key = generateApiKey();
    await this.store.transaction(async (tx) => {
      const rec = await tx.apiKeys.insert(superKey(hashApiKey(key), apiKeyPrefix(key), 'initial superuser'));
      await tx.events.append(event('system', null, null, 'api_key.created', 'api_key', rec.id, { name: 'initial superuser', superuser: true }, now));
      await tx.settings.set('bootstrap.done', now.toISOString());
    });
    return key;
  }
}

function event(
  principal: Principal | 'system',
  projectId: string | null,
  organizationId: string | null,
  type: string,
  objectType: string,
  objectId: string,
  data: Record<string, unknown>,
  createdAt: Date,
) {
  return { projectId, organizationId, type, actor: actorOf(principal), objectType, objectId, data, createdAt };
}
