import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import type { FixturePart, FuzzWorld } from './fuzz-world.js';
import { buildRequest, nonceOf, requestArbitrary, type Draw } from './fuzz-requests.js';
import { judge } from './fuzz-oracle.js';
import { servingOperation, type FuzzOperation } from './openapi-operations.js';
import { describeValue } from './values.js';

export interface FuzzOptions {
  seed: number;
  /** At least this many requests in all (every operation gets the same share, rounded up). */
  requests: number;
  /** The share of each operation's requests that are valid, sent first. */
  validShare: number;
  /** A request not answered within this long is a finding. */
  answerTimeoutMs: number;
  /** Every operation of the document, when `operations` is a part of it: a mutated request may reach any. */
  allOperations?: readonly FuzzOperation[];
}

export interface Finding {
  index: number;
  op: string;
  problems: string[];
  notes: string[];
  request: string;
  status: number;
  body: string;
}

export interface OperationStats {
  sent: number;
  succeeded: number;
  statuses: Map<number, number>;
  slowestMs: number;
}

export interface FuzzReport {
  sent: number;
  elapsedMs: number;
  statuses: Map<number, number>;
  codes: Map<string, number>;
  perOperation: Map<string, OperationStats>;
  findings: Finding[];
  /** Requests light-my-request refused to build (never sent). */
  unsendable: Array<{ index: number; op: string; error: string }>;
  /** Resident memory settled before and after the run, and the most seen during it (sampled every 250 requests). */
  rss: { before: number; after: number; peak: number };
  /** The V8 heap in use, settled, before and after. */
  heapUsed: { before: number; after: number };
  /**
   * Settled memory after each quarter of the requests (the last is `after`): a leak grows from
   * one to the next, while caches, pools and the allocator's reserve level off.
   */
  quarters: Array<{ sent: number; rss: number; heapUsed: number; heapTotal: number; external: number }>;
}

// The collector, callable from this test process (as `node --expose-gc` would make it).
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as (options?: { type: string; execution: string; flavor: string }) => void;
// 'last-resort' collects as under memory pressure: V8 (Node 24) otherwise keeps freed pages and a
// grown young generation until its memory reducer runs, 8 s of idleness later.
// Node 20 collects fully only without options.
const collectGarbage = () => {
  gc();
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
};

/**
 * The process's memory once its garbage is collected: what the server still holds, rather than
 * what the collector has not got round to (a run sends bodies of megabytes).
 */
export function settledMemory(): NodeJS.MemoryUsage {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage();
}

/** What a successful request of an operation may have changed in the fixture. */
const CHANGES: Record<string, FixturePart[]> = {
  updateOrganization: ['organizations'],
  updateOrganizationSettings: ['organizationSettings'],
  updateProjectSettings: ['projectSettings'],
  revokeCertificate: ['certificates'],
  revokeApiKey: ['apiKeys'],
  deleteCertificate: ['certificates'],
  deleteService: ['services'],
  removeServiceDomain: ['services'],
  attachDomainCertificate: ['services'],
  detachDomainCertificate: ['services'],
  requestDomainAutocert: ['services'],
  deleteApp: ['apps'],
  bindAppCertificate: ['apps'],
  unbindAppCertificate: ['apps'],
  importAppCertificate: ['apps'],
  deleteEndpoint: ['endpoints'],
  updateNotificationChannel: ['channels'],
  deleteNotificationChannel: ['channels'],
  revokeAccessKey: ['accessKeys'],
};

/**
 * A 32-bit seed for one (operation, phase) batch of draws. By operationId, not position: an
 * operation added to the document, or CERTKEEPER_FUZZ_ONLY, leaves the others' draws as they were.
 */
function batchSeed(seed: number, operationId: string, phase: number): number {
  let name = 0x811c9dc5;
  for (let i = 0; i < operationId.length; i++) name = Math.imul(name ^ operationId.charCodeAt(i), 0x01000193) >>> 0;
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const n of [name, phase]) {
    h = Math.imul(h ^ n, 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
  }
  return h | 0;
}

function summarize(request: InjectOptions): string {
  const headers = Object.entries((request.headers ?? {}) as Record<string, string>)
    .map(([k, v]) => `${k}: ${/^(authorization|x-api-key|x-auth-token)$/.test(k) ? `${String(v).slice(0, 18)}…` : String(v).slice(0, 80)}`)
    .join('; ');
  const payload = request.payload === undefined ? '' : Buffer.isBuffer(request.payload) ? `<${request.payload.length} bytes>` : String(request.payload);
  return `${request.method} ${String(request.url).slice(0, 300)} [${headers}] ${payload.length > 300 ? `${payload.slice(0, 300)}…(${payload.length} chars)` : payload}`;
}

/**
 * Sends the requests, one at a time (so that a seed replays the same sequence against the same
 * world): for each operation its valid draws first, round-robin over the operations, then its
 * mutated ones. Each answer is judged (fuzz-oracle.ts); a success that changed the fixture is
 * followed by `world.heal`.
 */
