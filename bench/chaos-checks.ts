/**
 * The chaos run's verdicts (bench/chaos.ts), as pure functions over what the run recorded: the
 * driver's requests and the down windows, the versions certkeeper stored against the
 * certificates Pebble issued, the notifiable events against what the webhook receiver got, and
 * the imports the driver saw acknowledged against the rows in the database. Tested in
 * test/bench/chaos-checks.test.ts.
 */

/** A span of time, epoch ms, both ends included. */
export interface Window {
  from: number;
  to: number;
}

/** When each server was down (killed until ready again) and when PostgreSQL was (restarted until every server was ready again). */
export interface DownWindows {
  servers: Record<string, Window[]>;
  postgres: Window[];
}

/** One HTTP attempt of the driver (a retried call is several). */
export interface RequestRecord {
  server: string;
  method: string;
  /** The path with ids replaced (`/api/v1/projects/:id/certificates/:id`). */
  route: string;
  start: number;
  end: number;
  /** null: no answer (connection refused or reset, timeout). */
  status: number | null;
  error?: string;
}

const overlaps = (r: { start: number; end: number }, w: Window) => r.start <= w.to && r.end >= w.from;

export interface RequestClassification {
  attempts: number;
  byStatusClass: Record<string, number>;
  /** Answers 500-599. */
  serverErrors: number;
  /** … that overlapped a down window of their server or of PostgreSQL. */
  serverErrorsWhileDown: number;
  /** … of those, by cause: a window of their server (killed), of PostgreSQL (restarted). */
  serverErrorsBy: { server: number; postgres: number };
  /** Every 5xx in a down window: server, route, status and when (epoch ms). */
  serverErrorsDuring: Array<{ server: string; route: string; status: number; at: number; cause: 'server' | 'postgres' }>;
  /** … that did not: the run's failures. */
  serverErrorsOutside: RequestRecord[];
  /** Attempts without an answer. */
  connectionErrors: number;
  connectionErrorsOutside: RequestRecord[];
}

/**
 * Sorts each attempt's outcome: a 5xx or a missing answer is expected only when the attempt
 * overlapped a window in which its server, or PostgreSQL, was down.
 */
export function classifyRequests(records: readonly RequestRecord[], windows: DownWindows): RequestClassification {
  const out: RequestClassification = {
    attempts: records.length,
    byStatusClass: {},
    serverErrors: 0,
    serverErrorsWhileDown: 0,
    serverErrorsBy: { server: 0, postgres: 0 },
    serverErrorsDuring: [],
    serverErrorsOutside: [],
    connectionErrors: 0,
    connectionErrorsOutside: [],
  };
  const serverDown = (r: RequestRecord) => (windows.servers[r.server] ?? []).some((w) => overlaps(r, w));
  const postgresDown = (r: RequestRecord) => windows.postgres.some((w) => overlaps(r, w));
  const down = (r: RequestRecord) => serverDown(r) || postgresDown(r);
  for (const r of records) {
    const cls = r.status === null ? 'no answer' : `${Math.floor(r.status / 100)}xx`;
    out.byStatusClass[cls] = (out.byStatusClass[cls] ?? 0) + 1;
    if (r.status === null) {
      out.connectionErrors++;
      if (!down(r)) out.connectionErrorsOutside.push(r);
    } else if (r.status >= 500) {
      out.serverErrors++;
      if (down(r)) {
        out.serverErrorsWhileDown++;
        const cause = serverDown(r) ? 'server' : 'postgres';
        out.serverErrorsBy[cause]++;
        out.serverErrorsDuring.push({ server: r.server, route: `${r.method} ${r.route}`, status: r.status, at: r.start, cause });
      } else out.serverErrorsOutside.push(r);
    }
  }
  return out;
}

/** A serial number as one spelling: lower-case hex without leading zeros. */
export function normalSerial(serial: string): string {
  return BigInt(`0x${serial.replace(/[^0-9a-fA-F]/g, '') || '0'}`).toString(16);
}

/** One material of a managed certificate, as certkeeper stored it. */
export interface StoredVersion {
  serial: string;
  /** When certkeeper stored it (the material's created_at). */
  storedAt: number;
  /** The renewAt certkeeper chose for it (its certificate.issued / .renewed event), if known. */
  renewAt: number | null;
}

export interface ManagedHistory {
  certificateId: number;
  domain: string;
  /** Every stored version, any order. */
  versions: StoredVersion[];
}

/** A forced renewal the driver asked for (POST …/renew), answered or not. */
export interface RenewRequest {
  certificateId: number;
  sentAt: number;
  /** When the answer (or the error) came. */
  endedAt: number;
}

export interface PrematureRenewal {
  certificateId: number;
  domain: string;
  serial: string;
  storedAt: number;
  previousSerial: string;
  previousRenewAt: number | null;
}

