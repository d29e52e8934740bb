import { AppError } from '../../domain/app-error.js';
import { normalizeAppId, type ApnsEnvironment, type App, type PushPlatform } from '../../domain/app.js';
import type { CertificateRecord } from '../../domain/certificate.js';
import type { Clock } from '../../ports/clock.js';
import type { AppScope } from '../../ports/app-repository.js';
import type { Project } from '../../domain/project.js';
import type { Store } from '../../ports/store.js';
import { grantsOf, type Principal } from '../../services/principal.js';

/** One app and the expiry of each certificate bound to it. */
export interface AppCertificateExpiry {
  app: App;
  /** The soonest to expire first. */
  certificates: Array<{ platform: PushPlatform; environment: ApnsEnvironment; certificateId: number; notAfter: Date }>;
}

export interface CertExpiryDetails {
  appCertificates: AppCertificateExpiry[];
  /** Every pass certificate the key can see, the soonest to expire first; undefined when one app was asked for. */
  passCertificates?: CertificateRecord[];
}

const PAGE = 500;

/**
 * Volt MX's certexpirydetails: the APNs certificates of every app the key can see (a
 * project key: its project's apps; an organization-wide key: its organization's; a superuser:
 * all), or of the one app asked for, and every pass certificate the key can see (its projects'
 * own and their organizations' Organization-scoped ones).
 */
export class CertExpiryDetailsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async details(principal: Principal, appIdInput?: string): Promise<CertExpiryDetails> {
    let apps: App[];
    if (appIdInput !== undefined) {
      const appId = normalizeAppId(appIdInput);
      apps = appId === undefined ? [] : await this.appsInScope(principal, appId);
      if (apps.length === 0) throw new AppError('app_not_found', `no app with appId ${appIdInput.slice(0, 200)} was found`);
    } else {
      apps = await this.appsInScope(principal);
    }
    const bindings = await this.store.apps.listBindings(apps.map((a) => a.id));
    const appCertificates = apps.map((app) => ({
      app,
      certificates: bindings
        .filter((b) => b.appUuid === app.id)
        .map(({ platform, environment, certificateId, notAfter }) => ({ platform, environment, certificateId, notAfter }))
        .sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime()),
    }));
    if (appIdInput !== undefined) return { appCertificates };
    return { appCertificates, passCertificates: await this.passCertificates(principal) };
  }

  private async passCertificates(principal: Principal): Promise<CertificateRecord[]> {
    const projects = await this.projectsOf(principal);
    const byId = new Map<number, CertificateRecord>();
    const now = this.clock.now();
    for (const project of projects) {
      for (let pageIndex = 1; ; pageIndex++) {
        const page = await this.store.certificates.list({
          projectId: project.id,
          organizationId: project.organizationId,
          kind: 'pass',
          sort: 'notAfter',
          descending: false,
          now,
          pageIndex,
          pageSize: PAGE,
        });
        for (const c of page.items) byId.set(c.id, c);
        if (page.items.length < PAGE) break;
      }
    }
    return [...byId.values()].sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime() || a.id - b.id);
  }

  /** The apps of every grant of the principal (all for a superuser), each once. */
  private async appsInScope(principal: Principal, appId?: string): Promise<App[]> {
    const scopes: AppScope[] = principal.superuser ? [{}] : grantsOf(principal).map((g) => (g.projectId ? { projectId: g.projectId } : { organizationId: g.organizationId }));
    const byId = new Map<string, App>();
    for (const scope of scopes) for (const app of await this.store.apps.listInScope(scope, appId)) byId.set(app.id, app);
    return [...byId.values()];
  }

  /** The projects the principal covers. */
  private async projectsOf(principal: Principal): Promise<Project[]> {
    const byId = new Map<string, Project>();
    const all = async (organizationId?: string) => {
      for (let pageIndex = 1; ; pageIndex++) {
        const page = await this.store.projects.list({ pageIndex, pageSize: PAGE }, organizationId);
        for (const p of page.items) byId.set(p.id, p);
        if (page.items.length < PAGE) break;
      }
    };
    if (principal.superuser) await all();
    for (const g of principal.superuser ? [] : grantsOf(principal)) {
      if (g.projectId === null) await all(g.organizationId);
      else {
        const project = await this.store.projects.get(g.projectId);
        if (project) byId.set(project.id, project);
      }
    }
    return [...byId.values()];
  }
}
