import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLogger, createServices } from '../../src/main.js';
import { createStore } from '../../src/storage/create-store.js';

const modeOf = (file: string) => `0${(statSync(file).mode & 0o777).toString(8)}`;

/** The modes of the data directory and of the database files, once something was written (so -wal and -shm exist). */
const modes = (dir: string) => Object.fromEntries(['', 'certkeeper.db', 'certkeeper.db-wal', 'certkeeper.db-shm'].map((name) => [name || 'dir', modeOf(path.join(dir, name))]));

// On SQLite only: a PostgreSQL database has no files in the data directory.
describe.skipIf(process.platform === 'win32')('SQLite files and the data directory are private to their owner, whatever the umask', () => {
  let root: string;
  let umask: number;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'certkeeper-modes-'));
    // The usual default: without explicit modes, files would be 0644 and directories 0755.
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  const warnings: Array<{ obj: Record<string, unknown>; msg: string }> = [];
  const logger = { info: () => undefined, warn: (obj: Record<string, unknown>, msg: string) => warnings.push({ obj, msg }) };
  beforeEach(() => {
    warnings.length = 0;
  });

  it('a store in a new directory: the directory 0700, certkeeper.db, -wal and -shm 0600', async () => {
    const dir = path.join(root, 'new', 'data');
    const store = await createStore({ sqlitePath: path.join(dir, 'certkeeper.db'), logger });
    try {
      await store.organizations.insert({ id: 'o1', name: 'o1', createdAt: new Date() });
      expect(modes(dir)).toEqual({ dir: '0700', 'certkeeper.db': '0600', 'certkeeper.db-wal': '0600', 'certkeeper.db-shm': '0600' });
    } finally {
      await store.close();
    }
    expect(warnings).toEqual([]);
    // Opened again, the files keep their modes (SQLite makes a new -wal and -shm with the database's).
    const again = await createStore({ sqlitePath: path.join(dir, 'certkeeper.db'), logger });
    try {
      await again.organizations.insert({ id: 'o2', name: 'o2', createdAt: new Date() });
      expect(modes(dir)).toEqual({ dir: '0700', 'certkeeper.db': '0600', 'certkeeper.db-wal': '0600', 'certkeeper.db-shm': '0600' });
    } finally {
      await again.close();
    }
    expect(warnings).toEqual([]);
  });

  it('an existing directory open to others is used as it is, with a warning', async () => {
    const dir = path.join(root, 'shared');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    const store = await createStore({ sqlitePath: path.join(dir, 'certkeeper.db'), logger });
    try {
      await store.organizations.insert({ id: 'o1', name: 'o1', createdAt: new Date() });
      expect(modes(dir)).toEqual({ dir: '0755', 'certkeeper.db': '0600', 'certkeeper.db-wal': '0600', 'certkeeper.db-shm': '0600' });
    } finally {
      await store.close();
    }
    expect(warnings).toEqual([{ obj: { dir, mode: '0755' }, msg: expect.stringContaining('chmod 700') }]);
  });

  it('a first server start (master key file and database) in a new data directory', async () => {
    const dataDir = path.join(root, 'data');
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const config = loadConfig({ CERTKEEPER_DATA_DIR: dataDir, CERTKEEPER_BOOTSTRAP_TOKEN: randomBytes(24).toString('hex'), CERTKEEPER_LOG_LEVEL: 'warn' });
    const services = await createServices(config, { logger: createLogger('warn', stream) });
    try {
      await services.access.ensureBootstrapKey(config.bootstrapToken);
      expect({ ...modes(dataDir), 'master.key': modeOf(path.join(dataDir, 'master.key')) }).toEqual({
        dir: '0700',
        'certkeeper.db': '0600',
        'certkeeper.db-wal': '0600',
        'certkeeper.db-shm': '0600',
        'master.key': '0600',
      });
    } finally {
      await services.close();
    }
    expect(lines.join('')).not.toContain('data directory');
  });
});