export interface RenewalCheck {
  /** Versions after the first, over every certificate. */
  renewals: number;
  /** … stored once the previous version's renewAt had come. */
  scheduled: number;
  /** … explained by a forced renewal the driver asked for (each request explains one). */
  forced: number;
  /** … neither: a renewal ordered twice, or before it was due. */
  premature: PrematureRenewal[];
  /** Certificates the CA issued that no certificate stores: an order finalized twice, or a result lost. */
  issuedButNotStored: string[];
  /** Stored versions the CA has no record of issuing (a wrong CA, or a log line missed). */
  storedButNotIssued: string[];
  /** Serials stored twice. */
  storedTwice: string[];
}

/**
 * Every due renewal exactly once: each version after the first must be explained, by the
 * previous version's renewAt having come (`slackMs` for clock reads) or by a forced renewal
 * whose request was in flight between the previous version and this one; and what the CA issued
 * and what certkeeper stored must be the same certificates.
 */
export function checkRenewals(histories: readonly ManagedHistory[], issuedByCa: readonly string[], requests: readonly RenewRequest[], slackMs = 1000): RenewalCheck {
  const out: RenewalCheck = { renewals: 0, scheduled: 0, forced: 0, premature: [], issuedButNotStored: [], storedButNotIssued: [], storedTwice: [] };
  const issued = new Set(issuedByCa.map(normalSerial));
  const stored = new Set<string>();
  const unused = [...requests].sort((a, b) => a.sentAt - b.sentAt).map((r) => ({ ...r, used: false }));
  for (const h of histories) {
    const versions = [...h.versions].sort((a, b) => a.storedAt - b.storedAt);
    versions.forEach((v, i) => {
      const serial = normalSerial(v.serial);
      if (stored.has(serial)) out.storedTwice.push(serial);
      stored.add(serial);
      if (!issued.has(serial)) out.storedButNotIssued.push(serial);
      if (i === 0) return;
      out.renewals++;
      const prev = versions[i - 1]!;
      if (prev.renewAt !== null && prev.renewAt <= v.storedAt + slackMs) {
        out.scheduled++;
        return;
      }
      const request = unused.find((r) => !r.used && r.certificateId === h.certificateId && r.sentAt <= v.storedAt + slackMs && r.endedAt >= prev.storedAt - slackMs);
      if (request) {
        request.used = true;
        out.forced++;
        return;
      }
      out.premature.push({ certificateId: h.certificateId, domain: h.domain, serial, storedAt: v.storedAt, previousSerial: normalSerial(prev.serial), previousRenewAt: prev.renewAt });
    });
  }
  for (const s of issued) if (!stored.has(s)) out.issuedButNotStored.push(s);
  return out;
}

export interface OrderCheck {
  /** Orders the CA created. */
  created: number;
  /** … finalized: a certificate issued for them. */
  issued: number;
  /** … set invalid (a challenge refused): certkeeper orders again after one, so in a run where every record is published before validation, each is a second order. */
  invalid: number;
  /** … still open and stored as some certificate's current order (a manual one waiting for its records). */
  open: number;
  /** … none of those: an order started and forgotten, then ordered again. */
  abandoned: string[];
}

/**
 * Every renewal ordered once at the CA: each order the CA created was finalized, or is the one a
 * certificate still waits on. One the CA refused, or one left behind, was followed by another
 * order for the same work.
 */
export function checkOrders(createdIds: readonly string[], issuedOrderIds: readonly string[], invalidIds: readonly string[], currentIds: readonly string[]): OrderCheck {
  const issued = new Set(issuedOrderIds);
  const invalid = new Set(invalidIds);
  const current = new Set(currentIds);
  const out: OrderCheck = { created: createdIds.length, issued: 0, invalid: 0, open: 0, abandoned: [] };
  for (const id of createdIds) {
    if (issued.has(id)) out.issued++;
    else if (invalid.has(id)) out.invalid++;
    else if (current.has(id)) out.open++;
    else out.abandoned.push(id);
  }
  return out;
}

/** One request the webhook receiver got. */
export interface Receipt {
  /** Which channel's URL it came to. */
  channel: string;
  /** The body's deliveryId. */
  deliveryId: string;
  /** The X-Certkeeper-Delivery header. */
  headerDeliveryId: string | undefined;
  /** The event ids of the body's items. */
  eventIds: number[];
  at: number;
  /** What the receiver answered. */
  answered: number;
  signatureOk: boolean;
}

/** A notifiable event and the channels that should hear of it. */
export interface ExpectedEvent {
  id: number;
  type: string;
  createdAt: number;
  channels: string[];
}

