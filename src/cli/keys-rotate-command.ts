import path from 'node:path';
import { writeLine, type CliIo } from './cli-io.js';

/**
 * `keys rotate`: re-encrypts every stored private key under a new master key, working on the
 * data directory and database directly (no server). Servers keep the keys they loaded, so they
 * must be restarted afterwards.
 */
export async function keysRotateCommand(options: { newKey?: string }, io: CliIo): Promise<void> {
  const { loadConfig } = await import('../config/config.js');
  const { createLogger } = await import('../main.js');
  const { createStore } = await import('../storage/create-store.js');
  const { rotateMasterKey } = await import('../secrets/rotate-master-key.js');
  const config = loadConfig(io.env);
  const logger = createLogger('warn', io.stderr);
  const store = await createStore({ databaseUrl: config.databaseUrl, sqlitePath: path.join(config.dataDir, 'certkeeper.db'), logger });
  try {
    const result = await rotateMasterKey({
      store,
      dataDir: config.dataDir,
      envMasterKey: config.masterKey,
      previousMasterKeys: config.previousMasterKeys,
      newKey: options.newKey,
      onProgress: io.isTTY ? (done) => io.stderr.write(`\rre-encrypting private keys: ${done}`) : undefined,
    });
    if (io.isTTY) io.stderr.write('\n');
    const total = result.reencrypted + result.alreadyCurrent;
    writeLine(
      io.stdout,
      `rotated the master key: ${result.reencrypted} private key${result.reencrypted === 1 ? '' : 's'} re-encrypted` +
        (result.alreadyCurrent ? `, ${result.alreadyCurrent} already under the new key` : '') +
        ` (${total} in all); new key id ${result.newKeyId}`,
    );
    if (result.keyLocation === 'file') {
      writeLine(io.stdout, `the new key is in ${path.join(config.dataDir, 'master.key')} (the old one is kept as master.key.previous): back it up`);
    } else {
      writeLine(io.stdout, 'now set CERTKEEPER_MASTER_KEY to the new key everywhere certkeeper runs (keep the old one in CERTKEEPER_PREVIOUS_MASTER_KEYS until every server has restarted)');
    }
    writeLine(io.stdout, 'restart every certkeeper server that uses this data: a running server keeps the keys it loaded');
  } finally {
    await store.close();
  }
}
