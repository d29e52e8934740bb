import { randomUUID } from 'node:crypto';
import { AppError } from '../domain/app-error.js';
import {
  apnsBindingRefusal,
  apnsTopicsOf,
  normalizeAppId,
  normalizePlatforms,
  randomAppKey,
  type ApnsEnvironment,
  type App,
  type AppCertificateBinding,
  type BindingRefusal,
  type PushPlatform,
} from '../domain/app.js';
import type { CertificateRecord } from '../domain/certificate.js';
import type { Clock } from '../ports/clock.js';
import type { NewAuditEvent } from '../domain/audit-event.js';
import type { Project } from '../domain/project.js';
import type { Page, PageResult } from '../ports/page.js';
import type { PushHealthRecord } from '../ports/push-health-repository.js';
import type { Repositories, Store } from '../ports/store.js';
import type { AccessService } from './access-service.js';
import type { InventoryService } from './inventory-service.js';
import { actorOf, type Principal } from './principal.js';

export interface CreateAppInput {
  appId: string;
  name: string;
  platforms: string[];
}

export interface BindInput {
  certificateId: number;
  platform: PushPlatform;
  environment: ApnsEnvironment;
  /** Bind even a certificate that is not an APNs certificate for this app and environment. */
  force?: boolean;
}

export interface ImportAndBindInput {
  /** Base64 of a PKCS#12 file (as exported from a Mac's Keychain). */
  pkcs12: string;
  password?: string;
  platform: PushPlatform;
  /** Bind even when the certificate's bundle id and topics do not name the app. */
  force?: boolean;
}

/** A binding with its certificate, as the binding list shows it. */
export interface BoundCertificate {
  binding: AppCertificateBinding;
  certificate: CertificateRecord;
  /** The push health of the certificate in the binding's environment (binding list only; undefined = nothing recorded). */
  pushHealth?: PushHealthRecord;
}

const refusalText: Record<BindingRefusal, (c: CertificateRecord, app: App, env: ApnsEnvironment) => string> = {
  app_certificate_not_apns: (c) => `certificate ${c.id} is not an Apple push (APNs) certificate (kind ${c.kind}); pass force: true to bind it anyway`,
  app_certificate_wrong_environment: (c, _app, env) =>
    `certificate ${c.id} is an APNs certificate for ${(c.apple?.environments ?? []).join(' and ') || 'no environment'}, not ${env}; pass force: true to bind it anyway`,
  app_certificate_topic_mismatch: (c, app) =>
    `certificate ${c.id} is for ${apnsTopicsOf(c.apple).join(', ') || 'no bundle id'}, not for the app ${app.appId}; pass force: true to bind it anyway`,
};

/**
 * Mobile apps of a project and their APNs certificates: create, read and delete
 * apps; bind an inventory certificate for a device family (iPhone, iPad) and environment
 * (production, development) after checking, from the certificate itself, that it is an APNs
 * certificate for that environment and for the app's bundle id (unless forced); import a
 * PKCS#12 and bind it to every environment it serves; list and remove bindings. Viewers read,
 * editors change; every change is recorded in the audit log in the same transaction.
 */
