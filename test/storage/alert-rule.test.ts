/**
 * The alert rule's table: what `sweeps.fire` (storage/repositories/sweep-repository.ts, the only
 * copy of the rule) fires for one certificate at `now`, on both stores. Each case is a
 * certificate (lifetime, time left, status, mute, managed renewal), the project's policy and the
 * thresholds that had already fired, and the event the sweep fires, or none.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateRecord, LifecycleStatus } from '../../src/domain/certificate.js';
import type { AcmeProblem } from '../../src/domain/managed-certificate.js';
import { defaultNotificationPolicy, type NotificationPolicy } from '../../src/domain/notification-policy.js';
import type { Store } from '../../src/ports/store.js';
import { storeInternals } from '../../src/storage/kysely-store.js';
import { createTestStore, dialects } from '../support/test-store.js';
import { aCertificate, aManagedState } from './certificate-builder.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = new Date('2026-06-01T00:00:00.000Z');
const T0 = new Date('2026-01-01T00:00:00.000Z');

interface Fires {
  type: 'certificate.expiring' | 'certificate.expired';
  threshold: string;
  /** Whole days left, rounded down (negative once expired). */
  daysLeft: number;
  /** false: recorded, not to be sent (muted). */
  notify: boolean;
}

const expiring = (threshold: string, daysLeft: number, notify = true): Fires => ({ type: 'certificate.expiring', threshold, daysLeft, notify });
const expired = (daysLeft: number, notify = true): Fires => ({ type: 'certificate.expired', threshold: 'expired', daysLeft, notify });

interface Case {
  name: string;
  /** notAfter − notBefore, ms. */
  lifetime: number;
  /** notAfter − now, ms. */
  left: number;
  status?: LifecycleStatus;
  muted?: boolean;
  /** A managed certificate's renewal: renewAt relative to now (ms), or null when none is scheduled. */
  managed?: { renewAt: number | null; failureCount?: number; lastProblem?: AcmeProblem };
  /** Differences from the default policy (days 30, 14, 7, 3, 1; fractions 1/3, 1/6, 1/12). */
  policy?: Partial<NotificationPolicy>;
  /** Thresholds already fired for the certificate's current material. */
  fired?: string[];
  /** Thresholds fired for the slot's previous material, since replaced by a new one. */
  firedForPreviousMaterial?: string[];
  /** The certificate belongs to another project than the one swept. */
  otherProject?: boolean;
  fires: Fires | null;
}

const problem: AcmeProblem = { type: 'urn:ietf:params:acme:error:connection', detail: 'timeout' };

