import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { LONGEST_PATH_PARAMETER } from '../../src/http/build-app.js';

interface Operation {
  operationId?: string;
  tags?: string[];
  responses: Record<string, { description: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
}
interface Document {
  openapi: string;
  info: { license?: { name: string }; description?: string };
  servers?: { url: string }[];
  tags?: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace']);

/**
 * Operations that cannot answer a 4xx: they take no input and need no key (a wrong path or
 * method is answered by the not-found handler, which is no operation's).
 */
const NO_CLIENT_ERRORS = new Set(['getHealth', 'getReadiness', 'getAuthOptions']);

/** Every object in a JSON value, with its JSON pointer. */
function* objectsOf(value: unknown, pointer = ''): Generator<[string, Record<string, unknown>]> {
  if (typeof value !== 'object' || value === null) return;
  if (!Array.isArray(value)) yield [pointer, value as Record<string, unknown>];
  for (const [k, v] of Object.entries(value)) yield* objectsOf(v, `${pointer}/${k}`);
}

// On SQLite only: the document is built from the routes' schemas and the error bodies by the
// error handler, whatever the database.
describe('GET /openapi.json', () => {
  let t: TestApp;
  let text: string;
  let doc: Document;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, op]) => ({ label: `${method.toUpperCase()} ${p}`, path: p, op })),
    );
  const byId = (id: string) => {
    const found = operations().find((o) => o.op.operationId === id);
    if (!found) throw new Error(`no operation ${id}`);
    return found.op;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.call('GET', '/openapi.json', { key: null });
    expect(res.statusCode).toBe(200);
    text = res.body;
    doc = res.json();
  });
  afterAll(async () => t.close());

  it('is valid against the OpenAPI 3.1 specification schema', async () => {
    const validator = new Validator();
    // A fresh copy of the document as served: the validator writes into the object it is given.
    const result = await validator.validate(JSON.parse(text));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('passes the recommended lint rules, schema objects included', async () => {
    const config = await createConfig({
      extends: ['recommended'],
      rules: {
        // A proprietary licence has neither an SPDX identifier nor a URL to give.
        'info-license-strict': 'off',
        // Checked below, with the operations that cannot answer one.
        'operation-4xx-response': 'off',
        // Checked below: the single sign-on routes answer only redirects (browser navigations).
        'operation-2xx-response': 'off',
      },
    });
    const problems = await lintFromString({ source: text, absoluteRef: 'openapi.json', config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
    const without2xx: string[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>)) {
      for (const [method, op] of Object.entries(item)) {
        const codes = Object.keys(op.responses ?? {});
        if (!codes.some((c) => /^2/.test(c)) && !codes.some((c) => /^3/.test(c))) without2xx.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(without2xx, 'operations with neither a 2xx nor a redirect').toEqual([]);
  });

  it('has a licence, a relative server and a description naming no outside text', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.license).toEqual({ name: 'Proprietary' });
    expect(doc.servers).toEqual([{ url: '/', description: 'this server' }]);
    expect(doc.info.description).not.toMatch(/document \d/i);
  });

  it('gives every operation a unique camelCase operationId and a declared tag', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThanOrEqual(78);
    const declaredTags = new Set((doc.tags ?? []).map((tag) => tag.name));
    const ids = new Map<string, string>();
    for (const { label, op } of ops) {
      expect(op.operationId, label).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(ids.get(op.operationId!), `${label} shares its operationId`).toBeUndefined();
      ids.set(op.operationId!, label);
      expect(op.tags?.length, label).toBeGreaterThan(0);
      for (const tag of op.tags!) expect(declaredTags.has(tag), `${label}: tag ${tag} is not declared`).toBe(true);
    }
    expect(ids.get('listCertificates')).toBe('GET /api/v1/projects/{projectId}/certificates');
    expect(ids.get('getWaapDomainCertificate')).toBe('GET /waap/v1.0/services/{serviceId}/certificates');
    expect(ids.get('checkCertificate')).toBe('GET /');
    expect(ids.get('checkCertificateByForm')).toBe('POST /');
  });

  it('bounds every path parameter within what the router accepts (LONGEST_PATH_PARAMETER)', () => {
    const seen = new Set<string>();
    for (const { label, op } of operations()) {
      const parameters = (op as { parameters?: { in: string; name: string; schema: Record<string, unknown> }[] }).parameters ?? [];
      for (const { name, schema } of parameters.filter((p) => p.in === 'path')) {
        seen.add(name);
        const where = `${label} {${name}}`;
        if (schema.type === 'integer') continue;
        expect(schema.type, where).toBe('string');
        if (schema.format === 'uuid') continue;
        if (typeof schema.maxLength === 'number') expect(schema.maxLength, where).toBeLessThanOrEqual(LONGEST_PATH_PARAMETER);
        // Otherwise a pattern whose every repetition is bounded.
        else expect(schema.pattern, where).toMatch(/^\^(?:[^*+{]|\{\d+(?:,\d+)?\})*\$$/);
      }
    }
    expect([...seen]).toEqual(expect.arrayContaining(['projectId', 'domain', 'appId', 'accessKeyId', 'certificate_id', 'serviceId']));
  });

  it('documents the 4xx answers of every operation that can give one, as JSON with their codes', () => {
    for (const { label, op } of operations()) {
      const clientErrors = Object.keys(op.responses).filter((s) => /^4\d\d$/.test(s));
      if (NO_CLIENT_ERRORS.has(op.operationId!)) {
        expect(clientErrors, label).toEqual([]);
        continue;
      }
      expect(clientErrors.length, `${label} documents no 4xx`).toBeGreaterThan(0);
      for (const status of clientErrors) {
        const response = op.responses[status];
        expect(response.content?.['application/json']?.schema, `${label} ${status}`).toBeDefined();
        expect(response.description, `${label} ${status}`).toMatch(/ is one of /);
      }
    }
    const envelope = { $ref: '#/components/schemas/ErrorEnvelope' };
    const statuses = (id: string) => Object.keys(byId(id).responses).filter((s) => s !== '200');
    // Derived: authentication, validation, a path parameter, a body method.
    expect(statuses('importCertificate')).toEqual(['400', '401', '403', '404', '413', '415']);
    expect(statuses('listProjects')).toEqual(['400', '401', '403', '404']);
    expect(byId('deleteCertificate').responses['415'].content!['application/json'].schema).toEqual(envelope);
    expect(byId('getMetrics').responses['401'].description).toBe('Unauthorized: code is one of unauthorized, sign_in_failed');
    // Listed by the route: its conflicts.
    expect(byId('exportCertificate').responses['409'].description).toContain('export_no_private_key');
    expect(statuses('revokeCertificate')).toContain('409');
    expect(byId('createDeployment').responses['409'].description).toContain('deployment_already_exists');
    expect(byId('createDeploymentTarget').responses['409'].description).toContain('deploy_root_not_configured');
    expect(byId('createDeploymentTarget').responses['400'].description).toContain('deployment_path_invalid');
    // An error of a route whose success is not JSON is still JSON.
    expect(Object.keys(byId('getCertificateChain').responses['404'].content!)).toEqual(['application/json']);
    // The compatible APIs in their own shapes.
    expect(byId('checkCertificateByForm').responses['400'].content!['application/json'].schema).toEqual({ $ref: '#/components/schemas/CheckCertificateError' });
    expect(byId('getWaapDomainCertificate').responses['404'].content!['application/json'].schema).toMatchObject({ required: ['code', 'message'] });
    expect(byId('getScmCertificate').responses['401'].content!['application/json'].schema).toMatchObject({ required: ['error_code', 'error_msg'] });
  });

  it('documents 502 and 503 for every operation that waits on the ACME CA', () => {
    for (const id of ['createCertificate', 'validateCertificate', 'renewCertificate', 'revokeCertificate', 'requestDomainAutocert']) {
      const { responses } = byId(id);
      expect(responses['502']?.description, id).toContain('acme_error');
      expect(responses['503']?.description, id).toContain('acme_unavailable');
    }
  });

  it('publishes the schemas as JSON Schema 2020-12 (no OpenAPI 3.0 nullable, numeric exclusive bounds)', () => {
    const bounds = byId('updateNotificationPolicy') as Operation & { requestBody: { content: Record<string, { schema: { properties: Record<string, { items: unknown }> } }> } };
    expect(bounds.requestBody.content['application/json'].schema.properties.lifetimeFractions.items).toMatchObject({ exclusiveMinimum: 0, exclusiveMaximum: 1 });
    for (const [pointer, object] of objectsOf(doc.paths)) {
      expect(object.nullable, pointer).toBeUndefined();
      expect(typeof object.exclusiveMinimum === 'boolean', pointer).toBe(false);
    }
  });

  it('constrains every string a request carries: a text format, another format, a constant or an anchored pattern', () => {
    // A string schema without one takes control characters and unpaired surrogates (PostgreSQL
    // cannot store U+0000): src/api/text-schemas.ts has the helpers.
    const allowedFormats = new Set(['single-line-text', 'multi-line-text', 'uuid', 'date-time']);
    const unconstrained: string[] = [];
    const visit = (schema: unknown, where: string): void => {
      if (typeof schema !== 'object' || schema === null) return;
      const s = schema as Record<string, unknown>;
      if (s.type === 'string') {
        const constrained =
          (typeof s.format === 'string' && allowedFormats.has(s.format)) || 'const' in s || 'enum' in s || (typeof s.pattern === 'string' && /^\^.*\$$/.test(s.pattern));
        if (!constrained) unconstrained.push(where);
      }
      for (const key of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(s[key])) (s[key] as unknown[]).forEach((sub, i) => visit(sub, `${where}/${key}/${i}`));
      if (s.items) visit(s.items, `${where}[]`);
      if (s.additionalProperties) visit(s.additionalProperties, `${where}/*`);
      for (const map of ['properties', 'patternProperties'] as const) {
        for (const [name, sub] of Object.entries((s[map] as Record<string, unknown> | undefined) ?? {})) visit(sub, `${where}/${name}`);
      }
    };
    type WithInput = Operation & { parameters?: Array<{ in: string; name: string; schema: unknown }>; requestBody?: { content: Record<string, { schema: unknown }> } };
    let strings = 0;
    const count = (schema: unknown) => (strings += (JSON.stringify(schema).match(/"type":"string"/g) ?? []).length);
    for (const { label, op } of operations()) {
      const o = op as WithInput;
      for (const p of o.parameters ?? []) (count(p.schema), visit(p.schema, `${label} ${p.in} ${p.name}`));
      for (const [type, c] of Object.entries(o.requestBody?.content ?? {})) (count(c.schema), visit(c.schema, `${label} body (${type})`));
    }
    expect(strings).toBeGreaterThan(50);
    expect(unconstrained).toEqual([]);
  });

  it('keeps hidden routes out', () => {
    expect(Object.keys(doc.paths).filter((p) => p === '/openapi.json' || p.startsWith('/.well-known') || p.startsWith('/docs'))).toEqual([]);
  });

  it('generates TypeScript types that compile and name the operations', async () => {
    const generated = astToString(await openapiTS(structuredClone(doc) as never));
    expect(generated).toContain('"/api/v1/projects/{projectId}/certificates/{id}": {');
    expect(generated).toContain('getWaapDomainCertificate: {');
    const dir = mkdtempSync(path.join(tmpdir(), 'certkeeper-openapi-'));
    try {
      writeFileSync(path.join(dir, 'api.ts'), generated);
      writeFileSync(
        path.join(dir, 'use.ts'),
        [
          "import type { components, operations, paths } from './api';",
          "type Envelope = components['schemas']['ErrorEnvelope'];",
          "export const notFound: operations['getCertificate']['responses'][404]['content']['application/json'] = { success: false, code: 'certificate_not_found', errors: ['gone'], messages: [], result: null, resultInfo: null } satisfies Envelope;",
          "export const query: paths['/api/v1/projects/{projectId}/certificates']['get']['parameters']['query'] = { pageSize: 20, expiringWithinDays: 30 };",
          "export const policy: operations['updateNotificationPolicy']['requestBody']['content']['application/json'] = { lifetimeFractions: [0.5], digest: true };",
          "export const waap: operations['getWaapDomainCertificate']['responses'][404]['content']['application/json'] = { code: 'Domain.NotFound', message: 'Domain is not found.' };",
          "export const check: operations['checkCertificate']['responses'][400]['content']['application/json']['Code'] = 'SignatureDoesNotMatch';",
        ].join('\n'),
      );
      const program = ts.createProgram([path.join(dir, 'use.ts')], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        types: [],
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      expect(diagnostics).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the error bodies as the native error handler writes them', async () => {
    const project = `/api/v1/projects/${t.project.id}`;
    const imported = await t.call('POST', `${project}/certificates/import`, { body: { certificateBody: aCertificate({ commonName: 'openapi.example.com' }).certPem } });
    expect(imported.statusCode).toBe(200);
    const id = imported.json().result.id as number;
    const cases: [string, string, number, string][] = [
      // Statuses whose schema the document work added or changed: the body is JSON.stringify's of the envelope.
      ['PUT', `${project}/certificates/0/validate`, 400, 'validation_failed'],
      ['PUT', `${project}/certificates/${id}/validate`, 409, 'certificate_not_managed'],
      ['POST', `${project}/certificates/${id}/revoke`, 409, 'certificate_not_managed'],
      ['POST', `${project}/certificates/${id}/renew`, 409, 'certificate_not_managed'],
    ];
    for (const [method, url, status, code] of cases) {
      const res = await t.call(method, url, { body: method === 'POST' ? {} : undefined });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
      const body = res.json();
      expect(body).toEqual({ success: false, code, errors: [expect.any(String)], messages: [], result: null, resultInfo: null });
      expect(res.body).toBe(JSON.stringify(body));
    }
  });
});
