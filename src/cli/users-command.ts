import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AccountService } from '../services/account-service.js';
import { CliError } from './cli-error.js';
import { writeLine, type CliIo } from './cli-io.js';

/**
 * `users …`: user accounts, worked on in the server's database directly (the data directory or
 * DATABASE_URL, as `keys rotate` does), with the authority of whoever runs commands on the
 * server's host: no API key, no server needed. It is how the first administrator is made on a
 * host whose console is not reachable yet, and how a lost superuser password is reset. The
 * audit trail records these changes with the actor `cli`.
 */
async function withAccounts<T>(io: CliIo, fn: (accounts: AccountService) => Promise<T>): Promise<T> {
  const { loadConfig } = await import('../config/config.js');
  const { createAccountServices, createLogger } = await import('../main.js');
  const { createStore } = await import('../storage/create-store.js');
  const { AccessService } = await import('../services/access-service.js');
  const { systemClock } = await import('../ports/clock.js');
  const config = loadConfig(io.env);
  const store = await createStore({ databaseUrl: config.databaseUrl, sqlitePath: path.join(config.dataDir, 'certkeeper.db'), logger: createLogger('warn', io.stderr) });
  try {
    const { accounts } = createAccountServices(config, store, new AccessService(store, systemClock), systemClock);
    return await fn(accounts);
  } finally {
    await store.close();
  }
}

/** The first line of standard input, without its line end (`--password-stdin`). */
async function passwordFromStdin(io: CliIo): Promise<string> {
  if (!io.stdin) throw new CliError('no_stdin', '--password-stdin needs the password on standard input');
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  const password = Buffer.concat(chunks).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
  if (!password) throw new CliError('no_password', 'standard input held no password (one line is read)');
  return password;
}

export async function usersAddCommand(email: string, options: { superuser?: boolean; passwordStdin?: boolean }, io: CliIo): Promise<void> {
  const password = options.passwordStdin ? await passwordFromStdin(io) : undefined;
  const { user, invitation } = await withAccounts(io, (accounts) => accounts.createUser('cli', { email, password, superuser: options.superuser ?? false }));
  writeLine(io.stdout, `created ${user.superuser ? 'superuser ' : ''}${user.email} (${user.id})`);
  if (invitation) {
    writeLine(io.stdout, `invitation (shown once, valid until ${invitation.expiresAt.toISOString()}): open the console at /invite#${invitation.token}`);
  }
}

export async function usersListCommand(options: { json?: boolean }, io: CliIo): Promise<void> {
  const users = await withAccounts(io, async (accounts) => {
    const all = [];
    for (let pageIndex = 1; ; pageIndex++) {
      const page = await accounts.listUsers('cli', { pageIndex, pageSize: 500 });
      all.push(...page.items);
      if (page.items.length < 500) return all;
    }
  });
  if (options.json) {
    writeLine(io.stdout, JSON.stringify(users.map((u) => ({ id: u.id, email: u.email, superuser: u.superuser, pending: u.pending, createdAt: u.createdAt.toISOString() }))));
    return;
  }
  if (users.length === 0) {
    writeLine(io.stdout, 'no user accounts');
    return;
  }
  const width = Math.max(5, ...users.map((u) => u.email.length));
  writeLine(io.stdout, `${'EMAIL'.padEnd(width)}  SUPERUSER  PENDING  CREATED                   ID`);
  for (const u of users) {
    writeLine(io.stdout, `${u.email.padEnd(width)}  ${(u.superuser ? 'yes' : 'no').padEnd(9)}  ${(u.pending ? 'yes' : 'no').padEnd(7)}  ${u.createdAt.toISOString()}  ${u.id}`);
  }
}

export async function usersRemoveCommand(email: string, io: CliIo): Promise<void> {
  const user = await withAccounts(io, (accounts) => accounts.deleteUser('cli', email));
  writeLine(io.stdout, `removed ${user.email} (${user.id}); their sessions have ended`);
}

/** Sets a new password: read from standard input, or made up and printed once. */
export async function usersResetPasswordCommand(email: string, options: { passwordStdin?: boolean }, io: CliIo): Promise<void> {
  const given = options.passwordStdin ? await passwordFromStdin(io) : undefined;
  const password = given ?? randomBytes(18).toString('base64url');
  const user = await withAccounts(io, (accounts) => accounts.setPassword('cli', email, password));
  writeLine(io.stdout, `set a new password for ${user.email}; their sessions have ended and failed sign-ins are forgotten`);
  if (!given) writeLine(io.stdout, `the new password (shown once): ${password}`);
}
