import type { Config } from '../config/config.js';
import type { DeploymentService } from '../services/deployment-service.js';
import type { EndpointService } from '../services/endpoint-service.js';
import type { ManagedCertificateService } from '../services/managed-certificate-service.js';
import type { NotificationService } from '../services/notification-service.js';
import type { PushHealthService } from '../services/push-health-service.js';
import type { RevocationService } from '../services/revocation-service.js';
import type { SessionService } from '../services/session-service.js';
import type { SweepService } from '../services/sweep-service.js';
import { deploymentJob } from './deployment-job.js';
import type { Job } from './job.js';
import { notificationJob } from './notification-job.js';
import { probeJob } from './probe-job.js';
import { pushCheckJob } from './push-check-job.js';
import { renewalJob } from './renewal-job.js';
import { revocationJob } from './revocation-job.js';
import { sessionPurgeJob } from './session-purge-job.js';
import { sweepJob } from './sweep-job.js';

/** The services whose work is due on a schedule. */
export interface JobServices {
  managed: ManagedCertificateService;
  sweeps: SweepService;
  notifier: NotificationService;
  revocation: RevocationService;
  pushHealth: PushHealthService;
  endpoints: EndpointService;
  deployments: DeploymentService;
  sessions: SessionService;
}

/** Every background job of a server, with its schedule from the configuration: the one list. */
export function backgroundJobs(services: JobServices, config: Pick<Config, 'renewalIntervalMs' | 'sweepIntervalMs' | 'notifyRetryIntervalMs' | 'revocationIntervalMs' | 'pushCheckIntervalMs' | 'probeIntervalMs' | 'deployIntervalMs' | 'sessionPurgeIntervalMs'>): Job[] {
  return [
    renewalJob(services.managed, config.renewalIntervalMs),
    sweepJob(services.sweeps, config.sweepIntervalMs),
    notificationJob(services.notifier, config.notifyRetryIntervalMs),
    revocationJob(services.revocation, config.revocationIntervalMs),
    pushCheckJob(services.pushHealth, config.pushCheckIntervalMs),
    probeJob(services.endpoints, config.probeIntervalMs),
    deploymentJob(services.deployments, config.deployIntervalMs),
    sessionPurgeJob(services.sessions, config.sessionPurgeIntervalMs),
  ];
}