export class AppService {
  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
    private readonly inventory: InventoryService,
    private readonly clock: Clock,
    private readonly nextAppKey: () => number = randomAppKey,
  ) {}

  async createApp(principal: Principal, projectId: string, input: CreateAppInput): Promise<App> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const appId = normalizeAppId(input.appId);
    if (appId === undefined) {
      throw new AppError('validation_failed', `appId "${input.appId.slice(0, 200)}" is not valid: letters, digits, '.', '-' and '_', starting with a letter or digit, at most 155 characters`);
    }
    const name = input.name.trim();
    if (!name) throw new AppError('validation_failed', 'name must not be empty');
    const platforms = normalizePlatforms(input.platforms);
    if (!platforms) throw new AppError('validation_failed', 'platforms must be a non-empty list of ios and android');
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const app = await tx.apps.insert({ id: randomUUID(), projectId: project.id, organizationId: project.organizationId, appId, name, platforms, createdAt: now }, this.nextAppKey);
      await tx.events.append(appEvent(principal, project, 'app.created', app, now, { name, platforms, appKey: app.appKey }));
      return app;
    });
  }

  async listApps(principal: Principal, projectId: string, page: Page): Promise<PageResult<App>> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    return this.store.apps.list(project.id, page);
  }

  async getApp(principal: Principal, projectId: string, appId: string): Promise<App> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    return appIn(this.store, project, appId);
  }

  /** Deletes the app and its bindings (the certificates stay in the inventory); returns the app. */
  async deleteApp(principal: Principal, projectId: string, appId: string): Promise<App> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const app = await appIn(tx, project, appId);
      const bindings = await tx.apps.listBindings([app.id]);
      await tx.apps.delete(app.id);
      await tx.events.append(appEvent(principal, project, 'app.deleted', app, now, { name: app.name, appKey: app.appKey, bindingCount: bindings.length }));
      return app;
    });
  }

  /**
   * Binds a certificate visible to the project for (platform, environment), replacing the one
   * bound there before. Refused, unless `force`, when the certificate is not an APNs
   * certificate for that environment and the app's bundle id (`apnsBindingRefusal`).
   */
  async bindCertificate(principal: Principal, projectId: string, appId: string, input: BindInput): Promise<BoundCertificate> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const app = await appIn(tx, project, appId);
      requireIos(app);
      const certificate = await tx.certificates.findVisible(project.id, project.organizationId, input.certificateId);
      if (!certificate) throw new AppError('certificate_not_found', `certificate ${input.certificateId} was not found`);
      const refusal = apnsBindingRefusal(certificate, app.appId, input.environment);
      if (refusal && !input.force) throw refuse(refusal, certificate, app, input.environment);
      const binding = await bindIn(tx, principal, project, app, certificate, input.platform, input.environment, now, { forced: refusal ?? null });
      return { binding, certificate };
    });
  }

  /**
   * Imports a PKCS#12 file into the project's inventory (as the import route does: a wrong
   * password is `pkcs12_bad_password`, the same material again is the existing certificate)
   * and binds it for the platform in every environment it serves. A file whose certificate is
   * not an APNs certificate is refused before anything is stored; a bundle id that does not
   * name the app is refused unless `force`.
   */
  async importAndBind(principal: Principal, projectId: string, appId: string, input: ImportAndBindInput): Promise<{ bound: BoundCertificate[]; duplicate: boolean; notes: string[] }> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const app = await appIn(this.store, project, appId);
    requireIos(app);
    // Checked before importing, so a file that is not for this app leaves nothing behind.
    const { leaf } = await this.inventory.resolveImport({ pkcs12: input.pkcs12, password: input.password ?? '' });
    const environments = leaf.kind === 'apns' ? (leaf.apple?.environments ?? []) : [];
    if (environments.length === 0) {
      throw new AppError('app_certificate_not_apns', `the PKCS#12 file holds ${leaf.domainName}, which is not an Apple push (APNs) certificate (kind ${leaf.kind})`);
    }
    if (!input.force && apnsBindingRefusal(leaf, app.appId, environments[0]) === 'app_certificate_topic_mismatch') {
      throw new AppError('app_certificate_topic_mismatch', `the certificate is for ${apnsTopicsOf(leaf.apple).join(', ') || 'no bundle id'}, not for the app ${app.appId}; pass force: true to bind it anyway`);
    }
    const imported = await this.inventory.importCertificate(principal, project.id, { pkcs12: input.pkcs12, password: input.password ?? '', scopeId: 0 });
    const now = this.clock.now();
    const bound = await this.store.transaction(async (tx) => {
      // The app may have gone meanwhile: bind only to the one still there.
      const current = await appIn(tx, project, app.appId);
      const out: BoundCertificate[] = [];
      for (const environment of environments) {
        const forced = apnsBindingRefusal(imported.record, current.appId, environment) ?? null;
        out.push({ binding: await bindIn(tx, principal, project, current, imported.record, input.platform, environment, now, { forced, imported: !imported.duplicate }), certificate: imported.record });
      }
      return out;
    });
    return { bound, duplicate: imported.duplicate, notes: imported.notes };
  }

  /** The app's bindings with their certificates, the soonest to expire first. */
  async listBindings(principal: Principal, projectId: string, appId: string): Promise<BoundCertificate[]> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    const app = await appIn(this.store, project, appId);
    const bindings = await this.store.apps.listBindings([app.id]);
    const health = await this.store.pushHealth.listRecordsForApp(app.id);
    const out: BoundCertificate[] = [];
    for (const b of bindings) {
      const { notAfter: _notAfter, ...binding } = b;
      // A certificate another project shared and then took back is no longer this project's to show.
      const certificate = await this.store.certificates.findVisible(project.id, project.organizationId, b.certificateId);
      const pushHealth = health.find((h) => h.environment === b.environment && h.certificateId === b.certificateId);
      if (certificate) out.push({ binding, certificate, ...(pushHealth ? { pushHealth } : {}) });
    }
    return out.sort((a, b) => a.certificate.notAfter.getTime() - b.certificate.notAfter.getTime());
  }

  /** Removes the binding of (platform, environment); returns it as it was. */
  async unbindCertificate(principal: Principal, projectId: string, appId: string, platform: PushPlatform, environment: ApnsEnvironment): Promise<AppCertificateBinding> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const app = await appIn(tx, project, appId);
      const found = (await tx.apps.listBindings([app.id])).find((b) => b.platform === platform && b.environment === environment);
      if (!found || !(await tx.apps.deleteBinding(app.id, platform, environment))) {
        throw new AppError('app_binding_not_found', `app ${app.appId} has no certificate bound for ${platform} ${environment}`);
      }
      await tx.events.append(appEvent(principal, project, 'app.certificate_unbound', app, now, { platform, environment, certificateId: found.certificateId }));
      const { notAfter: _notAfter, ...binding } = found;
      return binding;
    });
  }
}

