/**
 * What fastify itself refuses, before any route runs (a path it cannot decode, a path
 * parameter longer than the router takes), answered like everything else: in the native
 * envelope, or in the shape of the compatible API whose prefix the path is under, after the
 * API's authentication.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

const envelope = (code: string) => ({ success: false, code, errors: [expect.any(String)], messages: [], result: null, resultInfo: null });
const waap = (code: string) => ({ code, message: expect.any(String) });
const scm = (code: string) => ({ error_code: code, error_msg: expect.any(String) });

/** A request over a real connection: the path is sent byte for byte as given. */
function request(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ statusCode: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('refusals of the router', () => {
  let t: TestApp;
  let port: number;
  let services: string;
  beforeAll(async () => {
    t = await createTestApp();
    services = `/api/v1/projects/${t.project.id}/services`;
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => t.close());

  const tooLong = 'a'.repeat(600);
  type Key = 'bearer' | 'token' | 'none';
  const headersOf = (key: Key): Record<string, string> =>
    key === 'bearer' ? { authorization: `Bearer ${t.keys.viewer}` } : key === 'token' ? { 'x-auth-token': t.keys.viewer } : {};

  const cases: [string, string, () => string, Key, number, unknown][] = [
    ['native: an undecodable project id', 'GET', () => '/api/v1/projects/%ZZ/services', 'bearer', 400, envelope('validation_failed')],
    ['…without a key, 401 first', 'GET', () => '/api/v1/projects/%ZZ/services', 'none', 401, envelope('unauthorized')],
    ['native: an undecodable domain', 'DELETE', () => `${services}/1/domains/%E0%A4%A`, 'bearer', 400, envelope('validation_failed')],
    ['native: a domain longer than the router takes', 'DELETE', () => `${services}/1/domains/${tooLong}`, 'bearer', 400, envelope('validation_failed')],
    ['…without a key, 401 first', 'DELETE', () => `${services}/1/domains/${tooLong}`, 'none', 401, envelope('unauthorized')],
    ['native: an appId longer than the router takes', 'GET', () => `/api/v1/projects/${t.project.id}/apps/${tooLong}`, 'bearer', 400, envelope('validation_failed')],
    ['outside every API (the Alibaba Cloud API is served at / only)', 'GET', () => '/%ZZ?Action=CheckCertificate', 'none', 400, envelope('validation_failed')],
    ['WAAP: an undecodable serviceId', 'GET', () => '/waap/v1.0/services/%ZZ/certificates?domain=a.example', 'bearer', 400, waap('Request.Invalid')],
    ['…without a key, 401 first', 'GET', () => '/waap/v1.0/services/%ZZ/certificates?domain=a.example', 'none', 401, waap('Unauthorized')],
    ['WAAP: a serviceId longer than the router takes', 'GET', () => `/waap/v1.0/services/${'1'.repeat(600)}/certificates?domain=a.example`, 'bearer', 400, waap('Request.Invalid')],
    ['SCM: an undecodable certificate id', 'GET', () => '/v3/scm/certificates/%ZZ', 'token', 400, scm('SCM.0400')],
    ['…without a token, 401 first', 'GET', () => '/v3/scm/certificates/%ZZ', 'none', 401, scm('SCM.0401')],
    ['…whose key is read from X-Auth-Token only', 'GET', () => '/v3/scm/certificates/%ZZ', 'bearer', 401, scm('SCM.0401')],
    ['SCM: a certificate id longer than the router takes', 'GET', () => `/v3/scm/certificates/${tooLong}`, 'token', 400, scm('SCM.0400')],
  ];

  it.each(cases)('%s (inject): %s', async (_name, method, path, key, status, body) => {
    const res = await t.app.inject({ method: method as 'GET', url: path(), headers: headersOf(key) });
    expect([res.statusCode, res.json()]).toEqual([status, body]);
  });

  it.each(cases)('%s (HTTP): %s', async (_name, method, path, key, status, body) => {
    const res = await request(port, method, path(), headersOf(key));
    expect([res.statusCode, res.json]).toEqual([status, body]);
  });
});
