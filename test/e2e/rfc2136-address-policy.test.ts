/**
 * The outbound address policy at connect time, through the API: a project's RFC 2136 server
 * saved while it was allowed (here: before the operator listed it in CERTKEEPER_OUTBOUND_DENY;
 * a name re-pointed since is the same case) is refused when the attempt connects. No
 * connection is made, the attempt fails with the refusal as the certificate's stored problem,
 * and a validate call answers 400 with it, never a 500. Pebble creates the orders.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealedSecretAad } from '../../src/secrets/sealed-secret-aad.js';
import { startPebble, type Pebble } from '../support/pebble.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { FakeClock } from '../support/fake-clock.js';

describe.each(dialects)('RFC 2136 and the outbound policy against Pebble on %s', (dialect) => {
  let pebble: Pebble;
  let t: TestApp;
  let listener: Server;
  let accepted = 0;
  const sockets = new Set<Socket>();

  // 127.0.0.2 is loopback too (127.0.0.0/8): the deny list covers the listener and nothing else the test uses.
  const LISTENER_HOST = '127.0.0.2';

  beforeAll(async () => {
    listener = createServer((socket) => {
      accepted++;
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => listener.listen(0, LISTENER_HOST, resolve));
    pebble = await startPebble();
    const caFile = path.join(process.env.TMPDIR ?? '/tmp', `certkeeper-pebble-ca-policy-${process.pid}-${Date.now()}.pem`);
    writeFileSync(caFile, pebble.caPem);
    t = await createTestApp({
      dialect,
      clock: new FakeClock(new Date()),
      env: { CERTKEEPER_ACME_DIRECTORY_URL: pebble.directoryUrl, CERTKEEPER_ACME_CA_FILE: caFile, CERTKEEPER_INSTANCE_ID: 'policy-test', CERTKEEPER_OUTBOUND_DENY: LISTENER_HOST },
    });
  }, 60_000);

  afterAll(async () => {
    await t?.services.managed.idle();
    await t?.close();
    await pebble?.stop();
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => listener?.close(resolve));
  });

  describe('an RFC 2136 server the policy refuses at connect time', () => {
    it('is refused when saved through the API', async () => {
      const port = (listener.address() as { port: number }).port;
      const res = await t.call('PUT', `/api/v1/projects/${t.project.id}/settings`, {
        key: t.keys.admin,
        body: { dnsProvider: { type: 'rfc2136', server: LISTENER_HOST, port, zone: 'example.test', keyName: 'k', secret: randomBytes(32).toString('base64') } },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('dns_provider_address_forbidden');
      expect(accepted).toBe(0);
    });

    it('fails the attempt with the refusal stored, with no connection made; validate answers 400 with it', async () => {
      const port = (listener.address() as { port: number }).port;
      // Saved while it was allowed: the settings row as the API stored it then.
      await t.services.store.managed.putProjectSettings({
        projectId: t.project.id,
        renewBeforeDays: null,
        dnsProvider: {
          type: 'rfc2136',
          settings: { server: LISTENER_HOST, port, zone: 'example.test', keyName: 'k', algorithm: 'hmac-sha256' },
          sealedSecret: t.services.box.seal(Buffer.from(randomBytes(32).toString('base64')), sealedSecretAad.dnsProviderSecret(t.project.id)),
        },
        updatedAt: t.clock.now(),
      });
      const base = `/api/v1/projects/${t.project.id}/certificates`;
      const created = await t.call('POST', base, { key: t.keys.editor, body: { domainName: 'refused.example.test' } });
      expect(created.statusCode, created.body).toBe(200);
      const id = created.json().result.id;
      await t.services.managed.idle();

      const c = (await t.call('GET', `${base}/${id}`, { key: t.keys.viewer })).json().result;
      expect(c.certificateStatus).toBe('Failed');
      expect(c.managed.lastProblem).toEqual({
        type: 'certkeeper:dns_provider_address_forbidden',
        detail: `DNS server ${LISTENER_HOST}:${port}: ${LISTENER_HOST} is refused: it is in CERTKEEPER_OUTBOUND_DENY`,
      });
      expect(c.managed.failureCount).toBe(1);

      const validate = await t.call('PUT', `${base}/${id}/validate`, { key: t.keys.editor });
      expect(validate.statusCode, validate.body).toBe(400);
      expect(validate.json()).toMatchObject({ success: false, code: 'dns_provider_address_forbidden', result: { id, certificateStatus: 'Failed' } });
      expect(validate.json().errors[0]).toMatch(/is refused: it is in CERTKEEPER_OUTBOUND_DENY/);
      expect(accepted).toBe(0);
    });
  });
});
