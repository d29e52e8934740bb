import { EventEmitter } from 'node:events';
import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AddressPolicy } from '../../src/net/address-policy.js';
import { OutboundHttp } from '../../src/net/outbound-http.js';
import { postJson } from '../../src/notify/http-post.js';
import { createTestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const METADATA_URL = 'http://169.254.169.254/latest/meta-data/';
const SECRET = 'whsec-0123456789abcdef-SIGNING';

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await WebhookReceiver.start();
});
afterAll(async () => {
  await receiver.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Replaces http.request with a stub that records the call and fails: nothing may leave this machine. */
function stubRequests(): Array<{ url: URL; options: http.RequestOptions }> {
  const calls: Array<{ url: URL; options: http.RequestOptions }> = [];
  vi.spyOn(http, 'request').mockImplementation(((url: URL, options: http.RequestOptions) => {
    calls.push({ url, options });
    const req = Object.assign(new EventEmitter(), {
      end: () => process.nextTick(() => req.emit('error', Object.assign(new Error('stubbed: not sent'), { code: 'ESTUBBED' }))),
      destroy: () => undefined,
    });
    return req;
  }) as unknown as typeof http.request);
  return calls;
}

describe('webhook deliveries (postJson) through the outbound policy', () => {
  it('refuses a webhook URL to 169.254.169.254 without making a request, naming CERTKEEPER_OUTBOUND_ALLOW', async () => {
    const calls = stubRequests();
    const outcome = await postJson(new URL(METADATA_URL), '{}', {}, new OutboundHttp(new AddressPolicy()), 5000);
    expect(outcome).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(/169\.254\.169\.254 is refused: .*CERTKEEPER_OUTBOUND_ALLOW/) });
    expect(calls).toEqual([]);
  });

  it('sends it once CERTKEEPER_OUTBOUND_ALLOW lists the address (the request is stubbed here), through the policy’s lookup', async () => {
    const calls = stubRequests();
    const policy = new AddressPolicy({ allow: ['169.254.169.254'] });
    expect(policy.checkUrl(METADATA_URL).hostname).toBe('169.254.169.254');
    const outcome = await postJson(new URL(METADATA_URL), '{}', {}, new OutboundHttp(policy), 5000);
    expect(outcome.error).toMatch(/ESTUBBED/);
    expect(calls).toHaveLength(1);
    expect(calls[0].url.href).toBe(METADATA_URL);
    expect(calls[0].options.lookup).toBe(policy.lookup);
  });

  it('delivers to a loopback receiver by default, and not when CERTKEEPER_OUTBOUND_DENY lists it (address or name)', async () => {
    const before = receiver.requests.length;
    expect(await postJson(new URL(receiver.url()), '{"a":1}', {}, new OutboundHttp(new AddressPolicy()), 5000)).toMatchObject({ ok: true, statusCode: 200 });
    expect(receiver.requests.length).toBe(before + 1);

    const deny = new AddressPolicy({ deny: ['127.0.0.0/8'] });
    expect(await postJson(new URL(receiver.url()), '{}', {}, new OutboundHttp(deny), 5000)).toMatchObject({ ok: false, error: expect.stringMatching(/CERTKEEPER_OUTBOUND_DENY/) });
    // "localhost" is resolved (from /etc/hosts) when connecting, and its address refused there.
    const byName = await postJson(new URL(`http://localhost:${receiver.port}/hook`), '{}', {}, new OutboundHttp(deny), 5000);
    expect(byName).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(/^EOUTBOUNDDENIED: localhost resolves to 127\.0\.0\.1 is refused: it is in CERTKEEPER_OUTBOUND_DENY/) });
    expect(receiver.requests.length).toBe(before + 1);
  });
});

describe.each(dialects)('notification channel URLs (the server’s configuration) on %s', (dialect) => {
  const createWebhook = async (env: Record<string, string>, url: string) => {
    const t = await createTestApp({ dialect, env });
    try {
      const res = await t.call('POST', `/api/v1/projects/${t.project.id}/notification-channels`, { body: { name: 'hook', type: 'webhook', config: { url, secret: SECRET } } });
      return { status: res.statusCode, code: res.json().code as string | undefined, message: (res.json().errors ?? []).join(' ') as string };
    } finally {
      await t.close();
    }
  };

  it('refuses a webhook to 169.254.169.254 (notification_url_forbidden, naming CERTKEEPER_OUTBOUND_ALLOW) and accepts it once listed', async () => {
    expect(await createWebhook({}, METADATA_URL)).toMatchObject({ status: 400, code: 'notification_url_forbidden', message: expect.stringMatching(/CERTKEEPER_OUTBOUND_ALLOW/) });
    expect(await createWebhook({ CERTKEEPER_OUTBOUND_ALLOW: '169.254.169.254' }, METADATA_URL)).toMatchObject({ status: 200 });
  });

  it('refuses a loopback webhook listed in CERTKEEPER_OUTBOUND_DENY, or in the deprecated CERTKEEPER_PROBE_DENY (it now applies to every connection)', async () => {
    expect(await createWebhook({}, receiver.url())).toMatchObject({ status: 200 });
    expect(await createWebhook({ CERTKEEPER_OUTBOUND_DENY: '127.0.0.1' }, receiver.url())).toMatchObject({ status: 400, code: 'notification_url_forbidden', message: expect.stringMatching(/CERTKEEPER_OUTBOUND_DENY/) });
    expect(await createWebhook({ CERTKEEPER_PROBE_DENY: '127.0.0.0/8' }, receiver.url())).toMatchObject({ status: 400, code: 'notification_url_forbidden' });
  });
});
