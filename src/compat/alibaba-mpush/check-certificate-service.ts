import { AppError } from '../../domain/app-error.js';
import type { App } from '../../domain/app.js';
import { checkCertificateStatus, type BoundCertificateFacts, type EnvironmentCertificateStatus } from './check-certificate-status.js';
import type { ApnsEnvironment } from '../../domain/app.js';
import type { Clock } from '../../ports/clock.js';
import type { AccessKeyRecord } from '../../ports/access-key-repository.js';
import type { Store } from '../../ports/store.js';

export interface CheckCertificateResult {
  app: App;
  environments: Partial<Record<ApnsEnvironment, EnvironmentCertificateStatus>>;
}

/**
 * Alibaba Cloud Mobile Push's CheckCertificate use case: the status and expiry of the push
 * certificates of the app with an AppKey, for a caller authenticated by an access key
 * (signature and organization checked by the caller, `authenticatePopRequest`). Any role may read.
 */
export class CheckCertificateService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /**
   * The app's certificate status per environment. An AppKey of no app, or of another
   * organization's app, is `app_not_found` (never reveal what other tenants have); an app of
   * another project of the key's own organization is `forbidden`.
   */
  async checkCertificate(key: AccessKeyRecord, appKey: number): Promise<CheckCertificateResult> {
    const app = await this.store.apps.findByAppKey(appKey);
    if (!app || app.organizationId !== key.organizationId) throw new AppError('app_not_found', `no app with AppKey ${appKey}`);
    if (app.projectId !== key.projectId) throw new AppError('forbidden', `the app with AppKey ${appKey} belongs to another project than the access key`);
    const bindings = await this.store.apps.listBindings([app.id]);
    const bound: BoundCertificateFacts[] = [];
    for (const b of bindings) {
      const certificate = await this.store.certificates.findById(b.certificateId);
      if (!certificate) continue; // deleted meanwhile (the binding goes with it)
      bound.push({ platform: b.platform, environment: b.environment, certificateId: b.certificateId, notAfter: certificate.notAfter, lifecycleStatus: certificate.status });
    }
    const verdicts = await this.store.pushHealth.listForApp(app.id);
    return { app, environments: checkCertificateStatus(bound, verdicts, this.clock.now()) };
  }
}
