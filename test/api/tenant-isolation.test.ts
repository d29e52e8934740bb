import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCertificate } from '../support/test-ca.js';
import { createTestApp, SUPER_TOKEN, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

type Schema = { minItems?: number; type?: string; properties?: Record<string, Schema>; required?: string[]; anyOf?: Schema[]; enum?: unknown[]; const?: unknown; format?: string; minimum?: number; items?: Schema; minLength?: number };
type Parameter = { name: string; in: string; required?: boolean };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };

/**
 * A minimal value that satisfies a JSON schema, so routes fail on authorization or on the object,
 * not on validation: with the intruder's own project in the path the body is validated before the
 * object is looked up.
 */
function exampleOf(schema: Schema, name = ''): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return exampleOf(schema.anyOf[0], name);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((k) => [k, exampleOf(schema.properties![k], k)]));
    case 'string':
      if (name === 'domain') return 'intruder.example.com';
      if (name === 'email') return 'intruder@example.com';
      return schema.format === 'uuid' ? randomUUID() : 'example';
    case 'integer':
    case 'number':
      return schema.minimum ?? 0;
    case 'boolean':
      return true; // the change, where a flag is one (disabled, muted)
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items!, name));
    default:
      return null;
  }
}

/** Every name in the victim's objects carries this, so a leak of any of them shows in a body. */
const CANARY = 'secret.example.com';

