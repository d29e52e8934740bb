/**
 * How the server serves the web console (src/http/console.ts): its pages for every GET that
 * asks for HTML outside the APIs, with the security headers and no caching; its hashed assets
 * cached for a year; and every API's unknown path answered in that API's JSON, as before.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConsoleDir } from '../../src/http/console.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the web console', () => {
  let t: TestApp;
  let index: string;
  beforeAll(async () => {
    t = await createTestApp();
    index = readFileSync(path.join(defaultConsoleDir(), 'index.html'), 'utf8');
  });
  afterAll(async () => t.close());

  const page = (url: string, accept = HTML, method: 'GET' | 'HEAD' | 'POST' = 'GET') => t.app.inject({ method, url, headers: { accept } });

  it.each(['/', '/setup', '/projects/0b7e2f57-5a4c-4d51-9a70-3e6f3f0f2a11', '/projects/0b7e2f57-5a4c-4d51-9a70-3e6f3f0f2a11/certificates?status=Expired', '/projects/0b7e2f57-5a4c-4d51-9a70-3e6f3f0f2a11/certificates/12', '/anything/else'])(
    'GET %s for HTML answers the app, never cached, with the security headers',
    async (url) => {
      const res = await page(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toBe(index);
      expect(res.headers['cache-control']).toBe('no-cache');
      const csp = String(res.headers['content-security-policy']);
      const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
      expect(scriptSrc).toBe("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
    },
  );

  it('the app loads its script and styles from /assets/ only, none inline', () => {
    expect(index).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
    expect(index).toMatch(/<link rel="stylesheet" crossorigin href="\/assets\/[^"]+\.css">/);
    expect(index).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(index).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });

  it('assets have hashed names and are cached for a year', async () => {
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)![1];
    const res = await page(script, '*/*');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a missing asset is a 404, never the page (a stale page must not run HTML as its script)', async () => {
    const res = await page('/assets/index-00000000.js', HTML);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ success: false, code: 'route_not_found' });
  });

  it.each([
    ['GET', '/api/v1/nothing-here'],
    ['GET', '/api'],
    ['GET', '/api/v1/projects/0b7e2f57-5a4c-4d51-9a70-3e6f3f0f2a11/nothing'],
    ['GET', '/waap'],
    ['GET', '/waap/v1.0/nothing'],
    ['GET', '/v3/scm'],
    ['GET', '/v3/scm/nothing/here'],
    ['GET', '/.well-known/nothing'],
    ['GET', '/docs/nothing-here'],
    ['GET', '/?Action=CheckCertificate'],
    ['POST', '/projects'],
    ['POST', '/setup'],
  ] as const)('%s %s answers as without the console, whatever the Accept header', async (method, url) => {
    const asPage = await page(url, HTML, method);
    const asApi = await t.app.inject({ method, url, headers: { accept: 'application/json' } });
    expect(asPage.statusCode).toBeGreaterThanOrEqual(400);
    expect(asPage.headers['content-type']).toMatch(/^application\/json/);
    // Each answer has a request id of its own (Alibaba Cloud's RequestId).
    const shape = (body: Record<string, unknown>) => ({ ...body, RequestId: undefined });
    expect([asPage.statusCode, shape(asPage.json())]).toEqual([asApi.statusCode, shape(asApi.json())]);
  });

  it('a GET that does not ask for HTML keeps the JSON 404', async () => {
    const res = await page('/projects/x', 'application/json');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ success: false, code: 'route_not_found' });
  });
});
