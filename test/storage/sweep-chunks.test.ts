/**
 * A sweep taken in chunks (sweeps.fire, its own transaction per chunk) fires what one pass over
 * the project fires, each threshold once; a sweep that fails half-way leaves whole chunks behind
 * (fired rows with their events) and the next sweep fires the rest. On both stores.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateRecord } from '../../src/domain/certificate.js';
import { defaultNotificationPolicy } from '../../src/domain/notification-policy.js';
import type { Store } from '../../src/ports/store.js';
import type { SweepChunking, SweepFired } from '../../src/ports/sweep-repository.js';
import { storeInternals } from '../../src/storage/kysely-store.js';
import { createTestStore, dialects, type Dialect } from '../support/test-store.js';
import { aCertificate, aManagedState } from './certificate-builder.js';

const DAY = 86_400_000;
const NOW = new Date('2026-06-01T00:00:00.000Z');
const T0 = new Date('2026-01-01T00:00:00.000Z');

/** One of the population's certificates: lifetime and time left (days), and what sets it apart. */
interface Member {
  lifetime: number;
  left: number;
  status?: 'issued' | 'revoked';
  muted?: boolean;
  /** A managed certificate whose renewal (days from now) is scheduled, and has failed or not. */
  renewAt?: number;
  failed?: boolean;
}

/**
 * Certificates spread over the window and past it, with runs sharing one notAfter (minted alike)
 * longer than the chunks below, muted, revoked and managed ones among them.
 */
const population: Member[] = [
  ...Array.from({ length: 12 }, (_, i): Member => ({ lifetime: 365, left: i * 3 - 4 })),
  ...Array.from({ length: 9 }, (): Member => ({ lifetime: 365, left: 6 })),
  ...Array.from({ length: 5 }, (): Member => ({ lifetime: 45, left: 10 })),
  ...Array.from({ length: 6 }, (_, i): Member => ({ lifetime: 6, left: i * 0.5 })),
  { lifetime: 365, left: 6, muted: true },
  { lifetime: 365, left: -1, muted: true },
  { lifetime: 365, left: 2, status: 'revoked' },
  { lifetime: 365, left: 20, renewAt: -11 },
  { lifetime: 365, left: 20, renewAt: -11, failed: true },
  { lifetime: 365, left: 6, renewAt: 3 },
  { lifetime: 365, left: 45 },
  { lifetime: 365, left: 200 },
];

/** What a sweep fired, by the certificate's place in the population, in a comparable order. */
type Fired = Array<[member: number, type: string, threshold: unknown, daysLeft: unknown, notify: boolean]>;