describe.each(dialects)('tenant isolation: every route, with another tenant’s key, on the tenant’s real objects on %s', (dialect) => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  /** A value of the victim's for every path and required query parameter of the document. */
  let victim: Record<string, string>;
  let agentKey: string;
  let agentDeploymentId: string;
  let paths: Record<string, Record<string, Operation>>;
  let deployRoot: string;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    deployRoot = mkdtempSync(path.join(tmpdir(), 'certkeeper-isolation-deploy-'));
    t = await createTestApp({ dialect, env: { CERTKEEPER_DEPLOY_ROOT: deployRoot } });
    const base = `/api/v1/projects/${t.project.id}`;
    const ok = async (method: string, url: string, key: string, body?: unknown) => {
      const res = await t.call(method, url, { key, body });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
      return res.json().result;
    };
    const c = aCertificate({ commonName: CANARY });
    const cert = await ok('POST', `${base}/certificates/import`, t.keys.editor, { certificateBody: c.certPem, certificatePrivateKey: c.keyPem, scopeId: 0 });
    const keyId = (await ok('GET', `${base}/api-keys`, t.keys.admin))[0].id;
    // A service whose domain uses the certificate, so service and domain routes have ids that exist.
    const service = await ok('POST', `${base}/services`, t.keys.editor, { name: `${CANARY} service` });
    await ok('POST', `${base}/services/${service.id}/domains`, t.keys.editor, { domain: CANARY });
    await ok('PUT', `${base}/services/${service.id}/domains/${CANARY}/certificate`, t.keys.editor, { certificateId: cert.id });
    const app = await ok('POST', `${base}/apps`, t.keys.editor, { appId: 'com.example.secret', name: `${CANARY} app`, platforms: ['ios'] });
    // The app has a binding, so the unbinding route has something to remove.
    const push = aCertificate({ apns: { environments: ['production'], bundleId: app.appId } });
    const pushCert = await ok('POST', `${base}/certificates/import`, t.keys.editor, { certificateBody: push.certPem, certificatePrivateKey: push.keyPem });
    await ok('PUT', `${base}/apps/${app.appId}/certificates`, t.keys.editor, { certificateId: pushCert.id, platform: 'iPhone', environment: 'production' });
    const channel = await ok('POST', `${base}/notification-channels`, t.keys.admin, { name: `${CANARY} hook`, type: 'webhook', config: { url: receiver.url('/victim'), secret: 'victim-webhook-secret-0123456789' } });
    // A test send is a delivery of the channel's.
    const delivery = await ok('POST', `${base}/notification-channels/${channel.id}/test`, t.keys.admin);
    expect(delivery.status).toBe('delivered');
    expect(receiver.requests).toHaveLength(1);
    const endpoint = await ok('POST', `${base}/endpoints`, t.keys.editor, { host: CANARY, port: 443, protocol: 'tls' });
    const accessKey = await ok('POST', `${base}/access-keys`, t.keys.admin, { name: `${CANARY} monitor`, role: 'viewer' });
    const target = await ok('POST', `${base}/deployment-targets`, t.keys.admin, { name: `${CANARY} web`, type: 'local', config: { directory: 'victim' } });
    const deployment = await ok('POST', `${base}/deployments`, t.keys.admin, { certificateId: cert.id, targetId: target.id, endpointIds: [endpoint.id] });
    // An agent target: its routes are read with its own deployment key.
    const agentTarget = await ok('POST', `${base}/deployment-targets`, t.keys.admin, { name: `${CANARY} agent`, type: 'agent' });
    agentKey = agentTarget.agentKey;
    agentDeploymentId = String((await ok('POST', `${base}/deployments`, t.keys.admin, { certificateId: cert.id, targetId: agentTarget.id, name: 'agent-copy' })).id);
    // A person of the tenant's, signed in.
    const user = (await ok('POST', '/api/v1/users', SUPER_TOKEN, { email: `member@${CANARY}`, password: 'the member password' })).user;
    const signedIn = await t.call('POST', '/api/v1/auth/sign-in', { key: null, body: { email: `member@${CANARY}`, password: 'the member password' } });
    const cookie = (signedIn.headers['set-cookie'] as string).split(';')[0];
    const session = (await t.call('GET', '/api/v1/auth/sessions', { key: null, headers: { cookie } })).json().result[0];
    victim = {
      organizationId: t.org.id,
      projectId: t.project.id,
      id: String(cert.id),
      certificate_id: cert.uid,
      keyId,
      serviceId: String(service.id),
      domain: CANARY,
      appId: app.appId,
      platform: 'iPhone',
      environment: 'production',
      channelId: channel.id,
      notificationId: delivery.id,
      endpointId: String(endpoint.id),
      accessKeyId: accessKey.accessKeyId,
      targetId: String(target.id),
      deploymentId: String(deployment.id),
      userId: user.id,
      sessionId: session.id,
    };
    paths = (await t.call('GET', '/openapi.json', { key: null })).json().paths;
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
    rmSync(deployRoot, { recursive: true, force: true });
  });

  const routes = () =>
    Object.entries(paths).flatMap(([p, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const parameters = (op.parameters ?? []).filter((x) => x.in === 'path' || (x.in === 'query' && x.required));
        return { method: method.toUpperCase(), path: p, op, parameters };
      }),
    );
  const parameterised = () => routes().filter((r) => r.parameters.length > 0);
  /** The route's URL with `values` for its parameters (path ones in the path, required query ones in the query string). */
  const urlOf = (r: ReturnType<typeof routes>[number], values: Record<string, string>) => {
    let url = r.path;
    const query: string[] = [];
    for (const p of r.parameters) {
      if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(values[p.name]!));
      else query.push(`${p.name}=${encodeURIComponent(values[p.name]!)}`);
    }
    expect(url, `${r.path}: a path parameter the document does not list`).not.toMatch(/[{}]/);
    return query.length > 0 ? `${url}?${query.join('&')}` : url;
  };
  const bodyOf = (r: ReturnType<typeof routes>[number]) => {
    if (r.path === '/api/v1/projects/{projectId}/certificates/import') return { certificateBody: aCertificate({ commonName: 'intruder.example.com' }).certPem };
    const schema = r.op.requestBody?.content['application/json']?.schema;
    return schema ? exampleOf(schema) : undefined;
  };

  /** What the tenant sees through every GET route that reads its objects, as its superuser (the agent routes: as its agent). */
  const tenantView = async () => {
    const out: Record<string, { status: number; body: string }> = {};
    for (const r of parameterised().filter((x) => x.method === 'GET')) {
      const agent = r.path.startsWith('/api/v1/agent/');
      const url = urlOf(r, agent ? { ...victim, deploymentId: agentDeploymentId } : victim);
      const res = await t.call('GET', url, agent ? { key: agentKey } : { headers: { 'x-auth-token': SUPER_TOKEN } });
      out[url] = { status: res.statusCode, body: res.body };
    }
    return out;
  };

  it('has the tenant’s own value for every parameter the document names', () => {
    const names = [...new Set(parameterised().flatMap((r) => r.parameters.map((p) => p.name)))].sort();
    expect(names.length).toBeGreaterThanOrEqual(12);
    expect(names.filter((n) => victim[n] === undefined), 'parameters without a substitute: create such an object in beforeAll').toEqual([]);
  });

  it('the tenant’s own superuser reads every one of those objects (the substitutes are real)', async () => {
    for (const [url, res] of Object.entries(await tenantView())) {
      expect(res.status, `GET ${url}: ${res.body}`).toBe(200);
    }
  });

  it.each([
    ['an admin key of another organization', false],
    ['an admin key of another project in the same organization', true],
  ])('%s gets 404 or 403 on every route naming the tenant’s objects and changes nothing', async (_name, sameOrg) => {
    const intruder = await t.otherTenant(sameOrg);
    const before = await tenantView();
    const headers = { 'x-auth-token': intruder.adminKey }; // the Huawei SCM API's header; the native API reads Authorization
    const call = (method: string, url: string, body?: unknown) => t.call(method, url, { key: intruder.adminKey, body, headers });

    const all = parameterised();
    expect(all.filter((r) => r.path.includes('{projectId}')).length).toBeGreaterThanOrEqual(50);
    // The tenant's project and objects in the path: the key does not cover them.
    for (const r of all) {
      const url = urlOf(r, victim);
      const res = await call(r.method, url, bodyOf(r));
      expect([403, 404], `${r.method} ${url} answered ${res.statusCode}: ${res.body}`).toContain(res.statusCode);
      expect(res.body).not.toContain(CANARY);
    }
    // The intruder's own project in the path, the tenant's objects after it: the objects are
    // looked up in the intruder's project, where they do not exist.
    const own = { ...victim, projectId: intruder.projectId };
    const objectRoutes = all.filter((r) => r.path.includes('{projectId}') && r.parameters.some((p) => p.name !== 'projectId'));
    expect(objectRoutes.length).toBeGreaterThanOrEqual(35);
    for (const r of objectRoutes) {
      const url = urlOf(r, own);
      const res = await call(r.method, url, bodyOf(r));
      expect([403, 404], `${r.method} ${url} answered ${res.statusCode}: ${res.body}`).toContain(res.statusCode);
      expect(res.body).not.toContain(CANARY);
    }

    // Routes outside a project do not reveal or touch the tenant either.
    const orgs = await t.call('GET', '/api/v1/organizations', { key: intruder.adminKey });
    if (!sameOrg) expect(orgs.body).not.toContain(t.org.id);
    const projects = await t.call('GET', '/api/v1/projects', { key: intruder.adminKey });
    expect(projects.body).not.toContain(t.project.id);
    const newProject = await t.call('POST', '/api/v1/projects', { key: intruder.adminKey, body: { organizationId: t.org.id, name: 'x' } });
    expect([403, 404]).toContain(newProject.statusCode);
    expect((await t.call('POST', '/api/v1/organizations', { key: intruder.adminKey, body: { name: 'x' } })).statusCode).toBe(403);

    // Nothing changed for the tenant: every object reads as before, and nothing was sent.
    expect(await tenantView()).toEqual(before);
    expect(receiver.requests).toHaveLength(1);
    const base = `/api/v1/projects/${t.project.id}`;
    const cert = await t.call('GET', `${base}/certificates/${victim.id}`, { key: t.keys.viewer });
    expect(cert.json().result).toMatchObject({ id: Number(victim.id), scopeId: 0, domainName: CANARY });
    expect(await t.services.store.sweeps.isMuted(Number(victim.id))).toBe(false);
    expect((await t.call('GET', `${base}/certificates`, { key: t.keys.viewer })).json().resultInfo.totalCount).toBe(2);
    expect((await t.call('GET', `${base}/api-keys`, { key: t.keys.admin })).json().result.every((k: { revokedAt: string | null }) => k.revokedAt === null)).toBe(true);
    const domains = await t.call('GET', `${base}/services/${victim.serviceId}/domains`, { key: t.keys.viewer });
    expect(domains.json().result).toEqual([expect.objectContaining({ domain: CANARY, certType: 'manual', certificateId: Number(victim.id) })]);
    expect((await t.call('GET', `${base}/apps/${victim.appId}/certificates`, { key: t.keys.viewer })).json().result).toEqual([expect.objectContaining({ platform: 'iPhone', environment: 'production', push: expect.objectContaining({ status: 'OK', lastCheck: null }) })]);
    expect((await t.call('GET', `${base}/notification-channels/${victim.channelId}`, { key: t.keys.admin })).json().result).toMatchObject({ name: `${CANARY} hook`, enabled: true });
    expect((await t.call('GET', `${base}/notifications`, { key: t.keys.admin })).json().resultInfo.totalCount).toBe(1);
    expect((await t.call('GET', `${base}/endpoints/${victim.endpointId}`, { key: t.keys.viewer })).json().result).toMatchObject({ host: CANARY, lastProbe: null });
    expect((await t.call('GET', `${base}/access-keys`, { key: t.keys.admin })).json().result).toEqual([expect.objectContaining({ accessKeyId: victim.accessKeyId, revokedAt: null })]);
    expect((await t.call('GET', `${base}/deployment-targets`, { key: t.keys.viewer })).json().result).toEqual([
      expect.objectContaining({ id: Number(victim.targetId), name: `${CANARY} web` }),
      expect.objectContaining({ name: `${CANARY} agent`, type: 'agent' }),
    ]);
    expect((await t.call('GET', `${base}/deployments`, { key: t.keys.viewer })).json().result).toEqual([
      expect.objectContaining({ id: Number(victim.deploymentId), status: 'deployed', attempts: 0 }),
      expect.objectContaining({ id: Number(agentDeploymentId), status: 'pending', attempts: 0 }),
    ]);
    // The agent's key still works: nobody rotated or revoked it.
    expect((await t.call('GET', '/api/v1/agent/deployments', { key: agentKey })).statusCode).toBe(200);
  });
});
