import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { SUPER_TOKEN, type TestApp } from '../test-app.js';
import { createTestCa, toPkcs12, type TestCa } from '../test-ca.js';
import { freePort, revocationExtensions, startRevocationPeer, type RevocationPeer } from '../ocsp-responder.js';
import type { WebhookReceiver } from '../webhook-receiver.js';
import type { LoopbackNetwork } from './loopback-network.js';
import type { Hints, JsonSchema, Place } from './schema-arbitraries.js';
import { Ref, type RefKind } from './values.js';

/** Who a fuzzed request says it is. */
export type Caller = 'none' | 'viewer' | 'editor' | 'admin' | 'superuser' | 'otherTenant' | 'revoked' | 'unknown';
export const callers: readonly Caller[] = ['none', 'viewer', 'editor', 'admin', 'superuser', 'otherTenant', 'revoked', 'unknown'];

/** What a successful request may have changed in the fixture, to be put back before the next one. */
export type FixturePart = 'organizations' | 'organizationSettings' | 'projectSettings' | 'apiKeys' | 'certificates' | 'services' | 'apps' | 'endpoints' | 'channels' | 'accessKeys';

/** What the fuzzer knows beyond the schemas: values by name, and bodies known to succeed by operation. */
export interface Knowledge {
  hints: Hints;
  bodies(operationId: string): fc.Arbitrary<unknown> | undefined;
}

/** Ports nothing listens on (the loopback network guard closes every port it is not told of). */
export const CLOSED_PORTS = [1, 9, 443, 65535] as const;
export const FIXTURE_DOMAIN = 'fuzz.example.com';
export const FIXTURE_APP = 'com.example.fuzz';
const PASSWORD = 'fuzz-password';

interface CertificateRecipe {
  project: 'main' | 'other' | 'sibling';
  body: Record<string, unknown>;
  /** Ordered through ACME (`body` is createCertificate's) rather than imported. */
  managed?: boolean;
}

/**
 * The objects a fuzzed request can name, made through the API: organizations, projects and keys
 * of every role, certificates (TLS with and without key, APNs, organization-scoped, expiring,
 * another tenant's), services with domains, apps with a bound APNs certificate, an endpoint on a
 * closed loopback port, a webhook channel to a loopback receiver with deliveries, access keys.
 * Requests name them by `Ref` (kind and slot); `resolve` gives the current id. A request that
 * deletes or disables one is followed by `heal`, which makes it again (under a new id), so that
 * every request meets the same world.
 */
export class FuzzWorld implements Knowledge {
  readonly pools = new Map<RefKind, Array<string | number>>();
  readonly keys: Record<Exclude<Caller, 'none'>, string>;
  /** Access key id → secret, for signing Alibaba Cloud requests. */
  readonly accessKeySecrets = new Map<string, string>();
  /** Nonces of signed requests that were accepted, newest last (for replays). */
  readonly usedNonces: string[] = [];
  private readonly certificateRecipes: CertificateRecipe[] = [];
  private projects!: { main: string; other: string; sibling: string };
  private orgs!: { main: string; other: string };
  private otherAdmin!: string;
  private peer?: RevocationPeer;
  /** Extra requests made to set up and heal the fixture (not counted as fuzzed). */
  setupRequests = 0;

  private constructor(
    readonly t: TestApp,
    readonly receiver: WebhookReceiver,
    private readonly net: LoopbackNetwork,
    /** Issues the fixture's certificates; the fake APNs gateways trust it for client certificates. */
    private readonly ca: TestCa,
    /** The ACME directory the server's default is: an organization's setting is put back to null, or set to it. */
    private readonly acmeDirectoryUrl: string,
  ) {
    this.keys = { viewer: t.keys.viewer, editor: t.keys.editor, admin: t.keys.admin, superuser: SUPER_TOKEN, otherTenant: '', revoked: '', unknown: `ck_${'0'.repeat(40)}` };
  }

