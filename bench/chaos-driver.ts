/**
 * The chaos run's driver (bench/chaos.ts): an API client spread over the servers that retries on
 * connection errors and 5xx (records every attempt for the verdicts), and the workload a few
 * workers run through it meanwhile: imports (one and in batches), managed certificates created
 * (automated dns-01, and manual dns-01 that the driver publishes and validates like an operator),
 * forced renewals, endpoint probes and reads of lists.
 */
import { X509Certificate } from 'node:crypto';
import http from 'node:http';
import type { ServerSlot } from './chaos-cluster.js';
import type { AckedImport, RenewRequest, RequestRecord } from './chaos-checks.js';
import type { TestCa } from '../test/support/test-ca.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

export interface Answer {
  /** null when no attempt got an answer. */
  status: number | null;
  json: any;
  error?: string;
  /** Whether some attempt may have reached a server (anything but a refused connection). */
  reached: boolean;
}

/** How a call is retried: `always` (idempotent), or `refused-only` (a refused connection never reached the server). */
export type RetryPolicy = 'always' | 'refused-only';

/** The path as a route: ids and uuids replaced, no query. */
export function routeOf(path: string): string {
  return path
    .split('?')[0]!
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')
    .replace(/\/\d+(?=\/|$)/g, '/:id');
}

/**
 * The API client: each attempt goes to the next server in turn (a load balancer without health
 * checks), a new connection each; a connection error or a 5xx is retried on the next server with
 * backoff, up to a deadline. Every attempt is recorded.
 */
export class ChaosClient {
  readonly records: RequestRecord[] = [];
  calls = 0;
  private next = 0;

  constructor(
    private readonly servers: readonly ServerSlot[],
    private readonly token: string,
  ) {}

  async call(method: string, path: string, body?: unknown, options: { retry?: RetryPolicy; deadlineMs?: number } = {}): Promise<Answer> {
    this.calls++;
    const deadline = Date.now() + (options.deadlineMs ?? 30_000);
    let delay = 100;
    let reached = false;
    for (;;) {
      const server = this.servers[this.next++ % this.servers.length]!;
      const a = await this.once(server, method, path, body);
      const refused = a.status === null && /ECONNREFUSED/.test(a.error ?? '');
      reached ||= !refused;
      const retry = a.status === null ? options.retry !== 'refused-only' || refused : a.status >= 500 && options.retry !== 'refused-only';
      if (!retry || Date.now() + delay > deadline) return { ...a, reached };
      await sleep(delay);
      delay = Math.min(delay * 2, 2000);
    }
  }

  /** A call that must succeed (setup): 200 or it throws. */
  async ok(method: string, path: string, body?: unknown): Promise<any> {
    const a = await this.call(method, path, body, { deadlineMs: 60_000 });
    if (a.status !== 200) throw new Error(`${method} ${path} → ${a.status ?? a.error} ${JSON.stringify(a.json).slice(0, 500)}`);
    return a.json.result;
  }

  private once(server: ServerSlot, method: string, path: string, body: unknown): Promise<Omit<Answer, 'reached'>> {
    const start = Date.now();
    const record = (status: number | null, error?: string) => this.records.push({ server: server.name, method, route: routeOf(path), start, end: Date.now(), status, ...(error ? { error } : {}) });
    return new Promise((resolve) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        `${server.url}${path}`,
        {
          method,
          agent: false,
          timeout: 60_000,
          headers: {
            authorization: `Bearer ${this.token}`,
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (err) => {
            record(null, err.message);
            resolve({ status: null, json: null, error: err.message });
          });
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: any = text;
            try {
              json = JSON.parse(text);
            } catch {
              /* not JSON */
            }
            record(res.statusCode ?? 0);
            resolve({ status: res.statusCode ?? 0, json });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err) => {
        const msg = `${(err as NodeJS.ErrnoException).code ?? ''} ${err.message}`.trim();
        record(null, msg);
        resolve({ status: null, json: null, error: msg });
      });
      req.end(payload);
    });
  }
}

export interface Tenant {
  /** auto: dns-01 through the exec hook; manual: dns-01 published by the driver; digest: imports only, digest notifications. */
  kind: 'auto' | 'manual' | 'digest';
  projectId: string;
}

