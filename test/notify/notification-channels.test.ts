import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { storeInternals } from '../../src/storage/kysely-store.js';
import { defaultNotificationPolicy } from '../../src/domain/notification-policy.js';
import type { NewAuditEvent } from '../../src/domain/audit-event.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { WebhookReceiver, webhookSignature, type ReceivedRequest } from '../support/webhook-receiver.js';
import { SmtpCapture } from '../support/smtp-capture.js';

const SECRET = 'whsec-0123456789abcdef-SIGNING';

describe.each(dialects)('notification channels on %s', (dialect) => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await createTestApp({ dialect, env: { CERTKEEPER_SMTP_URL: smtp.url, CERTKEEPER_SMTP_FROM: 'certkeeper <certs@example.test>' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  afterEach(async () => {
    await receiver?.close();
  });

  const base = () => `/api/v1/projects/${t.project.id}`;
  /** What a sweep records: an expiring and an expired certificate (ids of no stored certificate: the data names them). */
  interface Item {
    type: string;
    certificateId: number;
    data: Record<string, unknown>;
  }
  const items = (): Item[] => [
    { type: 'certificate.expiring', certificateId: 1, data: { domainName: 'www.example.com', daysLeft: 7, notAfter: '2026-06-08T00:00:00.000Z', threshold: 'days:7' } },
    { type: 'certificate.expired', certificateId: 2, data: { domainName: 'old.example.com', daysLeft: -1, notAfter: '2026-05-31T00:00:00.000Z', threshold: 'expired' } },
  ];
  const titles = ['www.example.com expires in 7 days (2026-06-08)', 'old.example.com expired (2026-05-31)'];

  /**
   * Records the items as the project's events (as a sweep does), with the project's policy in
   * `mode`, and dispatches them now.
   */
  async function send(app: TestApp, list: Item[], mode: 'each' | 'digest') {
    const now = app.clock.now();
    await app.services.store.sweeps.putPolicy({ projectId: app.project.id, ...defaultNotificationPolicy, digest: mode === 'digest', updatedAt: now });
    const events: NewAuditEvent[] = list.map((i) => ({
      organizationId: app.org.id,
      projectId: app.project.id,
      type: i.type,
      actor: 'system',
      objectType: 'certificate',
      objectId: String(i.certificateId),
      data: i.data,
      createdAt: now,
    }));
    await app.services.store.events.appendMany(events);
    return app.services.notifier.dispatch(app.project.id);
  }

  async function createChannel(body: unknown, key = t.keys.admin) {
    const res = await t.call('POST', `${base()}/notification-channels`, { key, body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result;
  }

  /** Signed now, as docs/api.md documents it: X-Certkeeper-Signature is the HMAC-SHA256 of "TIMESTAMP.BODY" under the secret. */
  function expectSigned(req: ReceivedRequest): void {
    expect(req.headers['x-certkeeper-timestamp']).toBe(String(Math.floor(t.clock.now().getTime() / 1000)));
    expect(req.headers['x-certkeeper-signature']).toBe(webhookSignature(SECRET, req));
  }

  describe('webhook channels', () => {
    it('signs each message with HMAC-SHA256 over TIMESTAMP.BODY, one per item or one digest, and keeps its secret sealed and unshown', async () => {
      receiver = await WebhookReceiver.start();
      const channel = await createChannel({ name: 'ops hook', type: 'webhook', config: { url: receiver.url('/hook/token-in-path'), secret: SECRET } });
      expect(channel).toMatchObject({ name: 'ops hook', type: 'webhook', enabled: true, hasSecret: true, config: { url: `http://127.0.0.1:${receiver.port}/…` } });
      const got = await t.call('GET', `${base()}/notification-channels/${channel.id}`, { key: t.keys.viewer });
      const listed = await t.call('GET', `${base()}/notification-channels`, { key: t.keys.viewer });
      for (const body of [JSON.stringify(channel), got.body, listed.body]) {
        expect(body).not.toContain(SECRET);
        expect(body).not.toContain('token-in-path');
      }

      // Sealed at rest: neither the secret nor the URL's path is in the row.
      const row = await storeInternals(t.services.store).db.selectFrom('notification_channels').selectAll().where('id', '=', channel.id).executeTakeFirstOrThrow();
      const rowText = JSON.stringify(row) + Buffer.from(row.sealed_secret!).toString('latin1');
      expect(rowText).not.toContain(SECRET);
      expect(rowText).not.toContain('token-in-path');

      await send(t, items(), 'each');
      expect(receiver.requests).toHaveLength(2);
      for (const req of receiver.requests) {
        expect(req.path).toBe('/hook/token-in-path');
        expect(req.headers['content-type']).toBe('application/json');
        expectSigned(req);
        expect(req.headers['x-certkeeper-signature']).not.toBe(webhookSignature('another-secret-0123456789', req));
      }
      const bodies = receiver.requests.map((r) => JSON.parse(r.body));
      expect(bodies.map((b) => b.events[0].type).sort()).toEqual(['certificate.expired', 'certificate.expiring']);
      expect(bodies[0]).toMatchObject({ kind: 'each', project: { id: t.project.id } });
      expect(bodies[0].events).toHaveLength(1);

      await send(t, items(), 'digest');
      expect(receiver.requests).toHaveLength(3);
      const digest = JSON.parse(receiver.requests[2].body);
      expect(digest.kind).toBe('digest');
      expect(digest.events.map((e: { title: string }) => e.title)).toEqual(titles);
      expect(receiver.requests[2].headers['x-certkeeper-event']).toBe('digest');
      expectSigned(receiver.requests[2]);

      // The test message answers its outcome.
      const test = await t.call('POST', `${base()}/notification-channels/${channel.id}/test`, { key: t.keys.admin });
      expect(test.statusCode, test.body).toBe(200);
      expect(test.json().result).toMatchObject({ kind: 'test', status: 'delivered', attempts: 1, lastStatusCode: 200, lastResponse: 'ok', lastError: null });
      expect(JSON.parse(receiver.requests[3].body).kind).toBe('test');

      await t.call('DELETE', `${base()}/notification-channels/${channel.id}`, { key: t.keys.admin });
    });

    it('retries a failing receiver with exponential backoff (500, then 200), logs the responses, and redelivers on request', async () => {
      receiver = await WebhookReceiver.start();
      const channel = await createChannel({ name: 'flaky', type: 'webhook', config: { url: receiver.url(), secret: SECRET } });
      receiver.answer({ status: 500, body: 'database down' }, { status: 500, body: 'still down' });
      // Every attempt is counted on /metrics by channel type and outcome.
      const counted = async () => {
        const text = await t.services.metrics.text();
        const value = (outcome: string) => Number(new RegExp(`^certkeeper_notifications_total\\{channel_type="webhook",outcome="${outcome}"\\} (\\d+)$`, 'm').exec(text)?.[1]);
        return { success: value('success'), failure: value('failure') };
      };
      const before = await counted();
      const start = t.clock.now().getTime();
      await send(t, items().slice(0, 1), 'each');
      expect(receiver.requests).toHaveLength(1);

      const log = async () => (await t.call('GET', `${base()}/notifications?channelId=${channel.id}`, { key: t.keys.viewer })).json();
      let entry = (await log()).result[0];
      expect(entry).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastResponse: 'database down', lastError: 'the receiver answered HTTP 500' });
      expect(new Date(entry.nextAttemptAt).getTime()).toBe(start + 30_000);

      // Not due yet: nothing happens.
      t.clock.advance(29_000);
      expect((await t.services.notifier.retryDue()).attempted).toBe(0);
      // Due: two servers' workers race; exactly one attempts it.
      t.clock.advance(1_000);
      const passes = await Promise.all([t.services.notifier.retryDue(), t.services.notifier.retryDue()]);
      expect(passes[0].attempted + passes[1].attempted).toBe(1);
      expect(receiver.requests).toHaveLength(2);
      entry = (await log()).result[0];
      expect(entry).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 500, lastResponse: 'still down' });
      // The next delay doubles.
      expect(new Date(entry.nextAttemptAt).getTime()).toBe(t.clock.now().getTime() + 60_000);
      t.clock.advance(60_000);
      expect((await t.services.notifier.retryDue()).attempted).toBe(1);
      entry = (await log()).result[0];
      expect(entry).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, lastResponse: 'ok', lastError: null, nextAttemptAt: null });
      expect(entry.deliveredAt).toBe(t.clock.now().toISOString());
      expect(await counted()).toEqual({ success: before.success + 1, failure: before.failure + 2 });
      expectSigned(receiver.requests[2]);
      // Every attempt sends the same body (only the timestamp and signature change).
      expect(receiver.requests[2].body).toBe(receiver.requests[0].body);

      const one = await t.call('GET', `${base()}/notifications/${entry.id}`, { key: t.keys.viewer });
      expect(one.json().result.id).toBe(entry.id);

      const again = await t.call('POST', `${base()}/notifications/${entry.id}/redeliver`, { key: t.keys.admin });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().result).toMatchObject({ status: 'delivered', attempts: 1, redeliveryOf: entry.id, type: 'certificate.expiring' });
      expect(again.json().result.id).not.toBe(entry.id);
      expect(receiver.requests).toHaveLength(4);
      expect(JSON.parse(receiver.requests[3].body).events).toEqual(JSON.parse(receiver.requests[0].body).events);
      const paged = (await t.call('GET', `${base()}/notifications?channelId=${channel.id}&pageSize=1`, { key: t.keys.viewer })).json();
      expect(paged.resultInfo).toMatchObject({ totalCount: 2, pageSize: 1, totalPages: 2, hasNextPage: true });

      expect((await t.call('POST', `${base()}/notifications/${entry.id}/redeliver`, { key: t.keys.viewer })).statusCode).toBe(403);
      expect((await t.call('GET', `${base()}/notifications/nosuchdelivery00`, { key: t.keys.viewer })).json().code).toBe('notification_not_found');
      await t.call('DELETE', `${base()}/notification-channels/${channel.id}`, { key: t.keys.admin });
    });

    it('marks a delivery failed after its last attempt, and a failing channel does not block the others', async () => {
      receiver = await WebhookReceiver.start();
      receiver.fallback = { status: 200, body: 'ok' };
      const down = await WebhookReceiver.start();
      down.fallback = { status: 503, body: 'unavailable' };
      try {
        const bad = await createChannel({ name: 'down', type: 'webhook', config: { url: down.url(), secret: SECRET } });
        const refused = await createChannel({ name: 'refused', type: 'slack', config: { url: 'http://127.0.0.1:1/nothing-listens' } });
        const good = await createChannel({ name: 'up', type: 'webhook', config: { url: receiver.url(), secret: SECRET } });
        await send(t, items(), 'digest');
        expect(receiver.requests).toHaveLength(1);
        const refusedLog = (await t.call('GET', `${base()}/notifications?channelId=${refused.id}`, { key: t.keys.viewer })).json().result[0];
        expect(refusedLog).toMatchObject({ status: 'pending', lastStatusCode: null });
        expect(refusedLog.lastError).toMatch(/ECONNREFUSED/);
        for (let i = 0; i < 10; i++) {
          t.clock.advance(3_600_000);
          await t.services.notifier.retryDue();
        }
        const log = (await t.call('GET', `${base()}/notifications?channelId=${bad.id}`, { key: t.keys.viewer })).json().result;
        expect(log).toHaveLength(1);
        expect(log[0]).toMatchObject({ status: 'failed', attempts: 8, maxAttempts: 8, lastStatusCode: 503, nextAttemptAt: null });
        expect(down.requests).toHaveLength(8);
        expect(receiver.requests).toHaveLength(1);
        for (const c of [bad, refused, good]) await t.call('DELETE', `${base()}/notification-channels/${c.id}`, { key: t.keys.admin });
      } finally {
        await down.close();
      }
    });
  });

  describe('a dead receiver', () => {
    it('costs the caller at most one round of attempts; the rest are left to the worker after the claim lease', async () => {
      const dead = await createChannel({ name: 'dead', type: 'slack', config: { url: 'http://127.0.0.1:1/x' } });
      const many: Item[] = Array.from({ length: 20 }, (_, i) => ({ type: 'certificate.expiring', certificateId: 100 + i, data: { domainName: `c${i}.example.com`, daysLeft: 7, notAfter: '2026-06-08T00:00:00.000Z' } }));
      await send(t, many, 'each');
      const log = async () => (await t.call('GET', `${base()}/notifications?channelId=${dead.id}&pageSize=100`, { key: t.keys.viewer })).json().result as Array<{ attempts: number }>;
      let entries = await log();
      expect(entries).toHaveLength(20);
      expect(entries.filter((e) => e.attempts === 1)).toHaveLength(8);
      // Still claimed by the notify call's server: nothing for the worker yet.
      expect((await t.services.notifier.retryDue()).attempted).toBe(0);
      t.clock.advance(120_000);
      expect((await t.services.notifier.retryDue()).attempted).toBe(20);
      entries = await log();
      expect(entries.every((e) => e.attempts >= 1)).toBe(true);
      await t.call('DELETE', `${base()}/notification-channels/${dead.id}`, { key: t.keys.admin });
    });
  });

  describe('email channels', () => {
    it('sends plain text and HTML through the configured SMTP server with its credentials', async () => {
      const channel = await createChannel({ name: 'oncall mail', type: 'email', config: { to: ['oncall@example.test', 'certs@example.test'] } });
      expect(channel).toMatchObject({ type: 'email', hasSecret: false, config: { to: ['oncall@example.test', 'certs@example.test'] } });
      const before = smtp.messages.length;
      const test = await t.call('POST', `${base()}/notification-channels/${channel.id}/test`, { key: t.keys.admin });
      expect(test.json().result, test.body).toMatchObject({ status: 'delivered', attempts: 1 });
      await send(t, items(), 'digest');
      expect(smtp.messages.length).toBe(before + 2);
      const mail = smtp.messages[before + 1];
      expect(mail.user).toBe('mailer');
      expect(mail.mailFrom).toBe('certs@example.test');
      expect(mail.rcptTo.sort()).toEqual(['certs@example.test', 'oncall@example.test']);
      expect(mail.headers.from).toBe('certkeeper <certs@example.test>');
      expect(mail.headers.to).toBe('oncall@example.test, certs@example.test');
      expect(mail.headers.subject).toMatch(/^\[certkeeper\] 2 certificate notifications for project /);
      expect(mail.headers['content-type']).toMatch(/^multipart\/alternative/);
      expect(mail.text).toContain('- www.example.com expires in 7 days (2026-06-08) (certificate.expiring)');
      expect(mail.text).toContain('- old.example.com expired (2026-05-31) (certificate.expired)');
      expect(mail.html).toContain('<li>www.example.com expires in 7 days (2026-06-08) (certificate.expiring)</li>');
      expect(smtp.messages[before].headers.subject).toMatch(/Test notification/);
      await t.call('DELETE', `${base()}/notification-channels/${channel.id}`, { key: t.keys.admin });
    });

    it('records a failed attempt when the SMTP server refuses the credentials', async () => {
      const wrong = await createTestApp({ dialect, env: { CERTKEEPER_SMTP_URL: `smtp://mailer:wrong@127.0.0.1:${smtp.port}`, CERTKEEPER_SMTP_FROM: 'certs@example.test' } });
      try {
        const res = await wrong.call('POST', `/api/v1/projects/${wrong.project.id}/notification-channels`, { body: { name: 'm', type: 'email', config: { to: ['a@example.test'] } } });
        const test = await wrong.call('POST', `/api/v1/projects/${wrong.project.id}/notification-channels/${res.json().result.id}/test`);
        expect(test.json().result).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 535 });
        expect(test.json().result.lastError).toMatch(/EAUTH/);
      } finally {
        await wrong.close();
      }
    });
  });

  describe('slack and teams channels', () => {
    it('posts the Slack incoming-webhook shape {text, blocks} and a Teams Adaptive Card message', async () => {
      receiver = await WebhookReceiver.start();
      const slack = await createChannel({ name: 'slack', type: 'slack', config: { url: receiver.url('/services/T000/B000/XXXXSECRET') } });
      const teams = await createChannel({ name: 'teams', type: 'teams', config: { url: receiver.url('/workflows/teams-sig-SECRET') } });
      expect(JSON.stringify([slack, teams])).not.toContain('SECRET');
      await send(t, items(), 'digest');
      const bySlack = receiver.requests.find((r) => r.path.startsWith('/services/'))!;
      const byTeams = receiver.requests.find((r) => r.path.startsWith('/workflows/'))!;
      const s = JSON.parse(bySlack.body);
      expect(typeof s.text).toBe('string');
      expect(s.text).toMatch(/2 certificate notifications/);
      expect(s.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
      expect(s.blocks[1]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
      expect(s.blocks[1].text.text).toContain('www.example.com expires in 7 days');
      expect(bySlack.headers['x-certkeeper-signature']).toBeUndefined();
      const m = JSON.parse(byTeams.body);
      expect(m.type).toBe('message');
      expect(m.attachments).toHaveLength(1);
      expect(m.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(m.attachments[0].content).toMatchObject({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
      expect(m.attachments[0].content.body.map((b: { type: string }) => b.type)).toEqual(['TextBlock', 'TextBlock', 'TextBlock', 'TextBlock']);
      expect(JSON.stringify(m)).toContain('old.example.com expired (2026-05-31)');
      for (const c of [slack, teams]) await t.call('DELETE', `${base()}/notification-channels/${c.id}`, { key: t.keys.admin });
    });

    it('updates a channel without re-sending its secret, and disables it', async () => {
      receiver = await WebhookReceiver.start();
      const channel = await createChannel({ name: 'h', type: 'webhook', config: { url: receiver.url('/a'), secret: SECRET } });
      const renamed = await t.call('PUT', `${base()}/notification-channels/${channel.id}`, { key: t.keys.admin, body: { name: 'renamed', config: { url: receiver.url('/b') } } });
      expect(renamed.json().result).toMatchObject({ name: 'renamed', hasSecret: true });
      await t.call('POST', `${base()}/notification-channels/${channel.id}/test`, { key: t.keys.admin });
      expect(receiver.requests[0].path).toBe('/b');
      expectSigned(receiver.requests[0]);
      await t.call('PUT', `${base()}/notification-channels/${channel.id}`, { key: t.keys.admin, body: { enabled: false } });
      await send(t, items(), 'digest');
      expect(receiver.requests).toHaveLength(1);
      const del = await t.call('DELETE', `${base()}/notification-channels/${channel.id}`, { key: t.keys.admin });
      expect(del.json().result).toEqual({ id: channel.id, deleted: true });
      expect((await t.call('GET', `${base()}/notification-channels/${channel.id}`, { key: t.keys.admin })).json().code).toBe('notification_channel_not_found');
    });
  });

  describe('bad input and access', () => {
    const cases: Array<[string, unknown, string]> = [
      ['unknown type', { name: 'x', type: 'pager', config: {} }, 'notification_type_unknown'],
      ['not a URL', { name: 'x', type: 'webhook', config: { url: 'not a url', secret: SECRET } }, 'notification_url_invalid'],
      ['ftp URL', { name: 'x', type: 'slack', config: { url: 'ftp://example.com/x' } }, 'notification_url_invalid'],
      ['credentials in URL', { name: 'x', type: 'teams', config: { url: 'https://user:pw@example.com/x' } }, 'notification_url_invalid'],
      ['metadata address', { name: 'x', type: 'webhook', config: { url: 'http://169.254.169.254/latest/meta-data/', secret: SECRET } }, 'notification_url_forbidden'],
      ['link-local address', { name: 'x', type: 'slack', config: { url: 'http://169.254.10.1/' } }, 'notification_url_forbidden'],
      ['IPv6 link-local', { name: 'x', type: 'slack', config: { url: 'http://[fe80::1]/' } }, 'notification_url_forbidden'],
      ['IPv4-mapped metadata', { name: 'x', type: 'slack', config: { url: 'http://[::ffff:169.254.169.254]/' } }, 'notification_url_forbidden'],
      ['metadata host name', { name: 'x', type: 'webhook', config: { url: 'http://metadata.google.internal/computeMetadata/v1/', secret: SECRET } }, 'notification_url_forbidden'],
      ['missing url', { name: 'x', type: 'slack', config: {} }, 'notification_config_invalid'],
      ['short secret', { name: 'x', type: 'webhook', config: { url: 'https://example.com/h', secret: 'short' } }, 'notification_config_invalid'],
      ['bad email', { name: 'x', type: 'email', config: { to: ['not-an-address'] } }, 'notification_config_invalid'],
      ['empty recipients', { name: 'x', type: 'email', config: { to: [] } }, 'notification_config_invalid'],
      ['unknown config field', { name: 'x', type: 'slack', config: { url: 'https://example.com/h', channel: '#ops' } }, 'notification_config_invalid'],
      ['missing name', { type: 'slack', config: { url: 'https://example.com/h' } }, 'validation_failed'],
    ];
    it.each(cases)('%s → 400 with a stable code', async (_what, body, code) => {
      const res = await t.call('POST', `${base()}/notification-channels`, { key: t.keys.admin, body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe(code);
    });

    it('refuses email channels when no SMTP server is configured (409 smtp_not_configured)', async () => {
      const bare = await createTestApp({ dialect });
      try {
        const res = await bare.call('POST', `/api/v1/projects/${bare.project.id}/notification-channels`, { body: { name: 'm', type: 'email', config: { to: ['a@example.test'] } } });
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('smtp_not_configured');
      } finally {
        await bare.close();
      }
    });

    it('allows a link-local destination listed in CERTKEEPER_OUTBOUND_ALLOW', async () => {
      const allowed = await createTestApp({ dialect, env: { CERTKEEPER_OUTBOUND_ALLOW: '169.254.10.0/24,metadata.google.internal' } });
      try {
        for (const url of ['http://169.254.10.1/', 'http://metadata.google.internal/x']) {
          const res = await allowed.call('POST', `/api/v1/projects/${allowed.project.id}/notification-channels`, { body: { name: 'x', type: 'slack', config: { url } } });
          expect(res.statusCode, res.body).toBe(200);
        }
        const still = await allowed.call('POST', `/api/v1/projects/${allowed.project.id}/notification-channels`, { body: { name: 'x', type: 'slack', config: { url: 'http://169.254.169.254/' } } });
        expect(still.json().code).toBe('notification_url_forbidden');
      } finally {
        await allowed.close();
      }
    });

    it('lets viewers read but not change channels, and hides them from other tenants (404)', async () => {
      receiver = await WebhookReceiver.start();
      const viewerCreate = await t.call('POST', `${base()}/notification-channels`, { key: t.keys.viewer, body: { name: 'x', type: 'slack', config: { url: receiver.url() } } });
      expect(viewerCreate.statusCode).toBe(403);
      expect(viewerCreate.json().code).toBe('forbidden');
      const editorCreate = await t.call('POST', `${base()}/notification-channels`, { key: t.keys.editor, body: { name: 'x', type: 'slack', config: { url: receiver.url() } } });
      expect(editorCreate.statusCode).toBe(403);
      const channel = await createChannel({ name: 'mine', type: 'slack', config: { url: receiver.url() } });
      expect((await t.call('GET', `${base()}/notification-channels/${channel.id}`, { key: t.keys.viewer })).statusCode).toBe(200);
      for (const [method, suffix] of [['PUT', ''], ['DELETE', ''], ['POST', '/test']] as const) {
        const res = await t.call(method, `${base()}/notification-channels/${channel.id}${suffix}`, { key: t.keys.viewer, body: method === 'PUT' ? { name: 'y' } : undefined });
        expect(res.statusCode, `${method} ${suffix}`).toBe(403);
      }
      const other = await t.otherTenant();
      const theirs = await t.call('GET', `/api/v1/projects/${other.projectId}/notification-channels`, { key: t.keys.admin });
      expect(theirs.statusCode).toBe(404);
      expect(theirs.json().code).toBe('project_not_found');
      // Their admin key cannot reach our channel through their own project either.
      const cross = await t.call('GET', `/api/v1/projects/${other.projectId}/notification-channels/${channel.id}`, { key: other.adminKey });
      expect(cross.statusCode).toBe(404);
      expect(cross.json().code).toBe('notification_channel_not_found');
      expect((await t.call('GET', `${base()}/notifications`, { key: other.adminKey })).statusCode).toBe(404);
      await t.call('DELETE', `${base()}/notification-channels/${channel.id}`, { key: t.keys.admin });
    });
  });

  describe('secrets in logs', () => {
    it('never logs a channel secret or URL path, even when deliveries fail', async () => {
      const { PassThrough } = await import('node:stream');
      const stream = new PassThrough();
      let logged = '';
      stream.on('data', (c: Buffer) => (logged += c.toString('utf8')));
      const logging = await createTestApp({ dialect, logStream: stream, logRequests: true });
      const down = await WebhookReceiver.start();
      down.fallback = { status: 500, body: 'nope' };
      try {
        const body = { name: 'x', type: 'webhook', config: { url: down.url('/hooks/TOKEN-IN-PATH-123'), secret: SECRET } };
        const res = await logging.call('POST', `/api/v1/projects/${logging.project.id}/notification-channels`, { body });
        expect(res.statusCode, res.body).toBe(200);
        const slack = await logging.call('POST', `/api/v1/projects/${logging.project.id}/notification-channels`, { body: { name: 's', type: 'slack', config: { url: 'http://127.0.0.1:1/services/SLACK-TOKEN-XYZ' } } });
        expect(slack.statusCode).toBe(200);
        await send(logging, items(), 'each');
        await logging.call('POST', `/api/v1/projects/${logging.project.id}/notification-channels/${res.json().result.id}/test`);
        expect(down.requests.length).toBeGreaterThan(0);
        expect(logged).toContain('notification delivery failed');
        expect(logged).not.toContain(SECRET);
        expect(logged).not.toContain('TOKEN-IN-PATH-123');
        expect(logged).not.toContain('SLACK-TOKEN-XYZ');
        // Nor are they in the audit events.
        const events = await logging.call('GET', `/api/v1/projects/${logging.project.id}/events`);
        if (events.statusCode === 200) {
          expect(events.body).not.toContain(SECRET);
          expect(events.body).not.toContain('TOKEN-IN-PATH-123');
        }
      } finally {
        await down.close();
        await logging.close();
      }
    });
  });
});
