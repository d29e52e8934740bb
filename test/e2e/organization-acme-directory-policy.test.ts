/**
 * An organization's ACME directory obeys the outbound address policy at connect time, through
 * the API. The directory itself sits on an allowed loopback port, but hands out a URL on an
 * address CERTKEEPER_OUTBOUND_DENY covers (a hostile directory can point its resources
 * anywhere): for newNonce, or for newOrder (the rest is Pebble's, so the account registers).
 * Nothing connects to the denied address (a listener there counts connections), the attempt
 * fails with the refusal as the certificate's stored problem, and the API answers 400 with it,
 * never a 500. The server's own directory (a Pebble) issued the certificate first.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import https from 'node:https';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../../src/services/api-key-secret.js';
import { startPebble, type Pebble } from '../support/pebble.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { createTestCa } from '../support/test-ca.js';
import { FakeClock } from '../support/fake-clock.js';

// 127.0.0.2 is loopback too (127.0.0.0/8): the deny list covers the listener and nothing else the test uses.
const DENIED_HOST = '127.0.0.2';

describe.each(dialects)("an organization's ACME directory and the outbound policy on %s", (dialect) => {
  let pebble: Pebble;
  let t: TestApp;
  let listener: Server;
  let accepted = 0;
  const sockets = new Set<Socket>();
  /** The organization's directory: Pebble's, with one resource moved to the denied address. */
  let hostile: https.Server;
  let hostileBase: string;
  const directoryReads: string[] = [];
  let orgAdmin: string;
  let certificateId: number;

  const base = () => `/api/v1/projects/${t.project.id}/certificates`;
  const deniedUrl = (p: string) => `https://${DENIED_HOST}:${(listener.address() as { port: number }).port}${p}`;

  function getJson(url: string, ca: string): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      https
        .get(url, { ca, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>));
          res.on('error', reject);
        })
        .on('error', reject);
    });
  }

  beforeAll(async () => {
    listener = createServer((socket) => {
      accepted++;
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, DENIED_HOST, resolve));
    pebble = await startPebble();
    const pebbleDirectory = await getJson(pebble.directoryUrl, pebble.caPem);

    const day = 86_400_000;
    const tlsCa = createTestCa({ name: 'certkeeper hostile directory', notBefore: new Date(Date.now() - day), notAfter: new Date(Date.now() + 7 * day) });
    const tlsCert = tlsCa.issue({ sans: ['127.0.0.1'], notBefore: new Date(Date.now() - day), notAfter: new Date(Date.now() + 7 * day) });
    const moved: Record<string, Record<string, string>> = {
      '/nonce-elsewhere': { newNonce: deniedUrl('/nonce') },
      '/order-elsewhere': { newOrder: deniedUrl('/order') },
    };
    hostile = https.createServer({ cert: tlsCert.fullchainPem, key: tlsCert.keyPem }, (req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      directoryReads.push(path);
      if (req.method !== 'GET' || !moved[path]) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...pebbleDirectory, ...moved[path] }));
    });
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
    hostileBase = `https://127.0.0.1:${(hostile.address() as { port: number }).port}`;

    const caFile = path.join(process.env.TMPDIR ?? '/tmp', `certkeeper-pebble-ca-org-policy-${process.pid}-${Date.now()}.pem`);
    writeFileSync(caFile, pebble.caPem + tlsCa.root.certPem);
    t = await createTestApp({
      dialect,
      clock: new FakeClock(new Date()),
      env: { CERTKEEPER_ACME_DIRECTORY_URL: pebble.directoryUrl, CERTKEEPER_ACME_CA_FILE: caFile, CERTKEEPER_INSTANCE_ID: 'org-policy-test', CERTKEEPER_OUTBOUND_DENY: DENIED_HOST },
    });
    const key = generateApiKey();
    await t.services.store.apiKeys.insert({ id: randomUUID(), organizationId: t.org.id, projectId: null, name: 'org-wide admin', role: 'admin', superuser: false, keyHash: hashApiKey(key), prefix: apiKeyPrefix(key), createdAt: t.clock.now(), revokedAt: null });
    orgAdmin = key;

    // Issued from the server's directory (manual dns-01), before the organization sets its own.
    const created = await t.call('POST', base(), { key: t.keys.editor, body: { domainName: 'policy.org-directory.example.test' } });
    expect(created.statusCode, created.body).toBe(200);
    certificateId = created.json().result.id;
    for (const r of created.json().result.dnsRecords) await pebble.challtestsrv.setTxt(`${r.key}.`, r.value);
    const validated = await t.call('PUT', `${base()}/${certificateId}/validate`, { key: t.keys.editor });
    expect(validated.statusCode, validated.body).toBe(200);
    expect(validated.json().result.certificateStatus).toBe('Active');
  }, 60_000);

  afterAll(async () => {
    await t?.services.managed.idle();
    await t?.close();
    await pebble?.stop();
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => listener?.close(resolve));
    hostile?.closeAllConnections();
    await new Promise((resolve) => hostile?.close(resolve));
  });

  const setDirectory = async (acmeDirectoryUrl: string) => {
    // Saved: the directory's own host (127.0.0.1) is allowed.
    const res = await t.call('PUT', `/api/v1/organizations/${t.org.id}/settings`, { key: orgAdmin, body: { acmeDirectoryUrl } });
    expect(res.statusCode, res.body).toBe(200);
  };

  describe("a URL an organization's directory hands out, on a denied address", () => {
    it('newNonce: the renewal fails with the refusal stored, nothing connects there; 400, not 500', async () => {
      await setDirectory(`${hostileBase}/nonce-elsewhere`);
      const res = await t.call('POST', `${base()}/${certificateId}/renew`, { key: t.keys.editor });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ success: false, code: 'acme_directory_forbidden', result: { id: certificateId, certificateStatus: 'Active' } });
      expect(res.json().errors[0]).toContain(`${deniedUrl('/nonce')}): ${DENIED_HOST} is refused: it is in CERTKEEPER_OUTBOUND_DENY`);
      expect(directoryReads).toContain('/nonce-elsewhere');

      const c = (await t.call('GET', `${base()}/${certificateId}`, { key: t.keys.viewer })).json().result;
      expect(c.managed.lastProblem).toEqual({
        type: 'certkeeper:acme_directory_forbidden',
        detail: `ACME request refused (HEAD ${deniedUrl('/nonce')}): ${DENIED_HOST} is refused: it is in CERTKEEPER_OUTBOUND_DENY`,
      });
      expect(c.managed.failureCount).toBe(1);
      expect(c.managed.nextAttemptAt).not.toBeNull();
      expect(accepted).toBe(0);
    });

    it('newOrder: the account registers at Pebble, the order is refused before connecting, stored; 400, not 500', async () => {
      await setDirectory(`${hostileBase}/order-elsewhere`);
      const res = await t.call('POST', `${base()}/${certificateId}/renew`, { key: t.keys.editor });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ success: false, code: 'acme_directory_forbidden' });
      // The account of this directory was registered (its newAccount is Pebble's, allowed).
      const account = await t.services.store.managed.getAccount(t.org.id, `${hostileBase}/order-elsewhere`);
      expect(account?.accountUrl).toMatch(new RegExp(`^${new URL(pebble.directoryUrl).origin}/`));

      const c = (await t.call('GET', `${base()}/${certificateId}`, { key: t.keys.viewer })).json().result;
      expect(c.managed.lastProblem).toEqual({
        type: 'certkeeper:acme_directory_forbidden',
        detail: `ACME request refused (POST ${deniedUrl('/order')}): ${DENIED_HOST} is refused: it is in CERTKEEPER_OUTBOUND_DENY`,
      });
      expect(c.managed.failureCount).toBe(2);
      expect(accepted).toBe(0);
    });

    it('a new certificate under that directory is refused at once with the same code', async () => {
      const res = await t.call('POST', base(), { key: t.keys.editor, body: { domainName: 'new.org-directory.example.test' } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ success: false, code: 'acme_directory_forbidden' });
      expect(res.json().errors[0]).toMatch(/is refused: it is in CERTKEEPER_OUTBOUND_DENY/);
      expect(accepted).toBe(0);
    });

    it('the scheduled retry fails the same way, also when the attempt runs in the background', async () => {
      await setDirectory(`${hostileBase}/nonce-elsewhere`);
      const before = (await t.call('GET', `${base()}/${certificateId}`, { key: t.keys.viewer })).json().result.managed;
      t.clock.set(new Date(new Date(before.nextAttemptAt).getTime() + 1000));
      expect(await t.services.managed.runDue()).toEqual({ attempted: 1, failed: 1 });
      const c = (await t.call('GET', `${base()}/${certificateId}`, { key: t.keys.viewer })).json().result;
      expect(c.managed).toMatchObject({ failureCount: 3, lastProblem: { type: 'certkeeper:acme_directory_forbidden' } });
      expect(c.certificateStatus).toBe('Active');
      expect(accepted).toBe(0);
    });
  });
});
