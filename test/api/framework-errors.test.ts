/**
 * What fastify itself refuses, before any route runs (a path it cannot decode, a path
 * parameter longer than the router takes), answered like everything else: in the native
 * envelope, or in the shape of the compatible API whose prefix the path is under, after the
 * API's authentication. And how bodies are read before a handler runs: an empty one is no
 * body where the route takes none, one that is not JSON is 415 on every route.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

const envelope = (code: string) => ({ success: false, code, errors: [expect.any(String)], messages: [], result: null, resultInfo: null });
const waap = (code: string) => ({ code, message: expect.any(String) });
const scm = (code: string) => ({ error_code: code, error_msg: expect.any(String) });

/** A request over a real connection: the path is sent byte for byte as given. */
function request(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ statusCode: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    // Node sends a DELETE's body without framing unless told its length.
    const framing = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { ...headers, ...framing } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe.each(dialects)('refusals of the router on %s', (dialect) => {
  let t: TestApp;
  let port: number;
  let services: string;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
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

describe.each(dialects)('request bodies on %s', (dialect) => {
  let t: TestApp;
  let port: number;
  let project: string;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    project = `/api/v1/projects/${t.project.id}`;
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => t.close());

  const json = { 'content-type': 'application/json' };
  const text = { 'content-type': 'text/plain' };
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const cases: [string, string, () => string, Record<string, string>, string | undefined, number, unknown][] = [
    // A route that takes no body, called without one, whatever the Content-Type says.
    ['validate: no body schema, an empty JSON body', 'PUT', () => `${project}/certificates/999/validate`, json, undefined, 404, envelope('certificate_not_found')],
    ['renew: no body schema, an empty JSON body', 'POST', () => `${project}/certificates/999/renew`, json, undefined, 404, envelope('certificate_not_found')],
    ['…or an empty text/plain one', 'POST', () => `${project}/certificates/999/renew`, text, undefined, 404, envelope('certificate_not_found')],
    ['delete: no body schema, an empty JSON body', 'DELETE', () => `${project}/services/999`, json, undefined, 404, envelope('service_not_found')],
    ['revoke: every body field optional, an empty JSON body', 'POST', () => `${project}/certificates/999/revoke`, json, undefined, 404, envelope('certificate_not_found')],
    ['…or no body and no Content-Type', 'POST', () => `${project}/certificates/999/revoke`, {}, undefined, 404, envelope('certificate_not_found')],
    ['revocation-check: an optional body, an empty JSON body', 'POST', () => `${project}/certificates/999/revocation-check`, json, undefined, 404, envelope('certificate_not_found')],
    ['notification policy: every field optional, an empty JSON body', 'PUT', () => `${project}/notification-policy`, json, undefined, 200, expect.objectContaining({ success: true })],
    ['…or no body and no Content-Type', 'PUT', () => `${project}/notification-policy`, {}, undefined, 200, expect.objectContaining({ success: true })],
    // A route that needs a body.
    ['create service: an empty JSON body', 'POST', () => `${project}/services`, json, undefined, 400, envelope('malformed_json')],
    ['change scope: an empty JSON body', 'PUT', () => `${project}/certificates/999`, json, undefined, 400, envelope('malformed_json')],
    ['create service: an empty text/plain body', 'POST', () => `${project}/services`, text, undefined, 415, envelope('unsupported_media_type')],
    // Every field of an import is optional in its schema: no body is `{}`, which names neither certificateBody nor pkcs12.
    ['import: an empty JSON body', 'POST', () => `${project}/certificates/import`, json, undefined, 400, envelope('validation_failed')],
    // A body that is not JSON, with or without a body schema.
    ['import: a text/plain body', 'POST', () => `${project}/certificates/import`, text, '{"certificateBody": "x"}', 415, envelope('unsupported_media_type')],
    ['import: a form body', 'POST', () => `${project}/certificates/import`, form, 'certificateBody=x', 415, envelope('unsupported_media_type')],
    ['renew: a text/plain body', 'POST', () => `${project}/certificates/999/renew`, text, 'now', 415, envelope('unsupported_media_type')],
    ['delete: a text/plain body', 'DELETE', () => `${project}/services/999`, text, 'x', 415, envelope('unsupported_media_type')],
    ['delete: a JSON body, ignored', 'DELETE', () => `${project}/services/999`, json, '{}', 404, envelope('service_not_found')],
    // No route: 404 whatever the body.
    ['an unknown path, an empty JSON body', 'POST', () => '/api/v1/nothing', json, undefined, 404, envelope('route_not_found')],
    ['an unknown path, a text/plain body', 'POST', () => '/api/v1/nothing', text, 'x', 404, envelope('route_not_found')],
    ['WAAP: an unknown method, an empty JSON body', 'POST', () => '/waap/v1.0/services/1/certificates', json, undefined, 404, waap('Route.NotFound')],
    ['WAAP: an unknown method, a text/plain body', 'POST', () => '/waap/v1.0/services/1/certificates', text, 'x', 404, waap('Route.NotFound')],
    ['SCM: an unknown method, an empty JSON body', 'POST', () => '/v3/scm/certificates/abcdefabcdefabcd', json, undefined, 404, scm('SCM.0404')],
  ];
  const headersOf = (headers: Record<string, string>) => ({ authorization: `Bearer ${t.keys.admin}`, 'x-auth-token': t.keys.admin, ...headers });

  it.each(cases)('%s (inject): %s', async (_name, method, path, headers, body, status, expected) => {
    const res = await t.app.inject({ method: method as 'GET', url: path(), headers: headersOf(headers), payload: body });
    expect([res.statusCode, res.json()]).toEqual([status, expected]);
  });

  it.each(cases)('%s (HTTP): %s', async (_name, method, path, headers, body, status, expected) => {
    const res = await request(port, method, path(), headersOf(headers), body);
    expect([res.statusCode, res.json]).toEqual([status, expected]);
  });
});
