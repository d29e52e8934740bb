import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config/config.js';
import { createHttpApp, createServices, createLogger, type Services } from '../../src/main.js';
import type { App } from '../../src/http/build-app.js';
import type { Store } from '../../src/ports/store.js';
import { FakeClock } from './fake-clock.js';
import { createTestStore, type Dialect } from './test-store.js';
import { ScryptPasswordHasher } from '../../src/secrets/scrypt-password-hasher.js';
import type { PasswordHasher } from '../../src/ports/password-hasher.js';

/** scrypt at a cost tests can afford (the recommended one takes 128 MiB and up to a second a hash). */
export const cheapHasher = (): PasswordHasher => new ScryptPasswordHasher({ logN: 10, r: 8, p: 1 });

export const SUPER_TOKEN = 'test-bootstrap-token-0123456789abcdef-0123';

export interface TestApp {
  app: App;
  services: Services;
  clock: FakeClock;
  dataDir: string;
  /** An organization and project made with the superuser key, and keys of every role on it. */
  org: { id: string };
  project: { id: string };
  keys: { admin: string; editor: string; viewer: string };
  /** The setup code the start made (no user and no bootstrap admin), as a server prints it. */
  setupCode?: string;
  call(method: string, url: string, options?: { key?: string | null; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  /** Creates another organization+project with an admin key, for isolation tests. */
  otherTenant(sameOrganization?: boolean): Promise<{ orgId: string; projectId: string; adminKey: string }>;
  close(options?: { keepDataDir?: boolean }): Promise<void>;
  removeDataDir(): void;
}

/**
 * The whole HTTP application over a real store, with a fake clock, a superuser, and a project
 * with admin/editor/viewer keys. The store is `store` when given, else by `dialect`: 'sqlite'
 * (the default) opens certkeeper.db in the app's data directory as the server does, 'postgres'
 * a fresh database in the run's PostgreSQL cluster (support/test-store.ts), dropped at close.
 * A suite runs on both with `describe.each(dialects)` and `createTestApp({ dialect })`.
 */
export async function createTestApp(
  options: { store?: Store; dialect?: Dialect; clock?: FakeClock; logStream?: NodeJS.WritableStream; logRequests?: boolean; env?: Record<string, string>; passwordHasher?: PasswordHasher } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'certkeeper-test-'));
  const clock = options.clock ?? new FakeClock('2026-06-01T00:00:00Z');
  const config = loadConfig({
    CERTKEEPER_DATA_DIR: dataDir,
    CERTKEEPER_MASTER_KEY: randomBytes(32).toString('base64'),
    CERTKEEPER_BOOTSTRAP_TOKEN: SUPER_TOKEN,
    CERTKEEPER_LOG_LEVEL: options.logStream ? 'debug' : 'silent',
    CERTKEEPER_LOG_REQUESTS: options.logRequests ? 'true' : 'false',
    ...options.env,
  });
  const logger = createLogger(config.logLevel, options.logStream);
  const store = options.store ?? (options.dialect === 'postgres' ? await createTestStore('postgres') : undefined);
  let services: Services;
  try {
    services = await createServices(config, { clock, logger, store, passwordHasher: options.passwordHasher ?? cheapHasher() });
  } catch (err) {
    // A configuration the test expects to be refused: the database made for it goes again.
    if (store && !options.store) await store.close();
    throw err;
  }
  await services.access.ensureBootstrapKey(config.bootstrapToken);
  const { setupCode } = await services.accounts.ensureFirstAdmin(config.bootstrapAdmin);
  const app = await createHttpApp(services);
  await app.ready();

  const call: TestApp['call'] = (method, url, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    const key = opts.key === undefined ? SUPER_TOKEN : opts.key;
    if (key) headers.authorization = `Bearer ${key}`;
    return app.inject({ method: method as 'GET', url, headers, payload: opts.body as string | object | undefined });
  };
  const json = async (method: string, url: string, body: unknown, key?: string) => {
    const res = await call(method, url, { body, key });
    if (res.statusCode !== 200) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json().result;
  };
  const makeTenant = async (orgId?: string) => {
    const organizationId = orgId ?? (await json('POST', '/api/v1/organizations', { name: `org-${randomBytes(3).toString('hex')}` })).id;
    const project = await json('POST', '/api/v1/projects', { organizationId, name: `project-${randomBytes(3).toString('hex')}` });
    return { orgId: organizationId as string, projectId: project.id as string };
  };
  const tenant = await makeTenant();
  const keyFor = async (projectId: string, role: string) => (await json('POST', `/api/v1/projects/${projectId}/api-keys`, { name: role, role })).key as string;
  const keys = { admin: await keyFor(tenant.projectId, 'admin'), editor: await keyFor(tenant.projectId, 'editor'), viewer: await keyFor(tenant.projectId, 'viewer') };

  return {
    app,
    services,
    clock,
    dataDir,
    org: { id: tenant.orgId },
    project: { id: tenant.projectId },
    keys,
    setupCode,
    call,
    otherTenant: async (sameOrganization = false) => {
      const t = await makeTenant(sameOrganization ? tenant.orgId : undefined);
      return { ...t, adminKey: await keyFor(t.projectId, 'admin') };
    },
    close: async (closeOptions = {}) => {
      await app.close();
      await services.close();
      if (!closeOptions.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    removeDataDir: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
