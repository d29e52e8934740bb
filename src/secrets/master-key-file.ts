import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, openSync, fsyncSync, closeSync, chmodSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { decodeMasterKey } from './secret-box.js';

/** File names of the master key in the data dir. `.next` exists only while a rotation is under way. */
export const masterKeyFiles = { current: 'master.key', next: 'master.key.next', previous: 'master.key.previous' } as const;

/** Writes a file atomically with mode 0600: temp file, fsync, rename. A missing directory is created with mode 0700. */
export function writeSecretFile(file: string, content: string): void {
  const dir = path.dirname(file);
  if (mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined) chmodSync(dir, 0o700);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode: 0o600 });
  const fd = openSync(tmp, 'r');
  fsyncSync(fd);
  closeSync(fd);
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

function readKey(file: string): Buffer {
  return decodeMasterKey(readFileSync(file, 'utf8'), `key file ${file}`);
}

export interface MasterKeys {
  current: Buffer;
  /** Keys that may still have sealed some records (a previous key, or a rotation's next key). */
  others: Buffer[];
  /** Whether the current key was just generated (first start). */
  generated: boolean;
}

/**
 * Loads the master keys: `CERTKEEPER_MASTER_KEY` (+ previous keys) when set, else the key file in
 * the data dir, generated with mode 0600 on first start.
 */
export function loadMasterKeys(options: { dataDir: string; masterKey?: string; previousMasterKeys?: string[] }): MasterKeys {
  const others = (options.previousMasterKeys ?? []).map((k, i) => decodeMasterKey(k, `previous master key #${i + 1}`));
  const dir = options.dataDir;
  for (const name of [masterKeyFiles.next, masterKeyFiles.previous]) {
    const file = path.join(dir, name);
    if (existsSync(file)) others.push(readKey(file));
  }
  if (options.masterKey) return { current: decodeMasterKey(options.masterKey), others, generated: false };
  const file = path.join(dir, masterKeyFiles.current);
  if (existsSync(file)) return { current: readKey(file), others, generated: false };
  const key = randomBytes(32);
  writeSecretFile(file, key.toString('base64') + '\n');
  return { current: key, others, generated: true };
}
