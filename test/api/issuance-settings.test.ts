/**
 * Issuance settings over the API: a project's renewal lead time and DNS-01 provider (secret
 * sealed, never shown, kept when omitted), an organization's ACME directory; who may change
 * them; bad input refused with stable codes.
 */
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

describe.each(dialects)('issuance settings on %s', (dialect) => {
  let t: TestApp;
  let url: string;
  const tsigSecret = randomBytes(32).toString('base64');

  beforeAll(async () => {
    const hookDir = mkdtempSync(path.join(tmpdir(), 'certkeeper-hooks-'));
    writeFileSync(path.join(hookDir, 'publish.sh'), '#!/bin/sh\nexit 0\n');
    chmodSync(path.join(hookDir, 'publish.sh'), 0o755);
    t = await createTestApp({ dialect, env: { CERTKEEPER_DNS_HOOK_DIR: hookDir } });
    url = `/api/v1/projects/${t.project.id}/settings`;
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('project issuance settings', () => {
    it('start empty, and viewers can read them', async () => {
      const res = await t.call('GET', url, { key: t.keys.viewer });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().result).toEqual({ renewBeforeDays: null, dnsProvider: null, updatedAt: null });
    });

    it('store an RFC 2136 provider with its TSIG secret sealed: never returned, not in the database in clear, kept when omitted', async () => {
      const body = { renewBeforeDays: 20, dnsProvider: { type: 'rfc2136', server: '127.0.0.1', port: 5353, zone: 'example.test', keyName: 'certkeeper-key', algorithm: 'hmac-sha256', secret: tsigSecret } };
      const res = await t.call('PUT', url, { key: t.keys.admin, body });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().result).toMatchObject({
        renewBeforeDays: 20,
        dnsProvider: { type: 'rfc2136', server: '127.0.0.1', port: 5353, zone: 'example.test', keyName: 'certkeeper-key', algorithm: 'hmac-sha256', hasSecret: true },
      });
      expect(res.body).not.toContain(tsigSecret);
      const stored = await t.services.store.managed.getProjectSettings(t.project.id);
      expect(stored!.dnsProvider!.sealedSecret!.toString('latin1')).not.toContain(tsigSecret);
      expect(t.services.box.open(stored!.dnsProvider!.sealedSecret!, `dns-provider:${t.project.id}`).toString()).toBe(tsigSecret);

      // Changing only the zone keeps the secret; leaving dnsProvider out keeps the provider.
      const moved = await t.call('PUT', url, { key: t.keys.admin, body: { dnsProvider: { type: 'rfc2136', server: '127.0.0.1', zone: 'other.test', keyName: 'certkeeper-key' } } });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json().result).toMatchObject({ renewBeforeDays: 20, dnsProvider: { zone: 'other.test', port: 53, hasSecret: true } });
      const lead = await t.call('PUT', url, { key: t.keys.admin, body: { renewBeforeDays: 30 } });
      expect(lead.json().result).toMatchObject({ renewBeforeDays: 30, dnsProvider: { type: 'rfc2136', zone: 'other.test' } });

      const events = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=project.settings_changed`, { key: t.keys.viewer })).json();
      expect(events.result.length).toBe(3);
      expect(JSON.stringify(events.result)).not.toContain(tsigSecret);
    });

    it('an exec hook must name a file in the hook directory; null clears the provider', async () => {
      const ok = await t.call('PUT', url, { key: t.keys.admin, body: { dnsProvider: { type: 'exec', hook: 'publish.sh' } } });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().result.dnsProvider).toEqual({ type: 'exec', hook: 'publish.sh', hasSecret: false });
      for (const hook of ['../publish.sh', '/bin/sh', '.hidden']) {
        const res = await t.call('PUT', url, { key: t.keys.admin, body: { dnsProvider: { type: 'exec', hook } } });
        expect(res.statusCode, hook).toBe(400);
        expect(res.json().code).toBe('dns_provider_invalid');
      }
      const cleared = await t.call('PUT', url, { key: t.keys.admin, body: { dnsProvider: null, renewBeforeDays: null } });
      expect(cleared.json().result).toMatchObject({ renewBeforeDays: null, dnsProvider: null });
    });

    it('refuses what could never work with a precise 400', async () => {
      const cases: Array<[unknown, string]> = [
        [{ renewBeforeDays: 0 }, 'validation_failed'],
        [{ renewBeforeDays: 1.5 }, 'validation_failed'],
        [{ dnsProvider: { type: 'rfc2136', server: '127.0.0.1', keyName: 'k' } }, 'dns_provider_invalid'], // no secret stored yet
        [{ dnsProvider: { type: 'rfc2136', server: '127.0.0.1', keyName: 'k', secret: 'not base64!' } }, 'dns_provider_invalid'],
        [{ dnsProvider: { type: 'rfc2136', server: '127.0.0.1', keyName: 'k', secret: 'c2hvcnQ=' } }, 'dns_provider_invalid'], // 5 bytes
        [{ dnsProvider: { type: 'rfc2136', server: '127.0.0.1', keyName: 'k', secret: tsigSecret, algorithm: 'md5' } }, 'validation_failed'],
        [{ dnsProvider: { type: 'rfc2136', server: '127.0.0.1', keyName: 'k', secret: tsigSecret, zone: 'bad..zone' } }, 'dns_provider_invalid'],
        [{ dnsProvider: { type: 'route53', key: 'x' } }, 'validation_failed'],
        [{ unknown: true }, 'validation_failed'],
      ];
      for (const [body, code] of cases) {
        const res = await t.call('PUT', url, { key: t.keys.admin, body });
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().code, JSON.stringify(body)).toBe(code);
      }
      expect((await t.call('GET', url)).json().result.dnsProvider).toBeNull();
    });

    it('refuses an RFC 2136 server the outbound policy refuses (metadata, link-local, by name too), storing nothing', async () => {
      for (const server of ['169.254.169.254', ' 169.254.169.254 ', '::ffff:169.254.169.254', 'fe80::1', '[fe80::1]', 'metadata.google.internal', 'METADATA.GOOGLE.INTERNAL.', '100.100.100.200']) {
        const res = await t.call('PUT', url, { key: t.keys.admin, body: { dnsProvider: { type: 'rfc2136', server, keyName: 'k', secret: tsigSecret } } });
        expect(res.statusCode, server).toBe(400);
        expect(res.json().code, server).toBe('dns_provider_address_forbidden');
        expect(res.json().errors[0], server).toMatch(/^dnsProvider\.server: .* is refused: .*CERTKEEPER_OUTBOUND_ALLOW/);
      }
      expect((await t.call('GET', url)).json().result.dnsProvider).toBeNull();
    });

    it('refuses a server CERTKEEPER_OUTBOUND_DENY covers, as an address or a name resolving to it; allows it through CERTKEEPER_OUTBOUND_ALLOW', async () => {
      const denied = await createTestApp({ dialect, env: { CERTKEEPER_OUTBOUND_DENY: '127.0.0.0/8', CERTKEEPER_OUTBOUND_ALLOW: '169.254.10.53' } });
      try {
        const put = (server: string) =>
          denied.call('PUT', `/api/v1/projects/${denied.project.id}/settings`, { key: denied.keys.admin, body: { dnsProvider: { type: 'rfc2136', server, keyName: 'k', secret: tsigSecret } } });
        const literal = await put('127.0.0.1');
        expect(literal.statusCode).toBe(400);
        expect(literal.json()).toMatchObject({ code: 'dns_provider_address_forbidden', errors: ['dnsProvider.server: 127.0.0.1 is refused: it is in CERTKEEPER_OUTBOUND_DENY'] });
        // localhost resolves (from /etc/hosts) to 127.0.0.1.
        const named = await put('localhost');
        expect(named.statusCode).toBe(400);
        expect(named.json().errors[0]).toMatch(/^dnsProvider\.server: localhost resolves to .* is refused: it is in CERTKEEPER_OUTBOUND_DENY$/);
        expect((await put('169.254.10.53')).statusCode).toBe(200);
        expect((await put('10.0.0.53')).statusCode).toBe(200);
      } finally {
        await denied.close();
      }
    });

    it('only admins change them; other projects are not found', async () => {
      const res = await t.call('PUT', url, { key: t.keys.editor, body: { renewBeforeDays: 10 } });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
      const other = await t.otherTenant();
      const foreign = await t.call('GET', url, { key: other.adminKey });
      expect(foreign.statusCode).toBe(404);
      expect((await t.call('PUT', url, { key: null, body: {} })).statusCode).toBe(401);
    });
  });

  describe('organization ACME settings', () => {
    it('a superuser sets the directory and contact; https only; project keys may not', async () => {
      const orgUrl = `/api/v1/organizations/${t.org.id}/settings`;
      const res = await t.call('PUT', orgUrl, { body: { acmeDirectoryUrl: 'https://acme.example.test/directory', acmeContactEmail: 'pki@example.test' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().result).toMatchObject({ acmeDirectoryUrl: 'https://acme.example.test/directory', acmeContactEmail: 'pki@example.test' });
      expect((await t.call('GET', orgUrl)).json().result.acmeContactEmail).toBe('pki@example.test');
      for (const body of [{ acmeDirectoryUrl: 'http://acme.example.test/dir' }, { acmeDirectoryUrl: 'not a url' }, { acmeContactEmail: 'nobody' }]) {
        const bad = await t.call('PUT', orgUrl, { body });
        expect(bad.statusCode, JSON.stringify(body)).toBe(400);
        expect(bad.json().code).toBe('validation_failed');
      }
      const projectKey = await t.call('PUT', orgUrl, { key: t.keys.admin, body: { acmeDirectoryUrl: null } });
      expect(projectKey.statusCode).toBe(403);
      const other = await t.otherTenant();
      expect((await t.call('GET', orgUrl, { key: other.adminKey })).statusCode).toBe(404);
    });
  });
});
