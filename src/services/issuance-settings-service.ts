import { AppError } from '../domain/app-error.js';
import type { Clock } from '../ports/clock.js';
import type { NewAuditEvent } from '../domain/audit-event.js';
import type { DnsProviderSettings, OrganizationSettings, ProjectSettings } from '../ports/managed-certificate-repository.js';
import { AddressPolicy } from '../net/address-policy.js';
import type { Store } from '../ports/store.js';
import type { AccessService } from './access-service.js';
import type { DnsSolverFactory } from './managed-certificate-service.js';
import { actorOf, callerNoun, organizationRole, seesOrganization, type Principal } from './principal.js';
import { sealedSecretAad } from '../secrets/sealed-secret-aad.js';
import type { SecretBox } from '../secrets/secret-box.js';

/** A DNS provider as the API takes it: its settings and, for RFC 2136, the TSIG secret (base64). */
export type DnsProviderInput =
  | { type: 'rfc2136'; server: string; port?: number; zone?: string; keyName: string; algorithm?: string; secret?: string }
  | { type: 'exec'; hook: string };

/** A change to a project's issuance settings: absent fields keep their value, null clears. */
export interface ProjectSettingsInput {
  renewBeforeDays?: number | null;
  dnsProvider?: DnsProviderInput | null;
}

/** A project's issuance settings as the API shows them: never the secret, only whether one is stored. */
export interface ProjectSettingsView {
  renewBeforeDays: number | null;
  dnsProvider: (Record<string, unknown> & { type: string; hasSecret: boolean }) | null;
  updatedAt: Date | null;
}

export interface OrganizationSettingsInput {
  acmeDirectoryUrl?: string | null;
  acmeContactEmail?: string | null;
}

export interface OrganizationSettingsView {
  acmeDirectoryUrl: string | null;
  acmeContactEmail: string | null;
  updatedAt: Date | null;
}

/**
 * Issuance settings: per project the renewal lead time and the DNS-01 provider (its secret
 * sealed, bound to the project), per organization the ACME directory and contact that override
 * the server's defaults. A provider is checked by building its solver before it is stored, so
 * a setting that cannot work is refused now rather than at 3 a.m. at renewal.
 *
 * An RFC 2136 server is checked against the outbound AddressPolicy when saved (an IP literal,
 * or a name resolved now and every address checked): link-local and cloud metadata addresses,
 * and CERTKEEPER_OUTBOUND_DENY, are refused with `dns_provider_address_forbidden`. A name that
 * does not resolve yet may be saved; every connection is checked again by the solver.
 *
 * An organization's ACME directory is a tenant's setting too (organization-wide admin keys set
 * it, not only superusers): its host is checked the same way when saved, refused with
 * `acme_directory_forbidden`, and the issuer checks every connection to it and to the URLs it
 * hands out (`IssuerAccount.tenantDirectory`).
 */