export async function runFuzz(world: FuzzWorld, operations: readonly FuzzOperation[], options: FuzzOptions): Promise<FuzzReport> {
  const perOp = Math.ceil(options.requests / operations.length);
  const validPerOp = Math.round(perOp * options.validShare);
  const phases = [
    { mode: 'valid' as const, count: validPerOp },
    { mode: 'mutated' as const, count: perOp - validPerOp },
  ];
  const report: FuzzReport = {
    sent: 0,
    elapsedMs: 0,
    statuses: new Map(),
    codes: new Map(),
    perOperation: new Map(operations.map((op) => [op.operationId, { sent: 0, succeeded: 0, statuses: new Map(), slowestMs: 0 }])),
    findings: [],
    unsendable: [],
    rss: { before: 0, after: 0, peak: 0 },
    heapUsed: { before: 0, after: 0 },
    quarters: [],
  };
  const total = phases.reduce((n, p) => n + p.count, 0) * operations.length;
  const quarterEnds = new Set([1, 2, 3].map((q) => Math.round((total * q) / 4)));
  const sample = () => {
    const m = settledMemory();
    report.quarters.push({ sent: report.sent, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external });
    return m;
  };
  const before = settledMemory();
  report.rss.before = before.rss;
  report.heapUsed.before = before.heapUsed;
  report.rss.peak = report.rss.before;
  const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  const started = performance.now();
  let index = 0;
  for (const [phase, { mode, count }] of phases.entries()) {
    const arbitraries = operations.map((op) => requestArbitrary(op, world, mode));
    const batches = operations.map((_op, o) => fc.sample(arbitraries[o], { seed: batchSeed(options.seed, operations[o].operationId, phase), numRuns: count }) as Draw[]);
    for (let round = 0; round < count; round++) {
      for (const [o, op] of operations.entries()) {
        const draw = batches[o][round];
        const i = index++;
        let request: InjectOptions;
        try {
          request = buildRequest(draw, op, world);
        } catch (err) {
          report.unsendable.push({ index: i, op: op.operationId, error: `build: ${(err as Error).message}` });
          continue;
        }
        const t0 = performance.now();
        let res;
        let timer: NodeJS.Timeout | undefined;
        try {
          res = await Promise.race([
            world.t.app.inject(request),
            new Promise<never>((_resolve, reject) => {
              timer = setTimeout(() => reject(new Error(`no answer within ${options.answerTimeoutMs} ms`)), options.answerTimeoutMs);
            }),
          ]);
        } catch (err) {
          const message = (err as Error).message;
          if (message.startsWith('no answer')) {
            report.findings.push({ index: i, op: op.operationId, problems: [message], notes: draw.notes, request: summarize(request), status: 0, body: '' });
          } else {
            report.unsendable.push({ index: i, op: op.operationId, error: message });
          }
          continue;
        } finally {
          // A pending timer would keep the race, and so the answer, alive until it fires.
          clearTimeout(timer);
        }
        const ms = performance.now() - t0;
        report.sent += 1;
        const stats = report.perOperation.get(op.operationId)!;
        stats.sent += 1;
        stats.slowestMs = Math.max(stats.slowestMs, ms);
        bump(stats.statuses, res.statusCode);
        bump(report.statuses, res.statusCode);
        const offRoute = (draw.kind === 'http' && draw.offRoute) || /\/\/|\/\.\.?(?:\/|$)/.test(String(request.url).split('?')[0]);
        const verdict = judge(op, request, res, offRoute);
        if (verdict.code) bump(report.codes, verdict.code);
        if (verdict.problems.length > 0) {
          report.findings.push({ index: i, op: op.operationId, problems: verdict.problems, notes: draw.notes, request: summarize(request), status: res.statusCode, body: res.body.slice(0, 400) });
        }
        // Issuance a request started goes on in the background: let it end, so that the next
        // request meets the same world on every run of the seed.
        await world.t.services.managed.idle();
        if (res.statusCode < 300) {
          stats.succeeded += 1;
          if (draw.kind === 'pop') {
            const nonce = nonceOf(request);
            if (nonce) world.usedNonces.push(nonce);
          }
          // A mutated method can land on another route (GET …/{id} sent as DELETE): heal what it changed.
          const served = servingOperation(options.allOperations ?? operations, String(request.method), String(request.url)) ?? op;
          const changed = CHANGES[served.operationId];
          if (changed) {
            try {
              await world.heal(new Set(changed));
            } catch (err) {
              throw new Error(`the fixture could not be put back after request #${i} (${served.operationId}, ${describeValue(draw.notes)}): ${summarize(request)} → ${res.statusCode} ${res.body.slice(0, 300)}`, { cause: err });
            }
          }
        }
        if (i % 250 === 0) report.rss.peak = Math.max(report.rss.peak, process.memoryUsage().rss);
        if (quarterEnds.has(i + 1)) sample();
      }
    }
  }
  report.elapsedMs = performance.now() - started;
  report.rss.peak = Math.max(report.rss.peak, process.memoryUsage().rss);
  const after = sample();
  report.rss.after = after.rss;
  report.heapUsed.after = after.heapUsed;
  return report;
}

/** The findings grouped by operation and problem, a few requests each, for a failure message. */
export function describeFindings(findings: readonly Finding[], replay: string, perGroup = 2): string {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.op}: ${f.problems.join('; ')}`;
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const lines = [`${findings.length} findings in ${groups.size} groups (${replay} replays the run)`];
  for (const [key, list] of groups) {
    lines.push(`- ${key} (${list.length}×)`);
    for (const f of list.slice(0, perGroup)) {
      lines.push(`    #${f.index} ${describeValue(f.notes)}`, `      → ${f.request}`, `      ← ${f.status} ${f.body.slice(0, 300)}`);
    }
  }
  return lines.join('\n');
}
