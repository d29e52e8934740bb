import { afterEach, describe, expect, it } from 'vitest';
import { AddressPolicy, type AddressPolicySettings, type Resolve } from '../../src/net/address-policy.js';
import type { ProbeOptions, ProbeResult } from '../../src/probe/probe-endpoint.js';
import { EndpointService } from '../../src/services/endpoint-service.js';
import { FakeClock } from '../support/fake-clock.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

describe.each(dialects)('endpoint probes through the outbound policy on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const open = async (env?: Record<string, string>) => {
    t = await createTestApp({ dialect, clock: new FakeClock(new Date()), env });
    return t;
  };
  const createEndpoint = async (app: TestApp, host: string) => {
    const res = await app.call('POST', `/api/v1/projects/${app.project.id}/endpoints`, { key: app.keys.editor, body: { host, port: 443, protocol: 'tls' } });
    return { status: res.statusCode, body: res.json() };
  };

  describe('endpoint probes through CERTKEEPER_OUTBOUND_ALLOW / _DENY (the API)', () => {
    it('refuses a link-local address by default, naming CERTKEEPER_OUTBOUND_ALLOW', async () => {
      const app = await open();
      const got = await createEndpoint(app, '169.254.10.1');
      expect(got.status).toBe(400);
      expect(got.body).toMatchObject({ code: 'probe_address_refused', errors: [expect.stringMatching(/^169\.254\.10\.1 is refused: IPv4 link-local.*CERTKEEPER_OUTBOUND_ALLOW/)] });
    });

    it('allows it when CERTKEEPER_OUTBOUND_ALLOW lists it', async () => {
      const app = await open({ CERTKEEPER_OUTBOUND_ALLOW: '169.254.10.0/24' });
      expect((await createEndpoint(app, '169.254.10.1')).status).toBe(200);
      expect((await createEndpoint(app, '169.254.169.254')).body.code).toBe('probe_address_refused');
    });

    it('allows it when the deprecated CERTKEEPER_PROBE_ALLOW lists it', async () => {
      const app = await open({ CERTKEEPER_PROBE_ALLOW: '169.254.10.0/24' });
      expect((await createEndpoint(app, '169.254.10.1')).status).toBe(200);
    });

    it('refuses loopback listed in CERTKEEPER_OUTBOUND_DENY, as an address or through a name, even when also allowed', async () => {
      const app = await open({ CERTKEEPER_OUTBOUND_DENY: '127.0.0.0/8', CERTKEEPER_OUTBOUND_ALLOW: '127.0.0.1' });
      const literal = await createEndpoint(app, '127.0.0.1');
      expect(literal.status).toBe(400);
      expect(literal.body).toMatchObject({ code: 'probe_address_refused', errors: [expect.stringMatching(/CERTKEEPER_OUTBOUND_DENY/)] });
      // localhost resolves (from /etc/hosts) to 127.0.0.1.
      const named = await createEndpoint(app, 'localhost');
      expect(named.status).toBe(400);
      expect(named.body).toMatchObject({ code: 'probe_address_refused', errors: [expect.stringMatching(/^localhost resolves to 127\.0\.0\.1 is refused: it is in CERTKEEPER_OUTBOUND_DENY/)] });
      expect((await createEndpoint(app, '10.1.2.3')).status).toBe(200);
    });
  });

  describe('scheduled probes through the policy (no connection unless allowed)', () => {
    /** The app's services, with the endpoint service on its own policy and a probe that only records what it was asked. */
    const servicesWith = (app: TestApp, settings: AddressPolicySettings, resolve?: Resolve) => {
      const probed: ProbeOptions[] = [];
      const probe = async (options: ProbeOptions): Promise<ProbeResult> => {
        probed.push(options);
        return {
          host: options.host, port: options.port, protocol: options.protocol ?? 'tls', serverName: options.serverName ?? null, checkedName: options.serverName ?? options.host,
          address: null, chain: [], tlsVersion: null, cipher: null, chainTrusted: null, trustError: null, nameMatches: null, nameError: null,
          timings: { connectMs: null, startTlsMs: null, handshakeMs: null, totalMs: 0 },
          error: { code: 'connection_refused', step: 'connect', message: 'recorded, not connected' },
        };
      };
      const s = app.services;
      const endpoints = new EndpointService(s.store, s.access, s.inventory, app.clock, { intervalMs: 3_600_000 }, new AddressPolicy(settings, resolve), undefined, undefined, probe);
      return { endpoints, probed };
    };
    const lastProbe = async (app: TestApp, id: number) => (await app.call('GET', `/api/v1/projects/${app.project.id}/endpoints/${id}`, { key: app.keys.viewer })).json().result.lastProbe;

    it('records address_refused for a denied loopback endpoint and never probes it', async () => {
      const app = await open();
      const created = await createEndpoint(app, '127.0.0.1');
      expect(created.status).toBe(200);
      const { endpoints, probed } = servicesWith(app, { deny: ['127.0.0.1'] });
      expect(await endpoints.probeDue(10)).toEqual({ probed: 1, failed: 1 });
      expect(probed).toEqual([]);
      expect(await lastProbe(app, created.body.result.id)).toMatchObject({ error: { code: 'address_refused', step: 'connect', message: expect.stringMatching(/CERTKEEPER_OUTBOUND_DENY/) } });
    });

    it('refuses a name that now resolves to a metadata address; probes the checked address of a name that does not', async () => {
      const app = await open();
      // Stored directly (the API would resolve the name now): what it resolves to is checked at each probe.
      const endpoint = await app.services.store.endpoints.insert({ projectId: app.project.id, organizationId: app.org.id, host: 'probe.test', port: 443, serverName: null, protocol: 'tls', createdAt: app.clock.now() });
      const created = { body: { result: endpoint } };
      const bad = servicesWith(app, {}, async () => ['169.254.169.254']);
      await bad.endpoints.probeDue(10);
      expect(bad.probed).toEqual([]);
      expect(await lastProbe(app, created.body.result.id)).toMatchObject({ error: { code: 'address_refused', message: expect.stringMatching(/^probe\.test resolves to 169\.254\.169\.254 is refused: .*CERTKEEPER_OUTBOUND_ALLOW/) } });

      app.clock.advance(3_600_000);
      const good = servicesWith(app, {}, async () => ['127.0.0.1']);
      await good.endpoints.probeDue(10);
      // The probe connects to the address checked, with the name as SNI.
      expect(good.probed).toMatchObject([{ host: '127.0.0.1', serverName: 'probe.test' }]);
    });

    it('probes a link-local endpoint once CERTKEEPER_OUTBOUND_ALLOW lists it (recorded, not connected)', async () => {
      const app = await open({ CERTKEEPER_OUTBOUND_ALLOW: '169.254.10.0/24' });
      expect((await createEndpoint(app, '169.254.10.1')).status).toBe(200);
      const refused = servicesWith(app, {});
      await refused.endpoints.probeDue(10);
      expect(refused.probed).toEqual([]);
      app.clock.advance(3_600_000);
      const allowed = servicesWith(app, { allow: app.services.config.outboundAllow });
      await allowed.endpoints.probeDue(10);
      expect(allowed.probed).toMatchObject([{ host: '169.254.10.1' }]);
    });
  });
});
