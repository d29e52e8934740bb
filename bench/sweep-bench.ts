/**
 * The expiry sweep over N stored certificates (1,000,000 in `npm run bench`, target ≤ 2 s on
 * SQLite; docs/benchmarks.md).
 * Seeds one project with seedSyntheticCertificates (notAfter spread over the next 400 days,
 * ~5 % already expired, ~97 % issued), then times:
 * - the first sweep: every expired certificate records its expiry and every certificate within
 *   30 days of expiry fires its threshold (events created), then dispatches the project's new
 *   events through the real NotificationService (the project has no channel: the dispatch
 *   finds no cursor and no channel, and touches no event);
 * - a second sweep a minute later: the steady state (nothing new to fire, same scan).
 * As millionBench, it measures a server that has been serving the inventory, not the aftermath of
 * the bulk load: after seeding, the WAL is checkpointed, dirty pages are flushed (sync) and the
 * certificates table is read once; then the store is opened again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../src/ports/clock.js';
import { AddressPolicy } from '../src/net/address-policy.js';
import { OutboundHttp } from '../src/net/outbound-http.js';
import { createChannels } from '../src/notify/create-channels.js';
import type { Notifier } from '../src/ports/notifier.js';
import { AccessService } from '../src/services/access-service.js';
import { NotificationService } from '../src/services/notification-service.js';
import { SecretBox } from '../src/secrets/secret-box.js';
import { SweepService } from '../src/services/sweep-service.js';
import { createStore } from '../src/storage/create-store.js';
import { seedSyntheticCertificates } from './seed-synthetic.js';
import { aCertificate } from '../test/support/test-ca.js';
import { startPostgresCluster } from '../test/support/postgres.js';
import { settle } from './bench-lib.js';

export interface SweepBenchOptions {
  rows: number;
  dialect?: 'sqlite' | 'postgres';
  log?: (line: string) => void;
}

export interface SweepBenchResult {
  dialect: 'sqlite' | 'postgres';
  rows: number;
  seedSeconds: number;
  /** The first sweep: records every expiry and crossed threshold. */
  firstSweepSeconds: number;
  firstSweepEvents: number;
  /** A sweep with nothing new to fire. */
  steadySweepSeconds: number;
  /** Events the sweeps counted as to be sent (not muted). */
  notifiedItems: number;
  /** Time spent in the dispatch after the first sweep (included in firstSweepSeconds). */
  firstDispatchSeconds: number;
}

export async function sweepBench(options: SweepBenchOptions): Promise<SweepBenchResult> {
  const dialect = options.dialect ?? 'sqlite';
  const log = options.log ?? ((s: string) => process.stderr.write(s + '\n'));
  const work = mkdtempSync(path.join(tmpdir(), `certkeeper-sweep-bench-${dialect}-`));
  const cluster = dialect === 'postgres' ? await startPostgresCluster({ settings: { shared_buffers: '512MB' } }) : undefined;
  const sqliteFile = path.join(work, 'certkeeper.db');
  let store = await createStore({ databaseUrl: cluster?.url, sqlitePath: sqliteFile });
  try {
    const projectId = randomUUID();
    const organizationId = randomUUID();
    const seededAt = new Date();
    const materials = Array.from({ length: 4 }, (_, i) => {
      const c = aCertificate({ commonName: `sweep${i}.example.com` });
      return { der: c.certDer, chainPem: c.chainPem };
    });
    const t0 = performance.now();
    await seedSyntheticCertificates(store, { projectId, organizationId, count: options.rows, now: seededAt, materials, onProgress: (n) => log(`  sweep ${dialect}: seeded ${n}`) });
    const seedSeconds = (performance.now() - t0) / 1000;
    log(`sweep ${dialect}: seeded ${options.rows} certificates in ${seedSeconds.toFixed(1)} s`);
    await store.close();
    await settle(dialect, cluster?.url, sqliteFile);
    store = await createStore({ databaseUrl: cluster?.url, sqlitePath: sqliteFile });

    let at = seededAt.getTime();
    const clock: Clock = { now: () => new Date(at) };
    const access = new AccessService(store, clock);
    const notifications = new NotificationService(store, access, new SecretBox(randomBytes(32)), clock, createChannels({ http: new OutboundHttp(new AddressPolicy()), clock }), undefined, { instanceId: 'bench' });
    let dispatchMs = 0;
    const notifier: Notifier = {
      dispatch: async (id) => {
        const t = performance.now();
        const result = await notifications.dispatch(id);
        dispatchMs += performance.now() - t;
        return result;
      },
    };
    const sweeps = new SweepService(store, access, clock, { intervalMs: 600_000, instanceId: 'bench' }, notifier);
    const t1 = performance.now();
    const first = await sweeps.sweepProject(projectId, false);
    const firstSweepSeconds = (performance.now() - t1) / 1000;
    const firstDispatchSeconds = dispatchMs / 1000;
    at += 60_000;
    const t2 = performance.now();
    const steady = await sweeps.sweepProject(projectId, false);
    const steadySweepSeconds = (performance.now() - t2) / 1000;
    const firstSweepEvents = first ? first.expiring + first.expired : 0;
    log(
      `sweep ${dialect}: first sweep ${firstSweepSeconds.toFixed(3)} s (${firstSweepEvents} events: ${first?.expiring} expiring, ${first?.expired} expired; dispatch ${(firstDispatchSeconds * 1000).toFixed(1)} ms); ` +
        `steady sweep ${steadySweepSeconds.toFixed(3)} s (${steady ? steady.expiring + steady.expired : 0} events)`,
    );
    const notifiedItems = (first?.notified ?? 0) + (steady?.notified ?? 0);
    return { dialect, rows: options.rows, seedSeconds, firstSweepSeconds, firstSweepEvents, steadySweepSeconds, notifiedItems, firstDispatchSeconds };
  } finally {
    await store.close();
    await cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}


export function sweepTableRows(results: readonly SweepBenchResult[]): string[] {
  return results.flatMap((r) => [
    `| ${r.dialect}: sweep over ${r.rows} certificates, first (${r.firstSweepEvents} events) | ${r.firstSweepSeconds.toFixed(2)} s | ≤ 2 s on SQLite |`,
    `| ${r.dialect}: sweep over ${r.rows} certificates, steady state | ${r.steadySweepSeconds.toFixed(2)} s | ≤ 2 s on SQLite |`,
  ]);
}
