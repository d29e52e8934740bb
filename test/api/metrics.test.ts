/**
 * GET /metrics: per-certificate gauges from the database, counters of the Metrics port, the HTTP
 * histogram by route pattern, token protection, and the text checked line by line against the
 * Prometheus text exposition format 0.0.4.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startHttp01Listener } from '../../src/api/http01-listener.js';
import { certificateSeries, escapeLabelValue } from '../../src/observability/certificate-series.js';
import { PrometheusMetrics } from '../../src/observability/prometheus-metrics.js';
import type { CertificateMetricRow } from '../../src/ports/certificate-repository.js';
import { startPebble, type Pebble } from '../support/pebble.js';
import { createTestApp, SUPER_TOKEN, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { FakeClock } from '../support/fake-clock.js';
import { aCertificate } from '../support/test-ca.js';

const DAY = 86_400_000;
const METRICS_TOKEN = 'metrics-token-0123456789abcdef-0123456789';

// Text exposition format 0.0.4: metric name, optional {label="value",…}, a float, optional timestamp.
const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
const VALUE = '(?:[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]?Inf|NaN)';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(?:${LABEL}(?:,${LABEL})*,?)?\\})? ${VALUE}(?: -?\\d+)?$`);
const HELP = new RegExp(`^# HELP (${NAME}) .*$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);

/** Checks every line and that each family's samples are one contiguous group after its TYPE. */
function assertExposition(text: string): void {
  const typeOf = new Map<string, string>();
  const done = new Set<string>();
  let current: string | undefined;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const help = HELP.exec(line);
    if (help) continue;
    const type = TYPE.exec(line);
    if (type) {
      expect(typeOf.has(type[1]!), `TYPE twice for ${type[1]}`).toBe(false);
      typeOf.set(type[1]!, type[2]!);
      if (current) done.add(current);
      current = type[1];
      continue;
    }
    expect(line.startsWith('#'), `unknown comment line: ${line}`).toBe(false);
    const sample = SAMPLE.exec(line);
    expect(sample, `not an exposition sample line: ${line}`).not.toBeNull();
    const name = sample![1]!;
    const stripped = name.replace(/_(bucket|sum|count|total|created)$/, '');
    const family = typeOf.has(name) ? name : typeOf.has(stripped) ? stripped : undefined;
    expect(family, `sample before its TYPE: ${line}`).toBeDefined();
    expect(done.has(family!), `family ${family} is not contiguous`).toBe(false);
    expect(family).toBe(current);
  }
}

function seriesOf(text: string, name: string): Array<{ labels: Record<string, string>; value: number }> {
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
    .map((l) => {
      const m = /^[^{ ]+(?:\{(.*)\})? (\S+)$/.exec(l)!;
      const labels: Record<string, string> = {};
      for (const lm of (m[1] ?? '').matchAll(/([a-zA-Z_]+)="((?:[^"\\]|\\.)*)"/g)) labels[lm[1]!] = lm[2]!;
      return { labels, value: Number(m[2]) };
    });
}

