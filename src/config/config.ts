import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../domain/app-error.js';

/** The server's configuration, parsed and validated once, then frozen. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** A postgres:// URL selects PostgreSQL; undefined = SQLite in dataDir. */
  databaseUrl?: string;
  /** Base64 of 32 bytes; undefined = a key file in dataDir. */
  masterKey?: string;
  /** Earlier master keys (base64), so material sealed before a rotation still opens. */
  previousMasterKeys: string[];
  bootstrapToken?: string;
  logLevel: string;
  bodyLimitBytes: number;
  /** Whether to log one line per request (off by default: it costs throughput and says little). */
  logRequests: boolean;
}

/** The keys a config file or the environment may set. */
export const configKeys = [
  'HOST',
  'PORT',
  'CERTKEEPER_DATA_DIR',
  'DATABASE_URL',
  'CERTKEEPER_MASTER_KEY',
  'CERTKEEPER_PREVIOUS_MASTER_KEYS',
  'CERTKEEPER_BOOTSTRAP_TOKEN',
  'CERTKEEPER_LOG_LEVEL',
  'CERTKEEPER_BODY_LIMIT_BYTES',
  'CERTKEEPER_LOG_REQUESTS',
] as const;

type Source = Partial<Record<(typeof configKeys)[number], string>>;

/**
 * Reads the configuration: a JSON config file (path in `CERTKEEPER_CONFIG`, or `configFile`)
 * may set any of `configKeys`; the environment overrides the file.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, configFile = env.CERTKEEPER_CONFIG): Config {
  let fromFile: Source = {};
  if (configFile) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(configFile, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
      fromFile = Object.fromEntries(
        Object.entries(parsed).filter(([k]) => (configKeys as readonly string[]).includes(k)).map(([k, v]) => [k, String(v)]),
      ) as Source;
    } catch (err) {
      throw new AppError('config_invalid', `cannot read config file ${configFile}: ${(err as Error).message}`);
    }
  }
  const get = (key: (typeof configKeys)[number]): string | undefined => {
    const v = env[key] ?? fromFile[key];
    return v === undefined || v === '' ? undefined : v;
  };

  const port = Number(get('PORT') ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('config_invalid', `PORT must be an integer 0-65535, got ${get('PORT')}`);

  const bodyLimitBytes = Number(get('CERTKEEPER_BODY_LIMIT_BYTES') ?? String(1024 * 1024));
  if (!Number.isInteger(bodyLimitBytes) || bodyLimitBytes < 1024) throw new AppError('config_invalid', 'CERTKEEPER_BODY_LIMIT_BYTES must be an integer >= 1024');

  const databaseUrl = get('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new AppError('config_invalid', 'DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite store)');
  }

  const bootstrapToken = get('CERTKEEPER_BOOTSTRAP_TOKEN');
  if (bootstrapToken !== undefined && bootstrapToken.length < 32) {
    throw new AppError('bootstrap_token_too_short', 'CERTKEEPER_BOOTSTRAP_TOKEN must be at least 32 characters');
  }

  return Object.freeze({
    host: get('HOST') ?? '127.0.0.1',
    port,
    dataDir: path.resolve(get('CERTKEEPER_DATA_DIR') ?? './data'),
    databaseUrl,
    masterKey: get('CERTKEEPER_MASTER_KEY'),
    previousMasterKeys: (get('CERTKEEPER_PREVIOUS_MASTER_KEYS') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    bootstrapToken,
    logLevel: get('CERTKEEPER_LOG_LEVEL') ?? 'info',
    bodyLimitBytes,
    logRequests: /^(1|true|yes)$/i.test(get('CERTKEEPER_LOG_REQUESTS') ?? ''),
  });
}
