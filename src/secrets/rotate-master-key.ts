import { existsSync, readFileSync, renameSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../domain/app-error.js';
import type { IssuanceSecret } from '../ports/managed-certificate-repository.js';
import type { Store } from '../ports/store.js';
import { sealedSecretAad } from './sealed-secret-aad.js';
import { masterKeyFiles, writeSecretFile } from './master-key-file.js';
import { decodeMasterKey, SecretBox } from './secret-box.js';

export interface RotationResult {
  /** Sealed records re-encrypted by this run. */
  reencrypted: number;
  /** Sealed records that were already under the new key (an interrupted run resumed). */
  alreadyCurrent: number;
  newKeyId: string;
  /** Where the new key lives: 'file' (data dir) or 'environment' (the operator must set it). */
  keyLocation: 'file' | 'environment';
}

const BATCH = 500;

/**
 * Re-encrypts every sealed secret under a new master key. Crash-safe and resumable: each batch
 * commits on its own, blobs name their key, and until the run completes both keys stay readable
 * (`master.key.next` beside `master.key`). With a key file, the new key replaces it at the end and
 * the old one is kept as `master.key.previous`. With CERTKEEPER_MASTER_KEY, pass the new key and
 * set it (with the old one in CERTKEEPER_PREVIOUS_MASTER_KEYS, until the run completes) yourself.
 * A running server keeps the keys it loaded: restart it afterwards.
 */
export async function rotateMasterKey(options: {
  store: Store;
  dataDir: string;
  /** The current key from the environment, if the deployment uses CERTKEEPER_MASTER_KEY. */
  envMasterKey?: string;
  previousMasterKeys?: string[];
  /** The new key (base64 of 32 bytes); required with envMasterKey, optional with a key file. */
  newKey?: string;
  onProgress?: (done: number) => void;
}): Promise<RotationResult> {
  const { store, dataDir } = options;
  const others = (options.previousMasterKeys ?? []).map((k) => decodeMasterKey(k, 'previous master key'));
  let oldKey: Buffer;
  let newKey: Buffer;
  const nextFile = path.join(dataDir, masterKeyFiles.next);
  const currentFile = path.join(dataDir, masterKeyFiles.current);
  if (options.envMasterKey) {
    if (!options.newKey) throw new AppError('master_key_invalid', 'CERTKEEPER_MASTER_KEY is set: pass the new key (base64 of 32 bytes) with --new-key');
    oldKey = decodeMasterKey(options.envMasterKey);
    newKey = decodeMasterKey(options.newKey, 'new master key');
  } else {
    if (!existsSync(currentFile)) throw new AppError('master_key_invalid', `no master key file at ${currentFile}`);
    oldKey = decodeMasterKey(readFileSync(currentFile, 'utf8'), 'master key file');
    if (options.newKey) {
      newKey = decodeMasterKey(options.newKey, 'new master key');
      writeSecretFile(nextFile, newKey.toString('base64') + '\n');
    } else if (existsSync(nextFile)) {
      newKey = decodeMasterKey(readFileSync(nextFile, 'utf8'), 'next master key file'); // resume an interrupted run
    } else {
      newKey = randomBytes(32);
      writeSecretFile(nextFile, newKey.toString('base64') + '\n');
    }
    const previousFile = path.join(dataDir, masterKeyFiles.previous);
    if (existsSync(previousFile)) others.push(decodeMasterKey(readFileSync(previousFile, 'utf8'), 'previous master key file'));
  }
  if (oldKey.equals(newKey)) throw new AppError('master_key_invalid', 'the new master key equals the current one');

  const box = new SecretBox(newKey, [oldKey, ...others]);
  let reencrypted = 0;
  let alreadyCurrent = 0;
  let after: string | null = null;
  for (;;) {
    const batch = await store.certificates.listSealedKeys(after, BATCH);
    if (batch.length === 0) break;
    await store.transaction(async (tx) => {
      for (const { id, encryptedKey } of batch) {
        if (SecretBox.keyIdOf(encryptedKey) === box.currentKeyId) {
          alreadyCurrent++;
          continue;
        }
        const plain = box.open(encryptedKey, id);
        await tx.certificates.updateSealedKey(id, box.seal(plain, id));
        plain.fill(0);
        reencrypted++;
      }
    });
    after = batch[batch.length - 1].id;
    options.onProgress?.(reencrypted + alreadyCurrent);
  }

  // The issuance secrets (ACME account keys, keys of orders being finalized, DNS provider
  // secrets) are few: one transaction.
  await store.transaction(async (tx) => {
    for (const secret of await tx.managed.listIssuanceSecrets()) {
      if (SecretBox.keyIdOf(secret.sealed) === box.currentKeyId) {
        alreadyCurrent++;
        continue;
      }
      const aad = aadOf(secret);
      const plain = box.open(secret.sealed, aad);
      await tx.managed.updateIssuanceSecret(secret, box.seal(plain, aad));
      plain.fill(0);
      reencrypted++;
    }
  });

  // The secrets of signed-request access keys (Alibaba Cloud CheckCertificate): few, one transaction.
  await store.transaction(async (tx) => {
    for (const { accessKeyId, sealedSecret } of await tx.accessKeys.listSealedSecrets()) {
      if (SecretBox.keyIdOf(sealedSecret) === box.currentKeyId) {
        alreadyCurrent++;
        continue;
      }
      const aad = sealedSecretAad.accessKeySecret(accessKeyId);
      const plain = box.open(sealedSecret, aad);
      await tx.accessKeys.updateSealedSecret(accessKeyId, box.seal(plain, aad));
      plain.fill(0);
      reencrypted++;
    }
  });

  // The sealed URLs and signing secrets of notification channels: few, one transaction.
  await store.transaction(async (tx) => {
    for (const { channelId, sealedSecret } of await tx.notifications.listSealedSecrets()) {
      if (SecretBox.keyIdOf(sealedSecret) === box.currentKeyId) {
        alreadyCurrent++;
        continue;
      }
      const aad = sealedSecretAad.notificationChannelSecret(channelId);
      const plain = box.open(sealedSecret, aad);
      await tx.notifications.updateSealedSecret(channelId, box.seal(plain, aad));
      plain.fill(0);
      reencrypted++;
    }
  });

  // The secret parts of deployment targets' configs: few, one transaction.
  await store.transaction(async (tx) => {
    for (const { targetId, sealedSecret } of await tx.deployments.listSealedSecrets()) {
      if (SecretBox.keyIdOf(sealedSecret) === box.currentKeyId) {
        alreadyCurrent++;
        continue;
      }
      const aad = sealedSecretAad.deploymentTargetSecret(targetId);
      const plain = box.open(sealedSecret, aad);
      await tx.deployments.updateSealedSecret(targetId, box.seal(plain, aad));
      plain.fill(0);
      reencrypted++;
    }
  });

  if (!options.envMasterKey) {
    writeSecretFile(path.join(dataDir, masterKeyFiles.previous), oldKey.toString('base64') + '\n');
    renameSync(nextFile, currentFile);
  }
  return { reencrypted, alreadyCurrent, newKeyId: box.currentKeyId, keyLocation: options.envMasterKey ? 'environment' : 'file' };
}

function aadOf(secret: IssuanceSecret): string {
  switch (secret.kind) {
    case 'acmeAccountKey':
      return sealedSecretAad.acmeAccountKey(secret.organizationId, secret.directoryUrl);
    case 'pendingKey':
      return sealedSecretAad.pendingKey(secret.certificateId);
    case 'dnsProviderSecret':
      return sealedSecretAad.dnsProviderSecret(secret.projectId);
  }
}
