import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { aCertificate } from '../support/test-ca.js';

const DAY_MS = 86_400_000;
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function importCert(app: TestApp, name: string, notAfter: Date, notBefore = new Date(notAfter.getTime() - 365 * DAY_MS)): Promise<number> {
  const c = aCertificate({ sans: [name], notBefore, notAfter });
  const res = await app.call('POST', `/api/v1/projects/${app.project.id}/certificates/import`, { key: app.keys.editor, body: { certificateBody: c.certPem, scopeId: 0 } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().result.id as number;
}

describe.each(dialects)('sweep and notification policy API on %s', (dialect) => {
  it('POST …/sweep (admin) answers with what it found; GET …/events?type= lists it', async () => {
    t = await createTestApp({ dialect });
    const now = t.clock.now().getTime();
    const soon = await importCert(t, 'soon.example.com', new Date(now + 2 * DAY_MS));
    const gone = await importCert(t, 'gone.example.com', new Date(now - DAY_MS));
    await importCert(t, 'later.example.com', new Date(now + 100 * DAY_MS));
    const url = `/api/v1/projects/${t.project.id}/sweep`;
    expect((await t.call('POST', url, { key: t.keys.editor })).statusCode).toBe(403);
    const res = await t.call('POST', url, { key: t.keys.admin });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json().result;
    expect(r).toMatchObject({ projectId: t.project.id, expiring: 1, expired: 1, notified: 2, eventsTruncated: false });
    expect(r.events.map((e: { certificateId: number; type: string; data: { threshold: string } }) => [e.certificateId, e.type, e.data.threshold]).sort()).toEqual(
      [[soon, 'certificate.expiring', 'days:3'], [gone, 'certificate.expired', 'expired']].sort(),
    );
    const again = (await t.call('POST', url, { key: t.keys.admin })).json().result;
    expect(again.events).toEqual([]);
    const listed = await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=certificate.expiring`, { key: t.keys.viewer });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().result.map((e: { objectId: string }) => e.objectId)).toEqual([String(soon)]);
  });

  it('GET/PUT …/notification-policy: defaults, admin to change, validation', async () => {
    t = await createTestApp({ dialect });
    const url = `/api/v1/projects/${t.project.id}/notification-policy`;
    const got = await t.call('GET', url, { key: t.keys.viewer });
    expect(got.statusCode).toBe(200);
    expect(got.json().result).toMatchObject({ thresholdDays: [30, 14, 7, 3, 1], digest: false, updatedAt: null });
    expect(got.json().result.lifetimeFractions).toHaveLength(3);
    expect((await t.call('PUT', url, { key: t.keys.editor, body: { digest: true } })).statusCode).toBe(403);
    const put = await t.call('PUT', url, { key: t.keys.admin, body: { thresholdDays: [2, 21], digest: true } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().result).toMatchObject({ thresholdDays: [21, 2], digest: true });
    expect((await t.call('GET', url, { key: t.keys.viewer })).json().result).toMatchObject({ thresholdDays: [21, 2], digest: true });
    expect((await t.call('PUT', url, { key: t.keys.admin, body: { thresholdDays: [3, 3] } })).json().code).toBe('validation_failed');
    expect((await t.call('PUT', url, { key: t.keys.admin, body: { lifetimeFractions: [1.5] } })).statusCode).toBe(400);
  });

  it('PUT …/certificates/{id}/mute (editor) silences a certificate: its threshold is recorded, marked muted, not sent', async () => {
    t = await createTestApp({ dialect });
    const now = t.clock.now().getTime();
    const id = await importCert(t, 'quiet.example.com', new Date(now + 2 * DAY_MS));
    const url = `/api/v1/projects/${t.project.id}/certificates/${id}/mute`;
    expect((await t.call('PUT', url, { key: t.keys.viewer, body: { muted: true } })).statusCode).toBe(403);
    const res = await t.call('PUT', url, { key: t.keys.editor, body: { muted: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result).toEqual({ certificateId: id, muted: true });
    expect((await t.call('PUT', `/api/v1/projects/${t.project.id}/certificates/999999/mute`, { key: t.keys.editor, body: { muted: true } })).statusCode).toBe(404);
    const r = (await t.call('POST', `/api/v1/projects/${t.project.id}/sweep`, { key: t.keys.admin })).json().result;
    expect(r).toMatchObject({ expiring: 1, notified: 0 });
    expect(r.events.map((e: { certificateId: number; notified: boolean; data: { threshold: string; muted?: boolean } }) => [e.certificateId, e.notified, e.data.threshold, e.data.muted])).toEqual([[id, false, 'days:3', true]]);
    await t.call('PUT', url, { key: t.keys.editor, body: { muted: false } });
    const r2 = (await t.call('POST', `/api/v1/projects/${t.project.id}/sweep`, { key: t.keys.admin })).json().result;
    expect(r2).toMatchObject({ expiring: 1, notified: 1 });
    expect(r2.events[0]).toMatchObject({ certificateId: id, notified: true });
    expect(r2.events[0].data.muted).toBeUndefined();
  });

  it('GET …/certificates/{id}/mute (viewer) reads whether the project muted it; a sibling project reads false', async () => {
    const app = await createTestApp();
    t = app;
    const id = await importCert(app, 'read.example.com', new Date(app.clock.now().getTime() + 40 * DAY_MS));
    const url = `/api/v1/projects/${app.project.id}/certificates/${id}/mute`;
    const read = async (key: string, u = url) => {
      const res = await app.call('GET', u, { key });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().result;
    };
    expect(await read(app.keys.viewer)).toEqual({ certificateId: id, muted: false });
    await app.call('PUT', url, { key: app.keys.editor, body: { muted: true } });
    expect(await read(app.keys.viewer)).toEqual({ certificateId: id, muted: true });
    expect((await app.call('GET', `/api/v1/projects/${app.project.id}/certificates/999999/mute`, { key: app.keys.viewer })).statusCode).toBe(404);
    // Shared with the organization: the sibling project sees it, and has no mute of its own.
    await app.call('PUT', `/api/v1/projects/${app.project.id}/certificates/${id}`, { key: app.keys.editor, body: { scopeId: 1 } });
    const sibling = await app.otherTenant(true);
    expect(await read(sibling.adminKey, `/api/v1/projects/${sibling.projectId}/certificates/${id}/mute`)).toEqual({ certificateId: id, muted: false });
  });
});

describe.each(dialects)('a sweep notifies the project’s channels on %s', (dialect) => {
  it('digest mode: one signed webhook message listing everything the sweep found, once', async () => {
    const { WebhookReceiver, webhookSignature } = await import('../support/webhook-receiver.js');
    const receiver = await WebhookReceiver.start();
    try {
      t = await createTestApp({ dialect });
      const now = t.clock.now().getTime();
      await importCert(t, 'soon.example.com', new Date(now + 2 * DAY_MS));
      await importCert(t, 'gone.example.com', new Date(now - DAY_MS));
      const secret = 'a-webhook-secret-of-enough-length-0123';
      const channel = await t.call('POST', `/api/v1/projects/${t.project.id}/notification-channels`, { key: t.keys.admin, body: { name: 'ops', type: 'webhook', config: { url: receiver.url(), secret } } });
      expect(channel.statusCode, channel.body).toBe(200);
      const policy = await t.call('PUT', `/api/v1/projects/${t.project.id}/notification-policy`, { key: t.keys.admin, body: { digest: true } });
      expect(policy.statusCode, policy.body).toBe(200);

      const res = await t.call('POST', `/api/v1/projects/${t.project.id}/sweep`, { key: t.keys.admin });
      expect(res.statusCode, res.body).toBe(200);
      expect(receiver.requests).toHaveLength(1);
      const [req] = receiver.requests;
      // Signed as docs/api.md documents it: HMAC-SHA256 of "TIMESTAMP.BODY", the timestamp now.
      expect(req.headers['x-certkeeper-timestamp']).toBe(String(Math.floor(t.clock.now().getTime() / 1000)));
      expect(req.headers['x-certkeeper-signature']).toBe(webhookSignature(secret, req));
      const body = JSON.parse(req.body);
      expect(body.events.map((e: { type: string }) => e.type).sort()).toEqual(['certificate.expired', 'certificate.expiring']);

      // Nothing new: no second message.
      await t.call('POST', `/api/v1/projects/${t.project.id}/sweep`, { key: t.keys.admin });
      expect(receiver.requests).toHaveLength(1);
      const log = (await t.call('GET', `/api/v1/projects/${t.project.id}/notifications`, { key: t.keys.viewer })).json();
      expect(log.result.map((d: { status: string }) => d.status)).toEqual(['delivered']);
    } finally {
      await receiver.close();
    }
  });
});
