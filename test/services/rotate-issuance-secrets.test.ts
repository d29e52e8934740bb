import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rotateMasterKey } from '../../src/services/rotate-master-key.js';
import { SecretBox } from '../../src/services/secret-box.js';
import { sealedSecretAad } from '../../src/services/sealed-secret-aad.js';
import { createTestStore } from '../support/test-store.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('keys rotate and the issuance secrets', () => {
  it('re-encrypts ACME account keys and DNS provider secrets under the new key; the old key alone no longer opens them', async () => {
    const store = await createTestStore('sqlite');
    try {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'certkeeper-rotate-issuance-'));
      dirs.push(dataDir);
      const oldKey = randomBytes(32);
      const newKey = randomBytes(32);
      writeFileSync(path.join(dataDir, 'master.key'), oldKey.toString('base64') + '\n');
      const oldBox = new SecretBox(oldKey, []);
      const now = new Date('2026-06-01T00:00:00Z');
      await store.organizations.insert({ id: '00000000-0000-4000-8000-000000000001', name: 'o', createdAt: now });
      await store.projects.insert({ id: '00000000-0000-4000-8000-000000000002', organizationId: '00000000-0000-4000-8000-000000000001', name: 'p', createdAt: now });
      const dir = 'https://ca.example/dir';
      const orgId = '00000000-0000-4000-8000-000000000001';
      const projectId = '00000000-0000-4000-8000-000000000002';
      await store.managed.insertAccountIfAbsent({ organizationId: orgId, directoryUrl: dir, accountUrl: null, sealedKey: oldBox.seal(Buffer.from('ACCOUNT-KEY'), sealedSecretAad.acmeAccountKey(orgId, dir)), contactEmail: null, createdAt: now });
      await store.managed.putProjectSettings({
        projectId,
        renewBeforeDays: null,
        dnsProvider: { type: 'rfc2136', settings: { server: '127.0.0.1' }, sealedSecret: oldBox.seal(Buffer.from('TSIG-SECRET'), sealedSecretAad.dnsProviderSecret(projectId)) },
        updatedAt: now,
      });

      const result = await rotateMasterKey({ store, dataDir, newKey: newKey.toString('base64') });
      expect(result.reencrypted).toBe(2);
      const newOnly = new SecretBox(newKey, []);
      const account = await store.managed.getAccount(orgId, dir);
      expect(newOnly.open(account!.sealedKey, sealedSecretAad.acmeAccountKey(orgId, dir)).toString()).toBe('ACCOUNT-KEY');
      const settings = await store.managed.getProjectSettings(projectId);
      expect(newOnly.open(settings!.dnsProvider!.sealedSecret!, sealedSecretAad.dnsProviderSecret(projectId)).toString()).toBe('TSIG-SECRET');
      expect(() => oldBox.open(account!.sealedKey, sealedSecretAad.acmeAccountKey(orgId, dir))).toThrow();
    } finally {
      await store.close();
    }
  });
  it('re-encrypts the secrets of signed-request access keys (document 000) under the new key', async () => {
    const store = await createTestStore('sqlite');
    try {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'certkeeper-rotate-access-keys-'));
      dirs.push(dataDir);
      const oldKey = randomBytes(32);
      const newKey = randomBytes(32);
      writeFileSync(path.join(dataDir, 'master.key'), oldKey.toString('base64') + '\n');
      const oldBox = new SecretBox(oldKey, []);
      const now = new Date('2026-06-01T00:00:00Z');
      const orgId = '00000000-0000-4000-8000-000000000001';
      const projectId = '00000000-0000-4000-8000-000000000002';
      await store.organizations.insert({ id: orgId, name: 'o', createdAt: now });
      await store.projects.insert({ id: projectId, organizationId: orgId, name: 'p', createdAt: now });
      const accessKeyId = 'LTAIabcdefghijklmnopqrst';
      const aad = sealedSecretAad.accessKeySecret(accessKeyId);
      await store.accessKeys.insert({ accessKeyId, projectId, organizationId: orgId, name: 'k', role: 'viewer', createdAt: now, revokedAt: null }, oldBox.seal(Buffer.from('THE-SECRET'), aad));

      const result = await rotateMasterKey({ store, dataDir, newKey: newKey.toString('base64') });
      expect(result.reencrypted).toBe(1);
      const sealed = (await store.accessKeys.find(accessKeyId))!.sealedSecret;
      expect(new SecretBox(newKey, []).open(sealed, aad).toString()).toBe('THE-SECRET');
      expect(() => oldBox.open(sealed, aad)).toThrow();
    } finally {
      await store.close();
    }
  });
  it('re-encrypts the sealed URLs and signing secrets of notification channels under the new key', async () => {
    const store = await createTestStore('sqlite');
    try {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'certkeeper-rotate-channels-'));
      dirs.push(dataDir);
      const oldKey = randomBytes(32);
      const newKey = randomBytes(32);
      writeFileSync(path.join(dataDir, 'master.key'), oldKey.toString('base64') + '\n');
      const oldBox = new SecretBox(oldKey, []);
      const now = new Date('2026-06-01T00:00:00Z');
      const orgId = '00000000-0000-4000-8000-000000000001';
      const projectId = '00000000-0000-4000-8000-000000000002';
      await store.organizations.insert({ id: orgId, name: 'o', createdAt: now });
      await store.projects.insert({ id: projectId, organizationId: orgId, name: 'p', createdAt: now });
      const channelId = 'chan0123456789ab';
      const aad = sealedSecretAad.notificationChannelSecret(channelId);
      const secret = JSON.stringify({ url: 'https://hooks.example/T/B/X', secret: 'whsec-0123456789abcdef' });
      await store.notifications.insertChannel(
        { id: channelId, projectId, name: 'hook', type: 'webhook', config: { url: 'https://hooks.example/…' }, enabled: true, createdAt: now, updatedAt: now },
        oldBox.seal(Buffer.from(secret), aad),
      );
      await store.notifications.insertChannel(
        { id: 'chanemail0000000', projectId, name: 'mail', type: 'email', config: { to: ['a@example.test'] }, enabled: true, createdAt: now, updatedAt: now },
        null,
      );

      const result = await rotateMasterKey({ store, dataDir, newKey: newKey.toString('base64') });
      expect(result.reencrypted).toBe(1);
      const sealed = (await store.notifications.getChannel(projectId, channelId))!.sealedSecret!;
      expect(new SecretBox(newKey, []).open(sealed, aad).toString()).toBe(secret);
      expect(() => oldBox.open(sealed, aad)).toThrow();
    } finally {
      await store.close();
    }
  });
});
