import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { FakeClock } from '../support/fake-clock.js';
import { aCertificate, aManagedState } from '../storage/certificate-builder.js';
import type { NewCertificate } from '../../src/ports/certificate-repository.js';
import { expiryWeeks, isoWeekName, isoWeekStart } from '../../src/domain/expiry-weeks.js';

const DAY = 86_400_000;
// A Wednesday, noon UTC: week 0 runs from Monday 1 June 2026.
const NOW = new Date('2026-06-03T12:00:00.000Z');
const at = (iso: string) => new Date(iso);

describe('expiry weeks', () => {
  it('start on Monday 00:00 UTC and carry their ISO week name', () => {
    expect(new Date(isoWeekStart(NOW)).toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(new Date(isoWeekStart(at('2026-06-07T23:59:59.999Z'))).toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(new Date(isoWeekStart(at('2026-06-08T00:00:00.000Z'))).toISOString()).toBe('2026-06-08T00:00:00.000Z');
    expect(isoWeekName(isoWeekStart(NOW))).toBe('2026-W23');
    // 1 January 2027 is a Friday: it belongs to 2026's last week (53), as ISO 8601 says.
    expect(isoWeekName(isoWeekStart(at('2027-01-01T10:00:00Z')))).toBe('2026-W53');
    expect(isoWeekName(isoWeekStart(at('2027-01-04T10:00:00Z')))).toBe('2027-W01');
    const weeks = expiryWeeks(NOW, 52);
    expect(weeks).toHaveLength(52);
    expect(weeks[0].from).toBe(NOW.getTime() + 1);
    expect(weeks[1].from).toBe(weeks[0].to);
    expect(weeks[51].to - weeks[0].start).toBe(52 * 7 * DAY);
  });
});

describe.each(dialects)('project dashboard on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  const open = async () => {
    t = await createTestApp({ dialect, clock: new FakeClock(NOW) });
  };
  const mine = (o: Partial<NewCertificate>) => ({ projectId: t.project.id, organizationId: t.org.id, ...o });
  const put = async (o: Partial<NewCertificate>) => {
    const { cert, material } = aCertificate(mine(o));
    return t.services.store.certificates.insert(cert, material);
  };
  const dashboard = async (key: string | null = t.keys.viewer, projectId = t.project.id) => t.call('GET', `/api/v1/projects/${projectId}/dashboard`, { key });
  const listTotal = async (query: string) => {
    const res = await t.call('GET', `/api/v1/projects/${t.project.id}/certificates?pageSize=100&${query}`, { key: t.keys.viewer });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    return { total: body.resultInfo.totalCount as number, ids: (body.result as Array<{ id: number }>).map((c) => c.id).sort((a, b) => a - b) };
  };

  /** A constructed inventory: certificates in known weeks, expired ones, one of each trouble. */
  const seed = async () => {
    const store = t.services.store;
    const c = {
      expiredLongAgo: await put({ kind: 'apns', notAfter: at('2026-05-20T00:00:00Z') }),
      expiredThisMorning: await put({ kind: 'tls', notAfter: at('2026-06-03T10:00:00Z') }),
      laterToday: await put({ kind: 'tls', notAfter: at('2026-06-03T14:00:00Z') }),
      friday: await put({ kind: 'client', notAfter: at('2026-06-05T09:00:00Z') }),
      nextMonday: await put({ kind: 'tls', notAfter: at('2026-06-08T00:00:00Z') }),
      nextWeekRevoked: await put({ kind: 'tls', status: 'revoked', notAfter: at('2026-06-12T08:00:00Z') }),
      week10: await put({ kind: 'pass', notAfter: at('2026-08-12T08:00:00Z') }),
      lastWeek: await put({ kind: 'tls', notAfter: at('2027-05-30T23:59:59.999Z') }),
      beyond: await put({ kind: 'tls', notAfter: at('2027-05-31T00:00:00Z') }),
      // Shared by another project of the organization: visible here too.
      shared: undefined as unknown as { id: number },
      failed: undefined as unknown as { id: number },
      validating: undefined as unknown as { id: number },
    };
    const sibling = await t.otherTenant(true);
    const other = await t.otherTenant(false);
    c.shared = await (async () => {
      const { cert, material } = aCertificate({ projectId: sibling.projectId, organizationId: t.org.id, scopeId: 1, kind: 'ca', notAfter: at('2026-06-16T00:00:00Z') });
      return store.certificates.insert(cert, material);
    })();
    // Not visible: the sibling's own, and another organization's.
    for (const [projectId, organizationId] of [
      [sibling.projectId, t.org.id],
      [other.projectId, other.orgId],
    ]) {
      const { cert, material } = aCertificate({ projectId, organizationId, notAfter: at('2026-06-04T00:00:00Z') });
      await store.certificates.insert(cert, material);
    }

    // A managed certificate whose issuance failed, and one waiting for its DNS records.
    const pending = (domainName: string) =>
      aCertificate(mine({ source: 'acme', status: 'pending_validation', domainName, sans: [domainName], notBefore: new Date(0), notAfter: new Date(0), fingerprintSha256: '' })).cert;
    c.failed = await store.certificates.insertPending(pending('failed.example.com'));
    await store.managed.insert(aManagedState(c.failed.id, { failureCount: 3, lastProblem: { type: 'urn:ietf:params:acme:error:dns', detail: 'no TXT record found', hookStderr: 'SECRET-STDERR' }, nextAttemptAt: at('2026-06-03T13:00:00Z'), updatedAt: at('2026-06-03T11:00:00Z') }));
    await store.certificates.updateStatus(c.failed.id, 'failed', at('2026-06-03T11:00:00Z'));
    c.validating = await store.certificates.insertPending(pending('dns.example.com'));
    await store.managed.insert(
      aManagedState(c.validating.id, { challengeType: 'dns-01', dnsRecords: [{ key: '_acme-challenge.dns.example.com', value: 'abc' }, { key: '_acme-challenge.www.dns.example.com', value: 'def' }], orderCreatedAt: at('2026-06-03T09:00:00Z') }),
    );
    await store.certificates.updateStatus(c.validating.id, 'validating', at('2026-06-03T09:00:00Z'));

    // An app whose production APNs certificate was refused.
    const push = await put({ kind: 'apns', domainName: 'com.example.app', sans: [], notAfter: at('2026-11-01T00:00:00Z') });
    const app = await store.apps.insert({ id: randomUUID(), projectId: t.project.id, organizationId: t.org.id, appId: 'com.example.app', name: 'Example app', platforms: ['ios'], createdAt: NOW }, () => 12345678);
    await store.apps.putBinding({ appUuid: app.id, platform: 'iPhone', environment: 'production', certificateId: push.id, boundAt: NOW });
    await store.pushHealth.putVerdict({ appUuid: app.id, environment: 'production', certificateId: push.id }, { status: 'revoked', reason: 'BadCertificate', source: 'push-result', at: at('2026-06-02T08:00:00Z') });

    // A deployment that failed at the current version, and one deployed but not served after its deadline.
    const target = await store.deployments.insertTarget({ projectId: t.project.id, organizationId: t.org.id, name: 'web', type: 'local', config: { directory: 'web' }, createdAt: NOW, updatedAt: NOW }, () => null);
    const deployment = (certificate: { id: number; sslCertificateId: string }, name: string, o: Record<string, unknown>) =>
      store.deployments.insertDeployment({
        projectId: t.project.id,
        organizationId: t.org.id,
        targetId: target.id,
        certificateId: certificate.id,
        name,
        endpointIds: [],
        status: 'pending',
        deployedMaterialId: null,
        deployedFingerprintSha256: null,
        deployedAt: null,
        attemptedMaterialId: null,
        attempts: 0,
        nextAttemptAt: null,
        lastAttemptAt: null,
        lastError: null,
        requestedAt: null,
        verifiedAt: null,
        verifyNextAt: null,
        verifyDeadline: null,
        createdAt: NOW,
        updatedAt: NOW,
        ...o,
      });
    const failedDeployment = await deployment(c.nextMonday as never, 'failed-one', {
      status: 'failed',
      attemptedMaterialId: (c.nextMonday as unknown as { sslCertificateId: string }).sslCertificateId,
      attempts: 2,
      lastAttemptAt: at('2026-06-03T11:30:00Z'),
      lastError: { code: 'deploy_write_failed', message: 'permission denied', hookStderr: 'SECRET-HOOK' },
    });
    const staleDeployment = await deployment(c.week10 as never, 'stale-one', {
      status: 'deployed',
      deployedMaterialId: (c.week10 as unknown as { sslCertificateId: string }).sslCertificateId,
      deployedAt: at('2026-06-03T10:00:00Z'),
      verifyDeadline: at('2026-06-03T10:05:00Z'),
    });
    // Verified: needs no one.
    await deployment(c.friday as never, 'fine-one', { status: 'verified', deployedMaterialId: (c.friday as unknown as { sslCertificateId: string }).sslCertificateId, verifiedAt: NOW });

    // An endpoint that could not be reached.
    const endpoint = await store.endpoints.insert({ projectId: t.project.id, organizationId: t.org.id, host: 'down.example.com', port: 443, serverName: null, protocol: 'tls', createdAt: NOW });
    await store.endpoints.recordProbe(
      endpoint.id,
      {
        probedAt: at('2026-06-03T11:45:00Z'),
        error: { code: 'connection_refused', step: 'connect', message: 'connection refused' },
        address: null,
        tlsVersion: null,
        cipher: null,
        chainFingerprints: [],
        chainTrusted: null,
        trustError: null,
        nameMatches: null,
        nameError: null,
        leaf: null,
        findings: [{ type: 'unreachable', message: 'connection refused', key: 'connection_refused', data: {} }],
      },
      null,
    );

    // A channel whose deliveries fail since its last success, and one that recovered.
    const channel = (name: string) => ({ id: randomUUID(), projectId: t.project.id, name, type: 'webhook' as const, config: { url: 'https://hooks.example.com/x' }, enabled: true, createdAt: NOW, updatedAt: NOW });
    const failing = channel('ops webhook');
    const recovered = channel('recovered webhook');
    await store.notifications.insertChannel(failing, null);
    await store.notifications.insertChannel(recovered, null);
    const delivery = (channelId: string, o: Record<string, unknown>) => ({
      id: randomUUID(),
      projectId: t.project.id,
      channelId,
      kind: 'each' as const,
      eventType: 'certificate.expiring',
      payload: {},
      status: 'failed' as const,
      attempts: 5,
      maxAttempts: 5,
      nextAttemptAt: null,
      lastAttemptAt: at('2026-06-02T10:00:00Z'),
      lastStatusCode: 500,
      lastResponse: null,
      lastError: 'HTTP 500',
      redeliveryOf: null,
      createdAt: at('2026-06-02T09:00:00Z'),
      deliveredAt: null,
      ...o,
    });
    await store.notifications.insertDeliveries(
      [
        delivery(failing.id, { status: 'delivered', lastStatusCode: 200, lastError: null, lastAttemptAt: at('2026-06-01T10:00:00Z'), deliveredAt: at('2026-06-01T10:00:00Z'), attempts: 1 }),
        delivery(failing.id, {}),
        delivery(failing.id, { status: 'pending', attempts: 2, lastAttemptAt: at('2026-06-03T10:00:00Z'), nextAttemptAt: at('2026-06-03T13:00:00Z') }),
        delivery(recovered.id, {}),
        delivery(recovered.id, { status: 'delivered', lastStatusCode: 200, lastError: null, lastAttemptAt: at('2026-06-03T08:00:00Z'), deliveredAt: at('2026-06-03T08:00:00Z'), attempts: 1 }),
      ],
      null,
    );
    await store.events.append({ organizationId: t.org.id, projectId: t.project.id, type: 'certificate.imported', actor: 'test', objectType: 'certificate', objectId: String(c.friday.id), data: {}, createdAt: NOW });
    return { ...c, push, app, failedDeployment, staleDeployment, endpoint, failing };
  };

  it('answers figures that match the inventory exactly', async () => {
    await open();
    const c = await seed();
    const res = await dashboard();
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json().result;
    expect(d.now).toBe(NOW.toISOString());

    // Counts: 9 put + shared + failed + validating + push = 13 visible.
    expect(d.counts.total).toBe(13);
    expect(d.counts.byStatus).toEqual({ PendingValidation: 0, Validating: 1, Active: 8, Failed: 1, Revoked: 1, Expired: 2 });
    expect(d.counts.byKind).toEqual({ tls: 8, apns: 2, pass: 1, client: 1, ca: 1, other: 0 });
    for (const [status, n] of Object.entries(d.counts.byStatus)) expect((await listTotal(`status=${status}`)).total, status).toBe(n);
    for (const [kind, n] of Object.entries(d.counts.byKind)) expect((await listTotal(`kind=${kind}`)).total, kind).toBe(n);

    // Timeline: the expired bucket, then 52 weeks.
    expect(d.timeline).toHaveLength(53);
    expect(d.timeline[0]).toMatchObject({ key: 'expired', from: null, total: 2, byKind: { apns: 1, tls: 1 }, byStatus: { Expired: 2 } });
    expect(d.timeline[1]).toMatchObject({ key: '2026-W23', weekStart: '2026-06-01T00:00:00.000Z', from: '2026-06-03T12:00:00.001Z', to: '2026-06-08T00:00:00.000Z', total: 2, byKind: { tls: 1, client: 1 } });
    expect(d.timeline[2]).toMatchObject({ key: '2026-W24', total: 2, byKind: { tls: 2 }, byStatus: { Active: 1, Revoked: 1 } });
    expect(d.timeline[3]).toMatchObject({ key: '2026-W25', total: 1, byKind: { ca: 1 } });
    expect(d.timeline[11]).toMatchObject({ key: '2026-W33', total: 1, byKind: { pass: 1 } });
    expect(d.timeline[52]).toMatchObject({ key: '2027-W21', to: '2027-05-31T00:00:00.000Z', total: 1 });
    const onTimeline = d.timeline.reduce((n: number, b: { total: number }) => n + b.total, 0);
    // Not on it: beyond 52 weeks, and the managed slots with no certificate yet.
    expect(onTimeline).toBe(13 - 3);
    // Each bar is exactly what the list shows for its window.
    for (const b of d.timeline.slice(1)) {
      const { total } = await listTotal(`expiringAfter=${encodeURIComponent(b.from)}&expiringBefore=${encodeURIComponent(b.to)}`);
      expect(total, b.key).toBe(b.total);
    }
    const week0 = await listTotal(`expiringAfter=${encodeURIComponent(d.timeline[1].from)}&expiringBefore=${encodeURIComponent(d.timeline[1].to)}`);
    expect(week0.ids).toEqual([c.laterToday.id, c.friday.id]);
    expect((await listTotal('status=Expired')).ids).toEqual([c.expiredLongAgo.id, c.expiredThisMorning.id]);

    // Expires next: active, soonest first.
    expect(d.expiringNext.map((e: { id: number }) => e.id)).toEqual([c.laterToday.id, c.friday.id, c.nextMonday.id, c.shared.id, c.week10.id, c.push.id, c.lastWeek.id, c.beyond.id]);
    expect(d.expiringNext[0]).toMatchObject({ status: 'Active', daysLeft: 0, notAfter: '2026-06-03T14:00:00.000Z' });

    // Needs a person: one of each.
    const groups = Object.fromEntries(d.needsAttention.groups.map((g: { kind: string }) => [g.kind, g]));
    expect(d.needsAttention.total).toBe(7);
    expect(groups.renewal_failed).toMatchObject({ count: 1, capped: false, items: [{ objectType: 'certificate', objectId: String(c.failed.id), certificateId: c.failed.id, name: 'failed.example.com', since: '2026-06-03T11:00:00.000Z' }] });
    expect(groups.renewal_failed.items[0].reason).toBe('Issuance failed: no TXT record found');
    expect(groups.dns_records_pending.items[0]).toMatchObject({ objectId: String(c.validating.id), reason: 'Waiting for 2 DNS records to be published', since: '2026-06-03T09:00:00.000Z' });
    expect(groups.push_certificate_revoked.items[0]).toMatchObject({ objectType: 'app', objectId: c.app.id, certificateId: c.push.id, name: 'Example app', since: '2026-06-02T08:00:00.000Z' });
    expect(groups.push_certificate_revoked.items[0].reason).toContain('BadCertificate');
    expect(groups.deployment_failed.items[0]).toMatchObject({ objectType: 'deployment', objectId: String(c.failedDeployment.id), certificateId: c.nextMonday.id, reason: 'Deployment failed after 2 attempts: permission denied' });
    expect(groups.deployment_stale.items[0]).toMatchObject({ objectId: String(c.staleDeployment.id), certificateId: c.week10.id, since: '2026-06-03T10:05:00.000Z' });
    expect(groups.endpoint_unreachable.items[0]).toMatchObject({ objectType: 'endpoint', objectId: String(c.endpoint.id), name: 'down.example.com:443', reason: 'Unreachable (connection_refused)', since: '2026-06-03T11:45:00.000Z' });
    expect(groups.channel_failing.items).toEqual([
      expect.objectContaining({ objectType: 'notification_channel', objectId: c.failing.id, name: 'ops webhook', reason: '2 deliveries failing since the last one that went through', since: '2026-06-02T10:00:00.000Z' }),
    ]);
    // What only admins may read elsewhere never shows here.
    expect(res.body).not.toContain('SECRET-');

    expect(d.recentEvents[0]).toMatchObject({ type: 'certificate.imported', objectId: String(c.friday.id) });
  });

  it('moves with the clock: a certificate that expires leaves its week for the expired bucket', async () => {
    await open();
    await put({ notAfter: at('2026-06-03T14:00:00Z') });
    let d = (await dashboard()).json().result;
    expect([d.timeline[0].total, d.timeline[1].total, d.counts.byStatus.Expired]).toEqual([0, 1, 0]);
    (t.clock as FakeClock).set('2026-06-03T14:00:00Z');
    d = (await dashboard()).json().result;
    expect([d.timeline[0].total, d.timeline[1].total, d.counts.byStatus.Expired, d.counts.byStatus.Active]).toEqual([1, 0, 1, 0]);
  });

  it('is for viewers and up of the project only', async () => {
    await open();
    const other = await t.otherTenant(false);
    const sibling = await t.otherTenant(true);
    expect((await dashboard(t.keys.viewer)).statusCode).toBe(200);
    expect((await dashboard(null)).statusCode).toBe(401);
    // Another project's key: as every project endpoint answers it.
    const foreign = await dashboard(other.adminKey);
    const foreignList = await t.call('GET', `/api/v1/projects/${t.project.id}/certificates`, { key: other.adminKey });
    expect(foreign.statusCode).toBe(foreignList.statusCode);
    expect([403, 404]).toContain(foreign.statusCode);
    expect(foreign.json().code).toBe(foreignList.json().code);
    expect((await dashboard(sibling.adminKey)).statusCode).toBe((await t.call('GET', `/api/v1/projects/${t.project.id}/certificates`, { key: sibling.adminKey })).statusCode);
    // A project that does not exist, a malformed id.
    expect((await dashboard(undefined, randomUUID())).statusCode).toBe(404);
    const bad = await t.call('GET', '/api/v1/projects/not-a-uuid/dashboard');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
  });

  it('refuses a list window that is not a date-time', async () => {
    await open();
    for (const q of ['expiringAfter=yesterday', 'expiringBefore=2026-02-30T00:00:00Z']) {
      const res = await t.call('GET', `/api/v1/projects/${t.project.id}/certificates?${q}`, { key: t.keys.viewer });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
  });
});