export interface WorkloadOptions {
  /** Cap of automated and of manual managed certificates. */
  maxAuto: number;
  maxManual: number;
  /** Least time between two forced renewals, ms. */
  forceRenewEveryMs: number;
  /** Share of single imports that expire within minutes (expiry notifications). */
  shortLivedShare: number;
}

/** What the workload counts, by action: calls that ended 2xx, ended otherwise, and gave up without an answer. */
export type ActionCounts = Record<string, { ok: number; refused: number; failed: number }>;

/** challtestsrv's management API, to publish the manual certificates' records. */
async function challtestsrv(url: string, endpoint: 'set-txt' | 'clear-txt', body: Record<string, string>): Promise<void> {
  const res = await fetch(`${url}/${endpoint}`, { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  if (res.status !== 200) throw new Error(`challtestsrv ${endpoint} answered ${res.status}`);
}

const fqdn = (name: string) => (name.endsWith('.') ? name : `${name}.`);

/** The workload, and what it saw acknowledged. */
export class Workload {
  readonly acked: AckedImport[] = [];
  readonly renewRequests: RenewRequest[] = [];
  readonly autoIds: number[] = [];
  readonly manualIds: number[] = [];
  readonly endpoints: Array<{ projectId: string; id: string }> = [];
  readonly counts: ActionCounts = {};
  /** Imports answered 200 whose certificate had another fingerprint than the one sent. */
  readonly wrongAcks: string[] = [];
  validations = { ok: 0, conflict: 0, failed: 0 };
  /** Validation answers by status and certificateStatus (or error code). */
  readonly validationOutcomes: Record<string, number> = {};
  private serial = 0;
  private readonly creating = { auto: 0, manual: 0 };
  private lastForcedRenew = 0;

  constructor(
    private readonly client: ChaosClient,
    private readonly tenants: readonly Tenant[],
    private readonly ca: TestCa,
    private readonly challtestsrvUrl: string,
    private readonly o: WorkloadOptions,
  ) {}

  private tenant(kind: Tenant['kind']): Tenant {
    return this.tenants.find((t) => t.kind === kind)!;
  }

  private count(action: string, a: Answer): void {
    const c = (this.counts[action] ??= { ok: 0, refused: 0, failed: 0 });
    if (a.status !== null && a.status >= 200 && a.status < 300) c.ok++;
    else if (a.status === null || a.status >= 500) c.failed++;
    else c.refused++;
  }

  /** A fresh certificate from the run's test CA: long-lived, or (a share) expiring within minutes. */
  private mint(shortLived: boolean) {
    const n = ++this.serial;
    const now = Date.now();
    const notBefore = new Date(now - 60_000);
    const notAfter = shortLived ? new Date(now + 60_000 + Math.floor(Math.random() * 120_000)) : new Date(now + (100 + Math.floor(Math.random() * 300)) * 86_400_000);
    const cert = this.ca.issue({ commonName: `i${n}.chaos.test`, sans: [`i${n}.chaos.test`, `www.i${n}.chaos.test`], notBefore, notAfter });
    const fingerprint = new X509Certificate(cert.certDer).fingerprint256.replace(/:/g, '').toLowerCase();
    const withKey = Math.random() < 0.5;
    const body = { certificateBody: cert.certPem, ...(withKey ? { certificatePrivateKey: cert.keyPem } : {}), ...(Math.random() < 0.7 ? { certificateChain: cert.chainPem } : {}), scopeId: 0 };
    return { body, fingerprint };
  }

  async importOne(): Promise<void> {
    const tenant = pick(this.tenants);
    const { body, fingerprint } = this.mint(Math.random() < this.o.shortLivedShare);
    const a = await this.client.call('POST', `/api/v1/projects/${tenant.projectId}/certificates/import`, body, { retry: 'always' });
    this.count('import', a);
    if (a.status === 200) {
      const got = String(a.json.result.fingerprintSha256).replace(/:/g, '').toLowerCase();
      if (got !== fingerprint) this.wrongAcks.push(`${a.json.result.id}: sent ${fingerprint}, acknowledged ${got}`);
      this.acked.push({ projectId: tenant.projectId, id: Number(a.json.result.id), fingerprintSha256: fingerprint });
    }
  }

  async importBatch(): Promise<void> {
    const tenant = pick(this.tenants);
    const items = Array.from({ length: 5 + Math.floor(Math.random() * 16) }, () => this.mint(Math.random() < this.o.shortLivedShare / 2));
    const a = await this.client.call('POST', `/api/v1/projects/${tenant.projectId}/certificates/import-batch?brief=true`, { items: items.map((i) => i.body) }, { retry: 'always' });
    this.count('import-batch', a);
    if (a.status !== 200) return;
    for (const item of a.json.result as Array<{ index: number; success: boolean; id: number | null }>) {
      if (item.success && item.id !== null) this.acked.push({ projectId: tenant.projectId, id: Number(item.id), fingerprintSha256: items[item.index]!.fingerprint });
    }
  }

  /**
   * Creates a managed certificate. Creating is not idempotent: after an answer that may hide a
   * success (a reset connection, a 5xx), the driver looks the name up before it tries again.
   */
  async createManaged(kind: 'auto' | 'manual'): Promise<void> {
    const ids = kind === 'auto' ? this.autoIds : this.manualIds;
    // Counted before the call: two workers must not both take the last place.
    if (ids.length + this.creating[kind] >= (kind === 'auto' ? this.o.maxAuto : this.o.maxManual)) return;
    this.creating[kind]++;
    try {
      await this.create(kind, ids);
    } finally {
      this.creating[kind]--;
    }
  }

  private async create(kind: 'auto' | 'manual', ids: number[]): Promise<void> {
    const tenant = this.tenant(kind);
    const domainName = `${kind}-${++this.serial}.chaos.test`;
    const base = `/api/v1/projects/${tenant.projectId}/certificates`;
    for (let attempt = 0; attempt < 5; attempt++) {
      const a = await this.client.call('POST', base, { domainName, challengeType: 'dns-01', keyType: 'ec-p256' }, { retry: 'refused-only' });
      this.count(`create ${kind}`, a);
      if (a.status === 200) {
        ids.push(Number(a.json.result.id));
        return;
      }
      if (a.status !== null && a.status < 500) return;
      if (a.reached) {
        const found = await this.client.call('GET', `${base}?search=${encodeURIComponent(domainName)}&pageSize=10`, undefined, { retry: 'always' });
        const hit = found.status === 200 ? (found.json.result as Array<{ id: number; domainName: string }>).find((c) => c.domainName === domainName) : undefined;
        if (hit) {
          ids.push(Number(hit.id));
          return;
        }
        if (found.status !== 200) return; // cannot tell: do not risk a second one
      }
      await sleep(500);
    }
  }

  /**
   * POST …/renew on an automated certificate, at most once per `forceRenewEveryMs`. Not retried
   * once it may have reached a server (it stores renewAt = now before it works, so it may have
   * taken effect); every such request is recorded: each may explain one renewal.
   */
  async forceRenew(): Promise<void> {
    if (this.autoIds.length === 0 || Date.now() - this.lastForcedRenew < this.o.forceRenewEveryMs) return;
    this.lastForcedRenew = Date.now();
    const id = pick(this.autoIds);
    const sentAt = Date.now();
    const a = await this.client.call('POST', `/api/v1/projects/${this.tenant('auto').projectId}/certificates/${id}/renew`, undefined, { retry: 'refused-only', deadlineMs: 90_000 });
    this.count('renew', a);
    if (a.reached) this.renewRequests.push({ certificateId: id, sentAt, endedAt: Date.now() });
  }

  async probe(): Promise<void> {
    if (this.endpoints.length === 0) return;
    const e = pick(this.endpoints);
    this.count('probe', await this.client.call('POST', `/api/v1/projects/${e.projectId}/endpoints/${e.id}/probe`, undefined, { retry: 'always' }));
  }

  async read(): Promise<void> {
    const t = pick(this.tenants);
    const p = `/api/v1/projects/${t.projectId}`;
    const reads = [
      `${p}/certificates?pageSize=${pick([20, 100])}&sort=${pick(['id', 'notAfter', 'domainName', 'lastModified'])}&order=${pick(['asc', 'desc'])}`,
      `${p}/certificates?expiringWithinDays=30&sort=notAfter&order=asc&pageSize=50`,
      `${p}/certificates?search=chaos&pageSize=20`,
      `${p}/certificates?covers=${encodeURIComponent(`www.i${1 + Math.floor(Math.random() * Math.max(1, this.serial))}.chaos.test`)}`,
      `${p}/events?pageSize=50`,
      `${p}/notifications?pageSize=20`,
      `${p}/endpoints?pageSize=20`,
    ];
    const acked = this.acked.filter((a) => a.projectId === t.projectId);
    if (acked.length > 0) reads.push(`${p}/certificates/${pick(acked).id}`);
    const managed = t.kind === 'auto' ? this.autoIds : t.kind === 'manual' ? this.manualIds : [];
    if (managed.length > 0) reads.push(`${p}/certificates/${pick(managed)}`, `${p}/certificates/${pick(managed)}/versions`);
    this.count('read', await this.client.call('GET', pick(reads), undefined, { retry: 'always' }));
  }

  /** The workers: until `until`, each picks an action by weight, with a short pause between. */
  async run(until: number, workers: number): Promise<void> {
    const actions: Array<[number, () => Promise<void>]> = [
      [50, () => this.read()],
      [8, () => this.importOne()],
      [2, () => this.importBatch()],
      [5, () => this.probe()],
      [2, () => this.createManaged('auto')],
      [2, () => this.createManaged('manual')],
      [3, () => this.forceRenew()],
    ];
    const total = actions.reduce((s, [w]) => s + w, 0);
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (Date.now() < until) {
          let r = Math.random() * total;
          const action = actions.find(([w]) => (r -= w) < 0)![1];
          await action().catch((err) => {
            this.count('driver error', { status: null, json: null, error: String(err), reached: false });
          });
          await sleep(50 + Math.random() * 150);
        }
      }),
    );
  }

  /**
   * The operator of the manual certificates, until `stop()`: every certificate whose order waits
   * for its records gets them published in challtestsrv and is validated (PUT …/validate, safe to
   * repeat). Like a person, it leaves the records up until the certificate no longer asks for
   * them (issued, or another order): a validation interrupted by a kill goes on in the restarted
   * server, and would fail on records taken down too early.
   */
  async validateManual(stop: () => boolean): Promise<void> {
    const base = `/api/v1/projects/${this.tenant('manual').projectId}/certificates`;
    /** certificate id → the records published for it (`host\u0000value`). */
    const published = new Map<number, Set<string>>();
    const clear = async (records: Set<string>) => {
      for (const host of new Set([...records].map((r) => r.split('\u0000')[0]!))) await challtestsrv(this.challtestsrvUrl, 'clear-txt', { host }).catch(() => undefined);
      records.clear();
    };
    while (!stop()) {
      for (const id of [...this.manualIds]) {
        if (stop()) break;
        const got = await this.client.call('GET', `${base}/${id}`, undefined, { retry: 'always' });
        if (got.status !== 200) continue;
        const c = got.json.result as { certificateStatus: string; dnsRecords: Array<{ key: string; value: string }> };
        const wanted = new Set(c.dnsRecords.map((r) => `${fqdn(r.key)}\u0000${r.value}`));
        let mine = published.get(id);
        if (!mine) published.set(id, (mine = new Set()));
        if ([...mine].some((r) => !wanted.has(r))) await clear(mine);
        try {
          for (const r of wanted) {
            if (mine.has(r)) continue;
            const [host, value] = r.split('\u0000') as [string, string];
            await challtestsrv(this.challtestsrvUrl, 'set-txt', { host, value });
            mine.add(r);
          }
        } catch {
          continue; // challtestsrv did not answer: next round
        }
        if (wanted.size === 0 || c.certificateStatus === 'Validating') continue;
        const v = await this.client.call('PUT', `${base}/${id}/validate`, undefined, { retry: 'always', deadlineMs: 90_000 });
        this.count('validate', v);
        if (v.status === 200 && v.json.result.certificateStatus === 'Active') this.validations.ok++;
        else if (v.status === 409) this.validations.conflict++;
        else this.validations.failed++;
        const key = `${v.status} ${v.status === 200 ? v.json.result.certificateStatus : (v.json?.errors?.[0]?.code ?? v.error)}`;
        this.validationOutcomes[key] = (this.validationOutcomes[key] ?? 0) + 1;
      }
      await sleep(1000);
    }
    for (const records of published.values()) await clear(records);
  }
}