export interface DeliveryCheck {
  /** Notifiable events × their channels. */
  expected: number;
  /** Distinct deliveries the receiver accepted (2xx). */
  deliveries: number;
  /** Requests the receiver got, refused ones and repeats included. */
  receipts: number;
  /** Requests the receiver refused on purpose (retried by certkeeper). */
  refused: number;
  /** A delivery received again after the receiver had accepted it: the same delivery id, so the receiver drops it. */
  redeliveredSameId: number;
  /** An event that reached one channel in two different deliveries: nothing to deduplicate on but the event id. */
  duplicates: Array<{ eventId: number; channel: string; deliveryIds: string[] }>;
  /** Events a channel never accepted, recorded before `lostBefore`. */
  lost: Array<{ eventId: number; type: string; channel: string; createdAt: number }>;
  /** Events not accepted yet that were recorded after it (still on their way when the run stopped). */
  pendingAtEnd: number;
  /** Receipts whose header and body name different deliveries, or whose signature does not verify. */
  malformed: number;
  /** Event ids received that are not expected (another type, another project's). */
  unexpected: number;
}

/**
 * Every notifiable event delivered exactly once per channel, or at least once with a stable id:
 * an event may come again only in the same delivery (same delivery id, which the receiver can
 * drop); two deliveries of one event to one channel are duplicates, and an event a channel never
 * accepted, recorded before `lostBefore`, is lost.
 */
export function checkDeliveries(expected: readonly ExpectedEvent[], receipts: readonly Receipt[], lostBefore: number): DeliveryCheck {
  const out: DeliveryCheck = { expected: 0, deliveries: 0, receipts: receipts.length, refused: 0, redeliveredSameId: 0, duplicates: [], lost: [], pendingAtEnd: 0, malformed: 0, unexpected: 0 };
  /** channel → event id → accepted delivery ids */
  const accepted = new Map<string, Map<number, Set<string>>>();
  const acceptedDeliveries = new Set<string>();
  for (const r of [...receipts].sort((a, b) => a.at - b.at)) {
    if (r.headerDeliveryId !== r.deliveryId || !r.signatureOk) out.malformed++;
    if (r.answered < 200 || r.answered > 299) {
      out.refused++;
      continue;
    }
    const key = `${r.channel}\u0000${r.deliveryId}`;
    if (acceptedDeliveries.has(key)) out.redeliveredSameId++;
    acceptedDeliveries.add(key);
    let byEvent = accepted.get(r.channel);
    if (!byEvent) accepted.set(r.channel, (byEvent = new Map()));
    for (const id of r.eventIds) {
      let ids = byEvent.get(id);
      if (!ids) byEvent.set(id, (ids = new Set()));
      ids.add(r.deliveryId);
    }
  }
  out.deliveries = acceptedDeliveries.size;
  const wanted = new Set<string>();
  for (const e of expected) {
    for (const channel of e.channels) {
      out.expected++;
      wanted.add(`${channel}\u0000${e.id}`);
      const ids = accepted.get(channel)?.get(e.id);
      if (!ids || ids.size === 0) {
        if (e.createdAt < lostBefore) out.lost.push({ eventId: e.id, type: e.type, channel, createdAt: e.createdAt });
        else out.pendingAtEnd++;
      } else if (ids.size > 1) {
        out.duplicates.push({ eventId: e.id, channel, deliveryIds: [...ids] });
      }
    }
  }
  for (const [channel, byEvent] of accepted) for (const id of byEvent.keys()) if (!wanted.has(`${channel}\u0000${id}`)) out.unexpected++;
  return out;
}

/** An import the driver saw acknowledged (200 with the certificate's id). */
export interface AckedImport {
  projectId: string;
  id: number;
  fingerprintSha256: string;
}

/** An imported certificate row as the database has it. */
export interface StoredCertificate {
  projectId: string;
  id: number;
  fingerprintSha256: string;
}

export interface ImportCheck {
  acknowledged: number;
  /** Acknowledged, but no row with that id and fingerprint. */
  lost: AckedImport[];
  /** Fingerprints stored more than once in one project (a retried import counted twice). */
  storedTwice: string[];
}

const normalFingerprint = (f: string) => f.replace(/:/g, '').toLowerCase();

/** No lost import: everything acknowledged is there, under the id it was acknowledged with, and once. */
export function checkImports(acked: readonly AckedImport[], rows: readonly StoredCertificate[]): ImportCheck {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.projectId}\u0000${normalFingerprint(r.fingerprintSha256)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const lost = acked.filter((a) => {
    const row = byId.get(a.id);
    return !row || row.projectId !== a.projectId || normalFingerprint(row.fingerprintSha256) !== normalFingerprint(a.fingerprintSha256);
  });
  const storedTwice = [...seen].filter(([, n]) => n > 1).map(([k]) => k.split('\u0000')[1]!);
  return { acknowledged: new Set(acked.map((a) => a.id)).size, lost, storedTwice };
}