const cases: Case[] = [
  // Certificates living 90 days or more: whole days before notAfter; the most urgent crossed fires.
  { name: 'year-long, 100 days left: nothing crossed', lifetime: 365 * DAY, left: 100 * DAY, fires: null },
  { name: 'year-long, 31 days left: nothing crossed', lifetime: 365 * DAY, left: 31 * DAY, fires: null },
  { name: 'year-long, 30 days and 1 ms left: nothing crossed', lifetime: 365 * DAY, left: 30 * DAY + 1, fires: null },
  { name: 'year-long, exactly 30 days left', lifetime: 365 * DAY, left: 30 * DAY, fires: expiring('days:30', 30) },
  { name: 'year-long, 15 days left', lifetime: 365 * DAY, left: 15 * DAY, fires: expiring('days:30', 15) },
  { name: 'year-long, 14 days and 1 ms left', lifetime: 365 * DAY, left: 14 * DAY + 1, fires: expiring('days:30', 14) },
  { name: 'year-long, exactly 14 days left', lifetime: 365 * DAY, left: 14 * DAY, fires: expiring('days:14', 14) },
  { name: 'year-long imported 5 days before expiry: only the most urgent, 7 days', lifetime: 365 * DAY, left: 5 * DAY, fires: expiring('days:7', 5) },
  { name: 'year-long, exactly 7 days left', lifetime: 365 * DAY, left: 7 * DAY, fires: expiring('days:7', 7) },
  { name: 'year-long, exactly 3 days left', lifetime: 365 * DAY, left: 3 * DAY, fires: expiring('days:3', 3) },
  { name: 'year-long, 2 days left', lifetime: 365 * DAY, left: 2 * DAY, fires: expiring('days:3', 2) },
  { name: 'year-long, exactly 1 day left', lifetime: 365 * DAY, left: DAY, fires: expiring('days:1', 1) },
  { name: 'year-long, 1 ms left', lifetime: 365 * DAY, left: 1, fires: expiring('days:1', 0) },
  { name: 'year-long, expiring exactly now', lifetime: 365 * DAY, left: 0, fires: expired(0) },
  { name: 'year-long, expired 1 ms ago', lifetime: 365 * DAY, left: -1, fires: expired(-1) },
  { name: 'year-long, expired exactly 1 day ago', lifetime: 365 * DAY, left: -DAY, fires: expired(-1) },
  { name: 'year-long, expired 1 day and 1 ms ago', lifetime: 365 * DAY, left: -DAY - 1, fires: expired(-2) },
  { name: 'year-long, expired 400 days ago', lifetime: 365 * DAY, left: -400 * DAY, fires: expired(-400) },
  { name: 'exactly 90 days lives long: day thresholds', lifetime: 90 * DAY, left: 30 * DAY, fires: expiring('days:30', 30) },
  // Shorter-lived certificates: fractions of the lifetime remaining.
  { name: '90 days less 1 ms lives short: its third is just under 30 days', lifetime: 90 * DAY - 1, left: 30 * DAY, fires: null },
  { name: '90 days less 1 ms, 29 days left', lifetime: 90 * DAY - 1, left: 29 * DAY, fires: expiring('fraction:0.333333', 29) },
  // 45-day certificate: 1/3 = 15 d, 1/6 = 7.5 d, 1/12 = 3.75 d.
  { name: '45-day, 16 days left: nothing crossed', lifetime: 45 * DAY, left: 16 * DAY, fires: null },
  { name: '45-day, 15 days and 1 ms left: nothing crossed', lifetime: 45 * DAY, left: 15 * DAY + 1, fires: null },
  { name: '45-day, exactly a third left', lifetime: 45 * DAY, left: 15 * DAY, fires: expiring('fraction:0.333333', 15) },
  { name: '45-day, 8 days left', lifetime: 45 * DAY, left: 8 * DAY, fires: expiring('fraction:0.333333', 8) },
  { name: '45-day, exactly a sixth left', lifetime: 45 * DAY, left: 7.5 * DAY, fires: expiring('fraction:0.166667', 7) },
  { name: '45-day, exactly a twelfth left', lifetime: 45 * DAY, left: 3.75 * DAY, fires: expiring('fraction:0.083333', 3) },
  { name: '45-day, 1 hour left', lifetime: 45 * DAY, left: HOUR, fires: expiring('fraction:0.083333', 0) },
  { name: '45-day, expiring exactly now', lifetime: 45 * DAY, left: 0, fires: expired(0) },
  // 6-day certificate: 2 d, 1 d, 12 h.
  { name: '6-day, 3 days left: nothing crossed', lifetime: 6 * DAY, left: 3 * DAY, fires: null },
  { name: '6-day, 2 days left', lifetime: 6 * DAY, left: 2 * DAY, fires: expiring('fraction:0.333333', 2) },
  { name: '6-day, 1 day left', lifetime: 6 * DAY, left: DAY, fires: expiring('fraction:0.166667', 1) },
  { name: '6-day, 12 hours left', lifetime: 6 * DAY, left: 12 * HOUR, fires: expiring('fraction:0.083333', 0) },
  { name: '6-day, expired 1 ms ago', lifetime: 6 * DAY, left: -1, fires: expired(-1) },
  // Each threshold fires once per material.
  { name: 'already fired for this material', lifetime: 365 * DAY, left: 7 * DAY, fired: ['days:7'], fires: null },
  { name: 'larger thresholds fired earlier do not stop the next one', lifetime: 365 * DAY, left: 7 * DAY, fired: ['days:30', 'days:14'], fires: expiring('days:7', 7) },
  { name: '7 days fired, 3 days crossed since', lifetime: 365 * DAY, left: 3 * DAY, fired: ['days:30', 'days:14', 'days:7'], fires: expiring('days:3', 3) },
  { name: 'a fraction already fired', lifetime: 45 * DAY, left: 15 * DAY, fired: ['fraction:0.333333'], fires: null },
  { name: 'expired once', lifetime: 365 * DAY, left: -1, fired: ['expired'], fires: null },
  { name: 'a new material fires again', lifetime: 365 * DAY, left: 7 * DAY, firedForPreviousMaterial: ['days:7'], fires: expiring('days:7', 7) },
  { name: 'a new, expired material is recorded again', lifetime: 365 * DAY, left: -1, firedForPreviousMaterial: ['expired'], fires: expired(-1) },
  // Muted: fires as any other, recorded, not to be sent.
  { name: 'muted: recorded, not sent', lifetime: 365 * DAY, left: 7 * DAY, muted: true, fires: expiring('days:7', 7, false) },
  { name: 'muted short-lived: recorded, not sent', lifetime: 45 * DAY, left: 15 * DAY, muted: true, fires: expiring('fraction:0.333333', 15, false) },
  { name: 'muted, already recorded', lifetime: 365 * DAY, left: 7 * DAY, muted: true, fired: ['days:7'], fires: null },
  { name: 'muted and expired: recorded, not sent', lifetime: 365 * DAY, left: -1, muted: true, fires: expired(-1, false) },
  { name: 'muted and expired, already recorded', lifetime: 365 * DAY, left: -1, muted: true, fired: ['expired'], fires: null },
  { name: 'muted with a failed renewal: recorded, not sent', lifetime: 365 * DAY, left: 7 * DAY, muted: true, managed: { renewAt: -DAY, failureCount: 2 }, fires: expiring('days:7', 7, false) },
  { name: 'muted with a renewal scheduled before the threshold: nothing, as unmuted', lifetime: 365 * DAY, left: 7 * DAY, muted: true, managed: { renewAt: -1 }, fires: null },
  // Managed: a renewal scheduled before the threshold's point (here now, 7 days before notAfter) and not failed holds the alert.
  { name: 'managed, renewal scheduled 1 ms before the threshold', lifetime: 365 * DAY, left: 7 * DAY, managed: { renewAt: -1 }, fires: null },
  { name: 'managed, renewal scheduled exactly at the threshold', lifetime: 365 * DAY, left: 7 * DAY, managed: { renewAt: 0 }, fires: expiring('days:7', 7) },
  { name: 'managed, renewal scheduled 1 ms after the threshold', lifetime: 365 * DAY, left: 7 * DAY, managed: { renewAt: 1 }, fires: expiring('days:7', 7) },
  { name: 'managed, renewal not scheduled', lifetime: 365 * DAY, left: 7 * DAY, managed: { renewAt: null }, fires: expiring('days:7', 7) },
  { name: 'managed, renewal failed', lifetime: 365 * DAY, left: 7 * DAY, managed: { renewAt: -DAY, failureCount: 2 }, fires: expiring('days:7', 7) },
  { name: 'managed, a problem recorded', lifetime: 365 * DAY, left: 7 * DAY, managed: { renewAt: -DAY, lastProblem: problem }, fires: expiring('days:7', 7) },
  // The point is the most urgent crossed threshold's: 5 days left crosses 7 (point 2 days ago), not 30 (point 25 days ago).
  { name: 'managed, renewal between the 30-day and 7-day points', lifetime: 365 * DAY, left: 5 * DAY, managed: { renewAt: -3 * DAY }, fires: null },
  { name: 'managed, renewal after the crossed threshold\'s point', lifetime: 365 * DAY, left: 5 * DAY, managed: { renewAt: -DAY }, fires: expiring('days:7', 5) },
  { name: 'managed and expired: always recorded and sent', lifetime: 365 * DAY, left: -1, managed: { renewAt: -30 * DAY }, fires: expired(-1) },
  { name: 'short-lived managed, renewal before the 1/3 point', lifetime: 45 * DAY, left: 15 * DAY, managed: { renewAt: -DAY }, fires: null },
  { name: 'short-lived managed, renewal exactly at the 1/3 point', lifetime: 45 * DAY, left: 15 * DAY, managed: { renewAt: 0 }, fires: expiring('fraction:0.333333', 15) },
  // Only issued certificates of the swept project.
  { name: 'revoked', lifetime: 365 * DAY, left: 7 * DAY, status: 'revoked', fires: null },
  { name: 'revoked and expired', lifetime: 365 * DAY, left: -1, status: 'revoked', fires: null },
  { name: 'failed and expired', lifetime: 365 * DAY, left: -1, status: 'failed', fires: null },
  { name: 'pending validation and expired', lifetime: 365 * DAY, left: -1, status: 'pending_validation', fires: null },
  { name: 'validating', lifetime: 45 * DAY, left: 5 * DAY, status: 'validating', fires: null },
  { name: 'another project\'s certificate', lifetime: 365 * DAY, left: -1, otherProject: true, fires: null },
  // The policy.
  { name: 'digest changes how, not what: 7 days', lifetime: 365 * DAY, left: 7 * DAY, policy: { digest: true }, fires: expiring('days:7', 7) },
  { name: 'digest changes how, not what: a fraction', lifetime: 45 * DAY, left: 15 * DAY, policy: { digest: true }, fires: expiring('fraction:0.333333', 15) },
  { name: 'digest changes how, not what: muted and expired', lifetime: 365 * DAY, left: -1, muted: true, policy: { digest: true }, fires: expired(-1, false) },
  { name: 'digest changes how, not what: muted', lifetime: 365 * DAY, left: 7 * DAY, muted: true, policy: { digest: true }, fires: expiring('days:7', 7, false) },
  { name: 'custom days: 60', lifetime: 365 * DAY, left: 50 * DAY, policy: { thresholdDays: [60, 5] }, fires: expiring('days:60', 50) },
  { name: 'custom days: 5', lifetime: 365 * DAY, left: 5 * DAY, policy: { thresholdDays: [60, 5] }, fires: expiring('days:5', 5) },
  { name: 'custom days in any order', lifetime: 365 * DAY, left: 5 * DAY, policy: { thresholdDays: [5, 60] }, fires: expiring('days:5', 5) },
  { name: 'custom days leave the fractions alone', lifetime: 45 * DAY, left: 15 * DAY, policy: { thresholdDays: [60, 5] }, fires: expiring('fraction:0.333333', 15) },
  { name: 'no day thresholds: 1 day left crosses nothing', lifetime: 365 * DAY, left: DAY, policy: { thresholdDays: [] }, fires: null },
  { name: 'no day thresholds: expiry still fires', lifetime: 365 * DAY, left: -1, policy: { thresholdDays: [] }, fires: expired(-1) },
  { name: 'no fractions: 1 hour left crosses nothing', lifetime: 45 * DAY, left: HOUR, policy: { lifetimeFractions: [] }, fires: null },
  { name: 'no fractions: expiry still fires', lifetime: 45 * DAY, left: 0, policy: { lifetimeFractions: [] }, fires: expired(0) },
  // A fraction of 1/2 reaches 45 days before notAfter, past the 7-day window.
  { name: 'a fraction reaching past the day thresholds', lifetime: 89 * DAY, left: 44 * DAY, policy: { thresholdDays: [7], lifetimeFractions: [0.5] }, fires: expiring('fraction:0.5', 44) },
  { name: 'a fraction labelled with 6 decimals', lifetime: 10 * DAY, left: DAY, policy: { lifetimeFractions: [0.1234567] }, fires: expiring('fraction:0.123457', 1) },
];