describe.each(dialects)('GET /metrics with more certificates than CERTKEEPER_METRICS_MAX_CERTIFICATES on %s', (dialect) => {
  it('has series for the ones expiring soonest, expired within 30 days included, and counts the rest', async () => {
    const t = await createTestApp({ dialect, env: { CERTKEEPER_METRICS_MAX_CERTIFICATES: '2' } });
    try {
      const now = t.clock.now().getTime();
      const ids: Record<string, number> = {};
      for (const [name, notAfter] of [
        ['ancient.example.com', now - 60 * DAY],
        ['recent.example.com', now - 2 * DAY],
        ['soon.example.com', now + 10 * DAY],
        ['late.example.com', now + 300 * DAY],
      ] as const) {
        const pem = aCertificate({ commonName: name, sans: [name], notBefore: new Date(now - 400 * DAY), notAfter: new Date(notAfter) });
        const res = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/import`, { key: t.keys.editor, body: { certificateBody: pem.certPem, scopeId: 0 } });
        expect(res.statusCode, res.body).toBe(200);
        ids[name] = res.json().result.id;
      }
      const text = (await t.call('GET', '/metrics')).body;
      assertExposition(text);
      for (const family of ['certkeeper_certificate_not_after_seconds', 'certkeeper_certificate_days_left', 'certkeeper_certificate_status']) {
        expect(seriesOf(text, family).map((x) => x.labels.name)).toEqual(['recent.example.com', 'soon.example.com']);
      }
      expect(seriesOf(text, 'certkeeper_certificate_days_left').map((x) => x.value)).toEqual([-2, 10]);
      expect(seriesOf(text, 'certkeeper_certificate_series_omitted')).toEqual([{ labels: {}, value: 2 }]);
    } finally {
      await t.close();
    }
  });
});

describe.each(dialects)('GET /metrics over two projects on %s', (dialect) => {
  let t: TestApp;
  let other: { projectId: string; adminKey: string };
  const ids: Record<string, number> = {};
  let now: number;

  beforeAll(async () => {
    t = await createTestApp({ dialect });
    now = t.clock.now().getTime();
    other = await t.otherTenant();
    const certs = [
      { name: 'live.example.com', project: t.project.id, key: t.keys.editor, notAfter: now + 45 * DAY + 3_600_000 },
      { name: 'gone.example.com', project: t.project.id, key: t.keys.editor, notAfter: now - 2 * DAY - 3_600_000 },
      { name: 'other.example.net', project: other.projectId, key: other.adminKey, notAfter: now + 400 * DAY },
    ];
    for (const c of certs) {
      const pem = aCertificate({ commonName: c.name, sans: [c.name], notBefore: new Date(now - 30 * DAY), notAfter: new Date(c.notAfter) });
      const res = await t.call('POST', `/api/v1/projects/${c.project}/certificates/import`, { key: c.key, body: { certificateBody: pem.certPem, scopeId: 0 } });
      expect(res.statusCode, res.body).toBe(200);
      ids[c.name] = res.json().result.id;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has not_after, days_left and status per certificate, labelled with project, id, name, kind and source', async () => {
    const res = await t.call('GET', '/metrics');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    const notAfter = seriesOf(text, 'certkeeper_certificate_not_after_seconds');
    const days = seriesOf(text, 'certkeeper_certificate_days_left');
    const status = seriesOf(text, 'certkeeper_certificate_status');
    expect(notAfter).toHaveLength(3);
    const live = { project: t.project.id, id: String(ids['live.example.com']), name: 'live.example.com', kind: 'tls', source: 'imported' };
    expect(notAfter).toContainEqual({ labels: live, value: Math.floor((now + 45 * DAY + 3_600_000) / 1000) });
    expect(days).toContainEqual({ labels: live, value: 45 });
    expect(status).toContainEqual({ labels: { ...live, status: 'active' }, value: 1 });
    const gone = { project: t.project.id, id: String(ids['gone.example.com']), name: 'gone.example.com', kind: 'tls', source: 'imported' };
    expect(days).toContainEqual({ labels: gone, value: -3 });
    expect(status).toContainEqual({ labels: { ...gone, status: 'expired' }, value: 1 });
    const net = { project: other.projectId, id: String(ids['other.example.net']), name: 'other.example.net', kind: 'tls', source: 'imported' };
    expect(days).toContainEqual({ labels: net, value: 400 });
    expect(status).toContainEqual({ labels: { ...net, status: 'active' }, value: 1 });
    // Process metrics and the zero-initialized counters are there too.
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(seriesOf(text, 'certkeeper_issuance_total')).toContainEqual({ labels: { operation: 'renew', outcome: 'failure' }, value: 0 });
    expect(seriesOf(text, 'certkeeper_notifications_total')).toContainEqual({ labels: { channel_type: 'webhook', outcome: 'success' }, value: 0 });
    expect(seriesOf(text, 'certkeeper_probes_total')).toContainEqual({ labels: { protocol: 'tls', outcome: 'unreachable' }, value: 0 });
    assertExposition(text);
  });

  it('says no certificate was left out while the inventory is under CERTKEEPER_METRICS_MAX_CERTIFICATES', async () => {
    expect(seriesOf((await t.call('GET', '/metrics')).body, 'certkeeper_certificate_series_omitted')).toEqual([{ labels: {}, value: 0 }]);
  });

  it('follows the clock: days left and status are computed at scrape time', async () => {
    t.clock.advance(46 * DAY);
    try {
      const text = (await t.call('GET', '/metrics')).body;
      const live = seriesOf(text, 'certkeeper_certificate_status').find((s) => s.labels.name === 'live.example.com');
      expect(live?.labels.status).toBe('expired');
      expect(seriesOf(text, 'certkeeper_certificate_days_left').find((s) => s.labels.name === 'live.example.com')?.value).toBe(-1);
    } finally {
      t.clock.advance(-46 * DAY);
    }
  });

  it('records HTTP durations by route pattern, never the raw path; unmatched routes share one label value', async () => {
    await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${ids['live.example.com']}`, { key: t.keys.viewer });
    await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/999999`, { key: t.keys.viewer });
    await t.call('GET', '/no/such/path-12345');
    await t.call('GET', '/another/unknown/path-67890');
    const text = (await t.call('GET', '/metrics')).body;
    const counts = seriesOf(text, 'certkeeper_http_request_duration_seconds_count');
    const byRoute = (route: string, status: string) => counts.find((s) => s.labels.route === route && s.labels.method === 'GET' && s.labels.status_class === status)?.value;
    expect(byRoute('/api/v1/projects/:projectId/certificates/:id', '2xx')).toBe(1);
    expect(byRoute('/api/v1/projects/:projectId/certificates/:id', '4xx')).toBe(1);
    expect(byRoute('unmatched', '4xx')).toBe(2);
    expect(text).not.toContain('path-12345');
    expect(text).not.toContain(t.project.id + '/certificates');
    expect(seriesOf(text, 'certkeeper_http_request_duration_seconds_bucket').some((s) => s.labels.le === '+Inf')).toBe(true);
    assertExposition(text);
  });

  it('without CERTKEEPER_METRICS_TOKEN accepts only a superuser key', async () => {
    expect((await t.call('GET', '/metrics', { key: null })).statusCode).toBe(401);
    expect((await t.call('GET', '/metrics', { key: t.keys.admin })).statusCode).toBe(403);
    expect((await t.call('GET', '/metrics', { key: 'not-a-key' })).statusCode).toBe(401);
  });
});

describe.each(dialects)('metrics protection on %s', (dialect) => {
  it('CERTKEEPER_METRICS_TOKEN: that Bearer token or a superuser key; 401 otherwise, with WWW-Authenticate', async () => {
    const t = await createTestApp({ dialect, env: { CERTKEEPER_METRICS_TOKEN: METRICS_TOKEN } });
    try {
      expect((await t.call('GET', '/metrics', { key: METRICS_TOKEN })).statusCode).toBe(200);
      expect((await t.call('GET', '/metrics', { key: SUPER_TOKEN })).statusCode).toBe(200);
      const anonymous = await t.call('GET', '/metrics', { key: null });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(anonymous.json()).toMatchObject({ success: false, code: 'unauthorized' });
      expect((await t.call('GET', '/metrics', { key: `${METRICS_TOKEN}x` })).statusCode).toBe(401);
      expect((await t.call('GET', '/metrics', { key: t.keys.viewer })).statusCode).toBe(403);
      // The token opens /metrics only, not the API.
      expect((await t.call('GET', `/api/v1/projects/${t.project.id}/certificates`, { key: METRICS_TOKEN })).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('CERTKEEPER_METRICS_PUBLIC=true opens it', async () => {
    const t = await createTestApp({ dialect, env: { CERTKEEPER_METRICS_PUBLIC: 'true' } });
    try {
      expect((await t.call('GET', '/metrics', { key: null })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('rejects a short token and a non-boolean CERTKEEPER_METRICS_PUBLIC', () => {
    expect(() => loadConfig({ CERTKEEPER_METRICS_TOKEN: 'short' })).toThrow(/at least 32/);
    expect(() => loadConfig({ CERTKEEPER_METRICS_PUBLIC: 'maybe' })).toThrow(/true or false/);
  });
});

describe('certificate series (unit)', () => {
  const row = (id: number, over: Partial<CertificateMetricRow> = {}): CertificateMetricRow => ({
    id, projectId: 'p1', domainName: `h${id}.example`, kind: 'tls', source: 'acme', status: 'issued', notAfter: 2_000_000_000_000, issued: true, ...over,
  });

  it('pages by id through the repository and keeps each family contiguous; a not-yet-issued slot has only a status', async () => {
    const rows = [row(1), row(2, { issued: false, notAfter: 0, status: 'pending_validation' }), row(5, { domainName: 'we"ird\\name' }), row(9, { status: 'revoked' })];
    const calls: Array<[number, number]> = [];
    const repo = {
      scanForMetrics: async (afterId: number, limit: number) => {
        calls.push([afterId, limit]);
        return rows.filter((r) => r.id > afterId).slice(0, limit);
      },
      // Without a cap the soonest-first read is never made.
      soonestForMetrics: async () => {
        throw new Error('soonestForMetrics called without a cap');
      },
    };
    let text = '';
    for await (const chunk of certificateSeries(repo, new Date(1_900_000_000_000), 2)) text += chunk;
    expect(calls.slice(0, 3)).toEqual([[0, 2], [2, 2], [9, 2]]);
    expect(calls).toHaveLength(9);
    assertExposition(text);
    expect(seriesOf(text, 'certkeeper_certificate_not_after_seconds').map((s) => s.labels.id)).toEqual(['1', '5', '9']);
    expect(seriesOf(text, 'certkeeper_certificate_status').map((s) => s.labels.status)).toEqual(['active', 'pending_validation', 'active', 'revoked']);
    expect(text).toContain(`name="${escapeLabelValue('we"ird\\name')}"`);
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
  });

  it('PrometheusMetrics counts issuance, notifications and probes by label', async () => {
    const m = new PrometheusMetrics({ defaultMetrics: false });
    m.issuance('renew', 'success');
    m.issuance('renew', 'success');
    m.notification('email', 'failure');
    m.probe('smtp', 'unreachable');
    m.observeHttp('BREW', undefined, 418, 0.01);
    const text = await m.text();
    assertExposition(text);
    expect(seriesOf(text, 'certkeeper_issuance_total')).toContainEqual({ labels: { operation: 'renew', outcome: 'success' }, value: 2 });
    expect(seriesOf(text, 'certkeeper_notifications_total')).toContainEqual({ labels: { channel_type: 'email', outcome: 'failure' }, value: 1 });
    expect(seriesOf(text, 'certkeeper_probes_total')).toContainEqual({ labels: { protocol: 'smtp', outcome: 'unreachable' }, value: 1 });
    expect(seriesOf(text, 'certkeeper_http_request_duration_seconds_count')).toContainEqual({ labels: { method: 'OTHER', route: 'unmatched', status_class: '4xx' }, value: 1 });
  });
});

describe.each(dialects)('issuance counters on a real ACME flow (Pebble) on %s', (dialect) => {
  let pebble: Pebble;
  let t: TestApp;
  let http01: Server;

  beforeAll(async () => {
    pebble = await startPebble();
    const caFile = path.join(process.env.TMPDIR ?? '/tmp', `certkeeper-metrics-pebble-ca-${process.pid}-${Date.now()}.pem`);
    writeFileSync(caFile, pebble.caPem);
    t = await createTestApp({
      dialect,
      clock: new FakeClock(new Date()),
      env: { CERTKEEPER_ACME_DIRECTORY_URL: pebble.directoryUrl, CERTKEEPER_ACME_CA_FILE: caFile, CERTKEEPER_ACME_EMAIL: 'ops@example.test', CERTKEEPER_INSTANCE_ID: 'metrics-a' },
    });
    http01 = (await startHttp01Listener(t.services.managed, '127.0.0.1', pebble.httpPort)).server;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => http01?.close(resolve));
    await t?.close();
    await pebble?.stop();
  });

  it('counts a refused validation, an issuance and a renewal', async () => {
    const count = async (operation: string, outcome: string) =>
      seriesOf((await t.call('GET', '/metrics')).body, 'certkeeper_issuance_total').find((s) => s.labels.operation === operation && s.labels.outcome === outcome)?.value;
    const base = `/api/v1/projects/${t.project.id}/certificates`;

    const wrong = (await t.call('POST', base, { key: t.keys.editor, body: { domainName: 'wrong.example.test', scopeId: 0 } })).json().result;
    await pebble.challtestsrv.setTxt('_acme-challenge.wrong.example.test.', 'not-the-right-value');
    const refused = await t.call('PUT', `${base}/${wrong.id}/validate`, { key: t.keys.editor });
    expect(refused.json().code, refused.body).toBe('acme_validation_failed');
    expect(await count('issue', 'failure')).toBe(1);

    const res = await t.call('POST', base, { key: t.keys.editor, body: { domainName: 'metrics.example.test', scopeId: 0, challengeType: 'http-01' } });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().result.id as number;
    await t.services.managed.idle();
    const issued = (await t.call('GET', `${base}/${id}`, { key: t.keys.viewer })).json().result;
    expect(issued.certificateStatus).toBe('Active');
    expect(await count('issue', 'success')).toBe(1);

    t.clock.set(new Date(new Date(issued.managed.renewAt).getTime() + 1000));
    expect((await t.services.managed.runDue()).attempted).toBeGreaterThanOrEqual(1);
    expect(await count('renew', 'success')).toBe(1);
    expect(await count('renew', 'failure')).toBe(0);
    // The managed certificate is a series like any other, source "acme".
    const status = seriesOf((await t.call('GET', '/metrics')).body, 'certkeeper_certificate_status').find((s) => s.labels.id === String(id));
    expect(status?.labels).toMatchObject({ source: 'acme', status: 'active', name: 'metrics.example.test' });
  }, 60_000);
});
