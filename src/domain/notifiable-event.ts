/**
 * Which events reach notification channels, and what a notification says about each. Pure.
 * The events table is the outbox: every event of a type listed here is sent to the
 * project's enabled channels once, unless it concerns a certificate the project muted (a mute is
 * the owning project's: it never silences a project the certificate is shared with).
 *
 * Chosen: what asks a person to act or tells of a failure (expiry thresholds, revocation,
 * failed issuance or renewal, DNS records to publish, APNs refusing a push certificate, what an
 * endpoint really serves, a certificate that could not be deployed). Left out: the audit trail
 * (imports, updates, settings) and routine success (`certificate.issued`, `certificate.renewed`,
 * `push.check_ok`, `deployment.succeeded`, `deployment.verified`): a channel stays quiet
 * while all is well, and a successful renewal is what keeps the expiry alerts from firing.
 */
import { endpointFindingTypes } from './endpoint.js';

export const notifiableEventTypes: readonly string[] = Object.freeze([
  'certificate.expiring',
  'certificate.expired',
  'certificate.revoked',
  'certificate.renewal_failed',
  'certificate.validation_failed',
  'certificate.renewal_action_required',
  'certificate.validation_action_required',
  'push.rejected',
  'push.check_revoked',
  'deployment.failed',
  ...endpointFindingTypes.map((t) => `endpoint.${t}`),
]);

const notifiable = new Set(notifiableEventTypes);

export function isNotifiableEventType(type: string): boolean {
  return notifiable.has(type);
}

/** The facts of a stored event the notification is made from. */
export interface NotifiableEvent {
  id: number;
  type: string;
  objectType: string;
  objectId: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** What one notification item says: one line for humans plus the event's facts. */
export interface NotificationItem {
  type: string;
  eventId: number;
  certificateId?: number;
  title: string;
  data: Record<string, unknown>;
  at: Date;
}

/**
 * The certificate an event is about, for mutes and names: the object of `certificate.*`
 * events, the bound certificate of `push.*` and `deployment.*` events (data.certificateId); null for endpoint
 * findings (an endpoint is watched for what it serves, whichever certificate that is).
 */
export function subjectCertificateId(e: Pick<NotifiableEvent, 'objectType' | 'objectId' | 'data'>): number | null {
  const raw = e.objectType === 'certificate' ? e.objectId : e.objectType === 'app' || e.objectType === 'deployment' ? e.data.certificateId : null;
  const id = Number(raw);
  return raw !== null && raw !== undefined && Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * The notification item of an event. `certificateName` names the subject certificate when the
 * event's data does not (managed-certificate events carry no domain name).
 */
export function notificationItemOf(e: NotifiableEvent, certificateName?: string): NotificationItem {
  const certificateId = subjectCertificateId(e) ?? undefined;
  return {
    type: e.type,
    eventId: e.id,
    ...(certificateId === undefined ? {} : { certificateId }),
    title: titleOf(e, certificateName),
    data: e.data,
    at: e.createdAt,
  };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const date = (v: unknown): string => (str(v) ?? '').slice(0, 10);

function titleOf(e: NotifiableEvent, certificateName: string | undefined): string {
  const d = e.data;
  const id = subjectCertificateId(e);
  const name = str(d.domainName) ?? certificateName ?? (id === null ? `${e.objectType} ${e.objectId}` : `certificate ${id}`);
  switch (e.type) {
    case 'certificate.expiring': {
      const days = Number(d.daysLeft);
      return `${name} expires in ${days} day${days === 1 ? '' : 's'} (${date(d.notAfter)})`;
    }
    case 'certificate.expired':
      return `${name} expired (${date(d.notAfter)})`;
    case 'certificate.revoked':
      return `${name} was revoked${str(d.reason) ? ` (${str(d.reason)})` : ''}`;
    case 'certificate.renewal_failed':
    case 'certificate.validation_failed': {
      const what = e.type === 'certificate.renewal_failed' ? 'Renewal' : 'Issuance';
      const problem = (d.problem ?? {}) as Record<string, unknown>;
      const detail = str(problem.detail) ?? str(d.code) ?? 'unknown error';
      const count = Number(d.failureCount);
      return `${what} of ${name} failed${Number.isInteger(count) && count > 1 ? ` (${count} times)` : ''}: ${detail}`;
    }
    case 'certificate.renewal_action_required':
    case 'certificate.validation_action_required':
      return `${e.type === 'certificate.renewal_action_required' ? 'Renewal' : 'Issuance'} of ${name} waits for DNS TXT records to be published`;
    case 'push.rejected':
    case 'push.check_revoked': {
      const environment = str(d.environment) ?? 'unknown';
      const reason = str(d.reason);
      const why = reason ? `: ${reason}` : '';
      if (e.type === 'push.rejected') return `APNs refused a push of app ${e.objectId} (${environment}) because of its certificate ${name}${why}`;
      return `The APNs check of app ${e.objectId} (${environment}) found its certificate ${name} revoked${why}`;
    }
  }
  if (e.type === 'deployment.failed') {
    const attempts = Number(d.attempts);
    const times = Number.isInteger(attempts) && attempts > 1 ? ` (${attempts} times)` : '';
    return `Deployment ${str(d.name) ?? e.objectId} of ${name} to ${str(d.targetName) ?? 'its target'} failed${times}: ${str(d.message) ?? str(d.code) ?? 'unknown error'}`;
  }
  if (e.objectType === 'endpoint') {
    const host = str(d.serverName) ?? str(d.host) ?? `endpoint ${e.objectId}`;
    const where = `${host}:${String(d.port ?? '')}`.replace(/:$/, '');
    return `${where}: ${str(d.message) ?? e.type}`;
  }
  return `${e.type}: ${name}`;
}
