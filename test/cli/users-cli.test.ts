import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer } from '../../src/main.js';
import { createStore } from '../../src/storage/create-store.js';
import { GOOD_PASSWORD } from '../support/console-session.js';
import { createTestApp } from '../support/test-app.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/test-store.js';
import { cli, serverConfigEnv } from './cli-harness.js';

describe.each(dialects)('certkeeper users on %s', (dialect) => {
  let dataDir: string;
  let db: TestDatabase | undefined;
  afterEach(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await db?.drop();
    db = undefined;
  });

  it('adds, lists, resets the password of and removes users in the server\'s database; the accounts sign in', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'certkeeper-users-'));
    if (dialect === 'postgres') db = await createTestDatabase();
    const env = { CERTKEEPER_DATA_DIR: dataDir, CERTKEEPER_LOG_LEVEL: 'silent', ...(db ? { DATABASE_URL: db.url } : {}) };

    const added = await cli(['users', 'add', 'Root@Example.com', '--superuser', '--password-stdin'], env, { stdin: `${GOOD_PASSWORD}\n` });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^created superuser root@example\.com \([0-9a-f-]{36}\)\n$/);
    const invited = await cli(['users', 'add', 'guest@example.com'], env);
    expect(invited.code).toBe(0);
    expect(invited.stdout).toMatch(/invitation \(shown once, valid until [0-9T:.Z-]+\): open the console at \/invite#[A-Za-z0-9_-]{43}\n$/);
    const weak = await cli(['users', 'add', 'weak@example.com', '--password-stdin'], env, { stdin: 'password1234' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toBe('error: password_too_weak: the password is one of the most common passwords; choose another\n');
    const dup = await cli(['users', 'add', 'ROOT@example.com'], env);
    expect(dup.stderr).toMatch(/^error: user_already_exists: /);

    const list = await cli(['users', 'list', '--json'], env);
    expect(JSON.parse(list.stdout).map((u: { email: string; superuser: boolean; pending: boolean }) => [u.email, u.superuser, u.pending])).toEqual([
      ['root@example.com', true, false],
      ['guest@example.com', false, true],
    ]);
    expect((await cli(['users', 'list'], env)).stdout).toMatch(/^EMAIL +SUPERUSER +PENDING +CREATED +ID\nroot@example\.com +yes +no /);

    const reset = await cli(['users', 'reset-password', 'root@example.com'], env);
    expect(reset.code).toBe(0);
    const generated = /the new password \(shown once\): (\S+)\n$/.exec(reset.stdout)![1];
    expect((await cli(['users', 'remove', 'guest@example.com'], env)).stdout).toMatch(/^removed guest@example\.com/);
    expect((await cli(['users', 'remove', 'guest@example.com'], env)).stderr).toMatch(/^error: user_not_found: /);

    // The server on that database: the account signs in with the new password; the events name the command line.
    const store = await createStore(db ? { databaseUrl: db.url, sqlitePath: ':memory:' } : { sqlitePath: path.join(dataDir, 'certkeeper.db') });
    const t = await createTestApp({ store });
    try {
      const signIn = (password: string) => t.call('POST', '/api/v1/auth/sign-in', { key: null, body: { email: 'root@example.com', password } });
      expect((await signIn(GOOD_PASSWORD)).statusCode).toBe(401);
      const ok = await signIn(generated);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().result.user.superuser).toBe(true);
      const actors = (await store.events.listUnscoped({ pageIndex: 1, pageSize: 20 })).items.filter((e) => e.type.startsWith('user.')).map((e) => `${e.type} ${e.actor}`);
      expect(actors).toEqual(['user.deleted cli', 'user.password_set cli', 'user.created cli', 'user.created cli']);
    } finally {
      await t.close();
    }
  });
});

describe('certkeeper serve without user accounts', () => {
  let dataDir: string;
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a setup code at start, beside the superuser key, until an account exists', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'certkeeper-setup-'));
    const env = { ...serverConfigEnv(dataDir), CERTKEEPER_BOOTSTRAP_TOKEN: '' };
    const lines: string[] = [];
    const server = await startServer(loadConfig(env), { print: (line) => lines.push(line) });
    await server.close();
    expect(lines.join('\n')).toMatch(/created the initial superuser API key[\s\S]*no user account exists yet[\s\S]*setup code[\s\S]*\n {2}[A-Za-z0-9_-]{43}\n/);
    expect((await cli(['users', 'add', 'a@example.com', '--password-stdin'], { CERTKEEPER_DATA_DIR: dataDir }, { stdin: GOOD_PASSWORD })).code).toBe(0);
    const again: string[] = [];
    const second = await startServer(loadConfig(env), { print: (line) => again.push(line) });
    await second.close();
    expect(again).toEqual([]);
  });
});