/** Records thresholds as fired for a material, as an earlier sweep would have. */
async function recordFired(store: Store, cert: CertificateRecord, sslCertificateId: string, thresholds: readonly string[]): Promise<void> {
  if (thresholds.length === 0) return;
  const { db } = storeInternals(store);
  await db
    .insertInto('notification_fired')
    .values(thresholds.map((threshold) => ({ certificate_id: cert.id, ssl_certificate_id: sslCertificateId, threshold, project_id: cert.projectId, run_id: 'earlier', notify: 1, fired_at: T0.getTime() })))
    .execute();
}

type FiredRow = [sslCertificateId: string, threshold: string, notify: boolean];
const byMaterialAndThreshold = (a: FiredRow, b: FiredRow) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`);

/** The fired rows of a certificate, sorted. */
async function firedRows(store: Store, certificateId: number): Promise<FiredRow[]> {
  const { db } = storeInternals(store);
  const rows = await db.selectFrom('notification_fired').select(['ssl_certificate_id', 'threshold', 'notify']).where('certificate_id', '=', certificateId).execute();
  return rows.map((r): FiredRow => [r.ssl_certificate_id, r.threshold, Number(r.notify) === 1]).sort(byMaterialAndThreshold);
}

/** A certificate in `projectId` living `lifetime` ms and expiring `left` ms after NOW. */
async function addCertificate(store: Store, projectId: string, lifetime: number, left: number, overrides: Parameters<typeof aCertificate>[0] = {}): Promise<CertificateRecord> {
  const notAfter = new Date(NOW.getTime() + left);
  const notBefore = new Date(notAfter.getTime() - lifetime);
  const f = aCertificate({ projectId, organizationId: 'o1', notBefore, notAfter, ...overrides });
  return store.certificates.insert(f.cert, f.material);
}

/** Replaces the slot's material by a new one with the same validity (a re-issue or re-import). */
async function newMaterial(store: Store, cert: CertificateRecord): Promise<CertificateRecord> {
  const f = aCertificate({ projectId: cert.projectId, organizationId: 'o1', notBefore: cert.notBefore, notAfter: cert.notAfter, domainName: cert.domainName });
  return store.certificates.storeIssued(cert.id, f.cert, f.material, T0);
}

describe.each(dialects)('the alert rule (sweeps.fire) on %s', (dialect) => {
  let store: Store;
  let projects = 0;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    await store.organizations.insert({ id: 'o1', name: 'One', createdAt: T0 });
  });

  afterAll(async () => {
    await store.close();
  });

  /** Each test sweeps a project of its own, so the cases do not see each other's certificates. */
  async function newProject(): Promise<string> {
    const id = `p${++projects}`;
    await store.projects.insert({ id, organizationId: 'o1', name: id, createdAt: T0 });
    return id;
  }

  const fire = (projectId: string, policy: NotificationPolicy, now: Date, runId = randomUUID()) => store.transaction((tx) => tx.sweeps.fire(projectId, policy, now, runId));

  it.each(cases)('$name', async (c) => {
    const projectId = await newProject();
    const owner = c.otherProject ? await newProject() : projectId;
    let cert = await addCertificate(store, owner, c.lifetime, c.left, { status: c.status ?? 'issued', source: c.managed ? 'acme' : 'imported' });
    const recorded: FiredRow[] = [];
    if (c.firedForPreviousMaterial) {
      await recordFired(store, cert, cert.sslCertificateId, c.firedForPreviousMaterial);
      recorded.push(...c.firedForPreviousMaterial.map((th): FiredRow => [cert.sslCertificateId, th, true]));
      cert = await newMaterial(store, cert);
    }
    recorded.push(...(c.fired ?? []).map((th): FiredRow => [cert.sslCertificateId, th, true]));
    await recordFired(store, cert, cert.sslCertificateId, c.fired ?? []);
    if (c.muted) await store.sweeps.setMuted(cert.id, true, T0);
    if (c.managed) {
      const { renewAt, failureCount = 0, lastProblem = null } = c.managed;
      await store.managed.insert(aManagedState(cert.id, { renewAt: renewAt === null ? null : new Date(NOW.getTime() + renewAt), failureCount, lastProblem, updatedAt: T0 }));
    }
    const policy: NotificationPolicy = { ...defaultNotificationPolicy, ...c.policy };

    const first = await fire(projectId, policy, NOW);
    const f = c.fires;
    expect(first.events).toEqual(
      f
        ? [
            {
              eventId: expect.any(Number),
              type: f.type,
              certificateId: cert.id,
              notify: f.notify,
              // A muted event says so in its data.
              data: { threshold: f.threshold, daysLeft: f.daysLeft, sslCertificateId: cert.sslCertificateId, domainName: cert.domainName, notAfter: cert.notAfter.toISOString(), ...(f.notify ? {} : { muted: true }) },
              createdAt: NOW,
            },
          ]
        : [],
    );
    expect({ expiring: first.expiring, expired: first.expired, muted: first.muted }).toEqual({
      expiring: f?.type === 'certificate.expiring' ? 1 : 0,
      expired: f?.type === 'certificate.expired' ? 1 : 0,
      muted: f && !f.notify ? 1 : 0,
    });
    const stored = await store.events.listForProject(projectId, { pageIndex: 1, pageSize: 10 });
    expect(stored.items.map((e) => [e.id, e.type, e.objectId])).toEqual(first.events.map((e) => [e.eventId, e.type, String(e.certificateId)]));
    // What fired is recorded against the current material (a muted expiry with notify false); nothing else is.
    if (f) recorded.push([cert.sslCertificateId, f.threshold, f.notify]);
    expect(await firedRows(store, cert.id)).toEqual(recorded.sort(byMaterialAndThreshold));

    // A threshold fires once: sweeping again at the same time fires nothing.
    const again = await fire(projectId, policy, NOW);
    expect(again).toEqual({ expiring: 0, expired: 0, muted: 0, events: [] });
  });

  it('fires again for a new material, and then once', async () => {
    const projectId = await newProject();
    const cert = await addCertificate(store, projectId, 365 * DAY, 7 * DAY);
    const thresholds = async (now: Date) => (await fire(projectId, defaultNotificationPolicy, now)).events.map((e) => [e.data.sslCertificateId, e.data.threshold]);
    expect(await thresholds(NOW)).toEqual([[cert.sslCertificateId, 'days:7']]);
    expect(await thresholds(new Date(NOW.getTime() + HOUR))).toEqual([]);
    const renewed = await newMaterial(store, cert);
    expect(renewed.sslCertificateId).not.toBe(cert.sslCertificateId);
    expect(await thresholds(new Date(NOW.getTime() + 2 * HOUR))).toEqual([[renewed.sslCertificateId, 'days:7']]);
    expect(await thresholds(new Date(NOW.getTime() + 3 * HOUR))).toEqual([]);
  });

  it('unmuting re-arms the thresholds fired while muted, not the expiry: the next sweep fires the most urgent crossed one again, to be sent', async () => {
    const projectId = await newProject();
    const cert = await addCertificate(store, projectId, 365 * DAY, 20 * DAY);
    const gone = await addCertificate(store, projectId, 365 * DAY, -1);
    const fired = async (now: Date) =>
      (await fire(projectId, defaultNotificationPolicy, now)).events.map((e) => [e.certificateId, e.data.threshold, e.notify, e.data.muted]).sort((a, b) => Number(a[0]) - Number(b[0]));
    await store.sweeps.setMuted(cert.id, true, T0);
    await store.sweeps.setMuted(gone.id, true, T0);
    expect(await fired(NOW)).toEqual([[cert.id, 'days:30', false, true], [gone.id, 'expired', false, true]]);
    expect(await fired(new Date(NOW.getTime() + 7 * DAY))).toEqual([[cert.id, 'days:14', false, true]]);
    // Muting again changes nothing; unmuting brings back the crossed threshold, once.
    await store.sweeps.setMuted(cert.id, true, T0);
    await store.sweeps.setMuted(cert.id, false, T0);
    await store.sweeps.setMuted(gone.id, false, T0);
    expect(await fired(new Date(NOW.getTime() + 7 * DAY + HOUR))).toEqual([[cert.id, 'days:14', true, undefined]]);
    expect(await fired(new Date(NOW.getTime() + 7 * DAY + 2 * HOUR))).toEqual([]);
    expect(await firedRows(store, cert.id)).toEqual([[cert.sslCertificateId, 'days:14', true]]);
    expect(await firedRows(store, gone.id)).toEqual([[gone.sslCertificateId, 'expired', false]]);
  });

  it('follows the clock: swept hourly, each certificate crosses its thresholds in order, once each', async () => {
    const projectId = await newProject();
    const year = await addCertificate(store, projectId, 365 * DAY, 40 * DAY);
    const short = await addCertificate(store, projectId, 45 * DAY, 40 * DAY);
    const six = await addCertificate(store, projectId, 6 * DAY, 5 * DAY);
    const seen = new Map<number, string[]>([[year.id, []], [short.id, []], [six.id, []]]);
    for (let h = 0; h <= 41 * 24; h++) {
      const r = await fire(projectId, defaultNotificationPolicy, new Date(NOW.getTime() + h * HOUR));
      for (const e of r.events) seen.get(e.certificateId)!.push(String(e.data.threshold));
    }
    expect(Object.fromEntries([...seen].map(([id, keys]) => [id === year.id ? 'year' : id === short.id ? 'short' : 'six', keys]))).toEqual({
      year: ['days:30', 'days:14', 'days:7', 'days:3', 'days:1', 'expired'],
      short: ['fraction:0.333333', 'fraction:0.166667', 'fraction:0.083333', 'expired'],
      six: ['fraction:0.333333', 'fraction:0.166667', 'fraction:0.083333', 'expired'],
    });
  });
});
