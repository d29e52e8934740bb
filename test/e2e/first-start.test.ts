import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createServerDatabase, dialects } from '../support/test-store.js';

/** An API key as the server makes them (services/api-key-secret.ts): `ck_` and 32 random bytes, base64url. */
const API_KEY = /ck_[A-Za-z0-9_-]{43}/g;
const ANNOUNCEMENT = 'created the initial superuser API key';

describe.each(dialects)('first start without CERTKEEPER_BOOTSTRAP_TOKEN on %s', (dialect) => {
  let dataDir: string;
  let database: Awaited<ReturnType<typeof createServerDatabase>>;
  const servers: ServerProcess[] = [];
  const start = async (name: string) => {
    // Nothing but the data dir: no bootstrap token, no master key (a key file is made on first start).
    const server = await startServerProcess({ name, env: { CERTKEEPER_DATA_DIR: dataDir, ...database.env } });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'certkeeper-first-start-'));
    database = await createServerDatabase(dialect);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a superuser key once on stdout; it works; a restart prints nothing and the key still works', async () => {
    const first = await start('first');
    const printed: string[] = first.stdout().match(API_KEY) ?? [];
    expect(printed, first.describe()).toHaveLength(1);
    const [key] = printed;
    expect(first.stdout()).toContain(`${ANNOUNCEMENT} (shown once, store it now):\n\n  ${key}\n`);
    // Once: not again on stderr, and not in any log record.
    expect(first.output().split(key)).toHaveLength(2);
    expect(JSON.stringify(first.logRecords())).not.toContain(key);

    // A superuser key: it makes an organization, which only a superuser may.
    expect((await first.api('GET', '/api/v1/organizations', { token: 'ck_' + 'x'.repeat(43) })).status).toBe(401);
    const made = await first.api('POST', '/api/v1/organizations', { token: key, body: { name: 'made by the first key' } });
    expect(made.status, made.text).toBe(200);
    const orgId = made.body.result.id as string;
    await first.stop();
    expect((await first.exited).code).toBe(0);

    const second = await start('second');
    expect(second.stdout()).not.toContain(ANNOUNCEMENT);
    expect(second.output().match(API_KEY)).toBeNull();
    const orgs = await second.api('GET', '/api/v1/organizations', { token: key });
    expect(orgs.status, orgs.text).toBe(200);
    expect(orgs.body.result.map((o: { id: string }) => o.id)).toContain(orgId);
    expect((await second.api('POST', '/api/v1/organizations', { token: key, body: { name: 'after the restart' } })).status).toBe(200);
  });
});