export class IssuanceSettingsService {
  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    private readonly solverFor: DnsSolverFactory,
    /** Called after an organization's ACME settings change (the cached account is stale). */
    private readonly onOrganizationChanged: (organizationId: string) => void = () => undefined,
    private readonly policy: AddressPolicy = new AddressPolicy(),
  ) {}

  async getProjectSettings(principal: Principal, projectId: string): Promise<ProjectSettingsView> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    return projectView(await this.store.managed.getProjectSettings(project.id));
  }

  async putProjectSettings(principal: Principal, projectId: string, input: ProjectSettingsInput): Promise<ProjectSettingsView> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    // Resolving a name may take a while: before the transaction, not inside it.
    if (input.dnsProvider?.type === 'rfc2136' && typeof input.dnsProvider.server === 'string') await this.checkServer(input.dnsProvider.server.trim());
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const current = await tx.managed.getProjectSettings(project.id);
      const next: ProjectSettings = {
        projectId: project.id,
        renewBeforeDays: input.renewBeforeDays === undefined ? (current?.renewBeforeDays ?? null) : input.renewBeforeDays,
        dnsProvider: input.dnsProvider === undefined ? (current?.dnsProvider ?? null) : this.provider(project.id, input.dnsProvider, current?.dnsProvider ?? null),
        updatedAt: now,
      };
      if (next.renewBeforeDays !== null && (!Number.isInteger(next.renewBeforeDays) || next.renewBeforeDays < 1 || next.renewBeforeDays > 365)) {
        throw invalid('renewBeforeDays must be an integer from 1 to 365, or null');
      }
      await tx.managed.putProjectSettings(next);
      // A shorter lead time applies to issued certificates now, not only from their next renewal.
      let broughtForward = 0;
      if (next.renewBeforeDays !== null) broughtForward = await tx.managed.bringRenewalsForward(project.id, next.renewBeforeDays * 86_400_000, now);
      const event: NewAuditEvent = {
        projectId: project.id,
        organizationId: project.organizationId,
        type: 'project.settings_changed',
        actor: actorOf(principal),
        objectType: 'project',
        objectId: project.id,
        // Never the secret: only which provider and its public settings.
        data: { renewBeforeDays: next.renewBeforeDays, dnsProvider: projectView(next).dnsProvider, renewalsBroughtForward: broughtForward },
        createdAt: now,
      };
      await tx.events.append(event);
      return projectView(next);
    });
  }

  async getOrganizationSettings(principal: Principal, organizationId: string): Promise<OrganizationSettingsView> {
    await this.authorizeOrganization(principal, organizationId, false);
    return organizationView(await this.store.managed.getOrganizationSettings(organizationId));
  }

  async putOrganizationSettings(principal: Principal, organizationId: string, input: OrganizationSettingsInput): Promise<OrganizationSettingsView> {
    await this.authorizeOrganization(principal, organizationId, true);
    if (input.acmeContactEmail != null && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(input.acmeContactEmail)) throw invalid('acmeContactEmail must be an email address');
    // Resolving a name may take a while: before the transaction, not inside it.
    if (input.acmeDirectoryUrl != null) await this.checkDirectory(parseDirectoryUrl(input.acmeDirectoryUrl));
    const now = this.clock.now();
    const saved = await this.store.transaction(async (tx) => {
      const current = await tx.managed.getOrganizationSettings(organizationId);
      const next: OrganizationSettings = {
        organizationId,
        acmeDirectoryUrl: input.acmeDirectoryUrl === undefined ? (current?.acmeDirectoryUrl ?? null) : input.acmeDirectoryUrl,
        acmeContactEmail: input.acmeContactEmail === undefined ? (current?.acmeContactEmail ?? null) : input.acmeContactEmail,
        updatedAt: now,
      };
      await tx.managed.putOrganizationSettings(next);
      await tx.events.append({
        projectId: null,
        organizationId,
        type: 'organization.settings_changed',
        actor: actorOf(principal),
        objectType: 'organization',
        objectId: organizationId,
        data: { acmeDirectoryUrl: next.acmeDirectoryUrl, acmeContactEmail: next.acmeContactEmail },
        createdAt: now,
      });
      return next;
    });
    this.onOrganizationChanged(organizationId);
    return organizationView(saved);
  }

  /** The stored form of a provider: settings without the secret, the secret sealed; checked by building its solver. */
  private provider(projectId: string, input: DnsProviderInput | null, current: DnsProviderSettings | null): DnsProviderSettings | null {
    if (input === null) return null;
    let settings: Record<string, unknown>;
    let secret: Buffer | null = null;
    if (input.type === 'rfc2136') {
      settings = { server: input.server, port: input.port ?? 53, zone: input.zone ?? null, keyName: input.keyName, algorithm: input.algorithm ?? 'hmac-sha256' };
      if (input.secret !== undefined) {
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(input.secret) || Buffer.from(input.secret, 'base64').length < 16) throw provider('secret must be the TSIG key in base64 (at least 16 bytes)');
        secret = Buffer.from(input.secret, 'utf8');
      } else if (current?.type === 'rfc2136' && current.sealedSecret) {
        // Changing the server or zone need not re-send the key.
        secret = this.box.open(current.sealedSecret, sealedSecretAad.dnsProviderSecret(projectId));
      } else {
        throw provider('secret (the TSIG key, base64) is required for an rfc2136 provider');
      }
    } else {
      settings = { hook: input.hook };
    }
    // Builds the solver once: its constructor refuses what could never work (a bad server, key name, hook name).
    this.solverFor({ type: input.type, settings: withoutNulls(settings), sealedSecret: null }, secret);
    return { type: input.type, settings: withoutNulls(settings), sealedSecret: secret && this.box.seal(secret, sealedSecretAad.dnsProviderSecret(projectId)) };
  }

  /** Refuses an RFC 2136 server the outbound policy refuses (by itself or through an address it resolves to). */
  private async checkServer(server: string): Promise<void> {
    const verdict = await this.policy.check(server);
    if (verdict.kind === 'refused') {
      throw new AppError('dns_provider_address_forbidden', `dnsProvider.server: ${verdict.message}`, { details: { server, address: verdict.address } });
    }
  }

  /** Refuses an ACME directory whose host the outbound policy refuses (by itself or through an address it resolves to). */
  private async checkDirectory(url: URL): Promise<void> {
    const verdict = await this.policy.check(url.hostname);
    if (verdict.kind === 'refused') {
      throw new AppError('acme_directory_forbidden', `acmeDirectoryUrl: ${verdict.message}`, { details: { host: url.hostname, address: verdict.address } });
    }
  }

  /** Superusers, and organization-wide keys and members of the organization (admin to change). */
  private async authorizeOrganization(principal: Principal, organizationId: string, change: boolean): Promise<void> {
    const org = await this.store.organizations.get(organizationId);
    if (!org || !seesOrganization(principal, organizationId)) throw new AppError('organization_not_found', `organization ${organizationId} was not found`);
    const role = organizationRole(principal, organizationId);
    if (role === null) throw new AppError('forbidden', 'organization settings need an organization-wide key or membership');
    if (change && role !== 'admin') throw new AppError('forbidden', `changing organization settings needs the admin role; ${callerNoun(principal)} has ${role}`);
  }
}

function projectView(s: ProjectSettings | undefined): ProjectSettingsView {
  if (!s) return { renewBeforeDays: null, dnsProvider: null, updatedAt: null };
  return {
    renewBeforeDays: s.renewBeforeDays,
    dnsProvider: s.dnsProvider ? { type: s.dnsProvider.type, ...s.dnsProvider.settings, hasSecret: s.dnsProvider.sealedSecret !== null } : null,
    updatedAt: s.updatedAt,
  };
}

function organizationView(s: OrganizationSettings | undefined): OrganizationSettingsView {
  return { acmeDirectoryUrl: s?.acmeDirectoryUrl ?? null, acmeContactEmail: s?.acmeContactEmail ?? null, updatedAt: s?.updatedAt ?? null };
}

function withoutNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

function parseDirectoryUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid('acmeDirectoryUrl must be an absolute https URL');
  }
  // RFC 8555 §6.1: ACME is served over HTTPS only.
  if (url.protocol !== 'https:' || url.username || url.password) throw invalid('acmeDirectoryUrl must be an https URL without credentials');
  return url;
}

function invalid(message: string): AppError {
  return new AppError('validation_failed', message);
}

function provider(message: string): AppError {
  return new AppError('dns_provider_invalid', message);
}
