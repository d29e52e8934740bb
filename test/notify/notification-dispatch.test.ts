/**
 * The events table is the notification outbox: every notifiable event, whoever
 * recorded it, reaches the project's enabled channels once; muted certificates stay quiet; a
 * digest bundles a sweep; a new channel does not hear the project's history; a crash between an
 * event's commit and its dispatch, or inside the dispatch's transaction, loses nothing; two
 * dispatchers over one database deliver each event once.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewAuditEvent } from '../../src/domain/audit-event.js';
import type { Repositories, Store } from '../../src/ports/store.js';
import { SweepService } from '../../src/services/sweep-service.js';
import { createStore } from '../../src/storage/create-store.js';
import { FakeClock } from '../support/fake-clock.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { freePort, revocationExtensions, startRevocationPeer } from '../support/ocsp-responder.js';
import { aCertificate, createTestCa } from '../support/test-ca.js';
import { createTestDatabase, dialects, type Dialect } from '../support/test-store.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const DAY_MS = 86_400_000;
const SECRET = 'whsec-dispatch-0123456789abcdef';
const masterKey = randomBytes(32).toString('base64');

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});

/** A store that hands `patch` the repositories of each transaction, and (optionally) is not closed by its app. */
function wrap(store: Store, options: { keepOpen?: boolean; patch?: (repos: Repositories) => Repositories } = {}): Store {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'close' && options.keepOpen) return async () => undefined;
      if (prop === 'transaction' && options.patch) {
        const patch = options.patch;
        return <T>(fn: (repos: Repositories) => Promise<T>) => target.transaction((repos) => fn(patch(repos)));
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Server a, and a way to start more servers over the same database with the same master key:
 * on PostgreSQL each with its own connection pool (real concurrency); on SQLite over a's store
 * (one connection: a second process is the CLI's business, not a server's).
 */
async function world(dialect: Dialect) {
  let url: string | undefined;
  if (dialect === 'postgres') {
    const db = await createTestDatabase('certkeeper_dispatch');
    url = db.url;
    cleanups.push(() => db.drop());
  }
  const open = async () => (url ? createStore({ databaseUrl: url, sqlitePath: ':memory:' }) : undefined);
  const start = async (store: Store | undefined, clock?: FakeClock) => {
    const app = await createTestApp({ store, clock, env: { CERTKEEPER_MASTER_KEY: masterKey } });
    cleanups.push(() => app.close());
    return app;
  };
  const a = await start(await open());
  const another = async (patch?: (repos: Repositories) => Repositories) =>
    start(url ? wrap((await open())!, { patch }) : wrap(a.services.store, { keepOpen: true, patch }), a.clock);
  return { a, another };
}

async function receiver(): Promise<WebhookReceiver> {
  const r = await WebhookReceiver.start();
  cleanups.push(() => r.close());
  return r;
}

async function webhook(app: TestApp, r: WebhookReceiver, path = '/hook', type = 'webhook') {
  const config = type === 'webhook' ? { url: r.url(path), secret: SECRET } : { url: r.url(path) };
  const res = await app.call('POST', `/api/v1/projects/${app.project.id}/notification-channels`, { key: app.keys.admin, body: { name: `${type} ${path}`, type, config } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().result as { id: string };
}

async function importCert(app: TestApp, name: string, daysLeft: number): Promise<number> {
  const notAfter = new Date(app.clock.now().getTime() + daysLeft * DAY_MS);
  const c = aCertificate({ sans: [name], notBefore: new Date(notAfter.getTime() - 365 * DAY_MS), notAfter });
  const res = await app.call('POST', `/api/v1/projects/${app.project.id}/certificates/import`, { key: app.keys.editor, body: { certificateBody: c.certPem, scopeId: 0 } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().result.id as number;
}

async function sweep(app: TestApp) {
  const res = await app.call('POST', `/api/v1/projects/${app.project.id}/sweep`, { key: app.keys.admin });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().result as { expiring: number; expired: number; notified: number };
}

/** An event of the project as the services record them (revocation, managed renewals, push health, endpoints). */
function event(app: TestApp, type: string, objectType: string, objectId: string | number, data: Record<string, unknown> = {}): NewAuditEvent {
  return { organizationId: app.org.id, projectId: app.project.id, type, actor: 'system', objectType, objectId: String(objectId), data, createdAt: app.clock.now() };
}

async function record(app: TestApp, ...events: NewAuditEvent[]): Promise<void> {
  await app.services.store.transaction((tx) => tx.events.appendMany(events));
}

type Sent = { eventId: number; type: string; title: string; certificateId?: number };
const sent = (r: WebhookReceiver): Sent[] => r.requests.flatMap((req) => JSON.parse(req.body).events as Sent[]);

describe.each(dialects)('notification dispatch on %s', (dialect) => {
  it('sends what other services record on the worker pass, each once, with a title; audit events and routine successes never', async () => {
    const { a } = await world(dialect);
    const r = await receiver();
    await webhook(a, r);
    const managed = await importCert(a, 'managed.example.com', 60);
    await record(
      a,
      event(a, 'certificate.revoked', 'certificate', managed, { source: 'crl', reason: 'keyCompromise', domainName: 'managed.example.com' }),
      // Managed-certificate events carry no domain name: the title takes it from the certificate.
      event(a, 'certificate.renewal_failed', 'certificate', managed, { code: 'acme_error', problem: { type: 'urn:ietf:params:acme:error:dns', detail: 'no TXT record found' }, failureCount: 2 }),
      event(a, 'push.rejected', 'app', 'com.example.shop', { environment: 'production', certificateId: managed, reason: 'TLS alert certificate_revoked (44)' }),
      event(a, 'endpoint.mismatch', 'endpoint', 7, { host: 'mail.example.com', port: 25, protocol: 'smtp', serverName: null, message: 'the served certificate does not cover mail.example.com' }),
      event(a, 'certificate.renewed', 'certificate', managed, { sslCertificateId: 'x' }),
      event(a, 'certificate.exported', 'certificate', managed, { format: 'pem' }),
    );
    expect(r.requests).toHaveLength(0);

    await a.services.notifier.workerPass();
    expect(sent(r).map((e) => [e.type, e.title])).toEqual([
      ['certificate.revoked', 'managed.example.com was revoked (keyCompromise)'],
      ['certificate.renewal_failed', 'Renewal of managed.example.com failed (2 times): no TXT record found'],
      ['push.rejected', `APNs refused a push of app com.example.shop (production) because of its certificate managed.example.com: TLS alert certificate_revoked (44)`],
      ['endpoint.mismatch', 'mail.example.com:25: the served certificate does not cover mail.example.com'],
    ]);
    expect(sent(r).map((e) => e.certificateId)).toEqual([managed, managed, managed, undefined]);

    // Caught up: the next passes find nothing.
    expect(await a.services.notifier.dispatchPending()).toBe(0);
    await a.services.notifier.workerPass();
    expect(r.requests).toHaveLength(4);
  });

  it('a sweep sends what it found at once; a muted certificate’s events are recorded, never sent', async () => {
    const { a } = await world(dialect);
    const r = await receiver();
    await webhook(a, r);
    const soon = await importCert(a, 'soon.example.com', 2);
    const gone = await importCert(a, 'gone.example.com', -1);
    const quiet = await importCert(a, 'quiet.example.com', -1);
    const mute = await a.call('PUT', `/api/v1/projects/${a.project.id}/certificates/${quiet}/mute`, { key: a.keys.editor, body: { muted: true } });
    expect(mute.statusCode, mute.body).toBe(200);

    expect(await sweep(a)).toMatchObject({ expiring: 1, expired: 2, notified: 2 });
    expect(sent(r).map((e) => [e.certificateId, e.type]).sort()).toEqual([[gone, 'certificate.expired'], [soon, 'certificate.expiring']].sort());
    // The muted expiry is an event; a later revocation of it is not sent either.
    const expired = (await a.call('GET', `/api/v1/projects/${a.project.id}/events?type=certificate.expired`, { key: a.keys.viewer })).json().result;
    expect(expired.map((e: { objectId: string }) => Number(e.objectId)).sort()).toEqual([gone, quiet].sort());
    await record(a, event(a, 'certificate.revoked', 'certificate', quiet, { reason: 'superseded' }), event(a, 'push.check_revoked', 'app', 'com.example.quiet', { environment: 'production', certificateId: quiet }));
    await a.services.notifier.workerPass();
    expect(r.requests).toHaveLength(2);
  });

  it('digest mode: one message per channel listing everything the sweep found', async () => {
    const { a } = await world(dialect);
    const r = await receiver();
    await webhook(a, r, '/hook');
    await webhook(a, r, '/services/T0/B0/slack', 'slack');
    const policy = await a.call('PUT', `/api/v1/projects/${a.project.id}/notification-policy`, { key: a.keys.admin, body: { digest: true } });
    expect(policy.statusCode, policy.body).toBe(200);
    for (const [name, days] of [['a.example.com', 2], ['b.example.com', 5], ['c.example.com', -1]] as const) await importCert(a, name, days);

    expect(await sweep(a)).toMatchObject({ notified: 3 });
    expect(r.requests).toHaveLength(2);
    const hook = r.requests.find((q) => q.path === '/hook')!;
    const body = JSON.parse(hook.body);
    expect(body.kind).toBe('digest');
    expect(body.events.map((e: Sent) => e.title.split(' ')[0]).sort()).toEqual(['a.example.com', 'b.example.com', 'c.example.com']);
    const slack = r.requests.find((q) => q.path.startsWith('/services/'))!;
    expect(JSON.parse(slack.body).text).toMatch(/^3 certificate notifications/);
    expect(await a.services.notifier.dispatchPending()).toBe(0);
    expect(r.requests).toHaveLength(2);
  });

  it('a channel hears what happens after it starts listening, not the project’s history', async () => {
    const { a } = await world(dialect);
    const r = await receiver();
    const old = await importCert(a, 'old.example.com', 2);
    expect(await sweep(a)).toMatchObject({ expiring: 1 });
    await record(a, event(a, 'certificate.revoked', 'certificate', old, { reason: 'keyCompromise' }));

    const channel = await webhook(a, r);
    expect(await a.services.notifier.dispatchPending()).toBe(0);
    await a.services.notifier.workerPass();
    expect(r.requests).toHaveLength(0);

    await record(a, event(a, 'certificate.revoked', 'certificate', old, { reason: 'superseded' }));
    await a.services.notifier.workerPass();
    expect(sent(r).map((e) => e.title)).toEqual(['old.example.com was revoked (superseded)']);

    // Disabled, then enabled again: what happened meanwhile is not sent later either.
    const url = `/api/v1/projects/${a.project.id}/notification-channels/${channel.id}`;
    expect((await a.call('PUT', url, { key: a.keys.admin, body: { enabled: false } })).statusCode).toBe(200);
    await record(a, event(a, 'certificate.revoked', 'certificate', old, { reason: 'while disabled' }));
    await a.services.notifier.workerPass();
    expect((await a.call('PUT', url, { key: a.keys.admin, body: { enabled: true } })).statusCode).toBe(200);
    await a.services.notifier.workerPass();
    expect(r.requests).toHaveLength(1);
  });

  it('a crash between the sweep’s commit and its dispatch loses nothing: the next worker pass sends each event once', async () => {
    const { a } = await world(dialect);
    const r = await receiver();
    await webhook(a, r);
    const ids = [await importCert(a, 'x.example.com', 2), await importCert(a, 'y.example.com', 9), await importCert(a, 'z.example.com', -3)];
    // The process "dies" right after the sweep's commit: the dispatch never happens.
    const dying = new SweepService(a.services.store, a.services.access, a.clock, { intervalMs: 600_000, instanceId: 'dying' }, { dispatch: async () => { throw new Error('killed'); } });
    const result = (await dying.sweepProject(a.project.id, false))!;
    expect(result.events).toHaveLength(3);
    expect(r.requests).toHaveLength(0);

    await a.services.notifier.workerPass();
    expect(sent(r).map((e) => e.certificateId).sort()).toEqual([...ids].sort());
    expect(sent(r).map((e) => e.eventId).sort()).toEqual(result.events.map((e) => e.eventId).sort());
    await a.services.notifier.workerPass();
    await sweep(a);
    expect(r.requests).toHaveLength(3);
  });

  it('a crash inside the dispatch transaction leaves the events after the cursor; another server sends each once', async () => {
    const { a, another } = await world(dialect);
    const r = await receiver();
    await webhook(a, r);
    // Server b dies while storing the deliveries: its transaction, cursor move included, rolls back.
    const b = await another((repos) => ({
      ...repos,
      notifications: new Proxy(repos.notifications, {
        get(target, prop) {
          if (prop === 'insertDeliveries') return async () => { throw new Error('killed'); };
          const value = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
    }));
    const id = await importCert(a, 'x.example.com', 60);
    await record(a, event(a, 'certificate.revoked', 'certificate', id, { reason: 'keyCompromise' }), event(a, 'certificate.validation_failed', 'certificate', id, { code: 'acme_error' }));
    expect(await b.services.notifier.dispatch(a.project.id)).toEqual({ events: 0, deliveries: 0 });
    expect(r.requests).toHaveLength(0);

    expect(await a.services.notifier.dispatch(a.project.id)).toEqual({ events: 2, deliveries: 2 });
    expect(sent(r).map((e) => e.type)).toEqual(['certificate.revoked', 'certificate.validation_failed']);
    await a.services.notifier.workerPass();
    expect(r.requests).toHaveLength(2);
  });

  it('two dispatchers racing over one database deliver each event once', async () => {
    const { a, another } = await world(dialect);
    const b = await another();
    const r = await receiver();
    await webhook(a, r);
    const id = await importCert(a, 'race.example.com', 60);
    const servers = [a, b];
    await Promise.all(
      Array.from({ length: 8 }, async (_, round) => {
        const writer = servers[round % 2];
        await writer.services.store.transaction((tx) => tx.events.appendMany(Array.from({ length: 5 }, (_, i) => event(a, 'certificate.revoked', 'certificate', id, { reason: `r${round}.${i}` }))));
        await Promise.all([a.services.notifier.dispatch(a.project.id), b.services.notifier.dispatch(a.project.id), a.services.notifier.dispatchPending(), b.services.notifier.dispatchPending()]);
      }),
    );
    // Whatever a race left behind, the next passes send.
    for (let i = 0; i < 3; i++) await Promise.all([a.services.notifier.workerPass(), b.services.notifier.workerPass()]);

    const recorded = (await a.call('GET', `/api/v1/projects/${a.project.id}/events?type=certificate.revoked&pageSize=100`, { key: a.keys.viewer })).json().result as Array<{ id: number }>;
    expect(recorded).toHaveLength(40);
    const ids = sent(r).map((e) => e.eventId);
    expect(ids).toHaveLength(40);
    expect(new Set(ids)).toEqual(new Set(recorded.map((e) => e.id)));
  });

  it('a backlog larger than a batch goes out in several transactions (digests of 1000)', async () => {
    const { a } = await world(dialect);
    const r = await receiver();
    await webhook(a, r);
    await a.call('PUT', `/api/v1/projects/${a.project.id}/notification-policy`, { key: a.keys.admin, body: { digest: true } });
    await record(a, ...Array.from({ length: 2500 }, (_, i) => event(a, 'endpoint.unreachable', 'endpoint', i + 1, { host: `h${i}.example.com`, port: 443, message: 'connection refused' })));
    expect(await a.services.notifier.dispatch(a.project.id)).toEqual({ events: 2500, deliveries: 3 });
    expect(r.requests.map((q) => JSON.parse(q.body).events.length)).toEqual([1000, 1000, 500]);
    expect(new Set(sent(r).map((e) => e.eventId)).size).toBe(2500);
  });
});

describe('notification dispatch on postgres: commit order', () => {
  it('an event committed after a later-numbered one is not skipped', async () => {
    const { a, another } = await world('postgres');
    const b = await another();
    const r = await receiver();
    await webhook(a, r);
    const id = await importCert(a, 'order.example.com', 60);
    let appended!: () => void;
    let release!: () => void;
    const inserted = new Promise<void>((resolve) => (appended = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    // a's transaction takes the lower event id and commits last.
    const slow = a.services.store.transaction(async (tx) => {
      await tx.events.append(event(a, 'certificate.revoked', 'certificate', id, { reason: 'first id, committed last' }));
      appended();
      await gate;
    });
    await inserted;
    await b.services.store.events.append(event(a, 'certificate.revoked', 'certificate', id, { reason: 'second id, committed first' }));
    await b.services.notifier.dispatch(a.project.id);
    release();
    await slow;
    await b.services.notifier.dispatch(a.project.id);
    await a.services.notifier.workerPass();
    expect(sent(r).map((e) => e.title).sort()).toEqual(['order.example.com was revoked (first id, committed last)', 'order.example.com was revoked (second id, committed first)']);
  });
});

describe.each(dialects)('events recorded through the API reach the channels on %s', (dialect) => {
  it('a certificate revoked per its CRL: the revocation check records it, the worker sends it', async () => {
    const ca = createTestCa();
    const port = await freePort();
    const leaf = ca.issue({ sans: ['revoked.dispatch.test'], extensions: revocationExtensions({ crl: `http://127.0.0.1:${port}/intermediate.crl` }) });
    const peer = await startRevocationPeer(ca, [{ cert: leaf, revoked: { at: new Date(Math.floor(Date.now() / 1000 - 3600) * 1000), reason: 'keyCompromise' } }], { frontPort: port });
    cleanups.push(() => peer.close());
    // openssl stamps the CRL with the real time: the app's clock starts there.
    const t = await createTestApp({ dialect, clock: new FakeClock(new Date()) });
    cleanups.push(() => t.close());
    const r = await receiver();
    await webhook(t, r);
    const imported = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/import`, { key: t.keys.editor, body: { certificateBody: leaf.certPem, certificateChain: ca.chainPem } });
    expect(imported.statusCode, imported.body).toBe(200);
    const id = imported.json().result.id as number;
    const check = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/${id}/revocation-check`, { key: t.keys.editor, body: {} });
    expect(check.json().result, check.body).toMatchObject({ method: 'crl', status: 'revoked', changed: true });

    await t.services.notifier.workerPass();
    expect(sent(r).map((e) => [e.type, e.certificateId, e.title])).toEqual([['certificate.revoked', id, 'revoked.dispatch.test was revoked (keyCompromise)']]);
    await t.services.notifier.workerPass();
    expect(r.requests).toHaveLength(1);
  });

  it('a push rejected by APNs because of the certificate: push health records it, the worker sends it', async () => {
    const ca = createTestCa({ name: 'Apple WWDR test' });
    const apns = ca.issue({ apns: { environments: ['production'], bundleId: 'com.example.shop' }, notAfter: new Date('2027-01-01Z') });
    const t = await createTestApp({ dialect });
    cleanups.push(() => t.close());
    const r = await receiver();
    await webhook(t, r);
    const base = `/api/v1/projects/${t.project.id}/apps`;
    expect((await t.call('POST', base, { key: t.keys.editor, body: { appId: 'com.example.shop', name: 'Shop', platforms: ['ios'] } })).statusCode).toBe(200);
    const imported = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/import`, { key: t.keys.editor, body: { certificateBody: apns.certPem, certificatePrivateKey: apns.keyPem, certificateChain: apns.chainPem } });
    expect(imported.statusCode, imported.body).toBe(200);
    const id = imported.json().result.id as number;
    const bound = await t.call('PUT', `${base}/com.example.shop/certificates`, { key: t.keys.editor, body: { certificateId: id, platform: 'iPhone', environment: 'production' } });
    expect(bound.statusCode, bound.body).toBe(200);
    const result = await t.call('POST', `${base}/com.example.shop/push-results`, { key: t.keys.editor, body: { environment: 'production', outcome: 'rejected', tlsAlert: 44 } });
    expect(result.json().result, result.body).toMatchObject([{ effect: 'revoked' }]);

    await t.services.notifier.workerPass();
    const got = sent(r);
    expect(got.map((e) => [e.type, e.certificateId])).toEqual([['push.rejected', id]]);
    expect(got[0].title).toMatch(/^APNs refused a push of app com\.example\.shop \(production\) because of its certificate /);
  });
});
