import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { createUser, signIn } from '../support/console-session.js';

const HOUR = 3_600_000;

describe.each(dialects)('audit trails in a time window on %s', (dialect) => {
  let t: TestApp;
  let events: string;
  beforeEach(async () => {
    t = await createTestApp({ dialect });
    events = `/api/v1/projects/${t.project.id}/events`;
  });
  afterEach(async () => t.close());

  /** Creates a key named `name` at the clock's time, then moves the clock an hour on. */
  const keyAt = async (name: string) => {
    const res = await t.call('POST', `/api/v1/projects/${t.project.id}/api-keys`, { key: t.keys.admin, body: { name, role: 'viewer' } });
    expect(res.statusCode, res.body).toBe(200);
    t.clock.advance(HOUR);
  };
  const names = (res: { json(): { result: { data: { name?: string } }[] } }) => res.json().result.map((e) => e.data.name);

  it('a project\'s events: since includes its instant, until excludes its own, the count and pages follow the window', async () => {
    t.clock.set('2026-06-02T00:00:00Z');
    await keyAt('k0'); // 00:00
    await keyAt('k1'); // 01:00
    await keyAt('k2'); // 02:00
    await keyAt('k3'); // 03:00

    const both = await t.call('GET', `${events}?type=api_key.created&since=2026-06-02T01:00:00Z&until=2026-06-02T03:00:00Z`, { key: t.keys.viewer });
    expect(both.statusCode, both.body).toBe(200);
    expect(names(both)).toEqual(['k2', 'k1']);
    expect(both.json().resultInfo.totalCount).toBe(2);

    const since = await t.call('GET', `${events}?type=api_key.created&since=2026-06-02T02:00:00.000Z&pageSize=1&pageIndex=2`, { key: t.keys.viewer });
    expect(names(since)).toEqual(['k2']);
    expect(since.json().resultInfo).toMatchObject({ totalCount: 2, totalPages: 2 });

    const until = await t.call('GET', `${events}?type=api_key.created&since=2026-06-02T00:00:00Z&until=2026-06-02T01:00:00%2B00:00`, { key: t.keys.viewer });
    expect(names(until)).toEqual(['k0']);

    // With the object filter too: one key's events in the window, none outside it.
    const k1 = both.json().result.find((e: { data: { name: string } }) => e.data.name === 'k1').objectId as string;
    const one = await t.call('GET', `${events}?objectType=api_key&objectId=${k1}&since=2026-06-02T01:00:00Z`, { key: t.keys.viewer });
    expect(one.json().result.map((e: { type: string }) => e.type)).toEqual(['api_key.created']);
    const none = await t.call('GET', `${events}?objectType=api_key&objectId=${k1}&since=2026-06-02T01:00:01Z`, { key: t.keys.viewer });
    expect(none.json().result).toEqual([]);
  });

  it('the deployment\'s events take the same window', async () => {
    await createUser(t, 'ada@example.com');
    t.clock.set('2026-06-03T00:00:00Z');
    await signIn(t, 'ada@example.com');
    t.clock.set('2026-06-03T02:00:00Z');
    await signIn(t, 'ada@example.com');
    const res = await t.call('GET', '/api/v1/events?type=auth.signed_in&since=2026-06-03T01:00:00Z');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result.map((e: { createdAt: string }) => e.createdAt)).toEqual(['2026-06-03T02:00:00.000Z']);
    const before = await t.call('GET', '/api/v1/events?type=auth.signed_in&until=2026-06-03T01:00:00Z');
    expect(before.json().result.map((e: { createdAt: string }) => e.createdAt)).toEqual(['2026-06-03T00:00:00.000Z']);
  });

  it('a window that is not one is refused in words', async () => {
    for (const [url, code] of [
      [`${events}?since=yesterday`, 'validation_failed'],
      [`${events}?until=2026-06-02`, 'validation_failed'],
      [`${events}?since=2026-06-02T01:00:00Z&until=2026-06-02T01:00:00Z`, 'validation_failed'],
      [`${events}?since=2026-06-30T23:59:60Z`, 'validation_failed'],
      ['/api/v1/events?since=2026-06-03T02:00:00Z&until=2026-06-03T01:00:00Z', 'validation_failed'],
    ] as const) {
      const res = await t.call('GET', url, { key: url.startsWith('/api/v1/events') ? undefined : t.keys.viewer });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().code).toBe(code);
    }
    const refused = await t.call('GET', `${events}?since=2026-06-02T01:00:00Z&until=2026-06-02T00:00:00Z`, { key: t.keys.viewer });
    expect(refused.json().errors.join(' ')).toContain('since must be before until');
  });
});
