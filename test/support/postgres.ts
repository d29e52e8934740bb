/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temporary directory
 * (as the `postgres` user when running as root: initdb refuses root), a free TCP port chosen
 * at run time on 127.0.0.1, the unix socket in a temporary directory, durability off for
 * speed. Missing server binaries are an error, never a silent skip.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the run's throwaway PostgreSQL cluster (database `postgres`). */
    postgresUrl: string;
    /** A database of that cluster with every migration applied, to copy (CREATE DATABASE … TEMPLATE). */
    postgresTemplate: string;
  }
}

const run = promisify(execFile);

export interface PostgresCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres (trust authentication). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The PostgreSQL server binaries: $CERTKEEPER_PG_BIN, else the newest /usr/lib/postgresql/N/bin. */
export function findPostgresBin(): string {
  const fromEnv = process.env.CERTKEEPER_PG_BIN;
  const candidates: string[] = [];
  if (fromEnv) candidates.push(fromEnv);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    for (const v of readdirSync(root).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(root, v, 'bin'));
  }
  const found = candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) were not found in ' +
        (candidates.length ? candidates.join(', ') : `${root}/<version>/bin`) +
        '. Every storage test also runs on PostgreSQL: install postgresql (Debian: `apt-get install -y postgresql`, ' +
        'version 15 or newer) or point CERTKEEPER_PG_BIN at its bin directory.',
    );
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a server binary, as the postgres user when we are root. */
async function pgRun(bin: string, args: string[]): Promise<void> {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  await run(file, argv, { maxBuffer: 16 * 1024 * 1024 });
}

export async function startPostgresCluster(options: { settings?: Record<string, string> } = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'certkeeper-pgdata-'));
  const socketDir = await mkdtemp(path.join(tmpdir(), 'certkeeper-pgsock-'));
  const cleanup = async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(socketDir, { recursive: true, force: true });
  };
  try {
    if (asRoot) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      await chown(dataDir, Number(stdout.trim()), Number(gid.trim()));
      await chown(socketDir, Number(stdout.trim()), Number(gid.trim()));
    }
    await pgRun(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    const settings: Record<string, string> = {
      listen_addresses: '127.0.0.1',
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '200',
      ...options.settings,
    };
    const logFile = path.join(socketDir, 'postgres.log');
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      const port = await freePort();
      const serverArgs = [`-p ${port}`, `-k ${socketDir}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
      try {
        await pgRun(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-o', serverArgs, '-w', '-t', '60', 'start']);
      } catch (err) {
        lastError = err; // most likely the port was taken in between: try another
        continue;
      }
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        port,
        stop: async () => {
          try {
            await pgRun(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
          } finally {
            await cleanup();
          }
        },
      };
    }
    const log = await readFile(logFile, 'utf8').catch(() => '');
    throw new Error(`PostgreSQL did not start: ${(lastError as Error)?.message ?? lastError}\n${log.slice(-2000)}`);
  } catch (err) {
    await cleanup();
    throw err;
  }
}