/** The app with this appId in the project, read through `repos` (a transaction or the store). */
async function appIn(repos: Pick<Repositories, 'apps'>, project: Project, appIdInput: string): Promise<App> {
  const appId = normalizeAppId(appIdInput);
  const app = appId === undefined ? undefined : await repos.apps.findByAppId(project.organizationId, appId);
  // Another project's app of the same organization is not found here either.
  if (!app || app.projectId !== project.id) throw new AppError('app_not_found', `app ${appIdInput.slice(0, 200)} was not found in the project`);
  return app;
}

function requireIos(app: App): void {
  if (!app.platforms.includes('ios')) throw new AppError('app_not_ios', `app ${app.appId} has platforms ${app.platforms.join(', ')}; APNs certificates are bound to ios apps only`);
}

function refuse(refusal: BindingRefusal, certificate: CertificateRecord, app: App, environment: ApnsEnvironment): AppError {
  return new AppError(refusal, refusalText[refusal](certificate, app, environment), {
    details: { certificateId: certificate.id, kind: certificate.kind, environments: certificate.apple?.environments ?? [], topics: apnsTopicsOf(certificate.apple), appId: app.appId },
  });
}

async function bindIn(
  tx: Repositories,
  principal: Principal,
  project: Project,
  app: App,
  certificate: CertificateRecord,
  platform: PushPlatform,
  environment: ApnsEnvironment,
  now: Date,
  facts: Record<string, unknown>,
): Promise<AppCertificateBinding> {
  const previous = (await tx.apps.listBindings([app.id])).find((b) => b.platform === platform && b.environment === environment);
  const binding: AppCertificateBinding = { appUuid: app.id, platform, environment, certificateId: certificate.id, boundAt: now };
  if (previous?.certificateId === certificate.id) return { appUuid: app.id, platform, environment, certificateId: certificate.id, boundAt: previous.boundAt };
  await tx.apps.putBinding(binding);
  await tx.events.append(appEvent(principal, project, 'app.certificate_bound', app, now, { platform, environment, certificateId: certificate.id, previousCertificateId: previous?.certificateId ?? null, ...facts }));
  return binding;
}

function appEvent(principal: Principal, project: Project, type: string, app: App, at: Date, data: Record<string, unknown>): NewAuditEvent {
  return { projectId: project.id, organizationId: project.organizationId, type, actor: actorOf(principal), objectType: 'app', objectId: app.appId, data: { appUuid: app.id, ...data }, createdAt: at };
}