  /** Makes the fixture through the API; `net` is told of the loopback servers it starts. */
  static async create(t: TestApp, receiver: WebhookReceiver, net: LoopbackNetwork, options: { ca: TestCa; acmeDirectoryUrl: string }): Promise<FuzzWorld> {
    const world = new FuzzWorld(t, receiver, net, options.ca, options.acmeDirectoryUrl);
    await world.setup();
    return world;
  }

  /** Stops the servers the fixture started (the OCSP and CRL peer). */
  async close(): Promise<void> {
    await this.peer?.close();
  }

  /** A request of the fixture as the superuser (or `key`); throws unless it succeeds. */
  async api<T = any>(method: string, url: string, body?: unknown, key: string = SUPER_TOKEN): Promise<T> {
    this.setupRequests += 1;
    const res = await this.t.call(method, url, { key, body });
    if (res.statusCode !== 200) throw new Error(`fixture: ${method} ${url} → ${res.statusCode} ${res.body.slice(0, 500)}`);
    return res.json().result as T;
  }

  private async status(url: string): Promise<number> {
    this.setupRequests += 1;
    return (await this.t.call('GET', url)).statusCode;
  }

  private set(kind: RefKind, values: Array<string | number>): void {
    this.pools.set(kind, values);
  }

  private async setup(): Promise<void> {
    const { t } = this;
    const other = await t.otherTenant();
    const sibling = await t.otherTenant(true);
    this.setupRequests += 8;
    this.projects = { main: t.project.id, other: other.projectId, sibling: sibling.projectId };
    this.orgs = { main: t.org.id, other: other.orgId };
    this.otherAdmin = other.adminKey;
    this.keys.otherTenant = other.adminKey;
    const spareOrg = await this.api('POST', '/api/v1/organizations', { name: 'fuzz spare organization' });
    this.set('organization', [t.org.id, other.orgId, spareOrg.id]);
    this.set('project', [t.project.id, other.projectId, sibling.projectId]);
    const revoked = await this.api('POST', `/api/v1/projects/${t.project.id}/api-keys`, { name: 'revoked', role: 'admin' });
    await this.api('DELETE', `/api/v1/projects/${t.project.id}/api-keys/${revoked.id}`);
    this.keys.revoked = revoked.key;
    this.set('apiKeyId', []);
    await this.healApiKeys();

    // Material: PEM, keys, chains and PKCS#12 files, good and bad.
    const ca = this.ca;
    const strangerCa = createTestCa({ name: 'Stranger CA' });
    const now = t.clock.now();
    const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000);
    const tls = ca.issue({ commonName: FIXTURE_DOMAIN, sans: [FIXTURE_DOMAIN, `*.${FIXTURE_DOMAIN}`, 'www.fuzz.example.com'], notBefore: inDays(-30), notAfter: inDays(300) });
    const bare = ca.issue({ commonName: 'bare.example.com', notBefore: inDays(-30), notAfter: inDays(200) });
    const apns = ca.issue({ apns: { environments: ['production', 'development'], bundleId: FIXTURE_APP }, notBefore: inDays(-30), notAfter: inDays(100) });
    const expiring = ca.issue({ commonName: 'soon.fuzz.example.com', notBefore: inDays(-80), notAfter: inDays(10) });
    const orgWide = ca.issue({ commonName: 'shared.example.com', notBefore: inDays(-30), notAfter: inDays(400) });
    const stranger = strangerCa.issue({ commonName: FIXTURE_DOMAIN, notBefore: inDays(-30), notAfter: inDays(90) });
    // Revocation: an OCSP and CRL peer on loopback for two of them, a closed port for the third.
    const peerPort = await freePort();
    this.net.open(peerPort);
    const peerUrl = `http://127.0.0.1:${peerPort}`;
    const ocspGood = ca.issue({ commonName: 'ocsp.fuzz.example.com', notBefore: inDays(-30), notAfter: inDays(200), extensions: revocationExtensions({ ocsp: `${peerUrl}/ocsp` }) });
    const crlRevoked = ca.issue({ commonName: 'crl.fuzz.example.com', notBefore: inDays(-30), notAfter: inDays(200), extensions: revocationExtensions({ crl: `${peerUrl}/intermediate.crl` }) });
    const unreachable = ca.issue({ commonName: 'gone.fuzz.example.com', notBefore: inDays(-30), notAfter: inDays(200), extensions: revocationExtensions({ ocsp: 'http://127.0.0.1:9/ocsp', crl: 'http://127.0.0.1:9/x.crl' }) });
    this.peer = await startRevocationPeer(ca, [{ cert: ocspGood }, { cert: crlRevoked, revoked: { reason: 'keyCompromise', at: inDays(-1) } }], { frontPort: peerPort });
    const encryptedKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSWORD }) as string;
    const rsaPkcs1 = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    this.set('pem', [
      tls.fullchainPem,
      tls.certPem,
      apns.certPem,
      bare.certPem,
      ca.root.certPem,
      tls.certDer.toString('base64'),
      tls.keyPem,
      `${tls.certPem}${bare.certPem}`,
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
      tls.certPem.slice(0, tls.certPem.length / 2),
    ]);
    this.set('privateKey', [tls.keyPem, bare.keyPem, encryptedKey, rsaPkcs1, tls.keyDer.toString('base64'), tls.certPem]);
    this.set('chain', [tls.chainPem, strangerCa.chainPem, ca.root.certPem, bare.certPem]);
    this.set('pkcs12', [
      toPkcs12(tls, { password: PASSWORD }).toString('base64'),
      toPkcs12(bare, { password: PASSWORD, legacy: true }).toString('base64'),
      toPkcs12(tls, { password: PASSWORD, includeCertificates: false }).toString('base64'),
      toPkcs12(tls, { password: '', mac: false }).toString('base64'),
      toPkcs12(apns, { password: PASSWORD }).toString('base64'),
    ]);
    this.set('apnsPkcs12', [toPkcs12(apns, { password: PASSWORD }).toString('base64'), toPkcs12(apns, { password: '' }).toString('base64')]);
    this.set('webhookUrl', [this.receiver.url('/hook'), this.receiver.url('/other'), `http://localhost:${this.receiver.port}/hook`]);

    const imported = (cert: { certPem: string; keyPem: string; chainPem: string }, withKey = true, scopeId = 0) => ({
      certificateBody: cert.certPem,
      ...(withKey ? { certificatePrivateKey: cert.keyPem } : {}),
      certificateChain: cert.chainPem,
      scopeId,
    });
    this.certificateRecipes.push(
      { project: 'main', body: imported(tls) },
      { project: 'main', body: imported(bare, false) },
      { project: 'main', body: imported(apns) },
      { project: 'main', body: imported(orgWide, true, 1) },
      { project: 'main', body: imported(expiring) },
      { project: 'other', body: imported(stranger) },
      { project: 'sibling', body: imported(bare, true, 1) },
      { project: 'main', body: imported(ocspGood, false) },
      { project: 'main', body: imported(crlRevoked, false) },
      { project: 'main', body: imported(unreachable, false) },
      // Issued at once (http-01; the ACME test CA validates every challenge), and a manual dns-01 order.
      { project: 'main', body: { domainName: 'issued.fuzz.example.com', challengeType: 'http-01' }, managed: true },
      { project: 'main', body: { domainName: 'manual.fuzz.example.com', challengeType: 'dns-01' }, managed: true },
    );
    this.set('certificate', []);
    this.set('certificateUid', []);
    await this.healCertificates();
    this.set('domain', [FIXTURE_DOMAIN, 'www.fuzz.example.com', 'unknown.example.com', 'soon.fuzz.example.com']);
    await this.healServices();
    await this.healApps();
    await this.healEndpoints();
    await this.healChannels();
    await this.healAccessKeys();
    // Events and deliveries to list and redeliver: a sweep of the expiring certificate.
    await this.api('POST', `/api/v1/projects/${t.project.id}/sweep`, {});
  }

  private projectId(which: CertificateRecipe['project']): string {
    return this.projects[which];
  }

  /** The current id (or material) a Ref names; undefined when the kind has none. */
  resolve(ref: Ref): unknown {
    const pool = this.pools.get(ref.kind) ?? [];
    if (pool.length === 0) return ref.kind === 'certificate' || ref.kind === 'service' || ref.kind === 'endpoint' || ref.kind === 'appKey' ? 2147483000 : 'gone';
    return pool[ref.slot % pool.length];
  }

  /** Puts back what requests changed, before the next request. */
  async heal(parts: ReadonlySet<FixturePart>): Promise<void> {
    // Keys of a disabled organization are refused: enable first.
    if (parts.has('organizations')) {
      for (const id of this.pools.get('organization') ?? []) await this.api('PATCH', `/api/v1/organizations/${id}`, { disabled: false });
    }
    if (parts.has('projectSettings') || parts.has('organizationSettings')) await this.healSettings(parts);
    if (parts.has('apiKeys')) await this.healApiKeys();
    if (parts.has('certificates')) await this.healCertificates();
    if (parts.has('certificates') || parts.has('services')) await this.healServices();
    if (parts.has('certificates') || parts.has('apps')) await this.healApps();
    if (parts.has('endpoints')) await this.healEndpoints();
    if (parts.has('channels')) await this.healChannels();
    if (parts.has('accessKeys')) await this.healAccessKeys();
  }

  private async healApiKeys(): Promise<void> {
    const p = this.projects.main;
    const listed = await this.api<Array<{ id: string; revokedAt: string | null; name: string }>>('GET', `/api/v1/projects/${p}/api-keys`);
    const spare = listed.filter((k) => k.name === 'spare' && k.revokedAt === null).map((k) => k.id);
    while (spare.length < 3) spare.push((await this.api('POST', `/api/v1/projects/${p}/api-keys`, { name: 'spare', role: 'viewer' })).id);
    this.set('apiKeyId', spare);
  }

  private async healCertificates(): Promise<void> {
    const ids = this.pools.get('certificate')!;
    const uids = this.pools.get('certificateUid')!;
    for (const [slot, recipe] of this.certificateRecipes.entries()) {
      const project = this.projectId(recipe.project);
      if (ids[slot] !== undefined) {
        this.setupRequests += 1;
        const res = await this.t.call('GET', `/api/v1/projects/${project}/certificates/${ids[slot]}`);
        // A revoked managed certificate can be neither validated, renewed nor revoked again.
        if (res.statusCode === 200 && !(recipe.managed && res.json().result.status === 'revoked')) continue;
      }
      const made = await this.api('POST', `/api/v1/projects/${project}/certificates${recipe.managed ? '' : '/import'}`, recipe.body);
      ids[slot] = made.id;
      uids[slot] = made.uid;
    }
    // The http-01 one is issued in the background: wait, so every request meets it issued.
    await this.t.services.managed.idle();
  }

  /** Puts back the issuance settings of every project and organization: no DNS provider, the server's ACME directory. */
  private async healSettings(parts: ReadonlySet<FixturePart>): Promise<void> {
    if (parts.has('projectSettings')) {
      for (const id of this.pools.get('project') ?? []) await this.api('PUT', `/api/v1/projects/${id}/settings`, { dnsProvider: null });
    }
    if (parts.has('organizationSettings')) {
      for (const id of this.pools.get('organization') ?? []) await this.api('PUT', `/api/v1/organizations/${id}/settings`, { acmeDirectoryUrl: null, acmeContactEmail: null });
    }
  }

  private async healServices(): Promise<void> {
    const [main, other] = [this.projects.main, this.projects.other];
    const services = this.pools.get('service') ?? [];
    const made: number[] = [];
    for (const [slot, project] of [main, other].entries()) {
      let id = services[slot] as number | undefined;
      if (id === undefined || (await this.status(`/api/v1/projects/${project}/services/${id}`)) !== 200) {
        id = (await this.api('POST', `/api/v1/projects/${project}/services`, { name: slot === 0 ? 'fuzz web' : 'stranger web' }, slot === 0 ? SUPER_TOKEN : this.otherAdmin)).id as number;
      }
      made.push(id);
      const domains = await this.api<Array<{ domain: string; certificateId: number | null }>>('GET', `/api/v1/projects/${project}/services/${id}/domains?pageSize=500`);
      for (const domain of slot === 0 ? [FIXTURE_DOMAIN, 'www.fuzz.example.com'] : [FIXTURE_DOMAIN]) {
        const found = domains.find((d) => d.domain === domain);
        if (!found) await this.api('POST', `/api/v1/projects/${project}/services/${id}/domains`, { domain });
        const certificateId = this.pools.get('certificate')![slot === 0 ? 0 : 5];
        if (domain === FIXTURE_DOMAIN && found?.certificateId !== certificateId) {
          await this.api('PUT', `/api/v1/projects/${project}/services/${id}/domains/${domain}/certificate`, { certificateId });
        }
      }
    }
    this.set('service', made);
  }

  private async healApps(): Promise<void> {
    const apps: Array<[string, string, string[], string]> = [
      [this.projects.main, FIXTURE_APP, ['ios', 'android'], SUPER_TOKEN],
      [this.projects.main, 'com.example.droid', ['android'], SUPER_TOKEN],
      [this.projects.other, 'com.example.other', ['ios'], this.otherAdmin],
    ];
    const appKeys: number[] = [];
    for (const [project, appId, platforms, key] of apps) {
      this.setupRequests += 1;
      const res = await this.t.call('GET', `/api/v1/projects/${project}/apps/${appId}`);
      const app = res.statusCode === 200 ? res.json().result : await this.api('POST', `/api/v1/projects/${project}/apps`, { appId, name: appId, platforms }, key);
      appKeys.push(app.appKey);
    }
    this.set('appId', apps.map((a) => a[1]));
    this.set('appKey', appKeys);
    await this.api('PUT', `/api/v1/projects/${this.projects.main}/apps/${FIXTURE_APP}/certificates`, { certificateId: this.pools.get('certificate')![2], platform: 'iPhone', environment: 'production' });
  }

  private async healEndpoints(): Promise<void> {
    const endpoints = this.pools.get('endpoint') ?? [];
    const made: number[] = [];
    for (const [slot, project] of [this.projects.main, this.projects.other].entries()) {
      const id = endpoints[slot];
      if (id !== undefined && (await this.status(`/api/v1/projects/${project}/endpoints/${id}`)) === 200) made.push(id as number);
      else made.push((await this.api('POST', `/api/v1/projects/${project}/endpoints`, { host: '127.0.0.1', port: CLOSED_PORTS[slot], protocol: 'tls' }, slot === 0 ? SUPER_TOKEN : this.otherAdmin)).id);
    }
    this.set('endpoint', made);
  }

  private async healChannels(): Promise<void> {
    const p = this.projects.main;
    const channels = this.pools.get('channel') ?? [];
    let id = channels[0] as string | undefined;
    const config = { url: this.receiver.url('/hook'), secret: 'fuzz-webhook-secret-0123456789' };
    if (id === undefined || (await this.status(`/api/v1/projects/${p}/notification-channels/${id}`)) !== 200) {
      id = (await this.api('POST', `/api/v1/projects/${p}/notification-channels`, { name: 'fuzz hook', type: 'webhook', config })).id as string;
    } else {
      await this.api('PUT', `/api/v1/projects/${p}/notification-channels/${id}`, { name: 'fuzz hook', type: 'webhook', config, enabled: true });
    }
    this.set('channel', [id, 'aaaaaaaaaaaaaaaa']);
    const deliveries = this.pools.get('notification') ?? [];
    const alive: string[] = [];
    for (const d of deliveries) if ((await this.status(`/api/v1/projects/${p}/notifications/${d}`)) === 200) alive.push(d as string);
    while (alive.length < 2) alive.push((await this.api('POST', `/api/v1/projects/${p}/notification-channels/${id}/test`)).id);
    this.set('notification', alive);
  }

  private async healAccessKeys(): Promise<void> {
    const made: string[] = [];
    for (const [project, key] of [
      [this.projects.main, SUPER_TOKEN],
      [this.projects.other, this.otherAdmin],
    ] as const) {
      const listed = await this.api<Array<{ accessKeyId: string; revokedAt: string | null }>>('GET', `/api/v1/projects/${project}/access-keys`, undefined, key);
      const alive = listed.find((k) => k.revokedAt === null && this.accessKeySecrets.has(k.accessKeyId));
      if (alive) made.push(alive.accessKeyId);
      else {
        const created = await this.api('POST', `/api/v1/projects/${project}/access-keys`, { name: 'fuzz signer', role: 'viewer' }, key);
        this.accessKeySecrets.set(created.accessKeyId, created.accessKeySecret);
        made.push(created.accessKeyId);
      }
    }
    this.set('accessKeyId', made);
  }

  /** Bodies known to succeed (with the right caller and path), by operation: see `Knowledge`. */
  bodies(operationId: string): fc.Arbitrary<unknown> | undefined {
    const cert = (...slots: number[]) => fc.constantFrom(...slots).map((n) => new Ref('certificate', n));
    const imports = fc.oneof(
      fc.record({ certificateBody: fc.constantFrom(0, 1, 2, 3, 5).map((n) => new Ref('pem', n)) }),
      fc.record({ certificateBody: fc.constant(new Ref('pem', 1)), certificatePrivateKey: fc.constant(new Ref('privateKey', 0)), certificateChain: fc.constant(new Ref('chain', 0)), scopeId: fc.constantFrom(0, 1) }, { requiredKeys: ['certificateBody'] }),
      fc.record({ pkcs12: fc.constantFrom(0, 1, 4).map((n) => new Ref('pkcs12', n)), password: fc.constant(PASSWORD) }),
    );
    const pushResult = fc.record(
      { environment: fc.constantFrom('production', 'development'), outcome: fc.constantFrom('delivered', 'rejected'), apnsStatus: fc.constantFrom(200, 403, 410), apnsReason: fc.constantFrom('BadCertificate', 'Unregistered'), at: this.hints('at', {}, 'body')! },
      { requiredKeys: ['environment', 'outcome'] },
    );
    const channel = fc.oneof(
      fc.record({ name: fc.constant('hook'), type: fc.constant('webhook'), config: fc.record({ url: fc.constant(new Ref('webhookUrl', 0)), secret: fc.constant('fuzz-webhook-secret-0123456789') }), enabled: fc.boolean() }),
      fc.record({ name: fc.constant('chat'), type: fc.constantFrom('slack', 'teams'), config: fc.record({ url: fc.constant(new Ref('webhookUrl', 1)) }) }),
      fc.record({ name: fc.constant('mail'), type: fc.constant('email'), config: fc.record({ to: fc.constant(['ops@example.com']) }) }),
    );
    switch (operationId) {
      case 'createProject':
        return fc.record({ organizationId: fc.nat(2).map((n) => new Ref('organization', n)), name: fc.constantFrom('p', 'Bücher – 証明書 🔐') });
      case 'importCertificate':
        return imports;
      case 'importCertificates':
        return fc.record({ items: fc.array(imports, { minLength: 1, maxLength: 4 }) });
      case 'createCertificate':
        return fc.record({ domainName: fc.constantFrom(FIXTURE_DOMAIN, 'new.example.org'), challengeType: fc.constantFrom('dns-01', 'http-01'), keyType: fc.constantFrom('ec-p256', 'rsa-2048') }, { requiredKeys: ['domainName'] });
      case 'exportCertificate':
        return fc.record({ format: fc.constantFrom('pem', 'pkcs12'), password: fc.constant(PASSWORD) }, { requiredKeys: ['format'] });
      case 'updateCertificateScope':
        return fc.record({ scopeId: fc.constantFrom(0, 1) });
      case 'addServiceDomain':
        return fc.record({ domain: fc.constantFrom(FIXTURE_DOMAIN, 'new.fuzz.example.com', '*.fuzz.example.com', 'ÉXAMPLE.COM', 'xn--bcher-kva.example') });
      case 'attachDomainCertificate':
        return fc.record({ certificateId: cert(0, 3, 1) });
      case 'bindAppCertificate':
        return fc.record({ certificateId: cert(2, 0), platform: fc.constantFrom('iPhone', 'iPad'), environment: fc.constantFrom('production', 'development'), force: fc.boolean() }, { requiredKeys: ['certificateId', 'platform', 'environment'] });
      case 'importAppCertificate':
        return fc.record({ pkcs12: fc.constantFrom(0, 1).map((n) => new Ref('apnsPkcs12', n)), password: fc.constantFrom(PASSWORD, ''), platform: fc.constantFrom('iPhone', 'iPad'), force: fc.boolean() }, { requiredKeys: ['pkcs12', 'platform'] });
      case 'reportPushResults':
        return fc.oneof(pushResult, fc.record({ results: fc.array(pushResult, { minLength: 1, maxLength: 5 }) }));
      case 'checkAppPush':
        return fc.record({ environment: fc.constantFrom('production', 'development') });
      case 'createApp':
        return fc.record({ appId: fc.constantFrom('com.example.new', 'com.example.fuzz', 'Com.Example.Case'), name: fc.constant('app'), platforms: fc.constantFrom(['ios'], ['android'], ['ios', 'android']) });
      case 'createNotificationChannel':
      case 'updateNotificationChannel':
        return channel;
      case 'createEndpoint':
        return fc.record({ host: fc.constantFrom('127.0.0.1', 'localhost', '::1'), port: fc.constantFrom(...CLOSED_PORTS), protocol: fc.constantFrom('tls', 'smtp', 'imap', 'ldap', 'postgres'), serverName: fc.constantFrom(FIXTURE_DOMAIN, null) }, { requiredKeys: ['host', 'port', 'protocol'] });
      case 'updateProjectSettings':
        return fc.oneof(
          fc.record({ renewBeforeDays: fc.constantFrom(30, null) }),
          fc.record({ dnsProvider: fc.record({ type: fc.constant('rfc2136'), server: fc.constant('127.0.0.1'), port: fc.constant(9), keyName: fc.constant('fuzz-key.'), algorithm: fc.constantFrom('hmac-sha256', 'hmac-sha512'), secret: fc.constant('c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0') }) }),
          fc.record({ dnsProvider: fc.constant(null) }),
        );
      case 'updateOrganizationSettings':
        return fc.record({ acmeDirectoryUrl: fc.constantFrom(this.acmeDirectoryUrl, null), acmeContactEmail: fc.constantFrom('ops@example.com', null) });
      case 'checkCertificateRevocation':
        return fc.record({ force: fc.boolean() });
      case 'updateNotificationPolicy':
        return fc.record({ thresholdDays: fc.constantFrom([30, 7, 1], []), lifetimeFractions: fc.constantFrom([0.5], []), digest: fc.boolean() });
      default:
        return undefined;
    }
  }

  /** Values by name that reach past validation into the fixture: see `Hints`. */
  readonly hints: Hints = (name: string | undefined, schema: JsonSchema, place: Place) => {
    const ref = (kind: RefKind, weightFirst = 4) => fc.oneof({ weight: weightFirst, arbitrary: fc.constant(new Ref(kind, 0)) }, { weight: 4, arbitrary: fc.nat(23).map((n) => new Ref(kind, n)) });
    switch (name) {
      case 'projectId':
        return place === 'body' ? undefined : ref('project', 8);
      case 'organizationId':
        return ref('organization');
      case 'keyId':
        return ref('apiKeyId');
      case 'id':
        // The managed certificates (the last two slots) too, or validate, renew and revoke would rarely meet one.
        return fc.oneof({ weight: 3, arbitrary: ref('certificate', 2) }, { weight: 1, arbitrary: fc.constantFrom(10, 11).map((n) => new Ref('certificate', n)) });
      case 'certificateId':
        return ref('certificate', 2);
      case 'serviceId':
        return ref('service');
      case 'domain':
        return ref('domain');
      case 'appId':
        return place === 'body' ? fc.constantFrom(FIXTURE_APP, 'com.example.new', 'com.example.droid') : ref('appId');
      case 'channelId':
        return ref('channel');
      case 'notificationId':
        return ref('notification');
      case 'endpointId':
        return ref('endpoint');
      case 'accessKeyId':
        return ref('accessKeyId');
      case 'certificate_id':
        return ref('certificateUid', 1);
      case 'certificateBody':
        return ref('pem', 1);
      case 'certificatePrivateKey':
        return ref('privateKey', 1);
      case 'certificateChain':
        return ref('chain', 1);
      case 'pkcs12':
        return fc.oneof(ref('pkcs12', 1), ref('apnsPkcs12', 1));
      case 'password':
        return fc.constantFrom(PASSWORD, '', 'wrong password');
      case 'url':
        return ref('webhookUrl');
      case 'config':
        return fc.oneof(
          fc.record({ url: ref('webhookUrl'), secret: fc.constantFrom('fuzz-webhook-secret-0123456789', 'short') }, { requiredKeys: ['url'] }),
          fc.record({ to: fc.array(fc.constantFrom('ops@example.com', 'a@b', 'not an address'), { minLength: 0, maxLength: 3 }) }),
        );
      case 'type':
        if (place === 'query') return fc.constantFrom('certificate.imported', 'certificate.expiring', 'certificate.deleted', 'endpoint.unreachable');
        return schema.enum ? undefined : fc.constantFrom('webhook', 'slack', 'teams', 'email');
      case 'host':
        return fc.constantFrom('127.0.0.1', 'localhost', '::1', '127.0.0.2', '[::1]');
      case 'server':
        return fc.constantFrom('127.0.0.1', 'localhost', '::1');
      case 'port':
        return fc.constantFrom(...CLOSED_PORTS);
      case 'serverName':
        return fc.constantFrom(FIXTURE_DOMAIN, null, 'localhost');
      case 'zone':
        return fc.constantFrom(`${FIXTURE_DOMAIN}.`, FIXTURE_DOMAIN);
      case 'keyName':
        return fc.constant('fuzz-key.');
      case 'secret':
        return fc.constantFrom('c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0', 'not base64!');
      case 'hook':
        return fc.constantFrom('hook.sh', '../hook.sh');
      case 'acmeDirectoryUrl':
        return fc.constantFrom(this.acmeDirectoryUrl, null, 'https://127.0.0.1:1/directory', 'https://localhost:9/dir');
      case 'acmeContactEmail':
        return fc.constantFrom('ops@example.com', null);
      case 'domainName':
        return fc.constantFrom(FIXTURE_DOMAIN, `*.${FIXTURE_DOMAIN}`, 'new.example.org', 'localhost');
      case 'status':
        return schema.anyOf ? undefined : fc.constantFrom('Active', 'Expired', 'Revoked', 'Failed', 'PendingValidation', 'Validating', 'active');
      case 'kind':
        return fc.constantFrom('tls', 'apns', 'pass', 'client', 'ca', 'other');
      case 'source':
        return fc.constantFrom('imported', 'acme', 'discovered');
      case 'sort':
        return fc.constantFrom('notAfter', 'domainName', 'lastModified', 'id', '-notAfter', 'notAfter:desc', 'domainName:asc');
      case 'order':
        return fc.constantFrom('asc', 'desc');
      case 'search':
        return fc.constantFrom('fuzz', 'example', FIXTURE_DOMAIN);
      case 'covers':
        return fc.constantFrom(FIXTURE_DOMAIN, `www.${FIXTURE_DOMAIN}`, `a.${FIXTURE_DOMAIN}`, '*.fuzz.example.com');
      case 'reason':
        return fc.constantFrom('unspecified', 'keyCompromise', 'superseded', 'cessationOfOperation', 'affiliationChanged');
      case 'challengeType':
        return fc.constantFrom('dns-01', 'http-01');
      case 'keyType':
        // Mostly EC: an RSA-4096 key takes seconds to make on a small machine.
        return fc.oneof({ weight: 8, arbitrary: fc.constant('ec-p256') }, { weight: 2, arbitrary: fc.constant('ec-p384') }, { weight: 1, arbitrary: fc.constant('rsa-2048') });
      case 'apnsReason':
        return fc.constantFrom('BadCertificate', 'BadDeviceToken', 'ExpiredProviderToken');
      case 'at': {
        const now = this.t.clock.now().getTime();
        return fc.integer({ min: -86_400_000, max: 600_000 }).map((ms) => new Date(now + ms).toISOString());
      }
      default:
        return undefined;
    }
  };
}
