import type { AccessKeyRepository } from './access-key-repository.js';
import type { ApiKeyRepository } from './api-key-repository.js';
import type { AppRepository } from './app-repository.js';
import type { CertificateRepository } from './certificate-repository.js';
import type { EndpointRepository } from './endpoint-repository.js';
import type { EventRepository } from './event-repository.js';
import type { ManagedCertificateRepository } from './managed-certificate-repository.js';
import type { NotificationRepository } from './notification-repository.js';
import type { OrganizationRepository } from './organization-repository.js';
import type { ProjectRepository } from './project-repository.js';
import type { PushHealthRepository } from './push-health-repository.js';
import type { RevocationRepository } from './revocation-repository.js';
import type { ServiceRepository } from './service-repository.js';
import type { SettingRepository } from './setting-repository.js';
import type { SweepRepository } from './sweep-repository.js';
import type { Leases } from './leases.js';
import type { DeploymentRepository } from './deployment-repository.js';
import type { MembershipRepository } from './membership-repository.js';
import type { SessionRepository } from './session-repository.js';
import type { SignInThrottleRepository } from './sign-in-throttle-repository.js';
import type { UserRepository } from './user-repository.js';
import type { OidcLoginRepository } from './oidc-login-repository.js';
import type { DashboardRepository } from './dashboard-repository.js';

/** The repositories, over one connection or one transaction. */
export interface Repositories {
  organizations: OrganizationRepository;
  projects: ProjectRepository;
  apiKeys: ApiKeyRepository;
  events: EventRepository;
  certificates: CertificateRepository;
  managed: ManagedCertificateRepository;
  settings: SettingRepository;
  services: ServiceRepository;
  apps: AppRepository;
  pushHealth: PushHealthRepository;
  accessKeys: AccessKeyRepository;
  revocation: RevocationRepository;
  notifications: NotificationRepository;
  endpoints: EndpointRepository;
  sweeps: SweepRepository;
  deployments: DeploymentRepository;
  leases: Leases;
  users: UserRepository;
  memberships: MembershipRepository;
  sessions: SessionRepository;
  signInThrottle: SignInThrottleRepository;
  oidcLogins: OidcLoginRepository;
  dashboard: DashboardRepository;
}

/** The storage port: repositories plus atomic units of work. */
export interface Store extends Repositories {
  /** Runs fn in one transaction: all its writes land, or none. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  /** true when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