describe.each(dialects)('a sweep in chunks on %s', (dialect: Dialect) => {
  let store: Store;
  let projects = 0;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    await store.organizations.insert({ id: 'o1', name: 'One', createdAt: T0 });
  });

  afterAll(async () => {
    await store.close();
  });

  /** A project of its own holding the population; its certificates in population order. */
  async function populated(): Promise<{ projectId: string; certs: CertificateRecord[] }> {
    const projectId = `p${++projects}`;
    await store.projects.insert({ id: projectId, organizationId: 'o1', name: projectId, createdAt: T0 });
    const certs: CertificateRecord[] = [];
    for (const m of population) {
      const notAfter = new Date(NOW.getTime() + m.left * DAY);
      const f = aCertificate({ projectId, organizationId: 'o1', notBefore: new Date(notAfter.getTime() - m.lifetime * DAY), notAfter, status: m.status ?? 'issued', source: m.renewAt === undefined ? 'imported' : 'acme' });
      const cert = await store.certificates.insert(f.cert, f.material);
      if (m.muted) await store.sweeps.setMuted(cert.id, true, T0);
      if (m.renewAt !== undefined) {
        await store.managed.insert(aManagedState(cert.id, { renewAt: new Date(NOW.getTime() + m.renewAt * DAY), failureCount: m.failed ? 1 : 0, updatedAt: T0 }));
      }
      certs.push(cert);
    }
    return { projectId, certs };
  }

  const fire = (projectId: string, chunking: SweepChunking, now = NOW, detailLimit = 1000) => store.sweeps.fire(projectId, defaultNotificationPolicy, now, randomUUID(), detailLimit, chunking);

  function fired(r: SweepFired, certs: CertificateRecord[]): Fired {
    const member = new Map(certs.map((c, i) => [c.id, i]));
    return r.events.map((e): Fired[number] => [member.get(e.certificateId)!, e.type, e.data.threshold, e.data.daysLeft, e.notify]).sort((a, b) => a[0] - b[0]);
  }

  /** The project's fired rows and its sweep events, as certificate ids (sorted, repeats kept). */
  async function stored(projectId: string): Promise<{ firedRows: number[]; events: number[] }> {
    const { db } = storeInternals(store);
    const firedRows = await db.selectFrom('notification_fired').select('certificate_id').where('project_id', '=', projectId).execute();
    const events = await db.selectFrom('events').select('object_id').where('project_id', '=', projectId).where('type', 'in', ['certificate.expiring', 'certificate.expired']).execute();
    return { firedRows: firedRows.map((r) => Number(r.certificate_id)).sort((a, b) => a - b), events: events.map((r) => Number(r.object_id)).sort((a, b) => a - b) };
  }

  it('fires what one chunk fires, whatever the chunk size, once', async () => {
    const whole = await populated();
    const one = await fire(whole.projectId, { candidates: 1000 });
    const expected = fired(one, whole.certs);
    // Sanity: the population crosses thresholds of every kind, and a run of 9 shares a notAfter.
    expect(one.expiring).toBeGreaterThan(20);
    expect(one.expired).toBeGreaterThan(1);
    expect(one.muted).toBe(2);
    for (const candidates of [1, 2, 3, 4, 7]) {
      const p = await populated();
      const r = await fire(p.projectId, { candidates });
      expect(fired(r, p.certs), `chunks of ${candidates}`).toEqual(expected);
      expect({ expiring: r.expiring, expired: r.expired, muted: r.muted }).toEqual({ expiring: one.expiring, expired: one.expired, muted: one.muted });
      // The events come by id, and each carries its data.
      expect(r.events.map((e) => e.eventId)).toEqual([...r.events.map((e) => e.eventId)].sort((a, b) => a - b));
      expect(r.events.every((e) => e.data.sslCertificateId === p.certs.find((c) => c.id === e.certificateId)!.sslCertificateId)).toBe(true);
      const s = await stored(p.projectId);
      expect(s.events).toEqual(s.firedRows);
      expect(await fire(p.projectId, { candidates })).toEqual({ expiring: 0, expired: 0, muted: 0, events: [] });
    }
  });

  it('in the adaptive default and inside a caller transaction alike', async () => {
    const whole = await populated();
    const expected = fired(await fire(whole.projectId, { candidates: 1000 }), whole.certs);
    const adaptive = await populated();
    expect(fired(await fire(adaptive.projectId, {}), adaptive.certs)).toEqual(expected);
    const inTx = await populated();
    const r = await store.transaction((tx) => tx.sweeps.fire(inTx.projectId, defaultNotificationPolicy, NOW, randomUUID(), 1000, { candidates: 2 }));
    expect(fired(r, inTx.certs)).toEqual(expected);
  });

  it('details the first events by id across chunks, and counts them all', async () => {
    const p = await populated();
    const r = await fire(p.projectId, { candidates: 2 }, NOW, 5);
    const ids = (await storeInternals(store).db.selectFrom('events').select('id').where('project_id', '=', p.projectId).where('type', 'like', 'certificate.expir%').orderBy('id').execute()).map((e) => Number(e.id));
    expect(r.events.map((e) => e.eventId)).toEqual(ids.slice(0, 5));
    expect(r.expiring + r.expired).toBe(ids.length);
  });

  it('a sweep that fails half-way leaves whole chunks, each fired row with its event; the next fires the rest, once', async () => {
    const whole = await populated();
    const expected = fired(await fire(whole.projectId, { candidates: 1000 }), whole.certs);
    const p = await populated();
    // The chunk holding the certificate 10 days from expiry fails (a crash would roll it back alike).
    const failing = p.certs[population.findIndex((m) => m.lifetime === 365 && m.left === 11)]!;
    await failOn(failing.id);
    await expect(fire(p.projectId, { candidates: 3 })).rejects.toThrow(/chunk failed/);
    await clearFailure();
    const half = await stored(p.projectId);
    expect(half.firedRows.length).toBeGreaterThan(0);
    expect(half.firedRows.length).toBeLessThan(expected.length);
    // Everything before the failed chunk (in notAfter order), nothing from it.
    expect(half.firedRows).not.toContain(failing.id);
    expect(half.events).toEqual(half.firedRows);

    const rest = await fire(p.projectId, { candidates: 3 });
    const member = new Map(p.certs.map((c, i) => [c.id, i]));
    const firstPart = expected.filter(([i]) => half.firedRows.includes(p.certs[i]!.id));
    expect(rest.events.map((e) => member.get(e.certificateId)).sort((a, b) => a! - b!)).toEqual(expected.filter((e) => !firstPart.includes(e)).map(([i]) => i));
    const all = await stored(p.projectId);
    expect(all.events).toEqual(all.firedRows);
    expect(all.firedRows).toEqual(expected.map(([i]) => p.certs[i]!.id).sort((a, b) => a - b));
  });

  /** Makes inserting the certificate's fired row fail, as a crash in its chunk would. */
  async function failOn(certificateId: number): Promise<void> {
    const { db } = storeInternals(store);
    if (dialect === 'sqlite') {
      await sql`create trigger fail_chunk before insert on notification_fired when new.certificate_id = ${sql.lit(certificateId)} begin select raise(abort, 'chunk failed'); end`.execute(db);
    } else {
      await sql`create function fail_chunk() returns trigger language plpgsql as $$ begin if new.certificate_id = ${sql.lit(certificateId)} then raise exception 'chunk failed'; end if; return new; end $$`.execute(db);
      await sql`create trigger fail_chunk before insert on notification_fired for each row execute function fail_chunk()`.execute(db);
    }
  }

  async function clearFailure(): Promise<void> {
    const { db } = storeInternals(store);
    await sql`drop trigger fail_chunk${sql.raw(dialect === 'sqlite' ? '' : ' on notification_fired')}`.execute(db);
    if (dialect === 'postgres') await sql`drop function fail_chunk()`.execute(db);
  }
});
