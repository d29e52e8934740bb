import { describe, expect, it } from 'vitest';
import { endpointFindingTypes } from '../../src/domain/endpoint.js';
import { isNotifiableEventType, notifiableEventTypes, notificationItemOf, subjectCertificateId, type NotifiableEvent } from '../../src/domain/notifiable-event.js';

const at = new Date('2026-06-01T00:00:00Z');
const ev = (type: string, objectType: string, objectId: string, data: Record<string, unknown> = {}): NotifiableEvent => ({ id: 42, type, objectType, objectId, data, createdAt: at });

describe('notifiable event types', () => {
  it.each([
    ['certificate.expiring', true],
    ['certificate.expired', true],
    ['certificate.revoked', true],
    ['certificate.renewal_failed', true],
    ['certificate.validation_failed', true],
    ['certificate.renewal_action_required', true],
    ['certificate.validation_action_required', true],
    ['push.rejected', true],
    ['push.check_revoked', true],
    ['endpoint.mismatch', true],
    ['endpoint.unreachable', true],
    ['endpoint.stale_deployment', true],
    ['certificate.renewed', false],
    ['certificate.issued', false],
    ['push.check_ok', false],
    ['certificate.imported', false],
    ['certificate.muted', false],
    ['endpoint.created', false],
    ['notification_channel.created', false],
    ['deployment.failed', true],
    ['deployment.succeeded', false],
    ['deployment.verified', false],
    ['deployment_target.created', false],
  ])('%s → %s', (type, expected) => {
    expect(isNotifiableEventType(type)).toBe(expected);
  });

  it('covers every endpoint finding', () => {
    for (const t of endpointFindingTypes) expect(notifiableEventTypes).toContain(`endpoint.${t}`);
  });
});

describe('subjectCertificateId', () => {
  it.each([
    [ev('certificate.revoked', 'certificate', '12'), 12],
    [ev('push.rejected', 'app', 'com.example.shop', { certificateId: 7 }), 7],
    [ev('push.rejected', 'app', 'com.example.shop', {}), null],
    [ev('endpoint.expired', 'endpoint', '3', { certificateId: 9 }), null],
    [ev('certificate.revoked', 'certificate', 'not-a-number'), null],
    [ev('deployment.failed', 'deployment', '5', { certificateId: 11 }), 11],
  ])('%#', (e, expected) => {
    expect(subjectCertificateId(e)).toBe(expected);
  });
});

describe('notificationItemOf', () => {
  it.each([
    [ev('certificate.expiring', 'certificate', '1', { domainName: 'www.example.com', daysLeft: 7, notAfter: '2026-06-08T00:00:00.000Z' }), undefined, 'www.example.com expires in 7 days (2026-06-08)'],
    [ev('certificate.expiring', 'certificate', '1', { domainName: 'www.example.com', daysLeft: 1, notAfter: '2026-06-02T00:00:00.000Z' }), undefined, 'www.example.com expires in 1 day (2026-06-02)'],
    [ev('certificate.expired', 'certificate', '1', { domainName: 'old.example.com', notAfter: '2026-05-31T10:00:00.000Z' }), undefined, 'old.example.com expired (2026-05-31)'],
    [ev('certificate.revoked', 'certificate', '1', { reason: 'keyCompromise' }), 'shop.example.com', 'shop.example.com was revoked (keyCompromise)'],
    [ev('certificate.revoked', 'certificate', '5', {}), undefined, 'certificate 5 was revoked'],
    [ev('certificate.renewal_failed', 'certificate', '1', { code: 'acme_error', failureCount: 1 }), 'a.example.com', 'Renewal of a.example.com failed: acme_error'],
    [ev('certificate.validation_failed', 'certificate', '1', { problem: { detail: 'CAA forbids' }, failureCount: 3 }), 'a.example.com', 'Issuance of a.example.com failed (3 times): CAA forbids'],
    [ev('certificate.renewal_action_required', 'certificate', '1', { dnsRecords: [] }), 'a.example.com', 'Renewal of a.example.com waits for DNS TXT records to be published'],
    [ev('push.check_revoked', 'app', 'com.example.shop', { environment: 'development', certificateId: 4, reason: 'BadCertificate' }), 'Apple Push Services: com.example.shop', 'The APNs check of app com.example.shop (development) found its certificate Apple Push Services: com.example.shop revoked: BadCertificate'],
    [ev('deployment.failed', 'deployment', '5', { name: 'shop.example.com', targetName: 'web', certificateId: 11, message: 'the reload hook reload exited with code 1', attempts: 2 }), 'shop.example.com', 'Deployment shop.example.com of shop.example.com to web failed (2 times): the reload hook reload exited with code 1'],
    [ev('endpoint.unreachable', 'endpoint', '3', { host: '10.0.0.5', port: 636, serverName: 'ldap.example.com', message: 'connection refused' }), undefined, 'ldap.example.com:636: connection refused'],
  ])('%#: %s', (e, name, title) => {
    const item = notificationItemOf(e, name);
    expect(item.title).toBe(title);
    expect(item).toMatchObject({ type: e.type, eventId: 42, data: e.data, at });
  });
});
