/**
 * A throwaway nginx (Debian package `nginx-light`) serving TLS on 127.0.0.1 from certificate
 * files, for deployment tests: its configuration, pid, error log and temporary paths live in a
 * temporary directory, its port is chosen at run time. It is not started here: a deployment's
 * reload hook starts it the first time (the files exist only then) and reloads it afterwards,
 * as it would on a real server.
 *
 *   const nginx = await prepareNginx({ serverName: 'shop.example.test', certificate: '/root/…/fullchain.pem', key: '/root/…/privkey.pem' });
 *   writeFileSync(hookPath, nginx.reloadHookScript());   // start or `nginx -s reload`
 *   await nginx.stop();
 *
 * A missing binary is an error, never a silent skip (scripts/ensure-test-deps.sh installs it).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const nginxBin = process.env.CERTKEEPER_NGINX ?? '/usr/sbin/nginx';

export interface NginxOptions {
  serverName: string;
  /** The fullchain and key files nginx serves (they need not exist until it starts). */
  certificate: string;
  key: string;
}

export interface Nginx {
  port: number;
  dir: string;
  /** The command line that starts nginx, or reloads it when it runs. */
  startOrReloadCommand: string[];
  /** A POSIX sh reload hook: starts nginx the first time, `nginx -s reload` afterwards. */
  reloadHookScript(): string;
  /** The error log, for failure messages. */
  errorLog(): Promise<string>;
  /** Master pid while running. */
  pid(): Promise<number | undefined>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function prepareNginx(options: NginxOptions): Promise<Nginx> {
  if (!existsSync(nginxBin)) throw new Error(`${nginxBin} is missing: install the Debian package nginx-light (scripts/ensure-test-deps.sh does)`);
  const dir = await mkdtemp(path.join(tmpdir(), 'certkeeper-nginx-'));
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  const pidFile = path.join(dir, 'nginx.pid');
  const errorLog = path.join(dir, 'error.log');
  const root = process.getuid?.() === 0;
  await writeFile(
    conf,
    [
      // As root, workers would switch to an unprivileged user that may not reach this directory.
      root ? 'user root root;' : '',
      'daemon on;',
      'worker_processes 1;',
      `pid ${pidFile};`,
      `error_log ${errorLog} info;`,
      'events { worker_connections 64; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((p) => `  ${p}_temp_path ${path.join(dir, p)};`),
      '  server {',
      `    listen 127.0.0.1:${port} ssl;`,
      `    server_name ${options.serverName};`,
      `    ssl_certificate ${options.certificate};`,
      `    ssl_certificate_key ${options.key};`,
      '    location / { return 200 "ok\\n"; }',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  const base = [nginxBin, '-p', dir, '-c', conf, '-e', errorLog];
  const pid = async () => {
    try {
      const n = Number((await readFile(pidFile, 'utf8')).trim());
      process.kill(n, 0);
      return n;
    } catch {
      return undefined;
    }
  };
  return {
    port,
    dir,
    startOrReloadCommand: base,
    reloadHookScript: () =>
      [
        '#!/bin/sh',
        'set -e',
        `if [ -s '${pidFile}' ] && kill -0 "$(cat '${pidFile}')" 2>/dev/null; then`,
        `  exec ${base.map((a) => `'${a}'`).join(' ')} -s reload`,
        'fi',
        `exec ${base.map((a) => `'${a}'`).join(' ')}`,
        '',
      ].join('\n'),
    errorLog: () => readFile(errorLog, 'utf8').catch(() => ''),
    pid,
    stop: async () => {
      const n = await pid();
      if (n !== undefined) {
        await run(nginxBin, [...base.slice(1), '-s', 'stop']).catch(() => process.kill(n, 'SIGKILL'));
        for (let i = 0; i < 100 && (await pid()) !== undefined; i++) await new Promise((r) => setTimeout(r, 50));
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
