import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.js';
import { rotateMasterKey } from '../../src/secrets/rotate-master-key.js';
import { SecretBox } from '../../src/secrets/secret-box.js';
import { sealedSecretAad } from '../../src/secrets/sealed-secret-aad.js';
import { createTestStore, dialects, type Dialect } from '../support/test-store.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

const orgId = '00000000-0000-4000-8000-000000000001';
const projectId = '00000000-0000-4000-8000-000000000002';
const now = new Date('2026-06-01T00:00:00Z');

/**
 * A store with one organization and project, a data dir whose master.key is the old key, the
 * old key's box to seal test secrets with, and `rotate()`: keys rotate to a new key.
 */
async function rotation(dialect: Dialect): Promise<{ store: Store; oldBox: SecretBox; newBox: SecretBox; rotate: () => Promise<{ reencrypted: number }> }> {
  const store = await createTestStore(dialect);
  cleanups.push(() => store.close());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'certkeeper-rotate-secrets-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  writeFileSync(path.join(dataDir, 'master.key'), oldKey.toString('base64') + '\n');
  await store.organizations.insert({ id: orgId, name: 'o', createdAt: now });
  await store.projects.insert({ id: projectId, organizationId: orgId, name: 'p', createdAt: now });
  return {
    store,
    oldBox: new SecretBox(oldKey, []),
    newBox: new SecretBox(newKey, []),
    rotate: () => rotateMasterKey({ store, dataDir, newKey: newKey.toString('base64') }),
  };
}

describe.each(dialects)('keys rotate and the issuance secrets on %s', (dialect) => {
  it('re-encrypts ACME account keys and DNS provider secrets under the new key; the old key alone no longer opens them', async () => {
    const { store, oldBox, newBox, rotate } = await rotation(dialect);
    const dir = 'https://ca.example/dir';
    await store.managed.insertAccountIfAbsent({ organizationId: orgId, directoryUrl: dir, accountUrl: null, sealedKey: oldBox.seal(Buffer.from('ACCOUNT-KEY'), sealedSecretAad.acmeAccountKey(orgId, dir)), contactEmail: null, createdAt: now });
    await store.managed.putProjectSettings({
      projectId,
      renewBeforeDays: null,
      dnsProvider: { type: 'rfc2136', settings: { server: '127.0.0.1' }, sealedSecret: oldBox.seal(Buffer.from('TSIG-SECRET'), sealedSecretAad.dnsProviderSecret(projectId)) },
      updatedAt: now,
    });

    const result = await rotate();
    expect(result.reencrypted).toBe(2);
    const account = await store.managed.getAccount(orgId, dir);
    expect(newBox.open(account!.sealedKey, sealedSecretAad.acmeAccountKey(orgId, dir)).toString()).toBe('ACCOUNT-KEY');
    const settings = await store.managed.getProjectSettings(projectId);
    expect(newBox.open(settings!.dnsProvider!.sealedSecret!, sealedSecretAad.dnsProviderSecret(projectId)).toString()).toBe('TSIG-SECRET');
    expect(() => oldBox.open(account!.sealedKey, sealedSecretAad.acmeAccountKey(orgId, dir))).toThrow();
  });

  it('re-encrypts the secrets of signed-request access keys under the new key', async () => {
    const { store, oldBox, newBox, rotate } = await rotation(dialect);
    const accessKeyId = 'LTAIabcdefghijklmnopqrst';
    const aad = sealedSecretAad.accessKeySecret(accessKeyId);
    await store.accessKeys.insert({ accessKeyId, projectId, organizationId: orgId, name: 'k', role: 'viewer', createdAt: now, revokedAt: null }, oldBox.seal(Buffer.from('THE-SECRET'), aad));

    const result = await rotate();
    expect(result.reencrypted).toBe(1);
    const sealed = (await store.accessKeys.find(accessKeyId))!.sealedSecret;
    expect(newBox.open(sealed, aad).toString()).toBe('THE-SECRET');
    expect(() => oldBox.open(sealed, aad)).toThrow();
  });

  it('re-encrypts the sealed URLs and signing secrets of notification channels under the new key', async () => {
    const { store, oldBox, newBox, rotate } = await rotation(dialect);
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

    const result = await rotate();
    expect(result.reencrypted).toBe(1);
    const sealed = (await store.notifications.getChannel(projectId, channelId))!.sealedSecret!;
    expect(newBox.open(sealed, aad).toString()).toBe(secret);
    expect(() => oldBox.open(sealed, aad)).toThrow();
  });

  it('re-encrypts the secrets of deployment targets (a PKCS#12 password) under the new key', async () => {
    const { store, oldBox, newBox, rotate } = await rotation(dialect);
    const secret = JSON.stringify({ pkcs12Password: 'p12-password' });
    const target = await store.deployments.insertTarget(
      { projectId, organizationId: orgId, name: 'web', type: 'local', config: { directory: 'web', pkcs12: true }, createdAt: now, updatedAt: now },
      (id) => oldBox.seal(Buffer.from(secret), sealedSecretAad.deploymentTargetSecret(id)),
    );
    await store.deployments.insertTarget({ projectId, organizationId: orgId, name: 'plain', type: 'local', config: { directory: 'plain' }, createdAt: now, updatedAt: now }, () => null);

    const result = await rotate();
    expect(result.reencrypted).toBe(1);
    const aad = sealedSecretAad.deploymentTargetSecret(target.id);
    const sealed = (await store.deployments.getTarget(projectId, target.id))!.sealedSecret!;
    expect(newBox.open(sealed, aad).toString()).toBe(secret);
    expect(() => oldBox.open(sealed, aad)).toThrow();
  });
});
