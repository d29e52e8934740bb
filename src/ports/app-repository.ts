import type { ApnsEnvironment, App, AppCertificateBinding, PushPlatform } from '../domain/app.js';
import type { Page, PageResult } from './page.js';

/** An app to insert; the store assigns `appKey`. */
export type NewApp = Omit<App, 'appKey'>;

/** Which apps a reader may see: all (superuser), an organization's, or one project's. */
export interface AppScope {
  organizationId?: string;
  projectId?: string;
}

/** A binding with its certificate's expiry, as the certificate expiry details and the binding list read it. */
export interface AppBindingWithExpiry extends AppCertificateBinding {
  notAfter: Date;
}

/**
 * Mobile apps and their APNs certificate bindings. Bindings are read joined with the
 * certificates table: a binding whose certificate is gone never shows (the foreign key also
 * deletes it, ON DELETE CASCADE).
 */
export interface AppRepository {
  /**
   * Inserts the app with the first key from `nextAppKey` that no app has (a few tries);
   * AppError('app_already_exists') when the organization already has an app with that appId.
   */
  insert(app: NewApp, nextAppKey: () => number): Promise<App>;
  /** The app with this appId in the organization. */
  findByAppId(organizationId: string, appId: string): Promise<App | undefined>;
  findByAppKey(appKey: number): Promise<App | undefined>;
  /** A project's apps, by appId. */
  list(projectId: string, page: Page): Promise<PageResult<App>>;
  /** Every app in the scope (optionally only this appId), by appId then project. */
  listInScope(scope: AppScope, appId?: string): Promise<App[]>;
  /** Deletes the app and its bindings; true when it existed. */
  delete(id: string): Promise<boolean>;
  /** Binds the certificate for (app, platform, environment), replacing any earlier one. */
  putBinding(binding: AppCertificateBinding): Promise<void>;
  /** Bindings of these apps, by app, platform (iPhone, iPad), environment (production first). */
  listBindings(appUuids: readonly string[]): Promise<AppBindingWithExpiry[]>;
  /** true when there was such a binding. */
  deleteBinding(appUuid: string, platform: PushPlatform, environment: ApnsEnvironment): Promise<boolean>;
}
