/**
 * Issuance settings over the API: a project's renewal lead time and DNS-01 provider (secret
 * sealed, never shown, kept when omitted), an organization's ACME directory; who may change
 * them; bad input and destinations the outbound address policy refuses with stable codes.
 */
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/role.js';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../../src/services/api-key-secret.js';
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

    it("an organization-wide admin key changes them too; an organization-wide editor only reads them; another organization's key finds nothing", async () => {
      const orgUrl = `/api/v1/organizations/${t.org.id}/settings`;
      const admin = await orgWideKey(t, 'admin');
      const editor = await orgWideKey(t, 'editor');
      const res = await t.call('PUT', orgUrl, { key: admin, body: { acmeDirectoryUrl: 'https://acme.example.test/org-admin' } });
      expect(res.statusCode, res.body).toBe(200);
      expect((await t.call('GET', orgUrl, { key: editor })).json().result.acmeDirectoryUrl).toBe('https://acme.example.test/org-admin');
      const denied = await t.call('PUT', orgUrl, { key: editor, body: { acmeDirectoryUrl: null } });
      expect(denied.statusCode).toBe(403);
      expect(denied.json().code).toBe('forbidden');
      const other = await t.otherTenant();
      const foreign = await t.call('PUT', `/api/v1/organizations/${other.orgId}/settings`, { key: admin, body: { acmeDirectoryUrl: null } });
      expect(foreign.statusCode).toBe(404);
    });

    it('refuses a directory the outbound policy refuses (metadata, link-local, by name too), whoever sets it, storing nothing', async () => {
      const orgUrl = `/api/v1/organizations/${t.org.id}/settings`;
      const admin = await orgWideKey(t, 'admin');
      await t.call('PUT', orgUrl, { body: { acmeDirectoryUrl: null } });
      for (const acmeDirectoryUrl of [
        'https://169.254.169.254/latest/meta-data/',
        'https://169.254.169.254:8443/directory',
        'https://[::ffff:169.254.169.254]/directory',
        'https://[fe80::1]/directory',
        'https://169.254.10.1/directory',
        'https://metadata.google.internal/computeMetadata/v1/',
        'https://METADATA.GOOGLE.INTERNAL./directory',
        'https://100.100.100.200/directory',
        'https://0.0.0.0:8080/directory',
      ]) {
        for (const key of [admin, undefined]) {
          const res = await t.call('PUT', orgUrl, { key, body: { acmeDirectoryUrl } });
          expect(res.statusCode, acmeDirectoryUrl).toBe(400);
          expect(res.json().code, acmeDirectoryUrl).toBe('acme_directory_forbidden');
          expect(res.json().errors[0], acmeDirectoryUrl).toMatch(/^acmeDirectoryUrl: .* is refused: .*CERTKEEPER_OUTBOUND_ALLOW to allow it$/);
        }
      }
      // Plain http is refused for its form first, as before.
      const plain = await t.call('PUT', orgUrl, { key: admin, body: { acmeDirectoryUrl: 'http://169.254.169.254/' } });
      expect(plain.statusCode).toBe(400);
      expect(plain.json().code).toBe('validation_failed');
      expect((await t.call('GET', orgUrl)).json().result.acmeDirectoryUrl).toBeNull();
    });

    it('refuses a directory CERTKEEPER_OUTBOUND_DENY covers, as an address or a name resolving to it; allows it through CERTKEEPER_OUTBOUND_ALLOW', async () => {
      const denied = await createTestApp({ dialect, env: { CERTKEEPER_OUTBOUND_DENY: '127.0.0.0/8', CERTKEEPER_OUTBOUND_ALLOW: '169.254.10.53' } });
      try {
        const admin = await orgWideKey(denied, 'admin');
        const put = (acmeDirectoryUrl: string) => denied.call('PUT', `/api/v1/organizations/${denied.org.id}/settings`, { key: admin, body: { acmeDirectoryUrl } });
        const literal = await put('https://127.0.0.1:14000/dir');
        expect(literal.statusCode).toBe(400);
        expect(literal.json()).toMatchObject({ code: 'acme_directory_forbidden', errors: ['acmeDirectoryUrl: 127.0.0.1 is refused: it is in CERTKEEPER_OUTBOUND_DENY'] });
        // localhost resolves (from /etc/hosts) to 127.0.0.1.
        const named = await put('https://localhost:14000/dir');
        expect(named.statusCode).toBe(400);
        expect(named.json().code).toBe('acme_directory_forbidden');
        expect(named.json().errors[0]).toMatch(/^acmeDirectoryUrl: localhost resolves to .* is refused: it is in CERTKEEPER_OUTBOUND_DENY$/);
        expect((await put('https://169.254.10.53/dir')).statusCode).toBe(200);
        expect((await put('https://10.0.0.53/dir')).statusCode).toBe(200);
      } finally {
        await denied.close();
      }
    });
  });
});

/** An organization-wide key (no project): made in the store, as the API makes project keys only. */
async function orgWideKey(app: TestApp, role: Role): Promise<string> {
  const key = generateApiKey();
  await app.services.store.apiKeys.insert({ id: randomUUID(), organizationId: app.org.id, projectId: null, name: `org-wide ${role}`, role, superuser: false, keyHash: hashApiKey(key), prefix: apiKeyPrefix(key), createdAt: app.clock.now(), revokedAt: null });
  return key;
}
