import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The web console: the single-page app built by `npm run build` into `dist/web` (web/, Vite).
 * Its hashed assets are served under `/assets/`; every other GET that asks for HTML and is not
 * under one of the APIs' prefixes answers the app's `index.html`, so a deep link
 * (`/projects/{projectId}/certificates/{id}`) opens the page it names.
 */

/**
 * Where the built console is: `dist/web` of this checkout, found from this file whether it
 * runs built (`dist/http/console.js`) or from the sources under test (`src/http/console.ts`).
 */
export function defaultConsoleDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
}

/**
 * Paths that belong to an API, the documentation or the assets: an unknown one keeps the JSON
 * answer of its API (a missing asset must not answer HTML either, or a stale page would run it).
 */
const RESERVED = ['/api', '/waap', '/v3', '/.well-known', '/docs', '/openapi.json', '/metrics', '/healthz', '/readyz', '/assets'];
const reserved = (p: string) => RESERVED.some((r) => p === r || p.startsWith(`${r}/`));

/**
 * The headers of every console answer. Scripts and styles come only from this origin (no
 * inline script: the console's text from certificates can never become code), no page may
 * frame the console (clickjacking), and API calls go to this origin only.
 */
export const CONSOLE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

export interface ConsolePages {
  /** Whether a request the router did not match is a console page (a GET for HTML outside the APIs). */
  answers(request: FastifyRequest): boolean;
  /** Sends index.html, never cached: it names the current assets. */
  send(reply: FastifyReply): FastifyReply;
}

/**
 * Registers the console's assets and returns its page answer, or undefined when no console is
 * built in `dir` (the API is then served alone, as before).
 */
export async function registerConsole(app: FastifyInstance, dir: string): Promise<ConsolePages | undefined> {
  const indexFile = path.join(dir, 'index.html');
  if (!existsSync(indexFile)) return undefined;
  // Read once: the file changes only with a new build, which comes with a restart.
  const index = readFileSync(indexFile);
  await app.register(fastifyStatic, {
    root: path.join(dir, 'assets'),
    prefix: '/assets/',
    // @fastify/swagger-ui registers the plugin too: one reply decorator is enough.
    decorateReply: false,
    index: false,
    list: false,
    // Names carry a content hash: a new build makes new names, so a browser may keep them.
    immutable: true,
    maxAge: '365d',
    setHeaders: (reply) => {
      reply.header('x-content-type-options', 'nosniff');
    },
  });
  return {
    answers(request) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      if (reserved(request.url.split('?', 1)[0])) return false;
      return (request.headers.accept ?? '').includes('text/html');
    },
    send(reply) {
      return reply.status(200).headers(CONSOLE_SECURITY_HEADERS).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
    },
  };
}
